/**
 * @jest-environment node
 */
import { GraphBatchQueue, IBatchRequestItem, IBatchResponse, IBatchResponseItem, retryAfterSeconds, runBatched } from './graphBatch';

function requests(n: number): IBatchRequestItem[] {
  return Array.from({ length: n }, (_v, i) => ({ id: String(i + 1), method: 'GET' as const, url: `/users/u${i + 1}/photo` }));
}

interface IPosted {
  ids: string[];
  at: number;
}

/** A recording poster: `answer` decides each item's response; every batch is logged with when it went out. */
function poster(answer: (item: IBatchRequestItem, attempt: number) => IBatchResponseItem, delayMs: number = 0) {
  const posted: IPosted[] = [];
  const attempts = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  const post = async (batch: IBatchRequestItem[]): Promise<IBatchResponse> => {
    posted.push({ ids: batch.map((b) => b.id), at: Date.now() });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, delayMs));
    inFlight--;
    return {
      responses: batch.map((item) => {
        const attempt = (attempts.get(item.id) || 0) + 1;
        attempts.set(item.id, attempt);
        return answer(item, attempt);
      })
    };
  };
  return { post, posted, maxInFlight: () => maxInFlight };
}

const ok = (item: IBatchRequestItem): IBatchResponseItem => ({ id: item.id, status: 200, body: { id: item.url } });

describe('runBatched: Graph JSON batching', () => {
  test('splits into batches of at most 20 and delivers every answer exactly once', async () => {
    const { post, posted } = poster(ok);
    const delivered: string[] = [];
    const stats = await runBatched(requests(45), post, (r) => delivered.push(r.id));
    expect(posted.map((p) => p.ids.length)).toEqual([20, 20, 5]);
    expect(delivered.sort((a, b) => +a - +b)).toEqual(requests(45).map((r) => r.id));
    expect(stats).toEqual({ batches: 3, retried: 0 });
  });

  test('never more than 4 batches in flight, and the limit is used', async () => {
    const { post, maxInFlight } = poster(ok, 5);
    await runBatched(requests(200), post, () => undefined);
    expect(maxInFlight()).toBe(4);
  });

  test('a smaller batch size and concurrency are honoured; 20 is the most Graph takes', async () => {
    const small = poster(ok, 2);
    await runBatched(requests(10), small.post, () => undefined, { maxPerBatch: 3, maxInFlight: 2 });
    expect(small.posted.map((p) => p.ids.length)).toEqual([3, 3, 3, 1]);
    expect(small.maxInFlight()).toBe(2);
    const large = poster(ok);
    await runBatched(requests(30), large.post, () => undefined, { maxPerBatch: 50 });
    expect(large.posted[0].ids).toHaveLength(20);
  });

  test('requests answered 429 inside a batch are retried alone, after their own Retry-After', async () => {
    const throttled = new Set(['3', '7']);
    const { post, posted } = poster((item, attempt) =>
      throttled.has(item.id) && attempt === 1 ? { id: item.id, status: 429, headers: { 'Retry-After': '2' } } : ok(item)
    );
    const delivered: IBatchResponseItem[] = [];
    const waits: string[] = [];
    const stats = await runBatched(requests(10), post, (r) => delivered.push(r), { secondMs: 20, onRetry: (id, status, ms) => waits.push(`${id}:${status}:${ms}`) });
    expect(posted.map((p) => p.ids)).toEqual([requests(10).map((r) => r.id), ['3', '7']]);
    expect(waits).toEqual(['3:429:40', '7:429:40']); // Retry-After 2, at 20 ms a "second"
    expect(posted[1].at - posted[0].at).toBeGreaterThanOrEqual(40 - 2); // and not sent before it: timers never fire early
    expect(delivered.every((r) => r.status === 200)).toBe(true);
    expect(delivered).toHaveLength(10);
    expect(stats.retried).toBe(2);
  });

  test('503 and 504 inside a batch are retried too, with a doubling backoff when there is no Retry-After', async () => {
    const { post, posted } = poster((item, attempt) => (attempt < 3 ? { id: item.id, status: attempt === 1 ? 503 : 504 } : ok(item)));
    const delivered: IBatchResponseItem[] = [];
    const waits: string[] = [];
    await runBatched(requests(2), post, (r) => delivered.push(r), { backoffMs: 10, onRetry: (id, status, ms) => waits.push(`${id}:${status}:${ms}`) });
    expect(posted).toHaveLength(3);
    // the waits the scheduler chose, not wall-clock gaps (which a busy machine stretches)
    expect(waits).toEqual(['1:503:10', '2:503:10', '1:504:20', '2:504:20']);
    expect(delivered.map((r) => r.status)).toEqual([200, 200]);
  });

  test('after the last attempt, or with a Retry-After too long to wait, the 429 itself is delivered', async () => {
    const always = poster((item) => ({ id: item.id, status: 429, headers: { 'retry-after': '1' } }));
    const delivered: IBatchResponseItem[] = [];
    await runBatched(requests(1), always.post, (r) => delivered.push(r), { maxAttempts: 3, secondMs: 1 });
    expect(always.posted).toHaveLength(3);
    expect(delivered).toEqual([{ id: '1', status: 429, headers: { 'retry-after': '1' } }]);
    const long = poster((item) => ({ id: item.id, status: 429, headers: { 'Retry-After': '3600' } }));
    const once: IBatchResponseItem[] = [];
    await runBatched(requests(1), long.post, (r) => once.push(r), { maxRetryAfterSeconds: 30 });
    expect(long.posted).toHaveLength(1);
    expect(once[0].status).toBe(429);
  });

  test('a batch that fails as a whole has each of its requests retried; an answer missing an id counts as failed', async () => {
    let calls = 0;
    const posted: string[][] = [];
    const post = async (batch: IBatchRequestItem[]): Promise<IBatchResponse> => {
      posted.push(batch.map((b) => b.id));
      calls++;
      if (calls === 1) {
        throw Object.assign(new Error('throttled'), { statusCode: 429, headers: new Headers({ 'Retry-After': '1' }) });
      }
      return { responses: batch.filter((b) => calls > 2 || b.id !== '2').map((b) => ({ id: b.id, status: 200 })) };
    };
    const delivered: IBatchResponseItem[] = [];
    await runBatched(requests(3), post, (r) => delivered.push(r), { secondMs: 1, backoffMs: 1 });
    expect(posted).toEqual([['1', '2', '3'], ['1', '2', '3'], ['2']]);
    expect(delivered.map((r) => `${r.id}:${r.status}`).sort()).toEqual(['1:200', '2:200', '3:200']);
  });

  test('stopping: the promise rejects, nothing more is posted, and what arrived stays delivered', async () => {
    const controller = new AbortController();
    const { post, posted } = poster(ok, 20);
    const delivered: string[] = [];
    const run = runBatched(requests(200), post, (r) => delivered.push(r.id), { signal: controller.signal, maxInFlight: 1 });
    await new Promise((r) => setTimeout(r, 30));
    controller.abort();
    await expect(run).rejects.toThrow(/aborted/);
    const sent = posted.length;
    await new Promise((r) => setTimeout(r, 60));
    expect(posted.length).toBe(sent);
    expect(sent).toBeLessThan(10);
  });

  test('nothing to send resolves at once', async () => {
    const { post, posted } = poster(ok);
    await expect(runBatched([], post, () => undefined)).resolves.toEqual({ batches: 0, retried: 0 });
    expect(posted).toEqual([]);
  });

  test('Retry-After in any case; absent or not a number is undefined', () => {
    expect(retryAfterSeconds({ 'Retry-After': '7' })).toBe(7);
    expect(retryAfterSeconds({ 'retry-after': '0' })).toBe(0);
    expect(retryAfterSeconds({ 'Retry-After': 'soon' })).toBeUndefined();
    expect(retryAfterSeconds(undefined)).toBeUndefined();
  });
});

describe('GraphBatchQueue: requests added while others are answered', () => {
  test('requests added in one moment share a batch; lower priority goes first; done waits for close()', async () => {
    const { post, posted } = poster(ok, 2);
    const delivered: string[] = [];
    const queue: GraphBatchQueue = new GraphBatchQueue(
      post,
      (r) => {
        delivered.push(r.id);
        if (r.id === 'late-1') {
          // Asked for in answer to the first batch (a photo once its metadata came): ahead of the 5 late ones.
          queue.add(requests(3).map((q) => ({ ...q, id: `early-${q.id}` })), 1);
        }
      },
      { maxInFlight: 1 }
    );
    queue.add(requests(25).map((r) => ({ ...r, id: `late-${r.id}` })), 100);
    let finished = false;
    queue.done.then(() => (finished = true), () => undefined);
    await new Promise((r) => setTimeout(r, 60));
    expect(finished).toBe(false); // not closed: more may come
    queue.close();
    await queue.done;
    expect(posted.map((p) => p.ids.length)).toEqual([20, 8]);
    expect(posted[1].ids).toEqual(['early-1', 'early-2', 'early-3', 'late-21', 'late-22', 'late-23', 'late-24', 'late-25']);
    expect(delivered).toHaveLength(28);
  });

  test('a request added inside an answer (a follow-up) is sent even after close()', async () => {
    const { post, posted } = poster(ok);
    const queue: GraphBatchQueue = new GraphBatchQueue(post, (r) => r.id === 'a' && queue.add([{ id: 'b', method: 'GET', url: '/b' }]));
    queue.add([{ id: 'a', method: 'GET', url: '/a' }]);
    queue.close();
    await queue.done;
    expect(posted.map((p) => p.ids)).toEqual([['a'], ['b']]);
  });
});
