/**
 * Global tone changes that one pipeline applies and another does not: an embedded colour profile applied or
 * ignored, a JPEG's limited-range YCbCr read as full range, a thumbnailer that brightens or sharpens, an encoder's
 * colour conversion, a transparent PNG flattened onto a backdrop. Each works on 8-bit RGBA and clips at 0 and 255,
 * as every real pipeline does. Test helpers only: the comparison never sees how a copy was made.
 */
import { IRaw } from './photoFixtures';

/** Applies `curve` (0..255 in, any number out, clipped and rounded) to each colour channel; alpha is kept. */
export function mapChannels(r: IRaw, curve: (v: number, channel: 0 | 1 | 2) => number): IRaw {
  const table: Uint8Array[] = [0, 1, 2].map((c) => {
    const t = new Uint8Array(256);
    for (let v = 0; v < 256; v++) {
      t[v] = clampByte(curve(v, c as 0 | 1 | 2));
    }
    return t;
  });
  const out = new Uint8Array(r.data);
  for (let i = 0; i < out.length; i += 4) {
    out[i] = table[0][out[i]];
    out[i + 1] = table[1][out[i + 1]];
    out[i + 2] = table[2][out[i + 2]];
  }
  return { width: r.width, height: r.height, data: out };
}

function clampByte(v: number): number {
  return v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
}

/** `255 * (v / 255) ^ g`: below 1 lighter mid-tones, above 1 darker (a profile applied on one side only). */
export function gamma(r: IRaw, g: number): IRaw {
  return mapChannels(r, (v) => 255 * Math.pow(v / 255, g));
}

/** Every level moved by `levels` (of 255). */
export function brightness(r: IRaw, levels: number): IRaw {
  return mapChannels(r, (v) => v + levels);
}

/** Contrast times `k` about mid-grey. */
export function contrast(r: IRaw, k: number): IRaw {
  return mapChannels(r, (v) => 127.5 + k * (v - 127.5));
}

/** Full-range levels squeezed into 16..235 and shown as they are: a limited-range JPEG read as full range (washed out). */
export function limitedReadAsFull(r: IRaw): IRaw {
  return mapChannels(r, (v) => 16 + (v * 219) / 255);
}

/** The other way: full-range levels stretched as if 16..235 were the whole range (deeper blacks, clipped whites). */
export function fullReadAsLimited(r: IRaw): IRaw {
  return mapChannels(r, (v) => ((v - 16) * 255) / 219);
}

/** A warm (positive) or cool (negative) cast: red up and blue down by `levels`, or the reverse. */
export function colourCast(r: IRaw, levels: number): IRaw {
  return mapChannels(r, (v, c) => (c === 0 ? v + levels : c === 2 ? v - levels : v));
}

/** An unsharp mask as thumbnailers apply it: `v + amount * (v - blur(v))`, a 3x3 binomial blur. */
export function unsharpMask(r: IRaw, amount: number): IRaw {
  const { width, height, data } = r;
  const out = new Uint8Array(data);
  const at = (x: number, y: number, c: number): number =>
    data[(Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))) * 4 + c];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        let blur = 0;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            blur += at(x + dx, y + dy, c) * (dx === 0 ? 2 : 1) * (dy === 0 ? 2 : 1);
          }
        }
        blur /= 16;
        const v = at(x, y, c);
        out[(y * width + x) * 4 + c] = clampByte(v + amount * (v - blur));
      }
    }
  }
  return { width, height, data: out };
}

/**
 * A round cut-out: the picture inside a circle (centre and radius in shares of the side), transparent outside it,
 * with a soft edge a few pixels wide, as a portrait with its backdrop removed is saved as a PNG.
 */
export function roundCutOut(r: IRaw, cx: number, cy: number, radius: number): IRaw {
  const { width, height } = r;
  const out = new Uint8Array(r.data);
  const soft = 0.02;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const d = Math.hypot((x + 0.5) / width - cx, (y + 0.5) / height - cy);
      const coverage = d <= radius - soft ? 1 : d >= radius ? 0 : (radius - d) / soft;
      out[(y * width + x) * 4 + 3] = Math.round(out[(y * width + x) * 4 + 3] * coverage);
    }
  }
  return { width, height, data: out };
}

/** Transparency flattened onto one grey level (0 black, 255 white): what a conversion to JPEG leaves. */
export function flatten(r: IRaw, backdrop: number): IRaw {
  const out = new Uint8Array(r.data.length);
  for (let i = 0; i < out.length; i += 4) {
    const a = r.data[i + 3] / 255;
    for (let c = 0; c < 3; c++) {
      out[i + c] = Math.round(r.data[i + c] * a + backdrop * (1 - a));
    }
    out[i + 3] = 255;
  }
  return { width: r.width, height: r.height, data: out };
}
