/**
 * @jest-environment node
 */
/**
 * The tenant audit for real: the job against the simulated tenant (app-only tokens from a certificate, Graph's
 * `/users` and `$batch`, SharePoint's profiles and picture files, its per-app throttling) with its progress in
 * Azurite's Table storage.
 */
import { TableClient } from '@azure/data-tables';
import { expected, roster } from '../../workbench/tenant/team';
import { ICertificate } from './appAuth';
import { IAuditOutcome, runAudit, summaryLine } from './auditJob';
import { AUDIT_LIST_TITLE } from './auditList';
import { IAzurite } from './azurite';
import { IAuditTestbed, startAuditTestbed } from './testbed';
import { appThrottleStats, setAppDirectory, simulatedTenantAudit } from './simulatedTenant';
import { progressPartition, TableProgress } from './tableProgress';

let testbed: IAuditTestbed;
let base: string;
let azurite: IAzurite;
let certificate: ICertificate;
let tables = 0;

beforeAll(async () => {
  testbed = await startAuditTestbed();
  ({ base, azurite, certificate } = testbed);
}, 60000);
afterAll(() => testbed.stop());

/** A fresh table: each test's audit starts with no progress. */
function freshProgress(): TableProgress {
  const table = TableClient.fromConnectionString(azurite.connectionString, `audit${++tables}`, { allowInsecureConnection: true });
  return new TableProgress(table, progressPartition(base, base, AUDIT_LIST_TITLE));
}

async function audit(progress: TableProgress, signal?: AbortSignal, pace: number = 3000): Promise<IAuditOutcome> {
  const { config, services } = simulatedTenantAudit(base, certificate, progress, pace);
  return runAudit(config, services, signal);
}

/** Each person's verdict, as the tenant means it. */
function verdicts(outcome: IAuditOutcome): string[] {
  return outcome.rows.map((r) => `${r.member.accountName}=${r.result ? r.result.verdict.kind : 'none'}`);
}

/** The audit list's items, read as SharePoint serves them: 5,000 a page, following the next link. */
async function listItems(): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  let next: string | undefined = `${base}/_api/web/lists/getByTitle('Profile%20photo%20audit')/items?$select=Title,DisplayName,Verdict,NextStep,Distance,Reason,Fingerprint,CheckedAt&$top=5000`;
  while (next) {
    const page = (await (await fetch(next, { headers: { Accept: 'application/json;odata=nometadata' } })).json()) as { value: Array<Record<string, unknown>>; 'odata.nextLink'?: string };
    items.push(...page.value);
    next = page['odata.nextLink'];
  }
  return items;
}

function claims(upn: string): string {
  return `i:0#.f|membership|${upn.toLowerCase()}`;
}

function intended(people: number): string[] {
  return expected(roster(people), false).map((e) => `${e.account}=${e.verdict}`);
}

describe('the tenant audit on the simulated tenant', () => {
  test('everyone gets the verdict the tenant intends, with the team overview\'s next step; the summary line counts them', async () => {
    await setAppDirectory(base, { people: 60, budget: 6000 });
    const outcome = await audit(freshProgress());
    expect(outcome.state).toBe('done');
    expect(verdicts(outcome)).toEqual(intended(60));
    const out = outcome.rows.find((r) => r.result && r.result.verdict.kind === 'out-of-sync')!;
    expect(out.next && out.next.step).toBe('steps');
    const people = roster(60);
    const count = (intent: string): number => people.filter((p) => p.intent === intent).length;
    const withPicture = people.filter((p) => p.sharePoint && !p.noProfile).length;
    expect(summaryLine(outcome)).toMatch(
      new RegExp(
        `^audit: 60 people: ${count('in-sync')} in sync, ${count('out-of-sync')} out of sync, ${count('sharepoint-placeholder')} placeholder, ` +
          `${count('no-exchange-photo')} no Exchange photo, ${count('no-mailbox')} no mailbox, ${count('could-not-check')} could not check, 0 not checked yet; ` +
          `\\d+ SharePoint requests, \\d+ Graph requests, ${withPicture} pictures downloaded, 0 throttled, 0 sent while throttled; \\d+ s$`
      )
    );
    // A first run reads every picture SharePoint has, once.
    expect(outcome.picturesDownloaded).toBe(withPicture);
    expect(outcome.list).toEqual({ added: 60, updated: 0, deleted: 0, unchanged: 0 });
    // The list, read back as SharePoint serves it: one item per person, the verdict and next step as the overview's.
    const items = await listItems();
    expect(items.map((i) => `${claims(String(i.Title))}=${String(i.Verdict)}`).sort()).toEqual(intended(60).sort());
    const outItem = items.find((i) => i.Title === out.member.userPrincipalName)!;
    expect(outItem).toMatchObject({ NextStep: 'steps', DisplayName: out.member.displayName, Reason: 'Different photo (Private-window steps)' });
    expect(typeof outItem.Distance).toBe('number');
    expect(String(outItem.Fingerprint)).toMatch(/^photo:/);
  }, 120000);

  test('a second run with nothing changed downloads no picture; people who left are forgotten', async () => {
    await setAppDirectory(base, { people: 60, budget: 6000 });
    const progress = freshProgress();
    const first = await audit(progress);
    expect(first.picturesDownloaded).toBeGreaterThan(0);
    const second = await audit(progress);
    expect(second.picturesDownloaded).toBe(0);
    expect(second.list).toEqual({ added: 0, updated: 0, deleted: 0, unchanged: 60 }); // nothing changed: nothing written
    expect(verdicts(second)).toEqual(intended(60));
    const compared = second.rows.filter((r) => r.result && (r.result.verdict.kind === 'in-sync' || r.result.verdict.kind === 'out-of-sync'));
    expect(compared.length).toBeGreaterThan(0);
    expect(compared.every((r) => r.remembered)).toBe(true);
    await setAppDirectory(base, { people: 40, budget: 6000 });
    const third = await audit(progress);
    expect(third.picturesDownloaded).toBe(0);
    expect((await progress.load()).size).toBeLessThanOrEqual(40);
    expect(third.list).toMatchObject({ added: 0, updated: 0, deleted: 20 });
    expect(await listItems()).toHaveLength(40);
  }, 120000);

  test('stopped half-way, the next run goes on: it downloads no picture the first part compared, and ends complete', async () => {
    await setAppDirectory(base, { people: 100, budget: 6000 });
    const progress = freshProgress();
    const stop = new AbortController();
    const downloaded: string[] = [];
    const { config, services } = simulatedTenantAudit(base, certificate, progress, 600);
    const watching = { ...services, sharePointFetch: (input: string, init?: RequestInit) => {
      if (/GetFileByServerRelativeUrl/i.test(input)) {
        downloaded.push(input);
        if (downloaded.length === 20) {
          stop.abort();
        }
      }
      return services.sharePointFetch(input, init);
    } };
    const first = await runAudit(config, watching, stop.signal);
    expect(first.state).toBe('stopped');
    expect(first.rows.filter((r) => !r.result).length).toBeGreaterThan(0);
    // Compared in the first part: a verdict that needed both pictures (a download still in flight at the stop was
    // never compared, and may be read again).
    const comparedFirst = new Set(first.rows.filter((r) => r.result && (r.result.verdict.kind === 'in-sync' || r.result.verdict.kind === 'out-of-sync')).map((r) => r.member.accountName));
    expect(comparedFirst.size).toBeGreaterThan(5);
    downloaded.length = 0;
    const second = await runAudit(config, watching);
    expect(second.state).toBe('done');
    expect(verdicts(second)).toEqual(intended(100));
    // Decisions are kept every 25 and when the run stops: no picture compared before the stop is read again.
    const people = roster(100);
    const again = downloaded.map((d) => people[parseInt(/Pictures%2F(\d+)_MThumb/.exec(d)![1], 10)].accountName).filter((a) => comparedFirst.has(a));
    expect(again).toEqual([]);
    expect(downloaded.length).toBeGreaterThan(0);
    expect((await progress.run())!.state).toBe('done');
  }, 120000);

  test("under the app's SharePoint budget: nothing sent while throttled, and at most 1% throttled", async () => {
    // A budget of 20 a minute against a pace of 300, and more requests than one minute's budget (the list's set-up
    // among them): the pace must come down to it (SharePoint's real minute: this test takes over one).
    await setAppDirectory(base, { people: 20, budget: 20 });
    const { config, services } = simulatedTenantAudit(base, certificate, freshProgress(), 300);
    const outcome = await runAudit({ ...config, listTitle: 'Profile photo audit (under budget)' }, services);
    expect(verdicts(outcome)).toEqual(intended(20));
    const stats = (await appThrottleStats(base))!;
    expect(stats.requests).toBeGreaterThan(20);
    expect(stats.sentWhileThrottled).toBe(0);
    expect(stats.blocked).toBe(false);
    expect(stats.refused).toBeLessThanOrEqual(Math.max(1, 0.01 * stats.requests));
    expect(outcome.sentWhileThrottled).toBe(0);
  }, 180000);
});
