/**
 * SharePoint Online's script policy for modern pages (enforced since 1 March 2026), as the workbench serves it:
 * `script-src` only, with `'unsafe-eval'`, the page's own origin, Microsoft's CDNs and a nonce that changes with every
 * page, and nothing that would let an inline or `blob:` script run. The web part must work under it unchanged.
 */
import * as crypto from 'crypto';

/**
 * The sources SharePoint Online lists before the tenant's own trusted script sources (a subset of the policy
 * SharePoint sends, none of which the workbench can reach: only 'self' serves scripts here).
 */
export const SHAREPOINT_SCRIPT_SOURCES: ReadonlyArray<string> = [
  "'unsafe-eval'",
  "'self'",
  'https://res-1.cdn.office.net',
  'https://res.cdn.office.net',
  'https://public-cdn.sharepointonline.com',
  'https://static2.sharepointonline.com',
  '*.cdn.office.net',
  'https://amcdn.msftauth.net',
  'https://webshell.suite.office.com',
  'https://teams.microsoft.com'
];

/** A fresh nonce: 128 random bits, base64, as CSP nonces should be. */
export function newNonce(): string {
  return crypto.randomBytes(16).toString('base64');
}

/** The `Content-Security-Policy` header value for one page. */
export function contentSecurityPolicy(nonce: string): string {
  return `script-src ${SHAREPOINT_SCRIPT_SOURCES.join(' ')} 'nonce-${nonce}'`;
}

/** The page with its nonce in place; refuses a page that has no placeholder (its bootstrap would be blocked). */
export function withNonce(html: string, nonce: string): string {
  if (html.indexOf('{{CSP_NONCE}}') < 0) {
    throw new Error('The workbench page has no {{CSP_NONCE}} placeholder for its bootstrap script.');
  }
  return html.split('{{CSP_NONCE}}').join(nonce);
}
