import type { ProfilePhoto } from '@microsoft/microsoft-graph-types';
import { gifSize } from '../comparison/sniffFormat';
import { ExchangePhotoLookup, GRAPH_PHOTO_SIZES } from '../models/IExchangePhoto';
import { IExchangePhotoService } from './IExchangePhotoService';
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
 * Reads the Exchange Online photo through Microsoft Graph (delegated `User.Read`). The Graph client retries
 * 429/503/504 itself (honouring `Retry-After`); this service puts every request under an abort timeout.
 */
export class GraphPhotoService implements IExchangePhotoService {
  private readonly _client: IGraphClient;
  private readonly _policy: IRequestPolicy;

  public constructor(client: IGraphClient, policy: IRequestPolicy = DEFAULT_REQUEST_POLICY) {
    this._client = client;
    this._policy = policy;
  }

  public async getPhotoMetadata(signal?: AbortSignal): Promise<ExchangePhotoLookup> {
    try {
      const raw = (await this._get('/me/photo', false, signal)) as GraphPhotoMetadataResponse | undefined;
      if (!raw || !raw.width || !raw.height) {
        return { kind: 'none' };
      }
      return {
        kind: 'photo',
        metadata: {
          width: raw.width,
          height: raw.height,
          contentType: raw['@odata.mediaContentType'],
          etag: raw['@odata.mediaEtag']
        }
      };
    } catch (e) {
      return this._expectedOrThrow(e);
    }
  }

  public async getPhoto(maxSize: number, lookup: ExchangePhotoLookup, signal?: AbortSignal): Promise<Uint8Array | undefined> {
    if (lookup.kind !== 'photo') {
      return undefined;
    }
    const stored = Math.min(lookup.metadata.width, lookup.metadata.height);
    // The stored photo itself when it fits (it is the largest Graph has); else the largest Graph size that fits.
    const size = stored <= maxSize ? undefined : pickGraphSize(maxSize);
    const path = size ? `/me/photos/${size}x${size}/$value` : '/me/photo/$value';
    try {
      const body = await this._get(path, true, signal);
      const bytes = toBytes(body);
      const gif = gifSize(bytes);
      // Graph answers some users without a photo with a 1x1 GIF instead of a 404.
      if (bytes.length === 0 || (gif && gif.width <= 1 && gif.height <= 1)) {
        return undefined;
      }
      return bytes;
    } catch (e) {
      // A 404 here means the photo went away between the two requests: no photo. Failures still throw.
      this._expectedOrThrow(e);
      return undefined;
    }
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

function toBytes(body: unknown): Uint8Array {
  if (body instanceof ArrayBuffer) {
    return new Uint8Array(body);
  }
  if (ArrayBuffer.isView(body)) {
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  }
  throw new ServiceError('exchange', 'not-an-image', `unexpected body ${Object.prototype.toString.call(body)}`);
}
