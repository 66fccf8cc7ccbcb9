/**
 * @jest-environment node
 */
import { DEFAULT_SHAREPOINT_PACE, MIN_REQUESTS_PER_MINUTE, SharePointScheduler, sharedSharePointScheduler } from './sharePointScheduler';
import { BudgetMessage, browserBudgetPeers, IBudgetPeers, ISharedPaceState, parseMessage } from './budgetPeers';

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
  test('a 429 pauses the whole queue for its Retry-After, the request goes again after it, the pace halves from what was sent', async () => {
    const sp = new FakeSharePoint((url, n) => (url === '/a' && n === 11 ? { status: 429, headers: { 'Retry-After': '30' } } : {}));
    const scheduler = new SharePointScheduler(sp.fetch, { requestsPerMinute: 240, inFlight: 1, burst: 20, firstBurst: 20 });
    const statuses: Array<number | undefined> = [];
    scheduler.subscribe((s) => statuses.push(s.pausedUntil));
    for (let i = 0; i < 10; i++) {
      scheduler.fetch(`/${i}`).catch(() => undefined);
    }
    const a = scheduler.fetch('/a');
    const b = scheduler.fetch('/b');
    await elapse(0);
    expect(sp.sent).toHaveLength(11);
    // 11 went out in the last minute and the 11th was refused: half of that, far below the configured 240.
    expect(scheduler.status()).toMatchObject({ throttled: 1, requestsPerMinute: 5.5 });
    expect(scheduler.status().pausedUntil).toBe(Date.now() + 30000);
    await elapse(29000);
    expect(sp.sent).toHaveLength(11); // nothing at all during the wait
    await elapse(1100);
    expect(sp.urls().slice(10)).toEqual(['/a', '/a']);
    expect((await a).status).toBe(200);
    await elapse(9000);
    expect(sp.sent).toHaveLength(12); // at 5.5 a minute, not in a burst after the wait
    await elapse(3000);
    expect(sp.urls().slice(10)).toEqual(['/a', '/a', '/b']);
    expect((await b).status).toBe(200);
    expect(statuses[0]).toBeGreaterThan(0); // told when it paused
    expect(statuses[statuses.length - 1]).toBeUndefined(); // and when it went on
  });

  test('one decrease a round: the requests already in flight when the first 429 came do not halve it again', async () => {
    const sp = new FakeSharePoint((_url, n) => (n >= 9 && n <= 12 ? { status: 429, headers: { 'Retry-After': '5' } } : {}));
    const scheduler = new SharePointScheduler(sp.fetch, { requestsPerMinute: 240, inFlight: 4, burst: 12, firstBurst: 12 });
    Array.from({ length: 12 }, (_, i) => scheduler.fetch(`/${i}`).catch(() => undefined));
    await elapse(0);
    expect(scheduler.status().throttled).toBe(4);
    expect(scheduler.status().requestsPerMinute).toBe(6); // 12 sent when the first was refused: halved once
  });

  test('no floor: a budget of two a minute (and no RateLimit headers) is found by AIMD alone', async () => {
    let refusedUntil = 0;
    let sentWhileTold = 0;
    const sp: FakeSharePoint = new FakeSharePoint(() => {
      sentWhileTold += Date.now() < refusedUntil ? 1 : 0;
      if (sp.sent.filter((x: { at: number }) => x.at > Date.now() - 60000).length > 2) {
        refusedUntil = Date.now() + 30000;
        return { status: 429, headers: { 'Retry-After': '30' } };
      }
      return {};
    });
    const scheduler = new SharePointScheduler(sp.fetch, { requestsPerMinute: 240, inFlight: 1, burst: 4 });
    const answers = Array.from({ length: 60 }, (_, i) => scheduler.fetch(`/${i}`).catch(() => undefined));
    await elapse(15 * 60000);
    expect(scheduler.status().requestsPerMinute).toBeLessThan(4);
    expect(scheduler.status().requestsPerMinute).toBeGreaterThanOrEqual(MIN_REQUESTS_PER_MINUTE);
    expect(sentWhileTold).toBe(0);
    // The sawtooth's cost: a probe above the budget now and then; still most of the budget is used.
    const { sent, throttled } = scheduler.status();
    expect(sent - throttled).toBeGreaterThanOrEqual(18); // of the 30 that 15 minutes at 2 a minute allow
    expect(answers).toHaveLength(60);
  });

  test('additive increase: a quiet minute after the pace was lowered, 2 a minute more every 10 s, up to the configured pace', async () => {
    const sp = new FakeSharePoint((_url, n) => (n === 4 ? { status: 429, headers: { 'Retry-After': '1' } } : {}));
    const scheduler = new SharePointScheduler(sp.fetch, { requestsPerMinute: 60, inFlight: 1, burst: 4, firstBurst: 4 });
    Array.from({ length: 200 }, (_, i) => scheduler.fetch(`/${i}`).catch(() => undefined));
    await elapse(0);
    expect(scheduler.status().requestsPerMinute).toBe(2); // 4 sent, the 4th refused
    await elapse(55000);
    expect(scheduler.status().requestsPerMinute).toBe(2); // no probing within the minute
    await elapse(30000);
    expect(scheduler.status().requestsPerMinute).toBe(8); // three steps since
    await elapse(10 * 60000);
    expect(scheduler.status().requestsPerMinute).toBe(60); // never above the configured pace
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

  test('without Retry-After it waits 10 s, doubling while throttling goes on', async () => {
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

  test('RateLimit headers set the pace outright (nine tenths of the limit), send no more than remains, and none left waits for the reset', async () => {
    const headers: Array<Record<string, string>> = [
      { 'RateLimit-Limit': '20', 'RateLimit-Remaining': '4', 'RateLimit-Reset': '50' },
      { 'RateLimit-Limit': '20', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '12' }
    ];
    const sp = new FakeSharePoint((_url, n) => ({ headers: headers[n - 1] || {} }));
    const scheduler = new SharePointScheduler(sp.fetch, { requestsPerMinute: 240, inFlight: 1, burst: 10, firstBurst: 10 });
    scheduler.fetch('/1').catch(() => undefined);
    await elapse(0);
    expect(scheduler.status().requestsPerMinute).toBe(18);
    scheduler.fetch('/2').catch(() => undefined);
    scheduler.fetch('/3').catch(() => undefined);
    await elapse(2000);
    expect(sp.sent).toHaveLength(2); // the bucket held 10, but 4 remained, and the pace is one every 3.3 s
    await elapse(9000);
    expect(sp.sent).toHaveLength(2); // none left: until the reset, 12 s after the second answer
    await elapse(4000);
    expect(sp.sent).toHaveLength(3);
    expect(scheduler.status().throttled).toBe(0);
  });

  test('a redirected request costs two: with 3 remaining, one more picture goes (2), then it waits for the reset', async () => {
    const reading: Record<string, string> = { 'RateLimit-Limit': '20', 'RateLimit-Remaining': '3', 'RateLimit-Reset': '20' };
    const sp = new FakeSharePoint((_url, n) => ({ redirected: true, headers: n === 5 ? reading : {} }));
    const scheduler = new SharePointScheduler(sp.fetch, { requestsPerMinute: 240, inFlight: 1, burst: 20, firstBurst: 20 });
    Array.from({ length: 8 }, (_, i) => scheduler.fetch(`/p${i}`).catch(() => undefined));
    await elapse(0);
    expect(sp.sent).toHaveLength(6);
    await elapse(19000);
    expect(sp.sent).toHaveLength(6);
    await elapse(2000);
    expect(sp.sent.length).toBeGreaterThanOrEqual(7);
    expect(sp.sent[6].at - sp.sent[5].at).toBeGreaterThanOrEqual(20000);
    expect(scheduler.status().pausedUntil).toBeUndefined(); // its own care, not SharePoint's word: no pause shown
  });

  test('a first visit sends no more than may be in flight before SharePoint has answered: the full burst is earned later', async () => {
    const sp = new FakeSharePoint();
    const scheduler = new SharePointScheduler(sp.fetch, { requestsPerMinute: 240, inFlight: 6, burst: 60 });
    Array.from({ length: 100 }, (_, i) => scheduler.fetch(`/${i}`).catch(() => undefined));
    await elapse(0);
    expect(sp.sent).toHaveLength(6);
    await elapse(1000);
    expect(sp.sent).toHaveLength(10); // then at the pace: 4 a second
  });

  test('after waiting for a RateLimit reset it resumes with one request, not the bucket it would have filled meanwhile (the budget may have dropped)', async () => {
    const reset: Record<string, string> = { 'RateLimit-Limit': '60', 'RateLimit-Remaining': '1', 'RateLimit-Reset': '30' };
    const sp = new FakeSharePoint((_url, n) => ({ headers: n === 2 ? reset : {} }));
    const scheduler = new SharePointScheduler(sp.fetch, { requestsPerMinute: 240, inFlight: 6, burst: 60, firstBurst: 1 });
    Array.from({ length: 40 }, (_, i) => scheduler.fetch(`/${i}`).catch(() => undefined));
    await elapse(2000);
    expect(sp.sent).toHaveLength(3); // the one that remained went at the new pace; then nothing until the reset
    await elapse(28500);
    expect(sp.sent).toHaveLength(4); // at the reset (30 s after the second answer): one, though 30 s at 54 a minute would have filled 13
    expect(sp.sent[3].at - sp.sent[1].at).toBeGreaterThanOrEqual(30000);
    await elapse(1200);
    expect(sp.sent).toHaveLength(5); // then one every 1.1 s
    expect(sp.sent[4].at - sp.sent[3].at).toBeGreaterThanOrEqual(1100);
  });

  test("after a pause, when requests are redirected (two each), the refused one waits one more step: Retry-After gives room for one, and its hop would be refused", async () => {
    const sp = new FakeSharePoint((_url, n) => (n === 10 ? { status: 429, redirected: true, headers: { 'Retry-After': '10' } } : { redirected: true }));
    const scheduler = new SharePointScheduler(sp.fetch, { requestsPerMinute: 60, inFlight: 1, burst: 4, firstBurst: 4 });
    Array.from({ length: 20 }, (_, i) => scheduler.fetch(`/p${i}`).catch(() => undefined));
    while (sp.sent.length < 10) {
      await elapse(100); // a picture and its hop take two of the pace's steps
    }
    expect(scheduler.status().throttled).toBe(1);
    const refusedAt = sp.sent[9].at;
    const pace = scheduler.status().requestsPerMinute;
    await elapse(refusedAt + 10000 - Date.now() + 200);
    expect(sp.sent).toHaveLength(10); // the pause is over, but the refused picture waits most of a step more
    await elapse(60000 / pace);
    expect(sp.sent).toHaveLength(11);
    expect(sp.sent[10].at - refusedAt).toBeGreaterThanOrEqual(10000 + (0.5 * 60000) / pace);
  });

  test('a 429 soon after SharePoint said its limit resumes at nine tenths of that limit, not half; a second 429 halves', async () => {
    const reading: Record<string, string> = { 'RateLimit-Limit': '20', 'RateLimit-Remaining': '3', 'RateLimit-Reset': '50' };
    const sp = new FakeSharePoint((_url, n) => (n === 2 ? { headers: reading } : n === 3 || n === 5 ? { status: 429, headers: { 'Retry-After': '5' } } : {}));
    const scheduler = new SharePointScheduler(sp.fetch, { requestsPerMinute: 240, inFlight: 1, burst: 10, firstBurst: 1 });
    Array.from({ length: 10 }, (_, i) => scheduler.fetch(`/${i}`).catch(() => undefined));
    await elapse(4000);
    expect(scheduler.status()).toMatchObject({ throttled: 1, requestsPerMinute: 18 }); // the limit was 20: the window was overspent, not the rate wrong
    await elapse(20000);
    expect(scheduler.status().throttled).toBe(2);
    expect(scheduler.status().requestsPerMinute).toBeLessThanOrEqual(9); // the limit was used once; now it halves
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

describe("SharePointScheduler: one budget across a person's tabs", () => {
  /** Two tabs of one browser: messages reach the other a moment later; one storage. */
  function twoTabs(): [IBudgetPeers, IBudgetPeers] {
    const listeners: Array<Array<(m: BudgetMessage) => void>> = [[], []];
    let stored: ISharedPaceState | undefined;
    const tab = (i: number): IBudgetPeers => ({
      post: (m) => listeners[1 - i].forEach((l) => setTimeout(() => l(m), 1)),
      listen: (l) => {
        listeners[i].push(l);
        return () => undefined;
      },
      load: () => stored,
      save: (s) => {
        stored = s;
      },
      close: () => undefined
    });
    return [tab(0), tab(1)];
  }

  test("each tab's sends use the other's allowance: two tabs together keep one pace", async () => {
    const sp = new FakeSharePoint();
    const [one, two] = twoTabs();
    const a = new SharePointScheduler(sp.fetch, { requestsPerMinute: 60, inFlight: 4, burst: 4 }, undefined, one);
    const b = new SharePointScheduler(sp.fetch, { requestsPerMinute: 60, inFlight: 4, burst: 4 }, undefined, two);
    Array.from({ length: 30 }, (_, i) => a.fetch(`/a${i}`).catch(() => undefined));
    await elapse(10);
    Array.from({ length: 30 }, (_, i) => b.fetch(`/b${i}`).catch(() => undefined));
    await elapse(20000);
    // 60 a minute between them: the first burst of 4, then about one a second, whichever tab sends it.
    expect(sp.sent.length).toBeGreaterThanOrEqual(22);
    expect(sp.sent.length).toBeLessThanOrEqual(26);
    expect(sp.urls().some((u) => u.startsWith('/b'))).toBe(true);
  });

  test("a 429 in one tab pauses the other, which takes the lowered pace; a tab opened later starts from it", async () => {
    const sp: FakeSharePoint = new FakeSharePoint((url) => (url === '/a5' && sp.sent.filter((s: { url: string }) => s.url === '/a5').length === 1 ? { status: 429, headers: { 'Retry-After': '20' } } : {}));
    const [one, two] = twoTabs();
    const a = new SharePointScheduler(sp.fetch, { requestsPerMinute: 240, inFlight: 1, burst: 10, firstBurst: 10 }, undefined, one);
    const b = new SharePointScheduler(sp.fetch, { requestsPerMinute: 240, inFlight: 1, burst: 10 }, undefined, two);
    Array.from({ length: 6 }, (_, i) => a.fetch(`/a${i}`).catch(() => undefined));
    await elapse(100);
    expect(a.status().pausedUntil).toBeGreaterThan(Date.now());
    expect(b.status()).toMatchObject({ pausedUntil: a.status().pausedUntil, requestsPerMinute: 3 });
    b.fetch('/b').catch(() => undefined);
    await elapse(19000);
    expect(sp.urls()).not.toContain('/b');
    const later = new SharePointScheduler(sp.fetch, { requestsPerMinute: 240, inFlight: 1, burst: 10 }, undefined, one);
    expect(later.status()).toMatchObject({ pausedUntil: a.status().pausedUntil, requestsPerMinute: 3 });
    await elapse(2000);
    expect(sp.urls()).toContain('/b');
  });
});

describe("SharePointScheduler: a tab that opens while another is at work", () => {
  test('joins at one request, counting what the other sent (the channel reaches only tabs already open; storage reaches it)', async () => {
    let stored: ISharedPaceState | undefined;
    const peers = (): IBudgetPeers => ({ post: () => undefined, listen: () => () => undefined, load: () => stored, save: (s) => (stored = s), close: () => undefined });
    const sp = new FakeSharePoint();
    const first = new SharePointScheduler(sp.fetch, DEFAULT_SHAREPOINT_PACE, undefined, peers());
    Array.from({ length: 6 }, (_, i) => first.fetch(`/a${i}`).catch(() => undefined));
    await elapse(0);
    expect(sp.sent).toHaveLength(6);
    expect(stored).toMatchObject({ sentInMinute: 6 });
    const second = new SharePointScheduler(sp.fetch, DEFAULT_SHAREPOINT_PACE, undefined, peers());
    Array.from({ length: 6 }, (_, i) => second.fetch(`/b${i}`).catch(() => undefined));
    await elapse(0);
    expect(sp.urls().filter((u) => u.startsWith('/b'))).toHaveLength(1); // not a burst of 6 on top of the other's 6
    const alone = new SharePointScheduler(sp.fetch, DEFAULT_SHAREPOINT_PACE);
    Array.from({ length: 6 }, (_, i) => alone.fetch(`/c${i}`).catch(() => undefined));
    await elapse(0);
    expect(sp.urls().filter((u) => u.startsWith('/c'))).toHaveLength(6); // the first tab of all: what may be in flight
  });
});

describe('browserBudgetPeers', () => {
  test('without BroadcastChannel or storage it shares nothing and never throws; a stranger on the channel is ignored', () => {
    const peers = browserBudgetPeers('https://contoso.sharepoint.com', {});
    expect(() => peers.post({ kind: 'sent', count: 1, at: 1 })).not.toThrow();
    expect(peers.load()).toBeUndefined();
    expect(parseMessage({ kind: 'sent', count: 1e9, at: 1 })).toBeUndefined();
    expect(parseMessage({ kind: 'state', state: { pace: -1, pausedUntil: 0, at: 0 } })).toBeUndefined();
    expect(parseMessage('hello')).toBeUndefined();
    expect(parseMessage({ kind: 'state', state: { pace: 18, pausedUntil: 0, at: 5 } })).toEqual({ kind: 'state', state: { pace: 18, pausedUntil: 0, at: 5 } });
  });

  test("Node's BroadcastChannel and a storage: what one saves the next loads", () => {
    const items = new Map<string, string>();
    const storage = { getItem: (k: string) => items.get(k) || null, setItem: (k: string, v: string) => void items.set(k, v) } as unknown as Storage;
    const one = browserBudgetPeers('site', { BroadcastChannel, localStorage: storage });
    one.save({ pace: 18, pausedUntil: 0, at: 42 });
    one.close();
    expect(browserBudgetPeers('site', { localStorage: storage }).load()).toEqual({ pace: 18, pausedUntil: 0, at: 42 });
    expect(browserBudgetPeers('another site', { localStorage: storage }).load()).toBeUndefined();
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
