import { FetchLike } from './retryingFetch';
import { parseRetryAfter } from './ServiceError';
import { BudgetMessage, browserBudgetPeers, IBudgetPeers, ISharedPaceState, NO_PEERS, SHARED_STATE_MAX_AGE_MS } from './budgetPeers';

/**
 * One budget for everything this person sends to SharePoint from this site, in every tab. SharePoint Online
 * throttles per user: when a user is throttled it is almost always custom code such as a web part, throttled
 * requests still count, and a caller that keeps going after 429/503 can be blocked, for every page and not only
 * this one (Microsoft Learn, "Avoid getting throttled or blocked in SharePoint Online"). A person's budget is shared
 * by all they do in SharePoint, so what is left for these parts can be any number: the pace finds it.
 *  - Requests go out at a pace (requests a minute, and a few at once), most urgent first.
 *  - **Multiplicative decrease.** A 429 or 503 pauses the whole queue for its `Retry-After` (seconds or a date); that
 *    request goes again after the wait, and the pace becomes half of what was actually sent in the last minute (or
 *    of the pace, if lower): below the rate SharePoint refused, whatever it was. There is no floor but one request a
 *    minute. Only a request sent after the last decrease can cause another (one decrease per round, as TCP does), so
 *    the few already in flight when the first 429 came do not halve it again and again.
 *  - **Additive increase.** Once a minute (SharePoint's window) has passed since the pace was last lowered or set,
 *    every 10 s of sending with nothing throttled raises it by 2 a minute, up to the configured pace: it probes
 *    upward slowly, so a budget that grows is found again without a burst that would be refused.
 *  - **`RateLimit-Limit` / `-Remaining` / `-Reset`**, which SharePoint sends once a caller has used 80% of its
 *    budget, set the pace outright: nine tenths of the limit a minute (a tenth left for all else the person does),
 *    never more than what remains sent before the reset, and none remaining pauses until the reset. They are exact
 *    where AIMD only probes, so they win whenever they are present.
 *  - A request that was redirected (`userphoto.aspx` to its cached copy) cost SharePoint two, and counts as two.
 *  - Every tab of the person on the site shares the budget through {@link IBudgetPeers}: each send debits every
 *    tab's allowance, and a pause or a new pace in one is the pause and the pace in all.
 */
export interface ISharePointScheduler {
  /** Sends one request when the budget allows; resolves with SharePoint's answer (after any throttling waits). */
  fetch(url: string, init?: RequestInit, priority?: number): Promise<Response>;
  status(): ISchedulerStatus;
  /** Called whenever a pause starts or ends or the pace changes; returns the unsubscribe. */
  subscribe(listener: (status: ISchedulerStatus) => void): () => void;
}

export interface ISchedulerStatus {
  /** SharePoint asked to wait: nothing is sent before this time (ms since 1970), when set and in the future. */
  pausedUntil?: number;
  /** The pace now, requests a minute. */
  requestsPerMinute: number;
  /** Requests sent so far (a redirect's hop counted), and how many of them SharePoint answered 429 or 503. */
  sent: number;
  throttled: number;
}

export interface ISharePointPace {
  /** The pace to start at, and the most it ever goes up to. */
  requestsPerMinute: number;
  /** Requests in flight at once. */
  inFlight: number;
  /** At most this many requests go out back to back after a quiet spell (a token bucket's size). */
  burst: number;
  /**
   * What may go out back to back before SharePoint's first answers (default: `inFlight`). Until those answers say how
   * much of the budget is used, a larger first burst could overrun a small budget before any answer arrives.
   */
  firstBurst?: number;
}

/**
 * 240 requests a minute after a first burst of 60, 6 at once. Opening one modern SharePoint page costs a browser some
 * 50 to 100 requests in a couple of seconds (the page, its scripts, images, web parts' REST calls), and a person
 * reading a few pages a minute sends about as many as this pace. So the overview asks for no more than an ordinary
 * reader does, whatever the size of the site: its first screen of people comes as fast as a page loads, and the rest
 * at a reader's pace (500 people, about 600 SharePoint requests, in some two and a half minutes). When the person's
 * budget is smaller, the pace comes down to it (see above).
 */
export const DEFAULT_SHAREPOINT_PACE: ISharePointPace = { requestsPerMinute: 240, inFlight: 6, burst: 60 };

/** The pace never goes below one request a minute: any budget SharePoint gives a person is found. */
export const MIN_REQUESTS_PER_MINUTE = 1;
/** Additive increase: this much more a minute ... */
export const PACE_STEP = 2;
/** ... every this long with nothing throttled, ... */
export const PACE_STEP_INTERVAL_MS = 10000;
/** ... once a whole minute (SharePoint's window) has passed since the pace was last lowered or set. */
export const PROBE_AFTER_MS = 60000;
/** The share of SharePoint's stated limit the pace uses: the rest is left for everything else the person does. */
export const HEADROOM = 0.9;
/** The bucket never holds more than this long at the pace now (a burst is a share of the budget, not a fixed size). */
const BURST_SECONDS = 15;

/** A throttled answer without `Retry-After` waits this long, doubling while they keep coming (at most 2 minutes). */
export const DEFAULT_THROTTLE_WAIT_SECONDS = 10;
const MAX_THROTTLE_WAIT_SECONDS = 120;

/** After this many throttled answers to one request, its last answer is returned (the caller reports it). */
export const MAX_THROTTLED_TRIES = 5;

/**
 * A request not answered this long after it was sent is given up (its fetch aborted): the time it waited in the
 * queue does not count against it. Long enough for a picture upload.
 */
export const SEND_TIMEOUT_MS = 30000;

const MINUTE_MS = 60000;

interface IQueued {
  url: string;
  init: RequestInit;
  priority: number;
  order: number;
  throttledTries: number;
  resolve: (response: Response) => void;
  reject: (error: unknown) => void;
  /** Stops listening for the caller's abort while queued (set when it has a signal). */
  leftQueue?: () => void;
}

export class SharePointScheduler implements ISharePointScheduler {
  private readonly _fetch: FetchLike;
  private readonly _now: () => number;
  private readonly _peers: IBudgetPeers;
  private readonly _inFlightLimit: number;
  private readonly _burst: number;
  private readonly _ceiling: number;
  private _pace: number;
  private _tokens: number;
  private _refilledAt: number;
  private _pausedUntil: number = 0;
  /** When the pace was last lowered or set: only a request sent after it can lower it again. */
  private _changedAt: number = 0;
  /** Since when nothing has been throttled, lowered or paused: probing upward starts a minute after it. */
  private _quietSince: number;
  /** When the pace last went up by a step (or anything else happened that restarts the probing clock). */
  private _steppedAt: number;
  /** When each request of the last minute went out, this tab's and the other tabs'. */
  private _sendTimes: number[] = [];
  private _consecutiveThrottles: number = 0;
  /** What one request has cost SharePoint lately: 1, or 2 when they are redirected (a running average). */
  private _cost: number = 1;
  /** From the last `RateLimit-*` reading: what may still be sent before its reset (at `_resetAt`). */
  private _left: number | undefined;
  private _resetAt: number = 0;
  /** The last `RateLimit-Limit` SharePoint gave, and when; until a 429 has used it. */
  private _limit: number | undefined;
  private _limitAt: number = 0;
  /** Set while waiting for that reset: when it comes, the pace resumes from one request. */
  private _resumeAt: number = 0;
  private _inFlight: number = 0;
  private _order: number = 0;
  private _sent: number = 0;
  private _throttled: number = 0;
  private _queue: IQueued[] = [];
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private readonly _listeners = new Set<(status: ISchedulerStatus) => void>();

  public constructor(
    fetchImpl: FetchLike,
    pace: ISharePointPace = DEFAULT_SHAREPOINT_PACE,
    now: () => number = () => Date.now(),
    peers: IBudgetPeers = NO_PEERS
  ) {
    this._fetch = fetchImpl;
    this._now = now;
    this._peers = peers;
    this._ceiling = Math.max(MIN_REQUESTS_PER_MINUTE, pace.requestsPerMinute);
    this._pace = this._ceiling;
    this._inFlightLimit = Math.max(1, pace.inFlight);
    this._burst = Math.max(1, pace.burst);
    const at = now();
    this._refilledAt = at;
    this._steppedAt = at;
    this._quietSince = at;
    // Another tab may already have found this person's budget: start where it is, not with a burst.
    const known = peers.load();
    let firstBurst = pace.firstBurst !== undefined ? pace.firstBurst : this._inFlightLimit;
    if (known && at - known.at < SHARED_STATE_MAX_AGE_MS) {
      this._pace = Math.min(this._ceiling, Math.max(MIN_REQUESTS_PER_MINUTE, known.pace));
      this._pausedUntil = known.pausedUntil > at ? known.pausedUntil : 0;
      this._changedAt = at;
      if (known.sentInMinute && at - known.at < MINUTE_MS) {
        // Another tab is at work on this budget: what it sent counts here too, and this tab joins at its pace,
        // one request at a time, not with a first burst of its own on top of the other's.
        this._logSends(known.sentInMinute, known.at);
        firstBurst = 1;
      }
      if (known.left !== undefined && known.resetAt !== undefined && known.resetAt > at) {
        this._left = known.left; // already less what was sent
        this._resetAt = known.resetAt;
      }
    }
    // A first visit starts with what may be in flight at once, not a full burst: until SharePoint's first answers
    // say how much of the budget is used (RateLimit-* from 80% on), a burst could overrun a small budget before any
    // answer arrives, and every request then in flight would be refused. Later bursts come from an earned bucket.
    this._tokens = Math.min(this._bucketSize(), Math.max(1, firstBurst));
    peers.listen((message) => this._onPeer(message));
  }

  public fetch(url: string, init: RequestInit = {}, priority: number = 0): Promise<Response> {
    return new Promise<Response>((resolve, reject) => {
      const signal = init.signal;
      if (signal && signal.aborted) {
        reject(abortError());
        return;
      }
      const item: IQueued = { url, init, priority, order: this._order++, throttledTries: 0, resolve, reject };
      this._enqueue(item);
      this._pump();
    });
  }

  public status(): ISchedulerStatus {
    const now = this._now();
    return {
      pausedUntil: this._pausedUntil > now ? this._pausedUntil : undefined,
      requestsPerMinute: Math.round(this._currentPace(now) * 10) / 10,
      sent: this._sent,
      throttled: this._throttled
    };
  }

  public subscribe(listener: (status: ISchedulerStatus) => void): () => void {
    this._listeners.add(listener);
    return () => {
      this._listeners.delete(listener);
    };
  }

  /**
   * Queues a request (again, after a 429): the caller's abort takes it out of the queue unsent. Once it goes out the
   * send forwards the signal itself, so a queue of thousands keeps no listener per request it has sent.
   */
  private _enqueue(item: IQueued): void {
    const signal = item.init.signal;
    if (signal) {
      const onAbort = (): void => {
        const at = this._queue.indexOf(item);
        if (at >= 0) {
          this._queue.splice(at, 1); // still waiting: it never goes out
          item.reject(abortError());
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      item.leftQueue = () => signal.removeEventListener('abort', onAbort);
    }
    this._queue.push(item);
  }

  /** Starts whatever the pause, the pace and the in-flight limit allow now, and sets a timer for the rest. */
  private _pump(): void {
    if (this._timer !== undefined) {
      clearTimeout(this._timer);
      this._timer = undefined;
    }
    while (this._queue.length > 0 && this._inFlight < this._inFlightLimit) {
      const now = this._now();
      if (now < this._pausedUntil) {
        this._wake(this._pausedUntil - now);
        return;
      }
      if (this._pausedUntil !== 0) {
        // The pause is over: the request that was refused goes now, the rest at the pace, not in a burst. SharePoint's
        // Retry-After is when the window has room for one more request; a picture that is redirected needs two, so
        // when requests have lately cost two it waits one more step of the pace (else its hop is refused every time).
        this._pausedUntil = 0;
        this._tokens = Math.min(1, 2 - this._cost);
        this._refilledAt = now;
        this._quietSince = now;
        this._notify();
      }
      if (this._left !== undefined && now < this._resetAt && this._left < this._cost) {
        // What remains before the reset would not cover one more request. After it, the pace resumes from one
        // request, as after a pause: the budget may have changed meanwhile, and a burst would find out too late.
        this._resumeAt = this._resetAt;
        this._wake(this._resetAt - now);
        return;
      }
      this._refill(now);
      if (this._resumeAt !== 0 && now >= this._resumeAt) {
        this._resumeAt = 0;
        this._tokens = Math.min(this._tokens, 1);
      }
      if (this._tokens < 1) {
        this._wake(Math.ceil(((1 - this._tokens) * MINUTE_MS) / this._currentPace(now)));
        return;
      }
      this._tokens -= 1;
      this._start(this._takeNext(), now);
    }
  }

  private _wake(ms: number): void {
    this._timer = setTimeout(() => {
      this._timer = undefined;
      this._pump();
    }, Math.max(1, ms));
  }

  /** The pace in force at `now`: one step up for every quiet PACE_STEP_INTERVAL_MS since the last change. */
  private _currentPace(now: number): number {
    if (this._queue.length === 0 && this._inFlight === 0) {
      this._steppedAt = Math.max(this._steppedAt, now); // idle time is no evidence that a faster pace would be allowed
      return this._pace;
    }
    const since = Math.max(this._steppedAt, this._quietSince + PROBE_AFTER_MS - PACE_STEP_INTERVAL_MS);
    if (this._consecutiveThrottles === 0 && now >= this._pausedUntil && now - since >= PACE_STEP_INTERVAL_MS && this._pace < this._ceiling) {
      const steps = Math.floor((now - since) / PACE_STEP_INTERVAL_MS);
      this._pace = Math.min(this._ceiling, this._pace + steps * PACE_STEP);
      this._steppedAt = since + steps * PACE_STEP_INTERVAL_MS;
    }
    return this._pace;
  }

  /** At most BURST_SECONDS at the pace now, and never more than the configured burst. */
  private _bucketSize(): number {
    return Math.max(1, Math.min(this._burst, (this._pace * BURST_SECONDS) / 60));
  }

  private _refill(now: number): void {
    const pace = this._currentPace(now);
    this._tokens = Math.min(this._bucketSize(), this._tokens + ((now - this._refilledAt) * pace) / MINUTE_MS);
    this._refilledAt = now;
  }

  /** The most urgent request: lowest priority number, then the order asked in. */
  private _takeNext(): IQueued {
    let best = 0;
    for (let i = 1; i < this._queue.length; i++) {
      const q = this._queue[i];
      const b = this._queue[best];
      if (q.priority < b.priority || (q.priority === b.priority && q.order < b.order)) {
        best = i;
      }
    }
    return this._queue.splice(best, 1)[0];
  }

  /** One more request (or a redirect's hop) went out from this tab: counted here and told to the others. */
  private _counted(count: number, at: number): void {
    this._sent += count;
    this._logSends(count, at);
    this._peers.post({ kind: 'sent', count, at });
    this._peers.save(this._state(at)); // for a tab that opens now: the channel only reaches those already open
  }

  private _logSends(count: number, at: number): void {
    if (this._left !== undefined) {
      this._left = at < this._resetAt ? this._left - count : undefined;
    }
    for (let i = 0; i < count; i++) {
      this._sendTimes.push(at);
    }
    const since = at - MINUTE_MS;
    let drop = 0;
    while (drop < this._sendTimes.length && this._sendTimes[drop] <= since) {
      drop++;
    }
    if (drop > 0) {
      this._sendTimes.splice(0, drop);
    }
  }

  private _start(item: IQueued, sentAt: number): void {
    if (item.leftQueue) {
      item.leftQueue();
    }
    this._inFlight++;
    this._counted(1, sentAt);
    // The caller's signal still stops it; so does the send time limit, counted from now.
    const sending = new AbortController();
    const outer = item.init.signal;
    const onAbort = (): void => sending.abort();
    if (outer) {
      outer.addEventListener('abort', onAbort, { once: true });
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      sending.abort();
    }, SEND_TIMEOUT_MS);
    const done = (): void => {
      clearTimeout(timer);
      if (outer) {
        outer.removeEventListener('abort', onAbort);
      }
    };
    this._fetch(item.url, { ...item.init, signal: sending.signal }).then(
      (response) => {
        done();
        this._inFlight--;
        if (response.redirected) {
          this._counted(1, this._now());
          this._tokens -= 1; // the hop was a request of its own
        }
        this._cost = 0.8 * this._cost + 0.2 * (response.redirected ? 2 : 1);
        if ((response.status === 429 || response.status === 503) && !(item.init.signal && item.init.signal.aborted)) {
          this._onThrottled(item, response, sentAt);
        } else {
          this._consecutiveThrottles = 0;
          this._readRateLimit(response.headers);
          item.resolve(response);
        }
        this._pump();
      },
      (error: unknown) => {
        done();
        this._inFlight--;
        item.reject(timedOut ? timeoutError() : error);
        this._pump();
      }
    );
  }

  /**
   * The whole queue waits; this request goes again after the wait (first among its equals). The pace halves from
   * what was really sent, unless this request left before the last change (it could not have known).
   */
  private _onThrottled(item: IQueued, response: Response, sentAt: number): void {
    const now = this._now();
    this._throttled++;
    this._consecutiveThrottles++;
    const said = parseRetryAfter(response.headers.get('Retry-After'), now);
    const wait = said !== undefined ? said : Math.min(MAX_THROTTLE_WAIT_SECONDS, DEFAULT_THROTTLE_WAIT_SECONDS * Math.pow(2, this._consecutiveThrottles - 1));
    this._pausedUntil = Math.max(this._pausedUntil, now + wait * 1000);
    if (sentAt > this._changedAt) {
      this._logSends(0, now);
      if (this._limit !== undefined && now - this._limitAt < MINUTE_MS) {
        // SharePoint said its limit within the last window: the window was overspent (a burst, or a hop the
        // reading did not foresee), not the rate wrong. After the wait, nine tenths of that limit; only once,
        // so that a second 429 (the budget dropped, or something else of the person's shares it) halves.
        this._pace = Math.min(this._pace, Math.max(MIN_REQUESTS_PER_MINUTE, HEADROOM * this._limit));
        this._limit = undefined;
      } else {
        const refused = Math.min(this._currentPace(now), this._sendTimes.length);
        this._pace = Math.max(MIN_REQUESTS_PER_MINUTE, refused / 2);
      }
      this._changedAt = now;
    }
    this._quietSince = this._pausedUntil;
    this._tokens = Math.min(this._tokens, 0);
    item.throttledTries++;
    if (item.throttledTries >= MAX_THROTTLED_TRIES) {
      item.resolve(response);
    } else {
      this._enqueue(item);
    }
    this._share();
  }

  /**
   * SharePoint says what the budget is: go at nine tenths of its limit a minute, send no more than what remains
   * before the reset, and when not enough remains for one more request (two, for one that is redirected), wait for
   * the reset. Without a limit, spread what remains over the
   * time left.
   */
  private _readRateLimit(headers: Headers): void {
    const limit = parseInt(headers.get('RateLimit-Limit') || '', 10);
    const remaining = parseInt(headers.get('RateLimit-Remaining') || '', 10);
    const reset = parseInt(headers.get('RateLimit-Reset') || '', 10);
    if (isNaN(remaining) || isNaN(reset)) {
      return;
    }
    const now = this._now();
    const seconds = Math.max(1, reset);
    if (remaining <= 0) {
      this._pausedUntil = Math.max(this._pausedUntil, now + seconds * 1000);
    }
    // What is in flight will use some of what remains, and a redirected request takes two.
    const left = remaining - this._inFlight * this._cost;
    this._left = left;
    this._resetAt = now + seconds * 1000;
    this._quietSince = now;
    if (limit > 0) {
      this._limit = limit;
      this._limitAt = now;
    }
    const pace = limit > 0 ? HEADROOM * limit : (HEADROOM * Math.max(0, remaining) * 60) / seconds;
    this._pace = Math.min(this._ceiling, Math.max(MIN_REQUESTS_PER_MINUTE, pace));
    this._changedAt = now;
    // No more than what remains may go out before the reset, whatever the bucket held.
    this._tokens = Math.min(this._tokens, Math.max(0, left / this._cost));
    this._share();
  }

  /** Another tab of this person on this site: its sends use this budget too; its pause and pace are ours. */
  private _onPeer(message: BudgetMessage): void {
    const now = this._now();
    if (message.kind === 'sent') {
      this._refill(now);
      this._tokens -= message.count;
      this._logSends(message.count, Math.min(now, message.at));
    } else {
      const { pace, pausedUntil, left, resetAt } = message.state;
      this._pace = Math.min(this._ceiling, Math.max(MIN_REQUESTS_PER_MINUTE, pace));
      this._changedAt = now;
      this._quietSince = Math.max(now, pausedUntil);
      if (left !== undefined && resetAt !== undefined && resetAt > now) {
        // What SharePoint told the other tab, less what it has sent since (its sends reach us as messages).
        this._left = left;
        this._resetAt = resetAt;
      }
      if (pausedUntil > this._pausedUntil) {
        this._pausedUntil = pausedUntil;
        this._tokens = Math.min(this._tokens, 0);
      }
      this._tokens = Math.min(this._tokens, this._bucketSize());
      this._notify();
    }
    this._pump();
  }

  /** Tells the listeners here and the other tabs. */
  private _share(): void {
    const state = this._state(this._now());
    this._peers.post({ kind: 'state', state });
    this._peers.save(state);
    this._notify();
  }

  private _state(now: number): ISharedPaceState {
    const state: ISharedPaceState = { pace: this._pace, pausedUntil: this._pausedUntil, at: now };
    if (this._left !== undefined && this._resetAt > now) {
      state.left = this._left;
      state.resetAt = this._resetAt;
    }
    if (this._sendTimes.length > 0) {
      state.sentInMinute = Math.min(1000, this._sendTimes.length);
    }
    return state;
  }

  private _notify(): void {
    const status = this.status();
    this._listeners.forEach((listener) => listener(status));
  }
}

function timeoutError(): Error {
  const e = new Error(`SharePoint did not answer within ${SEND_TIMEOUT_MS / 1000} s of the request being sent.`);
  e.name = 'TimeoutError';
  return e;
}

function abortError(): Error {
  const e = new Error('The request was cancelled before it was sent.');
  e.name = 'AbortError';
  return e;
}

/** Where the page's one scheduler is kept: both web parts' bundles on a page find the same one. */
const SHARED_KEY = '__profilePhotoSyncSharePointScheduler_1';

/**
 * The page's one SharePoint scheduler, created on first use: the personal part and the team overview are separate
 * bundles, so it is kept on `window`, and a 429 that one of them gets pauses the other too. In a browser it also
 * shares the person's budget with every other tab of the same origin (SharePoint counts per person, not per tab).
 */
export function sharedSharePointScheduler(
  fetchImpl: FetchLike,
  holder: object = typeof window !== 'undefined' ? window : {},
  peers: IBudgetPeers = typeof window !== 'undefined' && holder === window ? browserBudgetPeers(window.location.origin) : NO_PEERS
): ISharePointScheduler {
  const slot = holder as { [SHARED_KEY]?: ISharePointScheduler };
  if (!slot[SHARED_KEY]) {
    slot[SHARED_KEY] = new SharePointScheduler(fetchImpl, DEFAULT_SHAREPOINT_PACE, () => Date.now(), peers);
  }
  return slot[SHARED_KEY]!;
}
