/**
 * The audit's Microsoft Graph reads, app-only: the directory's people (`/users`, or a group's members when the admin
 * scopes the audit to one), paged 999 at a time, and JSON `$batch` posting for the team overview's photo reader
 * (TeamGraphPhotos), which does the batching, the per-request retries and the photo metadata itself.
 */
import type { User } from '@microsoft/microsoft-graph-types';
import { ITeamMember } from '../../src/models/ITeam';
import { DEFAULT_REQUEST_POLICY } from '../../src/services/requestPolicy';
import { FetchLike, retryingFetch } from '../../src/services/retryingFetch';
import { BatchPoster, IBatchResponse } from '../../src/services/team/graphBatch';
import { fromGraph } from '../../src/services/team/TeamRosterService';

const USER_FIELDS = 'id,displayName,mail,userPrincipalName,userType';
/** Retry-After waits of Graph's paging requests: as long as Graph asks, within reason, for a job with no one waiting. */
const PAGE_POLICY = { ...DEFAULT_REQUEST_POLICY, attempts: 8, maxRetryAfterSeconds: 300, timeoutMs: 60000 };

interface IUsersPage {
  value?: Array<Pick<User, 'id' | 'displayName' | 'mail' | 'userPrincipalName' | 'userType'>>;
  '@odata.nextLink'?: string;
}

/** Everyone the audit covers, in the directory's order; `onPage` after each page (Graph requests count). */
export async function readDirectory(fetchImpl: FetchLike, graphBase: string, groupId: string | undefined, signal: AbortSignal, onPage: () => void = () => undefined): Promise<ITeamMember[]> {
  const base = graphBase.replace(/\/+$/, '');
  const path = groupId ? `/groups/${encodeURIComponent(groupId)}/members/microsoft.graph.user` : '/users';
  let next: string | undefined = `${base}/v1.0${path}?$select=${USER_FIELDS}&$top=999`;
  const people: ITeamMember[] = [];
  const seen = new Set<string>();
  while (next) {
    const response = await retryingFetch(fetchImpl, next, { headers: { Accept: 'application/json' } }, PAGE_POLICY, signal);
    onPage();
    if (!response.ok) {
      throw new Error(`Graph answered ${response.status} to ${path}: ${await response.text()}`);
    }
    const page = (await response.json()) as IUsersPage;
    for (const user of page.value || []) {
      if (user.userPrincipalName) {
        const member = fromGraph(user);
        if (!seen.has(member.accountName)) {
          seen.add(member.accountName);
          people.push(member);
        }
      }
    }
    // Graph's next link is absolute; the simulated tenant's points at itself.
    next = page['@odata.nextLink'];
  }
  return people;
}

/** Posts a JSON batch to Graph with the app's token; `onPost` after each (Graph requests count). */
export function graphPoster(fetchImpl: FetchLike, graphBase: string, onPost: (requests: number) => void = () => undefined): BatchPoster {
  const url = `${graphBase.replace(/\/+$/, '')}/v1.0/$batch`;
  return async (requests, signal): Promise<IBatchResponse> => {
    const response = await fetchImpl(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ requests }), signal });
    onPost(requests.length);
    if (!response.ok) {
      throw Object.assign(new Error(`Graph answered ${response.status} to $batch`), { status: response.status });
    }
    const answer = (await response.json()) as Partial<IBatchResponse>;
    return { responses: Array.isArray(answer.responses) ? answer.responses : [] };
  };
}
