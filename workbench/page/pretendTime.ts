import { IPhotoSyncResult } from '../../src/models/IPhotoSyncResult';
import { IFixHistoryStore } from '../../src/services/FixHistory';
import { IDisplayPhotos, IPhotoSyncChecker } from '../../src/services/PhotoSyncChecker';

/** What the workbench pretends this person did earlier (`&stepsDoneHoursAgo=N`, `&copiedHoursAgo=N`). */
export interface IPretendedPast {
  stepsDoneHoursAgo?: number;
  copiedHoursAgo?: number;
}

/** Hours from a query parameter: a number from 0 to a year, or nothing. */
export function hoursParam(value: string | null): number | undefined {
  const hours = value === null || value.trim() === '' ? NaN : Number(value);
  return isFinite(hours) && hours >= 0 && hours <= 24 * 366 ? hours : undefined;
}

/**
 * Pretends time has passed for this person: before the first check's result reaches the card, the history says the
 * steps were done (or the photo copied) that many hours ago, with SharePoint's picture as this check found it (as
 * "I've done the steps" records it) — unless this photo already has a history. Every check after the first passes
 * through untouched.
 */
export class PretendedPastChecker implements IPhotoSyncChecker {
  private _seeded = false;

  public constructor(
    private readonly _inner: IPhotoSyncChecker,
    private readonly _history: IFixHistoryStore,
    private readonly _past: IPretendedPast,
    private readonly _now: () => Date = () => new Date()
  ) {}

  public check(fresh: boolean): Promise<IPhotoSyncResult> {
    return this._inner.check(fresh).then((result) => {
      if (!this._seeded && result.exchangeTag) {
        this._seeded = true;
        this._seed(result);
      }
      return result;
    });
  }

  public remembered(): IPhotoSyncResult | undefined {
    return this._inner.remembered ? this._inner.remembered() : undefined;
  }

  public loadDisplayPhotos(): Promise<IDisplayPhotos> {
    return this._inner.loadDisplayPhotos();
  }

  private _seed(result: IPhotoSyncResult): void {
    const tag = result.exchangeTag!;
    if (this._history.read(tag)) {
      return;
    }
    const ago = (hours: number): Date => new Date(this._now().getTime() - hours * 3600000);
    if (this._past.stepsDoneHoursAgo !== undefined) {
      this._history.recordSteps(tag, result.sharePointPicture, ago(this._past.stepsDoneHoursAgo));
    }
    if (this._past.copiedHoursAgo !== undefined) {
      this._history.recordCopy(tag, 'copied', result.sharePointPicture, ago(this._past.copiedHoursAgo));
    }
  }
}
