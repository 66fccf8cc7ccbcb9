import type { IPhotoComparison } from '../comparison';
import { isPhotoDecodeError } from '../comparison/PhotoDecodeError';
import { sniffFormat } from '../comparison/sniffFormat';
import { ExchangePhotoLookup } from '../models/IExchangePhoto';
import { IPhotoSyncResult, IShownPhoto, SyncVerdict } from '../models/IPhotoSyncResult';
import { SharePointPhotoSize, SharePointProfileLookup } from '../models/ISharePointProfile';
import { IExchangePhotoService } from './IExchangePhotoService';
import { IPictureBytes, ISharePointProfileService } from './ISharePointProfileService';
import { isServiceError } from './ServiceError';
import { exchangeTag, fingerprint, IVerdictCache, pictureState } from './VerdictCache';

export type ComparePhotos = (exchange: Uint8Array, sharePoint: Uint8Array) => Promise<IPhotoComparison>;

/** Sharper copies of the photos, for display only (the verdict never depends on them). */
export interface IDisplayPhotos {
  exchangePhoto?: IShownPhoto;
  sharePointPhoto?: IShownPhoto;
}

/** What the components call: one check of both photos, always ending in a verdict. */
export interface IPhotoSyncChecker {
  /** `fresh`: bypass the browser cache (the user asked to check again). Never rejects. */
  check(fresh: boolean): Promise<IPhotoSyncResult>;
  /**
   * The verdict the last visit remembered, at once and without a request (undefined when there is none): a repeat
   * visit shows it in its first paint while `check` confirms it.
   */
  remembered?(): IPhotoSyncResult | undefined;
  /**
   * The photos of the last full check at display size (Graph 240, SharePoint L), fetched after the verdict.
   * Resolves with what it could get; never rejects.
   */
  loadDisplayPhotos(): Promise<IDisplayPhotos>;
}

/** Display sizes: sharp in the card's 120 CSS px circles on 2x screens. */
export const DISPLAY_EXCHANGE_SIZE = 240;
export const DISPLAY_SHAREPOINT_SIZE: SharePointPhotoSize = 'L';

/**
 * The sizes compared (and shown): Graph's 96x96 against SharePoint's M thumbnail (72x72), the smallest pair that
 * keeps every verdict right on the test photographs (comparePhotos.test.ts) at a few KB each.
 */
export const EXCHANGE_PHOTO_SIZE = 96;
export const SHAREPOINT_PHOTO_SIZE: SharePointPhotoSize = 'M';

export interface IPhotoSyncCheckerOptions {
  now?: () => Date;
  /** The whole check ends by then. */
  timeLimitMs?: number;
  /** Remembers verdicts between visits; absent: every check is in full. */
  cache?: IVerdictCache;
  /** Starts loading the comparison code early, alongside the photo requests. */
  preloadComparison?: () => void;
  /**
   * The signed-in user's login name as the page knows it (SPFx `pageContext.user.loginName`). When nothing is
   * remembered (a first visit) or the user asked to check again, SharePoint's picture is asked for with it alongside
   * the metadata instead of after it: SharePoint Online answers `userphoto.aspx` with a redirect, so its picture
   * takes a round trip longer than Graph's. Repeat visits still download no image.
   */
  accountHint?: string;
}

/** The whole check (both sides, retries included) ends by then, with a "took too long" verdict. */
export const CHECK_TIME_LIMIT_MS = 30000;

/**
 * Decides the verdict from metadata first (no mailbox, no Exchange photo, SharePoint placeholder) and from the
 * pixels only when both sides have a real photo. Both metadata requests, then both photo requests, go out together.
 */
export class PhotoSyncChecker implements IPhotoSyncChecker {
  private readonly _exchange: IExchangePhotoService;
  private readonly _sharePoint: ISharePointProfileService;
  private readonly _compare: ComparePhotos;
  private readonly _now: () => Date;
  private readonly _timeLimitMs: number;
  private readonly _cache: IVerdictCache | undefined;
  private readonly _preload: () => void;
  private readonly _accountHint: string | undefined;
  private _running: Promise<IPhotoSyncResult> | undefined;
  private _prefetched: Promise<IPhotoSyncResult> | undefined;
  /** What the last full check read, for loading its photos at display size. */
  private _last: { lookup: ExchangePhotoLookup; account: string; sharePointReadable: boolean } | undefined;

  public constructor(exchange: IExchangePhotoService, sharePoint: ISharePointProfileService, compare: ComparePhotos, options: IPhotoSyncCheckerOptions = {}) {
    this._exchange = exchange;
    this._sharePoint = sharePoint;
    this._compare = compare;
    this._now = options.now || (() => new Date());
    this._timeLimitMs = options.timeLimitMs || CHECK_TIME_LIMIT_MS;
    this._cache = options.cache;
    this._preload = options.preloadComparison || (() => undefined);
    this._accountHint = options.accountHint;
  }

  /**
   * Starts the first check before anything renders (PnPjs sends each request a task later, so a check begun
   * after React's first paint starts late). The first `check(false)` afterwards takes this check over.
   */
  public prefetch(): void {
    if (!this._prefetched) {
      this._prefetched = this.check(false);
    }
  }

  public remembered(): IPhotoSyncResult | undefined {
    return this._cache ? this._cache.last() : undefined;
  }

  /** One check at a time: a call while one runs gets that check's result. */
  public check(fresh: boolean): Promise<IPhotoSyncResult> {
    const prefetched = this._prefetched;
    if (prefetched && !fresh) {
      this._prefetched = undefined;
      return prefetched;
    }
    this._prefetched = undefined;
    if (!this._running) {
      this._running = this._checkWithinLimit(fresh).then((result) => {
        this._running = undefined;
        return result;
      });
    }
    return this._running;
  }

  /** Runs the check; past the time limit, cancels its requests and says it took too long. */
  private _checkWithinLimit(fresh: boolean): Promise<IPhotoSyncResult> {
    const controller = new AbortController();
    return new Promise<IPhotoSyncResult>((resolve) => {
      const timer = setTimeout(() => {
        controller.abort();
        resolve(this._result({ kind: 'could-not-check', reason: 'timeout' }));
      }, this._timeLimitMs);
      this._run(fresh, controller.signal).then(
        (result) => {
          clearTimeout(timer);
          resolve(result);
        },
        (e: unknown) => {
          clearTimeout(timer);
          resolve(this._result(failureVerdict(e)));
        }
      );
    });
  }

  private async _run(fresh: boolean, signal: AbortSignal): Promise<IPhotoSyncResult> {
    const early = this._earlyPicture(fresh, signal);
    const [exchangeMeta, sharePointMeta] = await Promise.all([
      settle(this._exchange.getPhotoMetadata(signal)),
      settle(this._sharePoint.getMyProfile(signal))
    ]);
    if (!exchangeMeta.ok || !sharePointMeta.ok) {
      return this._partial(exchangeMeta, sharePointMeta, fresh, signal, early);
    }
    const lookup = exchangeMeta.value;
    const profile = sharePointMeta.value;
    if (lookup.kind === 'no-mailbox') {
      return this._result({ kind: 'no-mailbox' }, profile, { exchangeTag: exchangeTag(lookup) });
    }
    if (profile.kind === 'not-found') {
      return this._result({ kind: 'could-not-check', reason: 'profile-not-found', service: 'sharepoint' });
    }
    // Metadata first: unchanged since the last visit means the same verdict, with no photo downloaded.
    const print = fingerprint(lookup, profile.profile);
    const remembered = !fresh && this._cache ? this._cache.read(print) : undefined;
    if (remembered) {
      return { ...remembered, checkedAt: this._now() };
    }
    const result = await this._checkPhotos(fresh, lookup, profile, signal, early);
    if (this._cache) {
      this._cache.write(print, result);
    }
    return result;
  }

  private async _checkPhotos(
    fresh: boolean,
    lookup: ExchangePhotoLookup,
    profile: Extract<SharePointProfileLookup, { kind: 'profile' }>,
    signal: AbortSignal,
    early?: IEarlyPicture
  ): Promise<IPhotoSyncResult> {
    if (lookup.kind === 'photo' && !profile.profile.placeholder) {
      this._preload();
    }
    const account = profile.profile.accountName;
    this._last = { lookup, account, sharePointReadable: true };
    const [exchangeBytes, sharePointPicture] = await Promise.all([
      settle(this._exchange.getPhoto(EXCHANGE_PHOTO_SIZE, lookup, signal)),
      early && sameAccount(early.account, account) ? early.picture : settle(this._sharePoint.getPicture(account, SHAREPOINT_PHOTO_SIZE, fresh, signal))
    ]);
    // A picture SharePoint sends from where the page may not read it is not asked for again at display size.
    this._last.sharePointReadable = sharePointPicture.ok || !isServiceError(sharePointPicture.error) || sharePointPicture.error.reason !== 'redirected-elsewhere';
    const shown: IShown = {
      exchangePhoto: exchangeBytes.ok && exchangeBytes.value ? { bytes: exchangeBytes.value, contentType: `image/${sniffFormat(exchangeBytes.value)}` } : undefined,
      sharePointPhoto: sharePointPicture.ok ? sharePointPicture.value : undefined,
      sharePointPhotoAddress: sharePointPicture.ok ? undefined : this._addressWhenUnreadable(sharePointPicture.error, account),
      exchangeTag: exchangeTag(lookup)
    };

    if (!exchangeBytes.ok) {
      return this._result(failureVerdict(exchangeBytes.error), profile, shown);
    }
    if (!exchangeBytes.value) {
      return this._result({ kind: 'no-exchange-photo' }, profile, shown);
    }
    const noMailbox = lookup.kind === 'photo' && lookup.source === 'entra' ? { noMailbox: true } : {};
    if (profile.profile.placeholder) {
      return this._result({ kind: 'sharepoint-placeholder', ...noMailbox }, profile, shown);
    }
    if (!sharePointPicture.ok) {
      return this._result(failureVerdict(sharePointPicture.error), profile, shown);
    }
    try {
      const comparison = await this._compare(exchangeBytes.value, sharePointPicture.value.bytes);
      const verdict: SyncVerdict =
        comparison.verdict === 'same'
          ? { kind: 'in-sync', distance: comparison.distance, ...noMailbox }
          : { kind: 'out-of-sync', distance: comparison.distance, ...noMailbox };
      const size = (image: { width: number; height: number }): { width: number; height: number } => ({ width: image.width, height: image.height });
      return this._result(verdict, profile, { ...shown, compared: { exchange: size(comparison.exchange), sharePoint: size(comparison.sharePoint) } });
    } catch (e) {
      return this._result(failureVerdict(e), profile, shown);
    }
  }

  /**
   * One side's metadata failed: the verdict is that failure (Graph's first, as before), shown beside whatever the
   * other side returned (its photo and, from SharePoint, when it stored the picture) instead of two empty circles.
   */
  private async _partial(
    exchangeMeta: Settled<ExchangePhotoLookup>,
    sharePointMeta: Settled<SharePointProfileLookup>,
    fresh: boolean,
    signal: AbortSignal,
    early?: IEarlyPicture
  ): Promise<IPhotoSyncResult> {
    const verdict = failureVerdict(!exchangeMeta.ok ? exchangeMeta.error : !sharePointMeta.ok ? sharePointMeta.error : undefined);
    const shown: IShown = {};
    if (exchangeMeta.ok && exchangeMeta.value.kind === 'photo') {
      const bytes = await this._exchange.getPhoto(EXCHANGE_PHOTO_SIZE, exchangeMeta.value, signal).catch(() => undefined);
      shown.exchangePhoto = bytes ? { bytes, contentType: `image/${sniffFormat(bytes)}` } : undefined;
    }
    const profile = sharePointMeta.ok ? sharePointMeta.value : undefined;
    if (profile && profile.kind === 'profile') {
      const account = profile.profile.accountName;
      const picture = await (early && sameAccount(early.account, account) ? early.picture : settle(this._sharePoint.getPicture(account, SHAREPOINT_PHOTO_SIZE, fresh, signal)));
      shown.sharePointPhoto = picture.ok ? picture.value : undefined;
      shown.sharePointPhotoAddress = picture.ok ? undefined : this._addressWhenUnreadable(picture.error, account);
    }
    return this._result(verdict, profile, shown);
  }

  public async loadDisplayPhotos(): Promise<IDisplayPhotos> {
    const last = this._last;
    if (!last) {
      return {};
    }
    const [exchange, sharePoint] = await Promise.all([
      this._exchange.getPhoto(DISPLAY_EXCHANGE_SIZE, last.lookup).catch(() => undefined),
      last.sharePointReadable ? this._sharePoint.getPicture(last.account, DISPLAY_SHAREPOINT_SIZE, false).catch(() => undefined) : undefined
    ]);
    return {
      exchangePhoto: exchange ? { bytes: exchange, contentType: `image/${sniffFormat(exchange)}` } : undefined,
      sharePointPhoto: sharePoint
    };
  }

  /** SharePoint's picture asked for alongside the metadata, on a first visit or a check again (see `accountHint`). */
  private _earlyPicture(fresh: boolean, signal: AbortSignal): IEarlyPicture | undefined {
    const account = this._accountHint;
    if (!account || (!fresh && this._cache && !this._cache.isEmpty())) {
      return undefined;
    }
    return { account, picture: settle(this._sharePoint.getPicture(account, SHAREPOINT_PHOTO_SIZE, fresh, signal)) };
  }

  /** SharePoint's picture at display size, by address, when SharePoint sent it from where the page may not read it. */
  private _addressWhenUnreadable(error: unknown, account: string): string | undefined {
    return isServiceError(error) && error.reason === 'redirected-elsewhere' ? this._sharePoint.pictureAddress(account, DISPLAY_SHAREPOINT_SIZE) : undefined;
  }

  private _result(verdict: SyncVerdict, profile?: SharePointProfileLookup, shown: IShown = {}): IPhotoSyncResult {
    const found = profile && profile.kind === 'profile' ? profile.profile : undefined;
    return {
      verdict,
      exchangePhoto: shown.exchangePhoto,
      sharePointPhoto: shown.sharePointPhoto,
      sharePointPhotoAddress: shown.sharePointPhotoAddress,
      sharePointUpdated: found ? found.pictureTimestamp : undefined,
      displayName: found ? found.displayName : undefined,
      checkedAt: this._now(),
      sharePointPicture: found ? pictureState(found) : undefined,
      exchangeTag: shown.exchangeTag,
      compared: shown.compared
    };
  }
}

/** A picture request started before the profile said whose picture it is. */
interface IEarlyPicture {
  account: string;
  picture: Promise<Settled<IPictureBytes>>;
}

/** Whether the page's login name and the profile's account name are one account (`i:0#.f|membership|<login>`). */
function sameAccount(login: string, accountName: string): boolean {
  const a = login.toLowerCase();
  const b = accountName.toLowerCase();
  return a === b || b.slice(b.lastIndexOf('|') + 1) === a;
}

type IShown = Pick<IPhotoSyncResult, 'exchangePhoto' | 'sharePointPhoto' | 'sharePointPhotoAddress' | 'exchangeTag' | 'compared'>;

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A promise's outcome as a value, so one side's failure does not hide what the other returned. */
function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value): Settled<T> => ({ ok: true, value }),
    (error: unknown): Settled<T> => ({ ok: false, error })
  );
}

/** Any failure, classified: service errors keep their reason, decode errors say which photo, the rest is unexpected. */
export function failureVerdict(e: unknown): SyncVerdict {
  if (isServiceError(e)) {
    return { kind: 'could-not-check', reason: e.reason, service: e.service, retryAfterSeconds: e.retryAfterSeconds };
  }
  if (isPhotoDecodeError(e)) {
    const tooLarge = e.failure === 'too-many-bytes' || e.failure === 'too-many-pixels';
    return {
      kind: 'could-not-check',
      reason: tooLarge ? 'too-large' : 'not-an-image',
      service: e.side === 'exchange' ? 'exchange' : e.side === 'sharePoint' ? 'sharepoint' : 'comparison'
    };
  }
  return { kind: 'could-not-check', reason: 'unexpected', service: 'comparison' };
}
