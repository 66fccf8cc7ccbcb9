import * as React from 'react';
import { IPhotoSyncResult } from '../../../models/IPhotoSyncResult';
import { IPhotoSyncChecker } from '../../../services/PhotoSyncChecker';

export interface IPhotoCheckState {
  /** The latest finished check; undefined until the first one finishes. */
  result?: IPhotoSyncResult;
  /** A check is running. */
  checking: boolean;
  /** Starts a fresh check (bypassing caches) unless one is already running. */
  checkAgain: () => void;
}

/** Runs a check on mount and on demand. Never runs two at once; ignores results after unmount. */
export function usePhotoCheck(checker: IPhotoSyncChecker): IPhotoCheckState {
  const [result, setResult] = React.useState<IPhotoSyncResult | undefined>(undefined);
  const [checking, setChecking] = React.useState<boolean>(true);
  const inFlight = React.useRef<boolean>(false);
  const mounted = React.useRef<boolean>(true);

  const run = React.useCallback(
    (fresh: boolean): void => {
      if (inFlight.current) {
        return;
      }
      inFlight.current = true;
      setChecking(true);
      checker
        .check(fresh)
        .then((next) => {
          if (mounted.current) {
            setResult(next);
          }
        })
        .catch(() => {
          // check() never rejects; this only guards against a broken checker.
        })
        .then(() => {
          inFlight.current = false;
          if (mounted.current) {
            setChecking(false);
          }
        })
        .catch(() => undefined);
    },
    [checker]
  );

  React.useEffect(() => {
    mounted.current = true;
    run(false);
    return () => {
      mounted.current = false;
    };
  }, [run]);

  const checkAgain = React.useCallback(() => run(true), [run]);
  return { result, checking, checkAgain };
}
