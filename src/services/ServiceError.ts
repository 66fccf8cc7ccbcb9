import { CheckFailureReason, CheckService } from '../models/CheckFailure';

/** An unexpected answer from a backend, already classified. Expected answers (no photo, no mailbox) are values. */
export class ServiceError extends Error {
  public readonly reason: CheckFailureReason;
  public readonly service: CheckService;
  public readonly status?: number;
  public readonly retryAfterSeconds?: number;

  public constructor(
    service: CheckService,
    reason: CheckFailureReason,
    detail: string,
    extra: { status?: number; retryAfterSeconds?: number } = {}
  ) {
    super(`${service}: ${reason}: ${detail}`);
    this.name = 'ServiceError';
    this.service = service;
    this.reason = reason;
    this.status = extra.status;
    this.retryAfterSeconds = extra.retryAfterSeconds;
    Object.setPrototypeOf(this, ServiceError.prototype);
  }
}

export function isServiceError(e: unknown): e is ServiceError {
  return e instanceof ServiceError;
}

/** The failure an HTTP status means, for statuses that are failures rather than expected answers. */
export function reasonForStatus(status: number): CheckFailureReason {
  if (status === 401 || status === 403) {
    return 'permission-denied';
  }
  if (status === 429) {
    return 'throttled';
  }
  if (status === 408) {
    return 'timeout';
  }
  if (status >= 500) {
    return 'unavailable';
  }
  return 'unexpected';
}

/** `Retry-After` in seconds (delta-seconds or an HTTP date), if present and sensible. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return parseInt(trimmed, 10);
  }
  const at = Date.parse(trimmed);
  return isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}
