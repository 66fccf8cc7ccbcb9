/**
 * @jest-environment node
 */
import { GraphPhotoService, pickGraphSize } from './GraphPhotoService';
import { isServiceError, ServiceError } from './ServiceError';
import { FakeGraphClient } from '../../test/fakes/FakeGraphClient';
import { photoBytes } from '../../test/photoFixtures';

const META = {
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users(\'x\')/photo/$entity',
  '@odata.mediaContentType': 'image/jpeg',
  '@odata.mediaEtag': 'W/"a1b2c3"',
  id: '648X648',
  width: 648,
  height: 648
};
const ONE_PIXEL_GIF = new Uint8Array([
  0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x21,
  0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44,
  0x01, 0x00, 0x3b
]);

describe('GraphPhotoService.getPhotoMetadata', () => {
  test('reads /me/photo: size, content type and media ETag', async () => {
    const client = new FakeGraphClient({ '/me/photo': { json: META } });
    const result = await new GraphPhotoService(client).getPhotoMetadata();
    expect(client.requests).toEqual([{ path: '/me/photo', signal: true }]);
    expect(result).toEqual({
      kind: 'photo',
      metadata: { width: 648, height: 648, contentType: 'image/jpeg', etag: 'W/"a1b2c3"' }
    });
  });

  test.each([
    ['404 ImageNotFound', 404, 'ImageNotFound'],
    ['404 ErrorItemNotFound', 404, 'ErrorItemNotFound'],
    ['404 with no code', 404, undefined]
  ])('%s means no Exchange photo', async (_name, status, code) => {
    const client = new FakeGraphClient({ '/me/photo': { status, code } });
    await expect(new GraphPhotoService(client).getPhotoMetadata()).resolves.toEqual({ kind: 'none' });
  });

  test.each([
    [404, 'MailboxNotHostedInExchangeOnline'],
    [404, 'MailboxNotEnabledForRESTAPI'],
    [400, 'AuthenticationError'],
    [400, 'MailboxNotHostedInExchangeOnline']
  ])('%i %s means no Exchange Online mailbox', async (status, code) => {
    const client = new FakeGraphClient({ '/me/photo': { status, code } });
    await expect(new GraphPhotoService(client).getPhotoMetadata()).resolves.toEqual({ kind: 'no-mailbox', code });
  });

  test.each([
    [401, 'InvalidAuthenticationToken', 'permission-denied'],
    [403, 'Authorization_RequestDenied', 'permission-denied'],
    [429, 'TooManyRequests', 'throttled'],
    [503, 'ServiceNotAvailable', 'unavailable'],
    [504, 'GatewayTimeout', 'unavailable'],
    [400, 'BadRequest', 'unexpected']
  ])('%i %s is a ServiceError: %s', async (status, code, reason) => {
    const client = new FakeGraphClient({ '/me/photo': { status, code, retryAfter: status === 429 ? '7' : undefined } });
    const error = await new GraphPhotoService(client).getPhotoMetadata().catch((e: unknown) => e);
    expect(isServiceError(error)).toBe(true);
    expect(error).toMatchObject({ service: 'exchange', reason, status });
    if (status === 429) {
      expect((error as ServiceError).retryAfterSeconds).toBe(7);
    }
  });

  test('a request that never reached Graph is a network failure', async () => {
    const client = new FakeGraphClient({ '/me/photo': { networkError: 'Failed to fetch' } });
    await expect(new GraphPhotoService(client).getPhotoMetadata()).rejects.toMatchObject({ reason: 'network' });
  });
});

describe('GraphPhotoService.getPhoto', () => {
  const photo = photoBytes('messi5');

  test('asks for the largest Graph size not above the wanted size, as an ArrayBuffer', async () => {
    const client = new FakeGraphClient({ '/me/photos/240x240/$value': { bytes: photo } });
    const bytes = await new GraphPhotoService(client).getPhoto(240, { kind: 'photo', metadata: { width: 648, height: 648 } });
    expect(client.requests).toEqual([{ path: '/me/photos/240x240/$value', responseType: 'arraybuffer', signal: true }]);
    expect(bytes).toEqual(photo);
  });

  test.each([
    ['a stored photo within the wanted size is read whole', 240, 100, '/me/photo/$value'],
    ['a photo smaller than every Graph size is read whole', 240, 40, '/me/photo/$value'],
    ['the largest (648) when the stored photo is 342 px: the stored photo', 648, 342, '/me/photo/$value'],
    ['a 648 px photo wanted at 96: the 96 px size', 96, 648, '/me/photos/96x96/$value'],
    ['a 648 px photo wanted at 100: the 96 px size, never larger', 100, 648, '/me/photos/96x96/$value']
  ])('%s', async (_name, wanted, stored, path) => {
    const client = new FakeGraphClient({ [path]: { bytes: photo } });
    await new GraphPhotoService(client).getPhoto(wanted, { kind: 'photo', metadata: { width: stored, height: stored } });
    expect(client.requests[0].path).toBe(path);
  });

  test('the 1x1 GIF Graph sends for "no photo" means no photo', async () => {
    const client = new FakeGraphClient({ '/me/photos/240x240/$value': { bytes: ONE_PIXEL_GIF } });
    await expect(
      new GraphPhotoService(client).getPhoto(240, { kind: 'photo', metadata: { width: 648, height: 648 } })
    ).resolves.toBeUndefined();
  });

  test('a 404 on the bytes means no photo; a 503 is a ServiceError', async () => {
    const gone = new FakeGraphClient({ '/me/photos/240x240/$value': { status: 404, code: 'ImageNotFound' } });
    await expect(new GraphPhotoService(gone).getPhoto(240, { kind: 'photo', metadata: { width: 648, height: 648 } })).resolves.toBeUndefined();
    const down = new FakeGraphClient({ '/me/photos/240x240/$value': { status: 503 } });
    await expect(
      new GraphPhotoService(down).getPhoto(240, { kind: 'photo', metadata: { width: 648, height: 648 } })
    ).rejects.toMatchObject({ reason: 'unavailable' });
  });

  test('asks nothing when there is no photo', async () => {
    const client = new FakeGraphClient({});
    await expect(new GraphPhotoService(client).getPhoto(240, { kind: 'none' })).resolves.toBeUndefined();
    expect(client.requests).toEqual([]);
  });
});

describe('pickGraphSize', () => {
  test.each([
    [1000, 648],
    [648, 648],
    [300, 240],
    [72, 64],
    [48, 48],
    [47, undefined]
  ])('largest size not above %p is %p', (limit, size) => {
    expect(pickGraphSize(limit)).toBe(size);
  });
});
