import { IGreyImage } from './normalizeImage';
import { matchTones } from './commonTones';

/**
 * The second look: brings one grey image into register with the other (a small search over scale and shift),
 * then measures structural similarity (SSIM) region by region. A re-encoded, resized or mildly cropped copy of the
 * same capture is near-identical everywhere once aligned; a re-take is not, because somewhere (a head that moved,
 * an expression) its structure differs, even when framing and backdrop are the same. So the decision reads the
 * worst regions, not the average, which a small local change would barely move. Fine texture is forgiven the part of
 * its loss that copies of one capture show anyway (FORGIVEN).
 */

/** How `b` was moved onto `a`: `b` is sampled at `0.5 + (u - 0.5) * scale + (dx, dy)` in units of the image side. */
export interface IAlignment {
  scale: number;
  dx: number;
  dy: number;
}

export interface IStructuralComparison {
  /** 0 (identical once aligned) .. 1: one minus the SSIM of the worst regions. */
  distance: number;
  alignment: IAlignment;
  /** The coarse level alone decided: even the best alignment correlated below MIN_COARSE_CORRELATION. */
  coarse: boolean;
}

/** Widest re-framing searched: SharePoint copies cropped up to 5% a side are up to 11% larger, shifted up to 6%. */
export const MAX_SCALE_CHANGE = 0.12;
export const MAX_SHIFT = 0.06;
/** Share of each side left out of the comparison, where re-framing brings in what the other image never had. */
export const COMPARED_MARGIN = 0.13;
/**
 * Detail finer than this (Gaussian sigma, in pixels of the compared image) is left out: resizing, JPEG at quality
 * 20 and aliasing change it in copies of the same capture, while a new pose moves coarser structure.
 */
export const BLUR_SIGMA = 1.15;
/**
 * What a copy may lose at a pixel without it counting: FORGIVEN times what a further blur of FRAGILE_SIGMA px costs
 * the images themselves there (one minus the SSIM of each with its own blurred self; the greater loss of the two,
 * since aliasing or sharpening can leave either copy the rougher). Fine texture (feathers, fur, brush strokes)
 * loses much to a pixel of blur, and resizing, aliasing and sharpening change it in copies of one capture by about
 * as much; smooth structure (a face, a shoulder, a backdrop's edge) loses little to it, so a head that turned still
 * counts. Measured on the graded pairs (README): without it, the worst copy (a finely textured photo, aliased) read
 * 0.105 and the closest re-take 0.191; with it and the sharper BLUR_SIGMA it allows, 0.094 and 0.193.
 */
export const FRAGILE_SIGMA = 1;
export const FORGIVEN = 1.75;
/** The compared area is cut into BLOCKS x BLOCKS regions; the decision reads the worst WORST_BLOCKS of them. */
export const BLOCKS = 6;
export const WORST_BLOCKS = 2;

/**
 * Below this on the first footing, two photos are plainly copies of one capture, and the second footing (which can
 * only lower the distance) is not measured: most comparisons end here, with none of its work or garbage.
 */
export const SECOND_FOOTING_FROM = 0.05;

/** The second tone match's curve is its values at this many quantiles (the ends and every eighth between). */
export const TONE_KNOTS = 9;

const COARSE_SCALES = 9;
const COARSE_SHIFTS = 5;
const KEPT_CANDIDATES = 3;
/**
 * Below this correlation at the coarse level, even the best alignment leaves the photos unlike each other, and the
 * finer levels are skipped. Copies of one capture measured 0.930 at the least (test/comparisonPairs.ts: a finely
 * textured photo cropped 5% at 48 px; 0.953 with the heavier blur before BLUR_SIGMA was 1.15).
 */
export const MIN_COARSE_CORRELATION = 0.8;
const REFINE_ROUNDS = 2;

/**
 * Aligns `b` to `a` (both square, the same size, at least 32 px) and measures their structural distance.
 * Bounded work: a fixed number of candidate alignments at each pyramid level, whatever the pictures. `pause` is
 * awaited between the phases (each third of the coarse search, each finer level, the final measure), so a browser can let the page
 * respond while code that has not been optimised yet runs slowly the first time.
 */
export async function structuralDistance(
  a: IGreyImage,
  b: IGreyImage,
  pause: () => Promise<void> = () => Promise.resolve(),
  bAsDecoded?: IGreyImage
): Promise<IStructuralComparison> {
  if (a.size !== b.size || a.size < 32 || (bAsDecoded && bAsDecoded.size !== b.size)) {
    throw new RangeError('structuralDistance needs two images of the same size, 32 px or more');
  }
  a = gaussianBlur(a, BLUR_SIGMA);
  b = gaussianBlur(b, BLUR_SIGMA);
  const decoded = bAsDecoded ? gaussianBlur(bAsDecoded, BLUR_SIGMA) : undefined;
  const pyramidA = pyramid(a);
  const pyramidB = pyramid(b);
  const top = pyramidA.length - 1;

  // Coarsest level: every candidate of a grid over the whole range; keep the best few.
  let candidates: Array<{ alignment: IAlignment; score: number }> = [];
  const step = (2 * MAX_SHIFT) / (COARSE_SHIFTS - 1);
  for (let si = 0; si < COARSE_SCALES; si++) {
    if (si > 0 && si % 3 === 0) {
      await pause(); // the coarse grid in thirds
    }
    const scale = 1 - MAX_SCALE_CHANGE + (2 * MAX_SCALE_CHANGE * si) / (COARSE_SCALES - 1);
    for (let yi = 0; yi < COARSE_SHIFTS; yi++) {
      for (let xi = 0; xi < COARSE_SHIFTS; xi++) {
        const alignment = { scale, dx: -MAX_SHIFT + xi * step, dy: -MAX_SHIFT + yi * step };
        candidates.push({ alignment, score: correlation(pyramidA[top], pyramidB[top], alignment) });
      }
    }
  }
  candidates.sort((x, y) => y.score - x.score);
  candidates = candidates.slice(0, KEPT_CANDIDATES);
  if (candidates[0].score < MIN_COARSE_CORRELATION) {
    // Clearly different: one minus the correlation, at least 0.2, so above any threshold the verdict uses.
    return { distance: 1 - candidates[0].score, alignment: candidates[0].alignment, coarse: true };
  }

  // Finer levels: refine each kept candidate in a small neighbourhood, half a pixel of that level at a time.
  for (let level = top - 1; level >= 0; level--) {
    await pause();
    const size = pyramidA[level].size;
    candidates = candidates.map((c) => refine(pyramidA[level], pyramidB[level], c.alignment, 1 / size, 0.5 / size));
    candidates.sort((x, y) => y.score - x.score);
    candidates = candidates.slice(0, level === 1 ? 1 : KEPT_CANDIDATES);
  }
  await pause();
  // A last, quarter-pixel pass at full size, then the measure.
  const best = refine(pyramidA[0], pyramidB[0], candidates[0].alignment, 0.5 / a.size, 0.25 / a.size);
  const ofA = localMoments(a);
  const ofB = localMoments(warp(b, best.alignment));
  const forgiven = forgivenLoss(ofA, ofB);
  let distance = pool(ssimMap(ofA, ofB), forgiven, a.size);
  if (decoded && distance > SECOND_FOOTING_FROM) {
    // The second footing: `b` as decoded, its levels matched onto `a`'s over the area both show once aligned. What
    // is forgiven stays the first footing's: it is a property of the scene's texture, which a tone curve keeps.
    await pause();
    const matched = localMoments(matchTonesInComparedArea(a, warp(decoded, best.alignment)));
    distance = Math.min(distance, pool(ssimMap(ofA, matched), forgiven, a.size));
  }
  return { distance, alignment: best.alignment, coarse: false };
}

/**
 * `b`, brought into register with `a`, its levels matched onto `a`'s by rank over the compared area only. The first
 * footing (commonTones.ts) matches whole images; when one copy is also cropped or shifted, the two wholes hold
 * different content (a crop takes away much of a plain backdrop, a shift brings edge pixels in), so their level
 * distributions differ and that match distorts the tones (a portrait on a light wall, cropped 5% a side, read 0.27
 * to 0.42 with it). Once aligned, the compared areas show the same scene, and matching there undoes the tone change
 * alone; a re-take keeps its other structure, which no smooth mapping of levels moves. Each footing undoes what the
 * other cannot, so the distance is the lesser of the two: a copy of one capture is close on at least one of them,
 * a re-take is far on both.
 */
function matchTonesInComparedArea(a: IGreyImage, b: IGreyImage): IGreyImage {
  const n = a.size;
  const { first, last } = comparedRange(n);
  const span = last - first;
  const area = (image: IGreyImage): IGreyImage => {
    const data = new Float64Array(span * span);
    for (let y = 0; y < span; y++) {
      data.set(image.data.subarray((first + y) * n + first, (first + y) * n + last), y * span);
    }
    return { size: span, data };
  };
  // The mapping learnt on the compared area (b's level at each rank to a's), smoothed to its values at TONE_KNOTS
  // quantiles, and applied to every pixel of b (SSIM's window reaches a few pixels past the area's edge). Smoothed,
  // because a tone change is a smooth curve, while a full rank match is free enough to absorb part of a re-take's
  // real difference (measured: re-takes came 0.007 closer with it, copies no further apart).
  const fromB = area(b);
  const toA = matchTones(area(a), fromB);
  const order = Array.from(fromB.data.keys()).sort((x, y) => fromB.data[x] - fromB.data[y]);
  const knot = (i: number): number => order[Math.round((i * (order.length - 1)) / (TONE_KNOTS - 1))];
  const levels = Float64Array.from({ length: TONE_KNOTS }, (_, i) => fromB.data[knot(i)]);
  const mapped = Float64Array.from({ length: TONE_KNOTS }, (_, i) => toA.data[knot(i)]);
  return { size: n, data: b.data.map((v) => lookup(levels, mapped, v)) };
}

/** `mapped` at `v`'s place among the ascending `levels`, linearly between neighbours, held at the ends. */
function lookup(levels: Float64Array, mapped: Float64Array, v: number): number {
  const last = levels.length - 1;
  if (v <= levels[0]) {
    return mapped[0];
  }
  if (v >= levels[last]) {
    return mapped[last];
  }
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (levels[mid] <= v) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  const span = levels[hi] - levels[lo];
  return span > 0 ? mapped[lo] + ((mapped[hi] - mapped[lo]) * (v - levels[lo])) / span : mapped[lo];
}

/** Gaussian blur of standard deviation `sigma` px, edges clamped. */
function gaussianBlur(image: IGreyImage, sigma: number): IGreyImage {
  return sigma <= 0 ? image : { size: image.size, data: convolve(image.data, image.size, gaussianKernel(sigma, Math.ceil(sigma * 3))) };
}

/** A normalised Gaussian kernel of 2 * radius + 1 taps. */
function gaussianKernel(sigma: number, radius: number): Float64Array {
  const kernel = new Float64Array(2 * radius + 1);
  let sum = 0;
  for (let i = -radius; i <= radius; i++) {
    kernel[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
    sum += kernel[i + radius];
  }
  return kernel.map((v) => v / sum);
}

/** `values` (n x n) convolved with `kernel` along rows, then columns; edges clamped. */
function convolve(values: Float64Array, n: number, kernel: Float64Array): Float64Array {
  return convolveAxis(convolveAxis(values, n, kernel, 1), n, kernel, n);
}

/**
 * One pass of a separable convolution: along rows when `stride` is 1, along columns when it is `n`. Pixels whose
 * kernel lies inside the line are summed without clamping; only the `radius` pixels at each end clamp.
 */
function convolveAxis(values: Float64Array, n: number, kernel: Float64Array, stride: number): Float64Array {
  const radius = (kernel.length - 1) / 2;
  const taps = kernel.length;
  const out = new Float64Array(n * n);
  const lineStep = stride === 1 ? n : 1; // from one line (a row, or a column) to the next
  for (let line = 0; line < n; line++) {
    const start = line * lineStep;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      if (i >= radius && i < n - radius) {
        let at = start + (i - radius) * stride;
        for (let k = 0; k < taps; k++, at += stride) {
          sum += kernel[k] * values[at];
        }
      } else {
        for (let k = 0; k < taps; k++) {
          const along = clamp(i + k - radius, 0, n - 1);
          sum += kernel[k] * values[start + along * stride];
        }
      }
      out[start + i * stride] = sum;
    }
  }
  return out;
}

/**
 * Coordinate descent around `from`: each of scale, dx and dy one step up and down, keeping whatever correlates
 * better, for a fixed number of rounds (bounded work, whatever the pictures).
 */
function refine(a: IGreyImage, b: IGreyImage, from: IAlignment, scaleStep: number, shiftStep: number): { alignment: IAlignment; score: number } {
  let best = { alignment: from, score: correlation(a, b, from) };
  for (let round = 0; round < REFINE_ROUNDS; round++) {
    for (const sign of [-1, 1]) {
      const { scale, dx, dy } = best.alignment;
      const tries: IAlignment[] = [
        { scale: clamp(scale + sign * scaleStep, 1 - MAX_SCALE_CHANGE - scaleStep, 1 + MAX_SCALE_CHANGE + scaleStep), dx, dy },
        { scale, dx: clamp(dx + sign * shiftStep, -MAX_SHIFT - shiftStep, MAX_SHIFT + shiftStep), dy },
        { scale, dx, dy: clamp(dy + sign * shiftStep, -MAX_SHIFT - shiftStep, MAX_SHIFT + shiftStep) }
      ];
      for (const alignment of tries) {
        const score = correlation(a, b, alignment);
        if (score > best.score) {
          best = { alignment, score };
        }
      }
    }
  }
  return best;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** Halves the image until it is 16 px or less across: index 0 is the image itself. */
function pyramid(image: IGreyImage): IGreyImage[] {
  const levels = [image];
  while (levels[levels.length - 1].size > 16 && levels[levels.length - 1].size % 2 === 0) {
    const from = levels[levels.length - 1];
    const size = from.size / 2;
    const data = new Float64Array(size * size);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const o = 2 * y * from.size + 2 * x;
        data[y * size + x] = (from.data[o] + from.data[o + 1] + from.data[o + from.size] + from.data[o + from.size + 1]) / 4;
      }
    }
    levels.push({ size, data });
  }
  return levels;
}

/** The compared area, in pixels of an image of `size`: [first, last). */
function comparedRange(size: number): { first: number; last: number } {
  const margin = Math.round(size * COMPARED_MARGIN);
  return { first: margin, last: size - margin };
}

/**
 * Where output pixels [first, last) of one axis read from under a scale and shift: the lower source index and the
 * weight of the next one (bilinear, edges clamped). The move is separable, so rows and columns are computed once.
 */
interface IAxisMap {
  index: Int32Array;
  next: Int32Array;
  weight: Float64Array;
}

/** Reused axis maps and rows, by length: the search reads hundreds of candidates and would otherwise allocate for each. */
const scratch = new Map<number, { xs: IAxisMap; ys: IAxisMap; row: Float64Array }>();

function scratchFor(count: number): { xs: IAxisMap; ys: IAxisMap; row: Float64Array } {
  let s = scratch.get(count);
  if (!s) {
    const map = (): IAxisMap => ({ index: new Int32Array(count), next: new Int32Array(count), weight: new Float64Array(count) });
    s = { xs: map(), ys: map(), row: new Float64Array(count) };
    scratch.set(count, s);
  }
  return s;
}

/** Fills `map` for output pixels [first, first + map.index.length) of an axis of `size` under a scale and shift. */
function axisMap(map: IAxisMap, size: number, first: number, scale: number, shift: number): IAxisMap {
  for (let i = 0; i < map.index.length; i++) {
    const u = (first + i + 0.5) / size;
    let s = (0.5 + (u - 0.5) * scale + shift) * size - 0.5;
    s = s < 0 ? 0 : s > size - 1 ? size - 1 : s;
    const lower = Math.floor(s);
    map.index[i] = lower;
    map.next[i] = lower < size - 1 ? lower + 1 : lower;
    map.weight[i] = s - lower;
  }
  return map;
}

/** Row `j` of the mapped area of `b`, moved under the axis maps, into `out` (one value per mapped column). */
function alignedRow(b: IGreyImage, xs: IAxisMap, ys: IAxisMap, j: number, out: Float64Array): void {
  const n = b.size;
  const d = b.data;
  const row0 = ys.index[j] * n;
  const row1 = ys.next[j] * n;
  const ty = ys.weight[j];
  for (let k = 0; k < out.length; k++) {
    const x0 = xs.index[k];
    const x1 = xs.next[k];
    const tx = xs.weight[k];
    const top = d[row0 + x0] + (d[row0 + x1] - d[row0 + x0]) * tx;
    const bottom = d[row1 + x0] + (d[row1 + x1] - d[row1 + x0]) * tx;
    out[k] = top + (bottom - top) * ty;
  }
}

/** Normalized cross-correlation of `a` with `b` moved by `alignment`, over the compared area. */
function correlation(a: IGreyImage, b: IGreyImage, alignment: IAlignment): number {
  const n = a.size;
  const { first, last } = comparedRange(n);
  const { xs, ys, row } = scratchFor(last - first);
  axisMap(xs, n, first, alignment.scale, alignment.dx);
  axisMap(ys, n, first, alignment.scale, alignment.dy);
  let sa = 0;
  let sb = 0;
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  for (let j = 0; j < row.length; j++) {
    alignedRow(b, xs, ys, j, row);
    const offset = (first + j) * n + first;
    for (let k = 0; k < row.length; k++) {
      const va = a.data[offset + k];
      const vb = row[k];
      sa += va;
      sb += vb;
      saa += va * va;
      sbb += vb * vb;
      sab += va * vb;
    }
  }
  const count = row.length * row.length;
  const cov = sab - (sa * sb) / count;
  const va = saa - (sa * sa) / count;
  const vb = sbb - (sb * sb) / count;
  return va > 1e-9 && vb > 1e-9 ? cov / Math.sqrt(va * vb) : va <= 1e-9 && vb <= 1e-9 ? 1 : 0;
}

/** `b` resampled under the alignment, the size of `b`. */
function warp(b: IGreyImage, alignment: IAlignment): IGreyImage {
  const n = b.size;
  const { xs, ys } = scratchFor(n);
  axisMap(xs, n, 0, alignment.scale, alignment.dx);
  axisMap(ys, n, 0, alignment.scale, alignment.dy);
  const data = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    alignedRow(b, xs, ys, j, data.subarray(j * n, (j + 1) * n));
  }
  return { size: n, data };
}

/** SSIM's stabilising constants for 8-bit luminance (K1 = 0.01, K2 = 0.03). */
const C1 = (0.01 * 255) ** 2;
const C2 = (0.03 * 255) ** 2;
/** SSIM's local window: a 7-tap Gaussian of sigma 1.5, as SSIM's authors use. */
const WINDOW = gaussianKernel(1.5, 3);

/** Gaussian-weighted local mean of `values` (n x n). */
function localMean(values: Float64Array, n: number): Float64Array {
  return convolve(values, n, WINDOW);
}

/** An image with the local mean of its values and of their squares under SSIM's window: computed once per image. */
interface ILocalMoments {
  image: IGreyImage;
  mean: Float64Array;
  meanOfSquares: Float64Array;
}

function localMoments(image: IGreyImage): ILocalMoments {
  const n = image.size;
  return { image, mean: localMean(image.data, n), meanOfSquares: localMean(image.data.map((v) => v * v), n) };
}

/** The SSIM of each pixel's neighbourhood (Wang et al. 2004), n x n. */
function ssimMap(a: ILocalMoments, b: ILocalMoments): Float64Array {
  const n = a.image.size;
  const products = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) {
    products[i] = a.image.data[i] * b.image.data[i];
  }
  const ma = a.mean;
  const mb = b.mean;
  const mab = localMean(products, n);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) {
    const va = Math.max(0, a.meanOfSquares[i] - ma[i] * ma[i]);
    const vb = Math.max(0, b.meanOfSquares[i] - mb[i] * mb[i]);
    const cov = mab[i] - ma[i] * mb[i];
    out[i] = ((2 * ma[i] * mb[i] + C1) * (2 * cov + C2)) / ((ma[i] * ma[i] + mb[i] * mb[i] + C1) * (va + vb + C2));
  }
  return out;
}

/**
 * At each pixel, the SSIM a copy may lose there without it counting (see FORGIVEN): FORGIVEN times one minus the
 * SSIM of each image with itself blurred by FRAGILE_SIGMA, the greater of the two losses. n x n.
 */
function forgivenLoss(a: ILocalMoments, b: ILocalMoments): Float64Array {
  const lossOf = (image: ILocalMoments): Float64Array => ssimMap(image, localMoments(gaussianBlur(image.image, FRAGILE_SIGMA)));
  const ofA = lossOf(a);
  const ofB = lossOf(b);
  return ofA.map((v, i) => FORGIVEN * (1 - Math.min(v, ofB[i])));
}

/**
 * Mean SSIM of each block of the compared area, each pixel's loss less what is forgiven there; the distance is one
 * minus the mean of the worst blocks.
 */
function pool(ssim: Float64Array, forgiven: Float64Array, n: number): number {
  const { first, last } = comparedRange(n);
  const span = last - first;
  const blocks: number[] = [];
  for (let by = 0; by < BLOCKS; by++) {
    for (let bx = 0; bx < BLOCKS; bx++) {
      const y0 = first + Math.floor((by * span) / BLOCKS);
      const y1 = first + Math.floor(((by + 1) * span) / BLOCKS);
      const x0 = first + Math.floor((bx * span) / BLOCKS);
      const x1 = first + Math.floor(((bx + 1) * span) / BLOCKS);
      let s = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          s += Math.min(1, ssim[y * n + x] + forgiven[y * n + x]);
        }
      }
      blocks.push(s / ((y1 - y0) * (x1 - x0)));
    }
  }
  blocks.sort((x, y) => x - y);
  let worst = 0;
  for (let i = 0; i < WORST_BLOCKS; i++) {
    worst += blocks[i];
  }
  worst /= WORST_BLOCKS;
  return clamp(1 - worst, 0, 1);
}

