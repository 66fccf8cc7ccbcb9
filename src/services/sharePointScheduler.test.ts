/**
 * @jest-environment node
 */
import { DEFAULT_SHAREPOINT_PACE, MIN_REQUESTS_PER_MINUTE, SharePointScheduler, sharedSharePointScheduler } from './sharePointScheduler';

/** A SharePoint that answers each request at once with what `answer` says; records when each was sent. */
class FakeSharePoint {
  public readonly sent: Array<{ url: string; at: number }> = [];
  public constructor(private readonly _answer: (url: string, n: number) => { status?: number; headers?: Record<string, string>; redirected?: boolean } = () => ({})) {}
  public fetch = (url: string): Promise<Response> => {
    this.sent.push({ url, at: Date.now() });
    const a = this._answer(url, this.sent.length);
    return Promise.resolve({ status: a.status || 200, ok: (a.status || 200) < 400, redirected: !!a.redirected, headers: new Headers(a.headers || {}) } as Response);
  };
  public urls(): string[] {
    return this.sent.map((s) => s.url);
  }
}

/** Lets `ms` of fake time pass in 100 ms steps, the promise callbacks that timers start running in between. */
async function elapse(ms: number): Promise<void> {
  const flush = async (): Promise<void> => {
    for (let i = 0; i < 10; i++) {
      await Promise.resolve();
    }
  };
  await flush();
  for (let left = ms; left > 0; left -= 100) {
    jest.advanceTimersByTime(Math.min(100, left));
    await flush();
  }
}

beforeEach(() => {
  jest.useFakeTimers();
  jest.setSystemTime(new Date('2026-12-02T10:00:00Z'));
});
afterEach(() => jest.useRealTimers());

describe('SharePointScheduler: the pace', () => {
  test('the default: a page-load-sized burst, then a reader\'s pace, a few at once', () => {
    expect(DEFAULT_SHAREPOINT_PACE).toEqual({ requestsPerMinute: 240, inFlight: 6, burst: 60 });
  });

  test('requests a minute, not only in flight: a short burst, then one every 60/pace seconds', async () => {
    const sp = new FakeSharePoint();
    const scheduler = new SharePointScheduler(sp.fetch, { requestsPerMinute: 60, inFlight: 4, burst: 4 });
    const all = Array.from({ length: 10 }, (_, i) => scheduler.fetch(`/r${i}`));
    await elapse(0);
    expect(sp.sent).toHaveLength(4);
    await elapse(1000);
    expect(sp.sent).toHaveLength(5);
    await elapse(5000);
    expect(sp.sent).toHaveLength(10);
    expect((await Promise.all(all)).map((r) => r.status)).toEqual(new Array(10).fill(200));
    const gaps = sp.sent.slice(4).map((s, i) => s.at - sp.sent[i + 3].at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000);
  });

  test('most urgent first: lowest priority number, then the order asked in', async () => {
    const sp = new FakeSharePoint();
    const scheduler = new SharePointScheduler(sp.fetch, { requestsPerMinute: 60, inFlight: 1, burst: 1 });
    scheduler.fetch('/first').catch(() => undefined);
    await elapse(0);
    for (const [url, priority] of [['/later', 5], ['/personal', -1], ['/soon', 1], ['/soon-too', 1]] as const) {
      scheduler.fetch(url, {}, priority).catch(() => undefined);
    }
    await elapse(10000);
    expect(sp.urls()).toEqual(['/first', '/personal', '/soon', '/soon-too', '/later']);
  });

  test("a redirected request (userphoto.aspx's hop) counts as two", async () => {
    const sp = new FakeSharePoint(() => ({ redirected: true }));
    const scheduler = new SharePointScheduler(sp.fetch, { requestsPerMinute: 60, inFlight: 4, burst: 4 });
    Array.from({ length: 6 }, (_, i) => scheduler.fetch(`/p${i}`).catch(() => undefined));
    await elapse(0);
    expect(scheduler.status().sent).toBe(2 * sp.sent.length);
    await elapse(3900);
    // 4 in the burst cost 8: the next one waits until the debt is paid (about 5 s at one a second).
    expect(sp.sent).toHaveLength(4);
    await elapse(1200);
    expect(sp.sent).toHaveLength(5);
  });
});

describe('SharePointScheduler: when SharePoint says slow down', () => {
  test('a 429 pauses the whole queue for its Retry-After, the request goes again after it, the pace halves', async () => {
    const sp = new FakeSharePoint((url, n) => (url === '/a' && n === 1 ? { status: 429, headers: { 'Retry-After': '30' } } : {}));
    const scheduler = new SharePointScheduler(sp.fetch, { requestsPerMinute: 240, inFlight: 1, burst: 4 });
    const statuses: Array<number | undefined> = [];
    scheduler.subscribe((s) => statuses.push(s.pausedUntil));
    const a = scheduler.fetch('/a');
    const b = scheduler.fetch('/b');
    await elapse(0);
    expect(sp.urls()).toEqual(['/a']);
    expect(scheduler.status()).toMatchObject({ throttled: 1, requestsPerMinute: 120 });
    expect(scheduler.status().pausedUntil).toBe(Date.now() + 30000);
    await elapse(29000);
    expect(sp.urls()).toEqual(['/a']); // nothing at all during the wait
    await elapse(1100);
    expect(sp.urls()).toEqual(['/a', '/a']);
    expect((await a).status).toBe(200);
    await elapse(1000);
    expect(sp.urls()).toEqual(['/a', '/a', '/b']);
    // At the halved pace (120 a minute), not in a burst after the wait.
    expect(sp.sent[2].at - sp.sent[1].at).toBeGreaterThanOrEqual(500);
    expect((await b).status).toBe(200);
    expect(statuses[0]).toBeGreaterThan(0); // told when it paused
    expect(statuses[statuses.length - 1]).toBeUndefined(); // and when it went on
  });

  test('Retry-After as a date; a 503 counts as throttling too', async () => {
    const until = new Date(Date.now() + 45000).toUTCString();
    const sp = new FakeSharePoint((_url, n) => (n === 1 ? { status: 503, headers: { 'Retry-After': until } } : {}));
    const scheduler = new SharePointScheduler(sp.fetch, { requestsPerMinute: 240, inFlight: 4, burst: 4 });
    const r = scheduler.fetch('/x');
    await elapse(0);
    expect(scheduler.status().throttled).toBe(1);
    await elapse(44000);
    expect(sp.sent).toHaveLength(1);
    await elapse(2000);
    expect(sp.sent).toHaveLength(2);
    expect((await r).status).toBe(200);
  });

  test('without Retry-After it waits 10 s, doubling while throttling goes on; never below the slowest pace', async () => {
    const sp = new FakeSharePoint((_url, n) => (n <= 3 ? { status: 429 } : {}));
    const scheduler = new SharePointScheduler(sp.fetch, { requestsPerMinute: 60, inFlight: 1, burst: 4 });
    const r = scheduler.fetch('/x');
    await elapse(0);
    await elapse(10500);
    expect(sp.sent).toHaveLength(2);
    await elapse(20500);
    expect(sp.sent).toHaveLength(3);
    await elapse(40500);
    expect(sp.sent).toHaveLength(4);
    expect((await r).status).toBe(200);
    expect(scheduler.status().requestsPerMinute).toBe(MIN_REQUESTS_PER_MINUTE);
  });

  test('RateLimit headers slow the pace before any 429; none left pauses until the reset', async () => {
    const headers: Array<Record<string, string>> = [{ 'RateLimit-Limit': '600', 'RateLimit-Remaining': '20', 'RateLimit-Reset': '30' }, { 'RateLimit-Limit': '600', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '12' }];
    const sp = new FakeSharePoint((_url, n) => ({ headers: headers[n - 1] || {} }));
    const scheduler = new SharePointScheduler(sp.fetch, { requestsPerMinute: 240, inFlight: 1, burst: 4 });
    scheduler.fetch('/1').catch(() => undefined);
    await elapse(0);
    expect(scheduler.status().requestsPerMinute).toBe(32); // 20 left over 30 s, with a fifth to spare
    scheduler.fetch('/2').catch(() => undefined);
    scheduler.fetch('/3').catch(() => undefined);
    await elapse(2000);
    expect(sp.sent).toHaveLength(2);
    await elapse(9000);
    expect(sp.sent).toHaveLength(2);
    await elapse(4000);
    expect(sp.sent).toHaveLength(3);
    expect(scheduler.status().throttled).toBe(0);
  });

  test('a request throttled again and again is answered with the last 429 (the caller reports it)', async () => {
    const sp = new FakeSharePoint(() => ({ status: 429, headers: { 'Retry-After': '1' } }));
    const scheduler = new SharePointScheduler(sp.fetch, { requestsPerMinute: 240, inFlight: 1, burst: 4 });
    const r = scheduler.fetch('/x');
    await elapse(30000);
    expect((await r).status).toBe(429);
    expect(sp.sent).toHaveLength(5);
  });
});

describe('SharePointScheduler: stop', () => {
  test('a request stopped while it waits is never sent; one stopped before it is asked is refused at once', async () => {
    const sp = new FakeSharePoint();
    const scheduler = new SharePointScheduler(sp.fetch, { requestsPerMinute: 60, inFlight: 1, burst: 1 });
    const controller = new AbortController();
    scheduler.fetch('/first').catch(() => undefined);
    const waiting = scheduler.fetch('/waiting', { signal: controller.signal });
    await elapse(0);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    await elapse(5000);
    expect(sp.urls()).toEqual(['/first']);
    await expect(scheduler.fetch('/late', { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('the page has one scheduler', () => {
  test('both parts find the same one; another page has its own', () => {
    const page = {};
    const sp = new FakeSharePoint();
    expect(sharedSharePointScheduler(sp.fetch, page)).toBe(sharedSharePointScheduler(sp.fetch, page));
    expect(sharedSharePointScheduler(sp.fetch, {})).not.toBe(sharedSharePointScheduler(sp.fetch, page));
  });
});
