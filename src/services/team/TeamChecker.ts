import { IShownPhoto, SyncVerdict } from '../../models/IPhotoSyncResult';
import { SharePointProfileLookup } from '../../models/ISharePointProfile';
import { ITeamMember, ITeamPersonResult } from '../../models/ITeam';
import { sniffFormat } from '../../comparison/sniffFormat';
import { IPictureBytes } from '../ISharePointProfileService';
import { ComparePhotos, failureVerdict } from '../PhotoSyncChecker';
import { ServiceError } from '../ServiceError';
import { fingerprint, pictureState } from '../VerdictCache';
import { ITeamExchangeListener, ITeamExchangeRun, TeamExchangeAnswer } from './TeamGraphPhotos';
import { Pool } from './Pool';

/** The most requests SharePoint Online takes in one `$batch`. */
export const SHAREPOINT_BATCH_LIMIT = 100;

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
  save(entries: Map<string, ITeamRemembered>): Promise<void>;
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

/** While a check runs, what it decided is saved after every this many people. */
export const SAVE_EVERY = 25;

const CACHEABLE: ReadonlyArray<SyncVerdict['kind']> = ['in-sync', 'out-of-sync', 'sharepoint-placeholder', 'no-exchange-photo', 'no-mailbox'];

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
  public async check(members: ReadonlyArray<ITeamMember>, onResult: (index: number, result: ITeamPersonResult) => void, signal?: AbortSignal): Promise<void> {
    const loading = this._loaded || this._loadStored();
    this._loaded = undefined;
    if (this._options.preloadComparison) {
      this._options.preloadComparison();
    }
    const n = members.length;
    const metadata: Array<TeamExchangeAnswer | undefined> = new Array(n);
    const photos: Array<TeamExchangeAnswer | undefined> = new Array(n);
    const profiles: Array<SharePointProfileLookup | ServiceError | undefined> = new Array(n);
    const pictureOf: Array<Promise<IPictureBytes> | undefined> = new Array(n);
    const settled: boolean[] = new Array(n).fill(false);
    const next = new Map<string, ITeamRemembered>();
    const pictures = new Pool(this._options.picturesInFlight || 6);
    const comparisons = new Pool(1);
    const pending: Array<Promise<void>> = [];
    // Read before anything is decided (answers that come sooner wait for it); `exchange` is the Graph side's run.
    let stored: Map<string, ITeamRemembered> | undefined = undefined;
    let exchange: ITeamExchangeRun | undefined = undefined;
    let firstLook = false;
    let metadataAnswered = 0;
    let profilesRead = false;
    let closed = false;
    let decidedSinceSave = 0;
    let saving: Promise<void> = Promise.resolve();

    const report = (i: number, found: ITeamPersonResult, print?: string): void => {
      settled[i] = true;
      if (signal && signal.aborted) {
        return;
      }
      // SharePoint's picture as the profile says now (its Exchange sync state decides the person's next step).
      const profile = profiles[i];
      const result = profile && !(profile instanceof ServiceError) && profile.kind === 'profile' ? { ...found, sharePointPicture: pictureState(profile.profile) } : found;
      if (print && CACHEABLE.indexOf(result.verdict.kind) >= 0) {
        next.set(members[i].accountName, { fingerprint: print, result: { ...result, fromCache: undefined } });
        if (++decidedSinceSave >= SAVE_EVERY) {
          persist();
        }
      }
      onResult(i, result);
    };
    /**
     * Keeps what is decided so far (and what was remembered for the people not decided yet): a check of a large
     * site spans visits, and stopping or leaving the page loses little. Saves run one after another.
     */
    const persist = (): Promise<void> => {
      const store = this._options.store;
      if (!store || !stored) {
        return saving;
      }
      decidedSinceSave = 0;
      const snapshot = new Map(next);
      for (const m of members) {
        if (!snapshot.has(m.accountName) && stored.has(m.accountName)) {
          snapshot.set(m.accountName, stored.get(m.accountName)!);
        }
      }
      saving = saving.then(() => store.save(snapshot)).catch(() => undefined);
      return saving;
    };
    const askPicture = (i: number): Promise<IPictureBytes> => {
      let p = pictureOf[i];
      if (!p) {
        p = pictures.run(() => this._pictures.getPicture(members[i].accountName, 'M', false, signal), i);
        p.catch(() => undefined); // a picture asked for early and not needed after all is not an error
        pictureOf[i] = p;
      }
      return p;
    };
    const askPhoto = (i: number): void => {
      if (exchange) {
        exchange.photo(i);
      }
    };

    const step = (i: number): void => {
      if (!stored || settled[i]) {
        return;
      }
      const member = members[i];
      const answer = metadata[i];
      const profile = profiles[i];
      if (firstLook) {
        // Nothing remembered at all: each side's picture is asked for as soon as that side says there is one.
        if (answer && answer.kind === 'lookup' && answer.lookup.kind === 'photo') {
          askPhoto(i);
        }
        if (profile && !(profile instanceof ServiceError) && profile.kind === 'profile' && !profile.profile.placeholder) {
          askPicture(i).catch(() => undefined);
        }
      }
      if (!answer || !profile) {
        return;
      }
      if (answer.kind === 'failed') {
        return report(i, { member, verdict: { kind: 'could-not-check', reason: answer.reason, service: 'exchange', retryAfterSeconds: answer.retryAfterSeconds } });
      }
      if (profile instanceof ServiceError) {
        return report(i, { member, verdict: failureVerdict(profile) });
      }
      const lookup = answer.lookup;
      if (lookup.kind === 'no-mailbox') {
        return report(i, { member, verdict: { kind: 'no-mailbox' } }, fingerprint(lookup, undefined));
      }
      if (profile.kind === 'not-found') {
        return report(i, { member, verdict: { kind: 'could-not-check', reason: 'profile-not-found', service: 'sharepoint' } });
      }
      const print = fingerprint(lookup, profile.profile);
      const updated = profile.profile.pictureTimestamp;
      const remembered = stored.get(member.accountName);
      if (remembered && remembered.fingerprint === print) {
        return report(i, { ...remembered.result, member, fromCache: true }, print);
      }
      if (lookup.kind === 'none') {
        return report(i, { member, verdict: { kind: 'no-exchange-photo' }, sharePointUpdated: updated }, print);
      }
      // The photo is needed (to show, and to compare): asked for now if it was not already.
      askPhoto(i);
      const photo = photos[i];
      if (!photo) {
        return;
      }
      if (photo.kind === 'failed') {
        return report(i, { member, verdict: { kind: 'could-not-check', reason: photo.reason, service: 'exchange', retryAfterSeconds: photo.retryAfterSeconds } });
      }
      if (!photo.bytes) {
        return report(i, { member, verdict: { kind: 'no-exchange-photo' }, sharePointUpdated: updated }, print);
      }
      const bytes = photo.bytes;
      const exchangePhoto = shown(bytes);
      if (profile.profile.placeholder) {
        return report(i, { member, verdict: { kind: 'sharepoint-placeholder' }, exchangePhoto, sharePointUpdated: updated }, print);
      }
      settled[i] = true;
      pending.push(
        askPicture(i)
          .then(
            (got) =>
              comparisons.run(
                () =>
                  this._compare(bytes, got.bytes).then(
                    (c): ITeamPersonResult => ({
                      member,
                      verdict: c.verdict === 'same' ? { kind: 'in-sync', distance: c.distance } : { kind: 'out-of-sync', distance: c.distance },
                      exchangePhoto,
                      sharePointPhoto: got,
                      sharePointUpdated: updated
                    }),
                    (e: unknown): ITeamPersonResult => ({ member, verdict: failureVerdict(e), exchangePhoto, sharePointPhoto: got, sharePointUpdated: updated })
                  ),
                i
              ),
            (e: unknown): ITeamPersonResult => ({ member, verdict: failureVerdict(e), exchangePhoto, sharePointUpdated: updated })
          )
          .then((result) => report(i, result, result.verdict.kind === 'could-not-check' ? undefined : print))
      );
    };
    /** Once everyone's metadata is in and looked at, no more photos can be asked for. */
    const maybeClose = (): void => {
      if (!closed && stored && profilesRead && metadataAnswered === n) {
        closed = true;
        exchange!.close();
      }
    };

    exchange = this._exchange.start(
      members,
      {
        onMetadata: (i, answer) => {
          metadata[i] = answer;
          metadataAnswered++;
          step(i);
          maybeClose();
        },
        onPhoto: (i, answer) => {
          photos[i] = answer;
          step(i);
        }
      },
      signal
    );
    const sharePoint = this._readProfiles(
      members,
      (i, profile) => {
        profiles[i] = profile;
        step(i);
      },
      signal
    ).then(() => {
      profilesRead = true;
      maybeClose();
    });
    stored = await loading;
    firstLook = stored.size === 0;
    // Answers that came before the remembered verdicts were read.
    for (let i = 0; i < n; i++) {
      step(i);
    }
    maybeClose();
    try {
      await Promise.all([exchange.done, sharePoint]);
      await Promise.all(pending);
    } finally {
      // Done or stopped: what was decided is kept. People no longer on the roster are forgotten; people not
      // decided this time keep what was remembered.
      await persist();
    }
    throwIfAborted(signal);
  }

  private _loadStored(): Promise<Map<string, ITeamRemembered>> {
    const store = this._options.store;
    return store ? store.load().catch(() => new Map<string, ITeamRemembered>()) : Promise.resolve(new Map<string, ITeamRemembered>());
  }

  private async _readProfiles(
    members: ReadonlyArray<ITeamMember>,
    onProfile: (index: number, lookup: SharePointProfileLookup | ServiceError) => void,
    signal?: AbortSignal
  ): Promise<void> {
    // The first round of chunks (one per batch in flight) is small, so the first verdicts come early: SharePoint
    // answers a batch's requests one after another. Together they cover the first round of Graph batches.
    const inFlight = 2;
    const first = this._options.firstProfileChunk || 40;
    const chunk = Math.min(SHAREPOINT_BATCH_LIMIT, this._options.profileChunk || SHAREPOINT_BATCH_LIMIT);
    const chunks: Array<[number, number]> = [];
    for (let start = 0; start < members.length; ) {
      const size = chunks.length < inFlight ? first : chunk;
      chunks.push([start, Math.min(members.length, start + size)]);
      start += size;
    }
    // Two SharePoint batches in flight: the browser's six connections are shared with Graph and the pictures.
    const pool = new Pool(inFlight);
    await Promise.all(
      chunks.map(([from, to]) =>
        pool.run(async () => {
          throwIfAborted(signal);
          const accounts = members.slice(from, to).map((m) => m.accountName);
          let lookups: Array<SharePointProfileLookup | ServiceError>;
          try {
            lookups = await this._profiles.read(accounts, signal);
          } catch (e) {
            const error = e instanceof ServiceError ? e : new ServiceError('sharepoint', 'network', e instanceof Error ? e.message : String(e));
            lookups = accounts.map(() => error);
          }
          lookups.forEach((lookup, k) => onProfile(from + k, lookup));
        })
      )
    );
  }
}

function shown(bytes: Uint8Array): IShownPhoto {
  return { bytes, contentType: `image/${sniffFormat(bytes)}` };
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal && signal.aborted) {
    throw new Error('aborted');
  }
}

