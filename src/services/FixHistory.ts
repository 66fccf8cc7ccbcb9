import { CopyAttemptOutcome, IFixHistory, ISharePointPictureState } from '../models/INextStep';
import { IStringStore } from './VerdictCache';

/** What this person tried to get SharePoint to show their photo, remembered in their browser. */
export interface IFixHistoryStore {
  /** The history for the Exchange photo they have now; none when they changed photo since (a new start). */
  read(exchangeTag: string | undefined): IFixHistory | undefined;
  /** "I've done the steps", with SharePoint's picture at that moment. */
  recordSteps(exchangeTag: string, picture: ISharePointPictureState | undefined, at: Date): IFixHistory;
  /** How a copy ended, with SharePoint's picture before it. */
  recordCopy(exchangeTag: string, outcome: CopyAttemptOutcome, picture: ISharePointPictureState | undefined, at: Date): IFixHistory;
}

interface IStoredHistory extends IFixHistory {
  version: 1;
}

/** One entry per user (the key), next to the verdict cache; a storage that fails is simply not used. */
export class FixHistory implements IFixHistoryStore {
  private readonly _store: IStringStore | undefined;
  private readonly _key: string;

  public constructor(store: IStringStore | undefined, key: string) {
    this._store = store;
    this._key = key;
  }

  public read(exchangeTag: string | undefined): IFixHistory | undefined {
    const stored = this._load();
    return stored && exchangeTag !== undefined && stored.exchangeTag === exchangeTag ? stored : undefined;
  }

  public recordSteps(exchangeTag: string, picture: ISharePointPictureState | undefined, at: Date): IFixHistory {
    return this._save({ ...this._current(exchangeTag), stepsDoneAt: at.toISOString(), stepsPicture: picture });
  }

  public recordCopy(exchangeTag: string, outcome: CopyAttemptOutcome, picture: ISharePointPictureState | undefined, at: Date): IFixHistory {
    return this._save({ ...this._current(exchangeTag), copy: { at: at.toISOString(), outcome, picture } });
  }

  /** The history to add to: this photo's, or a new one. */
  private _current(exchangeTag: string): IFixHistory {
    return this.read(exchangeTag) || { exchangeTag };
  }

  private _load(): IStoredHistory | undefined {
    try {
      const raw = this._store && this._store.getItem(this._key);
      const parsed = raw ? (JSON.parse(raw) as IStoredHistory) : undefined;
      return parsed && parsed.version === 1 && typeof parsed.exchangeTag === 'string' ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  private _save(history: IFixHistory): IFixHistory {
    try {
      if (this._store) {
        const stored: IStoredHistory = { version: 1, ...history };
        this._store.setItem(this._key, JSON.stringify(stored));
      }
    } catch {
      // Storage full or blocked: this visit still knows; the next one starts afresh.
    }
    return history;
  }
}
