/**
 * @jest-environment node
 */
import { GraphPhotoService } from './GraphPhotoService';
import { IPhotoDownscaler, MAX_SOURCE_PIXELS } from './photoDownscaler';
import { FakeGraphClient, GraphAnswer } from '../../test/fakes/FakeGraphClient';
import { photoBytes } from '../../test/photoFixtures';
import { widePhoto } from '../../workbench/tenant/imaging';

/** An account without an Exchange Online mailbox, as Graph answers for it. */
const NO_MAILBOX: GraphAnswer = { status: 404, code: 'MailboxNotHostedInExchangeOnline', message: 'Mailbox is hosted by an on-premise or non-Exchange server.' };
/** Its photo in Microsoft Entra ID: 400 x 300, "any dimension". */
const ENTRA = widePhoto(photoBytes('messi5'), 300, 50);

/** Records what it was asked to make; answers with bytes that say so. */
class FakeDownscaler implements IPhotoDownscaler {
  public readonly calls: Array<{ length: number; side: number }> = [];
  public async toSquare(bytes: Uint8Array, side: number): Promise<Uint8Array> {
    this.calls.push({ length: bytes.length, side });
    return new Uint8Array([0xff, 0xd8, 0xff, side & 0xff]);
  }
}

function entraService(answers: Record<string, GraphAnswer>): { client: FakeGraphClient; downscaler: FakeDownscaler; svc: GraphPhotoService } {
  const client = new FakeGraphClient(answers);
  const downscaler = new FakeDownscaler();
  return { client, downscaler, svc: new GraphPhotoService(client, undefined, downscaler) };
}

describe('GraphPhotoService: accounts without a mailbox', () => {
  test('no mailbox, and no photo in Entra ID either: "no mailbox", as before', async () => {
    const { svc, client } = entraService({ '/me/photo': NO_MAILBOX, '/me/photo/$value': { status: 404, code: 'ImageNotFound' } });
    await expect(svc.getPhotoMetadata()).resolves.toEqual({ kind: 'no-mailbox', code: 'MailboxNotHostedInExchangeOnline' });
    expect(client.requests.map((r) => r.path)).toEqual(['/me/photo', '/me/photo/$value']);
  });

  test.each([
    ['400 AuthenticationError', { status: 400, code: 'AuthenticationError' }],
    ['400 whose code the client could not read (a binary request)', { status: 400 }],
    ['404 with no code', { status: 404 }]
  ] as Array<[string, GraphAnswer]>)('no mailbox and /me/photo/$value answers %s: "no mailbox"', async (_name, answer) => {
    const { svc } = entraService({ '/me/photo': { status: 400, code: 'AuthenticationError' }, '/me/photo/$value': answer });
    await expect(svc.getPhotoMetadata()).resolves.toEqual({ kind: 'no-mailbox', code: 'AuthenticationError' });
  });

  test('the 1x1 GIF from /me/photo/$value is no photo either', async () => {
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0]);
    const { svc } = entraService({ '/me/photo': NO_MAILBOX, '/me/photo/$value': { bytes: gif } });
    await expect(svc.getPhotoMetadata()).resolves.toMatchObject({ kind: 'no-mailbox' });
  });

  test('no mailbox, a photo in Entra ID: a photo lookup from its own header, tagged by its bytes', async () => {
    const { svc } = entraService({ '/me/photo': NO_MAILBOX, '/me/photo/$value': { bytes: ENTRA } });
    const lookup = await svc.getPhotoMetadata();
    expect(lookup).toMatchObject({ kind: 'photo', source: 'entra', metadata: { width: 400, height: 300, contentType: 'image/jpeg' } });
    const other = await entraService({ '/me/photo': NO_MAILBOX, '/me/photo/$value': { bytes: widePhoto(photoBytes('squirrel_cls'), 300, 50) } }).svc.getPhotoMetadata();
    // The verdict cache tells photos apart by this tag: another photo of the same size has another one.
    expect(lookup.kind === 'photo' && lookup.metadata.etag).toMatch(/^entra:\d+:[0-9a-f]+$/);
    expect(other.kind === 'photo' && other.metadata.etag).not.toEqual(lookup.kind === 'photo' && lookup.metadata.etag);
  });

  test('its photos are the whole photo, read once, scaled to a square of the size asked for', async () => {
    const { svc, client, downscaler } = entraService({ '/me/photo': NO_MAILBOX, '/me/photo/$value': { bytes: ENTRA } });
    const lookup = await svc.getPhotoMetadata();
    const small = await svc.getPhoto(96, lookup);
    const large = await svc.getPhoto(240, lookup);
    expect(Array.from(small!)).toEqual([0xff, 0xd8, 0xff, 96]);
    expect(Array.from(large!)).toEqual([0xff, 0xd8, 0xff, 240]);
    expect(downscaler.calls).toEqual([{ length: ENTRA.length, side: 96 }, { length: ENTRA.length, side: 240 }]);
    expect(client.requests.filter((r) => r.path === '/me/photo/$value')).toHaveLength(1);
    expect(client.requests.some((r) => r.path.startsWith('/me/photos/'))).toBe(false);
  });

  test('a square Entra ID photo no larger than asked for is used as it is', async () => {
    const square = photoBytes('messi5'); // 342 x 342
    const { svc, downscaler } = entraService({ '/me/photo': NO_MAILBOX, '/me/photo/$value': { bytes: square } });
    const lookup = await svc.getPhotoMetadata();
    await expect(svc.getPhoto(648, lookup)).resolves.toEqual(square);
    expect(downscaler.calls).toEqual([]);
  });

  test('/me/photo answers with a shape Exchange never stores and the sized photos say "no mailbox": Entra ID', async () => {
    const meta = { '@odata.mediaContentType': 'image/jpeg', '@odata.mediaEtag': 'W/"e1"', id: 'default', width: 400, height: 300 };
    const { svc, client, downscaler } = entraService({ '/me/photo': { json: meta }, '/me/photos/48x48': NO_MAILBOX, '/me/photo/$value': { bytes: ENTRA } });
    const lookup = await svc.getPhotoMetadata();
    expect(lookup).toEqual({ kind: 'photo', source: 'entra', metadata: { width: 400, height: 300, contentType: 'image/jpeg', etag: 'W/"e1"' } });
    await svc.getPhoto(96, lookup);
    await svc.getPhoto(240, lookup);
    expect(downscaler.calls.map((c) => c.side)).toEqual([96, 240]);
    expect(client.requests.map((r) => r.path)).toEqual(['/me/photo', '/me/photos/48x48', '/me/photo/$value']);
  });

  test('an odd shape whose sized photos exist is Exchange Online after all', async () => {
    const meta = { id: '500X400', width: 500, height: 400 };
    const { svc } = entraService({ '/me/photo': { json: meta }, '/me/photos/48x48': { json: { id: '48X48', width: 48, height: 48 } } });
    await expect(svc.getPhotoMetadata()).resolves.toEqual({ kind: 'photo', metadata: { width: 500, height: 400, contentType: undefined, etag: undefined } });
  });

  test.each([648, 342])('a square photo (%i px) costs no extra request', async (side) => {
    const { svc, client } = entraService({ '/me/photo': { json: { width: side, height: side } } });
    await expect(svc.getPhotoMetadata()).resolves.toMatchObject({ kind: 'photo', metadata: { width: side } });
    expect(client.requests.map((r) => r.path)).toEqual(['/me/photo']);
  });

  test('a sized request that finds no mailbox falls back to the whole photo, scaled', async () => {
    const { svc, downscaler } = entraService({ '/me/photos/96x96/$value': NO_MAILBOX, '/me/photo/$value': { bytes: ENTRA } });
    const bytes = await svc.getPhoto(96, { kind: 'photo', metadata: { width: 648, height: 648 } });
    expect(Array.from(bytes!)).toEqual([0xff, 0xd8, 0xff, 96]);
    expect(downscaler.calls).toEqual([{ length: ENTRA.length, side: 96 }]);
  });

  test('a whole photo whose header claims too many pixels is refused before anything decodes it', async () => {
    const bomb = new Uint8Array(ENTRA);
    // the SOF0 frame header's height and width: 60000 x 60000
    const sof = bomb.findIndex((b, i) => b === 0xff && bomb[i + 1] === 0xc0);
    bomb.set([0xea, 0x60, 0xea, 0x60], sof + 5);
    expect(60000 * 60000).toBeGreaterThan(MAX_SOURCE_PIXELS);
    const { svc, downscaler } = entraService({ '/me/photo': NO_MAILBOX, '/me/photo/$value': { bytes: bomb } });
    await expect(svc.getPhotoMetadata()).rejects.toMatchObject({ service: 'exchange', reason: 'too-large' });
    expect(downscaler.calls).toEqual([]);
  });

  test('a failure reading the whole photo is a failure, not "no mailbox"', async () => {
    const { svc } = entraService({ '/me/photo': NO_MAILBOX, '/me/photo/$value': { status: 503, code: 'ServiceNotAvailable' } });
    await expect(svc.getPhotoMetadata()).rejects.toMatchObject({ service: 'exchange', reason: 'unavailable' });
  });
});
