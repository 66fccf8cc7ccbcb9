import { ServiceError } from './ServiceError';
import { CheckService } from '../models/CheckFailure';

/** How long and how often one request may try. */
export interface IRequestPolicy {
  /** Abort a request (all its attempts) after this long. */
  timeoutMs: number;
  /** Attempts at most, the first included. */
  attempts: number;
  /** Honour `Retry-After` up to this; a longer wait is reported to the user instead of waited for. */
  maxRetryAfterSeconds: number;
  /** First back-off when the answer gives no `Retry-After`; doubled each time. */
  backoffMs: number;
}

export const DEFAULT_REQUEST_POLICY: IRequestPolicy = {
  timeoutMs: 10000,
  attempts: 3,
  maxRetryAfterSeconds: 10,
  backoffMs: 500
};

/**
 * Runs `work` with an AbortSignal that fires after `timeoutMs` or when `parent` aborts; rejects with a
 * `timeout` ServiceError at once, even if the work ignores the signal (a library sleeping before a retry).
 */
export function withTimeout<T>(
  service: CheckService,
  timeoutMs: number,
  parent: AbortSignal | undefined,
  work: (signal: AbortSignal) => Promise<T>
): Promise<T> {
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const fail = (reason: string): void => {
      controller.abort();
      reject(new ServiceError(service, 'timeout', reason));
    };
    const timer = setTimeout(() => fail(`no answer within ${timeoutMs} ms`), timeoutMs);
    const onParentAbort = (): void => fail('the check was cancelled');
    if (parent) {
      if (parent.aborted) {
        onParentAbort();
      } else {
        parent.addEventListener('abort', onParentAbort);
      }
    }
    const settle = (): void => {
      clearTimeout(timer);
      if (parent) {
        parent.removeEventListener('abort', onParentAbort);
      }
    };
    work(controller.signal).then(
      (value) => {
        settle();
        resolve(value);
      },
      (error: unknown) => {
        settle();
        reject(error);
      }
    );
  });
}
