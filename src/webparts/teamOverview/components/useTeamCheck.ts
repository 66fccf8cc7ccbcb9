import * as React from 'react';
import { SyncVerdict } from '../../../models/IPhotoSyncResult';
import { ITeamMember, ITeamPersonResult, ITeamRoster } from '../../../models/ITeam';
import { failureVerdict } from '../../../services/PhotoSyncChecker';
import { ITeamAudit } from '../../../services/team/AuditListReader';
import { ITeamRow } from './teamRows';
import { ISharePointPauseSource } from './useSharePointPause';

/** What the overview asks of the services: the roster, what was remembered, and the check itself. */
export interface ITeamOverviewService {
  /** The page's SharePoint scheduler, whose pauses the progress line announces; absent: none to show. */
  sharePoint?: ISharePointPauseSource;
  roster(signal?: AbortSignal): Promise<ITeamRoster>;
  remembered(members: ReadonlyArray<ITeamMember>): Promise<Array<ITeamPersonResult | undefined>>;
  check(members: ReadonlyArray<ITeamMember>, onResult: (index: number, result: ITeamPersonResult) => void, signal?: AbortSignal): Promise<void>;
  /** The tenant audit's rows for the roster, when the owner pointed the overview at its list; absent: none. */
  audit?(members: ReadonlyArray<ITeamMember>, signal?: AbortSignal): Promise<ITeamAudit>;
}

/** What the tenant audit gave this run: how many people it decided and when it last finished, or that it failed. */
export interface ITeamAuditState {
  read: boolean;
  decided: number;
  lastCompleteRun?: Date;
}

export type TeamPhase = 'roster' | 'checking' | 'done' | 'stopped' | 'failed';

export interface ITeamCheckState {
  phase: TeamPhase;
  rows: ITeamRow[];
  /** People checked in this run (remembered rows shown meanwhile do not count). */
  checked: number;
  notChecked: number;
  /** Why the roster could not be read. */
  rosterFailure?: Extract<SyncVerdict, { kind: 'could-not-check' }>;
  /** Rows are the last visit's, shown while this run re-reads. */
  showingRemembered: boolean;
  /** The tenant audit's part in this run, when one is configured. */
  audit?: ITeamAuditState;
}

/**
 * How often the list catches up with results while a check runs: one render for many people, not one each. The
 * first few results show at once (a site owner sees the list start), the rest in batches.
 */
const FLUSH_MS = 150;
const SHOWN_AT_ONCE = 20;

/** A User Timing mark (the bench reads them); nothing where the API is missing. */
function mark(name: string): void {
  if (typeof performance !== 'undefined' && performance.mark) {
    performance.mark(name);
  }
}

/** Runs the overview's check: the roster, the remembered rows at once, then each result as it comes; stoppable. */
export function useTeamCheck(service: ITeamOverviewService): [ITeamCheckState, { stop: () => void; restart: () => void }] {
  const [state, setState] = React.useState<ITeamCheckState>({ phase: 'roster', rows: [], checked: 0, notChecked: 0, showingRemembered: false });
  const [run, setRun] = React.useState<number>(0);
  const controller = React.useRef<AbortController | undefined>(undefined);

  React.useEffect(() => {
    const abort = new AbortController();
    controller.current = abort;
    let rows: ITeamRow[] = [];
    let checked = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let firstShown = false;
    const flush = (patch: Partial<ITeamCheckState> = {}): void => {
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
      }
      if (!abort.signal.aborted || patch.phase === 'stopped') {
        setState((s) => ({ ...s, rows: rows.slice(), checked, ...patch }));
        if (checked >= SHOWN_AT_ONCE && !firstShown) {
          firstShown = true;
          mark('pps:team-first-20');
        }
        if (patch.phase === 'done') {
          mark('pps:team-done');
        }
      }
    };
    setState({ phase: 'roster', rows: [], checked: 0, notChecked: 0, showingRemembered: false });
    service
      .roster(abort.signal)
      .then(async (roster) => {
        rows = roster.members.map((member, index) => ({ index, member }));
        // With the tenant audit configured, its rows come first (asked for while the roster was read, so one round trip
        // after it); only the people it did not decide are checked here. When its list cannot be read, everyone is.
        let audit: ITeamAuditState | undefined;
        if (service.audit) {
          try {
            const read = await service.audit(roster.members, abort.signal);
            read.results.forEach((result, i) => {
              if (result) {
                rows[i] = { ...rows[i], result };
                checked++;
              }
            });
            audit = { read: true, decided: checked, lastCompleteRun: read.lastCompleteRun };
          } catch (e) {
            if (abort.signal.aborted) {
              throw e;
            }
            audit = { read: false, decided: 0 };
          }
        }
        const live = rows.filter((row) => !row.result).map((row) => row.index);
        const liveMembers = live.map((i) => roster.members[i]);
        if (!liveMembers.length && rows.length) {
          // The audit decided everyone: one render of the whole list, done (thousands of rows sorted once, not twice).
          flush({ phase: 'done', notChecked: roster.notChecked, showingRemembered: false, audit });
          return;
        }
        // The check's requests go out first; the remembered rows show while they travel (the store is read once).
        const remembering = liveMembers.length ? service.remembered(liveMembers).catch(() => liveMembers.map(() => undefined)) : Promise.resolve<Array<ITeamPersonResult | undefined>>([]);
        const checking = liveMembers.length
          ? service.check(
            liveMembers,
            (j, result) => {
              const index = live[j];
              rows[index] = { ...rows[index], result };
              checked++;
              if (timer === undefined) {
                timer = setTimeout(() => flush(), checked <= SHOWN_AT_ONCE ? 0 : FLUSH_MS);
              }
            },
            abort.signal
          )
          : Promise.resolve();
        checking.catch(() => undefined); // awaited below; stopped meanwhile is not an unhandled rejection
        const remembered = await remembering;
        remembered.forEach((r, j) => {
          const row = rows[live[j]];
          if (r && !row.result) {
            rows[live[j]] = { ...row, result: r };
          }
        });
        flush({ phase: 'checking', notChecked: roster.notChecked, showingRemembered: remembered.some((r) => !!r), audit });
        await checking;
        flush({ phase: 'done', showingRemembered: false });
      })
      .catch((e: unknown) => {
        if (abort.signal.aborted) {
          flush({ phase: 'stopped' });
          return;
        }
        if (rows.length === 0) {
          const verdict = failureVerdict(e);
          setState((s) => ({ ...s, phase: 'failed', rosterFailure: verdict.kind === 'could-not-check' ? verdict : undefined }));
        } else {
          flush({ phase: 'done' });
        }
      });
    return () => {
      if (timer !== undefined) {
        clearTimeout(timer);
      }
      abort.abort();
    };
  }, [service, run]);

  const stop = React.useCallback(() => {
    if (controller.current) {
      controller.current.abort();
    }
  }, []);
  const restart = React.useCallback(() => setRun((n) => n + 1), []);
  return [state, { stop, restart }];
}
