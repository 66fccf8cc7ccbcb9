import { ExchangePhotoLookup } from '../../models/IExchangePhoto';
import { ITeamMember } from '../../models/ITeam';
import { CheckFailureReason } from '../../models/CheckFailure';
import { gifSize } from '../../comparison/sniffFormat';
import { BatchPoster, GraphBatchQueue, IBatchOptions, IBatchResponseItem } from './graphBatch';

/** What Graph said about one person's Exchange photo. */
export type TeamExchangeAnswer =
  | { kind: 'lookup'; lookup: ExchangePhotoLookup; bytes?: Uint8Array }
  | { kind: 'failed'; reason: CheckFailureReason; status: number; retryAfterSeconds?: number };

/** Graph error codes that mean no Exchange Online mailbox (as GraphPhotoService knows them). */
const NO_MAILBOX_CODES = ['MailboxNotHostedInExchangeOnline', 'MailboxNotEnabledForRESTAPI', 'AuthenticationError', 'ErrorNonExistentMailbox', 'ErrorInvalidUser'];

/** The Graph size compared, as for the personal part. */
export const TEAM_EXCHANGE_SIZE = 96;

/** One reading of a roster's Exchange photos: metadata for everyone, photos as they are asked for. */
export interface ITeamExchangeRun {
  /** Asks for person `index`'s photo (their metadata said there is one); answered through `onPhoto`. */
  photo(index: number): void;
  /** No more photos will be asked for; `done` resolves once everything asked is answered. */
  close(): void;
  readonly done: Promise<void>;
}

/** Where a run's answers go: each person's metadata once, and their photo once if it was asked for. */
export interface ITeamExchangeListener {
  onMetadata(index: number, answer: TeamExchangeAnswer): void;
  onPhoto(index: number, answer: TeamExchangeAnswer): void;
}

/**
 * Other people's Exchange photos through Graph JSON batching (`User.ReadBasic.All`): everyone's photo metadata (its
 * `@odata.mediaEtag`) first, 20 people a batch, and the 96 x 96 photo of the people who need it, asked for as their
 * metadata comes. All requests share one queue, earlier people first, so the top of the list is decided first
 * and a photo asked for never waits behind the metadata of the whole roster.
 */
export class TeamGraphPhotos {
  private readonly _post: BatchPoster;
  private readonly _options: IBatchOptions;

  public constructor(post: BatchPoster, options: IBatchOptions = {}) {
    this._post = post;
    this._options = options;
  }

  public start(members: ReadonlyArray<ITeamMember>, listener: ITeamExchangeListener, signal?: AbortSignal): ITeamExchangeRun {
    const user = (i: number): string => `/users/${encodeURIComponent(members[i].id || members[i].userPrincipalName)}`;
    const lookups = new Map<number, ExchangePhotoLookup>();
    const metadata = new Map<number, IBatchResponseItem>();
    const asked = new Set<number>();
    const queue = new GraphBatchQueue(
      this._post,
      (response) => {
        const [index, part] = response.id.split('.');
        const i = parseInt(index, 10);
        if (part === 'm') {
          metadata.set(i, response);
          const answer = toAnswer(response, undefined);
          if (answer.kind === 'lookup') {
            lookups.set(i, answer.lookup);
          }
          listener.onMetadata(i, answer);
        } else if (part === 'p') {
          const answer = toAnswer(metadata.get(i) || { id: `${i}.m`, status: 200, body: {} }, response);
          if (answer.kind === 'lookup' && answer.lookup.kind === 'photo' && !answer.bytes && response.status === 404) {
            // A photo smaller than 96 px has no 96 size: read it whole.
            queue.add([{ id: `${i}.w`, method: 'GET', url: `${user(i)}/photo/$value` }], i);
            return;
          }
          listener.onPhoto(i, answer);
        } else {
          const bytes = response.status === 200 ? photoBytes(response.body) : undefined;
          const lookup = lookups.get(i);
          listener.onPhoto(
            i,
            bytes && lookup ? { kind: 'lookup', lookup, bytes } : response.status === 200 || response.status === 404 ? { kind: 'lookup', lookup: { kind: 'none' } } : failed(response)
          );
        }
      },
      { ...this._options, signal }
    );
    members.forEach((_m, i) => queue.add([{ id: `${i}.m`, method: 'GET', url: `${user(i)}/photo` }], i));
    const done = queue.done.then(() => undefined);
    done.catch(() => undefined); // the caller awaits it; stopped before that is not an unhandled rejection
    return {
      photo: (i) => {
        if (!asked.has(i)) {
          asked.add(i);
          queue.add([{ id: `${i}.p`, method: 'GET', url: `${user(i)}/photos/${TEAM_EXCHANGE_SIZE}x${TEAM_EXCHANGE_SIZE}/$value` }], i);
        }
      },
      close: () => queue.close(),
      done
    };
  }
}

/** One person's two answers, as the personal part's lookup and bytes. */
export function toAnswer(meta: IBatchResponseItem, photo: IBatchResponseItem | undefined): TeamExchangeAnswer {
  if (meta.status === 200) {
    const body = (meta.body || {}) as { width?: number; height?: number; '@odata.mediaEtag'?: string; '@odata.mediaContentType'?: string };
    if (!body.width || !body.height) {
      return { kind: 'lookup', lookup: { kind: 'none' } };
    }
    const lookup: ExchangePhotoLookup = {
      kind: 'photo',
      metadata: { width: body.width, height: body.height, etag: body['@odata.mediaEtag'], contentType: body['@odata.mediaContentType'] }
    };
    if (!photo) {
      return { kind: 'lookup', lookup };
    }
    if (photo.status === 200) {
      const bytes = photoBytes(photo.body);
      return bytes ? { kind: 'lookup', lookup, bytes } : { kind: 'lookup', lookup: { kind: 'none' } };
    }
    if (photo.status === 404) {
      return { kind: 'lookup', lookup };
    }
    return failed(photo);
  }
  const code = errorCode(meta.body);
  if ((meta.status === 400 || meta.status === 404) && NO_MAILBOX_CODES.indexOf(code) >= 0) {
    return { kind: 'lookup', lookup: { kind: 'no-mailbox', code } };
  }
  if (meta.status === 404) {
    return { kind: 'lookup', lookup: { kind: 'none' } };
  }
  return failed(meta);
}

function failed(response: IBatchResponseItem): TeamExchangeAnswer {
  const status = response.status;
  const reason: CheckFailureReason =
    status === 401 || status === 403 ? 'permission-denied' : status === 429 ? 'throttled' : status >= 500 ? 'unavailable' : status === 0 ? 'network' : 'unexpected';
  const header = response.headers ? Object.keys(response.headers).find((k) => k.toLowerCase() === 'retry-after') : undefined;
  const retryAfterSeconds = header ? parseInt(response.headers![header], 10) || undefined : undefined;
  return { kind: 'failed', reason, status, retryAfterSeconds };
}

function errorCode(body: unknown): string {
  const error = typeof body === 'object' && body !== null ? (body as { error?: { code?: unknown } }).error : undefined;
  return error && typeof error.code === 'string' ? error.code : '';
}

/** A `$value` body from a batch: base64 text (as Graph sends binary inside JSON batches); the 1x1 GIF is no photo. */
export function photoBytes(body: unknown): Uint8Array | undefined {
  if (typeof body !== 'string' || body.length === 0) {
    return undefined;
  }
  let binary: string;
  try {
    binary = atob(body);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  const gif = gifSize(bytes);
  return gif && gif.width <= 1 && gif.height <= 1 ? undefined : bytes;
}
