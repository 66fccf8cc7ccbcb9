import * as React from 'react';
import { SyncVerdict } from '../../../models/IPhotoSyncResult';
import { ITeamMember, ITeamPersonResult, ITeamRoster } from '../../../models/ITeam';
import { failureVerdict } from '../../../services/PhotoSyncChecker';
import { ITeamRow } from './teamRows';
import { ISharePointPauseSource } from './useSharePointPause';

/** What the overview asks of the services: the roster, what was remembered, and the check itself. */
export interface ITeamOverviewService {
  /** The page's SharePoint scheduler, whose pauses the progress line announces; absent: none to show. */
  sharePoint?: ISharePointPauseSource;
  roster(signal?: AbortSignal): Promise<ITeamRoster>;
  remembered(members: ReadonlyArray<ITeamMember>): Promise<Array<ITeamPersonResult | undefined>>;
  check(members: ReadonlyArray<ITeamMember>, onResult: (index: number, result: ITeamPersonResult) => void, signal?: AbortSignal): Promise<void>;
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
        // The check's requests go out first; the remembered rows show while they travel (the store is read once).
        const remembering = service.remembered(roster.members).catch(() => roster.members.map(() => undefined));
        const checking = service.check(
          roster.members,
          (index, result) => {
            rows[index] = { ...rows[index], result };
            checked++;
            if (timer === undefined) {
              timer = setTimeout(() => flush(), checked <= SHOWN_AT_ONCE ? 0 : FLUSH_MS);
            }
          },
          abort.signal
        );
        checking.catch(() => undefined); // awaited below; stopped meanwhile is not an unhandled rejection
        const remembered = await remembering;
        rows = rows.map((row, i) => (remembered[i] && !row.result ? { ...row, result: remembered[i] } : row));
        flush({ phase: 'checking', notChecked: roster.notChecked, showingRemembered: remembered.some((r) => !!r) });
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
