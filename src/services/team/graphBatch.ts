/**
 * Microsoft Graph JSON batching (`POST /$batch`) for many small reads, as Graph's throttling guidance for Outlook
 * resources asks: at most 20 requests a batch, at most 4 batches in flight. Requests inside a batch that answer
 * 429 (or 503/504) are retried alone, after their own `Retry-After`; the others are delivered as they come.
 * Pure scheduling: the caller supplies how a batch is posted, so browser, workbench and tests share it.
 */

/** One request inside a batch (Graph's shape; `url` is relative to the version, e.g. `/users/{id}/photo`). */
export interface IBatchRequestItem {
  id: string;
  method: 'GET';
  url: string;
  headers?: Record<string, string>;
}

/** One response inside a batch. Binary bodies (`$value`) come base64-encoded, as Graph sends them. */
export interface IBatchResponseItem {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** The `$batch` answer. */
export interface IBatchResponse {
  responses: IBatchResponseItem[];
}

/** Posts one batch (at most `maxPerBatch` requests); rejects when the batch itself fails. */
export type BatchPoster = (requests: IBatchRequestItem[], signal: AbortSignal) => Promise<IBatchResponse>;

export interface IBatchOptions {
  /** Graph allows 20 requests in a batch. */
  maxPerBatch?: number;
  /** Graph's Outlook guidance: at most 4 concurrent requests per mailbox (each batch counts as one here). */
  maxInFlight?: number;
  /** Attempts per request, retries for 429/503/504 included; the last answer is delivered as it is. */
  maxAttempts?: number;
  /** Waits for a `Retry-After` of at most this many seconds; a longer one ends the retries for that request. */
  maxRetryAfterSeconds?: number;
  /** Wait when there is no `Retry-After`, doubled each attempt, in ms. */
  backoffMs?: number;
  /** How long a second of `Retry-After` is, in ms (tests shorten it). */
  secondMs?: number;
  signal?: AbortSignal;
  /** Told of every retry and how long it waits, in ms (for progress and tests). */
  onRetry?: (id: string, status: number, waitMs: number) => void;
}

export const GRAPH_BATCH_LIMIT = 20;
export const GRAPH_BATCHES_IN_FLIGHT = 4;
const RETRYABLE = [429, 503, 504];

interface IQueued {
  item: IBatchRequestItem;
  /** Lower goes first; equal ones in the order they were added. */
  priority: number;
  order: number;
  attempts: number;
  /** Not to be sent before this time (ms since the epoch). */
  notBefore: number;
}

/** What happened to each request, for tests and the bench. */
export interface IBatchStats {
  batches: number;
  retried: number;
}

/**
 * Requests that may be added while earlier ones are answered (a photo asked for once its metadata said there is
 * one), sent in batches, the lowest `priority` first. Each batch takes what is due when a batch may go out, so
 * requests added in the same moment travel together. `done` resolves once `close()` was called and every request
 * is answered; it rejects only when `signal` aborts (answers already delivered stay delivered).
 */
export class GraphBatchQueue {
  public readonly done: Promise<IBatchStats>;
  private readonly _post: BatchPoster;
  private readonly _onResponse: (response: IBatchResponseItem) => void;
  private readonly _options: IBatchOptions;
  private readonly _maxPerBatch: number;
  private readonly _maxInFlight: number;
  private readonly _queue: IQueued[] = [];
  private readonly _stats: IBatchStats = { batches: 0, retried: 0 };
  private _order = 0;
  private _inFlight = 0;
  private _closed = false;
  private _settled = false;
  private _pumpQueued = false;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _resolve!: (stats: IBatchStats) => void;
  private _reject!: (e: unknown) => void;
  private readonly _onAbort = (): void => this._finish(new Error('aborted'));

  public constructor(post: BatchPoster, onResponse: (response: IBatchResponseItem) => void, options: IBatchOptions = {}) {
    this._post = post;
    this._onResponse = onResponse;
    this._options = options;
    this._maxPerBatch = Math.max(1, Math.min(GRAPH_BATCH_LIMIT, options.maxPerBatch || GRAPH_BATCH_LIMIT));
    this._maxInFlight = Math.max(1, options.maxInFlight || GRAPH_BATCHES_IN_FLIGHT);
    this.done = new Promise<IBatchStats>((resolve, reject) => {
      this._resolve = resolve;
      this._reject = reject;
    });
    this.done.catch(() => undefined); // the owner awaits it; an abort before that is not unhandled
    const signal = options.signal;
    if (signal) {
      if (signal.aborted) {
        this._finish(new Error('aborted'));
      } else {
        signal.addEventListener('abort', this._onAbort);
      }
    }
  }

  /** Queues requests; they go out with whatever else is due, in a later microtask (so a burst shares batches). */
  public add(items: ReadonlyArray<IBatchRequestItem>, priority: number = 0): void {
    for (const item of items) {
      this._queue.push({ item, priority, order: this._order++, attempts: 0, notBefore: 0 });
    }
    this._schedulePump();
  }

  /** No more requests will be added from outside (answers may still add their own follow-ups). */
  public close(): void {
    this._closed = true;
    this._schedulePump();
  }

  private _schedulePump(): void {
    if (this._pumpQueued || this._settled) {
      return;
    }
    this._pumpQueued = true;
    Promise.resolve()
      .then(() => {
        this._pumpQueued = false;
        this._pump();
      })
      .catch((e: unknown) => this._finish(e));
  }

  private _finish(error?: unknown): void {
    if (this._settled) {
      return;
    }
    this._settled = true;
    if (this._timer !== undefined) {
      clearTimeout(this._timer);
    }
    if (this._options.signal) {
      this._options.signal.removeEventListener('abort', this._onAbort);
    }
    if (error) {
      this._reject(error);
    } else {
      this._resolve(this._stats);
    }
  }

  /** Takes up to a batch of due requests, lowest priority first. */
  private _take(now: number): IQueued[] {
    const due = this._queue.filter((q) => q.notBefore <= now);
    if (due.length === 0) {
      return [];
    }
    due.sort((a, b) => a.priority - b.priority || a.order - b.order);
    const batch = due.slice(0, this._maxPerBatch);
    const taken = new Set(batch);
    for (let i = this._queue.length - 1; i >= 0; i--) {
      if (taken.has(this._queue[i])) {
        this._queue.splice(i, 1);
      }
    }
    return batch;
  }

  private _pump(): void {
    if (this._settled) {
      return;
    }
    if (this._timer !== undefined) {
      clearTimeout(this._timer);
      this._timer = undefined;
    }
    const now = Date.now();
    while (this._inFlight < this._maxInFlight) {
      const batch = this._take(now);
      if (batch.length === 0) {
        break;
      }
      this._send(batch);
    }
    if (this._queue.length === 0 && this._inFlight === 0) {
      if (this._closed) {
        this._finish();
      }
      return;
    }
    if (this._queue.length > 0 && this._inFlight < this._maxInFlight) {
      const next = Math.min(...this._queue.map((q) => q.notBefore));
      this._timer = setTimeout(() => this._pump(), Math.max(0, next - Date.now()));
    }
  }

  /** Puts a request back, or delivers its last answer when it may not be retried. */
  private _retryOrDeliver(queued: IQueued, response: IBatchResponseItem, now: number): void {
    const options = this._options;
    const maxAttempts = Math.max(1, options.maxAttempts || 5);
    const maxRetryAfter = options.maxRetryAfterSeconds === undefined ? 30 : options.maxRetryAfterSeconds;
    const backoff = options.backoffMs === undefined ? 500 : options.backoffMs;
    const second = options.secondMs === undefined ? 1000 : options.secondMs;
    const retryAfter = retryAfterSeconds(response.headers);
    const tooLong = retryAfter !== undefined && retryAfter > maxRetryAfter;
    if (queued.attempts >= maxAttempts || tooLong) {
      this._onResponse(response);
      return;
    }
    const wait = retryAfter !== undefined ? retryAfter * second : backoff * Math.pow(2, queued.attempts - 1);
    queued.notBefore = now + wait;
    this._stats.retried++;
    if (options.onRetry) {
      options.onRetry(queued.item.id, response.status, wait);
    }
    this._queue.push(queued);
  }

  private _send(batch: IQueued[]): void {
    this._inFlight++;
    this._stats.batches++;
    const signal = this._options.signal;
    const controller = new AbortController();
    const forward = (): void => controller.abort();
    if (signal) {
      signal.addEventListener('abort', forward);
    }
    batch.forEach((q) => q.attempts++);
    this._post(
      batch.map((q) => q.item),
      controller.signal
    )
      .then(
        (answer) => {
          if (this._settled) {
            return;
          }
          // One clock reading for the whole answer: requests told to wait alike become due together, and go out
          // in one batch again instead of one each.
          const now = Date.now();
          const byId = new Map<string, IBatchResponseItem>();
          for (const r of answer && Array.isArray(answer.responses) ? answer.responses : []) {
            byId.set(String(r.id), r);
          }
          for (const queued of batch) {
            const response = byId.get(queued.item.id) || { id: queued.item.id, status: 0 };
            if (RETRYABLE.indexOf(response.status) >= 0 || response.status === 0) {
              this._retryOrDeliver(queued, response, now);
            } else {
              this._onResponse(response);
            }
          }
        },
        (e: unknown) => {
          if (this._settled) {
            return;
          }
          // The batch itself failed (throttled as a whole, or no answer): each of its requests is retried.
          const status = typeof e === 'object' && e !== null && typeof (e as { statusCode?: unknown }).statusCode === 'number' ? (e as { statusCode: number }).statusCode : 0;
          const headers = batchErrorHeaders(e);
          const now = Date.now();
          for (const queued of batch) {
            this._retryOrDeliver(queued, { id: queued.item.id, status, headers }, now);
          }
        }
      )
      .then(() => {
        if (signal) {
          signal.removeEventListener('abort', forward);
        }
        this._inFlight--;
        this._pump();
      })
      .catch((e: unknown) => this._finish(e));
  }
}

/**
 * Sends every request through batches and calls `onResponse` once for each, in the order answers arrive.
 * Resolves when all are delivered; rejects only when `signal` aborts (already delivered answers stay delivered).
 */
export function runBatched(
  items: ReadonlyArray<IBatchRequestItem>,
  post: BatchPoster,
  onResponse: (response: IBatchResponseItem) => void,
  options: IBatchOptions = {}
): Promise<IBatchStats> {
  const queue = new GraphBatchQueue(post, onResponse, options);
  queue.add(items);
  queue.close();
  return queue.done;
}

/** `Retry-After` in whole seconds from a batch item's headers (any case), when present and numeric. */
export function retryAfterSeconds(headers: Record<string, string> | undefined): number | undefined {
  if (!headers) {
    return undefined;
  }
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === 'retry-after') {
      const value = parseInt(String(headers[key]), 10);
      return isNaN(value) || value < 0 ? undefined : value;
    }
  }
  return undefined;
}

function batchErrorHeaders(e: unknown): Record<string, string> | undefined {
  const headers = typeof e === 'object' && e !== null ? (e as { headers?: { get?(name: string): string | null } }).headers : undefined;
  const value = headers && typeof headers.get === 'function' ? headers.get('Retry-After') : null;
  return value ? { 'Retry-After': value } : undefined;
}
