/**
 * @jest-environment node
 */
import { centreSquare, checkSourcePhoto, MAX_SOURCE_BYTES } from './photoDownscaler';
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
