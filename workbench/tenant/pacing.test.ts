/**
 * @jest-environment node
 */
/**
 * The product's SharePoint scheduler against the simulated tenant's throttling model, in simulated time: the team
 * overview's requests for a site of 60 people (a batch of profiles, then each person's picture, which
 * `userphoto.aspx` redirects, so two requests each) under budgets far below the old floor of 30 a minute, with
 * SharePoint's real one-minute window, from one tab and from two tabs sharing the person's budget.
 */
import { BudgetMessage, IBudgetPeers, ISharedPaceState } from '../../src/services/budgetPeers';
import { SharePointScheduler } from '../../src/services/sharePointScheduler';
import { SharePointThrottle } from './throttle';

const LATENCY_MS = 150;
const MINUTE = 60000;

/** SharePoint behind the throttle: each request (and each redirect's hop) admitted or refused as the tenant does. */
function tenantFetch(throttle: SharePointThrottle): (url: string) => Promise<Response> {
  const answer = (status: number, headers: Record<string, string>, redirected: boolean): Response =>
    ({ status, ok: status < 400, redirected, headers: new Headers(headers) }) as Response;
  return (url) =>
    new Promise<Response>((resolve) => {
      const first = throttle.admit(Date.now());
      const deliver = (status: number, headers: Record<string, string>, redirected: boolean): void => {
        setTimeout(() => {
          if (status === 429) {
            throttle.delivered(Date.now());
          }
          resolve(answer(status, headers, redirected));
        }, LATENCY_MS / 2);
      };
      setTimeout(() => {
        if (!first.ok) {
          return deliver(429, first.headers, false);
        }
        if (!/userphoto/.test(url)) {
          return deliver(200, first.headers, false);
        }
        // The 302 to the cached picture, and the browser's second request for it.
        const hop = throttle.admit(Date.now());
        deliver(hop.ok ? 200 : 429, hop.headers, true);
      }, LATENCY_MS / 2);
    });
}

/** Tabs of one browser: messages reach the others a moment later (BroadcastChannel is asynchronous); one storage. */
function tabs(n: number): IBudgetPeers[] {
  const listeners: Array<Array<(m: BudgetMessage) => void>> = Array.from({ length: n }, () => []);
  let stored: ISharedPaceState | undefined;
  return listeners.map((mine, i) => ({
    post: (m) => listeners.forEach((theirs, j) => j !== i && theirs.forEach((l) => setTimeout(() => l(m), 1))),
    listen: (l) => {
      mine.push(l);
      return () => mine.splice(mine.indexOf(l), 1);
    },
    load: () => stored,
    save: (s) => {
      stored = s;
    },
    close: () => undefined
  }));
}

interface IRun {
  seconds: number;
  requests: number;
  throttled: number;
  sentWhileThrottled: number;
  blocked: boolean;
  statuses: number[];
}

/** Each tab asks for a site's profiles and then every picture at once (the worst case), as the overview queues them. */
async function run(people: number, tabCount: number, throttle: SharePointThrottle): Promise<IRun> {
  const fetch = tenantFetch(throttle);
  const started = Date.now();
  const all: Array<Promise<Response>> = [];
  tabs(tabCount).forEach((peers, t) => {
    const scheduler = new SharePointScheduler(fetch, undefined, undefined, peers);
    all.push(scheduler.fetch(`/_api/$batch?tab=${t}`));
    for (let p = 0; p < people; p++) {
      all.push(scheduler.fetch(`/_layouts/15/userphoto.aspx?size=M&accountname=person${p}&tab=${t}`));
    }
  });
  let done = false;
  const finished = Promise.all(all).then((r) => {
    done = true;
    return r;
  });
  while (!done && Date.now() - started < 60 * MINUTE) {
    jest.advanceTimersToNextTimer();
    for (let i = 0; i < 5; i++) {
      await Promise.resolve();
    }
  }
  const responses = await finished;
  if (process.env.PPS_PACING_LOG) {
    console.log(`${people} x ${tabCount}: ${JSON.stringify(throttle.stats)} in ${(Date.now() - started) / 1000} s`);
  }
  // Every 429 the client received counts, not only the times the budget ran out.
  return { seconds: (Date.now() - started) / 1000, ...throttle.stats, throttled: throttle.stats.refused, statuses: responses.map((r) => r.status) };
}

beforeEach(() => {
  jest.useFakeTimers();
  jest.setSystemTime(new Date('2026-12-06T09:00:00Z'));
});
afterEach(() => jest.useRealTimers());

/** The bar: done within 1.3 x (SharePoint requests / budget) minutes, nothing sent while throttled, ≤ 5% throttled. */
function expectWithinBudget(r: IRun, budgetPerMinute: number): void {
  expect(r.statuses.every((s) => s === 200)).toBe(true);
  expect(r.sentWhileThrottled).toBe(0);
  expect(r.blocked).toBe(false);
  expect(r.throttled).toBeLessThanOrEqual(0.05 * r.requests);
  expect(r.seconds).toBeLessThanOrEqual((1.3 * r.requests * 60) / budgetPerMinute);
}

describe('the pace finds any budget (simulated time, the tenant\'s throttling model, a one-minute window)', () => {
  test.each([20, 12])('60 people from one tab at a budget of %i a minute', async (budget) => {
    const r = await run(60, 1, new SharePointThrottle(budget, MINUTE));
    expect(r.requests).toBeGreaterThanOrEqual(121); // the batch and 60 pictures with their hops
    expectWithinBudget(r, budget);
  }, 120000);

  test('a budget of 5 a minute (a picture and its hop are two fifths of it): all done, nothing sent while throttled, within 2 x the floor', async () => {
    const r = await run(60, 1, new SharePointThrottle(5, MINUTE));
    expect(r.statuses.every((s) => s === 200)).toBe(true);
    expect(r.sentWhileThrottled).toBe(0);
    expect(r.throttled).toBeLessThanOrEqual(0.05 * r.requests);
    expect(r.seconds).toBeLessThanOrEqual((2 * r.requests * 60) / 5);
  }, 120000);

  test('60 people in each of two tabs at 20 a minute: one budget between them, not twice the pace', async () => {
    const r = await run(60, 2, new SharePointThrottle(20, MINUTE));
    expect(r.requests).toBeGreaterThanOrEqual(242);
    expectWithinBudget(r, 20);
  }, 120000);

  test('16 people in each of two tabs at 20 a minute (the e2e test\'s case): the first answers arrive before a burst could overrun the budget', async () => {
    const r = await run(16, 2, new SharePointThrottle(20, MINUTE));
    expectWithinBudget(r, 20);
  }, 120000);

  test('the budget drops from 60 to 15 a minute while the check runs: the pace follows it down', async () => {
    const r = await run(60, 1, new SharePointThrottle(60, MINUTE, [{ at: Date.now() + 45000, budget: 15 }]));
    expect(r.statuses.every((s) => s === 200)).toBe(true);
    expect(r.sentWhileThrottled).toBe(0);
    expect(r.blocked).toBe(false);
    expect(r.throttled).toBeLessThanOrEqual(0.05 * r.requests);
  });
});
