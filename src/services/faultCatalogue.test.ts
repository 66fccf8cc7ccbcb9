/**
 * @jest-environment node
 *
 * The fault catalogue: every way Graph and SharePoint can answer, through the real services, checker and
 * verdict text, each with the verdict and the message the user reads (en-us; every locale has every key, see
 * loc/locales.test.ts). Image faults are in comparison/formats.test.ts and map to the messages checked here.
 */
import { comparePhotos } from '../comparison';
import { SyncVerdict } from '../models/IPhotoSyncResult';
import { GraphPhotoService } from './GraphPhotoService';
import { PnPProfileService } from './PnPProfileService';
import { PhotoSyncChecker } from './PhotoSyncChecker';
import { DEFAULT_REQUEST_POLICY, IRequestPolicy } from './requestPolicy';
import { verdictText } from '../shared/components/verdictText';
import { FakeGraphClient, GraphAnswer } from '../../test/fakes/FakeGraphClient';
import { bytes, fakeFetch, fakeSp, json, myProperties } from '../../test/fakes/fakeSharePoint';
import { photoBytes, sharePointCopy } from '../../test/photoFixtures';

const SITE = 'https://contoso.sharepoint.com/sites/intranet';
const POLICY: IRequestPolicy = { ...DEFAULT_REQUEST_POLICY, timeoutMs: 300, backoffMs: 1 };
const META = { '@odata.mediaContentType': 'image/jpeg', '@odata.mediaEtag': 'W/"1"', id: '342X342', width: 342, height: 342 };
const PHOTO: Record<string, GraphAnswer> = { '/me/photo': { json: META }, '/me/photos/96x96/$value': { bytes: sharePointCopy('messi5', 96, 90) } };
const ONE_PIXEL_GIF = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3b]);

interface ICase {
  graph?: Record<string, GraphAnswer>;
  profile?: () => Response;
  picture?: (call: number) => Response;
  editMode?: boolean;
  timeLimitMs?: number;
}

async function run(c: ICase): Promise<{ verdict: SyncVerdict; message: string; details: string[] }> {
  const graph = new FakeGraphClient(c.graph || PHOTO);
  let calls = 0;
  const sp = fakeSp(SITE, c.profile || (() => json(myProperties({ placeholder: '0' }))), []);
  const fetchPicture = fakeFetch(() => (c.picture ? c.picture(calls++) : bytes(sharePointCopy('messi5', 72, 75), 'image/jpeg')), []);
  const checker = new PhotoSyncChecker(
    new GraphPhotoService(graph, POLICY),
    new PnPProfileService(sp, SITE, fetchPicture, POLICY),
    comparePhotos,
    { timeLimitMs: c.timeLimitMs }
  );
  const result = await checker.check(false);
  const text = verdictText(result.verdict, 0.2, { isEditMode: !!c.editMode });
  return { verdict: result.verdict, message: `${text.title} ${text.text}`, details: text.details };
}

const graphError = (status: number, code: string, retryAfter?: string): Record<string, GraphAnswer> => ({
  '/me/photo': { status, code, message: code, retryAfter }
});

describe('Graph faults', () => {
  test.each([
    ['401 (token refused)', graphError(401, 'InvalidAuthenticationToken'), { kind: 'could-not-check', reason: 'permission-denied', service: 'exchange' }, /Ask the owner of this site to have the Microsoft Graph permission User\.Read approved/],
    ['403 (permission not approved)', graphError(403, 'Authorization_RequestDenied'), { kind: 'could-not-check', reason: 'permission-denied', service: 'exchange' }, /Microsoft Graph permission User\.Read/],
    ['404 ImageNotFound', graphError(404, 'ImageNotFound'), { kind: 'no-exchange-photo' }, /don't have a photo in Outlook and Teams.*Change photo/],
    ['404 with another code', graphError(404, 'ErrorItemNotFound'), { kind: 'no-exchange-photo' }, /don't have a photo in Outlook and Teams/],
    ['200 with the 1x1 GIF', { '/me/photo': { json: META }, '/me/photos/96x96/$value': { bytes: ONE_PIXEL_GIF } }, { kind: 'no-exchange-photo' }, /don't have a photo/],
    ['400 AuthenticationError (no mailbox)', graphError(400, 'AuthenticationError'), { kind: 'no-mailbox' }, /no Exchange Online mailbox.*can't sync yours by itself/],
    ['404 MailboxNotHostedInExchangeOnline', graphError(404, 'MailboxNotHostedInExchangeOnline'), { kind: 'no-mailbox' }, /no Exchange Online mailbox/],
    ['429 with Retry-After', graphError(429, 'TooManyRequests', '30'), { kind: 'could-not-check', reason: 'throttled', retryAfterSeconds: 30 }, /busy and asked us to wait\. Try again in 30 seconds/],
    ['429 without Retry-After', graphError(429, 'TooManyRequests'), { kind: 'could-not-check', reason: 'throttled' }, /busy and asked us to slow down\. Try again in a minute/],
    ['503 with Retry-After', graphError(503, 'ServiceNotAvailable', '5'), { kind: 'could-not-check', reason: 'unavailable' }, /isn't answering right now/],
    ['503 without Retry-After', graphError(503, 'ServiceNotAvailable'), { kind: 'could-not-check', reason: 'unavailable' }, /isn't answering right now/],
    ['504', graphError(504, 'GatewayTimeout'), { kind: 'could-not-check', reason: 'unavailable' }, /isn't answering right now/],
    ['a network error', { '/me/photo': { networkError: 'Failed to fetch' } }, { kind: 'could-not-check', reason: 'network', service: 'exchange' }, /couldn't reach Microsoft 365\. Check your connection/],
    ['a request that never answers', { '/me/photo': { hang: true } }, { kind: 'could-not-check', reason: 'timeout', service: 'exchange' }, /took too long/]
  ] as Array<[string, Record<string, GraphAnswer>, Partial<SyncVerdict>, RegExp]>)('%s', async (_name, graph, verdict, message) => {
    const outcome = await run({ graph });
    expect(outcome.verdict).toMatchObject(verdict);
    expect(outcome.message).toMatch(message);
  });

  test('a site owner editing the page is told which permission to approve, and where', async () => {
    const owner = await run({ graph: graphError(403, 'Authorization_RequestDenied'), editMode: true });
    expect(owner.details.join(' ')).toMatch(/SharePoint admin center, under Advanced > API access \(Microsoft Graph, User\.Read\)/);
    const employee = await run({ graph: graphError(403, 'Authorization_RequestDenied') });
    expect(employee.details.join(' ')).not.toMatch(/API access/);
  });
});

describe('SharePoint faults', () => {
  const userNotFound = (): Response =>
    json({ 'odata.error': { code: '-2146232832, Microsoft.Office.Server.UserProfiles.UserNotFoundException', message: { lang: 'en-US', value: 'User Profile Error 1000: User Not Found: Could not load profile data from the database.' } } }, 500);

  test.each([
    ['profile not found (guest or new user)', { profile: userNotFound }, { kind: 'could-not-check', reason: 'profile-not-found', service: 'sharepoint' }, /no profile for your account yet/],
    ['a profile without an account name', { profile: () => json(myProperties({ account: null })) }, { kind: 'could-not-check', reason: 'profile-not-found' }, /no profile for your account/],
    ['PictureUrl empty: the placeholder', { profile: () => json(myProperties({ pictureUrl: '', placeholder: '0' })) }, { kind: 'sharepoint-placeholder' }, /placeholder instead of your photo/],
    ['placeholder state 1', { profile: () => json(myProperties({ placeholder: '1' })) }, { kind: 'sharepoint-placeholder' }, /placeholder/],
    ['userphoto.aspx answers a login page (HTML, 200)', { picture: () => new Response('<!DOCTYPE html><html><title>Sign in</title></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }) }, { kind: 'could-not-check', reason: 'not-an-image', service: 'sharepoint' }, /isn't a picture/],
    ['userphoto.aspx ends in a 403 (after a redirect)', { picture: () => new Response('Forbidden', { status: 403 }) }, { kind: 'could-not-check', reason: 'permission-denied', service: 'sharepoint' }, /SharePoint refused to show your photo/],
    ['userphoto.aspx declares a 20 MB body', { picture: () => new Response('x', { status: 200, headers: { 'Content-Type': 'image/jpeg', 'Content-Length': String(20 * 1024 * 1024) } }) }, { kind: 'could-not-check', reason: 'too-large', service: 'sharepoint' }, /too large/],
    ['userphoto.aspx throttled once, then the photo', { picture: (n: number) => (n === 0 ? new Response('', { status: 429, headers: { 'Retry-After': '0' } }) : bytes(sharePointCopy('messi5', 72, 75), 'image/jpeg')) }, { kind: 'in-sync' }, /in sync/],
    ['userphoto.aspx answers bytes that are not an image', { picture: () => bytes(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]), 'image/jpeg') }, { kind: 'could-not-check', reason: 'not-an-image', service: 'sharepoint' }, /isn't a picture/],
    ['the whole check over its time limit', { picture: () => new Promise<Response>(() => undefined) as unknown as Response, timeLimitMs: 150 }, { kind: 'could-not-check', reason: 'timeout' }, /took too long/]
  ] as Array<[string, ICase, Partial<SyncVerdict>, RegExp]>)('%s', async (_name, c, verdict, message) => {
    const outcome = await run(c);
    expect(outcome.verdict).toMatchObject(verdict);
    expect(outcome.message).toMatch(message);
  });

  test.each([
    ['another host', 'https://evil.example.com/me.jpg'],
    ['a javascript: URL', 'javascript:alert(document.cookie)'],
    ['a data: URL', 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4='],
    ['plain http', 'http://contoso-my.sharepoint.com/User%20Photos/me.jpg']
  ])('PictureUrl pointing to %s is dropped, never rendered or fetched; the verdict comes from the pixels', async (_name, url) => {
    const fetched: string[] = [];
    const sp = fakeSp(SITE, () => json(myProperties({ pictureUrl: url, placeholder: '0' })), []);
    const service = new PnPProfileService(sp, SITE, fakeFetch((u) => (fetched.push(u), bytes(sharePointCopy('messi5', 72, 75), 'image/jpeg')), []), POLICY);
    const lookup = await service.getMyProfile();
    expect(lookup.kind === 'profile' && lookup.profile.pictureUrl).toBeUndefined();
    const result = await new PhotoSyncChecker(new GraphPhotoService(new FakeGraphClient(PHOTO), POLICY), service, comparePhotos).check(false);
    expect(result.verdict.kind).toBe('in-sync');
    expect(fetched).toHaveLength(1);
    expect(fetched[0]).toMatch(/^https:\/\/contoso\.sharepoint\.com\/sites\/intranet\/_layouts\/15\/userphoto\.aspx\?/);
  });

  test('a PictureUrl on the tenant is kept', async () => {
    const sp = fakeSp(SITE, () => json(myProperties({ placeholder: '0' })), []);
    const lookup = await new PnPProfileService(sp, SITE, fakeFetch(() => json({}), []), POLICY).getMyProfile();
    expect(lookup.kind === 'profile' && lookup.profile.pictureUrl).toBe('https://contoso-my.sharepoint.com/User%20Photos/megan_MThumb.jpg');
  });
});

describe('the Exchange photo itself', () => {
  test('exists and decodes: the baseline every fault above departs from', async () => {
    expect((await run({})).verdict.kind).toBe('in-sync');
    expect(photoBytes('messi5').length).toBeGreaterThan(0);
  });
});
