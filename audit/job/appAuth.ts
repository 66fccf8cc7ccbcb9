/**
 * App-only authentication for the audit: tokens for Graph and for SharePoint from one Entra ID app registration and
 * its certificate. In Azure, `@azure/identity`'s ClientCertificateCredential gets them (see ../functions); against
 * the local simulated tenant, `CertificateAssertionCredential` does the same exchange (a client assertion signed
 * with the certificate's key, the certificate in its `x5c` header) with an authority on plain HTTP, which MSAL
 * refuses. Both are `TokenCredential`s; the job only sees that.
 */
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import * as crypto from 'crypto';
import { FetchLike } from '../../src/services/retryingFetch';

/** How the audit names itself to Microsoft 365 (Microsoft asks every app to decorate its traffic so). */
export const AUDIT_USER_AGENT = 'NONISV|ProfilePhotoSync|TenantAudit/1.0';

/** A resource's app-only scope. */
export function scopeOf(resourceUrl: string): string {
  return `${new URL(resourceUrl).origin}/.default`;
}

/** `fetch` with the app's token for one resource and the audit's User-Agent on every request. */
export function appFetch(credential: TokenCredential, scope: string, fetchImpl: FetchLike = (input, init) => fetch(input, init)): FetchLike {
  let cached: AccessToken | null = null;
  return async (input, init = {}) => {
    // A token is reused until five minutes before it expires.
    if (!cached || cached.expiresOnTimestamp - Date.now() < 5 * 60 * 1000) {
      cached = await credential.getToken(scope);
      if (!cached) {
        throw new Error(`No token for ${scope}.`);
      }
    }
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${cached.token}`);
    headers.set('User-Agent', AUDIT_USER_AGENT);
    return fetchImpl(input, { ...init, headers });
  };
}

export interface ICertificate {
  /** The certificate, PEM. */
  certificatePem: string;
  /** Its private key, PEM. */
  privateKeyPem: string;
}

/**
 * The client-credentials exchange with a certificate, as MSAL does it: a JWT (RS256) naming the app as issuer and
 * subject and the token endpoint as audience, with the certificate's SHA-256 thumbprint (`x5t#S256`) and the
 * certificate itself (`x5c`), signed with its key. For an authority MSAL will not talk to (the simulated tenant on
 * plain HTTP); in Azure, ClientCertificateCredential.
 */
export class CertificateAssertionCredential implements TokenCredential {
  private readonly _endpoint: string;

  public constructor(
    authorityHost: string,
    tenantId: string,
    private readonly _clientId: string,
    private readonly _certificate: ICertificate,
    private readonly _fetch: FetchLike = (input, init) => fetch(input, init)
  ) {
    this._endpoint = `${authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
  }

  public async getToken(scopes: string | string[]): Promise<AccessToken> {
    const scope = Array.isArray(scopes) ? scopes.join(' ') : scopes;
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this._clientId,
      scope,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: this._assertion()
    });
    const response = await this._fetch(this._endpoint, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    const body = (await response.json()) as { access_token?: string; expires_in?: number; error?: string; error_description?: string };
    if (!response.ok || !body.access_token) {
      throw new Error(`The token endpoint refused: ${body.error || response.status} ${body.error_description || ''}`.trim());
    }
    return { token: body.access_token, expiresOnTimestamp: Date.now() + (body.expires_in || 3599) * 1000 };
  }

  private _assertion(): string {
    const certificate = new crypto.X509Certificate(this._certificate.certificatePem);
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', 'x5t#S256': crypto.createHash('sha256').update(certificate.raw).digest('base64url'), x5c: [certificate.raw.toString('base64')] };
    const claims = { aud: this._endpoint, iss: this._clientId, sub: this._clientId, jti: crypto.randomUUID(), nbf: now, iat: now, exp: now + 600 };
    const encode = (part: object): string => Buffer.from(JSON.stringify(part)).toString('base64url');
    const unsigned = `${encode(header)}.${encode(claims)}`;
    const signature = crypto.sign('sha256', Buffer.from(unsigned), this._certificate.privateKeyPem).toString('base64url');
    return `${unsigned}.${signature}`;
  }
}
