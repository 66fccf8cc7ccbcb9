import * as React from 'react';
import { IPhotoSyncResult } from '../../../models/IPhotoSyncResult';
import { IPhotoSyncChecker } from '../../../services/PhotoSyncChecker';

export interface IPhotoCheckState {
  /** The latest finished check; undefined until the first one finishes. */
  result?: IPhotoSyncResult;
  /** A check the user can see is running. */
  checking: boolean;
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
  const [result, setResult] = React.useState<IPhotoSyncResult | undefined>(undefined);
  const [checking, setChecking] = React.useState<boolean>(true);
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
          setResult(next);
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

  // A layout effect, not a passive one: the metadata requests leave before the first paint instead of after it.
  React.useLayoutEffect(() => {
    mounted.current = true;
    run(false, false).catch(() => undefined);
    return () => {
      mounted.current = false;
    };
  }, [run]);

  const checkAgain = React.useCallback(() => {
    if (visibleChecks.current === 0) {
      run(true, false).catch(() => undefined);
    }
  }, [run]);
  const recheckQuietly = React.useCallback(() => run(true, true), [run]);
  return { result, checking, checkAgain, recheckQuietly };
}
