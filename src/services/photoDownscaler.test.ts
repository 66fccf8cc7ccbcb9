/**
 * @jest-environment node
 */
import { centreSquare, checkSourcePhoto, decodeSize, MAX_SOURCE_BYTES, shownSize } from './photoDownscaler';
import { jpegFrameSize } from '../comparison/sniffFormat';
import { withExifOrientation } from '../../test/photoFixtures';
import { pictureSize } from '../comparison/sniffFormat';
import { photoBytes } from '../../test/photoFixtures';
import { encodePngRgba, widePhoto } from '../../workbench/tenant/imaging';

describe('pictureSize: the size from the header, no decoder', () => {
  test('JPEG, PNG and GIF', () => {
    expect(pictureSize(widePhoto(photoBytes('messi5'), 90, 15))).toEqual({ width: 120, height: 90 });
    expect(pictureSize(encodePngRgba({ width: 3, height: 2, data: new Uint8Array(24) }))).toEqual({ width: 3, height: 2 });
    expect(pictureSize(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 5, 0, 7, 0]))).toEqual({ width: 5, height: 7 });
    expect(pictureSize(new TextEncoder().encode('<html>'))).toBeUndefined();
  });
});

describe('the whole photo from Entra ID, before the browser decodes it', () => {
  test('the centre square, drawn no larger than asked for and never enlarged', () => {
    expect(centreSquare(1200, 900, 96)).toEqual({ x: 150, y: 0, crop: 900, target: 96 });
    expect(centreSquare(600, 800, 240)).toEqual({ x: 0, y: 100, crop: 600, target: 240 });
    expect(centreSquare(80, 80, 96)).toEqual({ x: 0, y: 0, crop: 80, target: 80 });
  });

  test('a readable photo passes with its size; no header, too many bytes or too many pixels are refused', () => {
    expect(checkSourcePhoto(photoBytes('messi5'))).toEqual({ width: 342, height: 342 });
    expect(() => checkSourcePhoto(new TextEncoder().encode('<html>'))).toThrow(expect.objectContaining({ reason: 'not-an-image' }));
    expect(() => checkSourcePhoto(new Uint8Array(MAX_SOURCE_BYTES + 1))).toThrow(expect.objectContaining({ reason: 'too-large' }));
    const huge = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x60, 0xea, 0x60, 0xea]); // GIF 60000 x 60000
    expect(() => checkSourcePhoto(huge)).toThrow(expect.objectContaining({ reason: 'too-large' }));
  });
});

/** messi5's own bytes, its frame header saying `width` x `height`, padded to `length` bytes (what a header claims). */
function claiming(width: number, height: number, length: number): Uint8Array {
  const bytes = new Uint8Array(Math.max(length, photoBytes('messi5').length));
  bytes.set(photoBytes('messi5'));
  let offset = 2;
  while (!(bytes[offset + 1] >= 0xc0 && bytes[offset + 1] <= 0xc2)) {
    offset += 2 + ((bytes[offset + 2] << 8) | bytes[offset + 3]);
  }
  bytes.set([height >> 8, height & 255, width >> 8, width & 255], offset + 5);
  return bytes;
}

describe('camera originals in Entra ID', () => {
  test('8256 x 5504 and 12,000 x 8,000 under 4 MB pass; only a header that lies about its size is refused', () => {
    expect(jpegFrameSize(claiming(8256, 5504, 2500000))).toEqual({ width: 8256, height: 5504 });
    expect(checkSourcePhoto(claiming(8256, 5504, 2500000))).toEqual({ width: 8256, height: 5504 });
    expect(checkSourcePhoto(claiming(12000, 8000, 3900000))).toEqual({ width: 12000, height: 8000 });
    // 120 MP in the 47 KB of a 342 px photo, and 65,000 x 65,000 in any size Graph serves: lies.
    expect(() => checkSourcePhoto(claiming(30000, 4000, 0))).toThrow(expect.objectContaining({ reason: 'too-large' }));
    expect(() => checkSourcePhoto(claiming(65000, 65000, 4000000))).toThrow(expect.objectContaining({ reason: 'too-large' }));
  });

  test('the decoder is asked for the photo scaled to a little over the square, turned as EXIF says', () => {
    expect(decodeSize({ width: 8256, height: 5504 }, 648)).toEqual({ width: 972, height: 648 });
    expect(decodeSize({ width: 5504, height: 8256 }, 648)).toEqual({ width: 648, height: 972 });
    expect(decodeSize({ width: 400, height: 300 }, 648)).toEqual({ width: 400, height: 300 }); // never enlarged
    const turned = withExifOrientation(photoBytes('messi5'), 6);
    expect(shownSize(turned, { width: 8256, height: 5504 })).toEqual({ width: 5504, height: 8256 });
    expect(shownSize(photoBytes('messi5'), { width: 8256, height: 5504 })).toEqual({ width: 8256, height: 5504 });
  });
});
