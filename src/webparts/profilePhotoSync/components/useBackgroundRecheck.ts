import * as React from 'react';
import { IPhotoSyncResult } from '../../../models/IPhotoSyncResult';

/** After "I've done the steps": how long to wait before each quiet re-check (backing off), in ms. */
export const DEFAULT_RECHECK_DELAYS_MS: ReadonlyArray<number> = [15000, 30000, 60000, 120000, 240000];

export type WatchState =
  | { kind: 'idle' }
  | { kind: 'waiting'; attempt: number; of: number }
  | { kind: 'caught-up' }
  | { kind: 'gave-up' }
  | { kind: 'stopped-hidden' };

/**
 * Watches quietly for SharePoint to catch up: re-checks after each delay until the photos are in sync, the
 * delays run out, or the page is hidden (no requests from a background tab). `start` begins a new watch.
 */
export function useBackgroundRecheck(
  recheck: () => Promise<IPhotoSyncResult | undefined>,
  delaysMs: ReadonlyArray<number> = DEFAULT_RECHECK_DELAYS_MS
): [WatchState, () => void] {
  const [state, setState] = React.useState<WatchState>({ kind: 'idle' });
  const timer = React.useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const watching = React.useRef<boolean>(false);

  const stop = React.useCallback((next: WatchState) => {
    watching.current = false;
    if (timer.current !== undefined) {
      clearTimeout(timer.current);
      timer.current = undefined;
    }
    setState(next);
  }, []);

  const step = React.useCallback(
    (attempt: number) => {
      if (attempt >= delaysMs.length) {
        stop({ kind: 'gave-up' });
        return;
      }
      setState({ kind: 'waiting', attempt: attempt + 1, of: delaysMs.length });
      timer.current = setTimeout(() => {
        timer.current = undefined;
        recheck()
          .then((result) => {
            if (!watching.current) {
              return;
            }
            if (result && result.verdict.kind === 'in-sync') {
              stop({ kind: 'caught-up' });
            } else {
              step(attempt + 1);
            }
          })
          .catch(() => step(attempt + 1));
      }, delaysMs[attempt]);
    },
    [delaysMs, recheck, stop]
  );

  const start = React.useCallback(() => {
    stop({ kind: 'idle' });
    watching.current = true;
    step(0);
  }, [step, stop]);

  React.useEffect(() => {
    const onVisibility = (): void => {
      if (document.hidden && watching.current) {
        stop({ kind: 'stopped-hidden' });
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      watching.current = false;
      if (timer.current !== undefined) {
        clearTimeout(timer.current);
      }
    };
  }, [stop]);

  return [state, start];
}
