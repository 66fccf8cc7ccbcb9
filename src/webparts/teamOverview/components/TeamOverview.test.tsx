import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import TeamOverview from './TeamOverview';
import { ITeamOverviewService } from './useTeamCheck';
import { claimsAccountName, ITeamMember, ITeamPersonResult, ITeamRoster } from '../../../models/ITeam';
import { SyncVerdict } from '../../../models/IPhotoSyncResult';
import { ServiceError } from '../../../services/ServiceError';

function member(name: string): ITeamMember {
  const upn = `${name.toLowerCase()}@contoso.com`;
  return { displayName: `${name} Test`, mail: upn, userPrincipalName: upn, accountName: claimsAccountName(upn), guest: false };
}

const PEOPLE = ['Ann', 'Ben', 'Cy', 'Dee'].map(member);
const VERDICTS: SyncVerdict[] = [{ kind: 'in-sync', distance: 0.02 }, { kind: 'out-of-sync', distance: 0.5 }, { kind: 'sharepoint-placeholder' }, { kind: 'no-mailbox' }];

/** A service whose roster and results the test releases. */
class FakeTeamService implements ITeamOverviewService {
  public rosterAnswer: Promise<ITeamRoster> = Promise.resolve({ members: PEOPLE, notChecked: 0 });
  public remember: Array<ITeamPersonResult | undefined> = [];
  public runs = 0;
  public signal: AbortSignal | undefined;
  private _emit: ((i: number, r: ITeamPersonResult) => void) | undefined;
  private _finish: (() => void) | undefined;
  private _fail: ((e: unknown) => void) | undefined;

  public roster(): Promise<ITeamRoster> {
    return this.rosterAnswer;
  }
  /** What remembered() waits for (a test holds it back to see the check start first). */
  public rememberGate: Promise<void> = Promise.resolve();
  public async remembered(members: ReadonlyArray<ITeamMember>): Promise<Array<ITeamPersonResult | undefined>> {
    await this.rememberGate;
    return members.map((_m, i) => this.remember[i]);
  }
  public checkedMembers: ReadonlyArray<ITeamMember> = [];
  public check(members: ReadonlyArray<ITeamMember>, onResult: (i: number, r: ITeamPersonResult) => void, signal?: AbortSignal): Promise<void> {
    this.runs++;
    this.checkedMembers = members;
    this.signal = signal;
    this._emit = onResult;
    return new Promise((resolve, reject) => {
      this._finish = resolve;
      this._fail = reject;
      if (signal) {
        signal.addEventListener('abort', () => reject(new Error('aborted')));
      }
    });
  }
  public emit(i: number, verdict: SyncVerdict = VERDICTS[i]): void {
    this._emit!(i, { member: PEOPLE[i], verdict, sharePointUpdated: new Date('2026-05-04T10:00:00Z') });
  }
  public finish(): void {
    this._finish!();
  }
  public fail(e: unknown): void {
    this._fail!(e);
  }
}

const copied: string[] = [];
function renderOverview(service: FakeTeamService): void {
  render(<TeamOverview title="" service={service} personalPageUrl="https://contoso.sharepoint.com/sites/hr/" locale="en-US" copyText={async (t) => void copied.push(t)} />);
}

async function allDone(service: FakeTeamService): Promise<void> {
  await waitFor(() => expect(service.runs).toBe(1));
  act(() => {
    PEOPLE.forEach((_p, i) => service.emit(i));
    service.finish();
  });
  await screen.findByText('Checked 4 people.');
}

describe('TeamOverview', () => {
  beforeEach(() => {
    copied.length = 0;
  });

  test('finds the people, counts up, then shows the summary and one row per person with its verdict', async () => {
    const service = new FakeTeamService();
    renderOverview(service);
    expect(screen.getByRole('heading', { name: 'Profile photos on this site' })).toBeTruthy();
    expect(screen.getByText('Finding the people on this site…')).toBeTruthy();
    await screen.findByText('Checked 0 of 4 people…');
    act(() => service.emit(1));
    await screen.findByText('Checked 1 of 4 people…');
    act(() => {
      [0, 2, 3].forEach((i) => service.emit(i));
      service.finish();
    });
    await screen.findByText('Checked 4 people.');
    const counts = within(screen.getByRole('list', { name: 'Summary' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(counts).toEqual(['Different photo:1', 'Placeholder in SharePoint:1', 'No mailbox:1', 'In sync:1']);
    const rows = Array.from(document.querySelectorAll('[data-verdict]')).map((el) => `${el.getAttribute('data-account')}=${el.getAttribute('data-verdict')}`);
    expect(rows).toEqual([
      `${PEOPLE[1].accountName}=out-of-sync`,
      `${PEOPLE[2].accountName}=sharepoint-placeholder`,
      `${PEOPLE[3].accountName}=no-mailbox`,
      `${PEOPLE[0].accountName}=in-sync`
    ]);
  });

  test('Stop ends the check: the signal aborts, the count stays, it says the rest continues, and Continue goes on', async () => {
    const service = new FakeTeamService();
    renderOverview(service);
    await waitFor(() => expect(service.runs).toBe(1));
    act(() => service.emit(0));
    fireEvent.click(await screen.findByRole('button', { name: 'Stop' }));
    await screen.findByText('1 of 4 people checked. The rest continues on your next visit, or now: select Continue.');
    expect(service.signal!.aborted).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(service.runs).toBe(2));
  });

  test("while SharePoint asks to slow down, the progress line says so and when it goes on; no row fails for it", async () => {
    const listeners: Array<(s: { pausedUntil?: number; requestsPerMinute: number; sent: number; throttled: number }) => void> = [];
    const service = Object.assign(new FakeTeamService(), {
      sharePoint: {
        status: () => ({ requestsPerMinute: 240, sent: 0, throttled: 0 }),
        subscribe: (l: (s: { pausedUntil?: number; requestsPerMinute: number; sent: number; throttled: number }) => void) => {
          listeners.push(l);
          return () => undefined;
        }
      }
    });
    renderOverview(service);
    await waitFor(() => expect(service.runs).toBe(1));
    act(() => listeners.forEach((l) => l({ pausedUntil: Date.now() + 30000, requestsPerMinute: 120, sent: 10, throttled: 1 })));
    expect(await screen.findByText(/SharePoint asked us to slow down: continuing in (30|29) s\./)).toBeTruthy();
    act(() => listeners.forEach((l) => l({ requestsPerMinute: 120, sent: 11, throttled: 1 })));
    await waitFor(() => expect(screen.queryByText(/SharePoint asked us to slow down/)).toBeNull());
  });

  test('only people who need to act; sort by name; copy a message in plain words with the link', async () => {
    const service = new FakeTeamService();
    renderOverview(service);
    await allDone(service);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Only people who need to act' }));
    await waitFor(() => expect(document.querySelectorAll('[data-verdict]')).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Copy a message: Ben Test' }));
    await screen.findByText('Message copied');
    expect(copied).toEqual(['Hi Ben, SharePoint shows a different profile photo of you than Outlook and Teams do. This page shows both and fixes it in a minute: https://contoso.sharepoint.com/sites/hr/']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Only people who need to act' }));
    fireEvent.click(screen.getByText('Person'));
    await waitFor(() => expect(Array.from(document.querySelectorAll('[data-account]')).map((e) => e.getAttribute('data-account'))).toEqual(PEOPLE.map((p) => p.accountName)));
  });

  test('Export CSV downloads the CSV built in the browser', async () => {
    const service = new FakeTeamService();
    renderOverview(service);
    await allDone(service);
    const blobs: Blob[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (b: Blob) => (blobs.push(b), 'blob:test/csv');
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.download} ${this.href}`);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    click.mockRestore();
    URL.createObjectURL = create;
    expect(clicked).toEqual(['profile-photos.csv blob:test/csv']);
    expect(blobs[0].type).toBe('text/csv;charset=utf-8');
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blobs[0]);
    });
    expect(text.split('\r\n').slice(0, 2)).toEqual(['Name,Email,Verdict,Next step,Distance,SharePoint picture time', 'Ben Test,ben@contoso.com,Different photo,Private-window steps,0.500,2026-05-04T10:00:00.000Z']);
  });

  test("other people's photos refused: the permission to approve, and where", async () => {
    const service = new FakeTeamService();
    renderOverview(service);
    await waitFor(() => expect(service.runs).toBe(1));
    act(() => {
      PEOPLE.forEach((_p, i) => service.emit(i, { kind: 'could-not-check', reason: 'permission-denied', service: 'exchange' }));
      service.finish();
    });
    expect(await screen.findByText(/needs the Microsoft Graph permission User\.ReadBasic\.All.*Advanced > API access/)).toBeTruthy();
  });

  test('the roster refused: GroupMember.Read.All; any other roster failure: its reason', async () => {
    const refused = new FakeTeamService();
    refused.rosterAnswer = Promise.reject(new ServiceError('exchange', 'permission-denied', '403', { status: 403 }));
    renderOverview(refused);
    expect(await screen.findByText(/needs the Microsoft Graph permission GroupMember\.Read\.All/)).toBeTruthy();
  });

  test('the cap: how many more were not checked', async () => {
    const service = new FakeTeamService();
    service.rosterAnswer = Promise.resolve({ members: PEOPLE, notChecked: 120 });
    renderOverview(service);
    expect(await screen.findByText(/120 more people on this site were not checked: the limit is 4/)).toBeTruthy();
  });

  test('a repeat visit shows the remembered rows at once, while checking again', async () => {
    const service = new FakeTeamService();
    service.remember = [{ member: PEOPLE[0], verdict: { kind: 'in-sync', distance: 0.01 }, fromCache: true }];
    renderOverview(service);
    await screen.findByText('Showing the last check while checking again.');
    expect(document.querySelector(`[data-account="${PEOPLE[0].accountName}"]`)!.getAttribute('data-verdict')).toBe('in-sync');
    expect(document.querySelector(`[data-account="${PEOPLE[1].accountName}"]`)!.getAttribute('data-verdict')).toBe('checking');
  });

  test('the check starts before the remembered rows are read; a fresh verdict wins over a remembered one', async () => {
    const service = new FakeTeamService();
    let release!: () => void;
    service.rememberGate = new Promise<void>((resolve) => (release = resolve));
    service.remember = [{ member: PEOPLE[0], verdict: { kind: 'out-of-sync', distance: 0.6 }, fromCache: true }, { member: PEOPLE[1], verdict: { kind: 'no-mailbox' }, fromCache: true }];
    renderOverview(service);
    await waitFor(() => expect(service.runs).toBe(1)); // while remembered() still waits
    act(() => service.emit(0)); // in sync now
    await act(async () => release());
    await screen.findByText('Showing the last check while checking again.');
    expect(document.querySelector(`[data-account="${PEOPLE[0].accountName}"]`)!.getAttribute('data-verdict')).toBe('in-sync');
    expect(document.querySelector(`[data-account="${PEOPLE[1].accountName}"]`)!.getAttribute('data-verdict')).toBe('no-mailbox');
  });

  describe('with the tenant audit configured', () => {
    /** The fake service, and the tenant audit's list deciding the people in `decided` (by roster position). */
    function audited(decided: number[], lastCompleteRun?: Date): FakeTeamService & Required<Pick<ITeamOverviewService, 'audit'>> {
      const service = new FakeTeamService() as FakeTeamService & Required<Pick<ITeamOverviewService, 'audit'>>;
      service.audit = async (members) => ({
        lastCompleteRun,
        results: members.map((m, i) => (decided.indexOf(i) >= 0 ? { member: m, verdict: VERDICTS[i], audited: true } : undefined))
      });
      return service;
    }

    test("shows the audit's rows, says when it last ran, and checks only the people it did not decide", async () => {
      const ranAt = new Date();
      ranAt.setHours(6, 10, 0, 0);
      const service = audited([0, 1, 3], ranAt);
      renderOverview(service);
      await waitFor(() => expect(service.runs).toBe(1));
      expect(service.checkedMembers.map((m) => m.displayName)).toEqual(['Cy Test']);
      const line = await screen.findByText(/Checked by the tenant audit today at 6:10\sAM\. 1 of 4 people were not decided by the audit and are checked here\./);
      expect(line.getAttribute('data-team-audit')).toBe('read');
      expect(document.querySelector(`[data-account="${PEOPLE[1].accountName}"]`)!.getAttribute('data-verdict')).toBe('out-of-sync');
      expect(document.querySelector(`[data-account="${PEOPLE[2].accountName}"]`)!.getAttribute('data-verdict')).toBe('checking');
      // The live check's first (and only) person lands on Cy's row, not on the roster's first.
      act(() => {
        service.emit(0, { kind: 'sharepoint-placeholder' });
        service.finish();
      });
      await screen.findByText('Checked 4 people.');
      expect(document.querySelector(`[data-account="${PEOPLE[2].accountName}"]`)!.getAttribute('data-verdict')).toBe('sharepoint-placeholder');
      expect(document.querySelector(`[data-account="${PEOPLE[0].accountName}"]`)!.getAttribute('data-verdict')).toBe('in-sync');
      // Rows from the audit have no photos here, and say why instead of "no photo".
      expect(screen.getAllByRole('img', { name: /Ann Test.*not loaded here: the tenant audit checked this person/ })).toHaveLength(2);
    });

    test('everyone decided by the audit: nothing is checked here; an older run gives its date', async () => {
      const service = audited([0, 1, 2, 3], new Date('2026-11-30T09:15:00'));
      renderOverview(service);
      await screen.findByText('Checked 4 people.');
      expect(service.runs).toBe(0);
      expect(screen.getByText(/^Checked by the tenant audit on November 30, 2026 at 9:15\sAM\.$/)).toBeTruthy();
    });

    test('before the audit finished a run, it says so; a list that cannot be read leaves everyone to the live check', async () => {
      const service = audited([0]);
      renderOverview(service);
      expect(await screen.findByText(/^The tenant audit has not finished a run yet; what it has decided so far is shown\. 3 of 4 people/)).toBeTruthy();

      const failing = new FakeTeamService() as FakeTeamService & Required<Pick<ITeamOverviewService, 'audit'>>;
      failing.audit = () => Promise.reject(new ServiceError('sharepoint', 'unexpected', 'List does not exist', { status: 404 }));
      renderOverview(failing);
      await waitFor(() => expect(failing.runs).toBe(1));
      expect(failing.checkedMembers).toHaveLength(4);
      expect(await screen.findByText("The tenant audit's list could not be read, so everyone is checked here.")).toBeTruthy();
    });
  });
});
