/**
 * @jest-environment node
 */
import { claimsAccountName, ITeamMember } from '../../models/ITeam';
import { FakeGraphClient } from '../../../test/fakes/FakeGraphClient';
import { photoBytes as fixture } from '../../../test/photoFixtures';
import { IBatchRequestItem, IBatchResponse, IBatchResponseItem } from './graphBatch';
import { photoBytes, TeamExchangeAnswer, TeamGraphPhotos, toAnswer } from './TeamGraphPhotos';
import { ISharePointGroups, ISharePointGroupUser, MAX_TEAM_CAP, relativeGraphPath, TeamRosterService } from './TeamRosterService';
import { createTeamOverviewService } from '../../webparts/teamOverview/teamServices';
import { AuditListReader, ITeamAuditRead } from './AuditListReader';

const GROUP = '0a1b2c3d-0000-4000-8000-000000000001';
const SELECT = '$select=id,displayName,mail,userPrincipalName,userType&$top=999';
const user = (n: number, extra: Record<string, string> = {}): Record<string, string> => ({ id: `id-${n}`, displayName: `Person ${n}`, mail: `p${n}@contoso.com`, userPrincipalName: `p${n}@contoso.com`, userType: 'Member', ...extra });
const noGroups: ISharePointGroups = { memberUsers: async () => [], ownerUsers: async () => [] };

describe('TeamRosterService: who is checked', () => {
  test("a group site: its members through Graph, every page, only the fields shown, guests marked", async () => {
    const graph = new FakeGraphClient({
      [`/groups/${GROUP}/members/microsoft.graph.user?${SELECT}`]: { json: { value: [user(1), user(2)], '@odata.nextLink': `https://graph.microsoft.com/v1.0/groups/${GROUP}/members/microsoft.graph.user?${SELECT}&$skiptoken=X1` } },
      [`/groups/${GROUP}/members/microsoft.graph.user?${SELECT}&$skiptoken=X1`]: { json: { value: [user(3, { userType: 'Guest', userPrincipalName: 'ann_fabrikam.com#EXT#@contoso.onmicrosoft.com' })] } }
    });
    const roster = await new TeamRosterService(graph, noGroups).getRoster(GROUP, 'members');
    expect(roster.notChecked).toBe(0);
    expect(roster.members.map((m) => [m.id, m.accountName, m.guest])).toEqual([
      ['id-1', 'i:0#.f|membership|p1@contoso.com', false],
      ['id-2', 'i:0#.f|membership|p2@contoso.com', false],
      ['id-3', 'i:0#.f|membership|ann_fabrikam.com#ext#@contoso.onmicrosoft.com', true]
    ]);
    expect(graph.requests).toHaveLength(2);
  });

  test("each page's people are handed on as the page arrives, before the next is asked for (the audit list's reads start with them)", async () => {
    const graph = new FakeGraphClient({
      [`/groups/${GROUP}/members/microsoft.graph.user?${SELECT}`]: { json: { value: [user(1), user(2)], '@odata.nextLink': `https://graph.microsoft.com/v1.0/groups/${GROUP}/members/microsoft.graph.user?${SELECT}&$skiptoken=X1` } },
      [`/groups/${GROUP}/members/microsoft.graph.user?${SELECT}&$skiptoken=X1`]: { json: { value: [user(3)] } }
    });
    const pages: Array<[string[], number]> = [];
    const roster = await new TeamRosterService(graph, noGroups).getRoster(GROUP, 'members', 500, undefined, (members) => pages.push([members.map((m) => m.userPrincipalName), graph.requests.length]));
    expect(pages).toEqual([
      [['p1@contoso.com', 'p2@contoso.com'], 1],
      [['p3@contoso.com'], 2]
    ]);
    expect(roster.members).toHaveLength(3);
    const sp = (n: number): ISharePointGroupUser => ({ LoginName: `i:0#.f|membership|p${n}@contoso.com`, Title: `Person ${n}`, PrincipalType: 1 });
    const fromGroups: string[][] = [];
    await new TeamRosterService(graph, { memberUsers: async () => [sp(4)], ownerUsers: async () => [sp(5)] }).getRoster(undefined, 'owners-and-members', 500, undefined, (members) => fromGroups.push(members.map((m) => m.userPrincipalName)));
    expect(fromGroups.sort()).toEqual([['p4@contoso.com'], ['p5@contoso.com']]);
  });

  test('owners and members: both lists, owners first, nobody twice', async () => {
    const graph = new FakeGraphClient({
      [`/groups/${GROUP}/owners/microsoft.graph.user?${SELECT}`]: { json: { value: [user(9), user(1)] } },
      [`/groups/${GROUP}/members/microsoft.graph.user?${SELECT}`]: { json: { value: [user(1), user(2)] } }
    });
    const roster = await new TeamRosterService(graph, noGroups).getRoster(GROUP, 'owners-and-members');
    expect(roster.members.map((m) => m.id)).toEqual(['id-9', 'id-1', 'id-2']);
  });

  test('the cap: only that many checked, the rest counted; never above 5,000', async () => {
    const value = Array.from({ length: 12 }, (_v, i) => user(i));
    const graph = new FakeGraphClient({ [`/groups/${GROUP}/members/microsoft.graph.user?${SELECT}`]: { json: { value } } });
    const roster = await new TeamRosterService(graph, noGroups).getRoster(GROUP, 'members', 5);
    expect(roster.members).toHaveLength(5);
    expect(roster.notChecked).toBe(7);
    const huge = await new TeamRosterService(graph, noGroups).getRoster(GROUP, 'members', 99999);
    expect(huge.members).toHaveLength(12);
    expect(MAX_TEAM_CAP).toBe(5000);
  });

  test("a site without a group: its SharePoint groups' users (people only), through PnPjs", async () => {
    const sp = (n: number, type: number = 1): ISharePointGroupUser => ({ LoginName: `i:0#.f|membership|p${n}@contoso.com`, Title: `Person ${n}`, Email: `p${n}@contoso.com`, UserPrincipalName: `p${n}@contoso.com`, PrincipalType: type });
    const groups: ISharePointGroups = { memberUsers: async () => [sp(1), sp(2), sp(99, 4)], ownerUsers: async () => [sp(7)] };
    const graph = new FakeGraphClient({});
    const members = await new TeamRosterService(graph, groups).getRoster(undefined, 'members');
    expect(members.members.map((m) => m.userPrincipalName)).toEqual(['p1@contoso.com', 'p2@contoso.com']);
    const both = await new TeamRosterService(graph, groups).getRoster(undefined, 'owners-and-members');
    expect(both.members.map((m) => m.userPrincipalName)).toEqual(['p7@contoso.com', 'p1@contoso.com', 'p2@contoso.com']);
    expect(graph.requests).toEqual([]);
  });

  test('a roster Graph refuses is a permission failure of Graph (GroupMember.Read.All not approved)', async () => {
    const graph = new FakeGraphClient({ [`/groups/${GROUP}/members/microsoft.graph.user?${SELECT}`]: { status: 403, code: 'Authorization_RequestDenied' } });
    await expect(new TeamRosterService(graph, noGroups).getRoster(GROUP, 'members')).rejects.toMatchObject({ service: 'exchange', reason: 'permission-denied' });
  });

  test('nextLink is followed under the version, whatever its host', () => {
    expect(relativeGraphPath('https://graph.microsoft.com/v1.0/groups/x/members?$skiptoken=a%20b')).toBe('/groups/x/members?$skiptoken=a%20b');
    expect(relativeGraphPath('http://localhost:4321/v1.0/groups/x/members?$top=2')).toBe('/groups/x/members?$top=2');
  });
});

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const META = (etag: string, size: number = 648): IBatchResponseItem['body'] => ({ '@odata.mediaEtag': etag, '@odata.mediaContentType': 'image/jpeg', width: size, height: size });

describe('TeamGraphPhotos: one person, two answers', () => {
  test('metadata and photo: a photo lookup with its ETag, and the bytes', () => {
    const jpeg = fixture('messi5');
    const answer = toAnswer({ id: '0.m', status: 200, body: META('W/"e1"') }, { id: '0.p', status: 200, body: base64(jpeg) });
    expect(answer).toEqual({ kind: 'lookup', lookup: { kind: 'photo', metadata: { width: 648, height: 648, etag: 'W/"e1"', contentType: 'image/jpeg' } }, bytes: jpeg });
  });

  test.each([
    ['404 ImageNotFound: no photo', { id: '0.m', status: 404, body: { error: { code: 'ImageNotFound' } } }, { kind: 'lookup', lookup: { kind: 'none' } }],
    ['404 MailboxNotHostedInExchangeOnline: no mailbox', { id: '0.m', status: 404, body: { error: { code: 'MailboxNotHostedInExchangeOnline' } } }, { kind: 'lookup', lookup: { kind: 'no-mailbox', code: 'MailboxNotHostedInExchangeOnline' } }],
    ['403: permission', { id: '0.m', status: 403, body: { error: { code: 'ErrorAccessDenied' } } }, { kind: 'failed', reason: 'permission-denied', status: 403 }],
    ['429 after the retries: throttled, with its wait', { id: '0.m', status: 429, headers: { 'Retry-After': '12' } }, { kind: 'failed', reason: 'throttled', status: 429, retryAfterSeconds: 12 }]
  ] as Array<[string, IBatchResponseItem, TeamExchangeAnswer]>)('%s', (_name, meta, expected) => {
    expect(toAnswer(meta, undefined)).toEqual(expected);
  });

  test("Graph's 1x1 GIF and an empty or broken body are no photo", () => {
    expect(photoBytes(base64(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0])))).toBeUndefined();
    expect(photoBytes('')).toBeUndefined();
    expect(photoBytes('%%%')).toBeUndefined();
    expect(photoBytes({})).toBeUndefined();
  });
});

describe('TeamGraphPhotos: through batches', () => {
  const people: ITeamMember[] = [1, 2, 3].map((n) => ({ id: `id-${n}`, displayName: `P${n}`, userPrincipalName: `p${n}@contoso.com`, accountName: claimsAccountName(`p${n}@contoso.com`), guest: false }));

  function poster(answer: (item: IBatchRequestItem) => IBatchResponseItem): { posted: IBatchRequestItem[][]; post: (b: IBatchRequestItem[]) => Promise<IBatchResponse> } {
    const posted: IBatchRequestItem[][] = [];
    return { posted, post: async (b) => (posted.push(b), { responses: b.map(answer) }) };
  }
  const answers = (item: IBatchRequestItem): IBatchResponseItem =>
    item.url.endsWith('/photo') ? { id: item.id, status: 200, body: META('e') } : { id: item.id, status: 200, body: base64(fixture('messi5')) };

  test('everyone\'s metadata first; a photo asked for goes out with the next batch, ahead of later people, and once', async () => {
    const many = Array.from({ length: 30 }, (_v, n) => ({ ...people[0], id: `id-${n}` }));
    const { posted, post } = poster(answers);
    const got: string[] = [];
    const run = new TeamGraphPhotos(post, { maxInFlight: 1 }).start(many, {
      onMetadata: (i, a) => {
        got.push(`m${i}:${a.kind === 'lookup' ? a.lookup.kind : a.kind}`);
        if (i === 1) {
          run.photo(1);
          run.photo(1); // asking twice asks once
        }
      },
      onPhoto: (i, a) => got.push(`p${i}:${a.kind === 'lookup' && a.bytes ? 'bytes' : 'none'}`)
    });
    await new Promise((r) => setTimeout(r, 5));
    run.close();
    await run.done;
    expect(posted.map((b) => b.length)).toEqual([20, 11]);
    expect(posted[1][0].url).toBe('/users/id-1/photos/96x96/$value'); // before the metadata of people 20 to 29
    expect(posted[1].slice(1).map((r) => r.url)).toEqual(many.slice(20).map((m) => `/users/${m.id}/photo`));
    expect(got.filter((g) => g.startsWith('p'))).toEqual(['p1:bytes']);
    expect(got.filter((g) => g.startsWith('m'))).toHaveLength(30);
  });

  test('a photo smaller than 96 px (no 96 size): read whole afterwards', async () => {
    const { posted, post } = poster((item) =>
      item.url.endsWith('/photo') ? { id: item.id, status: 200, body: META('e', 64) } : item.url.endsWith('/96x96/$value') ? { id: item.id, status: 404, body: { error: { code: 'ImageNotFound' } } } : { id: item.id, status: 200, body: base64(fixture('messi5')) }
    );
    const got: TeamExchangeAnswer[] = [];
    const run = new TeamGraphPhotos(post).start(people.slice(0, 1), { onMetadata: (i) => run.photo(i), onPhoto: (_i, a) => got.push(a) });
    await new Promise((r) => setTimeout(r, 5));
    run.close();
    await run.done;
    expect(posted.map((b) => b.map((r) => r.url))).toEqual([['/users/id-1/photo'], ['/users/id-1/photos/96x96/$value'], ['/users/id-1/photo/$value']]);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ kind: 'lookup', lookup: { kind: 'photo', metadata: { width: 64 } } });
    expect(got[0].kind === 'lookup' && got[0].bytes!.length).toBe(fixture('messi5').length);
  });

  test('done waits for close(): nothing is finished while photos may still be asked for', async () => {
    const { post } = poster(answers);
    const run = new TeamGraphPhotos(post).start(people, { onMetadata: () => undefined, onPhoto: () => undefined });
    let finished = false;
    run.done.then(() => (finished = true), () => undefined);
    await new Promise((r) => setTimeout(r, 10));
    expect(finished).toBe(false);
    run.close();
    await run.done;
    expect(finished).toBe(true);
  });

  test('a person asked by user principal name when the roster has no id (a SharePoint group)', async () => {
    const { posted, post } = poster((item) => ({ id: item.id, status: 404, body: { error: { code: 'ImageNotFound' } } }));
    const run = new TeamGraphPhotos(post).start([{ ...people[0], id: undefined }], { onMetadata: () => undefined, onPhoto: () => undefined });
    run.close();
    await run.done;
    expect(posted[0][0].url).toBe('/users/p1%40contoso.com/photo');
  });
});

type ServiceOptions = Parameters<typeof createTeamOverviewService>[0];
/** The overview's services on a fake Graph (no batch is posted, nothing compared, SharePoint never reached). */
function overviewService(graph: FakeGraphClient, options: Partial<ServiceOptions> = {}): ReturnType<typeof createTeamOverviewService> {
  return createTeamOverviewService({
    graph: graph as unknown as ServiceOptions['graph'],
    sp: {} as ServiceOptions['sp'],
    siteUrl: 'https://contoso.sharepoint.com/sites/team',
    groupId: GROUP,
    scope: 'members',
    cap: 500,
    compare: () => Promise.reject(new Error('nothing is compared here')),
    fetch: async () => new Response(''),
    ...options
  });
}

describe('createTeamOverviewService: the roster asked for before the first render', () => {
  test('prefetch() asks once; the first roster() takes that answer, the next reads anew', async () => {
    const graph = new FakeGraphClient({ [`/groups/${GROUP}/members/microsoft.graph.user?${SELECT}`]: { json: { value: [user(1)] } } });
    const service = overviewService(graph);
    service.prefetch();
    service.prefetch();
    expect(graph.requests).toHaveLength(1);
    expect((await service.roster()).members.map((m) => m.id)).toEqual(['id-1']);
    expect(graph.requests).toHaveLength(1);
    await service.roster();
    expect(graph.requests).toHaveLength(2);
  });

  test("with the audit's list: its read begins with the roster, gets each page as it comes, and audit() finishes that read", async () => {
    const graph = new FakeGraphClient({
      [`/groups/${GROUP}/members/microsoft.graph.user?${SELECT}`]: { json: { value: [user(1), user(2)], '@odata.nextLink': `https://graph.microsoft.com/v1.0/groups/${GROUP}/members/microsoft.graph.user?${SELECT}&$skiptoken=X1` } },
      [`/groups/${GROUP}/members/microsoft.graph.user?${SELECT}&$skiptoken=X1`]: { json: { value: [user(3)] } }
    });
    const reads: Array<{ cap: number; added: string[][]; finished: ReadonlyArray<ITeamMember>[] }> = [];
    const begin = jest.spyOn(AuditListReader.prototype, 'begin').mockImplementation((cap: number): ITeamAuditRead => {
      const read = { cap, added: [] as string[][], finished: [] as ReadonlyArray<ITeamMember>[] };
      reads.push(read);
      return {
        add: (members) => read.added.push(members.map((m) => m.userPrincipalName)),
        finish: async (members) => {
          read.finished.push(members);
          return { results: members.map(() => undefined) };
        }
      };
    });
    try {
      const service = overviewService(graph, { cap: 700, auditSiteUrl: 'https://contoso.sharepoint.com/sites/it' });
      const roster = await service.roster();
      expect(reads).toHaveLength(1);
      expect(reads[0].cap).toBe(700);
      expect(reads[0].added).toEqual([['p1@contoso.com', 'p2@contoso.com'], ['p3@contoso.com']]);
      await service.audit!(roster.members);
      expect(reads[0].finished).toEqual([roster.members]);
      // "Check again": a new roster, a new read; members from elsewhere get a read of their own.
      const again = await service.roster();
      await service.audit!(again.members);
      expect(reads.map((r) => r.finished.length)).toEqual([1, 1]);
      await service.audit!([again.members[0]]);
      expect(reads).toHaveLength(3);
      expect(reads[2].cap).toBe(1);
    } finally {
      begin.mockRestore();
    }
  });
});
