import * as React from 'react';
import { CopyOutcome } from '../../../models/ICopyOutcome';
import { IFixHistory } from '../../../models/INextStep';
import { copyAttempt } from '../../../shared/copyOutcome';
import { IPhotoSyncResult } from '../../../models/IPhotoSyncResult';
import { IFixHistoryStore } from '../../../services/FixHistory';

export interface IFixHistoryState {
  /** What was tried for the Exchange photo of the last result (none after a new photo). */
  history: IFixHistory | undefined;
  recordSteps: () => void;
  recordCopy: (outcome: CopyOutcome, noMailbox: boolean) => void;
}

/**
 * What this person tried, read for the photo the last check saw and updated as they act. Without a store (storage
 * blocked) it is remembered for this visit only. Recording needs a check that saw the Exchange photo.
 */
export function useFixHistory(store: IFixHistoryStore | undefined, result: IPhotoSyncResult | undefined, now: () => Date): IFixHistoryState {
  const tag = result && result.exchangeTag;
  const [recorded, setRecorded] = React.useState<IFixHistory | undefined>(undefined);
  const stored = React.useMemo(() => (store ? store.read(tag) : undefined), [store, tag]);
  // What this visit recorded wins over what was read when the photo was first seen.
  const history = recorded && recorded.exchangeTag === tag ? recorded : stored;
  const latest = React.useRef({ result, history });
  latest.current = { result, history };

  const record = React.useCallback(
    (update: (tag: string, base: IFixHistory) => IFixHistory) => {
      const last = latest.current.result;
      if (!last || !last.exchangeTag) {
        return;
      }
      setRecorded(update(last.exchangeTag, latest.current.history || { exchangeTag: last.exchangeTag }));
    },
    []
  );

  const recordSteps = React.useCallback(() => {
    record((exchangeTag, base) => {
      const picture = latest.current.result!.sharePointPicture;
      return store ? store.recordSteps(exchangeTag, picture, now()) : { ...base, stepsDoneAt: now().toISOString(), stepsPicture: picture };
    });
  }, [record, store, now]);

  const recordCopy = React.useCallback(
    (outcome: CopyOutcome, noMailbox: boolean) => {
      const kind = copyAttempt(outcome, noMailbox);
      record((exchangeTag, base) => {
        const picture = latest.current.result!.sharePointPicture;
        return store ? store.recordCopy(exchangeTag, kind, picture, now()) : { ...base, copy: { at: now().toISOString(), outcome: kind, picture } };
      });
    },
    [record, store, now]
  );

  return { history, recordSteps, recordCopy };
}
