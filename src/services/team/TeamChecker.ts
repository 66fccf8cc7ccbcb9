import { SharePointProfileLookup } from '../../models/ISharePointProfile';
import { ITeamMember, ITeamPersonResult } from '../../models/ITeam';
import { IPictureBytes } from '../ISharePointProfileService';
import { ComparePhotos } from '../PhotoSyncChecker';
import { ServiceError } from '../ServiceError';
import { ITeamExchangeListener, ITeamExchangeRun } from './TeamGraphPhotos';
import { TeamCheckRun } from './TeamCheckRun';

export { SAVE_EVERY, SHAREPOINT_BATCH_LIMIT } from './TeamCheckRun';

/** Reads other people's SharePoint profiles (picture state), many at once. */
export interface ITeamProfileReader {
  /** One lookup per account, in order; a failure for one person is that person's ServiceError. */
  read(accountNames: ReadonlyArray<string>, signal?: AbortSignal): Promise<Array<SharePointProfileLookup | ServiceError>>;
}

/** Reads other people's Exchange photos (Graph batching): everyone's metadata, and photos as asked for. */
export interface ITeamExchangeReader {
  start(members: ReadonlyArray<ITeamMember>, listener: ITeamExchangeListener, signal?: AbortSignal): ITeamExchangeRun;
}

/** Reads one person's picture from `userphoto.aspx` (the personal part's service does). */
export interface ITeamPictureReader {
  getPicture(accountName: string, size: 'M', fresh: boolean, signal?: AbortSignal): Promise<IPictureBytes>;
}

/** What a person's verdict is remembered with. */
export interface ITeamRemembered {
  fingerprint: string;
  result: ITeamPersonResult;
}

/** Remembers each person's verdict between visits (keyed by account name). */
export interface ITeamVerdictStore {
  load(): Promise<Map<string, ITeamRemembered>>;
  /** Writes these people's entries, and forgets everyone not in `keep` (people no longer on the roster). */
  update(changed: Map<string, ITeamRemembered>, keep: ReadonlySet<string>): Promise<void>;
}

export interface ITeamCheckerOptions {
  /** Profiles read per SharePoint batch after the first (the first is small, so the first verdicts come early). */
  profileChunk?: number;
  firstProfileChunk?: number;
  /** `userphoto.aspx` requests in flight at once. */
  picturesInFlight?: number;
  /** Starts loading the comparison's code, so it is there when the first photos are. */
  preloadComparison?: () => void;
  store?: ITeamVerdictStore;
}


/**
 * Checks a whole roster with the personal part's verdicts. Everyone's metadata comes first (Exchange photo
 * metadata through Graph batches, SharePoint picture state through SharePoint batches), and most verdicts need
 * nothing more. Photos are read only for the people who need them: on a first look (nothing remembered), each
 * side's as soon as that side says there is one; otherwise once both sides' metadata says they are needed.
 * Earlier people go first everywhere, so the top of the list is decided first. Each person is reported through
 * `onResult` once.
 */
export class TeamChecker {
  private readonly _exchange: ITeamExchangeReader;
  private readonly _profiles: ITeamProfileReader;
  private readonly _pictures: ITeamPictureReader;
  private readonly _compare: ComparePhotos;
  private readonly _options: ITeamCheckerOptions;
  /** What `remembered()` just read, for the `check()` that follows it (one read of the store per visit). */
  private _loaded: Promise<Map<string, ITeamRemembered>> | undefined;

  public constructor(exchange: ITeamExchangeReader, profiles: ITeamProfileReader, pictures: ITeamPictureReader, compare: ComparePhotos, options: ITeamCheckerOptions = {}) {
    this._exchange = exchange;
    this._profiles = profiles;
    this._pictures = pictures;
    this._compare = compare;
    this._options = options;
  }

  /** What was remembered for these people, to show at once while the check runs (call it before `check`). */
  public async remembered(members: ReadonlyArray<ITeamMember>): Promise<Array<ITeamPersonResult | undefined>> {
    const loading = this._loadStored();
    this._loaded = loading;
    const stored = await loading;
    return members.map((m) => {
      const entry = stored.get(m.accountName);
      return entry ? { ...entry.result, member: m, fromCache: true } : undefined;
    });
  }

  /** Checks everyone; `onResult(index, result)` once per person. Resolves when all are done; rejects when stopped. */
  public check(members: ReadonlyArray<ITeamMember>, onResult: (index: number, result: ITeamPersonResult) => void, signal?: AbortSignal): Promise<void> {
    const loading = this._loaded || this._loadStored();
    this._loaded = undefined;
    if (this._options.preloadComparison) {
      this._options.preloadComparison();
    }
    const parts = { exchange: this._exchange, profiles: this._profiles, pictures: this._pictures, compare: this._compare, options: this._options };
    return new TeamCheckRun(parts, members, onResult, signal).run(loading);
  }

  private _loadStored(): Promise<Map<string, ITeamRemembered>> {
    const store = this._options.store;
    return store ? store.load().catch(() => new Map<string, ITeamRemembered>()) : Promise.resolve(new Map<string, ITeamRemembered>());
  }
}
