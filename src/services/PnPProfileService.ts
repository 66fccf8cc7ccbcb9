import type { SPFI } from '@pnp/sp/fi.js';
import type { Queryable } from '@pnp/queryable/queryable.js';
import '@pnp/sp/profiles';
import { DEFAULT_DECODE_BUDGET } from '../comparison/budget';
import { sniffFormat } from '../comparison/sniffFormat';
import { ISharePointProfile, SharePointPhotoSize, SharePointProfileLookup } from '../models/ISharePointProfile';
import { IPictureBytes, ISharePointProfileService } from './ISharePointProfileService';
import { DEFAULT_REQUEST_POLICY, IRequestPolicy, withTimeout } from './requestPolicy';
import { FetchLike, retryingFetch } from './retryingFetch';
import { parseRetryAfter, reasonForStatus, ServiceError } from './ServiceError';

export type { FetchLike } from './retryingFetch';

/** One entry of `UserProfileProperties` in `GetMyProperties`. */
export interface IUserProfileProperty {
  Key: string;
  Value: string;
  ValueType?: string;
}

/**
 * `GET /_api/SP.UserProfiles.PeopleManager/GetMyProperties` as PnPjs returns it: `odata=nometadata` gives the
 * properties as an array, `odata=verbose` wraps them in `{ results: [...] }`.
 */
export interface IMyPropertiesResponse {
  AccountName?: string | null;
  DisplayName?: string | null;
  PictureUrl?: string | null;
  UserProfileProperties?: IUserProfileProperty[] | { results: IUserProfileProperty[] } | null;
}

/** Seconds between 0001-01-01 and 1970-01-01: `SPS-PictureTimestamp` counts from the former. */
const DOTNET_EPOCH_OFFSET_SECONDS = 62135596800;

/**
 * Reads the SharePoint profile through PnPjs (which retries 429/503/504 itself) and the picture from the current
 * site's `userphoto.aspx` (retried here, the same way); every request under an abort timeout.
 */
export class PnPProfileService implements ISharePointProfileService {
  private readonly _sp: SPFI;
  private readonly _siteUrl: string;
  private readonly _fetch: FetchLike;
  private readonly _policy: IRequestPolicy;
  private readonly _maxPictureBytes: number;

  /**
   * @param sp PnPjs configured for the current site (`spfi().using(SPFx(context))`)
   * @param siteUrl absolute URL of the current site: `userphoto.aspx` is read from it, same origin as the page
   * @param fetchImpl the browser's fetch
   */
  public constructor(
    sp: SPFI,
    siteUrl: string,
    fetchImpl: FetchLike,
    policy: IRequestPolicy = DEFAULT_REQUEST_POLICY,
    maxPictureBytes: number = DEFAULT_DECODE_BUDGET.maxBytes
  ) {
    this._sp = sp;
    this._siteUrl = siteUrl.replace(/\/+$/, '');
    this._fetch = fetchImpl;
    this._policy = policy;
    this._maxPictureBytes = maxPictureBytes;
  }

  public async getMyProfile(signal?: AbortSignal): Promise<SharePointProfileLookup> {
    let raw: IMyPropertiesResponse;
    try {
      raw = (await withTimeout('sharepoint', this._policy.timeoutMs, signal, (abort) =>
        this._sp.profiles.myProperties.using(AbortWith(abort))()
      )) as IMyPropertiesResponse;
    } catch (e) {
      if (isUserNotFound(e)) {
        return { kind: 'not-found' };
      }
      throw e instanceof ServiceError ? e : toServiceError(e);
    }
    return parseMyProperties(raw, this._siteUrl);
  }

  public async getPicture(accountName: string, size: SharePointPhotoSize, fresh: boolean, signal?: AbortSignal): Promise<IPictureBytes> {
    const init: RequestInit = {
      credentials: 'same-origin',
      cache: fresh ? 'no-store' : 'default',
      headers: { Accept: 'image/*' }
    };
    // One way through: the request (retried, and explained when redirected out of reach), at most once more for an
    // expired token, then the answer read.
    return withTimeout('sharepoint', this._policy.timeoutMs, signal, async (abort) => {
      let response = await this._fetchPicture(pictureUrl(this._siteUrl, accountName, size, fresh ? Date.now() : undefined), init, abort);
      // SharePoint Online redirects userphoto.aspx to a cached copy behind a time-limited token; a token that
      // failed (403 after the redirect) is worth one new request, which gets a new token.
      if (response.status === 403 && response.redirected) {
        response = await this._fetchPicture(pictureUrl(this._siteUrl, accountName, size, Date.now()), { ...init, cache: 'no-store' }, abort);
      }
      return this._readPicture(response);
    });
  }

  /** The address an `<img>` may show the picture from, when its bytes cannot be read (see `redirected-elsewhere`). */
  public pictureAddress(accountName: string, size: SharePointPhotoSize): string {
    return pictureUrl(this._siteUrl, accountName, size);
  }

  public async setMyPicture(picture: Uint8Array, signal?: AbortSignal): Promise<void> {
    // The upload takes longer than a read: twice the request timeout.
    await withTimeout('sharepoint', this._policy.timeoutMs * 2, signal, async (abort) => {
      try {
        await this._sp.profiles.using(AbortWith(abort)).setMyProfilePic(new Blob([picture], { type: 'image/jpeg' }));
      } catch (e) {
        throw toServiceError(e);
      }
    });
  }

  /**
   * One picture request, retried as the others are. A request that fails outright is asked again without following
   * redirects: when SharePoint answers that with a redirect, Microsoft 365 was reached and sent the picture from an
   * address this page may not read (another origin without CORS): that is said, and not retried. The probe is made
   * once: when it too went unanswered, the retries are plain retries.
   */
  private _fetchPicture(url: string, init: RequestInit, abort: AbortSignal): Promise<Response> {
    let probed = false;
    const fetchOrExplain: FetchLike = async (input, options) => {
      try {
        return await this._fetch(input, options);
      } catch (e) {
        if (abort.aborted || probed) {
          throw e;
        }
        probed = true;
        const probe = await this._fetch(input, { ...options, redirect: 'manual', cache: 'no-store' }).catch(() => undefined);
        if (probe && (probe.type === 'opaqueredirect' || (probe.status >= 300 && probe.status < 400))) {
          throw new ServiceError('sharepoint', 'redirected-elsewhere', `userphoto.aspx redirected to an address the page may not read: ${e instanceof Error ? e.message : String(e)}`);
        }
        throw e;
      }
    };
    return retryingFetch(fetchOrExplain, url, init, this._policy, abort).catch((e: unknown) => {
      throw e instanceof ServiceError ? e : new ServiceError('sharepoint', 'network', e instanceof Error ? e.message : String(e));
    });
  }

  private async _readPicture(response: Response): Promise<IPictureBytes> {
    if (!response.ok) {
      throw new ServiceError('sharepoint', reasonForStatus(response.status), `userphoto.aspx ${response.status}`, {
        status: response.status,
        retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After'))
      });
    }
    const declared = parseInt(response.headers.get('Content-Length') || '', 10);
    if (declared > this._maxPictureBytes) {
      throw new ServiceError('sharepoint', 'too-large', `userphoto.aspx sent ${declared} bytes`);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > this._maxPictureBytes) {
      throw new ServiceError('sharepoint', 'too-large', `userphoto.aspx sent ${bytes.length} bytes`);
    }
    const format = sniffFormat(bytes);
    // A login page or an error page can come back with status 200: only real image bytes count.
    if (format !== 'jpeg' && format !== 'png' && format !== 'gif' && format !== 'webp') {
      throw new ServiceError('sharepoint', 'not-an-image', `userphoto.aspx answered ${response.headers.get('Content-Type') || 'no type'}`);
    }
    return { bytes, contentType: `image/${format}` };
  }
}

/** `userphoto.aspx` for an account on the given site, with an optional cache-busting stamp. */
export function pictureUrl(siteUrl: string, accountName: string, size: SharePointPhotoSize, stamp?: number): string {
  const base = `${siteUrl}/_layouts/15/userphoto.aspx?size=${size}&accountname=${encodeURIComponent(accountName)}`;
  return stamp === undefined ? base : `${base}&t=${stamp}`;
}

/**
 * Whether a `PictureUrl` may be kept: an https URL on SharePoint Online or on the current site's own host.
 * Anything else (another host, `javascript:`, `data:`) is dropped: never rendered, never fetched.
 */
export function isSafePictureUrl(value: string, siteUrl: string): boolean {
  let url: URL;
  let site: URL;
  try {
    url = new URL(value);
    site = new URL(siteUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && !(url.protocol === site.protocol && url.host === site.host)) {
    return false;
  }
  const host = url.hostname.toLowerCase();
  return host === site.hostname.toLowerCase() || /\.sharepoint\.(com|us|de|cn)$|\.sharepoint-mil\.us$/.test(host);
}

export function parseMyProperties(raw: IMyPropertiesResponse, siteUrl: string): SharePointProfileLookup {
  if (!raw || !raw.AccountName) {
    return { kind: 'not-found' };
  }
  const list = Array.isArray(raw.UserProfileProperties)
    ? raw.UserProfileProperties
    : raw.UserProfileProperties && Array.isArray(raw.UserProfileProperties.results)
      ? raw.UserProfileProperties.results
      : [];
  const property = (key: string): string | undefined => {
    for (const p of list) {
      if (p && p.Key === key) {
        return p.Value === null || p.Value === undefined ? undefined : String(p.Value);
      }
    }
    return undefined;
  };
  const pictureUrlValue = (raw.PictureUrl || property('PictureURL') || '').trim();
  const placeholderState = property('SPS-PicturePlaceholderState');
  const profile: ISharePointProfile = {
    accountName: raw.AccountName,
    displayName: raw.DisplayName || undefined,
    pictureUrl: pictureUrlValue && isSafePictureUrl(pictureUrlValue, siteUrl) ? pictureUrlValue : undefined,
    pictureTimestamp: parsePictureTimestamp(property('SPS-PictureTimestamp')),
    placeholder: placeholderState === '1' || !pictureUrlValue,
    exchangeSyncState: property('SPS-PictureExchangeSyncState')
  };
  return { kind: 'profile', profile };
}

/** `SPS-PictureTimestamp` is whole seconds since 0001-01-01 UTC; anything else is unknown. */
export function parsePictureTimestamp(value: string | undefined): Date | undefined {
  if (!value || !/^\d{9,12}$/.test(value.trim())) {
    return undefined;
  }
  const unixSeconds = parseInt(value, 10) - DOTNET_EPOCH_OFFSET_SECONDS;
  return unixSeconds > 0 ? new Date(unixSeconds * 1000) : undefined;
}

/** A PnPjs behavior that hands the request our abort signal. */
function AbortWith(signal: AbortSignal): (instance: Queryable) => Queryable {
  return (instance) => {
    instance.on.pre(async function (url: string, init: RequestInit, result: unknown) {
      init.signal = signal;
      return [url, init, result];
    });
    return instance;
  };
}

/** The shape of PnPjs's `HttpRequestError`. */
interface IHttpRequestErrorLike {
  isHttpRequestError: true;
  status: number;
  message: string;
  response?: { headers?: { get(name: string): string | null } };
}

function isHttpRequestError(e: unknown): e is IHttpRequestErrorLike {
  return typeof e === 'object' && e !== null && (e as IHttpRequestErrorLike).isHttpRequestError === true;
}

function isUserNotFound(e: unknown): boolean {
  return isHttpRequestError(e) && (e.status === 404 || /User Not Found|UserNotFound/i.test(e.message));
}

function toServiceError(e: unknown): ServiceError {
  if (isHttpRequestError(e)) {
    const headers = e.response && e.response.headers;
    return new ServiceError('sharepoint', reasonForStatus(e.status), e.message, {
      status: e.status,
      retryAfterSeconds: headers ? parseRetryAfter(headers.get('Retry-After')) : undefined
    });
  }
  return new ServiceError('sharepoint', 'network', e instanceof Error ? e.message : String(e));
}
