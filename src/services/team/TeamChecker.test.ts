/**
 * @jest-environment node
 */
import { comparePhotos } from '../../comparison';
import { SharePointProfileLookup } from '../../models/ISharePointProfile';
import { claimsAccountName, ITeamMember, ITeamPersonResult } from '../../models/ITeam';
import { IPictureBytes } from '../ISharePointProfileService';
import { ServiceError } from '../ServiceError';
import { ITeamExchangeReader, ITeamPictureReader, ITeamProfileReader, ITeamRemembered, ITeamVerdictStore, SAVE_EVERY, TeamChecker } from './TeamChecker';
import { ITeamExchangeListener, ITeamExchangeRun, TeamExchangeAnswer } from './TeamGraphPhotos';
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

/** Answers later (as a network would), then resolves. */
const later = (f: () => void): Promise<void> => new Promise<void>((resolve) => setTimeout(() => (f(), resolve()), 0));

/** Fakes that answer per person and record what was asked. */
class FakeExchangeReader implements ITeamExchangeReader {
  public readonly asked: Array<{ upn: string; part: 'metadata' | 'photo' }> = [];
  /** Metadata answers wait for this (a test holds them back to see what goes first). */
  public gate: Promise<void> = Promise.resolve();
  public constructor(private readonly _answer: (m: ITeamMember, withPhoto: boolean) => TeamExchangeAnswer) {}
  public start(members: ReadonlyArray<ITeamMember>, listener: ITeamExchangeListener): ITeamExchangeRun {
    const work: Array<Promise<void>> = [];
    const photos = new Set<number>();
    let close!: () => void;
    const closed = new Promise<void>((resolve) => (close = resolve));
    members.forEach((m, i) => {
      this.asked.push({ upn: m.userPrincipalName, part: 'metadata' });
      work.push(this.gate.then(() => later(() => listener.onMetadata(i, this._answer(m, false)))));
    });
    return {
      photo: (i) => {
        if (!photos.has(i)) {
          photos.add(i);
          this.asked.push({ upn: members[i].userPrincipalName, part: 'photo' });
          work.push(later(() => listener.onPhoto(i, this._answer(members[i], true))));
        }
      },
      close: () => close(),
      done: closed.then(async () => {
        for (let k = 0; k < work.length; k++) {
          await work[k];
        }
      })
    };
  }
  public photosAsked(): string[] {
    return this.asked.filter((a) => a.part === 'photo').map((a) => a.upn.split('@')[0]);
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
  public writes = 0;
  public async update(changed: Map<string, ITeamRemembered>, keep: ReadonlySet<string>): Promise<void> {
    changed.forEach((entry, account) => this.entries.set(account, entry));
    this.writes += changed.size;
    Array.from(this.entries.keys()).filter((a) => !keep.has(a)).forEach((a) => this.entries.delete(a));
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
    const exchange = new FakeExchangeReader(exchangeFor);
    const checker = new TeamChecker(exchange, new FakeProfiles(profileFor), pictures, comparePhotos);
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
    // Exchange photos only for the people Graph says have one; each once. SharePoint pictures only for the people
    // SharePoint says have one (here, on a first look, before Graph has answered); each once.
    expect(exchange.photosAsked()).toEqual(['same', 'other', 'placeholder', 'noprofile', 'spfails']);
    expect(pictures.asked.map((a) => a.split('|')[2].split('@')[0])).toEqual(['same', 'other', 'nophoto', 'nomailbox', 'denied']);
    expect(results[0]!.exchangePhoto!.bytes).toBe(MESSI_96);
    expect(results[0]!.sharePointPhoto).toBeDefined();
  });

  test('the verdicts that need only metadata come without waiting for any photo', async () => {
    const pictures = new FakePictures(pictureFor);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow: ITeamPictureReader = { getPicture: (a) => held.then(() => pictures.getPicture(a)) };
    const order: string[] = [];
    const done = new TeamChecker(new FakeExchangeReader(exchangeFor), new FakeProfiles(profileFor), slow, comparePhotos).check(PEOPLE, (i, r) => order.push(`${PEOPLE[i].displayName}:${r.verdict.kind}`));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual(expect.arrayContaining(['nophoto:no-exchange-photo', 'nomailbox:no-mailbox', 'placeholder:sharepoint-placeholder', 'denied:could-not-check']));
    expect(order.some((o) => o.startsWith('same:') || o.startsWith('other:'))).toBe(false);
    release();
    await done;
    expect(order.slice(-2).sort()).toEqual(['other:out-of-sync', 'same:in-sync']);
  });

  test('a first look asks for SharePoint pictures as soon as the profiles say there is one; a repeat visit asks for none', async () => {
    const store = new MemoryStore();
    const pictures = new FakePictures(pictureFor);
    const exchange = new FakeExchangeReader(exchangeFor);
    let release!: () => void;
    exchange.gate = new Promise<void>((resolve) => (release = resolve));
    const done = run(new TeamChecker(exchange, new FakeProfiles(profileFor), pictures, comparePhotos, { store }), PEOPLE);
    await new Promise((r) => setTimeout(r, 10));
    expect(pictures.asked.length).toBe(5); // before any Graph answer
    release();
    const results = await done;
    expect(results.slice(0, 3).map((r) => r!.verdict.kind)).toEqual(['in-sync', 'out-of-sync', 'sharepoint-placeholder']);
    pictures.asked.length = 0;
    const again = new FakeExchangeReader(exchangeFor);
    await run(new TeamChecker(again, new FakeProfiles(profileFor), pictures, comparePhotos, { store }), PEOPLE);
    expect(pictures.asked).toEqual([]);
    expect(again.photosAsked()).toEqual([]);
  });

  test('the comparison starts loading with the check', async () => {
    const preload = jest.fn();
    await run(new TeamChecker(new FakeExchangeReader(exchangeFor), new FakeProfiles(profileFor), new FakePictures(pictureFor), comparePhotos, { preloadComparison: preload }), PEOPLE.slice(0, 1));
    expect(preload).toHaveBeenCalledTimes(1);
  });

  test('profiles are read in chunks of at most 100, the first two small so the first verdicts come early', async () => {
    const many = Array.from({ length: 250 }, (_v, i) => member(`p${i}`));
    // placeholders: decided from metadata, so nothing is compared and the test stays about the chunks
    const profiles = new FakeProfiles((a) => profile(a, { placeholder: true }));
    const checker = new TeamChecker(new FakeExchangeReader(() => photo('e', MESSI_96)), profiles, new FakePictures(pictureFor), comparePhotos, { firstProfileChunk: 20, profileChunk: 100 });
    await run(checker, many);
    expect(profiles.chunks).toEqual([20, 20, 100, 100, 10]);
    const byDefault = new FakeProfiles((a) => profile(a, { placeholder: true }));
    await run(new TeamChecker(new FakeExchangeReader(() => photo('e', MESSI_96)), byDefault, new FakePictures(pictureFor), comparePhotos), many);
    expect(byDefault.chunks).toEqual([40, 40, 100, 70]);
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
    expect(first.photosAsked()).toEqual(['same', 'other', 'placeholder', 'noprofile', 'spfails']);

    const again = new FakeExchangeReader(exchangeFor);
    const pictures = new FakePictures(pictureFor);
    const results = await run(new TeamChecker(again, new FakeProfiles(profileFor), pictures, comparePhotos, { store }), PEOPLE);
    expect(again.asked.map((a) => a.upn.split('@')[0])).toEqual(PEOPLE.map((p) => p.displayName)); // metadata, once each
    expect(again.photosAsked()).toEqual([]);
    expect(pictures.asked).toEqual([]);
    // no mailbox is decided from the metadata again (nothing to download either way); the others are remembered
    expect(results.slice(0, 5).map((r) => !!r!.fromCache)).toEqual([true, true, true, true, false]);
    expect(results.slice(0, 5).map((r) => r!.verdict.kind)).toEqual(['in-sync', 'out-of-sync', 'sharepoint-placeholder', 'no-exchange-photo', 'no-mailbox']);
    // failures are never remembered: decided again, from metadata where that is enough (no profile, refused)
    expect(results.slice(5).map((r) => r!.verdict.kind)).toEqual(['could-not-check', 'could-not-check', 'could-not-check']);
  });

  test('someone whose photo changed since: the photo is read after all, and compared again', async () => {
    const store = new MemoryStore();
    await run(new TeamChecker(new FakeExchangeReader(exchangeFor), new FakeProfiles(profileFor), new FakePictures(pictureFor), comparePhotos, { store }), PEOPLE.slice(0, 2));
    const changed = new FakeExchangeReader((m, withPhoto) => (m.displayName === 'other' ? photo('W/"new"', withPhoto ? MESSI_96 : undefined) : exchangeFor(m, withPhoto)));
    const pictures = new FakePictures(pictureFor);
    const results = await run(new TeamChecker(changed, new FakeProfiles(profileFor), pictures, comparePhotos, { store }), PEOPLE.slice(0, 2));
    expect(changed.asked).toEqual([
      { upn: 'same@contoso.com', part: 'metadata' },
      { upn: 'other@contoso.com', part: 'metadata' },
      { upn: 'other@contoso.com', part: 'photo' }
    ]);
    expect(pictures.asked).toEqual([PEOPLE[1].accountName]);
    expect(results[1]!.fromCache).toBeUndefined();
    expect(results[1]!.verdict.kind).toBe('out-of-sync'); // the new photo is another than SharePoint's
  });

  test('remembered() then check(): the store is read once', async () => {
    const store = new MemoryStore();
    const load = jest.spyOn(store, 'load');
    const checker = new TeamChecker(new FakeExchangeReader(exchangeFor), new FakeProfiles(profileFor), new FakePictures(pictureFor), comparePhotos, { store });
    await checker.remembered(PEOPLE);
    await run(checker, PEOPLE);
    expect(load).toHaveBeenCalledTimes(1);
    await run(checker, PEOPLE); // a check on its own reads it itself
    expect(load).toHaveBeenCalledTimes(2);
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

describe('TeamChecker: a large site over several visits', () => {
  test('a check stopped half-way keeps what it decided; the next visit goes on without reading those pictures again', async () => {
    const store = new MemoryStore();
    const crowd = Array.from({ length: 60 }, (_, i) => member(`p${i}`));
    const stop = new AbortController();
    const first = new TeamChecker(new FakeExchangeReader((m) => photo(`W/"${m.displayName}"`, MESSI_96)), new FakeProfiles(profileFor), new FakePictures(pictureFor), comparePhotos, { store });
    const decidedFirst: number[] = [];
    const onResult = (i: number): void => {
      decidedFirst.push(i);
      if (decidedFirst.length === 30) {
        stop.abort(); // the owner stops, or leaves the page
      }
    };
    await expect(first.check(crowd, onResult, stop.signal)).rejects.toThrow();
    expect(decidedFirst.length).toBeGreaterThanOrEqual(SAVE_EVERY);
    expect(decidedFirst.length).toBeLessThan(crowd.length);
    expect(store.entries.size).toBe(decidedFirst.length); // every decision of the stopped check was kept

    const secondPictures = new FakePictures(pictureFor);
    const second = new TeamChecker(new FakeExchangeReader((m) => photo(`W/"${m.displayName}"`, MESSI_96)), new FakeProfiles(profileFor), secondPictures, comparePhotos, { store });
    const results = await run(second, crowd);
    expect(results.every((r) => r && r.verdict.kind === 'in-sync')).toBe(true);
    const again = decidedFirst.map((i) => crowd[i].accountName).filter((a) => secondPictures.asked.indexOf(a) >= 0);
    expect(again).toEqual([]); // no picture already compared is downloaded again
    expect(secondPictures.asked).toHaveLength(crowd.length - decidedFirst.length);
    expect(store.entries.size).toBe(crowd.length);
    // Only what changed is written: each person once over both visits, nobody again on a visit that changes nothing.
    expect(store.writes).toBe(crowd.length);
    await run(new TeamChecker(new FakeExchangeReader((m) => photo(`W/"${m.displayName}"`, MESSI_96)), new FakeProfiles(profileFor), new FakePictures(pictureFor), comparePhotos, { store }), crowd);
    expect(store.writes).toBe(crowd.length);
    // Someone who left the site is forgotten.
    await run(new TeamChecker(new FakeExchangeReader((m) => photo(`W/"${m.displayName}"`, MESSI_96)), new FakeProfiles(profileFor), new FakePictures(pictureFor), comparePhotos, { store }), crowd.slice(1));
    expect(store.entries.has(crowd[0].accountName)).toBe(false);
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

  test('waiting tasks start lowest priority first, then in the order given', async () => {
    const pool = new Pool(1);
    const order: string[] = [];
    const task = (name: string) => async (): Promise<void> => {
      order.push(name);
      await new Promise((r) => setTimeout(r, 1));
    };
    await Promise.all([pool.run(task('first'), 9), pool.run(task('a5'), 5), pool.run(task('b1'), 1), pool.run(task('c5'), 5), pool.run(task('d1'), 1)]);
    expect(order).toEqual(['first', 'b1', 'd1', 'a5', 'c5']);
  });
});
