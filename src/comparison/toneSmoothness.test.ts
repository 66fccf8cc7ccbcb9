/**
 * @jest-environment node
 */
import { comparePhotos, SAME_PHOTO_THRESHOLD } from './index';
import { encodeJpeg, IRaw, PHOTO_NAMES, resize } from '../../test/photoFixtures';
import { graphPhoto, onLightBackdrop, originalOf } from '../../test/comparisonPairs';
import { contrast, gamma } from '../../test/toneChanges';

/**
 * The distance grows with the amount of tone change and never jumps: each graded photo (and its portrait on a light
 * backdrop, where the change clips) is stepped through contrast and gamma in small increments across the ranges the
 * verdict must hold through, and compared as SharePoint keeps it (72 px, JPEG 75) with Graph's 96 px copy. The
 * change is made to the 72 px thumbnail before it is encoded (a thumbnailer adjusting what it made): the same levels
 * as changing the whole photo first, at a tenth of the test's time.
 */

/** The most the distance may rise between two neighbouring steps: a fifth of the threshold's margin below it. */
const MAX_RISE_PER_STEP = 0.02;
const STEPS = 12;

const ramps: Array<{ name: string; at: (i: number) => number; apply: (r: IRaw, amount: number) => IRaw }> = [
  // Contrast x0.85 .. x1.15, evenly.
  { name: 'contrast', at: (i) => 0.85 + (0.3 * i) / STEPS, apply: contrast },
  // Gamma 0.75 .. 1.33, evenly on a log scale (the two ends are each other's inverse).
  { name: 'gamma', at: (i) => 0.75 * Math.pow(1.33 / 0.75, i / STEPS), apply: gamma }
];

const subjects = PHOTO_NAMES.flatMap((photo) => [
  { name: photo, raw: () => originalOf(photo), graph: () => graphPhoto(photo, 96) },
  { name: `${photo} on a light backdrop`, raw: () => onLightBackdrop(photo), graph: () => encodeJpeg(resize(onLightBackdrop(photo), 96, 96), 90) }
]);

describe('comparePhotos: the distance changes smoothly with tone', () => {
  test.each(subjects.flatMap((s) => ramps.map((ramp) => [`${s.name}, ${ramp.name}`, s, ramp] as const)))('%s', async (_name, subject, ramp) => {
    const thumbnail = resize(subject.raw(), 72, 72);
    const graph = subject.graph();
    const distances: number[] = [];
    for (let i = 0; i <= STEPS; i++) {
      const copy = encodeJpeg(ramp.apply(thumbnail, ramp.at(i)), 75);
      distances.push((await comparePhotos(graph, copy)).distance);
    }
    const rises = distances.slice(1).map((d, i) => d - distances[i]);
    if (process.env.PPS_REPORT) {
      process.stdout.write(`${subject.name} ${ramp.name}: ${distances.map((d) => d.toFixed(3)).join(' ')} max rise ${Math.max(...rises).toFixed(3)}\n`);
    }
    expect(distances.filter((d) => d > SAME_PHOTO_THRESHOLD)).toEqual([]);
    expect(rises.filter((r) => r > MAX_RISE_PER_STEP)).toEqual([]);
  });
});
