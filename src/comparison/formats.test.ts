/**
 * @jest-environment node
 *
 * The image part of the fault catalogue: every format a profile photo comes in, and every way it can be broken.
 */
import * as fs from 'fs';
import * as path from 'path';
import { comparePhotos, DEFAULT_DECODE_BUDGET, isPhotoDecodeError, PhotoDecodeError } from './index';
import { decodeRaw, encodeJpeg, encodePngRgba, photoBytes, resize, rotateClockwise, sharePointCopy, withExifOrientation } from '../../test/photoFixtures';

const FORMATS = path.join(__dirname, '..', '..', 'test', 'fixtures', 'formats');
const fixture = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(FORMATS, name)));
const EXCHANGE = photoBytes('messi5');

/** A JPEG whose frame header claims width x height (the scan data stays that of a small photo). */
function jpegClaiming(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(sharePointCopy('messi5', 48, 80));
  for (let o = 2; o < bytes.length; o += 2 + ((bytes[o + 2] << 8) | bytes[o + 3])) {
    if (bytes[o + 1] === 0xc0) {
      bytes[o + 5] = height >> 8;
      bytes[o + 6] = height & 0xff;
      bytes[o + 7] = width >> 8;
      bytes[o + 8] = width & 0xff;
      return bytes;
    }
  }
  throw new Error('no SOF0');
}

/** A PNG whose IHDR claims width x height. */
function pngClaiming(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(encodePngRgba(resize(decodeRaw(EXCHANGE), 16, 16)));
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return bytes;
}

/** An opaque photo whose corners are transparent: alpha is flattened onto white. */
function pngWithAlpha(): Uint8Array {
  const raw = resize(decodeRaw(EXCHANGE), 96, 96);
  for (let y = 0; y < 96; y++) {
    for (let x = 0; x < 96; x++) {
      if (Math.hypot(x - 47.5, y - 47.5) > 52) {
        raw.data[(y * 96 + x) * 4 + 3] = 0;
      }
    }
  }
  return encodePngRgba(raw);
}

describe('formats a profile photo comes in decode and compare as the same photo', () => {
  test.each([
    ['progressive JPEG', () => fixture('messi5-progressive.jpg')],
    ['CMYK JPEG (Adobe)', () => fixture('messi5-cmyk.jpg')],
    ['palette PNG', () => fixture('messi5-palette.png')],
    ['16-bit greyscale PNG', () => fixture('messi5-grey16.png')],
    ['PNG with transparent corners', pngWithAlpha],
    ['EXIF-rotated JPEG (orientation 8)', () => withExifOrientation(encodeJpeg(rotateClockwise(resize(decodeRaw(EXCHANGE), 96, 96)), 80), 8)]
  ])('%s', async (_name, make) => {
    const result = await comparePhotos(EXCHANGE, make());
    expect(result.verdict).toBe('same');
  });
});

describe('broken and hostile inputs are refused with a typed error, before decoding where possible', () => {
  const twentyMegabytes = new Uint8Array(20 * 1024 * 1024);
  twentyMegabytes.set(EXCHANGE);
  const cases: Array<[string, () => Uint8Array, PhotoDecodeError['failure']]> = [
    ['not an image (text)', () => new TextEncoder().encode('Hello, this is not a photo.'), 'unsupported-format'],
    ['HTML served as an image (a login page)', () => new TextEncoder().encode('<!DOCTYPE html><html><head><title>Sign in to your account</title>'), 'unsupported-format'],
    ['SVG served as an image', () => new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><script>alert(1)</script></svg>'), 'unsupported-format'],
    ['truncated JPEG (60%)', () => sharePointCopy('messi5', 96, 80).slice(0, 1500), 'corrupt'],
    ['truncated PNG', () => encodePngRgba(resize(decodeRaw(EXCHANGE), 48, 48)).slice(0, 300), 'corrupt'],
    ['a 20-megapixel JPEG (5000x4000 frame)', () => jpegClaiming(5000, 4000), 'too-many-pixels'],
    ['a 20-megapixel PNG (5000x4000 IHDR)', () => pngClaiming(5000, 4000), 'too-many-pixels'],
    ['a 20 MB body', () => twentyMegabytes, 'too-many-bytes'],
    ['a zero-size frame', () => jpegClaiming(0, 96), 'corrupt']
  ];

  test.each(cases)('%s', async (_name, make, failure) => {
    const input = make();
    const before = process.cpuUsage();
    const error = await comparePhotos(EXCHANGE, input).catch((e: unknown) => e);
    const used = process.cpuUsage(before);
    expect(isPhotoDecodeError(error)).toBe(true);
    expect(error).toMatchObject({ failure, side: 'sharePoint' });
    // refused, not decoded for seconds (CPU time: a busy machine beside the test does not stretch it)
    expect((used.user + used.system) / 1000).toBeLessThan(2000);
  });

  test('the budget: half a megapixel (Graph serves at most 648x648) and 4 MB', () => {
    expect(648 * 648).toBeLessThan(DEFAULT_DECODE_BUDGET.maxPixels);
    expect(DEFAULT_DECODE_BUDGET).toEqual({ maxBytes: 4 * 1024 * 1024, maxPixels: 500000 });
  });

  test('the failing side is named: a broken Exchange photo', async () => {
    const error = await comparePhotos(new TextEncoder().encode('<html>'), EXCHANGE).catch((e: unknown) => e);
    expect(error).toMatchObject({ failure: 'unsupported-format', side: 'exchange', message: 'unsupported-format: unknown' });
  });
});
