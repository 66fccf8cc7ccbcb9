/**
 * @jest-environment node
 */
import { parsePictureTimestamp, PnPProfileService } from './PnPProfileService';
import { bytes, fakeFetch, fakeSp, IRecordedRequest, json, myProperties } from '../../test/fakes/fakeSharePoint';
import { photoBytes } from '../../test/photoFixtures';

const SITE = 'https://contoso.sharepoint.com/sites/intranet';
const ACCOUNT = 'i:0#.f|membership|megan@contoso.com';

function service(
  spHandler: (url: string) => Response,
  fetchHandler: (url: string, init?: RequestInit) => Response = () => bytes(photoBytes('messi5'), 'image/jpeg')
): { svc: PnPProfileService; spLog: IRecordedRequest[]; fetchLog: IRecordedRequest[] } {
  const spLog: IRecordedRequest[] = [];
  const fetchLog: IRecordedRequest[] = [];
  const svc = new PnPProfileService(fakeSp(SITE, spHandler, spLog), `${SITE}/`, fakeFetch(fetchHandler, fetchLog));
  return { svc, spLog, fetchLog };
}

describe('PnPProfileService.getMyProfile', () => {
  test('reads GetMyProperties and its picture properties (odata=nometadata)', async () => {
    const { svc, spLog } = service(() => json(myProperties({ timestamp: '63890000000', placeholder: '0', syncState: '0' })));
    const result = await svc.getMyProfile();
    expect(spLog.map((r) => r.url)).toEqual([`${SITE}/_api/sp.userprofiles.peoplemanager/getmyproperties`]);
    expect(result).toEqual({
      kind: 'profile',
      profile: {
        accountName: ACCOUNT,
        displayName: 'Megan Bowen',
        pictureUrl: 'https://contoso-my.sharepoint.com/User%20Photos/megan_MThumb.jpg',
        pictureTimestamp: new Date((63890000000 - 62135596800) * 1000),
        placeholder: false,
        exchangeSyncState: '0'
      }
    });
  });

  test('reads the verbose shape too', async () => {
    const { svc } = service(() => json(myProperties({ placeholder: '1', verbose: true })));
    const result = await svc.getMyProfile();
    expect(result.kind === 'profile' && result.profile.placeholder).toBe(true);
  });

  test('placeholder state 1, or no PictureUrl at all, is a placeholder', async () => {
    const one = await service(() => json(myProperties({ placeholder: '1' }))).svc.getMyProfile();
    const empty = await service(() => json(myProperties({ pictureUrl: '', placeholder: '0' }))).svc.getMyProfile();
    expect(one.kind === 'profile' && one.profile.placeholder).toBe(true);
    expect(empty.kind === 'profile' && empty.profile.placeholder).toBe(true);
  });

  test('no AccountName, or "User Not Found", means no profile', async () => {
    const noAccount = await service(() => json(myProperties({ account: null }))).svc.getMyProfile();
    expect(noAccount).toEqual({ kind: 'not-found' });
    const notFound = await service(() =>
      json({ 'odata.error': { code: '-2146232832, Microsoft.Office.Server.UserProfiles.UserNotFoundException', message: { lang: 'en-US', value: 'User Profile Error 1000: User Not Found: Could not load profile data from the database.' } } }, 500)
    ).svc.getMyProfile();
    expect(notFound).toEqual({ kind: 'not-found' });
  });

  test.each([
    [403, 'permission-denied'],
    [429, 'throttled'],
    [503, 'unavailable']
  ])('HTTP %i is a ServiceError: %s', async (status, reason) => {
    const { svc } = service(() => json({ 'odata.error': { message: { value: 'nope' } } }, status, { 'Retry-After': '3' }));
    await expect(svc.getMyProfile()).rejects.toMatchObject({ service: 'sharepoint', reason, status });
  });
});

describe('PnPProfileService.getPicture', () => {
  test('reads userphoto.aspx on the current site, same origin', async () => {
    const { svc, fetchLog } = service(() => json({}));
    const picture = await svc.getPicture(ACCOUNT, 'L', false);
    expect(fetchLog).toHaveLength(1);
    expect(fetchLog[0].url).toBe(`${SITE}/_layouts/15/userphoto.aspx?size=L&accountname=${encodeURIComponent(ACCOUNT)}`);
    expect(fetchLog[0].init).toMatchObject({ credentials: 'same-origin', cache: 'default' });
    expect(picture).toEqual({ bytes: photoBytes('messi5'), contentType: 'image/jpeg' });
  });

  test('"fresh" bypasses the browser cache', async () => {
    const { svc, fetchLog } = service(() => json({}));
    await svc.getPicture(ACCOUNT, 'M', true);
    expect(fetchLog[0].url).toMatch(/size=M&accountname=.+&t=\d+$/);
    expect(fetchLog[0].init).toMatchObject({ cache: 'no-store' });
  });

  test('a login page answered with 200 is not an image', async () => {
    const { svc } = service(() => json({}), () => new Response('<!DOCTYPE html><html>Sign in</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    await expect(svc.getPicture(ACCOUNT, 'L', false)).rejects.toMatchObject({ service: 'sharepoint', reason: 'not-an-image' });
  });

  test('a 403 is permission-denied; a network failure is network', async () => {
    const forbidden = service(() => json({}), () => new Response('', { status: 403 })).svc;
    await expect(forbidden.getPicture(ACCOUNT, 'L', false)).rejects.toMatchObject({ reason: 'permission-denied', status: 403 });
    const offline = service(() => json({}), () => {
      throw new TypeError('Failed to fetch');
    }).svc;
    await expect(offline.getPicture(ACCOUNT, 'L', false)).rejects.toMatchObject({ reason: 'network' });
  });
});

/** A Response as the browser hands it over, with the read-only fields a fake cannot set through the constructor. */
function browserResponse(body: BodyInit | null, init: ResponseInit, fields: { type?: ResponseType; redirected?: boolean; url?: string }): Response {
  const response = new Response(body, init);
  for (const key of Object.keys(fields) as Array<keyof typeof fields>) {
    Object.defineProperty(response, key, { value: fields[key] });
  }
  return response;
}

describe('PnPProfileService.getPicture, as SharePoint Online redirects it', () => {
  const failed = (): never => {
    throw new TypeError('Failed to fetch');
  };

  test('a redirect to another origin without CORS: "redirected elsewhere", asked once without following, not retried', async () => {
    const { svc, fetchLog } = service(
      () => json({}),
      (_url: string, init?: RequestInit) => (init && init.redirect === 'manual' ? browserResponse(null, { status: 200 }, { type: 'opaqueredirect' }) : failed())
    );
    await expect(svc.getPicture(ACCOUNT, 'M', false)).rejects.toMatchObject({ service: 'sharepoint', reason: 'redirected-elsewhere' });
    expect(fetchLog.map((r) => (r.init && r.init.redirect) || 'follow')).toEqual(['follow', 'manual']);
  });

  test('a server that answers the probe with a plain 302 (no opaque wrapper) is read the same way', async () => {
    const { svc } = service(
      () => json({}),
      (_url: string, init?: RequestInit) => (init && init.redirect === 'manual' ? new Response(null, { status: 302, headers: { Location: 'https://contoso-my.sharepoint.com/x.jpg' } }) : failed())
    );
    await expect(svc.getPicture(ACCOUNT, 'M', false)).rejects.toMatchObject({ reason: 'redirected-elsewhere' });
  });

  test('no answer at all, even without following redirects: a network failure, retried', async () => {
    const { svc, fetchLog } = service(() => json({}), () => failed());
    await expect(svc.getPicture(ACCOUNT, 'M', false)).rejects.toMatchObject({ reason: 'network' });
    // every attempt was made (the default policy tries three times), and the first failure alone was probed
    expect(fetchLog.filter((r) => !r.init || r.init.redirect !== 'manual').length).toBe(3);
    expect(fetchLog.filter((r) => r.init && r.init.redirect === 'manual').length).toBe(1);
  });

  test('a same-origin redirect followed to the picture is just the picture', async () => {
    const { svc } = service(
      () => json({}),
      () => browserResponse(photoBytes('messi5'), { status: 200, headers: { 'Content-Type': 'image/jpeg' } }, { redirected: true, url: `${SITE}/_vti_bin/afdcache.ashx/_userprofile/userphoto.jpg?_oat_=x` })
    );
    await expect(svc.getPicture(ACCOUNT, 'M', false)).resolves.toEqual({ bytes: photoBytes('messi5'), contentType: 'image/jpeg' });
  });

  test('a token refused after the redirect (403) is asked for once more, with a new address', async () => {
    let calls = 0;
    const { svc, fetchLog } = service(
      () => json({}),
      () => (++calls === 1 ? browserResponse('403 FORBIDDEN', { status: 403 }, { redirected: true }) : bytes(photoBytes('messi5'), 'image/jpeg'))
    );
    await expect(svc.getPicture(ACCOUNT, 'M', false)).resolves.toMatchObject({ contentType: 'image/jpeg' });
    expect(fetchLog).toHaveLength(2);
    expect(fetchLog[1].url).toMatch(/&t=\d+$/);
    expect(fetchLog[1].init).toMatchObject({ cache: 'no-store' });
  });

  test('a 403 twice after the redirect, or a 403 without one, stays a refusal', async () => {
    const twice = service(() => json({}), () => browserResponse('', { status: 403 }, { redirected: true }));
    await expect(twice.svc.getPicture(ACCOUNT, 'M', false)).rejects.toMatchObject({ reason: 'permission-denied' });
    expect(twice.fetchLog).toHaveLength(2);
    const direct = service(() => json({}), () => new Response('', { status: 403 }));
    await expect(direct.svc.getPicture(ACCOUNT, 'M', false)).rejects.toMatchObject({ reason: 'permission-denied' });
    expect(direct.fetchLog).toHaveLength(1);
  });

  test('pictureAddress: userphoto.aspx on the current site, for an <img> to show', () => {
    const { svc } = service(() => json({}));
    expect(svc.pictureAddress(ACCOUNT, 'L')).toBe(`${SITE}/_layouts/15/userphoto.aspx?size=L&accountname=${encodeURIComponent(ACCOUNT)}`);
  });
});

describe('parsePictureTimestamp', () => {
  test.each([
    ['63656652524', '2018-03-14T19:28:44.000Z'],
    ['', undefined],
    ['not a number', undefined],
    ['0', undefined]
  ])('%p', (value, iso) => {
    const date = parsePictureTimestamp(value);
    expect(date ? date.toISOString() : undefined).toBe(iso);
  });
});

describe('PnPProfileService.setMyPicture', () => {
  // PnPjs reads the Blob with FileReader, which Node lacks: a minimal one for this test.
  beforeAll(() => {
    (globalThis as unknown as { FileReader: unknown }).FileReader = class {
      public onload: ((e: { target: { result: ArrayBuffer } }) => void) | undefined;
      public onerror: ((e: unknown) => void) | undefined;
      public readAsArrayBuffer(blob: Blob): void {
        blob.arrayBuffer().then((result) => this.onload && this.onload({ target: { result } }), (e: unknown) => this.onerror && this.onerror(e));
      }
    };
  });

  test('POSTs the picture bytes to PeopleManager/SetMyProfilePicture through PnPjs', async () => {
    const picture = photoBytes('messi5');
    const bodies: Uint8Array[] = [];
    const { svc, spLog } = service((url) => json({ 'odata.null': true }, 200));
    const original = spLog.push.bind(spLog);
    spLog.push = (...items: IRecordedRequest[]) => {
      for (const item of items) {
        const body = item.init && item.init.body;
        if (body instanceof ArrayBuffer) {
          bodies.push(new Uint8Array(body));
        }
      }
      return original(...items);
    };
    await svc.setMyPicture(picture);
    expect(spLog.map((r) => [r.method, r.url])).toEqual([['POST', `${SITE}/_api/sp.userprofiles.peoplemanager/setmyprofilepicture`]]);
    expect(bodies).toEqual([picture]);
  });

  test.each([
    [403, 'permission-denied'],
    [413, 'unexpected'],
    [503, 'unavailable']
  ])('HTTP %i is a ServiceError with its status', async (status, reason) => {
    const { svc } = service(() => json({ 'odata.error': { message: { value: 'no' } } }, status));
    await expect(svc.setMyPicture(photoBytes('messi5'))).rejects.toMatchObject({ service: 'sharepoint', reason, status });
  });
});
