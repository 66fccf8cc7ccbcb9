import { IShownPhoto, SyncVerdict } from '../../models/IPhotoSyncResult';
import { ISharePointProfile, SharePointProfileLookup } from '../../models/ISharePointProfile';
import { ITeamMember, ITeamPersonResult } from '../../models/ITeam';
import { sniffFormat } from '../../comparison/sniffFormat';
import { IPictureBytes } from '../ISharePointProfileService';
import { ComparePhotos, failureVerdict } from '../PhotoSyncChecker';
import { ServiceError } from '../ServiceError';
import { fingerprint, pictureState } from '../VerdictCache';
import { ExchangePhotoLookup } from '../../models/IExchangePhoto';
import { ITeamExchangeRun, TeamExchangeAnswer } from './TeamGraphPhotos';
import { Pool } from './Pool';
import type { ITeamCheckerOptions, ITeamExchangeReader, ITeamPictureReader, ITeamProfileReader, ITeamRemembered } from './TeamChecker';

/** While a check runs, what it decided is saved after every this many people. */
export const SAVE_EVERY = 25;

/** The most requests SharePoint Online takes in one `$batch`. */
export const SHAREPOINT_BATCH_LIMIT = 100;

const CACHEABLE: ReadonlyArray<SyncVerdict['kind']> = ['in-sync', 'out-of-sync', 'sharepoint-placeholder', 'no-exchange-photo', 'no-mailbox'];

export interface ITeamCheckParts {
  exchange: ITeamExchangeReader;
  profiles: ITeamProfileReader;
  pictures: ITeamPictureReader;
  compare: ComparePhotos;
  options: ITeamCheckerOptions;
}

/**
 * One check of a roster, in named steps:
 *  1. `_readMetadata`: everyone's Exchange photo metadata (Graph batches) and SharePoint picture state (SharePoint
 *     batches), each answer looked at as it comes;
 *  2. `_decide`: per person, what the metadata settles (failures, no mailbox, no photo, what was remembered), or else
 *     which photos are needed;
 *  3. `_askPhoto` / `_askPicture`: those photos, the earliest people first;
 *  4. `_compare`: one comparison at a time;
 *  5. `_report` and `_persist`: each person once, and what is decided kept as it goes (and when stopped).
 */
export class TeamCheckRun {
  private readonly _parts: ITeamCheckParts;
  private readonly _members: ReadonlyArray<ITeamMember>;
  private readonly _onResult: (index: number, result: ITeamPersonResult) => void;
  private readonly _signal: AbortSignal | undefined;
  private readonly _metadata: Array<TeamExchangeAnswer | undefined>;
  private readonly _photos: Array<TeamExchangeAnswer | undefined>;
  private readonly _profiles: Array<SharePointProfileLookup | ServiceError | undefined>;
  private readonly _pictureOf: Array<Promise<IPictureBytes> | undefined>;
  private readonly _settled: boolean[];
  private readonly _pictures: Pool;
  private readonly _comparisons = new Pool(1);
  private readonly _pending: Array<Promise<void>> = [];
  /** What earlier visits remembered; nothing is decided before it is read (answers that come sooner wait for it). */
  private _stored: Map<string, ITeamRemembered> | undefined;
  private _exchange: ITeamExchangeRun | undefined;
  private _firstLook = false;
  private _metadataAnswered = 0;
  private _profilesRead = false;
  private _closed = false;
  /** Decisions not written to the store yet. */
  private _unsaved = new Map<string, ITeamRemembered>();
  private _saving: Promise<void> = Promise.resolve();

  public constructor(parts: ITeamCheckParts, members: ReadonlyArray<ITeamMember>, onResult: (index: number, result: ITeamPersonResult) => void, signal?: AbortSignal) {
    this._parts = parts;
    this._members = members;
    this._onResult = onResult;
    this._signal = signal;
    const n = members.length;
    this._metadata = new Array(n);
    this._photos = new Array(n);
    this._profiles = new Array(n);
    this._pictureOf = new Array(n);
    this._settled = new Array(n).fill(false);
    this._pictures = new Pool(parts.options.picturesInFlight || 6);
  }

  /** Resolves when everyone is decided; rejects when stopped. Either way, what was decided is kept. */
  public async run(stored: Promise<Map<string, ITeamRemembered>>): Promise<void> {
    const metadata = this._readMetadata();
    this._stored = await stored;
    this._firstLook = this._stored.size === 0;
    // Answers that came before the remembered verdicts were read.
    for (let i = 0; i < this._members.length; i++) {
      this._decide(i);
    }
    this._maybeClose();
    try {
      await metadata;
      await Promise.all(this._pending);
    } finally {
      await this._persist();
    }
    throwIfAborted(this._signal);
  }

  /** Step 1: both sides' metadata for everyone; each answer is looked at as it comes. */
  private _readMetadata(): Promise<unknown> {
    this._exchange = this._parts.exchange.start(
      this._members,
      {
        onMetadata: (i, answer) => {
          this._metadata[i] = answer;
          this._metadataAnswered++;
          this._decide(i);
          this._maybeClose();
        },
        onPhoto: (i, answer) => {
          this._photos[i] = answer;
          this._decide(i);
        }
      },
      this._signal
    );
    const sharePoint = this._readProfiles().then(() => {
      this._profilesRead = true;
      this._maybeClose();
    });
    return Promise.all([this._exchange.done, sharePoint]);
  }

  /** Once everyone's metadata is in and looked at, no more photos can be asked for. */
  private _maybeClose(): void {
    if (!this._closed && this._stored && this._profilesRead && this._metadataAnswered === this._members.length) {
      this._closed = true;
      this._exchange!.close();
    }
  }

  /** Step 2: what this person's answers so far settle, or which photos they still need. */
  private _decide(i: number): void {
    if (!this._stored || this._settled[i]) {
      return;
    }
    const member = this._members[i];
    const answer = this._metadata[i];
    const profile = this._profiles[i];
    if (this._firstLook) {
      // Nothing remembered at all: each side's picture is asked for as soon as that side says there is one.
      if (answer && answer.kind === 'lookup' && answer.lookup.kind === 'photo') {
        this._askPhoto(i);
      }
      if (profile && !(profile instanceof ServiceError) && profile.kind === 'profile' && !profile.profile.placeholder) {
        this._askPicture(i).catch(() => undefined);
      }
    }
    if (!answer || !profile) {
      return;
    }
    if (answer.kind === 'failed') {
      return this._report(i, { member, verdict: { kind: 'could-not-check', reason: answer.reason, service: 'exchange', retryAfterSeconds: answer.retryAfterSeconds } });
    }
    if (profile instanceof ServiceError) {
      return this._report(i, { member, verdict: failureVerdict(profile) });
    }
    const lookup = answer.lookup;
    if (lookup.kind === 'no-mailbox') {
      return this._report(i, { member, verdict: { kind: 'no-mailbox' } }, fingerprint(lookup, undefined));
    }
    if (profile.kind === 'not-found') {
      return this._report(i, { member, verdict: { kind: 'could-not-check', reason: 'profile-not-found', service: 'sharepoint' } });
    }
    const print = fingerprint(lookup, profile.profile);
    const remembered = this._stored.get(member.accountName);
    if (remembered && remembered.fingerprint === print) {
      return this._report(i, { ...remembered.result, member, fromCache: true }, print);
    }
    this._decideWithPhotos(i, lookup, profile.profile, print);
  }

  /** Step 2, continued: the Exchange photo (asked for now if not yet), then the comparison, which needs both. */
  private _decideWithPhotos(i: number, lookup: ExchangePhotoLookup, profile: ISharePointProfile, print: string): void {
    const member = this._members[i];
    const updated = profile.pictureTimestamp;
    if (lookup.kind === 'none') {
      return this._report(i, { member, verdict: { kind: 'no-exchange-photo' }, sharePointUpdated: updated }, print);
    }
    this._askPhoto(i);
    const photo = this._photos[i];
    if (!photo) {
      return;
    }
    if (photo.kind === 'failed') {
      return this._report(i, { member, verdict: { kind: 'could-not-check', reason: photo.reason, service: 'exchange', retryAfterSeconds: photo.retryAfterSeconds } });
    }
    if (!photo.bytes) {
      return this._report(i, { member, verdict: { kind: 'no-exchange-photo' }, sharePointUpdated: updated }, print);
    }
    const exchangePhoto = shown(photo.bytes);
    if (profile.placeholder) {
      return this._report(i, { member, verdict: { kind: 'sharepoint-placeholder' }, exchangePhoto, sharePointUpdated: updated }, print);
    }
    this._settled[i] = true;
    this._pending.push(this._compare(i, photo.bytes, exchangePhoto, updated).then((result) => this._report(i, result, result.verdict.kind === 'could-not-check' ? undefined : print)));
  }

  /** Step 3: the person's Exchange photo, through the Graph side's queue. */
  private _askPhoto(i: number): void {
    if (this._exchange) {
      this._exchange.photo(i);
    }
  }

  /** Step 3: SharePoint's picture of the person, once, earliest people first. */
  private _askPicture(i: number): Promise<IPictureBytes> {
    let p = this._pictureOf[i];
    if (!p) {
      p = this._pictures.run(() => this._parts.pictures.getPicture(this._members[i].accountName, 'M', false, this._signal), i);
      p.catch(() => undefined); // a picture asked for early and not needed after all is not an error
      this._pictureOf[i] = p;
    }
    return p;
  }

  /** Step 4: both photos compared, one comparison at a time; any failure is that person's verdict. */
  private _compare(i: number, bytes: Uint8Array, exchangePhoto: IShownPhoto, updated: Date | undefined): Promise<ITeamPersonResult> {
    const member = this._members[i];
    return this._askPicture(i).then(
      (got) =>
        this._comparisons.run(
          () =>
            this._parts.compare(bytes, got.bytes).then(
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
    );
  }

  /** Step 5: each person once, with SharePoint's picture state as the profile says now; decisions are kept. */
  private _report(i: number, found: ITeamPersonResult, print?: string): void {
    this._settled[i] = true;
    if (this._signal && this._signal.aborted) {
      return;
    }
    const profile = this._profiles[i];
    const result = profile && !(profile instanceof ServiceError) && profile.kind === 'profile' ? { ...found, sharePointPicture: pictureState(profile.profile) } : found;
    const account = this._members[i].accountName;
    const remembered = this._stored && this._stored.get(account);
    // Remembered and unchanged: already kept as it is.
    if (print && CACHEABLE.indexOf(result.verdict.kind) >= 0 && !(remembered && remembered.fingerprint === print)) {
      this._unsaved.set(account, { fingerprint: print, result: { ...result, fromCache: undefined } });
      if (this._unsaved.size >= SAVE_EVERY) {
        this._persist().catch(() => undefined);
      }
    }
    this._onResult(i, result);
  }

  /**
   * Step 5: keeps what is decided so far: a check of a large site spans visits, and stopping or leaving the page loses
   * little. Only the decisions since the last save are written; people no longer on the roster are forgotten, people
   * not decided this time keep what was remembered. Saves run one after another.
   */
  private _persist(): Promise<void> {
    const store = this._parts.options.store;
    if (!store || !this._stored) {
      return this._saving;
    }
    const changed = this._unsaved;
    this._unsaved = new Map<string, ITeamRemembered>();
    const keep = new Set(this._members.map((m) => m.accountName));
    this._saving = this._saving.then(() => store.update(changed, keep)).catch(() => undefined);
    return this._saving;
  }

  /**
   * Step 1, SharePoint's side: profiles in batches. The first round of chunks (one per batch in flight) is small, so
   * the first verdicts come early: SharePoint answers a batch's requests one after another.
   */
  private async _readProfiles(): Promise<void> {
    const members = this._members;
    const options = this._parts.options;
    const inFlight = 2;
    const first = options.firstProfileChunk || 40;
    const chunk = Math.min(SHAREPOINT_BATCH_LIMIT, options.profileChunk || SHAREPOINT_BATCH_LIMIT);
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
          throwIfAborted(this._signal);
          const accounts = members.slice(from, to).map((m) => m.accountName);
          let lookups: Array<SharePointProfileLookup | ServiceError>;
          try {
            lookups = await this._parts.profiles.read(accounts, this._signal);
          } catch (e) {
            const error = e instanceof ServiceError ? e : new ServiceError('sharepoint', 'network', e instanceof Error ? e.message : String(e));
            lookups = accounts.map(() => error);
          }
          lookups.forEach((lookup, k) => {
            this._profiles[from + k] = lookup;
            this._decide(from + k);
          });
        })
      )
    );
  }
}

function shown(bytes: Uint8Array): IShownPhoto {
  return { bytes, contentType: `image/${sniffFormat(bytes)}` };
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal && signal.aborted) {
    throw new Error('aborted');
  }
}
