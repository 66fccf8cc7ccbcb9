/**
 * Pixel helpers for the simulated tenant and the tests: decode, resize, re-encode, as SharePoint does when it
 * stores its thumbnails. Deliberately simpler than the comparison's own resampling (bilinear, not area
 * averaging), so the tests do not grade the comparison with its own method.
 */
import { decode, encode } from 'jpeg-js';
import { encode as encodePng } from 'fast-png';

export interface IRaw {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel. */
  data: Uint8Array;
}

export function decodeRaw(bytes: Uint8Array): IRaw {
  const d = decode(bytes, { useTArray: true, formatAsRGBA: true });
  return { width: d.width, height: d.height, data: d.data };
}

export function encodeJpeg(raw: IRaw, quality: number): Uint8Array {
  return new Uint8Array(encode({ width: raw.width, height: raw.height, data: Buffer.from(raw.data) }, quality).data);
}

export function encodePngRgba(raw: IRaw): Uint8Array {
  return encodePng({ width: raw.width, height: raw.height, data: raw.data, channels: 4, depth: 8 });
}

/**
 * Resize as image tools make thumbnails: when shrinking by more than half, first average whole blocks of pixels
 * (so fine texture does not alias into moire), then bilinear to the exact size.
 */
export function resize(raw: IRaw, width: number, height: number): IRaw {
  const k = Math.floor(Math.min(raw.width / width, raw.height / height) / 2);
  return bilinear(k >= 2 ? boxShrink(raw, k) : raw, width, height);
}

/** Averages k x k blocks (the last partial row and column of blocks dropped). */
function boxShrink(raw: IRaw, k: number): IRaw {
  const width = Math.floor(raw.width / k);
  const height = Math.floor(raw.height / k);
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let dy = 0; dy < k; dy++) {
          for (let dx = 0; dx < k; dx++) {
            sum += raw.data[((y * k + dy) * raw.width + x * k + dx) * 4 + c];
          }
        }
        out[(y * width + x) * 4 + c] = Math.round(sum / (k * k));
      }
    }
  }
  return { width, height, data: out };
}

/** Plain bilinear resize, no pre-filter: shrinking a lot aliases fine texture (kept for the harshest test copies). */
export function bilinear(raw: IRaw, width: number, height: number): IRaw {
  const out = new Uint8Array(width * height * 4);
  const src = raw.data;
  // Where each output column reads from, computed once (the same arithmetic for every row).
  const x0s = new Int32Array(width);
  const x1s = new Int32Array(width);
  const txs = new Float64Array(width);
  for (let x = 0; x < width; x++) {
    const fx = Math.max(0, ((x + 0.5) * raw.width) / width - 0.5);
    const x0 = Math.min(raw.width - 1, Math.floor(fx));
    x0s[x] = x0;
    x1s[x] = Math.min(raw.width - 1, x0 + 1);
    txs[x] = fx - x0;
  }
  for (let y = 0; y < height; y++) {
    const fy = Math.max(0, ((y + 0.5) * raw.height) / height - 0.5);
    const y0 = Math.min(raw.height - 1, Math.floor(fy));
    const y1 = Math.min(raw.height - 1, y0 + 1);
    const ty = fy - y0;
    const row0 = y0 * raw.width;
    const row1 = y1 * raw.width;
    for (let x = 0; x < width; x++) {
      const tx = txs[x];
      const a = (row0 + x0s[x]) * 4;
      const b = (row0 + x1s[x]) * 4;
      const c = (row1 + x0s[x]) * 4;
      const d = (row1 + x1s[x]) * 4;
      const o = (y * width + x) * 4;
      for (let k = 0; k < 4; k++) {
        const top = src[a + k] * (1 - tx) + src[b + k] * tx;
        const bottom = src[c + k] * (1 - tx) + src[d + k] * tx;
        out[o + k] = Math.round(top * (1 - ty) + bottom * ty);
      }
    }
  }
  return { width, height, data: out };
}

/** A square JPEG thumbnail of `size` px at `quality`, the way SharePoint keeps its S/M/L copies. */
export function thumbnail(jpeg: Uint8Array, size: number, quality: number): Uint8Array {
  return encodeJpeg(resize(decodeRaw(jpeg), size, size), quality);
}

/**
 * SharePoint's grey "no photo" placeholder: a light grey square with a darker head-and-shoulders silhouette,
 * drawn here because SharePoint's own image is Microsoft's.
 */
export function placeholderJpeg(size: number): Uint8Array {
  const data = new Uint8Array(size * size * 4);
  const cx = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const head = Math.hypot(x - cx, y - size * 0.38) < size * 0.18;
      const shoulders = y > size * 0.62 && Math.hypot((x - cx) / 1.5, y - size * 0.98) < size * 0.36;
      const v = head || shoulders ? 166 : 234;
      const o = (y * size + x) * 4;
      data[o] = v;
      data[o + 1] = v;
      data[o + 2] = v;
      data[o + 3] = 255;
    }
  }
  return encodeJpeg({ width: size, height: size, data }, 85);
}

/** Writes `count` copies of the RGBA pixel at `from` starting at `to`. */
function fillRun(data: Uint8Array, from: number, to: number, count: number): void {
  if (count <= 0) {
    return;
  }
  data.copyWithin(to, from, from + 4);
  for (let filled = 1; filled < count; filled *= 2) {
    data.copyWithin(to + filled * 4, to, to + Math.min(filled, count - filled) * 4);
  }
}

/**
 * A photo as Microsoft Entra ID may hold it, "of any dimension": the photo at `side` x `side` with `margin`
 * columns on each side repeating its edge pixels, so that its centre square is the photo itself. JPEG, quality 90.
 */
export function widePhoto(jpeg: Uint8Array, side: number, margin: number, quality: number = 90): Uint8Array {
  const square = resize(decodeRaw(jpeg), side, side);
  const width = side + 2 * margin;
  const data = new Uint8Array(width * side * 4);
  for (let y = 0; y < side; y++) {
    const row = y * width * 4;
    data.set(square.data.subarray(y * side * 4, (y + 1) * side * 4), row + margin * 4);
    // Each margin repeats its edge pixel: one pixel, then what is filled doubled until the margin is full.
    fillRun(data, row + margin * 4, row, margin);
    fillRun(data, row + (margin + side - 1) * 4, row + (margin + side) * 4, margin);
  }
  return encodeJpeg({ width, height: side, data }, quality);
}
