/**
 * What one page's SharePoint scheduler tells the others of the same person on the same site (other tabs, other
 * windows), so that all of them together keep to one budget: SharePoint throttles a person, not a tab.
 *  - `sent`: requests that went out (each one debits every other scheduler's allowance too);
 *  - `state`: the pace now and any pause SharePoint asked for (the newest word wins everywhere).
 * The last state is also kept in the browser's storage (saved with each send too), read synchronously when a
 * scheduler starts, so a tab that opens while another is at work or held back starts at the pace already learned,
 * counting what the others sent, instead of with a first burst.
 */
export type BudgetMessage =
  | { kind: 'sent'; count: number; at: number }
  | { kind: 'state'; state: ISharedPaceState };

export interface ISharedPaceState {
  /** Requests a minute. */
  pace: number;
  /** Nothing is sent before this (ms since 1970); 0 when not paused. */
  pausedUntil: number;
  /** When this was decided (ms since 1970). */
  at: number;
  /** SharePoint's last word on the budget: what may still be sent before `resetAt` (ms since 1970). */
  left?: number;
  resetAt?: number;
  /** Requests this person's tabs sent in the minute before `at`: another tab is at work when above 0. */
  sentInMinute?: number;
}

export interface IBudgetPeers {
  post(message: BudgetMessage): void;
  /** Called with every message another scheduler posts; returns the unsubscribe. */
  listen(listener: (message: BudgetMessage) => void): () => void;
  /** The last state any scheduler of this person on this site saved, if any. */
  load(): ISharedPaceState | undefined;
  save(state: ISharedPaceState): void;
  /** Stops listening (a BroadcastChannel left open keeps a Node process alive). */
  close(): void;
}

/** A saved state older than this says nothing about the budget now (SharePoint counts per minute). */
export const SHARED_STATE_MAX_AGE_MS = 2 * 60 * 1000;

/** No other tab: nothing to share (Node, tests, browsers without BroadcastChannel). */
export const NO_PEERS: IBudgetPeers = {
  post: () => undefined,
  listen: () => () => undefined,
  load: () => undefined,
  save: () => undefined,
  close: () => undefined
};

interface IBrowserLike {
  BroadcastChannel?: typeof BroadcastChannel;
  localStorage?: Storage;
}

/**
 * The browser's own primitives: a BroadcastChannel (same origin, every tab and window) and localStorage, both
 * named by `key` (the site). Anything missing or refused (storage off in a private window, say) degrades to less
 * sharing, never to an error.
 */
export function browserBudgetPeers(key: string, scope: IBrowserLike = typeof window !== 'undefined' ? (window as unknown as IBrowserLike) : {}): IBudgetPeers {
  const name = `pps-sharepoint-budget:${key}`;
  let channel: BroadcastChannel | undefined;
  try {
    channel = scope.BroadcastChannel ? new scope.BroadcastChannel(name) : undefined;
    // Node's own BroadcastChannel (tests, server-side rendering) would keep the process alive; browsers have no unref.
    const node = channel as unknown as { unref?: () => void } | undefined;
    if (node && typeof node.unref === 'function') {
      node.unref();
    }
  } catch {
    channel = undefined;
  }
  const storage = ((): Storage | undefined => {
    try {
      return scope.localStorage;
    } catch {
      return undefined;
    }
  })();
  return {
    post(message: BudgetMessage): void {
      if (channel) {
        channel.postMessage(message);
      }
    },
    listen(listener: (message: BudgetMessage) => void): () => void {
      if (!channel) {
        return () => undefined;
      }
      const onMessage = (e: MessageEvent): void => {
        const m = parseMessage(e.data);
        if (m) {
          listener(m);
        }
      };
      channel.addEventListener('message', onMessage);
      return () => channel!.removeEventListener('message', onMessage);
    },
    load(): ISharedPaceState | undefined {
      try {
        const raw = storage ? storage.getItem(name) : null;
        return raw ? parseState(JSON.parse(raw)) : undefined;
      } catch {
        return undefined;
      }
    },
    save(state: ISharedPaceState): void {
      try {
        if (storage) {
          storage.setItem(name, JSON.stringify(state));
        }
      } catch {
        // Storage full or refused: the live channel still shares it.
      }
    },
    close(): void {
      if (channel) {
        channel.close();
      }
    }
  };
}

/** Another tab's message, checked: anything else on the channel is ignored. */
export function parseMessage(data: unknown): BudgetMessage | undefined {
  if (typeof data !== 'object' || data === null) {
    return undefined;
  }
  const m = data as { kind?: unknown; count?: unknown; at?: unknown; state?: unknown };
  if (m.kind === 'sent' && isCount(m.count) && isTime(m.at)) {
    return { kind: 'sent', count: m.count, at: m.at };
  }
  if (m.kind === 'state') {
    const state = parseState(m.state);
    return state ? { kind: 'state', state } : undefined;
  }
  return undefined;
}

function parseState(value: unknown): ISharedPaceState | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const s = value as { pace?: unknown; pausedUntil?: unknown; at?: unknown; left?: unknown; resetAt?: unknown; sentInMinute?: unknown };
  if (!(typeof s.pace === 'number' && s.pace > 0 && isFinite(s.pace) && isTime(s.pausedUntil) && isTime(s.at))) {
    return undefined;
  }
  const state: ISharedPaceState = { pace: s.pace, pausedUntil: s.pausedUntil, at: s.at };
  if (typeof s.left === 'number' && isFinite(s.left) && isTime(s.resetAt)) {
    state.left = s.left;
    state.resetAt = s.resetAt;
  }
  if (isCount(s.sentInMinute)) {
    state.sentInMinute = s.sentInMinute;
  }
  return state;
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && v >= 1 && v <= 1000 && Math.floor(v) === v;
}

function isTime(v: unknown): v is number {
  return typeof v === 'number' && isFinite(v) && v >= 0;
}
