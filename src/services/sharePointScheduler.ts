import { FetchLike } from './retryingFetch';
import { parseRetryAfter } from './ServiceError';

/**
 * One budget for everything this page sends to SharePoint. SharePoint Online throttles per user: when a user is
 * throttled it is almost always custom code such as a web part, throttled requests still count, and a caller that
 * keeps going after 429/503 can be blocked, for every page and not only this one (Microsoft Learn, "Avoid getting
 * throttled or blocked in SharePoint Online"). So:
 *  - requests go out at a pace (requests a minute, and a few at once), most urgent first;
 *  - a 429 or 503 pauses the whole queue for its `Retry-After` (seconds or a date), not only the request that got
 *    it; that request goes again after the wait, and the pace is halved for the rest of the visit;
 *  - `RateLimit-Limit` / `RateLimit-Remaining` / `RateLimit-Reset`, which SharePoint sends as a caller nears its
 *    budget, slow the pace before any 429;
 *  - a request that was redirected (`userphoto.aspx` to its cached copy) cost SharePoint two, and counts as two.
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
  /** The sustained pace. */
  requestsPerMinute: number;
  /** Requests in flight at once. */
  inFlight: number;
  /** At most this many requests go out back to back after a quiet spell (a token bucket's size). */
  burst: number;
}

/**
 * 240 requests a minute after a first burst of 60, 6 at once. Opening one modern SharePoint page costs a browser some
 * 50 to 100 requests in a couple of seconds (the page, its scripts, images, web parts' REST calls), and a person
 * reading a few pages a minute sends about as many as this pace. So the overview asks for no more than an ordinary
 * reader does, whatever the size of the site: its first screen of people comes as fast as a page loads, and the rest
 * at a reader's pace (500 people, about 600 SharePoint requests, in some two and a half minutes). SharePoint counts
 * per minute, so the burst stays inside any budget the pace does.
 */
export const DEFAULT_SHAREPOINT_PACE: ISharePointPace = { requestsPerMinute: 240, inFlight: 6, burst: 60 };

/** The pace is never lowered below this (one request every two seconds). */
export const MIN_REQUESTS_PER_MINUTE = 30;

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


interface IQueued {
  url: string;
  init: RequestInit;
  priority: number;
  order: number;
  throttledTries: number;
  resolve: (response: Response) => void;
  reject: (error: unknown) => void;
}

export class SharePointScheduler implements ISharePointScheduler {
  private readonly _fetch: FetchLike;
  private readonly _now: () => number;
  private readonly _inFlightLimit: number;
  private readonly _burst: number;
  private _pace: number;
  private _tokens: number;
  private _refilledAt: number;
  private _pausedUntil: number = 0;
  private _consecutiveThrottles: number = 0;
  private _inFlight: number = 0;
  private _order: number = 0;
  private _sent: number = 0;
  private _throttled: number = 0;
  private _queue: IQueued[] = [];
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private readonly _listeners = new Set<(status: ISchedulerStatus) => void>();

  public constructor(fetchImpl: FetchLike, pace: ISharePointPace = DEFAULT_SHAREPOINT_PACE, now: () => number = () => Date.now()) {
    this._fetch = fetchImpl;
    this._now = now;
    this._pace = Math.max(MIN_REQUESTS_PER_MINUTE, pace.requestsPerMinute);
    this._inFlightLimit = Math.max(1, pace.inFlight);
    this._burst = Math.max(1, pace.burst);
    this._tokens = this._burst;
    this._refilledAt = now();
  }

  public fetch(url: string, init: RequestInit = {}, priority: number = 0): Promise<Response> {
    return new Promise<Response>((resolve, reject) => {
      const signal = init.signal;
      if (signal && signal.aborted) {
        reject(abortError());
        return;
      }
      const item: IQueued = { url, init, priority, order: this._order++, throttledTries: 0, resolve, reject };
      if (signal) {
        signal.addEventListener(
          'abort',
          () => {
            const at = this._queue.indexOf(item);
            if (at >= 0) {
              this._queue.splice(at, 1); // still waiting: it never goes out
              reject(abortError());
            }
          },
          { once: true }
        );
      }
      this._queue.push(item);
      this._pump();
    });
  }

  public status(): ISchedulerStatus {
    const now = this._now();
    return {
      pausedUntil: this._pausedUntil > now ? this._pausedUntil : undefined,
      requestsPerMinute: this._pace,
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
        // The pause is over: the request that was refused goes now, the rest at the pace, not in a burst.
        this._pausedUntil = 0;
        this._tokens = 1;
        this._refilledAt = now;
        this._notify();
      }
      this._refill(now);
      if (this._tokens < 1) {
        this._wake(Math.ceil(((1 - this._tokens) * 60000) / this._pace));
        return;
      }
      this._tokens -= 1;
      this._start(this._takeNext());
    }
  }

  private _wake(ms: number): void {
    this._timer = setTimeout(() => {
      this._timer = undefined;
      this._pump();
    }, Math.max(1, ms));
  }

  private _refill(now: number): void {
    this._tokens = Math.min(this._burst, this._tokens + ((now - this._refilledAt) * this._pace) / 60000);
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

  private _start(item: IQueued): void {
    this._inFlight++;
    this._sent++;
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
          this._sent++;
          this._tokens -= 1; // the hop was a request of its own
        }
        if ((response.status === 429 || response.status === 503) && !(item.init.signal && item.init.signal.aborted)) {
          this._onThrottled(item, response);
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

  /** The whole queue waits; this request goes again after the wait (first among its equals); the pace halves. */
  private _onThrottled(item: IQueued, response: Response): void {
    this._throttled++;
    this._consecutiveThrottles++;
    const said = parseRetryAfter(response.headers.get('Retry-After'), this._now());
    const wait = said !== undefined ? said : Math.min(MAX_THROTTLE_WAIT_SECONDS, DEFAULT_THROTTLE_WAIT_SECONDS * Math.pow(2, this._consecutiveThrottles - 1));
    this._pausedUntil = Math.max(this._pausedUntil, this._now() + wait * 1000);
    this._pace = Math.max(MIN_REQUESTS_PER_MINUTE, Math.floor(this._pace / 2));
    this._tokens = Math.min(this._tokens, 0);
    item.throttledTries++;
    if (item.throttledTries >= MAX_THROTTLED_TRIES) {
      item.resolve(response);
    } else {
      this._queue.push(item);
    }
    this._notify();
  }

  /** SharePoint says how much of the budget is left: go no faster than spreads it over the time until it resets. */
  private _readRateLimit(headers: Headers): void {
    const remaining = parseInt(headers.get('RateLimit-Remaining') || '', 10);
    const reset = parseInt(headers.get('RateLimit-Reset') || '', 10);
    if (isNaN(remaining) || isNaN(reset)) {
      return;
    }
    if (remaining <= 0) {
      this._pausedUntil = Math.max(this._pausedUntil, this._now() + Math.max(1, reset) * 1000);
    }
    const allowed = Math.max(MIN_REQUESTS_PER_MINUTE, Math.floor(((remaining / Math.max(1, reset)) * 60 * 8) / 10));
    if (allowed < this._pace || remaining <= 0) {
      this._pace = Math.min(this._pace, allowed);
      this._notify();
    }
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
 * bundles, so it is kept on `window`, and a 429 that one of them gets pauses the other too.
 */
export function sharedSharePointScheduler(fetchImpl: FetchLike, holder: object = typeof window !== 'undefined' ? window : {}): ISharePointScheduler {
  const slot = holder as { [SHARED_KEY]?: ISharePointScheduler };
  if (!slot[SHARED_KEY]) {
    slot[SHARED_KEY] = new SharePointScheduler(fetchImpl);
  }
  return slot[SHARED_KEY]!;
}
