import { decodeImage, DEFAULT_DECODE_BUDGET, IDecodeBudget } from './decodeImage';
import { normalizeImage } from './normalizeImage';
import { hashDistance, HASH_INPUT_SIZE, perceptualHash } from './perceptualHash';

export { PhotoDecodeError, isPhotoDecodeError } from './PhotoDecodeError';
export type { PhotoDecodeFailure } from './PhotoDecodeError';
export { sniffFormat, gifSize } from './sniffFormat';
export type { ImageFormat } from './sniffFormat';
export { DEFAULT_DECODE_BUDGET } from './decodeImage';
export type { IDecodeBudget } from './decodeImage';

/**
 * Share of differing hash bits at or below which two photos are the same picture. Measured on the fixtures
 * (comparePhotos.test.ts): re-encoded, resized, cropped, grey and rotated copies measured 0 to 0.063,
 * different photos 0.375 to 0.594. The threshold sits between them, with room on both sides.
 */
export const SAME_PHOTO_THRESHOLD = 0.2;

export interface IComparedImage {
  width: number;
  height: number;
  format: 'jpeg' | 'png';
}

export interface IPhotoComparison {
  verdict: 'same' | 'different';
  /** 0 (identical to the eye) .. 1; about 0.5 for unrelated photos. */
  distance: number;
  threshold: number;
  exchange: IComparedImage;
  sharePoint: IComparedImage;
}

export interface ICompareOptions {
  budget?: IDecodeBudget;
  threshold?: number;
}

/**
 * Compares the Exchange photo with SharePoint's copy by what they look like, not by their bytes
 * (SharePoint keeps resized, re-encoded thumbnails). Pure: no DOM, canvas, network or globals.
 * Rejects with a PhotoDecodeError when either side is not a decodable photo within the budget.
 */
export async function comparePhotos(
  exchange: Uint8Array,
  sharePoint: Uint8Array,
  options: ICompareOptions = {}
): Promise<IPhotoComparison> {
  const budget = options.budget || DEFAULT_DECODE_BUDGET;
  const threshold = options.threshold === undefined ? SAME_PHOTO_THRESHOLD : options.threshold;
  const a = decodeImage(exchange, budget);
  const b = decodeImage(sharePoint, budget);
  const distance = hashDistance(
    perceptualHash(normalizeImage(a, HASH_INPUT_SIZE)),
    perceptualHash(normalizeImage(b, HASH_INPUT_SIZE))
  );
  return {
    verdict: distance <= threshold ? 'same' : 'different',
    distance,
    threshold,
    exchange: { width: a.width, height: a.height, format: a.format },
    sharePoint: { width: b.width, height: b.height, format: b.format }
  };
}
