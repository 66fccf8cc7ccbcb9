/**
 * One run of the tenant audit: everyone in the directory (or one group), checked with the team overview's own
 * checker and verdicts, app-only, within SharePoint's budget for applications.
 *
 *  1. The people: Graph `/users` (or the group's members), paged.
 *  2. Their photo metadata (Graph `$batch`, 20 a batch) and SharePoint profiles (SharePoint `$batch`), for everyone,
 *     every run; pictures are downloaded and compared only for people whose fingerprint (Exchange photo ETag,
 *     SharePoint picture time and address) changed since their last decision, or who were never decided.
 *  3. Decisions are kept in Azure Table storage as they are made (every 25), so a run stopped by a time limit, a
 *     crash or a redeploy loses nothing decided; people who left the directory are forgotten.
 *
 * The SharePoint pace is the web parts' scheduler at the app's budget; Graph's photo batches follow Graph's Outlook
 * guidance (4 in flight) with its own per-request retries.
 */
import { comparePhotos } from '../../src/comparison';
import { ITeamMember, ITeamPersonResult } from '../../src/models/ITeam';
import { INextStep } from '../../src/models/INextStep';
import { SyncVerdictKind } from '../../src/models/IPhotoSyncResult';
import { othersNextStep } from '../../src/shared/nextStep';
import { FetchLike } from '../../src/services/retryingFetch';
import { ISharePointScheduler, SharePointScheduler } from '../../src/services/sharePointScheduler';
import { TeamChecker } from '../../src/services/team/TeamChecker';
import { TeamGraphPhotos } from '../../src/services/team/TeamGraphPhotos';
import { graphPoster, readDirectory } from './appGraph';
import { AppPictures, appProfiles } from './appSharePoint';
import { AUDIT_LIST_TITLE, AuditList, auditItem, IAuditItem, IListWrite } from './auditList';
import { IRunProgress, TableProgress } from './tableProgress';

/**
 * SharePoint requests a minute the audit allows itself by default: half of the smallest tenant's app budget (1,200
 * resource units a minute at up to 1,000 licences, about 600 REST requests at Microsoft's planning cost of 2), so the
 * tenant's other apps keep the rest. An app setting raises it for larger tenants.
 */
export const DEFAULT_AUDIT_PACE = 300;
/** SharePoint requests of the audit in flight at once. */
export const AUDIT_IN_FLIGHT = 16;

export interface IAuditConfig {
  /** Graph's root, `https://graph.microsoft.com`. */
  graphUrl: string;
  /** The SharePoint tenant, `https://contoso.sharepoint.com` (people's profiles are read through it). */
  sharePointUrl: string;
  /** The my-site host, `https://contoso-my.sharepoint.com` (profile picture files). */
  mySiteHostUrl: string;
  /** Only this Microsoft 365 group's members, when set. */
  groupId?: string;
  /** SharePoint requests a minute. */
  pace?: number;
  /** The site that holds the audit list (default: `sharePointUrl`), and the list's title. */
  listSiteUrl?: string;
  listTitle?: string;
}

export interface IAuditServices {
  /** `fetch` with the app's Graph token. */
  graphFetch: FetchLike;
  /** `fetch` with the app's SharePoint token. */
  sharePointFetch: FetchLike;
  progress: TableProgress;
}

/** One person's outcome, as the list and the summary read it. */
export interface IAuditRow {
  member: ITeamMember;
  /** Absent: not decided in this run (stopped first). */
  result?: ITeamPersonResult;
  next?: INextStep;
  /** Decided earlier, unchanged since: no picture downloaded for it this run. */
  remembered: boolean;
}

export interface IAuditOutcome {
  rows: IAuditRow[];
  state: 'done' | 'stopped';
  sharePointRequests: number;
  graphRequests: number;
  picturesDownloaded: number;
  /** SharePoint's 429/503 answers. */
  throttled: number;
  /** Requests that left while SharePoint had said to wait (the scheduler's promise: none). */
  sentWhileThrottled: number;
  seconds: number;
  /** What the run changed in the list. */
  list: IListWrite;
}

/** Runs the audit until everyone is decided or `signal` stops it (then resolves with `state: 'stopped'`). */
export async function runAudit(config: IAuditConfig, services: IAuditServices, signal: AbortSignal = new AbortController().signal, now: () => number = () => Date.now()): Promise<IAuditOutcome> {
  const started = now();
  const counters = { sharePoint: 0, graph: 0, pictures: 0, sentWhileThrottled: 0 };
  const pace = config.pace || DEFAULT_AUDIT_PACE;
  // One pace for every SharePoint request of the app: profiles, pictures. The counting wrapper sees each request
  // (and each retry) as it leaves the scheduler.
  let scheduler: ISharePointScheduler | undefined;
  const counted: FetchLike = (input, init) => {
    counters.sharePoint++;
    const status = scheduler ? scheduler.status() : undefined;
    if (status && status.pausedUntil !== undefined && status.pausedUntil > now()) {
      counters.sentWhileThrottled++;
    }
    return services.sharePointFetch(input, init);
  };
  // A server, not a browser: no six-connection limit, so enough in flight that SharePoint's answer time does not cap
  // the pace (16 at 150 ms a request is 6,400 a minute). The first burst stays small: a job has no page waiting for
  // its first answers, and until SharePoint's RateLimit headers say how much of the app's budget is used, a burst
  // could overrun it.
  scheduler = new SharePointScheduler(counted, { requestsPerMinute: pace, inFlight: AUDIT_IN_FLIGHT, burst: Math.max(1, Math.round(pace / 4)), firstBurst: 4 }, now);

  await services.progress.ensure();
  const progress: IRunProgress = { startedAt: new Date(started).toISOString(), state: 'running', people: 0, decided: 0 };
  await services.progress.saveRun(progress);
  try {
    return await audit(config, services, scheduler, counters, progress, signal, now, started);
  } catch (e) {
    // The last run's progress says why it failed (the HTTP function reports it); what was decided is kept.
    await services.progress.saveRun({ ...progress, state: 'failed', endedAt: new Date(now()).toISOString(), error: e instanceof Error ? e.message : String(e) }).catch(() => undefined);
    throw e;
  }
}

async function audit(
  config: IAuditConfig,
  services: IAuditServices,
  scheduler: ISharePointScheduler,
  counters: { sharePoint: number; graph: number; pictures: number; sentWhileThrottled: number },
  progress: IRunProgress,
  signal: AbortSignal,
  now: () => number,
  started: number
): Promise<IAuditOutcome> {
  const list = new AuditList(scheduler, config.listSiteUrl || config.sharePointUrl, config.listTitle || AUDIT_LIST_TITLE);
  await list.ensure();
  const members = await readDirectory(services.graphFetch, config.graphUrl, config.groupId, signal, () => counters.graph++);
  progress.people = members.length;
  await services.progress.saveRun(progress);

  const profiles = appProfiles(scheduler, config.sharePointUrl);
  const pictures = new AppPictures(scheduler, profiles, config.mySiteHostUrl, () => counters.pictures++);
  const exchange = new TeamGraphPhotos(
    graphPoster(services.graphFetch, config.graphUrl, () => counters.graph++),
    { maxAttempts: 8, maxRetryAfterSeconds: 300, signal }
  );
  const checker = new TeamChecker(exchange, profiles, pictures, (a, b) => comparePhotos(a, b), { store: services.progress, firstProfileChunk: 100, picturesInFlight: AUDIT_IN_FLIGHT });
  const rows: IAuditRow[] = members.map((member) => ({ member, remembered: false }));
  let state: IAuditOutcome['state'] = 'done';
  try {
    await checker.check(
      members,
      (i, result) => {
        rows[i] = { member: members[i], result, next: othersNextStep(result, new Date(now())), remembered: !!result.fromCache };
        progress.decided++;
      },
      signal
    );
  } catch (e) {
    if (!signal.aborted) {
      throw e;
    }
    state = 'stopped';
  }
  // The list: one item per decided person (people not reached before a stop keep their item); leavers deleted.
  const remembered = await services.progress.load();
  const checkedAt = new Date(now());
  const items = rows
    .map((row) => auditItem(row, (remembered.get(row.member.accountName) || { fingerprint: '' }).fingerprint, checkedAt))
    .filter((item): item is IAuditItem => !!item);
  const written = await list.write(items, new Set(members.map((m) => m.userPrincipalName.toLowerCase())));
  if (state === 'done') {
    await list.markComplete(new Date(now()));
  }
  const status = scheduler.status();
  const outcome: IAuditOutcome = {
    rows,
    state,
    sharePointRequests: counters.sharePoint,
    graphRequests: counters.graph,
    picturesDownloaded: counters.pictures,
    throttled: status.throttled,
    sentWhileThrottled: counters.sentWhileThrottled,
    seconds: (now() - started) / 1000,
    list: written
  };
  await services.progress.saveRun({ ...progress, state, endedAt: new Date(now()).toISOString(), summary: summaryLine(outcome) });
  return outcome;
}

/** The summary's verdict columns, in its order. */
const SUMMARY_KINDS: Array<[SyncVerdictKind, string]> = [
  ['in-sync', 'in sync'],
  ['out-of-sync', 'out of sync'],
  ['sharepoint-placeholder', 'placeholder'],
  ['no-exchange-photo', 'no Exchange photo'],
  ['no-mailbox', 'no mailbox'],
  ['could-not-check', 'could not check']
];

/**
 * The one line a run ends with: how many people got each verdict (SharePoint's throttling keeping someone from being
 * checked is "not checked yet", as in the team overview), and what it cost.
 */
export function summaryLine(outcome: IAuditOutcome): string {
  const counts = new Map<string, number>();
  let notYet = 0;
  for (const row of outcome.rows) {
    const verdict = row.result ? row.result.verdict : undefined;
    if (!verdict || (verdict.kind === 'could-not-check' && verdict.reason === 'throttled' && verdict.service === 'sharepoint')) {
      notYet++;
    } else {
      counts.set(verdict.kind, (counts.get(verdict.kind) || 0) + 1);
    }
  }
  const verdicts = SUMMARY_KINDS.map(([kind, words]) => `${counts.get(kind) || 0} ${words}`).join(', ');
  return (
    `audit: ${outcome.rows.length} people: ${verdicts}, ${notYet} not checked yet; ` +
    `${outcome.sharePointRequests} SharePoint requests, ${outcome.graphRequests} Graph requests, ${outcome.picturesDownloaded} pictures downloaded, ` +
    `${outcome.throttled} throttled, ${outcome.sentWhileThrottled} sent while throttled; ${Math.round(outcome.seconds)} s`
  );
}
