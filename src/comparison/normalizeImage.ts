import { IRgbaImage } from './decodeImage';

/** A square grey image, luminance 0..255 as floats, row by row. */
export interface IGreyImage {
  size: number;
  data: Float64Array;
  /**
   * For a photo with transparency, the share (0..1) of each pixel that the photo covers; `data` is then flattened
   * onto white. Absent when every pixel is opaque (every JPEG).
   */
  coverage?: Float64Array;
}

/**
 * Brings any decoded photo to the same footing: upright (EXIF orientation applied), flattened onto white,
 * reduced to luminance, centre-cropped to a square and area-averaged down (or up) to `size` x `size`.
 * Area averaging is what makes a 48 px SharePoint thumbnail and a 648 px Exchange photo comparable. A PNG with
 * transparency also gets its coverage, averaged the same way, so that it can be flattened onto another backdrop
 * later (averaging is linear: flattening before or after it gives the same grey image).
 */
export function normalizeImage(image: IRgbaImage, size: number): IGreyImage {
  const upright = orientedSize(image);
  const side = Math.min(upright.width, upright.height);
  const left = (upright.width - side) / 2;
  const top = (upright.height - side) / 2;
  const xs = axisWeights(left, side, size);
  const ys = axisWeights(top, side, size);
  const data = areaAverage(image, xs, ys, size, false);
  return hasTransparency(image) ? { size, data, coverage: areaAverage(image, xs, ys, size, true) } : { size, data };
}

/**
 * The upright image area-averaged onto `size` x `size` cells: its luminance flattened onto white, or with
 * `coverage`, its alpha (0..1). Rows first: for each output row, the weighted sum of the input rows it covers, at
 * every input column; then the columns.
 */
function areaAverage(image: IRgbaImage, xs: Array<Array<[number, number]>>, ys: Array<Array<[number, number]>>, size: number, coverage: boolean): Float64Array {
  const width = orientedSize(image).width;
  const d = image.data;
  const rows = new Float64Array(size * width);
  const out = new Float64Array(size * size);
  for (let oy = 0; oy < size; oy++) {
    for (const [sy, wy] of ys[oy]) {
      for (let sx = 0; sx < width; sx++) {
        const o = sourceOffset(image, sx, sy);
        const alpha = d[o + 3] / 255;
        rows[oy * width + sx] += wy * (coverage ? alpha : (0.299 * d[o] + 0.587 * d[o + 1] + 0.114 * d[o + 2]) * alpha + 255 * (1 - alpha));
      }
    }
  }
  for (let oy = 0; oy < size; oy++) {
    for (let ox = 0; ox < size; ox++) {
      let sum = 0;
      for (const [sx, wx] of xs[ox]) {
        sum += wx * rows[oy * width + sx];
      }
      out[oy * size + ox] = sum;
    }
  }
  return out;
}

/** A JPEG never has transparency; a PNG has when any pixel's alpha is below 255. */
function hasTransparency(image: IRgbaImage): boolean {
  if (image.format !== 'png') {
    return false;
  }
  for (let o = 3; o < image.data.length; o += 4) {
    if (image.data[o] !== 255) {
      return true;
    }
  }
  return false;
}

function orientedSize(image: IRgbaImage): { width: number; height: number } {
  // Orientations 5..8 swap the axes.
  return image.orientation >= 5 ? { width: image.height, height: image.width } : { width: image.width, height: image.height };
}

/** Where the pixel at upright coordinates (x, y) is stored: the offset of its RGBA bytes. */
function sourceOffset(image: IRgbaImage, x: number, y: number): number {
  const { width, height } = image;
  let sx = x;
  let sy = y;
  switch (image.orientation) {
    case 2: sx = width - 1 - x; break;
    case 3: sx = width - 1 - x; sy = height - 1 - y; break;
    case 4: sy = height - 1 - y; break;
    case 5: sx = y; sy = x; break;
    case 6: sx = y; sy = height - 1 - x; break;
    case 7: sx = width - 1 - y; sy = height - 1 - x; break;
    case 8: sx = width - 1 - y; sy = x; break;
    default: break;
  }
  return (sy * width + sx) * 4;
}

/**
 * For each of `size` output cells along one axis, the input indexes it covers and their weights (summing to 1),
 * over the input span [start, start + length).
 */
function axisWeights(start: number, length: number, size: number): Array<Array<[number, number]>> {
  const scale = length / size;
  const cells: Array<Array<[number, number]>> = [];
  for (let i = 0; i < size; i++) {
    const from = start + i * scale;
    const to = from + scale;
    const weights: Array<[number, number]> = [];
    for (let s = Math.floor(from); s < Math.ceil(to); s++) {
      const covered = Math.min(to, s + 1) - Math.max(from, s);
      if (covered > 1e-9) {
        weights.push([s, covered / scale]);
      }
    }
    cells.push(weights);
  }
  return cells;
}
