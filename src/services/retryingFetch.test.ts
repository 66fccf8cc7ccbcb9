/**
 * @jest-environment node
 */
import { retryingFetch } from './retryingFetch';
import { DEFAULT_REQUEST_POLICY, IRequestPolicy, withTimeout } from './requestPolicy';
import { ServiceError } from './ServiceError';

const POLICY: IRequestPolicy = { ...DEFAULT_REQUEST_POLICY, backoffMs: 100, maxRetryAfterSeconds: 5 };

/** A fetch answering from a queue; each item a status (with optional Retry-After) or 'network'. */
function queuedFetch(answers: Array<number | [number, string] | 'network'>): { fetch: (url: string, init?: RequestInit) => Promise<Response>; calls: number } {
  const state = { calls: 0, fetch: async (): Promise<Response> => {
    const next = answers[Math.min(state.calls, answers.length - 1)];
    state.calls++;
    if (next === 'network') {
      throw new TypeError('Failed to fetch');
    }
    const [status, retryAfter] = Array.isArray(next) ? next : [next, undefined];
    return new Response(status === 200 ? 'ok' : 'no', { status, headers: retryAfter ? { 'Retry-After': retryAfter } : {} });
  } };
  return state;
}

describe('retryingFetch', () => {
  const waits: number[] = [];
  const sleep = async (ms: number): Promise<void> => {
    waits.push(ms);
  };
  beforeEach(() => waits.splice(0));

  test.each([
    ['429 then 200', [429, 200], 200, 2, [100]],
    ['503, 504, then 200', [503, 504, 200], 200, 3, [100, 200]],
    ['a network error then 200', ['network', 200], 200, 2, [100]],
    ['429 with Retry-After: 2', [[429, '2'], 200], 200, 2, [2000]],
    ['429 three times: gives the last answer after 3 attempts', [429, 429, 429, 429], 429, 3, [100, 200]],
    ['Retry-After beyond the cap: no wait, the 429 is returned', [[429, '120'], 200], 429, 1, []],
    ['403 is not retried', [403, 200], 403, 1, []],
    ['404 is not retried', [404, 200], 404, 1, []]
  ] as Array<[string, Array<number | [number, string] | 'network'>, number, number, number[]]>)(
    '%s',
    async (_name, answers, status, calls, expectedWaits) => {
      const fake = queuedFetch(answers);
      const response = await retryingFetch(fake.fetch, 'https://x/', {}, POLICY, new AbortController().signal, sleep);
      expect(response.status).toBe(status);
      expect(fake.calls).toBe(calls);
      expect(waits).toEqual(expectedWaits);
    }
  );

  test('network errors on every attempt: the error, after 3 attempts', async () => {
    const fake = queuedFetch(['network']);
    await expect(retryingFetch(fake.fetch, 'https://x/', {}, POLICY, new AbortController().signal, sleep)).rejects.toThrow('Failed to fetch');
    expect(fake.calls).toBe(3);
  });

  test('passes the abort signal to fetch and stops retrying once aborted', async () => {
    const controller = new AbortController();
    const seen: Array<AbortSignal | null | undefined> = [];
    const failing = async (_url: string, init?: RequestInit): Promise<Response> => {
      seen.push(init && init.signal);
      controller.abort();
      throw new DOMException('aborted', 'AbortError');
    };
    await expect(retryingFetch(failing, 'https://x/', {}, POLICY, controller.signal, sleep)).rejects.toThrow('aborted');
    expect(seen).toEqual([controller.signal]);
  });
});

describe('withTimeout', () => {
  test('resolves with the work when it is in time', async () => {
    await expect(withTimeout('exchange', 1000, undefined, async () => 42)).resolves.toBe(42);
  });

  test('rejects with a timeout ServiceError at the limit and aborts the work', async () => {
    let aborted = false;
    const never = (signal: AbortSignal): Promise<never> =>
      new Promise(() => signal.addEventListener('abort', () => (aborted = true)));
    const error = await withTimeout('sharepoint', 20, undefined, never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ service: 'sharepoint', reason: 'timeout' });
    expect(aborted).toBe(true);
  });

  test('a cancelled parent ends the work at once', async () => {
    const parent = new AbortController();
    const pending = withTimeout('exchange', 10000, parent.signal, () => new Promise(() => undefined));
    parent.abort();
    await expect(pending).rejects.toMatchObject({ reason: 'timeout' });
  });
});
