/**
 * @jest-environment node
 */
import { contentSecurityPolicy, newNonce, withNonce } from './contentSecurityPolicy';

describe("the workbench's copy of SharePoint Online's script policy", () => {
  test('script-src only, with the nonce, and nothing that lets inline or blob: scripts run', () => {
    const policy = contentSecurityPolicy('abc123');
    expect(policy).toMatch(/^script-src 'unsafe-eval' 'self' .* 'nonce-abc123'$/);
    for (const permissive of ["'unsafe-inline'", 'blob:', 'data:', "'strict-dynamic'", ' * ']) {
      expect(policy).not.toContain(permissive);
    }
  });

  test('a new nonce each time; the page gets it where its bootstrap asks for it, and a page without the placeholder is refused', () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
    expect(withNonce('<script nonce="{{CSP_NONCE}}"></script>', a)).toBe(`<script nonce="${a}"></script>`);
    expect(() => withNonce('<script></script>', a)).toThrow(/placeholder/);
  });
});
