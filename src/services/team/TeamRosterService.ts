import type { User } from '@microsoft/microsoft-graph-types';
import { claimsAccountName, ITeamMember, ITeamRoster, TeamScope } from '../../models/ITeam';
import { IGraphClient } from '../GraphPhotoService';
import { DEFAULT_REQUEST_POLICY, IRequestPolicy, withTimeout } from '../requestPolicy';
import { reasonForStatus, ServiceError } from '../ServiceError';

/** The default and the largest number of people checked. */
export const DEFAULT_TEAM_CAP = 500;
export const MAX_TEAM_CAP = 5000;

/** A page of `/groups/{id}/members` (only the fields asked for with `$select`). */
export interface IGraphMembersPage {
  value?: Array<Pick<User, 'id' | 'displayName' | 'mail' | 'userPrincipalName' | 'userType'>>;
  '@odata.nextLink'?: string;
}

/** A user of a SharePoint group, as `associatedMemberGroup.users()` gives it (PnPjs, `odata=nometadata`). */
export interface ISharePointGroupUser {
  LoginName: string;
  Title: string;
  Email?: string;
  UserPrincipalName?: string | null; // eslint-disable-line @rushstack/no-new-null
  /** 1: a user (security groups and SharePoint groups are 4 and 8: not expanded). */
  PrincipalType: number;
}

/** Reads the site's SharePoint groups (the PnPjs calls, so the service itself stays testable). */
export interface ISharePointGroups {
  memberUsers(signal?: AbortSignal): Promise<ISharePointGroupUser[]>;
  ownerUsers(signal?: AbortSignal): Promise<ISharePointGroupUser[]>;
}

/** The number of people a roster holds for an owner's setting: a whole number from 1 to MAX_TEAM_CAP. */
export function teamCap(cap: number): number {
  return Math.max(1, Math.min(MAX_TEAM_CAP, Math.floor(cap) || DEFAULT_TEAM_CAP));
}

const MEMBER_FIELDS = 'id,displayName,mail,userPrincipalName,userType';

/**
 * The people on the current site: the members (and owners) of its Microsoft 365 group through Graph, paged, only the
 * fields shown; or, for a site without a group, the users of its members (and owners) SharePoint groups.
 */
export class TeamRosterService {
  private readonly _graph: IGraphClient;
  private readonly _groups: ISharePointGroups;
  private readonly _policy: IRequestPolicy;

  public constructor(graph: IGraphClient, groups: ISharePointGroups, policy: IRequestPolicy = DEFAULT_REQUEST_POLICY) {
    this._graph = graph;
    this._groups = groups;
    this._policy = policy;
  }

  /**
   * @param groupId the site's Microsoft 365 group, if it has one (SPFx `pageContext.site.group`)
   * @param onPage called with each page's people as it arrives (before duplicates and the cap are taken out), for
   *   work that can start before the whole roster is read
   */
  public async getRoster(groupId: string | undefined, scope: TeamScope, cap: number = DEFAULT_TEAM_CAP, signal?: AbortSignal, onPage?: (members: ITeamMember[]) => void): Promise<ITeamRoster> {
    const limit = teamCap(cap);
    const lists = groupId
      ? await Promise.all((scope === 'owners-and-members' ? ['owners', 'members'] : ['members']).map((rel) => this._groupUsers(groupId, rel, signal, onPage)))
      : await Promise.all(
          (scope === 'owners-and-members' ? [this._groups.ownerUsers(signal), this._groups.memberUsers(signal)] : [this._groups.memberUsers(signal)]).map((p) =>
            p.then(
              (users) => {
                const members = users.filter((u) => u.PrincipalType === 1).map(fromSharePoint);
                if (onPage) {
                  onPage(members);
                }
                return members;
              },
              (e: unknown) => Promise.reject(toServiceError(e, 'sharepoint'))
            )
          )
        );
    const seen = new Set<string>();
    const everyone: ITeamMember[] = [];
    for (const list of lists) {
      for (const member of list) {
        const key = member.accountName;
        if (!seen.has(key)) {
          seen.add(key);
          everyone.push(member);
        }
      }
    }
    return { members: everyone.slice(0, limit), notChecked: Math.max(0, everyone.length - limit) };
  }

  private async _groupUsers(groupId: string, relation: string, signal?: AbortSignal, onPage?: (members: ITeamMember[]) => void): Promise<ITeamMember[]> {
    const out: ITeamMember[] = [];
    // The user cast leaves out devices, contacts and nested groups; 999 is the largest page Graph gives.
    let path: string | undefined = `/groups/${encodeURIComponent(groupId)}/${relation}/microsoft.graph.user?$select=${MEMBER_FIELDS}&$top=999`;
    for (let pages = 0; path && pages < 100; pages++) {
      const current: string = path;
      let page: IGraphMembersPage;
      try {
        page = (await withTimeout('exchange', this._policy.timeoutMs, signal, (s) => this._graph.api(current).option('signal', s).get())) as IGraphMembersPage;
      } catch (e) {
        throw toServiceError(e, 'exchange');
      }
      const members = (page.value || []).filter((user) => !!user.userPrincipalName).map(fromGraph);
      out.push(...members);
      if (onPage) {
        onPage(members);
      }
      path = page['@odata.nextLink'] ? relativeGraphPath(page['@odata.nextLink']) : undefined;
    }
    return out;
  }
}

export function fromGraph(user: Pick<User, 'id' | 'displayName' | 'mail' | 'userPrincipalName' | 'userType'>): ITeamMember {
  const upn = user.userPrincipalName!;
  return {
    id: user.id || undefined,
    displayName: user.displayName || upn,
    mail: user.mail || undefined,
    userPrincipalName: upn,
    accountName: claimsAccountName(upn),
    guest: user.userType === 'Guest' || /#ext#/i.test(upn)
  };
}

function fromSharePoint(user: ISharePointGroupUser): ITeamMember {
  const upn = user.UserPrincipalName || user.LoginName.slice(user.LoginName.lastIndexOf('|') + 1);
  return {
    displayName: user.Title || upn,
    mail: user.Email || undefined,
    userPrincipalName: upn,
    accountName: user.LoginName.toLowerCase(),
    guest: /#ext#/i.test(upn) || /#ext#/i.test(user.LoginName)
  };
}

/** `@odata.nextLink` is absolute; the client is asked with the path under the version (any host, http or https). */
export function relativeGraphPath(nextLink: string): string {
  const url = new URL(nextLink);
  return url.pathname.replace(/^\/(v1\.0|beta)(?=\/)/, '') + url.search;
}

/** A roster failure, for the service it came from (Graph's group members, or SharePoint's groups). */
function toServiceError(e: unknown, service: 'exchange' | 'sharepoint'): ServiceError {
  if (e instanceof ServiceError) {
    return e;
  }
  const status = typeof e === 'object' && e !== null ? (e as { statusCode?: number; status?: number }).statusCode || (e as { status?: number }).status : undefined;
  if (typeof status === 'number' && status > 0) {
    return new ServiceError(service, reasonForStatus(status), `roster ${status}`, { status });
  }
  return new ServiceError(service, 'network', e instanceof Error ? e.message : String(e));
}
