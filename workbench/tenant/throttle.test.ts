/**
 * @jest-environment node
 */
import { SharePointThrottle, VIOLATIONS_BEFORE_BLOCK } from './throttle';

describe("the simulated tenant's SharePoint throttling", () => {
  test('RateLimit headers from 80% of the budget, 429 with Retry-After beyond it; throttled requests count', () => {
    const t = new SharePointThrottle(10, 60000);
    const at = (s: number): number => 1000000 + s * 1000;
    const answers = Array.from({ length: 11 }, (_, i) => t.admit(at(i)));
    expect(answers.slice(0, 7).every((a) => a.ok && Object.keys(a.headers).length === 0)).toBe(true);
    expect(answers[7]).toEqual({ ok: true, headers: { 'RateLimit-Limit': '10', 'RateLimit-Remaining': '2', 'RateLimit-Reset': '53' } });
    expect(answers[9]).toMatchObject({ ok: true, headers: { 'RateLimit-Remaining': '0' } });
    // The 11th: the window has no room until its oldest request (at 0 s) is a minute old.
    expect(answers[10]).toEqual({ ok: false, retryAfterSeconds: 50, headers: { 'Retry-After': '50' } });
    expect(t.stats).toEqual({ requests: 11, throttled: 1, refused: 1, sentWhileThrottled: 0, blocked: false });
  });

  test('requests sent after the 429 reached the client, inside its Retry-After, are violations; a few block the user', () => {
    const t = new SharePointThrottle(2, 60000);
    t.admit(0);
    t.admit(10);
    expect(t.admit(20).ok).toBe(false); // throttled; its answer is delivered at 170 ms
    expect(t.admit(100).ok).toBe(false); // already in flight: refused, but not the client's fault
    t.delivered(170);
    expect(t.admit(250).ok).toBe(false); // sent just before the client had the answer: still not its fault
    expect(t.stats.sentWhileThrottled).toBe(0);
    for (let i = 0; i < VIOLATIONS_BEFORE_BLOCK; i++) {
      expect(t.admit(1000 + i).ok).toBe(false);
    }
    expect(t.stats).toMatchObject({ sentWhileThrottled: VIOLATIONS_BEFORE_BLOCK, blocked: true });
    // Blocked for far longer than the Retry-After was.
    const blocked = t.admit(70000);
    expect(blocked.ok).toBe(false);
    expect(!blocked.ok && blocked.retryAfterSeconds).toBeGreaterThan(200);
  });

  test('a client that waits as told is never refused again', () => {
    const t = new SharePointThrottle(2, 60000);
    t.admit(0);
    t.admit(10);
    const refused = t.admit(20);
    t.delivered(170);
    expect(refused.ok).toBe(false);
    const wait = !refused.ok ? refused.retryAfterSeconds * 1000 : 0;
    expect(t.admit(20 + wait).ok).toBe(true);
    expect(t.stats).toMatchObject({ throttled: 1, sentWhileThrottled: 0, blocked: false });
  });
});
