import { spfi, type SPFI } from '@pnp/sp/fi.js';
import '@pnp/sp/webs';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/site-users/web';
import { ITeamMember, ITeamRoster, TeamScope } from '../../models/ITeam';
import { IGraphClient } from '../../services/GraphPhotoService';
import { PnPProfileService } from '../../services/PnPProfileService';
import { ComparePhotos } from '../../services/PhotoSyncChecker';
import { FetchLike } from '../../services/retryingFetch';
import { DEFAULT_REQUEST_POLICY, IRequestPolicy } from '../../services/requestPolicy';
import { ISharePointScheduler } from '../../services/sharePointScheduler';
import { scheduledFetch, ThroughScheduler } from '../../services/throughScheduler';
import { AuditListReader, ITeamAuditRead } from '../../services/team/AuditListReader';
import { graphBatchPoster, IGraphBatchClient } from '../../services/team/graphBatchPoster';
import { IBatchOptions } from '../../services/team/graphBatch';
import { PnPTeamProfiles } from '../../services/team/PnPTeamProfiles';
import { ITeamVerdictStore, TeamChecker } from '../../services/team/TeamChecker';
import { TeamGraphPhotos } from '../../services/team/TeamGraphPhotos';
import { ISharePointGroupUser, TeamRosterService, teamCap } from '../../services/team/TeamRosterService';
import { ITeamOverviewService } from './components/useTeamCheck';

/** The picture reads' policy behind the scheduler: as usual, but a limit that allows for waiting in the queue. */
const QUEUED_REQUEST_POLICY: IRequestPolicy = { ...DEFAULT_REQUEST_POLICY, timeoutMs: 30 * 60000 };

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
  /**
   * The page's SharePoint budget: every SharePoint request the overview makes (profile batches, pictures, the
   * roster's SharePoint groups) goes through it. Absent: straight to `sp` and `fetch` (tests).
   */
  scheduler?: ISharePointScheduler;
  /**
   * The site that holds the tenant audit's list ("Profile photo audit"): the overview shows its rows and checks only
   * the people it did not decide. Absent: everyone is checked here.
   */
  auditSiteUrl?: string;
}

/** The overview's services, and a way to ask for the roster before the first render. */
export interface ITeamOverviewServices extends ITeamOverviewService {
  /** Asks for the roster now; the overview's first `roster()` takes that answer instead of asking again. */
  prefetch(): void;
}

/** The overview's services, wired the same way by the web part and the workbench. */
export function createTeamOverviewService(options: ITeamServiceOptions): ITeamOverviewServices {
  const scheduler = options.scheduler;
  const sp = scheduler ? spfi(options.sp).using(ThroughScheduler(scheduler)) : options.sp;
  const fetchPicture = scheduler ? scheduledFetch(scheduler) : options.fetch;
  const groups = {
    memberUsers: () => sp.web.associatedMemberGroup.users() as Promise<ISharePointGroupUser[]>,
    ownerUsers: () => sp.web.associatedOwnerGroup.users() as Promise<ISharePointGroupUser[]>
  };
  const roster = new TeamRosterService(options.graph, groups);
  const checker = new TeamChecker(
    new TeamGraphPhotos(graphBatchPoster(options.graph), options.batch),
    new PnPTeamProfiles(sp, options.siteUrl),
    // Behind the scheduler a picture may wait its turn for minutes on a large or throttled site: the scheduler limits
    // each request from when it is sent, so the whole read gets a limit that allows for the queue.
    new PnPProfileService(sp, options.siteUrl, fetchPicture, scheduler ? QUEUED_REQUEST_POLICY : DEFAULT_REQUEST_POLICY),
    options.compare,
    { store: options.store, preloadComparison: options.preloadComparison }
  );
  const audit = options.auditSiteUrl ? new AuditListReader(sp, options.auditSiteUrl) : undefined;
  // With an audit list, its items are asked for as the roster's pages come; `audit(members)` finishes the read that
  // began with the roster those members came from.
  const auditReads = new WeakMap<ReadonlyArray<ITeamMember>, ITeamAuditRead>();
  const read = (signal?: AbortSignal): Promise<ITeamRoster> => {
    if (!audit) {
      return roster.getRoster(options.groupId, options.scope, options.cap, signal);
    }
    const reading = audit.begin(teamCap(options.cap));
    return roster.getRoster(options.groupId, options.scope, options.cap, signal, (members) => reading.add(members)).then((r) => {
      auditReads.set(r.members, reading);
      return r;
    });
  };
  let prefetched: Promise<ITeamRoster> | undefined;
  return {
    sharePoint: scheduler,
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
    check: (members, onResult, signal) => checker.check(members, onResult, signal),
    audit: audit
      ? (members) => {
          const reading = auditReads.get(members) || audit.begin(members.length);
          auditReads.delete(members);
          return reading.finish(members);
        }
      : undefined
  };
}
