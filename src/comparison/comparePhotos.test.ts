import { comparePhotos, isPhotoDecodeError, PhotoDecodeError, SAME_PHOTO_THRESHOLD } from './index';
import {
  crop, decodeRaw, encodeJpeg, encodePngRgba, grey, PHOTO_NAMES, PhotoName, photoBytes, resize,
  rotateClockwise, sharePointCopy, withExifOrientation
} from '../../test/photoFixtures';

type Variant = { name: string; make: (photo: PhotoName) => Uint8Array };

/** The copies SharePoint (or a re-upload) may hold of the same photo. */
const SAME_PHOTO_VARIANTS: Variant[] = [
  { name: 'S thumbnail, 48 px, quality 50', make: (p) => sharePointCopy(p, 48, 50) },
  { name: 'M thumbnail, 72 px, quality 75', make: (p) => sharePointCopy(p, 72, 75) },
  { name: 'L thumbnail, 300 px, quality 80', make: (p) => sharePointCopy(p, 300, 80) },
  { name: '48 px, quality 20', make: (p) => sharePointCopy(p, 48, 20) },
  {
    name: 'cropped 4 px on each side, 72 px',
    make: (p) => {
      const raw = decodeRaw(photoBytes(p));
      return encodeJpeg(resize(crop(raw, 4, 4, raw.width - 8, raw.height - 8), 72, 72), 75);
    }
  },
  { name: 'greyscale, 72 px', make: (p) => encodeJpeg(grey(resize(decodeRaw(photoBytes(p)), 72, 72)), 75) },
  { name: 'PNG, 96 px', make: (p) => encodePngRgba(resize(decodeRaw(photoBytes(p)), 96, 96)) },
  {
    name: 'stored rotated with EXIF orientation 8',
    make: (p) => withExifOrientation(encodeJpeg(rotateClockwise(resize(decodeRaw(photoBytes(p)), 120, 120)), 80), 8)
  }
];

const distances = { same: [] as number[], different: [] as number[] };

describe('comparePhotos: the same photo through SharePoint-like copies is "same"', () => {
  const cases = PHOTO_NAMES.flatMap((photo) => SAME_PHOTO_VARIANTS.map((v) => [photo, v.name, v] as const));

  test.each(cases)('%s, %s', async (photo, _name, variant) => {
    const result = await comparePhotos(photoBytes(photo), variant.make(photo));
    distances.same.push(result.distance);
    expect(result.verdict).toBe('same');
    expect(result.distance).toBeLessThanOrEqual(SAME_PHOTO_THRESHOLD);
  });
});

describe('comparePhotos: different photos are "different"', () => {
  const pairs = PHOTO_NAMES.flatMap((a, i) => PHOTO_NAMES.slice(i + 1).map((b) => [a, b] as const));

  test.each(pairs)('%s vs a 72 px SharePoint copy of %s', async (a, b) => {
    const result = await comparePhotos(photoBytes(a), sharePointCopy(b, 72, 75));
    distances.different.push(result.distance);
    expect(result.verdict).toBe('different');
    expect(result.distance).toBeGreaterThan(SAME_PHOTO_THRESHOLD);
  });
});

describe('comparePhotos: margins between the classes', () => {
  test('every same-photo distance is well below every different-photo distance', () => {
    expect(distances.same.length).toBe(PHOTO_NAMES.length * SAME_PHOTO_VARIANTS.length);
    expect(distances.different.length).toBe((PHOTO_NAMES.length * (PHOTO_NAMES.length - 1)) / 2);
    const worstSame = Math.max(...distances.same);
    const closestDifferent = Math.min(...distances.different);
    if (process.env.PPS_REPORT) {
      process.stdout.write(
        `same: ${Math.min(...distances.same).toFixed(3)}..${worstSame.toFixed(3)}; ` +
          `different: ${closestDifferent.toFixed(3)}..${Math.max(...distances.different).toFixed(3)}\n`
      );
    }
    // The threshold must sit with room on both sides, not on the edge of either class.
    expect(SAME_PHOTO_THRESHOLD - worstSame).toBeGreaterThanOrEqual(0.05);
    expect(closestDifferent - SAME_PHOTO_THRESHOLD).toBeGreaterThanOrEqual(0.1);
  });
});

describe('comparePhotos: reports what it compared', () => {
  test('sizes and formats of both sides', async () => {
    const result = await comparePhotos(photoBytes('messi5'), encodePngRgba(resize(decodeRaw(photoBytes('messi5')), 64, 64)));
    expect(result.exchange).toEqual({ width: 342, height: 342, format: 'jpeg' });
    expect(result.sharePoint).toEqual({ width: 64, height: 64, format: 'png' });
    expect(result.threshold).toBe(SAME_PHOTO_THRESHOLD);
  });

  test('identical bytes have distance 0', async () => {
    const bytes = photoBytes('orange');
    await expect(comparePhotos(bytes, bytes)).resolves.toMatchObject({ verdict: 'same', distance: 0 });
  });
});

describe('comparePhotos: bad input is a typed error', () => {
  const good = photoBytes('home');
  const text = new TextEncoder().encode('<html><body>Sign in</body></html>');
  const cases: Array<[string, Uint8Array, string]> = [
    ['empty', new Uint8Array(0), 'empty'],
    ['HTML', text, 'unsupported-format'],
    ['GIF', new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0]), 'unsupported-format'],
    ['JPEG header only', good.subarray(0, 20), 'corrupt'],
    ['PNG signature only', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'corrupt']
  ];

  test.each(cases)('%s', async (_name, bytes, failure) => {
    const error = await comparePhotos(good, bytes).catch((e: unknown) => e);
    expect(isPhotoDecodeError(error)).toBe(true);
    expect((error as PhotoDecodeError).failure).toBe(failure);
  });

  test('a body over the byte budget is refused before decoding', async () => {
    const error = await comparePhotos(good, good, { budget: { maxBytes: 1000, maxPixels: 1e7 } }).catch((e: unknown) => e);
    expect((error as PhotoDecodeError).failure).toBe('too-many-bytes');
  });

  test('an image over the pixel budget is refused before decoding', async () => {
    const error = await comparePhotos(good, good, { budget: { maxBytes: 1e7, maxPixels: 100 * 100 } }).catch((e: unknown) => e);
    expect((error as PhotoDecodeError).failure).toBe('too-many-pixels');
  });
});

describe('comparePhotos at the sizes the web part compares: Graph 96x96 against SharePoint M (72x72)', () => {
  const graph96 = (p: PhotoName): Uint8Array => sharePointCopy(p, 96, 90);
  const sharePointM = (p: PhotoName): Uint8Array => sharePointCopy(p, 72, 75);
  const small = { same: [] as number[], different: [] as number[] };

  test.each(PHOTO_NAMES.map((p) => [p]))('%s: same', async (photo) => {
    const result = await comparePhotos(graph96(photo), sharePointM(photo));
    small.same.push(result.distance);
    expect(result.verdict).toBe('same');
  });

  test.each(PHOTO_NAMES.flatMap((a) => PHOTO_NAMES.filter((b) => b !== a).map((b) => [a, b] as const)))('%s vs %s: different', async (a, b) => {
    const result = await comparePhotos(graph96(a), sharePointM(b));
    small.different.push(result.distance);
    expect(result.verdict).toBe('different');
  });

  test('with the same margins as at full size', () => {
    if (process.env.PPS_REPORT) {
      process.stdout.write(`96 vs 72: same ${Math.min(...small.same).toFixed(3)}..${Math.max(...small.same).toFixed(3)}; different ${Math.min(...small.different).toFixed(3)}..${Math.max(...small.different).toFixed(3)}\n`);
    }
    expect(small.same).toHaveLength(PHOTO_NAMES.length);
    expect(SAME_PHOTO_THRESHOLD - Math.max(...small.same)).toBeGreaterThanOrEqual(0.05);
    expect(Math.min(...small.different) - SAME_PHOTO_THRESHOLD).toBeGreaterThanOrEqual(0.1);
  });
});
