/**
 * @jest-environment node
 */
import { backdropFor, flattenOnto, matchTones } from './commonTones';
import { IGreyImage, normalizeImage } from './normalizeImage';
import { IRgbaImage } from './decodeImage';

function grey(values: number[]): IGreyImage {
  return { size: Math.sqrt(values.length), data: Float64Array.from(values) };
}

/** A smooth ramp with some structure: 0..255 across, a bump in the middle. */
function ramp(size: number): IGreyImage {
  const data = new Float64Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      data[y * size + x] = (255 * x) / (size - 1) * 0.8 + 20 * Math.sin(y / 3) + 25;
    }
  }
  return { size, data };
}

describe('matchTones', () => {
  test('undoes a global monotonic change of levels', () => {
    const reference = ramp(16);
    const changed = { size: 16, data: reference.data.map((v) => 255 * Math.pow(v / 255, 1.4) * 0.9 + 12) };
    const matched = matchTones(reference, changed);
    const worst = Math.max(...Array.from(matched.data, (v, i) => Math.abs(v - reference.data[i])));
    expect(worst).toBeLessThan(1e-9);
  });

  test('keeps the image\'s own order of levels (its structure), taking the reference\'s levels', () => {
    const matched = matchTones(grey([10, 20, 30, 40]), grey([200, 100, 150, 0]));
    expect(Array.from(matched.data)).toEqual([40, 20, 30, 10]);
  });

  test('pixels that share a level (a clipped region) share the mean of their ranks\' reference levels', () => {
    const matched = matchTones(grey([10, 20, 30, 250]), grey([5, 255, 255, 255]));
    expect(Array.from(matched.data)).toEqual([10, 100, 100, 100]);
  });

  test('refuses images of different sizes', () => {
    expect(() => matchTones(grey([1, 2, 3, 4]), grey([1]))).toThrow(RangeError);
  });
});

/** An RGBA image of `size` px: a grey disc of `level` inside, transparent (alpha 0) outside, or opaque black outside. */
function disc(size: number, level: number, outside: 'transparent' | 'black'): IRgbaImage {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inside = Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2) < size * 0.35;
      const o = (y * size + x) * 4;
      data.fill(inside ? level : 0, o, o + 3);
      data[o + 3] = inside || outside === 'black' ? 255 : 0;
    }
  }
  return { width: size, height: size, data, orientation: 1, format: 'png' };
}

describe('transparency', () => {
  test('normalizeImage keeps the coverage of a PNG with transparency, flattening its grey onto white', () => {
    const image = normalizeImage(disc(32, 100, 'transparent'), 8);
    expect(image.coverage).toBeDefined();
    expect(image.coverage![0]).toBe(0);
    expect(image.data[0]).toBe(255);
    expect(image.coverage![4 * 8 + 4]).toBe(1);
    expect(image.data[4 * 8 + 4]).toBeCloseTo(100, 6);
  });

  test('an opaque PNG and any JPEG carry no coverage', () => {
    expect(normalizeImage(disc(32, 100, 'black'), 8).coverage).toBeUndefined();
    expect(normalizeImage({ ...disc(32, 100, 'transparent'), format: 'jpeg' }, 8).coverage).toBeUndefined();
  });

  test('the backdrop is what the other copy has where this one is transparent, and flattening onto it matches that copy', () => {
    const transparent = normalizeImage(disc(32, 100, 'transparent'), 16);
    const onBlack = normalizeImage(disc(32, 100, 'black'), 16);
    const level = backdropFor(transparent, onBlack);
    expect(level).toBeCloseTo(0, 6);
    const flattened = flattenOnto(transparent, level);
    const worst = Math.max(...Array.from(flattened.data, (v, i) => Math.abs(v - onBlack.data[i])));
    expect(worst).toBeLessThan(1e-6);
  });

  test('no backdrop is chosen when neither, or both, have transparency', () => {
    const transparent = normalizeImage(disc(32, 100, 'transparent'), 16);
    const opaque = normalizeImage(disc(32, 100, 'black'), 16);
    expect(backdropFor(opaque, transparent)).toBeUndefined();
    expect(backdropFor(transparent, transparent)).toBeUndefined();
    expect(flattenOnto(opaque, 50)).toBe(opaque);
  });
});
