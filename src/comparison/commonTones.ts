import { IGreyImage } from './normalizeImage';

/**
 * Puts two grey images of one size on a common tonal footing before they are compared, so that what differs
 * between two copies of one capture only in tone (a colour profile applied on one side and not the other, a JPEG's
 * limited range read as full, brightness, contrast or gamma changed, a transparent backdrop flattened onto black
 * instead of white) does not read as a different photo, while their structure (what the verdict is about) is kept.
 *
 * Every such change is a global, monotonic mapping of levels, so it is undone by mapping one image's levels onto
 * the other's by rank (histogram matching): the k-th darkest pixel of `image` takes the level of the k-th darkest
 * pixel of `reference`. Pixels that share a level (a backdrop clipped to white, a black suit clipped to 0) share the
 * mean of the reference levels of their ranks, so a clipped region is never spread out by its pixels' order and the
 * result changes smoothly as more of a region clips. A re-take keeps its other pose, and another photo its other
 * content: matching levels moves neither's structure.
 */
/** Levels closer than this (of 255) are one level: area averaging leaves a clipped region a hair from exactly 255. */
const TIE = 1e-6;

export function matchTones(reference: IGreyImage, image: IGreyImage): IGreyImage {
  const n = image.data.length;
  if (reference.data.length !== n || n === 0) {
    throw new RangeError('matchTones needs two images of the same size');
  }
  const levels = Float64Array.from(reference.data).sort();
  const values = image.data;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    order[i] = i;
  }
  order.sort((x, y) => values[x] - values[y]);
  const data = new Float64Array(n);
  for (let first = 0; first < n; ) {
    let last = first + 1;
    let sum = levels[first];
    while (last < n && values[order[last]] - values[order[first]] < TIE) {
      sum += levels[last];
      last++;
    }
    const level = sum / (last - first);
    for (let k = first; k < last; k++) {
      data[order[k]] = level;
    }
    first = last;
  }
  return { size: image.size, data };
}

/** A pixel this little covered shows the backdrop, not the photo. */
const MOSTLY_TRANSPARENT = 0.1;

/** Below this share of transparent area, a photo's transparency is an antialiased edge, not a backdrop to fill. */
const MIN_TRANSPARENT_SHARE = 0.01;

/**
 * The grey level that a photo with transparency should be flattened onto to match the other photo: the mean level
 * of the other photo where this one is (all but) transparent, leaving out the soft edge, where the two mix. A transparent
 * pixel has no colour of its own, so any backdrop is a faithful rendering of it; the one the other copy was
 * flattened onto (black, white, a brand colour) is the fair one. `undefined` when `image` has no transparency to
 * speak of, or when both have some (both are then compared flattened onto white, as decoded).
 */
export function backdropFor(image: IGreyImage, other: IGreyImage): number | undefined {
  if (!image.coverage || other.coverage) {
    return undefined;
  }
  let count = 0;
  let sum = 0;
  for (let i = 0; i < image.coverage.length; i++) {
    if (image.coverage[i] <= MOSTLY_TRANSPARENT) {
      count++;
      sum += other.data[i];
    }
  }
  return count >= MIN_TRANSPARENT_SHARE * image.coverage.length ? sum / count : undefined;
}

/** `image` (flattened onto white, as normalized) flattened onto `level` instead; unchanged without transparency. */
export function flattenOnto(image: IGreyImage, level: number | undefined): IGreyImage {
  const coverage = image.coverage;
  if (!coverage || level === undefined) {
    return image;
  }
  const data = new Float64Array(image.data.length);
  for (let i = 0; i < data.length; i++) {
    data[i] = image.data[i] + (level - 255) * (1 - coverage[i]);
  }
  return { size: image.size, data, coverage };
}
