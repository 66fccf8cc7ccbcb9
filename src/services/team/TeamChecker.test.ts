/**
 * @jest-environment node
 */
import { comparePhotos } from '../../comparison';
import { SharePointProfileLookup } from '../../models/ISharePointProfile';
import { claimsAccountName, ITeamMember, ITeamPersonResult } from '../../models/ITeam';
import { IPictureBytes } from '../ISharePointProfileService';
import { ServiceError } from '../ServiceError';
import { ITeamExchangeReader, ITeamPictureReader, ITeamProfileReader, ITeamRemembered, ITeamVerdictStore, TeamChecker } from './TeamChecker';
import { TeamExchangeAnswer } from './TeamGraphPhotos';
import { Pool } from './Pool';
import { sharePointCopy } from '../../../test/photoFixtures';

function member(name: string): ITeamMember {
  const upn = `${name}@contoso.com`;
  return { displayName: name, userPrincipalName: upn, accountName: claimsAccountName(upn), guest: false };
}

const MESSI_96 = sharePointCopy('messi5', 96, 90);
const photo = (etag: string, bytes?: Uint8Array): TeamExchangeAnswer => ({ kind: 'lookup', lookup: { kind: 'photo', metadata: { width: 648, height: 648, etag } }, bytes });
const profile = (account: string, extra: { placeholder?: boolean; at?: string } = {}): SharePointProfileLookup => ({
  kind: 'profile',
  profile: { accountName: account, placeholder: !!extra.placeholder, pictureTimestamp: new Date(extra.at || '2026-10-01T08:00:00Z'), pictureUrl: 'https://contoso-my.sharepoint.com/x.jpg' }
});

/** Fakes that answer per person and record what was asked. */
class FakeExchangeReader implements ITeamExchangeReader {
  public readonly asked: Array<{ upn: string; withPhoto: boolean }> = [];
  public constructor(private readonly _answer: (m: ITeamMember, withPhoto: boolean) => TeamExchangeAnswer) {}
  public async read(members: ReadonlyArray<ITeamMember>, withPhoto: (m: ITeamMember) => boolean, onPerson: (i: number, a: TeamExchangeAnswer) => void): Promise<void> {
    members.forEach((m, i) => {
      const w = withPhoto(m);
      this.asked.push({ upn: m.userPrincipalName, withPhoto: w });
      onPerson(i, this._answer(m, w));
    });
  }
}
class FakeProfiles implements ITeamProfileReader {
  public readonly chunks: number[] = [];
  public constructor(private readonly _answer: (account: string) => SharePointProfileLookup | ServiceError) {}
  public async read(accounts: ReadonlyArray<string>): Promise<Array<SharePointProfileLookup | ServiceError>> {
    this.chunks.push(accounts.length);
    return accounts.map((a) => this._answer(a));
  }
}
class FakePictures implements ITeamPictureReader {
  public readonly asked: string[] = [];
  public constructor(private readonly _answer: (account: string) => IPictureBytes) {}
  public async getPicture(account: string): Promise<IPictureBytes> {
    this.asked.push(account);
    return this._answer(account);
  }
}
class MemoryStore implements ITeamVerdictStore {
  public entries = new Map<string, ITeamRemembered>();
  public async load(): Promise<Map<string, ITeamRemembered>> {
    return new Map(this.entries);
  }
  public async save(entries: Map<string, ITeamRemembered>): Promise<void> {
    this.entries = new Map(entries);
  }
}

const PEOPLE = ['same', 'other', 'placeholder', 'nophoto', 'nomailbox', 'noprofile', 'denied', 'spfails'].map(member);

function exchangeFor(m: ITeamMember, withPhoto: boolean): TeamExchangeAnswer {
  const name = m.displayName;
  if (name === 'nophoto') return { kind: 'lookup', lookup: { kind: 'none' } };
  if (name === 'nomailbox') return { kind: 'lookup', lookup: { kind: 'no-mailbox', code: 'MailboxNotHostedInExchangeOnline' } };
  if (name === 'denied') return { kind: 'failed', reason: 'permission-denied', status: 403 };
  return photo(`W/"${name}"`, withPhoto ? MESSI_96 : undefined);
}
function profileFor(account: string): SharePointProfileLookup | ServiceError {
  if (account.indexOf('|noprofile@') >= 0) return { kind: 'not-found' };
  if (account.indexOf('|spfails@') >= 0) return new ServiceError('sharepoint', 'unavailable', '503');
  return profile(account, { placeholder: account.indexOf('|placeholder@') >= 0 });
}
function pictureFor(account: string): IPictureBytes {
  return { bytes: sharePointCopy(account.indexOf('|other@') >= 0 ? 'orange' : 'messi5', 72, 75), contentType: 'image/jpeg' };
}

async function run(checker: TeamChecker, members: ITeamMember[]): Promise<Array<ITeamPersonResult | undefined>> {
  const results: Array<ITeamPersonResult | undefined> = members.map(() => undefined);
  await checker.check(members, (i, r) => {
    expect(results[i]).toBeUndefined(); // once per person
    results[i] = r;
  });
  return results;
}

describe('TeamChecker: every verdict of the personal part, per person', () => {
  test('each person gets the verdict their answers mean', async () => {
    const pictures = new FakePictures(pictureFor);
    const checker = new TeamChecker(new FakeExchangeReader(exchangeFor), new FakeProfiles(profileFor), pictures, comparePhotos, { earlyPictures: 0 });
    const results = await run(checker, PEOPLE);
    expect(results.map((r) => (r!.verdict.kind === 'could-not-check' ? `${r!.verdict.kind}:${r!.verdict.reason}` : r!.verdict.kind))).toEqual([
      'in-sync',
      'out-of-sync',
      'sharepoint-placeholder',
      'no-exchange-photo',
      'no-mailbox',
      'could-not-check:profile-not-found',
      'could-not-check:permission-denied',
      'could-not-check:unavailable'
    ]);
    // Pictures only for the people whose photos are compared.
    expect(pictures.asked).toEqual([PEOPLE[0].accountName, PEOPLE[1].accountName]);
    expect(results[0]!.exchangePhoto!.bytes).toBe(MESSI_96);
    expect(results[0]!.sharePointPhoto).toBeDefined();
  });

  test('a first visit asks for the first pictures before the metadata, and uses them; a repeat visit does not', async () => {
    const store = new MemoryStore();
    const pictures = new FakePictures(pictureFor);
    const order: string[] = [];
    const exchange = new FakeExchangeReader((m, w) => (order.push(`graph ${m.displayName}`), exchangeFor(m, w)));
    const tracked: ITeamPictureReader = { getPicture: (a) => (order.push(`picture ${a.split('|')[2].split('@')[0]}`), pictures.getPicture(a)) };
    const results = await run(new TeamChecker(exchange, new FakeProfiles(profileFor), tracked, comparePhotos, { earlyPictures: 3, store }), PEOPLE);
    expect(order.slice(0, 3)).toEqual(['picture same', 'picture other', 'picture placeholder']);
    expect(pictures.asked).toEqual([PEOPLE[0].accountName, PEOPLE[1].accountName, PEOPLE[2].accountName]); // each once
    expect(results.slice(0, 3).map((r) => r!.verdict.kind)).toEqual(['in-sync', 'out-of-sync', 'sharepoint-placeholder']);
    pictures.asked.length = 0;
    await run(new TeamChecker(new FakeExchangeReader(exchangeFor), new FakeProfiles(profileFor), pictures, comparePhotos, { earlyPictures: 3, store }), PEOPLE);
    expect(pictures.asked).toEqual([]);
  });

  test('profiles are read in chunks, the first one small so the first verdicts come early', async () => {
    const many = Array.from({ length: 250 }, (_v, i) => member(`p${i}`));
    // placeholders: decided from metadata, so nothing is compared and the test stays about the chunks
    const profiles = new FakeProfiles((a) => profile(a, { placeholder: true }));
    const checker = new TeamChecker(new FakeExchangeReader(() => photo('e', MESSI_96)), profiles, new FakePictures(pictureFor), comparePhotos, { firstProfileChunk: 20, profileChunk: 100 });
    await run(checker, many);
    expect(profiles.chunks).toEqual([20, 100, 100, 30]);
    const byDefault = new FakeProfiles((a) => profile(a, { placeholder: true }));
    await run(new TeamChecker(new FakeExchangeReader(() => photo('e', MESSI_96)), byDefault, new FakePictures(pictureFor), comparePhotos), many);
    expect(byDefault.chunks).toEqual([40, 100, 100, 10]);
  });

  test('a picture that cannot be read is that person\'s failure, not everyone\'s', async () => {
    const pictures: ITeamPictureReader = { getPicture: async (a) => (a.indexOf('|other@') >= 0 ? Promise.reject(new ServiceError('sharepoint', 'redirected-elsewhere', 'CORS')) : pictureFor(a)) };
    const checker = new TeamChecker(new FakeExchangeReader(exchangeFor), new FakeProfiles(profileFor), pictures, comparePhotos);
    const results = await run(checker, PEOPLE.slice(0, 2));
    expect(results[0]!.verdict.kind).toBe('in-sync');
    expect(results[1]!.verdict).toMatchObject({ kind: 'could-not-check', reason: 'redirected-elsewhere', service: 'sharepoint' });
  });
});

describe('TeamChecker: remembered between visits', () => {
  test('a repeat visit with nothing changed reads metadata only: no photo, no picture, the same verdicts', async () => {
    const store = new MemoryStore();
    const first = new FakeExchangeReader(exchangeFor);
    await run(new TeamChecker(first, new FakeProfiles(profileFor), new FakePictures(pictureFor), comparePhotos, { store }), PEOPLE);
    expect(first.asked.every((a) => a.withPhoto)).toBe(true);

    const again = new FakeExchangeReader(exchangeFor);
    const pictures = new FakePictures(pictureFor);
    const results = await run(new TeamChecker(again, new FakeProfiles(profileFor), pictures, comparePhotos, { store }), PEOPLE);
    const remembered = ['same', 'other', 'placeholder', 'nophoto', 'nomailbox'];
    expect(again.asked.filter((a) => !a.withPhoto).map((a) => a.upn.split('@')[0])).toEqual(remembered.concat(['noprofile', 'denied', 'spfails']));
    expect(pictures.asked).toEqual([]);
    // no mailbox is decided from the metadata again (nothing to download either way); the others are remembered
    expect(results.slice(0, 5).map((r) => !!r!.fromCache)).toEqual([true, true, true, true, false]);
    expect(results.slice(0, 5).map((r) => r!.verdict.kind)).toEqual(['in-sync', 'out-of-sync', 'sharepoint-placeholder', 'no-exchange-photo', 'no-mailbox']);
    // failures are never remembered: decided again, from metadata where that is enough (no profile, refused)
    expect(again.asked.filter((a) => a.withPhoto).map((a) => a.upn.split('@')[0])).toEqual([]);
    expect(results.slice(5).map((r) => r!.verdict.kind)).toEqual(['could-not-check', 'could-not-check', 'could-not-check']);
  });

  test('someone whose photo changed since: the photo is read after all, and compared again', async () => {
    const store = new MemoryStore();
    await run(new TeamChecker(new FakeExchangeReader(exchangeFor), new FakeProfiles(profileFor), new FakePictures(pictureFor), comparePhotos, { store, earlyPictures: 0 }), PEOPLE.slice(0, 2));
    const changed = new FakeExchangeReader((m, withPhoto) => (m.displayName === 'other' ? photo('W/"new"', withPhoto ? MESSI_96 : undefined) : exchangeFor(m, withPhoto)));
    const pictures = new FakePictures(pictureFor);
    const results = await run(new TeamChecker(changed, new FakeProfiles(profileFor), pictures, comparePhotos, { store }), PEOPLE.slice(0, 2));
    expect(changed.asked).toEqual([
      { upn: 'same@contoso.com', withPhoto: false },
      { upn: 'other@contoso.com', withPhoto: false },
      { upn: 'other@contoso.com', withPhoto: true }
    ]);
    expect(pictures.asked).toEqual([PEOPLE[1].accountName]);
    expect(results[1]!.fromCache).toBeUndefined();
    expect(await new TeamChecker(changed, new FakeProfiles(profileFor), pictures, comparePhotos, { store }).remembered(PEOPLE.slice(0, 2))).toHaveLength(2);
  });

  test('remembered(): what to show at once, marked as remembered', async () => {
    const store = new MemoryStore();
    const checker = new TeamChecker(new FakeExchangeReader(exchangeFor), new FakeProfiles(profileFor), new FakePictures(pictureFor), comparePhotos, { store });
    expect(await checker.remembered(PEOPLE.slice(0, 1))).toEqual([undefined]);
    await run(checker, PEOPLE.slice(0, 1));
    const shown = await checker.remembered(PEOPLE.slice(0, 1));
    expect(shown[0]).toMatchObject({ fromCache: true, verdict: { kind: 'in-sync' } });
  });
});

describe('Pool', () => {
  test('runs at most n at once, in order', async () => {
    const pool = new Pool(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        pool.run(async () => {
          running++;
          most = Math.max(most, running);
          order.push(n);
          await new Promise((r) => setTimeout(r, 5));
          running--;
        })
      )
    );
    expect(most).toBe(2);
    expect(order).toEqual([1, 2, 3, 4, 5]);
  });
});
