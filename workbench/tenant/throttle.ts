/**
 * SharePoint Online's per-user throttling, as the simulated tenant applies it to one session: a budget of requests a
 * minute (a sliding window); `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` on answers once 80% of it
 * is used; 429 with `Retry-After` beyond it (until the window has room again); requests sent during a `Retry-After`
 * window count as violations, and past a few the user is blocked for longer. Throttled requests count against the
 * budget too, as Microsoft documents. The budget is the person's, whatever they use it from (every tab and browser
 * session of theirs counts against one), and it can change while they work (`changes`): what is left for one web
 * part depends on everything else the person does.
 */
export interface IThrottleStats {
  requests: number;
  /** Times the budget ran out (each starts a Retry-After). */
  throttled: number;
  /** Every answer that was a 429, those during a Retry-After included. */
  refused: number;
  /** Requests that arrived after the client had been told to wait (a 429 delivered) and before the wait was over. */
  sentWhileThrottled: number;
  blocked: boolean;
}

export type ThrottleAnswer =
  | { ok: true; headers: Record<string, string> }
  | { ok: false; retryAfterSeconds: number; headers: Record<string, string> };

/** Violations (requests sent while told to wait) before the user is blocked. */
export const VIOLATIONS_BEFORE_BLOCK = 3;
/** A request arriving this soon after a 429 was delivered was already on its way. */
export const IN_FLIGHT_GRACE_MS = 100;
/** How long a block lasts, in windows (SharePoint's is far longer than a Retry-After). */
const BLOCK_WINDOWS = 5;

export class SharePointThrottle {
  public readonly stats: IThrottleStats = { requests: 0, throttled: 0, refused: 0, sentWhileThrottled: 0, blocked: false };
  private _budget: number;
  private readonly _windowMs: number;
  /** The budget from given times on (ms since 1970), earliest first. */
  private readonly _changes: Array<{ at: number; budget: number }>;
  private _times: number[] = [];
  private _retryUntil = 0;
  /** When the client has the last 429 in hand: requests that arrive before then could not have known. */
  private _toldAt = 0;
  private _blockedUntil = 0;
  private _violations = 0;

  /** `budget` requests per `windowMs` (a minute; the e2e tenant runs a shorter one). */
  public constructor(budget: number, windowMs: number = 60000, changes: Array<{ at: number; budget: number }> = []) {
    this._budget = Math.max(1, budget);
    this._windowMs = windowMs;
    this._changes = changes.slice().sort((a, b) => a.at - b.at);
  }

  /** The budget now (requests a window). */
  public budget(now: number = Date.now()): number {
    while (this._changes.length > 0 && this._changes[0].at <= now) {
      this._budget = Math.max(1, this._changes.shift()!.budget);
    }
    return this._budget;
  }

  public get windowMs(): number {
    return this._windowMs;
  }

  /**
   * The 429 has been delivered (its answer finished sending): requests that arrive later than a moment after this
   * were sent by a client that had been told to wait. The moment covers a request already on its way.
   */
  public delivered(now: number = Date.now()): void {
    this._toldAt = Math.min(this._toldAt, now + IN_FLIGHT_GRACE_MS);
  }

  public admit(now: number = Date.now()): ThrottleAnswer {
    const budget = this.budget(now);
    this.stats.requests++;
    this._times = this._times.filter((t) => t > now - this._windowMs);
    this._times.push(now);
    if (now < this._blockedUntil) {
      return this._refuse(now, this._blockedUntil);
    }
    if (now < this._retryUntil) {
      if (now >= this._toldAt) {
        this.stats.sentWhileThrottled++;
        this._violations++;
        if (this._violations >= VIOLATIONS_BEFORE_BLOCK) {
          this.stats.blocked = true;
          this._blockedUntil = now + BLOCK_WINDOWS * this._windowMs;
          return this._refuse(now, this._blockedUntil);
        }
      }
      return this._refuse(now, this._retryUntil);
    }
    if (this._times.length > budget) {
      this.stats.throttled++;
      // Until the window has room again: the oldest request in it leaves.
      this._retryUntil = this._times[this._times.length - 1 - budget] + this._windowMs;
      this._toldAt = Infinity; // until the answer is delivered (see delivered())
      return this._refuse(now, this._retryUntil);
    }
    const used = this._times.length;
    if (used < 0.8 * budget) {
      return { ok: true, headers: {} };
    }
    return {
      ok: true,
      headers: {
        'RateLimit-Limit': String(budget),
        'RateLimit-Remaining': String(Math.max(0, budget - used)),
        'RateLimit-Reset': String(Math.max(1, Math.ceil((this._times[0] + this._windowMs - now) / 1000)))
      }
    };
  }

  private _refuse(now: number, until: number): ThrottleAnswer {
    this.stats.refused++;
    const retryAfterSeconds = Math.max(1, Math.ceil((until - now) / 1000));
    return { ok: false, retryAfterSeconds, headers: { 'Retry-After': String(retryAfterSeconds) } };
  }
}
