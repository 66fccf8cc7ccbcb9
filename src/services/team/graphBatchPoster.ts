import { BatchPoster, IBatchRequestItem, IBatchResponse } from './graphBatch';

/** The part of a Graph client a batch is posted with (`MSGraphClientV3` and the Graph JS client both have it). */
export interface IGraphBatchClient {
  api(path: string): { option(key: string, value: unknown): { post(body: unknown): Promise<unknown> } };
}

/** Posts `{ requests }` to `/$batch` and hands back Graph's `responses`. */
export function graphBatchPoster(client: IGraphBatchClient): BatchPoster {
  return async (requests: IBatchRequestItem[], signal: AbortSignal): Promise<IBatchResponse> => {
    const answer = (await client.api('/$batch').option('signal', signal).post({ requests })) as IBatchResponse | undefined;
    return { responses: answer && Array.isArray(answer.responses) ? answer.responses : [] };
  };
}
