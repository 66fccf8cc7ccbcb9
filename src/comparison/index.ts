import { DEFAULT_DECODE_BUDGET, IDecodeBudget } from './budget';
import { decodeImage } from './decodeImage';
import { normalizeImage } from './normalizeImage';
import { hashDistance, HASH_INPUT_SIZE, perceptualHash } from './perceptualHash';
import { onSide } from './PhotoDecodeError';
import { SAME_PHOTO_THRESHOLD } from './threshold';

export { PhotoDecodeError, isPhotoDecodeError } from './PhotoDecodeError';
export type { PhotoDecodeFailure } from './PhotoDecodeError';
export { sniffFormat, gifSize } from './sniffFormat';
export type { ImageFormat } from './sniffFormat';
export { DEFAULT_DECODE_BUDGET } from './budget';
export type { IDecodeBudget } from './budget';

export { SAME_PHOTO_THRESHOLD } from './threshold';

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
  const a = decodeSide(exchange, budget, 'exchange');
  const b = decodeSide(sharePoint, budget, 'sharePoint');
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

function decodeSide(bytes: Uint8Array, budget: IDecodeBudget, side: 'exchange' | 'sharePoint'): ReturnType<typeof decodeImage> {
  try {
    return decodeImage(bytes, budget);
  } catch (e) {
    throw onSide(e, side);
  }
}
