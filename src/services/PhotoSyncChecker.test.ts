/**
 * @jest-environment node
 */
import { comparePhotos } from '../comparison';
import { ExchangePhotoLookup } from '../models/IExchangePhoto';
import { SyncVerdict } from '../models/IPhotoSyncResult';
import { SharePointProfileLookup } from '../models/ISharePointProfile';
import { IPictureBytes } from './ISharePointProfileService';
import { ComparePhotos, PhotoSyncChecker } from './PhotoSyncChecker';
import { ServiceError } from './ServiceError';
import { VerdictCache } from './VerdictCache';
import { FakeExchange, FakeSharePoint, PROFILE } from '../../test/fakes/fakeServices';
import { photoBytes, sharePointCopy } from '../../test/photoFixtures';
import { MemoryStore } from '../../test/fakes/MemoryStore';

const NOW = new Date('2026-11-26T12:00:00Z');
const HAS_PHOTO: ExchangePhotoLookup = { kind: 'photo', metadata: { width: 342, height: 342, etag: 'W/"1"' } };
const FOUND: SharePointProfileLookup = { kind: 'profile', profile: PROFILE };
const MESSI = photoBytes('messi5');
const messiOnSharePoint: IPictureBytes = { bytes: sharePointCopy('messi5', 300, 80), contentType: 'image/jpeg' };
const orangeOnSharePoint: IPictureBytes = { bytes: sharePointCopy('orange', 300, 80), contentType: 'image/jpeg' };
const HTML: IPictureBytes = { bytes: new TextEncoder().encode('<html></html>'), contentType: 'image/jpeg' };

function checker(exchange: FakeExchange, sharePoint: FakeSharePoint, compare: ComparePhotos = comparePhotos): PhotoSyncChecker {
  return new PhotoSyncChecker(exchange, sharePoint, compare, { now: () => NOW });
}

describe('PhotoSyncChecker: the verdict', () => {
  const cases: Array<[string, FakeExchange, FakeSharePoint, Partial<SyncVerdict>]> = [
    ['same photo: in sync', new FakeExchange(HAS_PHOTO, MESSI), new FakeSharePoint(FOUND, messiOnSharePoint), { kind: 'in-sync' }],
    ['another photo: out of sync', new FakeExchange(HAS_PHOTO, MESSI), new FakeSharePoint(FOUND, orangeOnSharePoint), { kind: 'out-of-sync' }],
    [
      'SharePoint placeholder',
      new FakeExchange(HAS_PHOTO, MESSI),
      new FakeSharePoint({ kind: 'profile', profile: { ...PROFILE, placeholder: true } }, messiOnSharePoint),
      { kind: 'sharepoint-placeholder' }
    ],
    ['no Exchange photo', new FakeExchange({ kind: 'none' }, undefined), new FakeSharePoint(FOUND, messiOnSharePoint), { kind: 'no-exchange-photo' }],
    [
      'the 1x1 GIF: no Exchange photo',
      new FakeExchange(HAS_PHOTO, undefined),
      new FakeSharePoint(FOUND, messiOnSharePoint),
      { kind: 'no-exchange-photo' }
    ],
    [
      'no mailbox',
      new FakeExchange({ kind: 'no-mailbox', code: 'MailboxNotHostedInExchangeOnline' }, undefined),
      new FakeSharePoint(FOUND, messiOnSharePoint),
      { kind: 'no-mailbox' }
    ],
    [
      'no SharePoint profile',
      new FakeExchange(HAS_PHOTO, MESSI),
      new FakeSharePoint({ kind: 'not-found' }, messiOnSharePoint),
      { kind: 'could-not-check', reason: 'profile-not-found', service: 'sharepoint' }
    ],
    [
      'Graph 403',
      new FakeExchange({ throws: new ServiceError('exchange', 'permission-denied', '403', { status: 403 }) }, undefined),
      new FakeSharePoint(FOUND, messiOnSharePoint),
      { kind: 'could-not-check', reason: 'permission-denied', service: 'exchange' }
    ],
    [
      'throttled, with Retry-After',
      new FakeExchange({ throws: new ServiceError('exchange', 'throttled', '429', { status: 429, retryAfterSeconds: 30 }) }, undefined),
      new FakeSharePoint(FOUND, messiOnSharePoint),
      { kind: 'could-not-check', reason: 'throttled', retryAfterSeconds: 30 }
    ],
    [
      'userphoto.aspx answers a login page',
      new FakeExchange(HAS_PHOTO, MESSI),
      new FakeSharePoint(FOUND, { throws: new ServiceError('sharepoint', 'not-an-image', 'html') }),
      { kind: 'could-not-check', reason: 'not-an-image', service: 'sharepoint' }
    ],
    [
      'SharePoint bytes that do not decode',
      new FakeExchange(HAS_PHOTO, MESSI),
      new FakeSharePoint(FOUND, HTML),
      { kind: 'could-not-check', reason: 'not-an-image', service: 'sharepoint' }
    ],
    [
      'Exchange bytes that do not decode',
      new FakeExchange(HAS_PHOTO, MESSI.subarray(0, 30)),
      new FakeSharePoint(FOUND, messiOnSharePoint),
      { kind: 'could-not-check', reason: 'not-an-image', service: 'exchange' }
    ]
  ];

  test.each(cases)('%s', async (_name, exchange, sharePoint, verdict) => {
    const result = await checker(exchange, sharePoint).check(false);
    expect(result.verdict).toMatchObject(verdict);
    expect(result.checkedAt).toBe(NOW);
  });
});

describe('PhotoSyncChecker: what it asks for', () => {
  test('both metadata requests, then both photos; the photos it compared are the ones it shows', async () => {
    const exchange = new FakeExchange(HAS_PHOTO, MESSI);
    const sharePoint = new FakeSharePoint(FOUND, messiOnSharePoint);
    const result = await checker(exchange, sharePoint).check(true);
    expect(exchange.calls).toEqual(['metadata', 'photo 96']);
    expect(sharePoint.calls).toEqual(['profile', `picture M fresh ${PROFILE.accountName}`]);
    expect(result.exchangePhoto).toEqual({ bytes: MESSI, contentType: 'image/jpeg' });
    expect(result.sharePointPhoto).toEqual(messiOnSharePoint);
    expect(result.sharePointUpdated).toEqual(PROFILE.pictureTimestamp);
    expect(result.displayName).toBe('Megan Bowen');
  });

  test('the metadata requests go out together, not one after the other', async () => {
    const started: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const exchange = new FakeExchange(HAS_PHOTO, MESSI);
    const sharePoint = new FakeSharePoint(FOUND, messiOnSharePoint);
    exchange.getPhotoMetadata = () => (started.push('exchange'), gate.then(() => HAS_PHOTO));
    sharePoint.getMyProfile = () => (started.push('sharepoint'), gate.then(() => FOUND));
    const pending = checker(exchange, sharePoint).check(false);
    await Promise.resolve();
    expect(started).toEqual(['exchange', 'sharepoint']);
    release();
    await expect(pending).resolves.toMatchObject({ verdict: { kind: 'in-sync' } });
  });

  test('no mailbox needs no photo and no comparison', async () => {
    const exchange = new FakeExchange({ kind: 'no-mailbox', code: 'AuthenticationError' }, undefined);
    const sharePoint = new FakeSharePoint(FOUND, messiOnSharePoint);
    const compare = jest.fn(comparePhotos);
    await checker(exchange, sharePoint, compare).check(false);
    expect(exchange.calls).toEqual(['metadata']);
    expect(compare).not.toHaveBeenCalled();
  });

  test('a placeholder is decided without comparing pixels, but still shown', async () => {
    const compare = jest.fn(comparePhotos);
    const result = await checker(
      new FakeExchange(HAS_PHOTO, MESSI),
      new FakeSharePoint({ kind: 'profile', profile: { ...PROFILE, placeholder: true } }, messiOnSharePoint),
      compare
    ).check(false);
    expect(compare).not.toHaveBeenCalled();
    expect(result.sharePointPhoto).toEqual(messiOnSharePoint);
  });

  test('a failing comparison still ends in a verdict, never a rejection', async () => {
    const broken: ComparePhotos = () => Promise.reject(new Error('chunk failed to load'));
    const result = await checker(new FakeExchange(HAS_PHOTO, MESSI), new FakeSharePoint(FOUND, messiOnSharePoint), broken).check(false);
    expect(result.verdict).toEqual({ kind: 'could-not-check', reason: 'unexpected', service: 'comparison' });
  });
});

describe('PhotoSyncChecker: one check at a time, within a time limit', () => {
  test('a second call while a check runs gets the same check, not a parallel one', async () => {
    const exchange = new FakeExchange(HAS_PHOTO, MESSI);
    const sharePoint = new FakeSharePoint(FOUND, messiOnSharePoint);
    const c = checker(exchange, sharePoint);
    const [a, b] = [c.check(false), c.check(true)];
    expect(a).toBe(b);
    await a;
    expect(exchange.calls.filter((x) => x === 'metadata')).toHaveLength(1);
    await c.check(true);
    expect(exchange.calls.filter((x) => x === 'metadata')).toHaveLength(2);
  });

  test('past the time limit: a "took too long" verdict, and the requests are cancelled', async () => {
    const exchange = new FakeExchange(HAS_PHOTO, MESSI);
    let cancelled = false;
    exchange.getPhotoMetadata = (signal?: AbortSignal) =>
      new Promise(() => signal && signal.addEventListener('abort', () => (cancelled = true)));
    const slow = new PhotoSyncChecker(exchange, new FakeSharePoint(FOUND, messiOnSharePoint), comparePhotos, { now: () => NOW, timeLimitMs: 50 });
    const result = await slow.check(false);
    expect(result.verdict).toEqual({ kind: 'could-not-check', reason: 'timeout' });
    expect(cancelled).toBe(true);
  });
});

describe('PhotoSyncChecker: metadata first, remembered between visits', () => {
  function visit(store: MemoryStore, lookup: ExchangePhotoLookup, profile: SharePointProfileLookup, picture: IPictureBytes): { exchange: FakeExchange; sharePoint: FakeSharePoint; preloads: number[]; checker: PhotoSyncChecker } {
    const exchange = new FakeExchange(lookup, MESSI);
    const sharePoint = new FakeSharePoint(profile, picture);
    const preloads: number[] = [];
    const checker = new PhotoSyncChecker(exchange, sharePoint, comparePhotos, {
      now: () => NOW,
      cache: new VerdictCache(store, 'verdict'),
      preloadComparison: () => preloads.push(1)
    });
    return { exchange, sharePoint, preloads, checker };
  }

  test('a repeat visit with unchanged metadata: the remembered verdict and photos, no photo downloaded', async () => {
    const store = new MemoryStore();
    const first = visit(store, HAS_PHOTO, FOUND, orangeOnSharePoint);
    const firstResult = await first.checker.check(false);
    expect(firstResult.verdict.kind).toBe('out-of-sync');
    expect(first.preloads).toHaveLength(1);

    const again = visit(store, HAS_PHOTO, FOUND, orangeOnSharePoint);
    const result = await again.checker.check(false);
    expect(again.exchange.calls).toEqual(['metadata']);
    expect(again.sharePoint.calls).toEqual(['profile']);
    expect(again.preloads).toHaveLength(0);
    expect(result).toMatchObject({ verdict: firstResult.verdict, fromCache: true, exchangePhoto: firstResult.exchangePhoto, sharePointPhoto: firstResult.sharePointPhoto });
  });

  test('remembered(): the last verdict at once, with no request; nothing on a first visit or a damaged entry', async () => {
    const store = new MemoryStore();
    const first = visit(store, HAS_PHOTO, FOUND, orangeOnSharePoint);
    expect(first.checker.remembered()).toBeUndefined();
    const firstResult = await first.checker.check(false);

    const again = visit(store, HAS_PHOTO, FOUND, orangeOnSharePoint);
    const remembered = again.checker.remembered();
    expect(again.exchange.calls).toEqual([]);
    expect(again.sharePoint.calls).toEqual([]);
    expect(remembered).toMatchObject({ verdict: firstResult.verdict, fromCache: true, exchangeTag: firstResult.exchangeTag });
    expect(remembered!.exchangePhoto!.bytes).toEqual(firstResult.exchangePhoto!.bytes);

    // Whatever the fingerprint: the metadata changed since, and the check (not remembered()) finds that out.
    const changed = visit(store, { kind: 'photo', metadata: { width: 342, height: 342, etag: 'W/"2"' } }, FOUND, messiOnSharePoint);
    expect(changed.checker.remembered()!.verdict.kind).toBe('out-of-sync');
    expect((await changed.checker.check(false)).verdict.kind).toBe('in-sync');

    const damaged = new MemoryStore();
    damaged.setItem('verdict', JSON.stringify({ version: 1, fingerprint: 'x', verdict: { kind: 'in-sync', distance: 0 }, exchangePhoto: { base64: '%%%', contentType: 'image/jpeg' }, checkedAt: NOW.toISOString() }));
    expect(visit(damaged, HAS_PHOTO, FOUND, orangeOnSharePoint).checker.remembered()).toBeUndefined();
    const failure = new MemoryStore();
    failure.setItem('verdict', JSON.stringify({ version: 1, fingerprint: 'x', verdict: { kind: 'could-not-check', reason: 'timeout' }, checkedAt: NOW.toISOString() }));
    expect(visit(failure, HAS_PHOTO, FOUND, orangeOnSharePoint).checker.remembered()).toBeUndefined();
  });

  test.each([
    ['the Exchange photo changed (new media ETag)', { kind: 'photo', metadata: { width: 342, height: 342, etag: 'W/"2"' } } as ExchangePhotoLookup, FOUND],
    ['SharePoint stored a picture (new timestamp)', HAS_PHOTO, { kind: 'profile', profile: { ...PROFILE, pictureTimestamp: new Date('2026-11-26T11:00:00Z') } } as SharePointProfileLookup],
    ['SharePoint\'s picture URL changed', HAS_PHOTO, { kind: 'profile', profile: { ...PROFILE, pictureUrl: 'https://contoso-my.sharepoint.com/new.jpg' } } as SharePointProfileLookup]
  ])('%s: checked in full again', async (_name, lookup, profile) => {
    const store = new MemoryStore();
    await visit(store, HAS_PHOTO, FOUND, orangeOnSharePoint).checker.check(false);
    const again = visit(store, lookup, profile, messiOnSharePoint);
    const result = await again.checker.check(false);
    expect(again.exchange.calls).toEqual(['metadata', 'photo 96']);
    expect(result.fromCache).toBeUndefined();
    expect(result.verdict.kind).toBe('in-sync');
  });

  test('Check again (fresh) never uses the remembered verdict', async () => {
    const store = new MemoryStore();
    await visit(store, HAS_PHOTO, FOUND, orangeOnSharePoint).checker.check(false);
    const again = visit(store, HAS_PHOTO, FOUND, orangeOnSharePoint);
    await again.checker.check(true);
    expect(again.exchange.calls).toEqual(['metadata', 'photo 96']);
  });

  test('failures are never remembered', async () => {
    const store = new MemoryStore();
    await visit(store, HAS_PHOTO, FOUND, HTML).checker.check(false);
    expect(store.data).toEqual({});
  });
});

describe('PhotoSyncChecker.prefetch', () => {
  test('starts the first check early; the first check(false) takes it over instead of starting another', async () => {
    const exchange = new FakeExchange(HAS_PHOTO, MESSI);
    const c = checker(exchange, new FakeSharePoint(FOUND, messiOnSharePoint));
    c.prefetch();
    c.prefetch();
    expect(exchange.calls).toEqual(['metadata']);
    await new Promise((r) => setTimeout(r, 50)); // finished before anyone asked
    const result = await c.check(false);
    expect(result.verdict.kind).toBe('in-sync');
    expect(exchange.calls.filter((x) => x === 'metadata')).toHaveLength(1);
    await c.check(false);
    expect(exchange.calls.filter((x) => x === 'metadata')).toHaveLength(2); // only once
  });

  test('Check again (fresh) never takes a prefetched check', async () => {
    const exchange = new FakeExchange(HAS_PHOTO, MESSI);
    const c = checker(exchange, new FakeSharePoint(FOUND, messiOnSharePoint));
    c.prefetch();
    await new Promise((r) => setTimeout(r, 50));
    await c.check(true);
    expect(exchange.calls.filter((x) => x === 'metadata')).toHaveLength(2);
  });
});

describe('PhotoSyncChecker: partial answers', () => {
  test('Graph fails: the failure, beside the SharePoint photo and when SharePoint stored it', async () => {
    const sharePoint = new FakeSharePoint(FOUND, messiOnSharePoint);
    const result = await checker(new FakeExchange({ throws: new ServiceError('exchange', 'permission-denied', '403', { status: 403 }) }, MESSI), sharePoint).check(false);
    expect(result.verdict).toEqual({ kind: 'could-not-check', reason: 'permission-denied', service: 'exchange', retryAfterSeconds: undefined });
    expect(result.sharePointPhoto).toEqual(messiOnSharePoint);
    expect(result.sharePointUpdated).toEqual(PROFILE.pictureTimestamp);
    expect(result.exchangePhoto).toBeUndefined();
    expect(sharePoint.calls).toEqual(['profile', `picture M cached ${PROFILE.accountName}`]);
  });

  test('SharePoint fails: the failure, beside the Outlook photo', async () => {
    const exchange = new FakeExchange(HAS_PHOTO, MESSI);
    const result = await checker(exchange, new FakeSharePoint({ throws: new ServiceError('sharepoint', 'unavailable', '503', { status: 503 }) }, messiOnSharePoint)).check(false);
    expect(result.verdict).toMatchObject({ kind: 'could-not-check', reason: 'unavailable', service: 'sharepoint' });
    expect(result.exchangePhoto && result.exchangePhoto.bytes).toBe(MESSI);
    expect(result.sharePointPhoto).toBeUndefined();
    expect(exchange.calls).toEqual(['metadata', 'photo 96']);
  });

  test('the other side failing too still ends in the first failure, with nothing shown', async () => {
    const result = await checker(
      new FakeExchange({ throws: new ServiceError('exchange', 'unavailable', '503', { status: 503 }) }, MESSI),
      new FakeSharePoint(FOUND, { throws: new ServiceError('sharepoint', 'network', 'reset') })
    ).check(false);
    expect(result.verdict).toMatchObject({ kind: 'could-not-check', reason: 'unavailable', service: 'exchange' });
    expect(result.sharePointPhoto).toBeUndefined();
    expect(result.sharePointUpdated).toEqual(PROFILE.pictureTimestamp);
  });

  test('a placeholder is shown as SharePoint shows it', async () => {
    const sharePoint = new FakeSharePoint({ kind: 'profile', profile: { ...PROFILE, placeholder: true } }, messiOnSharePoint);
    const result = await checker(new FakeExchange({ throws: new ServiceError('exchange', 'throttled', '429', { status: 429 }) }, MESSI), sharePoint).check(false);
    expect(result.verdict).toMatchObject({ kind: 'could-not-check', reason: 'throttled' });
    expect(result.sharePointPhoto).toEqual(messiOnSharePoint);
  });
});

describe('PhotoSyncChecker: accounts without a mailbox, and pictures SharePoint sends from elsewhere', () => {
  const ENTRA_PHOTO: ExchangePhotoLookup = { kind: 'photo', source: 'entra', metadata: { width: 1200, height: 900, etag: 'entra:1:ab' } };

  test.each([
    ['the same photo: in sync, and it says SharePoint will not follow a change', messiOnSharePoint, FOUND, { kind: 'in-sync', noMailbox: true }],
    ['another photo: out of sync, no mailbox', orangeOnSharePoint, FOUND, { kind: 'out-of-sync', noMailbox: true }],
    ['a placeholder, no mailbox', messiOnSharePoint, { kind: 'profile', profile: { ...PROFILE, placeholder: true } }, { kind: 'sharepoint-placeholder', noMailbox: true }]
  ] as Array<[string, IPictureBytes, SharePointProfileLookup, Partial<SyncVerdict>]>)('an Entra ID photo is compared as any other: %s', async (_name, picture, profile, verdict) => {
    const exchange = new FakeExchange(ENTRA_PHOTO, MESSI);
    const result = await checker(exchange, new FakeSharePoint(profile, picture)).check(false);
    expect(result.verdict).toMatchObject(verdict);
    expect(result.exchangePhoto).toEqual({ bytes: MESSI, contentType: 'image/jpeg' });
  });

  test('an Exchange photo never carries the no-mailbox flag', async () => {
    const result = await checker(new FakeExchange(HAS_PHOTO, MESSI), new FakeSharePoint(FOUND, orangeOnSharePoint)).check(false);
    expect(result.verdict).toEqual({ kind: 'out-of-sync', distance: expect.any(Number) });
  });

  test('SharePoint sent its picture from where the page may not read it: that failure, with an address to show it from', async () => {
    const sharePoint = new FakeSharePoint(FOUND, { throws: new ServiceError('sharepoint', 'redirected-elsewhere', 'CORS') });
    const c = checker(new FakeExchange(HAS_PHOTO, MESSI), sharePoint);
    const result = await c.check(false);
    expect(result.verdict).toEqual({ kind: 'could-not-check', reason: 'redirected-elsewhere', service: 'sharepoint', retryAfterSeconds: undefined });
    expect(result.exchangePhoto).toEqual({ bytes: MESSI, contentType: 'image/jpeg' });
    expect(result.sharePointPhoto).toBeUndefined();
    expect(result.sharePointPhotoAddress).toBe(sharePoint.pictureAddress(PROFILE.accountName, 'L'));
    // The display-size photos do not ask SharePoint again for what it will not let the page read.
    sharePoint.calls.length = 0;
    const display = await c.loadDisplayPhotos();
    expect(sharePoint.calls).toEqual([]);
    expect(display.sharePointPhoto).toBeUndefined();
  });

  test('any other SharePoint failure gives no address: nothing to show', async () => {
    const result = await checker(new FakeExchange(HAS_PHOTO, MESSI), new FakeSharePoint(FOUND, { throws: new ServiceError('sharepoint', 'network', 'offline') })).check(false);
    expect(result.verdict).toMatchObject({ reason: 'network' });
    expect(result.sharePointPhotoAddress).toBeUndefined();
  });

  test('partial answers keep the address too: Graph failed and SharePoint redirected elsewhere', async () => {
    const exchange = new FakeExchange({ throws: new ServiceError('exchange', 'unavailable', '503') }, undefined);
    const sharePoint = new FakeSharePoint(FOUND, { throws: new ServiceError('sharepoint', 'redirected-elsewhere', 'CORS') });
    const result = await checker(exchange, sharePoint).check(false);
    expect(result.verdict).toMatchObject({ reason: 'unavailable', service: 'exchange' });
    expect(result.sharePointPhotoAddress).toBe(sharePoint.pictureAddress(PROFILE.accountName, 'L'));
  });
});

describe('PhotoSyncChecker: SharePoint\'s picture asked for early (accountHint)', () => {
  const LOGIN = 'megan@contoso.com';
  function hinted(exchange: FakeExchange, sharePoint: FakeSharePoint, cache?: VerdictCache): PhotoSyncChecker {
    return new PhotoSyncChecker(exchange, sharePoint, comparePhotos, { now: () => NOW, accountHint: LOGIN, cache });
  }
  function memoryCache(): VerdictCache {
    const items = new Map<string, string>();
    return new VerdictCache({ getItem: (k) => items.get(k) || null, setItem: (k, v) => void items.set(k, v) }, 'k'); // eslint-disable-line @rushstack/no-new-null
  }

  test('a first visit asks for it alongside the metadata, with the login name, and only once', async () => {
    const exchange = new FakeExchange(HAS_PHOTO, MESSI);
    const sharePoint = new FakeSharePoint(FOUND, messiOnSharePoint);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    sharePoint.getMyProfile = () => (sharePoint.calls.push('profile'), gate.then(() => FOUND));
    const pending = hinted(exchange, sharePoint, memoryCache()).check(false);
    await Promise.resolve();
    // before the profile has answered, the picture is already on its way
    expect(sharePoint.calls).toEqual([`picture M cached ${LOGIN}`, 'profile']);
    release();
    await expect(pending).resolves.toMatchObject({ verdict: { kind: 'in-sync' }, sharePointPhoto: messiOnSharePoint });
    expect(sharePoint.calls.filter((c) => c.startsWith('picture'))).toHaveLength(1);
  });

  test('a repeat visit (something remembered) waits for the metadata: no image unless it changed', async () => {
    const cache = memoryCache();
    await hinted(new FakeExchange(HAS_PHOTO, MESSI), new FakeSharePoint(FOUND, messiOnSharePoint), cache).check(false);
    const sharePoint = new FakeSharePoint(FOUND, messiOnSharePoint);
    const again = await hinted(new FakeExchange(HAS_PHOTO, MESSI), sharePoint, cache).check(false);
    expect(again.fromCache).toBe(true);
    expect(sharePoint.calls).toEqual(['profile']);
  });

  test('Check again asks early too, bypassing the browser cache', async () => {
    const cache = memoryCache();
    await hinted(new FakeExchange(HAS_PHOTO, MESSI), new FakeSharePoint(FOUND, messiOnSharePoint), cache).check(false);
    const sharePoint = new FakeSharePoint(FOUND, messiOnSharePoint);
    await hinted(new FakeExchange(HAS_PHOTO, MESSI), sharePoint, cache).check(true);
    expect(sharePoint.calls).toEqual([`picture M fresh ${LOGIN}`, 'profile']);
  });

  test("a profile of another account than the page's login: the early picture is not used", async () => {
    const other: SharePointProfileLookup = { kind: 'profile', profile: { ...PROFILE, accountName: 'i:0#.f|membership|adele@contoso.com' } };
    const sharePoint = new FakeSharePoint(other, messiOnSharePoint);
    await hinted(new FakeExchange(HAS_PHOTO, MESSI), sharePoint).check(false);
    expect(sharePoint.calls).toEqual([`picture M cached ${LOGIN}`, 'profile', 'picture M cached i:0#.f|membership|adele@contoso.com']);
  });
});
