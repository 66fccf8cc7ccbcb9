import { structuralDistance } from './alignedSimilarity';
import { DEFAULT_DECODE_BUDGET, IDecodeBudget } from './budget';
import { decodeImage, IRgbaImage } from './decodeImage';
import { IGreyImage, normalizeImage } from './normalizeImage';
import { backdropFor, flattenOnto, matchTones } from './commonTones';
import { hashDistance, HASH_INPUT_SIZE, perceptualHash } from './perceptualHash';
import { onSide } from './PhotoDecodeError';
import { CLEARLY_DIFFERENT_HASH, SAME_PHOTO_THRESHOLD } from './threshold';

export { PhotoDecodeError, isPhotoDecodeError } from './PhotoDecodeError';
export type { PhotoDecodeFailure } from './PhotoDecodeError';
export { sniffFormat, gifSize } from './sniffFormat';
export type { ImageFormat } from './sniffFormat';
export { DEFAULT_DECODE_BUDGET } from './budget';
export type { IDecodeBudget } from './budget';

export { SAME_PHOTO_THRESHOLD, CLEARLY_DIFFERENT_HASH } from './threshold';

export interface IComparedImage {
  width: number;
  height: number;
  format: 'jpeg' | 'png';
}

export interface IPhotoComparison {
  verdict: 'same' | 'different';
  /**
   * 0 (the same once aligned) .. 1, on the scale of the look that decided: the aligned structural distance; when
   * the hash alone was sure they differ, the hash distance; when the coarse search was, one minus its correlation
   * (both then always above the threshold).
   */
  distance: number;
  threshold: number;
  /**
   * Which look decided: the hash (clearly different), the second look's coarse search (even the best alignment
   * correlates poorly: clearly different), or the full aligned structural comparison.
   */
  decidedBy: 'hash' | 'coarse' | 'aligned';
  /** The first look's share of differing hash bits, always computed. */
  hashDistance: number;
  exchange: IComparedImage;
  sharePoint: IComparedImage;
}

export interface ICompareOptions {
  budget?: IDecodeBudget;
  threshold?: number;
  /**
   * Called between the bounded steps of a comparison (each decode, each look), so a browser can let the page
   * respond in between; absent: the steps run back to back (Node, tests).
   */
  yieldBetweenSteps?: () => Promise<void>;
}

/** The second look compares grey images this many pixels across (less when a photo is smaller). */
export const ALIGNED_SIZE = 64;

/**
 * Compares the Exchange photo with SharePoint's copy by what they look like, not by their bytes (SharePoint keeps
 * resized, re-encoded thumbnails). A perceptual hash first; unless it is sure the two differ, a second look brings
 * them into register (scale and shift) and compares their structure region by region.
 * Pure: no DOM, canvas, network or globals. Rejects with a PhotoDecodeError when either side is not a decodable
 * photo within the budget.
 */
export async function comparePhotos(
  exchange: Uint8Array,
  sharePoint: Uint8Array,
  options: ICompareOptions = {}
): Promise<IPhotoComparison> {
  const budget = options.budget || DEFAULT_DECODE_BUDGET;
  const threshold = options.threshold === undefined ? SAME_PHOTO_THRESHOLD : options.threshold;
  const pause = options.yieldBetweenSteps || (() => Promise.resolve());
  const a = decodeSide(exchange, budget, 'exchange');
  await pause();
  const b = decodeSide(sharePoint, budget, 'sharePoint');
  await pause();
  // One resample, one tone match or one hash a step: run cold (the first comparisons on a page, before the engine
  // has optimised them), two of them together made tasks of over 50 ms.
  const smallOfA = normalizeImage(a, HASH_INPUT_SIZE);
  await pause();
  const small = [smallOfA, normalizeImage(b, HASH_INPUT_SIZE)] as const;
  const backdrops = [backdropFor(small[0], small[1]), backdropFor(small[1], small[0])] as const;
  const [smallA, smallB] = commonFooting(small[0], small[1], backdrops);
  await pause();
  const hashA = perceptualHash(smallA);
  await pause();
  const hash = hashDistance(hashA, perceptualHash(smallB));
  const described = { hashDistance: hash, threshold, exchange: describe(a), sharePoint: describe(b) };
  if (hash >= CLEARLY_DIFFERENT_HASH) {
    return { ...described, verdict: 'different', distance: hash, decidedBy: 'hash' };
  }
  await pause();
  const size = alignedSize(a, b);
  const largerOfA = normalizeImage(a, size);
  await pause();
  const largerOfB = normalizeImage(b, size);
  await pause();
  const [alignedA, alignedB] = commonFooting(largerOfA, largerOfB, backdrops);
  await pause();
  // Also `b` flattened but not tone-matched as a whole: the second look matches it once aligned, over the area both
  // show, where a crop no longer makes their histograms differ (alignedSimilarity.ts).
  const { distance, coarse } = await structuralDistance(alignedA, alignedB, pause, flattenOnto(largerOfB, backdrops[1]));
  return { ...described, verdict: distance <= threshold ? 'same' : 'different', distance, decidedBy: coarse ? 'coarse' : 'aligned' };
}

/**
 * Both grey images on one footing: transparency flattened onto the backdrop the other copy has there, then the
 * SharePoint side's levels mapped onto the Exchange side's (see commonTones.ts).
 */
function commonFooting(a: IGreyImage, b: IGreyImage, backdrops: readonly [number | undefined, number | undefined]): [IGreyImage, IGreyImage] {
  const flatA = flattenOnto(a, backdrops[0]);
  return [flatA, matchTones(flatA, flattenOnto(b, backdrops[1]))];
}

/** ALIGNED_SIZE, or the smaller photo's shorter side (rounded down to a multiple of 16, 32 at the least). */
function alignedSize(a: IRgbaImage, b: IRgbaImage): number {
  const smallest = Math.min(a.width, a.height, b.width, b.height);
  return Math.max(32, Math.min(ALIGNED_SIZE, Math.floor(smallest / 16) * 16));
}

function describe(image: IRgbaImage): IComparedImage {
  return { width: image.width, height: image.height, format: image.format };
}

function decodeSide(bytes: Uint8Array, budget: IDecodeBudget, side: 'exchange' | 'sharePoint'): IRgbaImage {
  try {
    return decodeImage(bytes, budget);
  } catch (e) {
    throw onSide(e, side);
  }
}
