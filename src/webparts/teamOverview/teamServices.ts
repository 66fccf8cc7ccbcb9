import type { SPFI } from '@pnp/sp/fi.js';
import '@pnp/sp/webs';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/site-users/web';
import { TeamScope } from '../../models/ITeam';
import { IGraphClient } from '../../services/GraphPhotoService';
import { PnPProfileService } from '../../services/PnPProfileService';
import { ComparePhotos } from '../../services/PhotoSyncChecker';
import { FetchLike } from '../../services/retryingFetch';
import { graphBatchPoster, IGraphBatchClient } from '../../services/team/graphBatchPoster';
import { IBatchOptions } from '../../services/team/graphBatch';
import { PnPTeamProfiles } from '../../services/team/PnPTeamProfiles';
import { ITeamVerdictStore, TeamChecker } from '../../services/team/TeamChecker';
import { TeamGraphPhotos } from '../../services/team/TeamGraphPhotos';
import { ISharePointGroupUser, TeamRosterService } from '../../services/team/TeamRosterService';
import { ITeamOverviewService } from './components/useTeamCheck';

export interface ITeamServiceOptions {
  graph: IGraphClient & IGraphBatchClient;
  sp: SPFI;
  siteUrl: string;
  /** The site's Microsoft 365 group, if it has one. */
  groupId?: string;
  scope: TeamScope;
  cap: number;
  compare: ComparePhotos;
  fetch: FetchLike;
  store?: ITeamVerdictStore;
  batch?: IBatchOptions;
}

/** The overview's services, wired the same way by the web part and the workbench. */
export function createTeamOverviewService(options: ITeamServiceOptions): ITeamOverviewService {
  const groups = {
    memberUsers: () => options.sp.web.associatedMemberGroup.users() as Promise<ISharePointGroupUser[]>,
    ownerUsers: () => options.sp.web.associatedOwnerGroup.users() as Promise<ISharePointGroupUser[]>
  };
  const roster = new TeamRosterService(options.graph, groups);
  const checker = new TeamChecker(
    new TeamGraphPhotos(graphBatchPoster(options.graph), options.batch),
    new PnPTeamProfiles(options.sp, options.siteUrl),
    new PnPProfileService(options.sp, options.siteUrl, options.fetch),
    options.compare,
    { store: options.store }
  );
  return {
    roster: (signal) => roster.getRoster(options.groupId, options.scope, options.cap, signal),
    remembered: (members) => checker.remembered(members),
    check: (members, onResult, signal) => checker.check(members, onResult, signal)
  };
}
