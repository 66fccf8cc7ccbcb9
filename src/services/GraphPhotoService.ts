import type { ProfilePhoto } from '@microsoft/microsoft-graph-types';
import { gifSize, pictureSize, sniffFormat } from '../comparison/sniffFormat';
import { ExchangePhotoLookup, GRAPH_PHOTO_SIZES } from '../models/IExchangePhoto';
import { IExchangePhotoService } from './IExchangePhotoService';
import { checkSourcePhoto, IPhotoDownscaler } from './photoDownscaler';
import { DEFAULT_REQUEST_POLICY, IRequestPolicy, withTimeout } from './requestPolicy';
import { parseRetryAfter, reasonForStatus, ServiceError } from './ServiceError';

/**
 * The part of a Graph request this service uses. `MSGraphClientV3.api()` and
 * `@microsoft/microsoft-graph-client`'s `Client.api()` both return one.
 */
export interface IGraphRequest {
  responseType(type: string): IGraphRequest;
  /** A fetch option for this request; used for the abort signal. */
  option(key: string, value: unknown): IGraphRequest;
  get(): Promise<unknown>;
}

export interface IGraphClient {
  api(path: string): IGraphRequest;
}

/** `GET /me/photo` as Graph sends it: the typed entity plus its media annotations. */
export type GraphPhotoMetadataResponse = ProfilePhoto & {
  '@odata.mediaContentType'?: string;
  '@odata.mediaEtag'?: string;
};

/** The shape of the error `@microsoft/microsoft-graph-client` throws (`GraphError`). */
interface IGraphErrorLike {
  statusCode: number;
  code?: string | null;
  message?: string;
  headers?: { get(name: string): string | null };
}

/** Graph error codes that mean the user has no Exchange Online mailbox. */
const NO_MAILBOX_CODES: ReadonlyArray<string> = [
  'MailboxNotHostedInExchangeOnline',
  'MailboxNotEnabledForRESTAPI',
  'AuthenticationError',
  'ErrorNonExistentMailbox',
  'ErrorInvalidUser'
];

/**
 * Reads the user's photo through Microsoft Graph (delegated `User.Read`): Exchange Online's, or, for an account
 * without a mailbox, Microsoft Entra ID's. The Graph client retries 429/503/504 itself (honouring `Retry-After`);
 * this service puts every request under an abort timeout.
 */
export class GraphPhotoService implements IExchangePhotoService {
  private readonly _client: IGraphClient;
  private readonly _policy: IRequestPolicy;
  private readonly _downscaler: IPhotoDownscaler | undefined;
  /** The last whole photo read from `/me/photo/$value` for an Entra ID lookup, by its tag: read once per change. */
  private _whole: { etag: string; bytes: Promise<Uint8Array | undefined> } | undefined;

  /**
   * @param downscaler makes the compared and shown sizes from a photo Graph serves only whole (Entra ID's);
   *   without one, such a photo is used as it is
   */
  public constructor(client: IGraphClient, policy: IRequestPolicy = DEFAULT_REQUEST_POLICY, downscaler?: IPhotoDownscaler) {
    this._client = client;
    this._policy = policy;
    this._downscaler = downscaler;
  }

  public async getPhotoMetadata(signal?: AbortSignal): Promise<ExchangePhotoLookup> {
    let raw: GraphPhotoMetadataResponse | undefined;
    try {
      raw = (await this._get('/me/photo', false, signal)) as GraphPhotoMetadataResponse | undefined;
    } catch (e) {
      const expected = this._expectedOrThrow(e);
      // No mailbox: Graph may still serve the account's Entra ID photo, whole.
      return expected.kind === 'no-mailbox' ? this._entraLookup(expected.code, signal) : expected;
    }
    if (!raw || !raw.width || !raw.height) {
      return { kind: 'none' };
    }
    const metadata = { width: raw.width, height: raw.height, contentType: raw['@odata.mediaContentType'], etag: raw['@odata.mediaEtag'] };
    // Exchange Online keeps square photos; a photo of another shape is Entra ID's ("any dimension"), which a sized
    // request confirms. Square photos, the usual case, cost no extra request (an Entra ID one is still found out by
    // getPhoto, whose sized request then fails for want of a mailbox).
    if (raw.width !== raw.height && (await this._sizedPhotosMissing(signal))) {
      return { kind: 'photo', metadata, source: 'entra' };
    }
    return { kind: 'photo', metadata };
  }

  public async getPhoto(maxSize: number, lookup: ExchangePhotoLookup, signal?: AbortSignal): Promise<Uint8Array | undefined> {
    if (lookup.kind !== 'photo') {
      return undefined;
    }
    if (lookup.source === 'entra') {
      return this._scaled(await this._wholePhoto(lookup.metadata.etag, signal), maxSize, signal);
    }
    const stored = Math.min(lookup.metadata.width, lookup.metadata.height);
    // The stored photo itself when it fits (it is the largest Graph has); else the largest Graph size that fits.
    const size = stored <= maxSize ? undefined : pickGraphSize(maxSize);
    const path = size ? `/me/photos/${size}x${size}/$value` : '/me/photo/$value';
    try {
      return photoOrNone(toBytes(await this._get(path, true, signal)));
    } catch (e) {
      // A 404 here means the photo went away between the two requests: no photo. Failures still throw.
      const expected = this._expectedOrThrow(e);
      // No mailbox after all: the whole photo is all Graph has.
      return expected.kind === 'no-mailbox' && size ? this._scaled(await this._wholePhoto(undefined, signal), maxSize, signal) : undefined;
    }
  }

  /** An account without a mailbox: its Entra ID photo from `/me/photo/$value`, if Graph serves one. */
  private async _entraLookup(code: string, signal?: AbortSignal): Promise<ExchangePhotoLookup> {
    const bytes = await this._wholePhoto(undefined, signal);
    if (!bytes) {
      return { kind: 'no-mailbox', code };
    }
    const size = pictureSize(bytes)!;
    // The tag the verdict cache compares: the photo's own bytes, since Graph gives no ETag here.
    const etag = `entra:${bytes.length}:${contentHash(bytes)}`;
    this._whole = { etag, bytes: Promise.resolve(bytes) };
    return { kind: 'photo', metadata: { width: size.width, height: size.height, contentType: `image/${sniffFormat(bytes)}`, etag }, source: 'entra' };
  }

  /** Whether the sized photos are missing for want of a mailbox (`/me/photos/48x48`, metadata only). */
  private async _sizedPhotosMissing(signal?: AbortSignal): Promise<boolean> {
    try {
      await this._get(`/me/photos/${GRAPH_PHOTO_SIZES[0]}x${GRAPH_PHOTO_SIZES[0]}`, false, signal);
      return false;
    } catch (e) {
      return this._expectedOrThrow(e).kind === 'no-mailbox';
    }
  }

  /** The whole photo, read once for a given tag; undefined when there is none. Size-checked before any decode. */
  private _wholePhoto(etag: string | undefined, signal?: AbortSignal): Promise<Uint8Array | undefined> {
    if (etag && this._whole && this._whole.etag === etag) {
      return this._whole.bytes;
    }
    const bytes = this._get('/me/photo/$value', true, signal).then(
      (body) => {
        const photo = photoOrNone(toBytes(body));
        if (photo) {
          checkSourcePhoto(photo);
        }
        return photo;
      },
      (e: unknown) => {
        // Asked only once there is no mailbox: a 400 or 404 means no photo there either. (For a binary request
        // the Graph client may not parse the error's code, so the status is all there is to go by.)
        if (isGraphError(e) && (e.statusCode === 400 || e.statusCode === 404)) {
          return undefined;
        }
        this._expectedOrThrow(e);
        return undefined;
      }
    );
    if (etag) {
      this._whole = { etag, bytes };
      bytes.catch(() => {
        this._whole = undefined;
      });
    }
    return bytes;
  }

  /** A square copy of at most `maxSize` pixels, when the photo is larger and there is a downscaler. */
  private async _scaled(bytes: Uint8Array | undefined, maxSize: number, signal?: AbortSignal): Promise<Uint8Array | undefined> {
    if (!bytes || !this._downscaler) {
      return bytes;
    }
    const size = pictureSize(bytes);
    if (size && size.width === size.height && size.width <= maxSize) {
      return bytes;
    }
    return this._downscaler.toSquare(bytes, maxSize, signal);
  }

  private _get(path: string, binary: boolean, parent: AbortSignal | undefined): Promise<unknown> {
    return withTimeout('exchange', this._policy.timeoutMs, parent, (signal) => {
      const request = this._client.api(path).option('signal', signal);
      return (binary ? request.responseType('arraybuffer') : request).get();
    });
  }

  /** A 404 (any code) is "no photo"; a no-mailbox code is "no mailbox"; anything else is a ServiceError. */
  private _expectedOrThrow(e: unknown): ExchangePhotoLookup {
    if (e instanceof ServiceError) {
      throw e;
    }
    if (!isGraphError(e)) {
      throw new ServiceError('exchange', 'network', e instanceof Error ? e.message : String(e));
    }
    const code = e.code || '';
    if ((e.statusCode === 400 || e.statusCode === 404) && NO_MAILBOX_CODES.indexOf(code) >= 0) {
      return { kind: 'no-mailbox', code };
    }
    if (e.statusCode === 404) {
      return { kind: 'none' };
    }
    const retryAfter = e.headers ? parseRetryAfter(e.headers.get('Retry-After')) : undefined;
    // The Graph client reports a request that never got an answer with status -1 (or 0).
    const reason = e.statusCode <= 0 ? 'network' : reasonForStatus(e.statusCode);
    throw new ServiceError('exchange', reason, `${e.statusCode} ${code} ${e.message || ''}`.trim(), {
      status: e.statusCode,
      retryAfterSeconds: retryAfter
    });
  }
}

/** The largest size Graph serves that is not above `limit`; undefined when the photo is smaller than all of them. */
export function pickGraphSize(limit: number): number | undefined {
  let best: number | undefined;
  for (const size of GRAPH_PHOTO_SIZES) {
    if (size <= limit) {
      best = size;
    }
  }
  return best;
}

function isGraphError(e: unknown): e is IGraphErrorLike {
  return typeof e === 'object' && e !== null && typeof (e as IGraphErrorLike).statusCode === 'number';
}

/** The photo, or undefined for an empty answer or the 1x1 GIF Graph sends some users without a photo. */
function photoOrNone(bytes: Uint8Array): Uint8Array | undefined {
  const gif = gifSize(bytes);
  return bytes.length === 0 || (gif && gif.width <= 1 && gif.height <= 1) ? undefined : bytes;
}

/** FNV-1a over the bytes: enough to tell one photo from the next, not a security hash. */
function contentHash(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i];
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16);
}

function toBytes(body: unknown): Uint8Array {
  if (body instanceof ArrayBuffer) {
    return new Uint8Array(body);
  }
  if (ArrayBuffer.isView(body)) {
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  }
  throw new ServiceError('exchange', 'not-an-image', `unexpected body ${Object.prototype.toString.call(body)}`);
}
