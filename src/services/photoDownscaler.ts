import { pictureSize } from '../comparison/sniffFormat';
import { ServiceError } from './ServiceError';

/**
 * Makes a square photo of at most `side` pixels from a photo of any size: the centre square, scaled down.
 * Microsoft Entra ID keeps photos "of any dimension" (Graph serves them only whole, from `/me/photo/$value`),
 * while the comparison and SharePoint work with square photos of a few hundred pixels.
 */
export interface IPhotoDownscaler {
  toSquare(bytes: Uint8Array, side: number, signal?: AbortSignal): Promise<Uint8Array>;
}

/**
 * The most pixels a photo may have before it is decoded at all: a 6000 x 6000 photo from a phone fits, a header
 * claiming 60,000 x 60,000 (a few KB that would decode to 14 GB) is refused.
 */
export const MAX_SOURCE_PIXELS = 36 * 1000 * 1000;
/** The most bytes read for such a photo: Graph's own limit for a photo upload is 4 MB. */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

/** Refuses a photo whose header is unreadable or too large to decode, before anything decodes it. */
export function checkSourcePhoto(bytes: Uint8Array): { width: number; height: number } {
  if (bytes.length > MAX_SOURCE_BYTES) {
    throw new ServiceError('exchange', 'too-large', `photo of ${bytes.length} bytes`);
  }
  const size = pictureSize(bytes);
  if (!size || !(size.width > 0 && size.height > 0)) {
    throw new ServiceError('exchange', 'not-an-image', 'the photo has no readable size');
  }
  if (size.width * size.height > MAX_SOURCE_PIXELS) {
    throw new ServiceError('exchange', 'too-large', `photo of ${size.width}x${size.height} pixels`);
  }
  return size;
}

/** The centre square of a `width` x `height` photo, and the side it is drawn at. */
export function centreSquare(width: number, height: number, side: number): { x: number; y: number; crop: number; target: number } {
  const crop = Math.min(width, height);
  return { x: Math.floor((width - crop) / 2), y: Math.floor((height - crop) / 2), crop, target: Math.min(side, crop) };
}

/**
 * The browser's own decoder and a canvas: native code, off the comparison's decode budget, no script from
 * anywhere (nothing here needs more than SharePoint's script policy allows). The result is a JPEG, as Graph's are.
 */
export function createCanvasDownscaler(doc?: Document): IPhotoDownscaler {
  return {
    async toSquare(bytes: Uint8Array, side: number): Promise<Uint8Array> {
      const size = checkSourcePhoto(bytes);
      const square = centreSquare(size.width, size.height, side);
      let bitmap: ImageBitmap;
      try {
        bitmap = await createImageBitmap(new Blob([bytes]), { imageOrientation: 'from-image' } as ImageBitmapOptions);
      } catch (e) {
        throw new ServiceError('exchange', 'not-an-image', `the browser could not decode the photo: ${e instanceof Error ? e.message : String(e)}`);
      }
      try {
        // EXIF rotation may have swapped the sides: crop from what was decoded.
        const shown = centreSquare(bitmap.width, bitmap.height, square.target);
        const canvas = (doc || document).createElement('canvas');
        canvas.width = shown.target;
        canvas.height = shown.target;
        const context = canvas.getContext('2d');
        if (!context) {
          throw new ServiceError('exchange', 'unexpected', 'no 2D canvas');
        }
        context.imageSmoothingEnabled = true;
        context.imageSmoothingQuality = 'high';
        context.drawImage(bitmap, shown.x, shown.y, shown.crop, shown.crop, 0, 0, shown.target, shown.target);
        const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
        if (!blob) {
          throw new ServiceError('exchange', 'unexpected', 'the canvas made no JPEG');
        }
        return new Uint8Array(await blob.arrayBuffer());
      } finally {
        bitmap.close();
      }
    }
  };
}
