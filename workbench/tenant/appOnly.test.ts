/**
 * @jest-environment node
 */
/**
 * The simulated tenant's app-only access, as Entra ID and SharePoint Online answer it: a certificate's assertion is
 * checked (signature, thumbprint, issuer, audience, expiry); SharePoint refuses a token from a client secret, and a
 * token for the wrong resource; Graph takes an app token for `/users` but not for `/me`.
 */
import * as crypto from 'crypto';
import * as http from 'http';
import * as path from 'path';
import { AddressInfo } from 'net';
import { CertificateAssertionCredential, ICertificate } from '../../audit/job/appAuth';
import { localCertificate } from '../../audit/job/simulatedTenant';
import { checkAssertion } from './appOnly';
import { createTenantServer } from './server';

let server: http.Server;
let base: string;
let certificate: ICertificate;

beforeAll(async () => {
  server = createTenantServer({ photosDir: path.join(__dirname, '..', '..', 'test', 'fixtures', 'photos'), syncDelayMs: 0, latencyMs: 0, pageConfig: {} });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  certificate = await localCertificate();
}, 30000);
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function token(form: Record<string, string>): Promise<{ status: number; body: { access_token?: string; error?: string } }> {
  const response = await fetch(`${base}/contoso.onmicrosoft.com/oauth2/v2.0/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  return { status: response.status, body: (await response.json()) as { access_token?: string; error?: string } };
}

describe('app-only tokens on the simulated tenant', () => {
  test('a certificate gets a token SharePoint and Graph accept; a secret gets one Graph accepts and SharePoint refuses', async () => {
    const credential = new CertificateAssertionCredential(base, 'contoso.onmicrosoft.com', 'app-1', certificate);
    const sharePoint = await credential.getToken(`${base}/.default`);
    const graph = await credential.getToken('https://graph.microsoft.com/.default');
    const batch = (t: string): Promise<Response> => fetch(`${base}/_api/$batch`, { method: 'POST', headers: { Authorization: `Bearer ${t}`, 'Content-Type': 'multipart/mixed; boundary=batch_x' }, body: '--batch_x--\r\n' });
    expect((await batch(sharePoint.token)).status).toBe(200);
    expect((await batch(graph.token)).status).toBe(401); // a Graph token is not for SharePoint
    const users = await fetch(`${base}/v1.0/users?$top=5`, { headers: { Authorization: `Bearer ${graph.token}` } });
    expect(users.status).toBe(200);
    expect(((await users.json()) as { value: unknown[] }).value).toHaveLength(5);
    expect((await fetch(`${base}/v1.0/me`, { headers: { Authorization: `Bearer ${graph.token}` } })).status).toBe(400);

    const secret = await token({ grant_type: 'client_credentials', client_id: 'app-1', client_secret: 'not-a-certificate', scope: `${base}/.default` });
    expect(secret.status).toBe(200);
    const refused = await batch(secret.body.access_token!);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-ms-diagnostics')).toMatch(/Unsupported app only token/);
  });

  test('an assertion is refused when forged, for another endpoint, for another client or expired', () => {
    const endpoint = `${base}/contoso.onmicrosoft.com/oauth2/v2.0/token`;
    const x509 = new crypto.X509Certificate(certificate.certificatePem);
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: object, key: string = certificate.privateKeyPem): string => {
      const header = { alg: 'RS256', typ: 'JWT', 'x5t#S256': crypto.createHash('sha256').update(x509.raw).digest('base64url'), x5c: [x509.raw.toString('base64')] };
      const unsigned = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
      return `${unsigned}.${crypto.sign('sha256', Buffer.from(unsigned), key).toString('base64url')}`;
    };
    const good = { aud: endpoint, iss: 'app-1', sub: 'app-1', exp: now + 600, nbf: now };
    expect(checkAssertion(sign(good), 'app-1', endpoint, Date.now())).toBeUndefined();
    const other = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(checkAssertion(sign(good, other), 'app-1', endpoint, Date.now())).toMatch(/signature/);
    expect(checkAssertion(sign({ ...good, aud: 'https://login.microsoftonline.com/x/oauth2/v2.0/token' }), 'app-1', endpoint, Date.now())).toMatch(/aud/);
    expect(checkAssertion(sign(good), 'app-2', endpoint, Date.now())).toMatch(/iss and sub/);
    expect(checkAssertion(sign({ ...good, exp: now - 1 }), 'app-1', endpoint, Date.now())).toMatch(/expired/);
    expect(checkAssertion('a.b', 'app-1', endpoint, Date.now())).toMatch(/not a JWT/);
  });
});
