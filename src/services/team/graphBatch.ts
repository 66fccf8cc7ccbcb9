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
 * Sends every request through batches and calls `onResponse` once for each, in the order answers arrive.
 * Resolves when all are delivered; rejects only when `signal` aborts (already delivered answers stay delivered).
 */
export function runBatched(
  items: ReadonlyArray<IBatchRequestItem>,
  post: BatchPoster,
  onResponse: (response: IBatchResponseItem) => void,
  options: IBatchOptions = {}
): Promise<IBatchStats> {
  const maxPerBatch = Math.max(1, Math.min(GRAPH_BATCH_LIMIT, options.maxPerBatch || GRAPH_BATCH_LIMIT));
  const maxInFlight = Math.max(1, options.maxInFlight || GRAPH_BATCHES_IN_FLIGHT);
  const maxAttempts = Math.max(1, options.maxAttempts || 5);
  const maxRetryAfter = options.maxRetryAfterSeconds === undefined ? 30 : options.maxRetryAfterSeconds;
  const backoff = options.backoffMs === undefined ? 500 : options.backoffMs;
  const second = options.secondMs === undefined ? 1000 : options.secondMs;
  const signal = options.signal;
  const queue: IQueued[] = items.map((item) => ({ item, attempts: 0, notBefore: 0 }));
  const stats: IBatchStats = { batches: 0, retried: 0 };
  let inFlight = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  return new Promise<IBatchStats>((resolve, reject) => {
    let settled = false;
    const finish = (error?: unknown): void => {
      if (settled) {
        return;
      }
      settled = true;
      if (timer !== undefined) {
        clearTimeout(timer);
      }
      if (signal) {
        signal.removeEventListener('abort', onAbort);
      }
      if (error) {
        reject(error);
      } else {
        resolve(stats);
      }
    };
    function onAbort(): void {
      finish(new Error('aborted'));
    }
    if (signal) {
      if (signal.aborted) {
        finish(new Error('aborted'));
        return;
      }
      signal.addEventListener('abort', onAbort);
    }

    /** Puts a request back, or delivers its last answer when it may not be retried. */
    const retryOrDeliver = (queued: IQueued, response: IBatchResponseItem, now: number): void => {
      const retryAfter = retryAfterSeconds(response.headers);
      const tooLong = retryAfter !== undefined && retryAfter > maxRetryAfter;
      if (queued.attempts >= maxAttempts || tooLong) {
        onResponse(response);
        return;
      }
      const wait = retryAfter !== undefined ? retryAfter * second : backoff * Math.pow(2, queued.attempts - 1);
      queued.notBefore = now + wait;
      stats.retried++;
      if (options.onRetry) {
        options.onRetry(queued.item.id, response.status, wait);
      }
      queue.push(queued);
    };

    const send = (batch: IQueued[]): void => {
      inFlight++;
      stats.batches++;
      const controller = new AbortController();
      const forward = (): void => controller.abort();
      if (signal) {
        signal.addEventListener('abort', forward);
      }
      batch.forEach((q) => q.attempts++);
      post(
        batch.map((q) => q.item),
        controller.signal
      )
        .then(
          (answer) => {
            // One clock reading for the whole answer: requests told to wait alike become due together, and go out
            // in one batch again instead of one each.
            const now = Date.now();
            const byId = new Map<string, IBatchResponseItem>();
            for (const r of (answer && Array.isArray(answer.responses) ? answer.responses : [])) {
              byId.set(String(r.id), r);
            }
            for (const queued of batch) {
              const response = byId.get(queued.item.id) || { id: queued.item.id, status: 0 };
              if (RETRYABLE.indexOf(response.status) >= 0 || response.status === 0) {
                retryOrDeliver(queued, response, now);
              } else {
                onResponse(response);
              }
            }
          },
          (e: unknown) => {
            // The batch itself failed (throttled as a whole, or no answer): each of its requests is retried.
            const status = typeof e === 'object' && e !== null && typeof (e as { statusCode?: unknown }).statusCode === 'number' ? (e as { statusCode: number }).statusCode : 0;
            const headers = batchErrorHeaders(e);
            const now = Date.now();
            for (const queued of batch) {
              retryOrDeliver(queued, { id: queued.item.id, status, headers }, now);
            }
          }
        )
        .then(() => {
          if (signal) {
            signal.removeEventListener('abort', forward);
          }
          inFlight--;
          pump();
        })
        .catch((e: unknown) => finish(e));
    };

    function pump(): void {
      if (settled) {
        return;
      }
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
      }
      const now = Date.now();
      for (let room = maxInFlight - inFlight; room > 0; room--) {
        const batch: IQueued[] = [];
        for (let i = 0; i < queue.length && batch.length < maxPerBatch; ) {
          if (queue[i].notBefore <= now) {
            batch.push(queue.splice(i, 1)[0]);
          } else {
            i++;
          }
        }
        if (batch.length === 0) {
          break;
        }
        send(batch);
      }
      if (queue.length === 0 && inFlight === 0) {
        finish();
        return;
      }
      if (queue.length > 0 && inFlight < maxInFlight) {
        const next = Math.min(...queue.map((q) => q.notBefore));
        timer = setTimeout(pump, Math.max(0, next - Date.now()));
      }
    }
    pump();
  });
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
