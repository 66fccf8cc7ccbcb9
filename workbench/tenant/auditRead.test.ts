/**
 * @jest-environment node
 */
import * as http from 'http';
import * as path from 'path';
import { AddressInfo } from 'net';
import { spfi, DefaultHeaders, DefaultInit } from '@pnp/sp';
import { BrowserFetch, DefaultParse } from '@pnp/queryable';
import { createTenantServer } from './server';
import { AuditList, auditItem } from '../../audit/job/auditList';
import { claimsAccountName, ITeamMember, ITeamPersonResult } from '../../src/models/ITeam';
import { SyncVerdict } from '../../src/models/IPhotoSyncResult';
import { SharePointScheduler } from '../../src/services/sharePointScheduler';
import { AuditListReader, ITeamAudit } from '../../src/services/team/AuditListReader';
import { AUDIT_LIST_TITLE, auditedResult } from '../../src/shared/auditRows';
import { othersNextStep } from '../../src/shared/nextStep';

/**
 * The team overview's reader of the tenant audit's list, through the real PnPjs (its `$batch`es), against the
 * simulated site's list as the audit writes it: what it asks for, when, and what it makes of the answers.
 */
let server: http.Server;
let base = '';
/** Every `$batch` sent to the site, as the number of GETs it held (the item queries, and the list's description). */
let batches: number[] = [];
let restore: () => void = () => undefined;

const now = new Date('2026-12-07T06:10:00Z');
const member = (i: number): ITeamMember => {
  const upn = `person.${i}@contoso.com`;
  return { displayName: `Person ${i}`, userPrincipalName: upn, accountName: claimsAccountName(upn), guest: false };
};
const people = Array.from({ length: 70 }, (_, i) => member(i));
const VERDICTS: SyncVerdict[] = [
  { kind: 'in-sync', distance: 0.03 },
  { kind: 'out-of-sync', distance: 0.41 },
  { kind: 'no-exchange-photo' },
  { kind: 'no-mailbox' }
];
/** The audit decided the first 50; the last 20 joined after it ran. */
const results: ITeamPersonResult[] = people.slice(0, 50).map((m, i) => ({
  member: m,
  verdict: VERDICTS[i % VERDICTS.length],
  sharePointPicture: { placeholder: false, timestamp: '2026-11-02T10:00:00.000Z' },
  sharePointUpdated: new Date('2026-11-02T10:00:00.000Z')
}));
const items = results.map((result) => auditItem({ member: result.member, result, next: othersNextStep(result, now), remembered: false }, 'fingerprint', now)!);

beforeAll(async () => {
  server = createTenantServer({ photosDir: path.join(__dirname, '..', '..', 'test', 'fixtures', 'photos'), syncDelayMs: 0, latencyMs: 0, pageConfig: {} });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A session on the simulated site (as a page's first load makes one), every request with its cookie.
  const page = await fetch(`${base}/?part=team&people=60`);
  const cookie = (page.headers.get('set-cookie') || '').split(';')[0];
  const original = globalThis.fetch;
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers((init && init.headers) || undefined);
    headers.set('Cookie', cookie);
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith('/_api/$batch')) {
      batches.push((String((init && init.body) || '').match(/^GET /gm) || []).length);
    }
    return original(input, { ...init, headers });
  }) as typeof fetch;
  restore = () => (globalThis.fetch = original);
  // The list as the audit writes it, through the audit's own writer.
  const scheduler = new SharePointScheduler((input, init) => fetch(input, init), { requestsPerMinute: 100000, inFlight: 4, burst: 1000 }, () => Date.now());
  const list = new AuditList(scheduler, base);
  await list.ensure();
  await list.write(items, new Set(items.map((i) => i.Title)));
  await list.markComplete(now);
});
afterAll(() => {
  restore();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  batches = [];
});

function reader(earlyBatchAccounts?: number, title: string = AUDIT_LIST_TITLE): AuditListReader {
  return new AuditListReader(spfi(base).using(DefaultHeaders(), DefaultInit(), BrowserFetch(), DefaultParse()), base, title, earlyBatchAccounts);
}

/** What the overview should make of each person: the audit's result read back, or nothing for newcomers. */
function expected(members: ReadonlyArray<ITeamMember>): Array<string | undefined> {
  return members.map((m) => {
    const item = items.find((i) => i.Title === m.userPrincipalName);
    return item ? auditedResult(item, m, now)!.verdict.kind : undefined;
  });
}
/** PnPjs sends a batch on a timer: waits (a while at most) until `n` batches have gone out. */
async function sent(n: number): Promise<number[]> {
  for (let waited = 0; batches.length < n && waited < 5000; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await new Promise((resolve) => setTimeout(resolve, 30)); // and none more meanwhile
  return batches.slice();
}
const kinds = (audit: ITeamAudit): Array<string | undefined> => audit.results.map((r) => (r ? r.verdict.kind : undefined));

describe("the team overview's reader of the audit list", () => {
  test('one roster in one $batch: 30 accounts a query and the description; results in roster order, newcomers undecided', async () => {
    const audit = await reader().read(people);
    expect(batches).toEqual([4]); // the description, and 70 accounts in queries of 30, 30 and 10
    expect(kinds(audit)).toEqual(expected(people));
    expect(audit.results.slice(50).every((r) => r === undefined)).toBe(true);
    expect(audit.results.slice(0, 50).every((r) => !!r && r.audited)).toBe(true);
    expect(audit.lastCompleteRun).toEqual(now);
  });

  test("while the roster's pages come: a $batch once enough people wait, then one for the rest; the same results", async () => {
    const read = reader(40).begin(1000);
    read.add(people.slice(0, 25));
    expect(await sent(0)).toEqual([]); // 25 wait
    read.add(people.slice(25, 50));
    expect(await sent(1)).toEqual([3]); // 50 waited: asked for at once (the description, queries of 30 and 20), before the roster is complete
    read.add(people.slice(50));
    expect(await sent(1)).toEqual([3]);
    const audit = await read.finish(people);
    expect(batches.slice(1)).toEqual([1]); // only the last 20 people, without the description again
    expect(kinds(audit)).toEqual(expected(people));
    expect(audit.lastCompleteRun).toEqual(now);
  });

  test("nobody past the roster's cap is asked for early, and whoever the final roster holds is asked for once", async () => {
    const read = reader(40).begin(45);
    read.add(people); // the first 45 only
    expect(await sent(1)).toEqual([3]);
    const roster = [...people.slice(0, 44), people[60]]; // the final roster differs (owners first, duplicates out)
    const audit = await read.finish(roster);
    expect(batches.slice(1)).toEqual([1]); // person 60 alone
    expect(kinds(audit)).toEqual(expected(roster));
  });

  test('a list it cannot read rejects the read (the overview then checks everyone), early batches included', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const read = reader(10, 'No such list').begin(1000);
      read.add(people.slice(0, 20));
      await expect(read.finish(people.slice(0, 30))).rejects.toMatchObject({ status: 404 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
