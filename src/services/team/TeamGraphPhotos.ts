import { ExchangePhotoLookup } from '../../models/IExchangePhoto';
import { ITeamMember } from '../../models/ITeam';
import { CheckFailureReason } from '../../models/CheckFailure';
import { gifSize } from '../../comparison/sniffFormat';
import { BatchPoster, IBatchOptions, IBatchRequestItem, IBatchResponseItem, runBatched } from './graphBatch';

/** What Graph said about one person's Exchange photo. */
export type TeamExchangeAnswer =
  | { kind: 'lookup'; lookup: ExchangePhotoLookup; bytes?: Uint8Array }
  | { kind: 'failed'; reason: CheckFailureReason; status: number; retryAfterSeconds?: number };

/** Graph error codes that mean no Exchange Online mailbox (as GraphPhotoService knows them). */
const NO_MAILBOX_CODES = ['MailboxNotHostedInExchangeOnline', 'MailboxNotEnabledForRESTAPI', 'AuthenticationError', 'ErrorNonExistentMailbox', 'ErrorInvalidUser'];

/** The Graph size compared, as for the personal part. */
export const TEAM_EXCHANGE_SIZE = 96;

/**
 * Other people's Exchange photos through Graph JSON batching (`User.ReadBasic.All`): per person the photo's metadata
 * (its `@odata.mediaEtag`) and, unless only metadata is wanted, the 96 x 96 photo, in the same batch.
 */
export class TeamGraphPhotos {
  private readonly _post: BatchPoster;
  private readonly _options: IBatchOptions;

  public constructor(post: BatchPoster, options: IBatchOptions = {}) {
    this._post = post;
    this._options = options;
  }

  /**
   * Calls `onPerson` once per person, as their answers complete (both requests, when both were asked).
   * `withPhoto(member)`: whether to read the photo too (false: the metadata decides, e.g. a remembered verdict).
   */
  public async read(
    members: ReadonlyArray<ITeamMember>,
    withPhoto: (member: ITeamMember) => boolean,
    onPerson: (index: number, answer: TeamExchangeAnswer) => void,
    signal?: AbortSignal
  ): Promise<void> {
    const items: IBatchRequestItem[] = [];
    const waiting = new Map<number, { meta?: IBatchResponseItem; photo?: IBatchResponseItem; wantsPhoto: boolean }>();
    members.forEach((member, i) => {
      const user = `/users/${encodeURIComponent(member.id || member.userPrincipalName)}`;
      const wantsPhoto = withPhoto(member);
      waiting.set(i, { wantsPhoto });
      items.push({ id: `${i}.m`, method: 'GET', url: `${user}/photo` });
      if (wantsPhoto) {
        items.push({ id: `${i}.p`, method: 'GET', url: `${user}/photos/${TEAM_EXCHANGE_SIZE}x${TEAM_EXCHANGE_SIZE}/$value` });
      }
    });
    // Photos smaller than 96 px have no 96 size: read whole, afterwards.
    const small: Array<{ index: number; lookup: ExchangePhotoLookup }> = [];
    await runBatched(
      items,
      this._post,
      (response) => {
        const [index, part] = response.id.split('.');
        const i = parseInt(index, 10);
        const entry = waiting.get(i);
        if (!entry) {
          return;
        }
        if (part === 'm') {
          entry.meta = response;
        } else {
          entry.photo = response;
        }
        if (entry.meta && (!entry.wantsPhoto || entry.photo)) {
          waiting.delete(i);
          const answer = toAnswer(entry.meta, entry.wantsPhoto ? entry.photo : undefined);
          if (answer.kind === 'lookup' && entry.wantsPhoto && answer.lookup.kind === 'photo' && !answer.bytes && entry.photo && entry.photo.status === 404) {
            small.push({ index: i, lookup: answer.lookup });
            return;
          }
          onPerson(i, answer);
        }
      },
      { ...this._options, signal }
    );
    if (small.length > 0) {
      await this._readWhole(members, small, onPerson, signal);
    }
  }

  /** The whole photo for people whose stored photo is smaller than the compared size. */
  private async _readWhole(
    members: ReadonlyArray<ITeamMember>,
    people: Array<{ index: number; lookup: ExchangePhotoLookup }>,
    onPerson: (index: number, answer: TeamExchangeAnswer) => void,
    signal?: AbortSignal
  ): Promise<void> {
    const lookups = new Map<number, ExchangePhotoLookup>();
    const items = people.map(({ index, lookup }) => {
      lookups.set(index, lookup);
      const member = members[index];
      return { id: `${index}.w`, method: 'GET' as const, url: `/users/${encodeURIComponent(member.id || member.userPrincipalName)}/photo/$value` };
    });
    await runBatched(
      items,
      this._post,
      (response) => {
        const i = parseInt(response.id, 10);
        const bytes = response.status === 200 ? photoBytes(response.body) : undefined;
        if (bytes) {
          onPerson(i, { kind: 'lookup', lookup: lookups.get(i)!, bytes });
        } else {
          onPerson(i, response.status === 200 || response.status === 404 ? { kind: 'lookup', lookup: { kind: 'none' } } : failed(response));
        }
      },
      { ...this._options, signal }
    );
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
