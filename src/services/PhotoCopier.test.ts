/**
 * @jest-environment node
 */
import { ExchangePhotoLookup } from '../models/IExchangePhoto';
import { PhotoCopier } from './PhotoCopier';
import { ServiceError } from './ServiceError';
import { FakeExchange, FakeSharePoint, PROFILE } from '../../test/fakes/fakeServices';
import { photoBytes } from '../../test/photoFixtures';

const HAS_PHOTO: ExchangePhotoLookup = { kind: 'photo', metadata: { width: 648, height: 648 } };
const PHOTO = photoBytes('messi5');
const sharePoint = (): FakeSharePoint => new FakeSharePoint({ kind: 'profile', profile: PROFILE }, { bytes: PHOTO, contentType: 'image/jpeg' });

describe('PhotoCopier', () => {
  test('uploads the Exchange photo at the largest Graph size (648) to SharePoint', async () => {
    const exchange = new FakeExchange(HAS_PHOTO, PHOTO);
    const sp = sharePoint();
    await expect(new PhotoCopier(exchange, sp).copy()).resolves.toEqual({ kind: 'copied', bytes: PHOTO.length });
    expect(exchange.calls).toEqual(['metadata', 'photo 648']);
    expect(sp.uploads).toEqual([PHOTO]);
  });

  test.each([
    ['SharePoint refuses (403): unchanged', new ServiceError('sharepoint', 'permission-denied', '403', { status: 403 }), { reason: 'permission-denied', state: 'unchanged' }],
    ['too large (413): rejected, unchanged', new ServiceError('sharepoint', 'unexpected', '413', { status: 413 }), { reason: 'rejected-picture', state: 'unchanged' }],
    ['not a format SharePoint takes (400): rejected, unchanged', new ServiceError('sharepoint', 'unexpected', '400', { status: 400 }), { reason: 'rejected-picture', state: 'unchanged' }],
    ['the connection drops during the upload: unknown', new ServiceError('sharepoint', 'network', 'Failed to fetch'), { reason: 'network', state: 'unknown' }],
    ['the upload times out: unknown', new ServiceError('sharepoint', 'timeout', 'no answer'), { reason: 'timeout', state: 'unknown' }]
  ])('%s', async (_name, error, expected) => {
    const sp = sharePoint();
    sp.upload = { throws: error };
    await expect(new PhotoCopier(new FakeExchange(HAS_PHOTO, PHOTO), sp).copy()).resolves.toEqual({ kind: 'failed', stage: 'upload', ...expected });
  });

  test('no Exchange photo to copy: nothing is uploaded', async () => {
    const sp = sharePoint();
    const outcome = await new PhotoCopier(new FakeExchange({ kind: 'none' }, undefined), sp).copy();
    expect(outcome).toEqual({ kind: 'failed', reason: 'not-an-image', state: 'unchanged', stage: 'read-exchange' });
    expect(sp.uploads).toEqual([]);
  });

  test('Graph failing while reading the photo: nothing is uploaded', async () => {
    const sp = sharePoint();
    const exchange = new FakeExchange({ throws: new ServiceError('exchange', 'throttled', '429', { status: 429 }) }, undefined);
    await expect(new PhotoCopier(exchange, sp).copy()).resolves.toMatchObject({ kind: 'failed', reason: 'throttled', stage: 'read-exchange', state: 'unchanged' });
    expect(sp.uploads).toEqual([]);
  });

  test('a photo over SharePoint\'s 5,000,000-byte limit, or not JPEG/PNG, is not sent', async () => {
    const huge = new Uint8Array(5000001);
    huge.set(PHOTO.subarray(0, 4));
    for (const bytes of [huge, new TextEncoder().encode('GIF89a')]) {
      const sp = sharePoint();
      await expect(new PhotoCopier(new FakeExchange(HAS_PHOTO, bytes), sp).copy()).resolves.toMatchObject({ reason: 'rejected-picture', stage: 'read-exchange' });
      expect(sp.uploads).toEqual([]);
    }
  });
});
