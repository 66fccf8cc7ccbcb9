import * as React from 'react';
import { IPhotoSyncResult } from '../../../models/IPhotoSyncResult';
import { IPhotoSyncChecker } from '../../../services/PhotoSyncChecker';

export interface IPhotoCheckState {
  /**
   * The latest finished check; until the first one finishes, the verdict the last visit remembered (shown in the
   * first paint, then confirmed), or undefined on a first visit.
   */
  result?: IPhotoSyncResult;
  /** A check the user can see is running. */
  checking: boolean;
  /**
   * The remembered verdict shown is being confirmed (no spinner; the region is marked busy for assistive technology
   * and tests, and the verdict changes only if the confirmation disagrees).
   */
  confirming: boolean;
  /** Starts a fresh check (bypassing caches) unless one is already running. */
  checkAgain: () => void;
  /** A fresh check with no spinner and no disabled buttons; resolves with its result (undefined after unmount). */
  recheckQuietly: () => Promise<IPhotoSyncResult | undefined>;
}

/**
 * Runs a check on mount and on demand, and keeps the latest result. The checker itself never runs two checks
 * at once (a second call joins the running one); results arriving after unmount are dropped.
 */
export function usePhotoCheck(checker: IPhotoSyncChecker): IPhotoCheckState {
  // Read once, synchronously: the first render already has the remembered verdict, so no spinner ever shows for it.
  const [initial] = React.useState<IPhotoSyncResult | undefined>(() => (checker.remembered ? checker.remembered() : undefined));
  const [result, setResult] = React.useState<IPhotoSyncResult | undefined>(initial);
  const [checking, setChecking] = React.useState<boolean>(!initial);
  const [confirming, setConfirming] = React.useState<boolean>(!!initial);
  const visibleChecks = React.useRef<number>(0);
  const mounted = React.useRef<boolean>(true);

  const run = React.useCallback(
    (fresh: boolean, quiet: boolean): Promise<IPhotoSyncResult | undefined> => {
      if (!quiet) {
        visibleChecks.current++;
        setChecking(true);
      }
      const done = (): void => {
        if (!quiet) {
          visibleChecks.current--;
        }
        if (mounted.current) {
          setChecking(visibleChecks.current > 0);
        }
      };
      return checker.check(fresh).then(
        (next) => {
          done();
          if (!mounted.current) {
            return undefined;
          }
          setResult((shown) => confirmed(shown, next));
          return next;
        },
        () => {
          done(); // check() never rejects; this only guards against a broken checker
          return undefined;
        }
      );
    },
    [checker]
  );

  // Nothing remembered: a layout effect, so the metadata requests leave before the first paint instead of after it.
  React.useLayoutEffect(() => {
    mounted.current = true;
    if (!initial) {
      run(false, false).catch(() => undefined);
    }
    return () => {
      mounted.current = false;
    };
  }, [run, initial]);
  // A remembered verdict is painted first and confirmed quietly after: no request goes out before that paint.
  React.useEffect(() => {
    if (initial) {
      const confirmed = (): void => {
        if (mounted.current) {
          setConfirming(false);
        }
      };
      run(false, true).then(confirmed, confirmed);
    }
  }, [run, initial]);

  const checkAgain = React.useCallback(() => {
    if (visibleChecks.current === 0) {
      run(true, false).catch(() => undefined);
    }
  }, [run]);
  const recheckQuietly = React.useCallback(() => run(true, true), [run]);
  return { result, checking, confirming, checkAgain, recheckQuietly };
}

/**
 * What to show once a check finishes: the new result; but when it confirms the remembered one (same verdict from the
 * same remembered photos), the photos already on screen stay as they are, so nothing visibly changes.
 */
function confirmed(shown: IPhotoSyncResult | undefined, next: IPhotoSyncResult): IPhotoSyncResult {
  if (shown && shown.fromCache && next.fromCache && shown.exchangeTag === next.exchangeTag && JSON.stringify(shown.verdict) === JSON.stringify(next.verdict)) {
    return { ...next, exchangePhoto: shown.exchangePhoto, sharePointPhoto: shown.sharePointPhoto };
  }
  return next;
}
