import type { SPFI } from '@pnp/sp/fi.js';
import '@pnp/sp/webs';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/site-users/web';
import { ITeamRoster, TeamScope } from '../../models/ITeam';
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
  /** Starts loading the comparison's code (the check calls it as it starts). */
  preloadComparison?: () => void;
  fetch: FetchLike;
  store?: ITeamVerdictStore;
  batch?: IBatchOptions;
}

/** The overview's services, and a way to ask for the roster before the first render. */
export interface ITeamOverviewServices extends ITeamOverviewService {
  /** Asks for the roster now; the overview's first `roster()` takes that answer instead of asking again. */
  prefetch(): void;
}

/** The overview's services, wired the same way by the web part and the workbench. */
export function createTeamOverviewService(options: ITeamServiceOptions): ITeamOverviewServices {
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
    { store: options.store, preloadComparison: options.preloadComparison }
  );
  const read = (signal?: AbortSignal): Promise<ITeamRoster> => roster.getRoster(options.groupId, options.scope, options.cap, signal);
  let prefetched: Promise<ITeamRoster> | undefined;
  return {
    prefetch: () => {
      if (!prefetched) {
        prefetched = read();
        prefetched.catch(() => undefined); // its failure is shown when the overview asks for it
      }
    },
    roster: (signal) => {
      const early = prefetched;
      prefetched = undefined; // once: "check again" reads the roster anew
      return early || read(signal);
    },
    remembered: (members) => checker.remembered(members),
    check: (members, onResult, signal) => checker.check(members, onResult, signal)
  };
}
