import { Page } from 'playwright-core';
import { collectErrors, CSP_VIOLATION, newContext, usePageSession, verdictText, workbenchUrl } from './browser';

/**
 * The workbench serves SharePoint Online's script policy, and every e2e test fails on a violation of it
 * (browser.ts). These tests show that the policy is really there and really blocks, so that a clean suite means
 * something: the part runs with no inline script, no blob: script and no script from anywhere but its own origin.
 */
const session = usePageSession();
let page: Page;
beforeEach(() => {
  page = session.page;
});

function scriptSources(policy: string): string[] {
  const directive = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '));
  return directive ? directive.split(/\s+/).slice(1) : [];
}

describe("SharePoint Online's Content Security Policy in the workbench", () => {
  test('the page is served with its script policy: a fresh nonce each time, no inline or blob: scripts allowed', async () => {
    const first = await page.goto(workbenchUrl({ scenario: 'in-sync' }));
    const policy = (await first!.allHeaders())['content-security-policy'] || '';
    const sources = scriptSources(policy);
    expect(sources).toEqual(expect.arrayContaining(["'self'", "'unsafe-eval'"]));
    expect(sources.filter((s) => s.startsWith("'nonce-"))).toHaveLength(1);
    for (const forbidden of ["'unsafe-inline'", 'blob:', 'data:', '*', "'strict-dynamic'"]) {
      expect(sources).not.toContain(forbidden);
    }
    // The page's own bootstrap is inline and carries the nonce, as SharePoint's does; it ran.
    expect(await page.evaluate(() => (window as unknown as { FabricConfig?: { fontBaseUrl: string } }).FabricConfig)).toEqual({ fontBaseUrl: '' });
    await verdictText(page);
    const second = await page.goto(workbenchUrl({ scenario: 'in-sync' }));
    const again = scriptSources((await second!.allHeaders())['content-security-policy'] || '');
    expect(again.find((s) => s.startsWith("'nonce-"))).not.toEqual(sources.find((s) => s.startsWith("'nonce-")));
  });

  test('the policy blocks what SharePoint blocks, and a violation is reported as an error', async () => {
    // A context of its own: the violations here are on purpose, and must not fail the session's check.
    const context = await newContext(session.browser);
    try {
      const probe = await context.newPage();
      const errors = collectErrors(probe);
      await probe.goto(workbenchUrl({ scenario: 'in-sync' }));
      await verdictText(probe);
      const ran = await probe.evaluate(async () => {
        const flags = window as unknown as Record<string, boolean>;
        const inline = document.createElement('script');
        inline.textContent = 'window.ppsInlineRan = true;';
        document.head.appendChild(inline);
        const blobUrl = URL.createObjectURL(new Blob(['window.ppsBlobRan = true;'], { type: 'text/javascript' }));
        await new Promise<void>((resolve) => {
          const fromBlob = document.createElement('script');
          fromBlob.src = blobUrl;
          fromBlob.onload = () => resolve();
          fromBlob.onerror = () => resolve();
          document.head.appendChild(fromBlob);
        });
        const handler = document.createElement('div');
        handler.setAttribute('onclick', 'window.ppsHandlerRan = true;');
        handler.click();
        return { inline: !!flags.ppsInlineRan, blob: !!flags.ppsBlobRan, handler: !!flags.ppsHandlerRan };
      });
      expect(ran).toEqual({ inline: false, blob: false, handler: false });
      // Violation events are queued as tasks: wait until the page has seen the three it must report.
      await probe.waitForFunction(() => ((window as unknown as { ppsCspViolations?: number }).ppsCspViolations || 0) >= 3, undefined, { timeout: 10000 });
      const violations = errors.filter((e) => e.indexOf(CSP_VIOLATION) >= 0);
      expect(violations.length).toBeGreaterThanOrEqual(3);
      expect(violations.some((v) => /script-src-elem blocked blob/.test(v))).toBe(true);
      expect(violations.some((v) => /blocked inline/.test(v))).toBe(true);
    } finally {
      await context.close();
    }
  });

  test.each(['out-of-sync', 'sharepoint-placeholder', 'broken-image'])(
    '%s: the part, its lazy chunks (comparison, guided fix) and its photos load with no violation',
    async (scenario) => {
      await page.goto(workbenchUrl({ scenario }));
      await verdictText(page);
      // blob: object URLs for the photos are images, which the policy leaves alone; scripts all come from 'self'.
      const scripts = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script' || /\.js(\?|$)/.test(e.name))
          .map((e) => new URL(e.name).origin)
      );
      expect(scripts.length).toBeGreaterThan(0);
      expect(Array.from(new Set(scripts))).toEqual([new URL(workbenchUrl()).origin]);
      // session.page's collected errors (violations among them) are checked after each test.
    }
  );
});
