import { IRequestPolicy } from './requestPolicy';
import { parseRetryAfter, ServiceError } from './ServiceError';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** Statuses worth another attempt: throttled, unavailable, gateway timeout. */
const RETRYABLE = [429, 503, 504];

/**
 * fetch with the retries PnPjs and the Graph client give their own requests, for the one request that goes
 * through neither (`userphoto.aspx`): only 429/503/504 and network failures are retried, at most
 * `policy.attempts` times in all, waiting for `Retry-After` when it is within `policy.maxRetryAfterSeconds`
 * (a longer one ends the retries: the caller reports it) or else backing off exponentially.
 * Aborting `signal` stops everything at once.
 */
export async function retryingFetch(
  fetchImpl: FetchLike,
  url: string,
  init: RequestInit,
  policy: IRequestPolicy,
  signal: AbortSignal,
  sleep: Sleep = abortableSleep
): Promise<Response> {
  let backoff = policy.backoffMs;
  for (let attempt = 1; ; attempt++) {
    let response: Response | undefined;
    try {
      response = await fetchImpl(url, { ...init, signal });
    } catch (e) {
      // A failure already explained (a ServiceError) is an answer, not a fault worth another attempt.
      if (signal.aborted || attempt >= policy.attempts || e instanceof ServiceError) {
        throw e;
      }
    }
    if (response && (RETRYABLE.indexOf(response.status) < 0 || attempt >= policy.attempts)) {
      return response;
    }
    const retryAfter = response ? parseRetryAfter(response.headers.get('Retry-After')) : undefined;
    if (response && retryAfter !== undefined && retryAfter > policy.maxRetryAfterSeconds) {
      return response; // too long to wait here: the caller tells the user when to try again
    }
    await sleep(retryAfter !== undefined ? retryAfter * 1000 : backoff, signal);
    backoff *= 2;
  }
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const onAbort = (): void => {
      if (timer !== undefined) {
        clearTimeout(timer);
      }
      reject(new Error('aborted'));
    };
    timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort);
  });
}
