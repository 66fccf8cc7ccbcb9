import { decode as decodeJpeg } from 'jpeg-js';
import { decode as decodePng } from 'fast-png';
import { PhotoDecodeError } from './PhotoDecodeError';
import { exifOrientation } from './exifOrientation';
import { DEFAULT_DECODE_BUDGET, IDecodeBudget } from './budget';
import { jpegFrameSize, sniffFormat } from './sniffFormat';
import { boundedPng } from './boundedPng';

/** An image as 8-bit RGBA rows, with the EXIF orientation it should be shown in. */
export interface IRgbaImage {
  width: number;
  height: number;
  /** width * height * 4 bytes, RGBA. */
  data: Uint8Array;
  /** EXIF orientation 1..8 (1 = as stored). */
  orientation: number;
  format: 'jpeg' | 'png';
}

export type { IDecodeBudget } from './budget';

/** Decodes a JPEG or PNG without a DOM or canvas. Every failure is a {@link PhotoDecodeError}. */
export function decodeImage(bytes: Uint8Array, budget: IDecodeBudget = DEFAULT_DECODE_BUDGET): IRgbaImage {
  if (bytes.length === 0) {
    throw new PhotoDecodeError('empty');
  }
  if (bytes.length > budget.maxBytes) {
    throw new PhotoDecodeError('too-many-bytes', `${bytes.length} bytes`);
  }
  const format = sniffFormat(bytes);
  if (format === 'jpeg') {
    return decodeJpegImage(bytes, budget);
  }
  if (format === 'png') {
    return decodePngImage(bytes, budget);
  }
  throw new PhotoDecodeError('unsupported-format', format);
}

function checkPixels(width: number, height: number, budget: IDecodeBudget): void {
  if (!(width > 0 && height > 0)) {
    throw new PhotoDecodeError('corrupt', `size ${width}x${height}`);
  }
  if (width * height > budget.maxPixels) {
    throw new PhotoDecodeError('too-many-pixels', `${width}x${height}`);
  }
}

export { jpegFrameSize } from './sniffFormat';

/** More markers than any real photo has (EXIF, XMP, an ICC profile in pieces, tables per scan). */
export const MAX_JPEG_MARKERS = 256;
/** A progressive JPEG has about 10 scans; each one is another pass over every block. */
export const MAX_JPEG_SCANS = 32;
/** Scans times pixels: a 648 px progressive photo with 19 scans fits; more would take too long to decode. */
export const MAX_JPEG_SCAN_PIXELS = 8000000;

/**
 * Walks every marker of a JPEG, skipping the entropy-coded data between them, and refuses marker and scan floods
 * before the decoder sees them. Reading is linear in the size and allocates nothing; a truncated file simply ends.
 */
export function checkJpegStructure(bytes: Uint8Array, pixels: number): void {
  let offset = 2;
  let markers = 0;
  let scans = 0;
  while (offset + 1 < bytes.length) {
    if (bytes[offset] !== 0xff) {
      throw new PhotoDecodeError('corrupt', `JPEG marker expected at byte ${offset}`);
    }
    const marker = bytes[offset + 1];
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      return; // end of image
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2; // restart markers and TEM stand alone
      continue;
    }
    if (++markers > MAX_JPEG_MARKERS) {
      throw new PhotoDecodeError('corrupt', `more than ${MAX_JPEG_MARKERS} JPEG markers`);
    }
    const length = (bytes[offset + 2] << 8) | bytes[offset + 3];
    if (length < 2) {
      throw new PhotoDecodeError('corrupt', `JPEG segment of length ${length}`);
    }
    offset += 2 + length;
    if (marker === 0xda) {
      scans++;
      if (scans > MAX_JPEG_SCANS || scans * pixels > MAX_JPEG_SCAN_PIXELS) {
        throw new PhotoDecodeError('corrupt', `${scans} JPEG scans for ${pixels} pixels`);
      }
      // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart marker.
      while (offset + 1 < bytes.length && !(bytes[offset] === 0xff && bytes[offset + 1] !== 0 && !(bytes[offset + 1] >= 0xd0 && bytes[offset + 1] <= 0xd7))) {
        offset++;
      }
    }
  }
}

function decodeJpegImage(bytes: Uint8Array, budget: IDecodeBudget): IRgbaImage {
  const frame = jpegFrameSize(bytes);
  if (!frame) {
    throw new PhotoDecodeError('corrupt', 'no JPEG frame header');
  }
  checkPixels(frame.width, frame.height, budget);
  checkJpegStructure(bytes, frame.width * frame.height);
  try {
    const decoded = decodeJpeg(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      tolerantDecoding: true,
      maxResolutionInMP: budget.maxPixels / 1e6,
      maxMemoryUsageInMB: Math.ceil((budget.maxPixels * 8) / (1024 * 1024)) + 16
    });
    checkPixels(decoded.width, decoded.height, budget);
    return {
      width: decoded.width,
      height: decoded.height,
      data: decoded.data,
      orientation: exifOrientation(bytes),
      format: 'jpeg'
    };
  } catch (e) {
    throw asDecodeError(e);
  }
}

function decodePngImage(bytes: Uint8Array, budget: IDecodeBudget): IRgbaImage {
  if (bytes.length < 24) {
    throw new PhotoDecodeError('corrupt', 'PNG header truncated');
  }
  const width = ((bytes[16] << 24) >>> 0) + ((bytes[17] << 16) | (bytes[18] << 8) | bytes[19]);
  const height = ((bytes[20] << 24) >>> 0) + ((bytes[21] << 16) | (bytes[22] << 8) | bytes[23]);
  checkPixels(width, height, budget);
  const safe = boundedPng(bytes);
  try {
    const png = decodePng(safe);
    checkPixels(png.width, png.height, budget);
    return { width: png.width, height: png.height, data: pngToRgba(png), orientation: 1, format: 'png' };
  } catch (e) {
    throw asDecodeError(e);
  }
}

type DecodedPng = ReturnType<typeof decodePng>;

function pngToRgba(png: DecodedPng): Uint8Array {
  const pixels = png.width * png.height;
  const out = new Uint8Array(pixels * 4);
  const { data, channels, depth, palette } = png;
  if (data.length < pixels * channels * (depth < 8 ? depth / 8 : 1)) {
    throw new PhotoDecodeError('corrupt', 'PNG data shorter than its size');
  }
  const sample = depth === 16 ? (v: number) => v >> 8 : depth < 8 ? (v: number) => (v * 255) / ((1 << depth) - 1) : (v: number) => v;
  const read = depth < 8 ? unpackBits(data as Uint8Array, png.width, png.height, depth) : data;
  for (let i = 0; i < pixels; i++) {
    const o = i * 4;
    if (palette) {
      const entry = palette[read[i]] || [0, 0, 0];
      out[o] = entry[0];
      out[o + 1] = entry[1];
      out[o + 2] = entry[2];
      out[o + 3] = entry.length > 3 ? entry[3] : 255;
      continue;
    }
    const s = i * channels;
    if (channels >= 3) {
      out[o] = sample(read[s]);
      out[o + 1] = sample(read[s + 1]);
      out[o + 2] = sample(read[s + 2]);
      out[o + 3] = channels === 4 ? sample(read[s + 3]) : 255;
    } else {
      const g = sample(read[s]);
      out[o] = g;
      out[o + 1] = g;
      out[o + 2] = g;
      out[o + 3] = channels === 2 ? sample(read[s + 1]) : 255;
    }
  }
  return out;
}

/** Spreads 1-, 2- and 4-bit samples (rows padded to whole bytes) into one value per pixel. */
function unpackBits(data: Uint8Array, width: number, height: number, depth: number): Uint8Array {
  const out = new Uint8Array(width * height);
  const rowBytes = Math.ceil((width * depth) / 8);
  const mask = (1 << depth) - 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = x * depth;
      const byte = data[y * rowBytes + (bit >> 3)];
      out[y * width + x] = (byte >> (8 - depth - (bit & 7))) & mask;
    }
  }
  return out;
}

function asDecodeError(e: unknown): PhotoDecodeError {
  if (e instanceof PhotoDecodeError) {
    return e;
  }
  const message = e instanceof Error ? e.message : String(e);
  if (/maxResolutionInMP|maxMemoryUsageInMB/.test(message)) {
    return new PhotoDecodeError('too-many-pixels', message);
  }
  return new PhotoDecodeError('corrupt', message);
}
