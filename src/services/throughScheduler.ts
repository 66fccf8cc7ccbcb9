import type { Queryable } from '@pnp/queryable';
import { FetchLike } from './retryingFetch';
import { ISharePointScheduler } from './sharePointScheduler';

/**
 * A PnPjs behavior: every request this instance sends (a `$batch` too: PnPjs copies `send` onto the batch) goes
 * through the page's SharePoint scheduler instead of PnPjs's own retrying fetch, whose per-request retries after a
 * 429 would let the rest of the queue carry on while SharePoint says "slow down".
 */
export function ThroughScheduler(scheduler: ISharePointScheduler, priority: number = 0): (instance: Queryable) => Queryable {
  return (instance) => {
    instance.on.send.clear();
    instance.on.send((url: URL, init: RequestInit) => scheduler.fetch(url.toString(), init, priority));
    return instance;
  };
}

/** `fetch` through the scheduler, for what PnPjs does not send (`userphoto.aspx`). */
export function scheduledFetch(scheduler: ISharePointScheduler, priority: number = 0): FetchLike {
  return (input, init) => scheduler.fetch(input, init, priority);
}

/** The personal part's few requests go before the team overview's queue: a person waits for their own photo. */
export const PERSONAL_PRIORITY = -1;
