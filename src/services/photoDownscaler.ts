import { pictureSize, sniffFormat } from '../comparison/sniffFormat';
import { exifOrientation } from '../comparison/exifOrientation';
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
 * The most pixels a photo may have before it is decoded at all. Microsoft 365 admins upload camera originals to
 * Entra ID (8256 x 5504, 45 MP, fits Graph's 4 MB), and a 12,000 x 8,000 photo (96 MP) is within what browsers
 * decode; beyond 150 MP no camera photo fits in 4 MB, and a header that claims it is not telling the truth.
 */
export const MAX_SOURCE_PIXELS = 150 * 1000 * 1000;
/** The most bytes read for such a photo: Graph's own limit for a photo upload is 4 MB. */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;
/**
 * No JPEG or PNG of a real photo is smaller than this per megapixel (even a flat grey baseline JPEG spends some
 * 6 bits on each 8 x 8 block, 11 KB a megapixel): a few KB whose header claims tens of thousands of pixels a side is
 * a header that lies, refused before any decode.
 */
export const MIN_BYTES_PER_MEGAPIXEL = 500;

/** Refuses a photo whose header is unreadable, or lies about its size, before anything decodes it. */
export function checkSourcePhoto(bytes: Uint8Array): { width: number; height: number } {
  if (bytes.length > MAX_SOURCE_BYTES) {
    throw new ServiceError('exchange', 'too-large', `photo of ${bytes.length} bytes`);
  }
  const size = pictureSize(bytes);
  if (!size || !(size.width > 0 && size.height > 0)) {
    throw new ServiceError('exchange', 'not-an-image', 'the photo has no readable size');
  }
  const pixels = size.width * size.height;
  if (pixels > MAX_SOURCE_PIXELS || bytes.length < (pixels / 1e6) * MIN_BYTES_PER_MEGAPIXEL) {
    throw new ServiceError('exchange', 'too-large', `a header claiming ${size.width}x${size.height} pixels in ${bytes.length} bytes`);
  }
  return size;
}

/** The size a photo is shown at: EXIF orientations 5 to 8 turn it a quarter, swapping its sides. */
export function shownSize(bytes: Uint8Array, stored: { width: number; height: number }): { width: number; height: number } {
  const turned = sniffFormat(bytes) === 'jpeg' && exifOrientation(bytes) >= 5;
  return turned ? { width: stored.height, height: stored.width } : stored;
}

/**
 * What to ask the browser's decoder for: the whole photo scaled so that its shorter side is a little over the
 * square wanted (the centre square is cut from it afterwards), never larger than the photo.
 */
export function decodeSize(shown: { width: number; height: number }, side: number): { width: number; height: number } {
  const scale = Math.min(1, side / Math.min(shown.width, shown.height));
  return { width: Math.max(1, Math.round(shown.width * scale)), height: Math.max(1, Math.round(shown.height * scale)) };
}

/** The centre square of a `width` x `height` photo, and the side it is drawn at. */
export function centreSquare(width: number, height: number, side: number): { x: number; y: number; crop: number; target: number } {
  const crop = Math.min(width, height);
  return { x: Math.floor((width - crop) / 2), y: Math.floor((height - crop) / 2), crop, target: Math.min(side, crop) };
}

/**
 * The browser's own decoder and a canvas: native code off the main thread (`createImageBitmap` decodes a Blob in the
 * background), no script from anywhere (nothing here needs more than SharePoint's script policy allows). The
 * decoder is asked for the photo already scaled down (`resizeWidth`/`resizeHeight`), which lets a browser that
 * scales while decoding (JPEG's DCT scaling) skip the full-size bitmap, and in any case hands this code only the
 * small one: a 45 MP camera original is a 1.5 MB bitmap here, never a 180 MB one. The result is a JPEG, as Graph's
 * are.
 */
export function createCanvasDownscaler(doc?: Document): IPhotoDownscaler {
  return {
    async toSquare(bytes: Uint8Array, side: number): Promise<Uint8Array> {
      const stored = checkSourcePhoto(bytes);
      const wanted = decodeSize(shownSize(bytes, stored), side);
      let bitmap: ImageBitmap;
      try {
        bitmap = await createImageBitmap(new Blob([bytes]), {
          imageOrientation: 'from-image',
          resizeWidth: wanted.width,
          resizeHeight: wanted.height,
          resizeQuality: 'high'
        } as ImageBitmapOptions);
      } catch (e) {
        throw new ServiceError('exchange', 'not-an-image', `the browser could not decode the photo: ${e instanceof Error ? e.message : String(e)}`);
      }
      try {
        // Cut from what was decoded (its sides as the browser oriented them).
        const shown = centreSquare(bitmap.width, bitmap.height, side);
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
