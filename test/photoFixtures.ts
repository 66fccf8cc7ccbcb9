/**
 * Real photographs (test/fixtures/photos, OpenCV sample data, Apache 2.0) and SharePoint-like copies derived from
 * them in code: resized thumbnails, lower JPEG quality, a few pixels cropped, grey, rotated with an EXIF tag.
 */
import * as fs from 'fs';
import * as path from 'path';
import { IRaw, thumbnail } from '../workbench/tenant/imaging';

export { decodeRaw, encodeJpeg, encodePngRgba, resize } from '../workbench/tenant/imaging';
export type { IRaw } from '../workbench/tenant/imaging';

export const PHOTO_NAMES = [
  'baboon', 'butterfly', 'fruits', 'home', 'messi5', 'orange', 'squirrel_cls', 'starry_night'
] as const;
export type PhotoName = (typeof PHOTO_NAMES)[number];

export function photoBytes(name: PhotoName): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(__dirname, 'fixtures', 'photos', `${name}.jpg`)));
}

export function crop(raw: IRaw, left: number, top: number, width: number, height: number): IRaw {
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    out.set(raw.data.subarray(((top + y) * raw.width + left) * 4, ((top + y) * raw.width + left + width) * 4), y * width * 4);
  }
  return { width, height, data: out };
}

export function grey(raw: IRaw): IRaw {
  const out = new Uint8Array(raw.data);
  for (let i = 0; i < out.length; i += 4) {
    const l = Math.round(0.299 * out[i] + 0.587 * out[i + 1] + 0.114 * out[i + 2]);
    out[i] = l;
    out[i + 1] = l;
    out[i + 2] = l;
  }
  return { width: raw.width, height: raw.height, data: out };
}

/** Pixels turned 90 degrees clockwise (what a camera stores when EXIF orientation is 8 would undo). */
export function rotateClockwise(raw: IRaw): IRaw {
  const out = new Uint8Array(raw.data.length);
  for (let y = 0; y < raw.height; y++) {
    for (let x = 0; x < raw.width; x++) {
      const nx = raw.height - 1 - y;
      const ny = x;
      out.set(raw.data.subarray((y * raw.width + x) * 4, (y * raw.width + x) * 4 + 4), (ny * raw.height + nx) * 4);
    }
  }
  return { width: raw.height, height: raw.width, data: out };
}

/** Inserts an EXIF APP1 segment with the given orientation right after the JPEG's SOI marker. */
export function withExifOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0, 0, 0];
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const length = payload.length + 2;
  const segment = [0xff, 0xe1, length >> 8, length & 0xff, ...payload];
  const out = new Uint8Array(jpeg.length + segment.length);
  out.set(jpeg.subarray(0, 2), 0);
  out.set(segment, 2);
  out.set(jpeg.subarray(2), 2 + segment.length);
  return out;
}

/** What SharePoint keeps: the photo resized to `size` px and re-encoded as JPEG at `quality`. */
export function sharePointCopy(name: PhotoName, size: number, quality: number): Uint8Array {
  return thumbnail(photoBytes(name), size, quality);
}
