import * as path from 'path';
import { BrowserContext, Page } from 'playwright-core';
import { axeViolations, expectCount, focusedName, SCREENSHOTS, usePageSession, verdictText, waitForTenantSync, workbenchUrl } from './browser';
import { loadLocale, localeFiles } from '../test/loadLocale';

const EXCHANGE_ALT = 'Your photo in Outlook and Teams';
const SHAREPOINT_ALT = 'Your photo as SharePoint shows it';
const STEPS_HEADING = 'Make SharePoint copy your photo';

interface IExpected {
  scenario: string;
  verdict: string;
  /** Further text the verdict must contain. */
  detail?: RegExp;
  exchangePhoto: boolean;
  sharePointPhoto: boolean;
  steps: boolean;
  screenshot?: boolean;
  /** What the browser itself logs as an error in this scenario, on purpose. */
  consoleErrors?: RegExp;
}

const SCENARIOS: IExpected[] = [
  { scenario: 'in-sync', verdict: 'Your photo is in sync.', detail: /features differ/, exchangePhoto: true, sharePointPhoto: true, steps: false, screenshot: true },
  { scenario: 'out-of-sync', verdict: 'SharePoint shows a different photo.', detail: /features differ/, exchangePhoto: true, sharePointPhoto: true, steps: true, screenshot: true },
  { scenario: 'sharepoint-placeholder', verdict: 'SharePoint shows a placeholder instead of your photo.', exchangePhoto: true, sharePointPhoto: true, steps: true, screenshot: true },
  { scenario: 'no-exchange-photo', verdict: "You don't have a photo in Outlook and Teams yet.", detail: /Change photo/, exchangePhoto: false, sharePointPhoto: true, steps: false, screenshot: true },
  { scenario: 'no-mailbox', verdict: 'Your account has no Exchange Online mailbox.', detail: /can't sync yours by itself/, exchangePhoto: false, sharePointPhoto: false, steps: false, screenshot: true },
  { scenario: 'no-mailbox-entra-photo', verdict: 'SharePoint shows a different photo.', detail: /no Exchange Online mailbox.*won't pick up your photo by itself.*Copy your photo to SharePoint/, exchangePhoto: true, sharePointPhoto: true, steps: false, screenshot: true },
  // A camera original (8256 x 5504, 45 MP) in Entra ID: compared like any other photo, not "too large".
  { scenario: 'no-mailbox-entra-camera-photo', verdict: 'Your photo is in sync.', detail: /no Exchange Online mailbox: if you change your photo/, exchangePhoto: true, sharePointPhoto: true, steps: false },
  { scenario: 'no-mailbox-entra-photo-in-sync', verdict: 'Your photo is in sync.', detail: /no Exchange Online mailbox: if you change your photo/, exchangePhoto: true, sharePointPhoto: true, steps: false },
  { scenario: 'permission-denied', verdict: "We couldn't check your photo.", detail: /Microsoft Graph permission User\.Read/, exchangePhoto: false, sharePointPhoto: true, steps: false, screenshot: true },
  { scenario: 'throttled', verdict: 'SharePoint shows a different photo.', exchangePhoto: true, sharePointPhoto: true, steps: true },
  { scenario: 'graph-down', verdict: "We couldn't check your photo.", detail: /isn't answering right now.*Outlook \/ Teams photo/, exchangePhoto: false, sharePointPhoto: true, steps: false },
  { scenario: 'broken-image', verdict: "We couldn't check your photo.", detail: /isn't a picture.*your SharePoint photo/, exchangePhoto: true, sharePointPhoto: false, steps: false, screenshot: true },
  { scenario: 'slow', verdict: 'SharePoint shows a different photo.', exchangePhoto: true, sharePointPhoto: true, steps: true },
  // The fault catalogue's server-side cases.
  { scenario: 'graph-unauthorized', verdict: "We couldn't check your photo.", detail: /Microsoft Graph permission User\.Read/, exchangePhoto: false, sharePointPhoto: true, steps: false },
  { scenario: 'graph-404-other-code', verdict: "You don't have a photo in Outlook and Teams yet.", exchangePhoto: false, sharePointPhoto: true, steps: false },
  { scenario: 'graph-1x1-gif', verdict: "You don't have a photo in Outlook and Teams yet.", exchangePhoto: false, sharePointPhoto: true, steps: false },
  { scenario: 'mailbox-authentication-error', verdict: 'Your account has no Exchange Online mailbox.', exchangePhoto: false, sharePointPhoto: false, steps: false },
  { scenario: 'throttled-no-retry-after', verdict: 'Your photo is in sync.', exchangePhoto: true, sharePointPhoto: true, steps: false },
  { scenario: 'graph-gateway-timeout', verdict: "We couldn't check your photo.", detail: /isn't answering right now/, exchangePhoto: false, sharePointPhoto: true, steps: false },
  { scenario: 'graph-network-error', verdict: "We couldn't check your photo.", detail: /couldn't reach Microsoft 365.*Outlook \/ Teams photo/, exchangePhoto: false, sharePointPhoto: true, steps: false },
  { scenario: 'graph-no-answer', verdict: "We couldn't check your photo.", detail: /took too long.*Outlook \/ Teams photo/, exchangePhoto: false, sharePointPhoto: true, steps: false },
  { scenario: 'profile-not-found', verdict: "We couldn't check your photo.", detail: /no profile for your account yet/, exchangePhoto: false, sharePointPhoto: false, steps: false },
  { scenario: 'picture-url-hostile', verdict: 'Your photo is in sync.', exchangePhoto: true, sharePointPhoto: true, steps: false },
  { scenario: 'userphoto-login-page', verdict: "We couldn't check your photo.", detail: /isn't a picture.*your SharePoint photo/, exchangePhoto: true, sharePointPhoto: false, steps: false },
  { scenario: 'userphoto-cross-origin', verdict: "We couldn't check your photo.", detail: /Microsoft 365 answered.*another address.*your SharePoint photo/, exchangePhoto: true, sharePointPhoto: true, steps: false, screenshot: true, consoleErrors: /redirected from '[^']*userphoto\.aspx[^']*'\) from origin '[^']*' has been blocked by CORS policy/ },
  { scenario: 'userphoto-redirect-403', verdict: "We couldn't check your photo.", detail: /SharePoint refused to show your photo.*your SharePoint photo/, exchangePhoto: true, sharePointPhoto: false, steps: false }
];

const session = usePageSession();
let page: Page;
let context: BrowserContext;
beforeEach(() => {
  page = session.page;
  context = session.context;
});

/** Whether the photo with this alt text is shown and has really loaded. */
/**
 * Waits, as a person does, until the photo with this alt text has finished loading, or until the card shows "No photo"
 * in its place. Never a look at one moment: the display-size photo replaces the small one after the verdict.
 */
async function expectPhoto(alt: string, shown: boolean): Promise<void> {
  if (!shown) {
    // "No photo" when the side has none, "Couldn't load" when its request failed.
    await page.getByRole('img', { name: new RegExp(`^${alt}: (No photo|Couldn't load)$`) }).waitFor({ timeout: 10000 });
    expect(await page.locator(`img[alt="${alt}"]`).count()).toBe(0);
    return;
  }
  const loaded = await page
    .waitForFunction((a: string) => {
      const img = document.querySelector<HTMLImageElement>(`img[alt="${a}"]`);
      return !!img && img.complete && img.naturalWidth > 0;
    }, alt, { timeout: 10000 })
    .then(() => true, () => false);
  expect([alt, loaded]).toEqual([alt, true]);
}

async function expectScenario(expected: IExpected): Promise<string> {
  if (expected.consoleErrors) {
    session.expectErrors(expected.consoleErrors);
  }
  const text = await verdictText(page);
  expect(text).toContain(expected.verdict);
  if (expected.detail) {
    expect(text).toMatch(expected.detail);
  }
  await expectPhoto(EXCHANGE_ALT, expected.exchangePhoto);
  await expectPhoto(SHAREPOINT_ALT, expected.sharePointPhoto);
  await expectCount(page.getByRole('heading', { name: STEPS_HEADING }), expected.steps ? 1 : 0);
  expect(await page.getByRole('button', { name: 'Check again' }).isEnabled()).toBe(true);
  return text;
}

describe('every scenario shows the right verdict and photos, with no accessibility violation', () => {
  test.each(SCENARIOS.map((s) => [s.scenario, s] as const))('%s', async (_name, expected) => {
    await page.goto(workbenchUrl({ scenario: expected.scenario }));
    await expectScenario(expected);
    expect(await axeViolations(page)).toEqual([]);
    if (expected.screenshot) {
      await page.locator('[data-testid="webpart"]').screenshot({ path: path.join(SCREENSHOTS, `${expected.scenario}.png`) });
    }
  });

  test.each(SCENARIOS.map((s) => [s.scenario, s] as const))('%s, dark theme: no accessibility violation', async (_name, expected) => {
    await page.goto(workbenchUrl({ scenario: expected.scenario, theme: 'dark' }));
    await expectScenario(expected);
    expect(await axeViolations(page)).toEqual([]);
  });

  test.each([
    ['320 px wide (a phone)', 320, 1],
    ['200% zoom of a 1280 px window', 640, 2]
  ])('reflows at %s: nothing wider than the part, no horizontal scrolling', async (_name, width, scale) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(workbenchUrl({ scenario: 'out-of-sync', locale: 'de-de' })); // German: the longest words
    await verdictText(page);
    await page.getByRole('heading', { level: 3 }).first().waitFor();
    const overflow = await page.evaluate(() => {
      const part = document.querySelector('[data-testid="webpart"]') as HTMLElement;
      const wider = Array.from(part.querySelectorAll<HTMLElement>('*')).filter((el) => el.getBoundingClientRect().right > part.getBoundingClientRect().right + 1);
      return { part: part.scrollWidth - part.clientWidth, elements: wider.map((el) => el.tagName + '.' + el.className.toString().slice(0, 30)).slice(0, 5) };
    });
    expect(overflow).toEqual({ part: 0, elements: [] });
    if (scale === 1) {
      await page.locator('[data-testid="webpart"]').screenshot({ path: path.join(SCREENSHOTS, 'reflow-320.png') });
    }
  });

  test.each([['teams-default'], ['teams-dark'], ['teams-contrast']])('hosted in Teams, %s theme: the Teams hint, no accessibility violation', async (theme) => {
    await page.goto(workbenchUrl({ scenario: 'out-of-sync', theme }));
    await expectScenario(SCENARIOS[1]);
    await expectCount(page.getByText(/You're in Teams, which can't open a private window/), 1);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-testid="webpart"]').screenshot({ path: path.join(SCREENSHOTS, `theme-${theme}.png`) });
  });

  test('Windows high-contrast mode (forced colors): readable, no accessibility violation', async () => {
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto(workbenchUrl({ scenario: 'out-of-sync' }));
    await expectScenario(SCENARIOS[1]);
    expect(await axeViolations(page)).toEqual([]);
    const banner = await page.locator('[data-verdict] [data-banner]').evaluate((el) => getComputedStyle(el).borderTopStyle);
    expect(banner).toBe('solid'); // the box stays visible when backgrounds are dropped
    await page.locator('[data-testid="webpart"]').screenshot({ path: path.join(SCREENSHOTS, 'forced-colors.png') });
  });

  test('setting "when in sync: one line": just the confirmation', async () => {
    await page.goto(workbenchUrl({ scenario: 'in-sync', insync: 'line' }));
    await page.getByText('Your photo is in sync.').waitFor();
    expect(await page.locator('[data-testid="webpart"] img').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-testid="webpart"]').screenshot({ path: path.join(SCREENSHOTS, 'setting-in-sync-line.png') });
  });

  test('setting "when in sync: nothing": the part is empty for the employee, explained to the editing owner', async () => {
    await page.goto(workbenchUrl({ scenario: 'in-sync', insync: 'hidden' }));
    // Wait for the check to have decided (the comparison marks its end), not for a moment: empty before it would prove nothing.
    await page.waitForFunction(() => performance.getEntriesByName('pps:compare-end').length > 0, undefined, { timeout: 15000 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    expect((await page.locator('[data-testid="webpart"]').innerText()).trim()).toBe('');
    await page.goto(workbenchUrl({ scenario: 'in-sync', insync: 'hidden', mode: 'edit' }));
    await page.getByText(/People whose photo is in sync see nothing here/).waitFor();
    await page.locator('[data-testid="webpart"]').screenshot({ path: path.join(SCREENSHOTS, 'setting-in-sync-hidden-edit.png') });
  });

  test("setting: the organization's help link, shown when something is wrong", async () => {
    await page.goto(workbenchUrl({ scenario: 'out-of-sync', help: 'https://intranet.contoso.com/help/photos' }));
    const link = page.getByRole('link', { name: 'More help from your organization' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('https://intranet.contoso.com/help/photos');
    expect(await link.getAttribute('target')).toBe('_blank');
  });

  test('edit mode: the owner previews each verdict without a broken profile', async () => {
    await page.goto(workbenchUrl({ scenario: 'in-sync', mode: 'edit', preview: 'no-mailbox' }));
    expect(await verdictText(page)).toContain('Your account has no Exchange Online mailbox.');
    await page.goto(workbenchUrl({ scenario: 'in-sync', mode: 'edit', preview: 'could-not-check' }));
    expect(await verdictText(page)).toMatch(/SharePoint admin center, under Advanced > API access/);
    await page.goto(workbenchUrl({ scenario: 'in-sync', preview: 'no-mailbox' })); // not editing: the real verdict
    expect(await verdictText(page)).toContain('Your photo is in sync.');
  });

  test('a hostile PictureUrl is never rendered nor fetched', async () => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(workbenchUrl({ scenario: 'picture-url-hostile' }));
    expect(await verdictText(page)).toContain('Your photo is in sync.');
    expect(requested.filter((u) => /^javascript:/i.test(u))).toEqual([]);
    expect(await page.locator('[href^="javascript:" i], [src^="javascript:" i]').count()).toBe(0);
    expect(await page.content()).not.toContain('alert(document.domain)');
  });

  test('permission not approved, seen by a site owner editing the page: which permission, and where', async () => {
    await page.goto(workbenchUrl({ scenario: 'permission-denied', mode: 'edit' }));
    expect(await verdictText(page)).toMatch(/SharePoint admin center, under Advanced > API access \(Microsoft Graph, User\.Read\)/);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('a repeat visit with nothing changed: the remembered verdict after the two metadata requests, no image', async () => {
    await page.goto(workbenchUrl({ scenario: 'out-of-sync' }));
    expect(await verdictText(page)).toContain('SharePoint shows a different photo.');
    const tenant: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (/^\/(v1\.0|_api|_layouts)\//i.test(url.pathname)) {
        tenant.push(`${r.method()} ${url.pathname.toLowerCase()}`);
      }
    });
    await page.goto(workbenchUrl({})); // same tenant session, same browser storage
    expect(await verdictText(page)).toContain('SharePoint shows a different photo.');
    expect(tenant.sort()).toEqual(['GET /_api/sp.userprofiles.peoplemanager/getmyproperties', 'GET /v1.0/me/photo']);
    expect(await page.locator('img[alt="Your photo in Outlook and Teams"]').count()).toBe(1);
    const compared: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      // userphoto.aspx answers with a redirect to the picture (afdcache): the hop is the same request, followed.
      if (/\$value|userphoto/i.test(url.pathname) && !r.redirectedFrom()) {
        compared.push(`${url.pathname.toLowerCase()} ${url.searchParams.get('size') || ''}`.trim());
      }
    });
    await page.getByRole('button', { name: 'Check again' }).click();
    await page.locator('section[aria-busy="false"]').waitFor();
    // Check again reads both compared photos; the display-size ones (240, L) may follow at any moment, by design.
    expect(compared.filter((r) => !/240x240|userphoto\.aspx L/.test(r)).sort()).toEqual(['/_layouts/15/userphoto.aspx M', '/v1.0/me/photos/96x96/$value']);
  });

  test.each([['permission-denied'], ['graph-down'], ['broken-image']])(
    '%s: what the other side returned is shown beside the failure',
    async (scenario) => {
      await page.goto(workbenchUrl({ scenario }));
      expect(await verdictText(page)).toContain("We couldn't check your photo.");
      const working = scenario === 'broken-image' ? EXCHANGE_ALT : SHAREPOINT_ALT;
      await expectPhoto(working, true);
      const failed = scenario === 'broken-image' ? SHAREPOINT_ALT : EXCHANGE_ALT;
      expect(await page.getByRole('img', { name: `${failed}: Couldn't load` }).count()).toBe(1);
      // SharePoint's profile was read in all three: when it stored the picture is known.
      expect(await page.getByText(/SharePoint last stored your photo on/).count()).toBe(1);
    }
  );

  test('two parts on one page: every id unique, both checked and named, no accessibility violation', async () => {
    await page.goto(workbenchUrl({ scenario: 'out-of-sync', instances: '2' }));
    for (const part of ['webpart', 'webpart-2']) {
      await page.locator(`[data-testid="${part}"] [data-verdict="out-of-sync"] [data-banner]`).waitFor();
    }
    const duplicated = await page.evaluate(() => {
      const ids = Array.from(document.querySelectorAll('[id]')).map((e) => e.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    });
    expect(duplicated).toEqual([]);
    expect(await page.getByRole('region', { name: 'Your profile photo' }).count()).toBe(2);
    await expectCount(page.getByRole('region', { name: 'Make SharePoint copy your photo' }), 2);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('slow: a labelled spinner while the tenant answers, then the verdict', async () => {
    await page.goto(workbenchUrl({ scenario: 'slow' }));
    await page.getByText('Checking your profile photo…').waitFor({ timeout: 5000 });
    expect(await page.locator('.ms-MessageBar').count()).toBe(0);
    expect(await verdictText(page)).toContain('SharePoint shows a different photo.');
  });

  test('dark theme: the out-of-sync state has no accessibility violation', async () => {
    await page.goto(workbenchUrl({ scenario: 'out-of-sync', theme: 'dark' }));
    await expectScenario(SCENARIOS[1]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'out-of-sync-dark.png'), fullPage: true });
  });

  test.each(localeFiles().map((f) => [f.replace(/\.js$/, '')]))('%s: the verdict, the steps and the page language', async (locale) => {
    const strings = loadLocale(`${locale}.js`);
    await page.goto(workbenchUrl({ scenario: 'out-of-sync', locale }));
    expect(await verdictText(page)).toContain(strings.OutOfSyncTitle);
    await expectCount(page.getByRole('heading', { name: strings.StepsHeading }), 1);
    expect(await page.getByRole('button', { name: strings.CheckAgain }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
  });

  test('the scenario picker switches scenario', async () => {
    await page.goto(workbenchUrl({ scenario: 'in-sync' }));
    expect(await verdictText(page)).toContain('Your photo is in sync.');
    await Promise.all([page.waitForNavigation(), page.getByLabel('Scenario').selectOption('sharepoint-placeholder')]);
    expect(await verdictText(page)).toContain('SharePoint shows a placeholder instead of your photo.');
  });
});

/** Clicks a step's checkbox where a person clicks it: on the box Fluent UI draws (its label). */
async function tick(name: string): Promise<void> {
  const id = await page.getByRole('checkbox', { name }).getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
}


describe('the walk-through, to the end', () => {
  test('with the mouse: steps, copy link, simulated sign-in, Check again, in sync', async () => {
    await page.goto(workbenchUrl({ scenario: 'out-of-sync' }));
    expect(await verdictText(page)).toContain('SharePoint shows a different photo.');
    await expectCount(page.getByText('Open an InPrivate window in Microsoft Edge: press Ctrl+Shift+N.'), 1);

    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByRole('button', { name: 'Link copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('https://www.office.com');

    for (const step of ['Go to office.com.', 'Sign in with your work or school account.']) {
      await tick(`Done: ${step}`);
    }
    await page.getByText('2 of 5 steps done').waitFor();

    await page.getByRole('button', { name: 'Simulate the private-window sign-in' }).click();
    await page.getByRole('status').getByText(/Signed in/).waitFor();
    await waitForTenantSync(context);
    await page.getByRole('button', { name: 'Check again' }).click();
    await page.getByText('Your photo is in sync.').waitFor({ timeout: 15000 });
    await expectPhoto(SHAREPOINT_ALT, true);
    expect(await page.getByRole('heading', { name: STEPS_HEADING }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-testid="webpart"]').screenshot({ path: path.join(SCREENSHOTS, 'resynced.png') });

    // The ticked steps are remembered for the next visit.
    await page.goto(workbenchUrl({ scenario: 'out-of-sync' }));
    await verdictText(page);
    expect(await page.getByRole('checkbox', { name: 'Done: Go to office.com.' }).isChecked()).toBe(true);
    await expectCount(page.getByText('2 of 5 steps done'), 1);
  });

  test('with the keyboard alone', async () => {
    await page.goto(workbenchUrl({ scenario: 'out-of-sync' }));
    expect(await verdictText(page)).toContain('SharePoint shows a different photo.');

    /** Presses Tab until the element described has focus; fails if it never does. */
    async function tabTo(describe: string, matches: () => Promise<boolean>): Promise<void> {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if (await matches()) {
          const focusVisible = await page.evaluate(() => {
            // The focus ring may be drawn on the element, or (Fluent UI's checkbox) on its label's pseudo-elements;
            // an invisible element's own outline does not count.
            const el = document.activeElement as HTMLElement;
            const label = el.id ? document.querySelector<HTMLElement>(`label[for="${el.id}"]`) : null;
            const drawn = (node: HTMLElement, pseudo?: string): boolean => {
              const style = getComputedStyle(node, pseudo);
              const visible = pseudo ? style.content !== 'none' : style.opacity !== '0';
              return visible && (style.outlineStyle !== 'none' || style.boxShadow !== 'none' || (!!pseudo && style.borderStyle !== 'none'));
            };
            return [el, label].some((node) => !!node && (drawn(node) || drawn(node, '::before') || drawn(node, '::after')));
          });
          expect([describe, focusVisible]).toEqual([describe, true]);
          return;
        }
      }
      throw new Error(`Tab never reached ${describe}`);
    }
    await tabTo('the first step', async () => (await focusedName(page)).startsWith('Done: Open an InPrivate window'));
    await page.keyboard.press('Space');
    await tabTo('the Copy link button', async () => (await focusedName(page)).includes('Copy link'));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Link copied' }).waitFor();
    await tabTo('the sign-in step', async () => (await focusedName(page)).startsWith('Done: Sign in'));
    await page.keyboard.press('Space');
    await page.getByText('2 of 5 steps done').waitFor();

    // Back to the top of the page, as Tab wraps round to the browser's own controls and back.
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await tabTo('the sign-in button', async () => (await focusedName(page)).includes('Simulate the private-window sign-in'));
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(/Signed in/).waitFor();
    await waitForTenantSync(context);
    await tabTo('Check again', async () => (await focusedName(page)).includes('Check again'));
    await page.keyboard.press('Enter');
    await page.getByText('Your photo is in sync.').waitFor({ timeout: 15000 });
    await expectPhoto(SHAREPOINT_ALT, true);
  });
});
