/**
 * @jest-environment node
 */
import {
  CLEARLY_DIFFERENT_HASH, comparePhotos, isPhotoDecodeError, PhotoDecodeError, SAME_PHOTO_THRESHOLD
} from './index';
import { decodeRaw, encodePngRgba, photoBytes, resize } from '../../test/photoFixtures';
import { comparisonPairs, IPhotoPair } from '../../test/comparisonPairs';

/**
 * The margins the threshold keeps from each class, on the decision's own scale: copies of one capture at 0.10 or
 * less, re-takes and other photos at 0.19 or more (issue 27). A change to the comparison that brings either class
 * closer fails here, before it can give anyone a wrong verdict.
 */
const MARGIN_BELOW = 0.04;
const MARGIN_ABOVE = 0.05;
/** The first look's margin: copies of one capture stay this far below the hash distance it calls "clearly different". */
const HASH_MARGIN = 0.1;

const pairs = comparisonPairs();
const measured: Array<{ pair: IPhotoPair; distance: number; hashDistance: number; decidedBy: string }> = [];

describe('comparePhotos: every graded pair gets its verdict', () => {
  test.each(pairs.map((p) => [p.name, p] as const))('%s', async (_name, pair) => {
    const result = await comparePhotos(pair.exchange, pair.sharePoint);
    measured.push({ pair, distance: result.distance, hashDistance: result.hashDistance, decidedBy: result.decidedBy });
    expect(result.verdict).toBe(pair.kind);
  });
});

describe('comparePhotos: the margin between the classes', () => {
  const classOf = (name: string): string => name.split(' / ')[0];

  test('covers every class the verdict must get right', () => {
    const classes = new Set(pairs.map((p) => classOf(p.name)));
    expect(Array.from(classes).sort()).toEqual(['other photo', 're-take', 'real re-take', 'same', 'same backdrop']);
    const sameVariants = pairs.filter((p) => p.kind === 'same').map((p) => p.name);
    const tones = [
      'gamma 0.75 (lighter)', 'gamma 1.33 (darker)', 'brightness +12', 'brightness -12', 'contrast x1.15', 'contrast x0.85',
      'limited range read as full', 'full range read as limited', 'warm cast', 'cool cast', 'sharpened',
      'transparent PNG 96 vs flattened on black', 'transparent PNG 96 vs flattened on white', 'flattened on black, Graph 96 vs transparent PNG',
      'light backdrop clipped: contrast', 'light backdrop clipped: gamma', 'light backdrop clipped: brightness', 'light backdrop darker',
      'crop 5% a side and shift 3%, tone: contrast x1.15', 'crop 5% a side and shift 3%, tone: sharpened', 'crop 5% a side and shift 3%, light backdrop clipped: gamma'
    ];
    for (const needed of ['S 48', 'M 72', 'L 300', 'q20', 'q95', 'crop 5% each side', 'shift 3%', 'greyscale', 'PNG', 'palette', 'EXIF', 'progressive', 'cmyk', 'interlaced', 'Graph 96', 'Graph 648', ...tones]) {
      expect([needed, sameVariants.some((n) => n.includes(needed))]).toEqual([needed, true]);
    }
    const different = pairs.filter((p) => p.kind === 'different').map((p) => p.name);
    for (const needed of ['in a brighter room', 'in a darker room']) {
      expect([needed, different.some((n) => n.includes(needed))]).toEqual([needed, true]);
    }
    expect(measured).toHaveLength(pairs.length);
  });

  test(`the threshold keeps at least ${MARGIN_BELOW} from the worst "same" and ${MARGIN_ABOVE} from the closest "different"`, () => {
    const same = measured.filter((m) => m.pair.kind === 'same');
    const different = measured.filter((m) => m.pair.kind === 'different');
    const worstSame = same.reduce((w, m) => (m.distance > w.distance ? m : w));
    const closestDifferent = different.reduce((c, m) => (m.distance < c.distance ? m : c));
    if (process.env.PPS_REPORT) {
      process.stdout.write(
        `same: ${same.length} pairs, worst ${worstSame.distance.toFixed(3)} (${worstSame.pair.name}); ` +
          `different: ${different.length} pairs, closest ${closestDifferent.distance.toFixed(3)} (${closestDifferent.pair.name}); ` +
          `threshold ${SAME_PHOTO_THRESHOLD}\n`
      );
    }
    // Every "same" pair is decided by the second look (the hash never says "same").
    expect(same.filter((m) => m.decidedBy !== 'aligned').map((m) => m.pair.name)).toEqual([]);
    // Named, so a failure says which pairs came too close.
    expect(same.filter((m) => m.distance > SAME_PHOTO_THRESHOLD - MARGIN_BELOW).map((m) => m.pair.name)).toEqual([]);
    expect(different.filter((m) => m.distance < SAME_PHOTO_THRESHOLD + MARGIN_ABOVE).map((m) => m.pair.name)).toEqual([]);
    // The hash alone says "different" only far above every copy of one capture on its own scale.
    expect(same.filter((m) => m.hashDistance > CLEARLY_DIFFERENT_HASH - HASH_MARGIN).map((m) => m.pair.name)).toEqual([]);
  });
});

describe('comparePhotos: the first look alone', () => {
  test('decides only "clearly different", never "same"', async () => {
    const unrelated = await comparePhotos(photoBytes('baboon'), photoBytes('home'));
    expect(unrelated).toMatchObject({ verdict: 'different', decidedBy: 'hash' });
    expect(unrelated.distance).toBeGreaterThanOrEqual(CLEARLY_DIFFERENT_HASH);
    const identical = await comparePhotos(photoBytes('orange'), photoBytes('orange'));
    expect(identical).toMatchObject({ verdict: 'same', decidedBy: 'aligned', hashDistance: 0 });
    expect(identical.distance).toBeLessThan(0.01);
  });

  test('steps can yield to the page between them', async () => {
    let pauses = 0;
    await comparePhotos(photoBytes('messi5'), photoBytes('messi5'), { yieldBetweenSteps: () => Promise.resolve().then(() => { pauses++; }) });
    // after each decode, each resample, each tone match and each hash; in the second look, between the thirds of the
    // coarse search and before each finer phase
    expect(pauses).toBe(14);
  });
});

describe('comparePhotos: reports what it compared', () => {
  test('sizes and formats of both sides', async () => {
    const result = await comparePhotos(photoBytes('messi5'), encodePngRgba(resize(decodeRaw(photoBytes('messi5')), 64, 64)));
    expect(result.exchange).toEqual({ width: 342, height: 342, format: 'jpeg' });
    expect(result.sharePoint).toEqual({ width: 64, height: 64, format: 'png' });
    expect(result.threshold).toBe(SAME_PHOTO_THRESHOLD);
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
