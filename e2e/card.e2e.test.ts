import * as path from 'path';
import { Page } from 'playwright-core';
import { axeViolations, SCREENSHOTS, usePageSession, waitForTenantSync, workbenchUrl } from './browser';

/**
 * The Viva Connections card on the workbench's dashboard (?part=card): its card view drawn from its CardView's
 * parameters at Medium and Large, its quick view rendered by adaptivecards 2.11.2 from its template and data.
 */
const session = usePageSession();
let page: Page;
beforeEach(() => {
  page = session.page;
});

/** The Medium card's headline once it is no longer checking. */
async function headline(): Promise<string> {
  const header = page.locator('[data-card-size="Medium"] [data-card-header]');
  await page.waitForFunction(() => {
    const text = document.querySelector('[data-card-size="Medium"] [data-card-header]');
    return !!text && !/Checking/.test(text.textContent || '');
  }, null, { timeout: 30000 });
  return header.innerText();
}

/** Opens the quick view by selecting the card, and waits for the rendered Adaptive Card. */
async function openQuickView(): Promise<void> {
  await page.locator('[data-card-size="Medium"] [data-card-select]').click();
  await page.locator('[data-testid="quick-view"] .ac-adaptiveCard').waitFor();
}

function quickView(): ReturnType<Page['locator']> {
  return page.locator('[data-testid="quick-view"]');
}

describe('each verdict on the card: a headline and the next step', () => {
  test.each([
    ['in-sync', 'Your photo is in sync', undefined],
    ['out-of-sync', 'SharePoint shows an old photo', 'Show me how'],
    ['sharepoint-placeholder', 'SharePoint shows no photo of you', 'Show me how'],
    ['no-exchange-photo', 'You have no photo in Outlook or Teams', undefined],
    ['no-mailbox', "SharePoint can't pick up your photo", 'Ask IT'],
    ['graph-down', "We couldn't check your photo", 'Details'],
    // A camera original in Entra ID (8256 x 5504): its real verdict, not "couldn't check".
    ['no-mailbox-entra-camera-photo', 'Your photo is in sync', undefined]
  ])('%s', async (scenario, text, button) => {
    await page.goto(workbenchUrl({ part: 'card', scenario }));
    expect(await headline()).toBe(text);
    const buttons = await page.locator('[data-card-size="Medium"] [data-card-button]').allInnerTexts();
    expect(buttons).toEqual(button ? [button] : []);
    expect(await page.locator('[data-card-size="Large"] [data-card-header]').innerText()).toBe(text);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the quick view', () => {
  test('both photos, the verdict and why; Check again; axe clean; screenshots', async () => {
    await page.goto(workbenchUrl({ part: 'card', scenario: 'out-of-sync' }));
    expect(await headline()).toBe('SharePoint shows an old photo');
    await page.locator('[data-testid="dashboard"]').screenshot({ path: path.join(SCREENSHOTS, 'card.png') });
    await openQuickView();
    expect(await quickView().getAttribute('data-problems')).toBe('0');
    await quickView().getByRole('img', { name: 'Your photo in Outlook and Teams' }).waitFor();
    await quickView().getByRole('img', { name: 'Your photo as SharePoint shows it' }).waitFor();
    expect(await quickView().getByRole('img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src.slice(0, 23)))).toEqual(['data:image/jpeg;base64,', 'data:image/jpeg;base64,']);
    expect(await quickView().innerText()).toContain('SharePoint shows a different photo.');
    expect(await axeViolations(page)).toEqual([]);
    await quickView().screenshot({ path: path.join(SCREENSHOTS, 'card-quick-view.png') });
    // The private-window sign-in (the panel's button is behind the open quick view, as the page is behind any
    // dialog: the tenant's own endpoint instead), then, once the tenant says SharePoint has the photo, Check again.
    const tenant = process.env.PPS_WORKBENCH_URL;
    expect((await page.context().request.post(`${tenant}/workbench/api/sign-in`)).ok()).toBe(true);
    await waitForTenantSync(page.context());
    await quickView().getByRole('button', { name: 'Check again' }).click();
    await page.waitForFunction(() => /Your photo is in sync/.test(document.querySelector('[data-card-size="Medium"] [data-card-header]')!.textContent || ''), null, { timeout: 30000 });
    expect(await quickView().innerText()).toContain('Your photo is in sync.');
  });

  test('the copy: confirm, then progress, then in sync', async () => {
    await page.goto(workbenchUrl({ part: 'card', scenario: 'out-of-sync' }));
    await headline();
    await openQuickView();
    await quickView().getByRole('button', { name: 'Copy my Outlook photo to SharePoint' }).click();
    await quickView().getByText('Replace your SharePoint photo?').waitFor();
    await quickView().getByRole('button', { name: 'Copy photo' }).click();
    await page.waitForFunction(() => /Your photo is in sync/.test(document.querySelector('[data-card-size="Medium"] [data-card-header]')!.textContent || ''), null, { timeout: 30000 });
    await quickView().getByText('Done: SharePoint now has your Outlook photo.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the keyboard alone: Tab to the card, Enter opens the quick view, Tab to its buttons, Enter checks again', async () => {
    await page.goto(workbenchUrl({ part: 'card', scenario: 'out-of-sync' }));
    await headline();
    await page.locator('[data-card-size="Medium"] [data-card-select]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="quick-view"] .ac-adaptiveCard').waitFor();
    const names: string[] = [];
    for (let i = 0; i < 8 && names.indexOf('Check again') < 0; i++) {
      await page.keyboard.press('Tab');
      names.push(
        await page.evaluate(() => {
          const active = document.activeElement as HTMLElement | null;
          return active ? (active.getAttribute('aria-label') || active.innerText || '').trim() : '';
        })
      );
    }
    expect(names).toContain('Check again');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const busy = document.querySelector('[data-testid="quick-view"] [data-busy]');
      return !!busy && busy.getAttribute('data-busy') === 'false';
    }, null, { timeout: 30000 });
  });
});

describe('themes', () => {
  test.each(['dark', 'teams-dark', 'teams-contrast'])('%s: the card and its quick view, axe clean', async (theme) => {
    await page.goto(workbenchUrl({ part: 'card', scenario: 'out-of-sync', theme }));
    expect(await headline()).toBe('SharePoint shows an old photo');
    await openQuickView();
    expect(await quickView().getAttribute('data-problems')).toBe('0');
    expect(await axeViolations(page)).toEqual([]);
    // Drawn in the theme's colours, not white on a dark page.
    const background = await page.locator('[data-card-size="Medium"]').evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    if (theme === 'dark') {
      await page.screenshot({ path: path.join(SCREENSHOTS, 'card-dark.png') });
    }
  });
});

describe('a repeat visit', () => {
  test.each([
    ['both the ACE cache and the browser storage', undefined],
    ["the ACE cache alone (the browser's copy cleared)", 'profile-photo-sync:verdict:'],
    ["the browser storage alone (the ACE cache's parameters arrive empty)", 'workbench:ace-cache:']
  ])('the remembered verdict is in the first card, before any request to the tenant: from %s', async (_from, cleared) => {
    await page.goto(workbenchUrl({ part: 'card', scenario: 'out-of-sync' }));
    expect(await headline()).toBe('SharePoint shows an old photo');
    const removed = await page.evaluate((prefix) => {
      const keys = Object.keys(window.localStorage).filter((key) => !!prefix && key.startsWith(prefix));
      keys.forEach((key) => window.localStorage.removeItem(key));
      return keys.length;
    }, cleared);
    expect(removed).toBe(cleared ? 1 : 0);
    // Counted in the page: every fetch to the tenant, and the headline the moment the card first enters the DOM
    // (a mutation observer runs within React's commit, before the browser paints and before any timer).
    await page.addInitScript(() => {
      const w = window as unknown as { __fetches: number; __firstCard?: { text: string; fetches: number } };
      w.__fetches = 0;
      const original = window.fetch.bind(window);
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if (/\/(v1\.0|_api|_layouts)\//.test(new URL(url, location.href).pathname)) {
          w.__fetches++;
        }
        return original(input, init);
      };
      new MutationObserver((_m, observer) => {
        const header = document.querySelector('[data-card-size="Medium"] [data-card-header]');
        if (header) {
          w.__firstCard = { text: header.textContent || '', fetches: w.__fetches };
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    await page.waitForFunction(() => !!(window as unknown as { __firstCard?: unknown }).__firstCard);
    const first = await page.evaluate(() => (window as unknown as { __firstCard: { text: string; fetches: number } }).__firstCard);
    expect(first).toEqual({ text: 'SharePoint shows an old photo', fetches: 0 });
    // Then it is confirmed (the requests go out after that first card).
    await page.waitForFunction(() => (window as unknown as { __fetches: number }).__fetches > 0, null, { timeout: 20000 });
  });

  test('in another language: the card and its quick view in Dutch', async () => {
    await page.goto(workbenchUrl({ part: 'card', scenario: 'out-of-sync', locale: 'nl-nl' }));
    await page.locator('[data-card-size="Medium"] [data-card-header]', { hasText: 'SharePoint toont een oude foto' }).waitFor({ timeout: 30000 });
    await page.locator('[data-card-size="Medium"] [data-card-button]', { hasText: 'Laat zien hoe' }).waitFor();
    await openQuickView();
    expect(await quickView().getAttribute('data-problems')).toBe('0');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('on a phone (the Teams app, 360 px): Medium cards two to a row, Large the full width', () => {
  /** What spills out of each card (text past its bottom or side, a button outside it), and past the phone's width. */
  function spills(): Promise<{ dashboard: number; cards: string[] }> {
    return page.evaluate(() => {
      const cards = Array.from(document.querySelectorAll<HTMLElement>('[data-card-size]'));
      const out: string[] = [];
      for (const card of cards) {
        const box = card.getBoundingClientRect();
        for (const el of Array.from(card.querySelectorAll<HTMLElement>('*'))) {
          const r = el.getBoundingClientRect();
          if (r.width > 0 && (r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5 || r.left < box.left - 0.5)) {
            out.push(`${card.getAttribute('data-card-size')}: ${el.className.toString() || el.tagName} "${(el.textContent || '').slice(0, 40)}"`);
          }
        }
      }
      const dashboard = document.querySelector<HTMLElement>('[data-testid="dashboard"]')!;
      return { dashboard: Math.max(0, Math.round(dashboard.getBoundingClientRect().right - window.innerWidth)), cards: out };
    });
  }

  test.each(['en-us', 'de-de', 'es-es', 'fr-fr', 'it-it', 'ja-jp', 'nl-nl', 'pt-br'])('%s: the longest verdicts fit their cards', async (locale) => {
    await page.setViewportSize({ width: 360, height: 740 });
    // The longest headline with a body and a button (out-of-sync), and the longest without one's photo (no-mailbox).
    for (const scenario of ['out-of-sync', 'no-mailbox', 'no-exchange-photo']) {
      await page.goto(workbenchUrl({ part: 'card', scenario, locale }));
      // The card may not be drawn yet when the page is: wait for it to exist and to have a verdict.
      await page.waitForFunction(() => {
        const card = document.querySelector('[data-card-verdict]');
        return !!card && card.getAttribute('data-card-verdict') !== 'checking';
      }, null, { timeout: 30000 });
      const widths = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('[data-card-size]')).map((c) => Math.round(c.getBoundingClientRect().width)));
      expect(widths[0]).toBeLessThan(widths[1] / 2); // Medium: half a row
      expect(await spills()).toEqual({ dashboard: 0, cards: [] });
    }
  });

  test('the quick view fills the screen: both photos side by side, nothing wider than the phone; screenshots', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(workbenchUrl({ part: 'card', scenario: 'out-of-sync' }));
    expect(await headline()).toBe('SharePoint shows an old photo');
    await page.locator('[data-testid="dashboard"]').screenshot({ path: path.join(SCREENSHOTS, 'card-phone.png') });
    await openQuickView();
    const outlook = quickView().getByRole('img', { name: 'Your photo in Outlook and Teams' });
    const sharePoint = quickView().getByRole('img', { name: 'Your photo as SharePoint shows it' });
    await outlook.waitFor();
    const [a, b] = [await outlook.boundingBox(), await sharePoint.boundingBox()];
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
    expect(a!.x + a!.width).toBeLessThanOrEqual(b!.x);
    const sideways = await page.evaluate(() => {
      const view = document.querySelector<HTMLElement>('[data-testid="quick-view"]')!;
      const wider = Array.from(view.querySelectorAll<HTMLElement>('*')).filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5);
      return { view: view.scrollWidth - view.clientWidth, elements: wider.map((el) => el.className.toString() || el.tagName).slice(0, 5) };
    });
    expect(sideways).toEqual({ view: 0, elements: [] });
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'card-phone-quick-view.png') });
  });
});
