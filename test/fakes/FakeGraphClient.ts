import { GraphError } from '@microsoft/microsoft-graph-client';
import { IGraphClient, IGraphRequest } from '../../src/services/GraphPhotoService';

/** A canned Graph answer: a JSON body, bytes, or an error as the Graph client throws it. */
export type GraphAnswer =
  | { json: unknown }
  | { bytes: Uint8Array }
  | { status: number; code?: string; message?: string; retryAfter?: string }
  | { networkError: string }
  /** Never answers; rejects like fetch when the request's abort signal fires. */
  | { hang: true };

export interface IRecordedGraphRequest {
  path: string;
  responseType?: string;
  /** Whether an abort signal was passed down to the fetch. */
  signal?: boolean;
}

/** Records each path asked for and answers from a table keyed by path. */
export class FakeGraphClient implements IGraphClient {
  public readonly requests: IRecordedGraphRequest[] = [];
  private readonly _answers: Record<string, GraphAnswer>;

  public constructor(answers: Record<string, GraphAnswer>) {
    this._answers = answers;
  }

  public api(path: string): IGraphRequest {
    const recorded: IRecordedGraphRequest = { path };
    this.requests.push(recorded);
    let signal: AbortSignal | undefined;
    const request: IGraphRequest = {
      responseType: (type: string) => {
        recorded.responseType = type;
        return request;
      },
      option: (key: string, value: unknown) => {
        if (key === 'signal') {
          signal = value as AbortSignal;
          recorded.signal = true;
        }
        return request;
      },
      get: async () => answer(this._answers[path], path, signal)
    };
    return request;
  }
}

async function answer(canned: GraphAnswer | undefined, path: string, signal: AbortSignal | undefined): Promise<unknown> {
  if (canned && 'hang' in canned) {
    return new Promise((_resolve, reject) => {
      if (signal) {
        signal.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
      }
    });
  }
  if (!canned) {
    throw graphError(404, 'ResourceNotFound', `no canned answer for ${path}`);
  }
  if ('json' in canned) {
    return canned.json;
  }
  if ('bytes' in canned) {
    return canned.bytes.buffer.slice(canned.bytes.byteOffset, canned.bytes.byteOffset + canned.bytes.byteLength);
  }
  if ('networkError' in canned) {
    throw new TypeError(canned.networkError);
  }
  throw graphError(canned.status, canned.code, canned.message, canned.retryAfter);
}

/** A real GraphError, shaped as the client library builds it from an error response. */
export function graphError(status: number, code?: string, message?: string, retryAfter?: string): GraphError {
  const error = new GraphError(status, message || `${status}`);
  error.code = code || null;
  if (retryAfter !== undefined) {
    error.headers = new Headers({ 'Retry-After': retryAfter });
  }
  return error;
}
