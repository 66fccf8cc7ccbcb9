import { IShownPhoto, SyncVerdict } from '../../models/IPhotoSyncResult';
import { SharePointProfileLookup } from '../../models/ISharePointProfile';
import { ITeamMember, ITeamPersonResult } from '../../models/ITeam';
import { sniffFormat } from '../../comparison/sniffFormat';
import { IPictureBytes } from '../ISharePointProfileService';
import { ComparePhotos, failureVerdict } from '../PhotoSyncChecker';
import { ServiceError } from '../ServiceError';
import { fingerprint } from '../VerdictCache';
import { TeamExchangeAnswer } from './TeamGraphPhotos';
import { Pool } from './Pool';

/** Reads other people's SharePoint profiles (picture state), many at once. */
export interface ITeamProfileReader {
  /** One lookup per account, in order; a failure for one person is that person's ServiceError. */
  read(accountNames: ReadonlyArray<string>, signal?: AbortSignal): Promise<Array<SharePointProfileLookup | ServiceError>>;
}

/** Reads other people's Exchange photos (Graph batching). */
export interface ITeamExchangeReader {
  read(
    members: ReadonlyArray<ITeamMember>,
    withPhoto: (member: ITeamMember) => boolean,
    onPerson: (index: number, answer: TeamExchangeAnswer) => void,
    signal?: AbortSignal
  ): Promise<void>;
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
  /**
   * On a first visit, the pictures of this many people at the top of the list are asked for at once, before their
   * metadata says whether a comparison is needed: the first verdicts need them, and they take two requests each
   * (SharePoint Online redirects `userphoto.aspx`).
   */
  earlyPictures?: number;
  store?: ITeamVerdictStore;
}

const CACHEABLE: ReadonlyArray<SyncVerdict['kind']> = ['in-sync', 'out-of-sync', 'sharepoint-placeholder', 'no-exchange-photo', 'no-mailbox'];

/**
 * Checks a whole roster with the personal part's verdicts: Exchange photos through Graph batches, SharePoint
 * profiles through SharePoint batches and pictures a few at a time, all at once; each person is decided (metadata
 * first, then the same comparison) as soon as their pieces are in, and reported through `onResult`.
 */
export class TeamChecker {
  private readonly _exchange: ITeamExchangeReader;
  private readonly _profiles: ITeamProfileReader;
  private readonly _pictures: ITeamPictureReader;
  private readonly _compare: ComparePhotos;
  private readonly _options: ITeamCheckerOptions;

  public constructor(exchange: ITeamExchangeReader, profiles: ITeamProfileReader, pictures: ITeamPictureReader, compare: ComparePhotos, options: ITeamCheckerOptions = {}) {
    this._exchange = exchange;
    this._profiles = profiles;
    this._pictures = pictures;
    this._compare = compare;
    this._options = options;
  }

  /** What was remembered for these people, to show at once while the check runs. */
  public async remembered(members: ReadonlyArray<ITeamMember>): Promise<Array<ITeamPersonResult | undefined>> {
    const stored = this._options.store ? await this._options.store.load().catch(() => new Map<string, ITeamRemembered>()) : new Map<string, ITeamRemembered>();
    return members.map((m) => {
      const entry = stored.get(m.accountName);
      return entry ? { ...entry.result, member: m, fromCache: true } : undefined;
    });
  }

  /** Checks everyone; `onResult(index, result)` once per person. Resolves when all are done; rejects when stopped. */
  public async check(members: ReadonlyArray<ITeamMember>, onResult: (index: number, result: ITeamPersonResult) => void, signal?: AbortSignal): Promise<void> {
    const store = this._options.store;
    const stored = store ? await store.load().catch(() => new Map<string, ITeamRemembered>()) : new Map<string, ITeamRemembered>();
    const next = new Map<string, ITeamRemembered>();
    const exchange: Array<TeamExchangeAnswer | undefined> = members.map(() => undefined);
    const profiles: Array<SharePointProfileLookup | ServiceError | undefined> = members.map(() => undefined);
    const decided: boolean[] = members.map(() => false);
    const photoLater: number[] = [];
    const pictures = new Pool(this._options.picturesInFlight || 4);
    const comparisons = new Pool(1);
    const pending: Array<Promise<void>> = [];

    const firstVisit = stored.size === 0;
    const early: Array<Promise<IPictureBytes> | undefined> = members.map((m, i) =>
      firstVisit && i < (this._options.earlyPictures === undefined ? 6 : this._options.earlyPictures)
        ? pictures.run(() => this._pictures.getPicture(m.accountName, 'M', false, signal))
        : undefined
    );
    // An early picture nobody needs (no photo to compare it with) is not an error.
    early.forEach((p) => p && p.catch(() => undefined));
    const report = (i: number, result: ITeamPersonResult, print?: string): void => {
      decided[i] = true;
      if (print && CACHEABLE.indexOf(result.verdict.kind) >= 0) {
        next.set(members[i].accountName, { fingerprint: print, result: { ...result, fromCache: undefined } });
      }
      onResult(i, result);
    };

    const decide = (i: number): void => {
      const answer = exchange[i];
      const profile = profiles[i];
      if (decided[i] || !answer || !profile) {
        return;
      }
      const member = members[i];
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
      const exchangePhoto = answer.bytes ? shown(answer.bytes) : undefined;
      if (lookup.kind === 'none') {
        return report(i, { member, verdict: { kind: 'no-exchange-photo' }, sharePointUpdated: updated }, print);
      }
      if (!answer.bytes) {
        // Only the metadata was read (a remembered verdict was expected) and it changed: read the photo after all.
        photoLater.push(i);
        return;
      }
      if (profile.profile.placeholder) {
        return report(i, { member, verdict: { kind: 'sharepoint-placeholder' }, exchangePhoto, sharePointUpdated: updated }, print);
      }
      decided[i] = true;
      const picture = early[i] || pictures.run(() => this._pictures.getPicture(member.accountName, 'M', false, signal));
      pending.push(
        picture
          .then(
            (picture) =>
              comparisons.run(() =>
                this._compare(answer.bytes!, picture.bytes).then(
                  (c): ITeamPersonResult => ({
                    member,
                    verdict: c.verdict === 'same' ? { kind: 'in-sync', distance: c.distance } : { kind: 'out-of-sync', distance: c.distance },
                    exchangePhoto,
                    sharePointPhoto: picture,
                    sharePointUpdated: updated
                  }),
                  (e: unknown): ITeamPersonResult => ({ member, verdict: failureVerdict(e), exchangePhoto, sharePointPhoto: picture, sharePointUpdated: updated })
                )
              ),
            (e: unknown): ITeamPersonResult => ({ member, verdict: failureVerdict(e), exchangePhoto, sharePointUpdated: updated })
          )
          .then((result) => {
            if (!signal || !signal.aborted) {
              report(i, result, result.verdict.kind === 'could-not-check' ? undefined : print);
            }
          })
      );
    };

    // A first visit reads everyone's photo with their metadata (one batch round); a repeat visit reads metadata
    // alone, and photos only for the people whose photos changed or who were never decided: no image otherwise.
    const graph = this._exchange.read(
      members,
      () => firstVisit,
      (i, answer) => {
        exchange[i] = answer;
        decide(i);
      },
      signal
    );
    const sharePoint = this._readProfiles(members, profiles, decide, signal);
    await Promise.all([graph, sharePoint]);
    if (photoLater.length > 0) {
      const later = photoLater.splice(0);
      await this._exchange.read(
        later.map((i) => members[i]),
        () => true,
        (j, answer) => {
          const i = later[j];
          exchange[i] = answer;
          decide(i);
        },
        signal
      );
    }
    await Promise.all(pending);
    throwIfAborted(signal);
    if (store) {
      // People no longer on the roster are forgotten; people not decided this time keep what was remembered.
      for (const m of members) {
        if (!next.has(m.accountName) && stored.has(m.accountName)) {
          next.set(m.accountName, stored.get(m.accountName)!);
        }
      }
      await store.save(next).catch(() => undefined);
    }
  }

  private async _readProfiles(
    members: ReadonlyArray<ITeamMember>,
    out: Array<SharePointProfileLookup | ServiceError | undefined>,
    decide: (i: number) => void,
    signal?: AbortSignal
  ): Promise<void> {
    // The first chunk covers the people in the first round of Graph batches (4 batches of 10 people).
    const first = this._options.firstProfileChunk || 40;
    const chunk = this._options.profileChunk || 100;
    const chunks: Array<[number, number]> = [];
    for (let start = 0; start < members.length; ) {
      const size = start === 0 ? first : chunk;
      chunks.push([start, Math.min(members.length, start + size)]);
      start += size;
    }
    // Two SharePoint batches in flight: the browser's six connections are shared with Graph and the pictures.
    const pool = new Pool(2);
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
          lookups.forEach((lookup, k) => {
            out[from + k] = lookup;
            decide(from + k);
          });
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

