import { IPhotoSyncResult, SyncVerdict } from '../../src/models/IPhotoSyncResult';
import { IDisplayPhotos, IPhotoSyncChecker } from '../../src/services/PhotoSyncChecker';

export const CHECKED_AT = new Date('2026-11-26T10:15:00Z');

export function result(verdict: SyncVerdict, withPhotos: boolean = true): IPhotoSyncResult {
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
  return {
    verdict,
    exchangePhoto: withPhotos ? { bytes: jpeg, contentType: 'image/jpeg' } : undefined,
    sharePointPhoto: withPhotos ? { bytes: jpeg, contentType: 'image/jpeg' } : undefined,
    sharePointUpdated: new Date('2026-11-20T09:30:00Z'),
    displayName: 'Megan Bowen',
    checkedAt: CHECKED_AT
  };
}

/** Answers each check with the next queued result (the last one repeats); records `fresh` of every call. */
export class FakeChecker implements IPhotoSyncChecker {
  public readonly calls: boolean[] = [];
  private readonly _results: IPhotoSyncResult[];
  private _pending: Array<() => void> = [];
  public hold: boolean = false;

  public constructor(...results: IPhotoSyncResult[]) {
    this._results = results;
  }

  public check(fresh: boolean): Promise<IPhotoSyncResult> {
    this.calls.push(fresh);
    const next = this._results.length > 1 ? this._results.shift()! : this._results[0];
    if (!this.hold) {
      return Promise.resolve(next);
    }
    return new Promise((resolve) => this._pending.push(() => resolve(next)));
  }

  /** What `remembered()` answers: the verdict a repeat visit paints first (none: a first visit). */
  public rememberedResult: IPhotoSyncResult | undefined;

  public remembered(): IPhotoSyncResult | undefined {
    return this.rememberedResult;
  }

  public displayLoads = 0;

  public loadDisplayPhotos(): Promise<IDisplayPhotos> {
    this.displayLoads++;
    return Promise.resolve({});
  }

  /** Lets held checks finish. */
  public release(): void {
    const pending = this._pending;
    this._pending = [];
    pending.forEach((f) => f());
  }
}
