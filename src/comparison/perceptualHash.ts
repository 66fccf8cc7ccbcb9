import { IGreyImage } from './normalizeImage';

/** Side of the grey image the hash is computed from. */
export const HASH_INPUT_SIZE = 32;
/** Side of the block of lowest DCT frequencies kept: the hash has HASH_BLOCK^2 bits. */
export const HASH_BLOCK = 8;

const cosines: Float64Array = (() => {
  const n = HASH_INPUT_SIZE;
  const table = new Float64Array(HASH_BLOCK * n);
  for (let u = 0; u < HASH_BLOCK; u++) {
    for (let x = 0; x < n; x++) {
      table[u * n + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * n));
    }
  }
  return table;
})();

/**
 * A DCT perceptual hash (pHash): the 8x8 lowest frequencies of a 32x32 grey image, each bit set when the
 * coefficient is above the median of the block (the DC term excluded from the median). Resizing, JPEG
 * re-encoding, small crops and colour loss barely move these frequencies; another photo moves about half the bits.
 */
export function perceptualHash(image: IGreyImage): Uint8Array {
  if (image.size !== HASH_INPUT_SIZE) {
    throw new RangeError(`perceptualHash needs a ${HASH_INPUT_SIZE}x${HASH_INPUT_SIZE} image`);
  }
  const n = HASH_INPUT_SIZE;
  // Separable 2-D DCT-II, only the low HASH_BLOCK x HASH_BLOCK coefficients.
  const partial = new Float64Array(HASH_BLOCK * n);
  for (let u = 0; u < HASH_BLOCK; u++) {
    for (let y = 0; y < n; y++) {
      let sum = 0;
      for (let x = 0; x < n; x++) {
        sum += image.data[y * n + x] * cosines[u * n + x];
      }
      partial[u * n + y] = sum;
    }
  }
  const coefficients = new Float64Array(HASH_BLOCK * HASH_BLOCK);
  for (let v = 0; v < HASH_BLOCK; v++) {
    for (let u = 0; u < HASH_BLOCK; u++) {
      let sum = 0;
      for (let y = 0; y < n; y++) {
        sum += partial[u * n + y] * cosines[v * n + y];
      }
      coefficients[v * HASH_BLOCK + u] = sum;
    }
  }
  const median = medianOf(coefficients.subarray(1));
  const bits = new Uint8Array(coefficients.length);
  for (let i = 0; i < coefficients.length; i++) {
    bits[i] = coefficients[i] > median ? 1 : 0;
  }
  return bits;
}

/** The share of bits (0..1) that differ between two hashes of the same length. */
export function hashDistance(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length || a.length === 0) {
    throw new RangeError('hashes differ in length');
  }
  let differing = 0;
  for (let i = 0; i < a.length; i++) {
    differing += a[i] === b[i] ? 0 : 1;
  }
  return differing / a.length;
}

function medianOf(values: Float64Array): number {
  const sorted = Array.prototype.slice.call(values).sort((x: number, y: number) => x - y) as number[];
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
