import { Inflate } from 'pako';
import { PhotoDecodeError } from './PhotoDecodeError';

/** More chunks than any real photo has (encoders split image data into 8–64 KB chunks): a flood is refused. */
export const MAX_PNG_CHUNKS = 1024;

/** The chunks a photo needs: everything else (text, colour profiles, animation) is dropped unread. */
const KEPT_CHUNKS = ['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND'];

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Samples per pixel of each PNG colour type. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Adam7's seven passes: first column and row, and the step between pixels, in each direction. */
const ADAM7: ReadonlyArray<[number, number, number, number]> = [
  [0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]
];

/**
 * A PNG made safe to hand to the decoder: only the chunks it needs, after proving that the image data inflates to
 * no more than the header says (a decompression bomb is refused after inflating at most that much plus one
 * output block, with constant memory). Ancillary compressed chunks (`iCCP`, `zTXt`, `iTXt`) are never inflated.
 * Throws a PhotoDecodeError for anything malformed.
 */
export function boundedPng(bytes: Uint8Array): Uint8Array {
  for (let i = 0; i < SIGNATURE.length; i++) {
    if (bytes[i] !== SIGNATURE[i]) {
      throw new PhotoDecodeError('corrupt', 'not a PNG signature');
    }
  }
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  const imageData: Uint8Array[] = [];
  let expected = -1;
  let offset = 8;
  let count = 0;
  let ended = false;
  while (!ended) {
    if (offset + 12 > bytes.length) {
      throw new PhotoDecodeError('corrupt', 'PNG ends before IEND');
    }
    if (++count > MAX_PNG_CHUNKS) {
      throw new PhotoDecodeError('corrupt', `more than ${MAX_PNG_CHUNKS} PNG chunks`);
    }
    const length = ((bytes[offset] << 24) >>> 0) + ((bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3]);
    const type = String.fromCharCode(bytes[offset + 4], bytes[offset + 5], bytes[offset + 6], bytes[offset + 7]);
    const end = offset + 12 + length;
    if (end > bytes.length) {
      throw new PhotoDecodeError('corrupt', `PNG chunk ${type} runs past the end`);
    }
    if (count === 1) {
      if (type !== 'IHDR' || length !== 13) {
        throw new PhotoDecodeError('corrupt', 'PNG does not start with its header');
      }
      expected = imageDataSize(bytes.subarray(offset + 8, offset + 21));
    }
    if (KEPT_CHUNKS.indexOf(type) >= 0) {
      kept.push(bytes.subarray(offset, end));
    }
    if (type === 'IDAT') {
      imageData.push(bytes.subarray(offset + 8, offset + 8 + length));
    }
    ended = type === 'IEND';
    offset = end;
  }
  if (imageData.length === 0) {
    throw new PhotoDecodeError('corrupt', 'PNG has no image data');
  }
  checkInflatedSize(imageData, expected);
  const out = new Uint8Array(kept.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const chunk of kept) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The bytes IHDR's image needs once inflated: each row's samples plus its filter byte, for every (Adam7) pass. */
export function imageDataSize(header: Uint8Array): number {
  const width = ((header[0] << 24) >>> 0) + ((header[1] << 16) | (header[2] << 8) | header[3]);
  const height = ((header[4] << 24) >>> 0) + ((header[5] << 16) | (header[6] << 8) | header[7]);
  const depth = header[8];
  const channels = CHANNELS[header[9]];
  if (!channels || [1, 2, 4, 8, 16].indexOf(depth) < 0) {
    throw new PhotoDecodeError('corrupt', `PNG colour type ${header[9]} at depth ${depth}`);
  }
  const rowBytes = (w: number): number => Math.ceil((w * channels * depth) / 8);
  if (header[12] !== 1) {
    return height * (1 + rowBytes(width));
  }
  let total = 0;
  for (const [x0, y0, dx, dy] of ADAM7) {
    const w = Math.ceil(Math.max(0, width - x0) / dx);
    const h = Math.ceil(Math.max(0, height - y0) / dy);
    total += w > 0 && h > 0 ? h * (1 + rowBytes(w)) : 0;
  }
  return total;
}

/** Inflates the image data, counting and discarding the output, and refuses it past `expected` bytes. */
function checkInflatedSize(parts: Uint8Array[], expected: number): void {
  const inflator = new Inflate({ chunkSize: 16 * 1024 });
  let produced = 0;
  inflator.onData = (chunk: Uint8Array) => {
    produced += chunk.length;
    if (produced > expected) {
      throw new PhotoDecodeError('corrupt', `PNG image data inflates past the ${expected} bytes its header allows`);
    }
  };
  inflator.onEnd = () => undefined;
  try {
    parts.forEach((part, i) => inflator.push(part, i === parts.length - 1));
  } catch (e) {
    throw e instanceof PhotoDecodeError ? e : new PhotoDecodeError('corrupt', `PNG image data: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (inflator.err) {
    throw new PhotoDecodeError('corrupt', `PNG image data: ${inflator.msg || inflator.err}`);
  }
}
