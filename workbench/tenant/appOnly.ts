/**
 * App-only access to the simulated tenant, as the tenant-wide audit uses it (no signed-in person):
 *  - Entra ID's token endpoint (`POST /{tenant}/oauth2/v2.0/token`, client credentials) issues a token for one
 *    resource (`https://graph.microsoft.com/.default` or the SharePoint tenant's `/.default`), from a certificate
 *    (a signed `client_assertion`, its certificate in the `x5c` header, as MSAL sends it with the chain) or from a
 *    client secret. SharePoint refuses a token from a secret, as SharePoint Online does (ACS is retired; app-only
 *    SharePoint needs a certificate); Graph takes either.
 *  - The directory the app sees: the roster the team overview sees for the same `people` and `scenario`, set with
 *    `POST /workbench/api/app-directory` (a workbench control; a real tenant has its own directory), and its own
 *    SharePoint budget (applications are throttled per app and tenant, apart from any person).
 */
import * as crypto from 'crypto';

/** What a token may be used for. */
export type AppAudience = 'graph' | 'sharepoint';

export interface IAppToken {
  clientId: string;
  audience: AppAudience;
  credential: 'certificate' | 'secret';
  expires: number;
}

export type TokenAnswer = { status: 200; body: { token_type: 'Bearer'; expires_in: number; ext_expires_in: number; access_token: string } } | { status: 400 | 401; body: { error: string; error_description: string } };

const TOKEN_LIFETIME_SECONDS = 3599;
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Issues and recognises the tenant's app-only tokens. */
export class AppTokens {
  private readonly _tokens = new Map<string, IAppToken>();

  /**
   * The token endpoint: `form` is the request's `application/x-www-form-urlencoded` body, `endpoint` the URL it was
   * posted to (a client assertion must name it as its audience).
   */
  public issue(form: URLSearchParams, endpoint: string, now: number = Date.now()): TokenAnswer {
    const clientId = form.get('client_id') || '';
    if (form.get('grant_type') !== 'client_credentials' || !clientId) {
      return error(400, 'unsupported_grant_type', 'AADSTS70003: the app-only flow takes grant_type client_credentials and a client_id.');
    }
    const scope = form.get('scope') || '';
    const audience: AppAudience | undefined = /^https:\/\/graph\.microsoft\.com\/\.default$/i.test(scope) ? 'graph' : /\/\.default$/.test(scope) ? 'sharepoint' : undefined;
    if (!audience) {
      return error(400, 'invalid_scope', `AADSTS1002012: the scope '${scope}' is not valid: app-only tokens take a resource's /.default.`);
    }
    let credential: IAppToken['credential'];
    if (form.get('client_assertion_type') === ASSERTION_TYPE) {
      const problem = checkAssertion(form.get('client_assertion') || '', clientId, endpoint, now);
      if (problem) {
        return error(401, 'invalid_client', `AADSTS700027: the client assertion failed its checks: ${problem}.`);
      }
      credential = 'certificate';
    } else if (form.get('client_secret')) {
      credential = 'secret';
    } else {
      return error(401, 'invalid_client', 'AADSTS7000218: the request body must contain client_assertion or client_secret.');
    }
    const token = crypto.randomBytes(24).toString('base64url');
    this._tokens.set(token, { clientId, audience, credential, expires: now + TOKEN_LIFETIME_SECONDS * 1000 });
    return { status: 200, body: { token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, ext_expires_in: TOKEN_LIFETIME_SECONDS, access_token: token } };
  }

  /** The app token in an `Authorization` header, when it is one and still valid. */
  public find(authorization: string | undefined, now: number = Date.now()): IAppToken | undefined {
    const m = /^Bearer (\S+)$/.exec(authorization || '');
    const found = m ? this._tokens.get(m[1]) : undefined;
    return found && found.expires > now ? found : undefined;
  }
}

function error(status: 400 | 401, code: string, description: string): TokenAnswer {
  return { status, body: { error: code, error_description: description } };
}

/**
 * What is wrong with a client assertion, or undefined: a JWT signed (RS256 or PS256) with the key of the certificate
 * its `x5c` header carries, whose thumbprint is its `x5t` (or `x5t#S256`), issued by and about the client, for this
 * endpoint, and not expired.
 */
export function checkAssertion(jwt: string, clientId: string, endpoint: string, now: number): string | undefined {
  const parts = jwt.split('.');
  if (parts.length !== 3) {
    return 'not a JWT';
  }
  let header: { alg?: string; x5c?: string[]; x5t?: string; 'x5t#S256'?: string };
  let claims: { aud?: string; iss?: string; sub?: string; exp?: number; nbf?: number };
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as typeof header;
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as typeof claims;
  } catch {
    return 'its header or claims are not JSON';
  }
  if (header.alg !== 'RS256' && header.alg !== 'PS256') {
    return `alg ${String(header.alg)} (RS256 or PS256 expected)`;
  }
  if (!Array.isArray(header.x5c) || typeof header.x5c[0] !== 'string') {
    return 'no x5c certificate in the header';
  }
  let certificate: crypto.X509Certificate;
  try {
    certificate = new crypto.X509Certificate(Buffer.from(header.x5c[0], 'base64'));
  } catch {
    return 'its x5c is not a certificate';
  }
  const der = certificate.raw;
  const sha1 = crypto.createHash('sha1').update(der).digest('base64url');
  const sha256 = crypto.createHash('sha256').update(der).digest('base64url');
  if (header.x5t !== sha1 && header['x5t#S256'] !== sha256) {
    return 'its x5t is not the thumbprint of its certificate';
  }
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
  const signature = Buffer.from(parts[2], 'base64url');
  const key = certificate.publicKey;
  const valid =
    header.alg === 'RS256'
      ? crypto.verify('sha256', signed, key, signature)
      : crypto.verify('sha256', signed, { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature);
  if (!valid) {
    return 'the signature does not verify with its certificate';
  }
  if (claims.iss !== clientId || claims.sub !== clientId) {
    return 'iss and sub must be the client id';
  }
  if (claims.aud !== endpoint) {
    return `aud ${String(claims.aud)} is not this endpoint`;
  }
  const seconds = now / 1000;
  if (typeof claims.exp !== 'number' || claims.exp < seconds || (typeof claims.nbf === 'number' && claims.nbf > seconds + 300)) {
    return 'expired or not yet valid';
  }
  return undefined;
}

/** One page of the directory's users, as Graph's `/users` answers (`$top` up to 999, `@odata.nextLink`). */
export function usersPage<T extends { id: string }>(people: ReadonlyArray<T>, toUser: (p: T) => Record<string, unknown>, url: URL, base: string): unknown {
  const skip = parseInt(url.searchParams.get('$skiptoken') || '0', 10) || 0;
  const top = Math.max(1, Math.min(999, parseInt(url.searchParams.get('$top') || '100', 10) || 100));
  const select = (url.searchParams.get('$select') || '').split(',').filter((f) => f);
  const value = people.slice(skip, skip + top).map((p) => {
    const full = toUser(p);
    if (select.length === 0) {
      return full;
    }
    const out: Record<string, unknown> = {};
    select.forEach((f) => (out[f] = full[f]));
    return out;
  });
  const body: Record<string, unknown> = { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users', value };
  if (skip + top < people.length) {
    const next = new URL(`${base}/v1.0/users`);
    url.searchParams.forEach((v, k) => k !== '$skiptoken' && next.searchParams.set(k, v));
    next.searchParams.set('$skiptoken', String(skip + top));
    body['@odata.nextLink'] = next.toString();
  }
  return body;
}
