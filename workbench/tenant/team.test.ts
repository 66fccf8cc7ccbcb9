/**
 * @jest-environment node
 */
import * as http from 'http';
import * as path from 'path';
import { AddressInfo } from 'net';
import { spfi, DefaultHeaders, DefaultInit } from '@pnp/sp';
import { BrowserFetchWithRetry, DefaultParse } from '@pnp/queryable';
import { cameraOriginal, createTenantServer, TEAM_GROUP_ID } from './server';
import { CAMERA_ORIGINAL } from './scenarios';
import { jpegFrameSize } from '../../src/comparison/sniffFormat';
import * as fs from 'fs';
import { expected, roster, teamSize, TEAM_PHOTOS } from './team';
import { createWorkbenchGraphClient } from '../page/graphClient';
import { comparePhotos } from '../../src/comparison';
import { ITeamPersonResult } from '../../src/models/ITeam';
import { PnPProfileService } from '../../src/services/PnPProfileService';
import { graphBatchPoster } from '../../src/services/team/graphBatchPoster';
import { PnPTeamProfiles } from '../../src/services/team/PnPTeamProfiles';
import { TeamChecker } from '../../src/services/team/TeamChecker';
import { TeamGraphPhotos } from '../../src/services/team/TeamGraphPhotos';
import { TeamRosterService } from '../../src/services/team/TeamRosterService';

/**
 * The simulated site's roster and the team endpoints, read by the team overview's real services through the real
 * Graph client and the real PnPjs (Node's fetch): every person ends with the verdict the tenant intends.
 */
let server: http.Server;
let base = '';
let cookie = '';

beforeAll(async () => {
  server = createTenantServer({ photosDir: path.join(__dirname, '..', '..', 'test', 'fixtures', 'photos'), syncDelayMs: 0, latencyMs: 0, pageConfig: {} });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A session on the simulated tenant (as the page's first load makes one), and fetch sending its cookie. */
async function session(query: string): Promise<void> {
  const page = await fetch(`${base}/?${query}`);
  cookie = (page.headers.get('set-cookie') || '').split(';')[0];
  const original = globalThis.fetch;
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers((init && init.headers) || undefined);
    headers.set('Cookie', cookie);
    return original(input, { ...init, headers });
  }) as typeof fetch;
  (globalThis as unknown as { __restore?: () => void }).__restore = () => (globalThis.fetch = original);
}
afterEach(() => {
  const restore = (globalThis as unknown as { __restore?: () => void }).__restore;
  if (restore) {
    restore();
  }
});

function services(): { roster: TeamRosterService; checker: TeamChecker } {
  const graph = createWorkbenchGraphClient(base);
  const sp = spfi(base).using(DefaultHeaders(), DefaultInit(), BrowserFetchWithRetry(), DefaultParse());
  const roster = new TeamRosterService(graph, { memberUsers: async () => [], ownerUsers: async () => [] });
  const checker = new TeamChecker(
    new TeamGraphPhotos(graphBatchPoster(graph), { secondMs: 50 }),
    new PnPTeamProfiles(sp, base),
    new PnPProfileService(sp, base, (input, init) => fetch(input, init)),
    comparePhotos
  );
  return { roster, checker };
}

describe('the simulated site for the team overview', () => {
  test('the roster is the same every time, every verdict is meant for someone, and guests have no mailbox', () => {
    const people = roster(60);
    expect(roster(60)).toEqual(people);
    const intents = new Set(people.map((p) => p.intent));
    expect(Array.from(intents).sort()).toEqual(['could-not-check', 'in-sync', 'no-exchange-photo', 'no-mailbox', 'out-of-sync', 'sharepoint-placeholder']);
    expect(people.filter((p) => p.guest).every((p) => p.intent === 'no-mailbox' || p.intent === 'could-not-check')).toBe(true);
    expect(new Set(people.map((p) => p.accountName)).size).toBe(60);
    expect([teamSize(null), teamSize('0'), teamSize('99999'), teamSize('250')]).toEqual([60, 1, 5000, 250]);
    expect(people.every((p) => !p.exchange || TEAM_PHOTOS.indexOf(p.exchange) >= 0)).toBe(true);
  });

  test('group members come in pages through the real Graph client, and the cap counts the rest', async () => {
    await session('part=team&people=2500');
    const { roster: service } = services();
    const all = await service.getRoster(TEAM_GROUP_ID, 'members', 5000);
    expect(all.members.map((m) => m.accountName)).toEqual(roster(2500).map((p) => p.accountName)); // three pages of 999
    const capped = await service.getRoster(TEAM_GROUP_ID, 'members', 100);
    expect([capped.members.length, capped.notChecked]).toEqual([100, 2400]);
    const withOwners = await service.getRoster(TEAM_GROUP_ID, 'owners-and-members', 5000);
    expect(withOwners.members).toHaveLength(2500); // the owners are members too: nobody twice
  });

  test('every person ends with the verdict the tenant intends (Graph $batch, SharePoint $batch, userphoto.aspx)', async () => {
    await session('part=team&people=60');
    const { roster: service, checker } = services();
    const { members } = await service.getRoster(TEAM_GROUP_ID, 'members', 500);
    const results: ITeamPersonResult[] = [];
    await checker.check(members, (i, r) => (results[i] = r));
    const intended = expected(roster(60), false);
    expect(results.map((r) => ({ account: r.member.accountName, verdict: r.verdict.kind }))).toEqual(intended);
  }, 60000);

  test('team-throttled: the throttled requests are retried to completion, with the same verdicts', async () => {
    await session('part=team&people=30&scenario=team-throttled');
    const { roster: service, checker } = services();
    const { members } = await service.getRoster(TEAM_GROUP_ID, 'members', 500);
    const results: ITeamPersonResult[] = [];
    await checker.check(members, (i, r) => (results[i] = r));
    expect(results.map((r) => r.verdict.kind)).toEqual(expected(roster(30), false).map((e) => e.verdict));
  }, 60000);

  test('team-no-permission: every person says the permission is missing, and the tenant expects exactly that', async () => {
    await session('part=team&people=12&scenario=team-no-permission');
    const { roster: service, checker } = services();
    const { members } = await service.getRoster(TEAM_GROUP_ID, 'members', 500);
    const results: ITeamPersonResult[] = [];
    await checker.check(members, (i, r) => (results[i] = r));
    expect(results.every((r) => r.verdict.kind === 'could-not-check' && r.verdict.reason === 'permission-denied')).toBe(true);
    const served = (await (await fetch(`${base}/workbench/team-expected.json`)).json()) as Array<{ verdict: string }>;
    expect(served.every((e) => e.verdict === 'could-not-check')).toBe(true);
  }, 60000);
});

describe('the simulated tenant behaves as SharePoint Online for the overview', () => {
  test('a SharePoint batch holds at most 100 requests; PnPjs, told so, splits a larger one', async () => {
    await session('part=team&people=150');
    const people = roster(150);
    const part = (p: { accountName: string }): string =>
      `--b\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nGET ${base}/_api/SP.UserProfiles.PeopleManager/GetPropertiesFor(accountName=@v)?@v='${encodeURIComponent(p.accountName)}' HTTP/1.1\r\n\r\n`;
    const tooMany = await fetch(`${base}/_api/$batch`, { method: 'POST', headers: { 'Content-Type': 'multipart/mixed; boundary=b' }, body: people.slice(0, 101).map(part).join('') + '--b--\r\n' });
    expect(tooMany.status).toBe(400);
    const sp = spfi(base).using(DefaultHeaders(), DefaultInit(), BrowserFetchWithRetry(), DefaultParse());
    const lookups = await new PnPTeamProfiles(sp, base).read(people.map((p) => p.accountName));
    expect(lookups).toHaveLength(150);
    expect(lookups.filter((l) => !(l instanceof Error) && l.kind === 'profile')).toHaveLength(people.filter((p) => !p.noProfile).length);
  });

  test("the page's configuration carries a request digest the tenant accepts, as a SharePoint page's context does", async () => {
    await session('');
    const config = (await (await fetch(`${base}/workbench/config.json`)).json()) as { formDigestValue?: string };
    expect(config.formDigestValue).toMatch(/^0x[0-9A-F]{64},/);
    const post = (digest?: string): Promise<Response> =>
      fetch(`${base}/_api/SP.UserProfiles.PeopleManager/SetMyProfilePicture`, { method: 'POST', headers: digest ? { 'X-RequestDigest': digest } : {}, body: new Uint8Array([1, 2, 3]) });
    expect((await post()).status).toBe(403);
    expect((await post(config.formDigestValue)).status).not.toBe(403);
  });
});

describe('a camera original in Entra ID', () => {
  test('8256 x 5504 under Graph\'s 4 MB, its centre square the photo (the same 1200 x 900 shape as the small one)', () => {
    const bytes = cameraOriginal(new Uint8Array(fs.readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'photos', 'messi5.jpg'))), CAMERA_ORIGINAL);
    expect(jpegFrameSize(bytes)).toEqual({ width: 8256, height: 5504 });
    expect(bytes.length).toBeLessThan(4 * 1024 * 1024);
    expect(bytes.length).toBeGreaterThan(100 * 1024);
  }, 90000);
});
