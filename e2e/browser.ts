import * as path from 'path';
import { Browser, BrowserContext, chromium as playwright, Locator, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

export const SCREENSHOTS = path.join(__dirname, 'screenshots');

/** Lambda-tuned switches that would make the browser kinder than the ones employees use. */
const RELAXING_ARGS = ['--single-process', '--disable-web-security', '--allow-running-insecure-content'];

/** Chromium shipped inside the @sparticuz/chromium npm package (located by globalSetup): `npm ci` is all it needs. */
export async function launch(): Promise<Browser> {
  const executablePath = process.env.PPS_CHROMIUM_PATH;
  if (!executablePath) {
    throw new Error('PPS_CHROMIUM_PATH is not set: run through jest.e2e.config.js');
  }
  // Its arguments are tuned for AWS Lambda: --single-process there makes closing one context end the browser, and
  // --disable-web-security turns off the same-origin policy (CORS), which real browsers enforce on SharePoint.
  const args = (JSON.parse(process.env.PPS_CHROMIUM_ARGS || '[]') as string[]).filter((a) => RELAXING_ARGS.indexOf(a) < 0);
  return playwright.launch({
    executablePath,
    args: [...args, '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    headless: true
  });
}

export function workbenchUrl(query: Record<string, string> = {}): string {
  const base = process.env.PPS_WORKBENCH_URL;
  if (!base) {
    throw new Error('PPS_WORKBENCH_URL is not set: run through jest.e2e.config.js');
  }
  return `${base}/?${new URLSearchParams(query).toString()}`;
}

/** How the pages' Content-Security-Policy violations appear among their console errors. */
export const CSP_VIOLATION = 'Content-Security-Policy violation:';

/** A fresh browser context (its own tenant session), desktop Chrome on Windows as most employees have. */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1100, height: 900 },
    // As many employees set it: the product honours it (no enter animations), so nothing is half faded in when a
    // test reads contrast or takes a screenshot.
    reducedMotion: 'reduce',
    userAgent:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
    locale: 'en-US'
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // The workbench serves SharePoint Online's script policy: anything it blocks is an error of the test's page
  // (collectErrors fails the test), however the browser itself reports it. Init scripts run outside the policy.
  await context.addInitScript((prefix: string) => {
    document.addEventListener('securitypolicyviolation', (e: SecurityPolicyViolationEvent) => {
      // Counted on the page too, so a test can wait for the violations it expects instead of for time.
      const w = window as unknown as { ppsCspViolations?: number };
      w.ppsCspViolations = (w.ppsCspViolations || 0) + 1;
      console.error(`${prefix} ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || 'page'}:${e.lineNumber})`);
    });
  }, CSP_VIOLATION);
  return context;
}

/** Everything the page logs as an error or throws: a clean run has none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // The browser logs every failed or non-2xx response; the scenarios produce those on purpose.
    if (m.type() === 'error' && !/^Failed to load resource: /.test(m.text())) {
      errors.push(`console: ${m.text()}`);
    }
  });
  return errors;
}

/** axe-core's WCAG 2.1 A and AA rules and its best practices over the whole page; returns the violations, described. */
export async function axeViolations(page: Page): Promise<string[]> {
  // What a person sees once the page is still: a row fading in (Fluent animates rows as they mount) is half
  // transparent, and its contrast is not the one anybody reads. Endless animations (a spinner) are not waited for.
  await page.waitForFunction(
    () =>
      document.getAnimations().every((a) => {
        const end = a.effect ? a.effect.getComputedTiming().endTime : 0;
        return a.playState !== 'running' || typeof end !== 'number' || !isFinite(end);
      }),
    undefined,
    { timeout: 5000 }
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Exactly `n` of these, waiting (as a person does) for the n-th to appear first: the guided fix arrives as a lazy
 * chunk after the verdict, so counting at the moment the verdict shows races it on a busy machine. n = 0 counts at
 * once: what the verdict rules out never arrives later.
 */
export async function expectCount(locator: Locator, n: number): Promise<void> {
  if (n > 0) {
    await locator.nth(n - 1).waitFor({ timeout: 15000 });
  }
  expect(await locator.count()).toBe(n);
}

/** The verdict's MessageBar, once the check has finished. */
export async function verdictText(page: Page): Promise<string> {
  const bar = page.locator('[data-verdict] [data-banner]');
  await bar.waitFor({ state: 'visible', timeout: 30000 });
  await page.locator('section[aria-busy="false"]').waitFor({ timeout: 30000 });
  return (await bar.innerText()).replace(/\s+/g, ' ').trim();
}

export interface IPageSession {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /**
   * Errors the browser logs on purpose in this test (a scenario's CORS refusal, say), which the check after the test
   * then accepts; every other error still fails it. Each pattern must match at least one error, or the test fails.
   */
  expectErrors(pattern: RegExp): void;
}

/**
 * Registers the hooks every e2e file needs: one browser for the file, a fresh context (its own tenant session and
 * storage) and page for each test, and a check after each test that the page logged no error.
 */
export function usePageSession(): IPageSession {
  const state: { browser?: Browser; context?: BrowserContext; page?: Page; errors: string[]; expected: RegExp[] } = { errors: [], expected: [] };
  beforeAll(async () => {
    state.browser = await launch();
  });
  afterAll(async () => {
    await state.browser!.close();
  });
  beforeEach(async () => {
    state.context = await newContext(state.browser!);
    state.page = await state.context.newPage();
    state.errors = collectErrors(state.page);
    state.expected = [];
  });
  afterEach(async () => {
    await state.context!.close();
    expect(state.expected.filter((p) => !state.errors.some((e) => p.test(e))).map(String)).toEqual([]);
    expect(state.errors.filter((e) => !state.expected.some((p) => p.test(e)))).toEqual([]);
  });
  return {
    get browser() {
      return state.browser!;
    },
    get context() {
      return state.context!;
    },
    get page() {
      return state.page!;
    },
    expectErrors(pattern: RegExp): void {
      state.expected.push(pattern);
    }
  };
}

/** What a screen reader would announce for the focused element: its aria-label or text; '' when nothing has focus. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    // <body> holds focus when nothing else does; its text is the whole page, which would match anything.
    return !el || el === document.body ? '' : el.getAttribute('aria-label') || el.innerText || '';
  });
}

/**
 * Waits until the simulated tenant says SharePoint has copied the photo (its own declared state, asked again every
 * 100 ms), however long a busy machine takes, up to the given bound.
 */
export async function waitForTenantSync(context: BrowserContext, timeoutMs: number = 30000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const state = (await (await context.request.get(`${process.env.PPS_WORKBENCH_URL}/workbench/api/state`)).json()) as { synced: boolean };
    if (state.synced) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the simulated sign-in never completed');
}
