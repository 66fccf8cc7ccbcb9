/**
 * @jest-environment node
 *
 * Mutated JPEG and PNG inputs through comparePhotos: every one must end in a verdict or a PhotoDecodeError, never
 * another exception, and quickly. Deterministic: the same seed gives the same 10,000 inputs on every run.
 * Then hostile inputs (bombs, floods): each must be refused, or compared without its hostile part, within the time
 * bound and without memory growing past a small multiple of the budgeted image.
 */
import * as v8 from 'v8';
import * as vm from 'vm';
import { comparePhotos, DEFAULT_DECODE_BUDGET, isPhotoDecodeError } from './index';
import { decodeRaw, encodeJpeg, encodePngRgba, photoBytes, resize } from '../../test/photoFixtures';
import { hostileInputs } from '../../test/hostileInputs';

const INPUTS = 10000;
/**
 * The guard against a pathological input, not the performance figure: before the decoding bounds, a PNG bomb took
 * 2,000 ms, and a worst input now takes about 15–40 ms on an idle machine. `npm run bench` prints those figures
 * against the 100 ms target; a unit test on a shared machine (a busy core beside it, browsers in other suites)
 * holds only what no load can explain away: an order of magnitude.
 */
const MAX_MS = 1000;

/**
 * How long `run` takes, in wall-clock ms: once, and when that is over half the bound, the best of three. The work is
 * deterministic, so a pathological input is slow every time, while a pause from a busy machine beside the test
 * (or a garbage collection) is not: the bound holds the input to account, not the machine.
 */
async function timed(run: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let attempt = 0; attempt < 3 && best > MAX_MS / 2; attempt++) {
    const started = performance.now();
    await run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** xorshift32: a small seeded generator, so failures reproduce. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

type Mutation = (bytes: Uint8Array, rnd: () => number, other: Uint8Array) => Uint8Array;

const MUTATIONS: Array<[string, Mutation]> = [
  [
    'bit flips',
    (b, rnd) => {
      const out = new Uint8Array(b);
      const flips = 1 + Math.floor(rnd() * 8);
      for (let i = 0; i < flips; i++) {
        out[Math.floor(rnd() * out.length)] ^= 1 << Math.floor(rnd() * 8);
      }
      return out;
    }
  ],
  [
    'header bytes overwritten',
    (b, rnd) => {
      const out = new Uint8Array(b);
      const at = Math.floor(rnd() * Math.min(out.length, 700));
      out[at] = Math.floor(rnd() * 256);
      return out;
    }
  ],
  ['truncation', (b, rnd) => b.slice(0, Math.floor(rnd() * b.length))],
  [
    'spliced headers',
    (b, rnd, other) => {
      const cut = Math.floor(rnd() * Math.min(b.length, other.length));
      const out = new Uint8Array(b.length);
      out.set(other.subarray(0, cut));
      out.set(b.subarray(cut), cut);
      return out;
    }
  ],
  [
    'chunk duplicated',
    (b, rnd) => {
      const from = Math.floor(rnd() * b.length);
      const length = Math.floor(rnd() * 64);
      const chunk = b.slice(from, from + length);
      const out = new Uint8Array(b.length + chunk.length);
      out.set(b.subarray(0, from));
      out.set(chunk, from);
      out.set(b.subarray(from), from + chunk.length);
      return out;
    }
  ]
];

test(`${INPUTS} mutated JPEG and PNG inputs: only PhotoDecodeError, each under ${MAX_MS} ms`, async () => {
  const raw = resize(decodeRaw(photoBytes('messi5')), 72, 72);
  const jpeg = encodeJpeg(raw, 75);
  const png = encodePngRgba(resize(raw, 48, 48));
  const reference = encodeJpeg(resize(raw, 96, 96), 90);
  await comparePhotos(reference, jpeg); // warm up the JIT before timing
  const rnd = random(0x5eed);
  const outcomes = { same: 0, different: 0, decodeError: 0 };
  const unexpected: string[] = [];
  let slowest = { ms: 0, input: '' };

  for (let i = 0; i < INPUTS; i++) {
    const [base, other] = i % 2 === 0 ? [jpeg, png] : [png, jpeg];
    const [name, mutate] = MUTATIONS[i % MUTATIONS.length];
    const input = mutate(base, rnd, other);
    let first: 'same' | 'different' | 'decodeError' | { unexpected: string } | undefined;
    const ms = await timed(async () => {
      const outcome = await comparePhotos(reference, input).then(
        (result) => result.verdict,
        (e: unknown) => (isPhotoDecodeError(e) ? ('decodeError' as const) : { unexpected: e instanceof Error ? `${e.name}: ${e.message}` : String(e) })
      );
      first = first || outcome; // timed again only when slow: counted once
    });
    if (typeof first === 'string') {
      outcomes[first]++;
    } else if (first) {
      unexpected.push(`#${i} ${name}: ${first.unexpected}`);
    }
    if (ms > slowest.ms) {
      slowest = { ms, input: `#${i} ${name} (${i % 2 === 0 ? 'JPEG' : 'PNG'}, ${input.length} bytes)` };
    }
  }
  if (process.env.PPS_REPORT) {
    process.stdout.write(`fuzz: ${JSON.stringify(outcomes)}; slowest ${slowest.ms.toFixed(1)} ms: ${slowest.input}\n`);
  }
  expect(unexpected.slice(0, 10)).toEqual([]);
  expect(outcomes.same + outcomes.different + outcomes.decodeError).toBe(INPUTS);
  expect(outcomes.decodeError).toBeGreaterThan(INPUTS / 10); // the mutations really do break inputs
  expect([slowest.input, slowest.ms]).toEqual([slowest.input, expect.any(Number)]);
  expect(slowest.ms).toBeLessThan(MAX_MS);
}, 300000);

/** The budgeted image (RGBA at the pixel budget), and the growth allowed while refusing a hostile input. */
const BUDGETED_IMAGE_BYTES = DEFAULT_DECODE_BUDGET.maxPixels * 4;
const MAX_GROWTH_BYTES = 4 * BUDGETED_IMAGE_BYTES;

/** A full garbage collection, so the growth measured across one input is that input's. */
const collectGarbage = ((): (() => void) => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

function memoryInUse(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external; // external holds every ArrayBuffer
}

describe('hostile inputs', () => {
  const inputs = hostileInputs();
  const reference = encodeJpeg(resize(decodeRaw(photoBytes('messi5')), 96, 96), 90);
  const worst = { ms: 0, growth: 0, ms_input: '', growth_input: '' };

  beforeAll(async () => {
    await comparePhotos(reference, reference); // warm up the JIT before timing
  });

  test('cover every class the decoder must bound', () => {
    expect(Array.from(new Set(inputs.map((i) => i.kind))).sort()).toEqual(['ancillary bomb', 'bomb', 'chunk flood', 'marker flood', 'scan flood']);
  });

  test.each(inputs.map((i) => [i.name, i] as const))('%s', async (_name, input) => {
    collectGarbage();
    const before = memoryInUse();
    const compare = (): Promise<string> =>
      comparePhotos(reference, input.bytes).then(
        (r) => r.verdict,
        (e: unknown) => (isPhotoDecodeError(e) ? `${e.failure} (${e.side})` : `unexpected: ${String(e)}`)
      );
    const started = performance.now();
    const outcome = await compare();
    let ms = performance.now() - started;
    // Memory from the first run alone; a slow first run is timed again (its repeats would add their garbage).
    const growth = memoryInUse() - before;
    if (ms > MAX_MS / 2) {
      ms = Math.min(ms, await timed(compare));
    }
    if (ms > worst.ms) {
      Object.assign(worst, { ms, ms_input: input.name });
    }
    if (growth > worst.growth) {
      Object.assign(worst, { growth, growth_input: input.name });
    }
    // An ancillary bomb on a good photo is compared without ever inflating the chunk; everything else is refused.
    expect(outcome).toBe(input.kind === 'ancillary bomb' ? 'same' : 'corrupt (sharePoint)');
    expect(ms).toBeLessThan(MAX_MS);
    expect(growth).toBeLessThan(MAX_GROWTH_BYTES);
  });

  afterAll(() => {
    if (process.env.PPS_REPORT) {
      process.stdout.write(
        `hostile: slowest ${worst.ms.toFixed(1)} ms (${worst.ms_input}); most memory +${(worst.growth / 1048576).toFixed(1)} MB (${worst.growth_input})\n`
      );
    }
  });
});
