import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { Page } from 'playwright-core';
import { axeViolations, focusedName, SCREENSHOTS, usePageSession, workbenchUrl } from './browser';

/** The team overview on the simulated site: every row against the verdict the tenant intends for that person. */
const session = usePageSession();
let page: Page;
beforeEach(() => {
  page = session.page;
});

/**
 * Waits, as the owner does, for the overview to say it is done: however long a busy machine takes (the test's own
 * time limit is the only bound), never a guess at how long checking should take.
 */
async function finished(): Promise<string> {
  const status = page.locator('[data-team-status="done"]');
  await status.waitFor({ timeout: 0 });
  return status.innerText();
}

/**
 * Every row of the (virtualized) list, as a person sees them: scrolling through it until `count` people were seen
 * (the list renders what scrolled into view a moment later) or nothing new comes for a while.
 */
async function allRows(count: number): Promise<Map<string, string>> {
  const rows = new Map<string, string>();
  await page.evaluate(() => window.scrollTo(0, 0));
  // Bounded by scrolls that showed nobody new, not by wall-clock time: a busy machine only makes each scroll slower.
  let quiet = 0;
  while (rows.size < count && quiet < 60) {
    const before = rows.size;
    const seen = await page.$$eval('[data-account]', (els) => els.map((e) => [e.getAttribute('data-account') || '', e.getAttribute('data-verdict') || ''] as [string, string]));
    seen.forEach(([account, verdict]) => rows.set(account, verdict));
    quiet = rows.size === before ? quiet + 1 : 0;
    await page.evaluate(() => window.scrollBy(0, 400));
    await page.evaluate(() => new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(resolve)), 50)));
  }
  return rows;
}

/** The focused control's accessible name: its aria-label, its <label>, or its text. */
async function focusedLabel(): Promise<string> {
  const own = await focusedName(page);
  return own || page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el && el.labels && el.labels.length ? el.labels[0].innerText : '';
  });
}

async function intended(): Promise<Array<{ account: string; verdict: string }>> {
  return (await (await page.context().request.get(`${process.env.PPS_WORKBENCH_URL}/workbench/team-expected.json`)).json()) as Array<{ account: string; verdict: string }>;
}

/** The simulated tenant's SharePoint throttling counters for this browser's session. */
interface IThrottleStats {
  requests: number;
  throttled: number;
  refused: number;
  sentWhileThrottled: number;
  blocked: boolean;
}
async function throttleStats(): Promise<IThrottleStats> {
  return (await (await page.context().request.get(`${process.env.PPS_WORKBENCH_URL}/workbench/throttle-stats.json`)).json()) as IThrottleStats;
}

describe('the team overview under SharePoint throttling', () => {
  test('SharePoint says slow down: the whole queue waits as told, the line says so, every row comes out right, nothing is sent while throttled', async () => {
    await page.goto(workbenchUrl({ part: 'team', people: '16', scenario: 'team-sharepoint-throttled' }));
    await page.locator('[data-sharepoint-paused="true"]').waitFor({ timeout: 0 });
    expect(await page.locator('[data-team-status]').innerText()).toMatch(/SharePoint asked us to slow down: continuing in \d+ s\./);
    expect(await finished()).toBe('Checked 16 people.');
    const expected = await intended();
    const rows = await allRows(16);
    expect(expected.map((e) => `${e.account}=${rows.get(e.account)}`)).toEqual(expected.map((e) => `${e.account}=${e.verdict}`));
    const stats = await throttleStats();
    expect(stats.refused).toBeLessThanOrEqual(Math.ceil(stats.requests / 10)); // a few, not one per request
    expect(stats.sentWhileThrottled).toBe(0);
    expect(stats.blocked).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    // Throttled on purpose: after SharePoint's waits the pace is a slow one, so it may take minutes on a busy machine.
  }, 300000);

  test("SharePoint's real minute, a budget of 20 (below the old floor of 30), two tabs of the overview at once: one budget between them, every row right in both, done within 1.3 x the floor, nothing sent while throttled, at most 5% refused", async () => {
    const query = { part: 'team', people: '16', scenario: 'team-sharepoint-throttled', spWindowSeconds: '60' };
    const started = Date.now();
    await page.goto(workbenchUrl(query));
    const second = await page.context().newPage();
    await second.goto(workbenchUrl(query));
    for (const tab of [page, second]) {
      await tab.locator('[data-team-status="done"]').waitFor({ timeout: 0 });
    }
    const seconds = (Date.now() - started) / 1000;
    const stats = await throttleStats();
    expect(await finished()).toBe('Checked 16 people.');
    const expected = await intended();
    const rows = await allRows(16);
    expect(expected.map((e) => `${e.account}=${rows.get(e.account)}`)).toEqual(expected.map((e) => `${e.account}=${e.verdict}`));
    expect(await second.locator('[data-verdict]').count()).toBeGreaterThan(0);
    expect(await second.locator('[data-verdict="could-not-check"]').count()).toBe(await page.locator('[data-verdict="could-not-check"]').count());
    // Two tabs' worth of requests, more than one window of 20 holds: the pace had to go below 30 a minute.
    expect(stats.requests).toBeGreaterThan(40);
    expect(stats.sentWhileThrottled).toBe(0);
    expect(stats.blocked).toBe(false);
    expect(stats.refused).toBeLessThanOrEqual(0.05 * stats.requests);
    expect(seconds).toBeLessThanOrEqual((1.3 * stats.requests * 60) / 20);
    await second.close();
  }, 600000);

  test('stopped half-way, the next visit goes on: no picture it already compared is downloaded again', async () => {
    const pictures: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (/userphoto\.aspx$/i.test(url.pathname)) {
        pictures.push((url.searchParams.get('accountname') || '').toLowerCase());
      }
    });
    await page.goto(workbenchUrl({ part: 'team', people: '60' }));
    // The owner stops once some 30 people are decided.
    await page.waitForFunction(() => document.querySelectorAll('[data-verdict="in-sync"], [data-verdict="out-of-sync"]').length >= 12, undefined, { timeout: 0 });
    await page.getByRole('button', { name: 'Stop' }).click();
    const stopped = page.locator('[data-team-status="stopped"]');
    await stopped.waitFor({ timeout: 0 });
    expect(await stopped.innerText()).toMatch(/^\d+ of 60 people checked\. The rest continues on your next visit, or now: select Continue\.$/);
    const before = await allRows(60);
    const compared = Array.from(before.entries()).filter(([, v]) => v === 'in-sync' || v === 'out-of-sync').map(([a]) => a.toLowerCase());
    expect(compared.length).toBeGreaterThan(0);
    expect(Array.from(before.values()).some((v) => v === 'checking')).toBe(true); // it really stopped half-way
    // Saved as it went: the next visit (same browser, same site) continues.
    pictures.length = 0;
    await page.goto(workbenchUrl({ part: 'team' }));
    expect(await finished()).toBe('Checked 60 people.');
    expect(pictures.filter((a) => compared.indexOf(a) >= 0)).toEqual([]);
    expect(pictures.length).toBeGreaterThan(0); // the rest were read
  });
});

describe('the team overview', () => {
  test('runs to completion: every person on the site, each with the verdict the tenant intends; no accessibility violation', async () => {
    await page.goto(workbenchUrl({ part: 'team', people: '60' }));
    expect(await finished()).toBe('Checked 60 people.');
    const expected = await intended();
    const rows = await allRows(60);
    expect(rows.size).toBe(60);
    expect(expected.map((e) => `${e.account}=${rows.get(e.account)}`)).toEqual(expected.map((e) => `${e.account}=${e.verdict}`));
    expect(new Set(expected.map((e) => e.verdict)).size).toBe(6); // every verdict is represented
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await axeViolations(page)).toEqual([]);
    // The top of the overview, as a site owner first sees it (the whole list would be a very tall picture).
    const box = (await page.locator('[data-testid="team"]').boundingBox())!;
    await page.screenshot({ path: path.join(SCREENSHOTS, 'team-overview.png'), clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 760) } });
  });

  test('sort by name, and only the people who need to act', async () => {
    await page.goto(workbenchUrl({ part: 'team', people: '30' }));
    await finished();
    const names = (): Promise<string[]> => page.$$eval('[data-account] [data-automationid="DetailsRowCell"]:nth-child(2)', (els) => els.map((e) => (e.textContent || '').trim()));
    await page.getByRole('columnheader', { name: /^Person/ }).click();
    const sorted = await names();
    expect(sorted.length).toBeGreaterThan(5);
    expect(sorted).toEqual(sorted.slice().sort((a, b) => a.localeCompare(b, 'en-US', { sensitivity: 'base' })));
    await page.getByText('Only people who need to act').click(); // where a person clicks: the label
    await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-verdict]')).every((e) => ['out-of-sync', 'sharepoint-placeholder', 'no-exchange-photo'].indexOf(e.getAttribute('data-verdict') || '') >= 0));
    const needing = (await intended()).filter((e) => ['out-of-sync', 'sharepoint-placeholder', 'no-exchange-photo'].indexOf(e.verdict) >= 0);
    expect((await allRows(needing.length)).size).toBe(needing.length);
  });

  test('Export CSV: a UTF-8 file with a BOM, one line per person, the verdicts as shown', async () => {
    await page.goto(workbenchUrl({ part: 'team', people: '25' }));
    await finished();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('profile-photos.csv');
    const bytes = fs.readFileSync((await download.path())!);
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter((l) => l);
    expect(lines[0]).toBe('Name,Email,Verdict,Next step,Distance,SharePoint picture time');
    expect(lines).toHaveLength(26);
    expect(lines.filter((l) => /,Different photo,[^,]+,0\.\d{3},/.test(l)).length).toBe((await intended()).filter((e) => e.verdict === 'out-of-sync').length);
  });

  test('Copy a message: plain words and the link to the personal part', async () => {
    await page.goto(workbenchUrl({ part: 'team', people: '12' }));
    await finished();
    const button = page.getByRole('button', { name: /^Copy a message: / }).first();
    const name = ((await button.getAttribute('aria-label')) || '').replace('Copy a message: ', '');
    await button.click();
    await page.getByText('Message copied').waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain(`Hi ${name.split(' ')[0]}, SharePoint`);
    expect(text).toContain(`${process.env.PPS_WORKBENCH_URL}/`);
  });

  test('the cap, and Stop: the count stops where it was, and the overview continues', async () => {
    await page.goto(workbenchUrl({ part: 'team', people: '800' }));
    await page.getByText('300 more people on this site were not checked: the limit is 500.', { exact: false }).waitFor({ timeout: 30000 });
    await page.getByText(/^Checked \d+ of 500 people…$/).waitFor({ timeout: 30000 });
    await page.getByRole('button', { name: 'Stop' }).click();
    const stopped = page.locator('[data-team-status="stopped"]');
    await stopped.waitFor();
    const text = await stopped.innerText();
    const checked = parseInt(/^(\d+) of 500 people checked/.exec(text)![1], 10);
    expect(checked).toBeLessThan(500);
    // Nothing counts on after the stop: the overview declares itself idle, and its line still says what it did.
    await page.locator('[data-team-status="stopped"]').locator('xpath=ancestor::section[@aria-busy="false"]').waitFor();
    expect(await stopped.innerText()).toBe(text);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText(/^Checked \d+ of 500 people…$/).waitFor();
  });

  test('team-throttled: the requests Graph throttled inside its batches are retried until every verdict is in', async () => {
    await page.goto(workbenchUrl({ part: 'team', people: '40', scenario: 'team-throttled' }));
    expect(await finished()).toBe('Checked 40 people.');
    const expected = await intended();
    const rows = await allRows(expected.length);
    expect(expected.map((e) => rows.get(e.account))).toEqual(expected.map((e) => e.verdict));
  });

  test("team-no-permission: which permission is missing and how to approve it, and nobody's row pretends otherwise", async () => {
    await page.goto(workbenchUrl({ part: 'team', people: '10', scenario: 'team-no-permission' }));
    await finished();
    await page.getByText(/needs the Microsoft Graph permission User\.ReadBasic\.All\. A SharePoint administrator approves it/).waitFor();
    expect(Array.from((await allRows(10)).values()).every((v) => v === 'could-not-check')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('dark theme: no accessibility violation', async () => {
    await page.goto(workbenchUrl({ part: 'team', people: '20', theme: 'dark' }));
    await finished();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('with the keyboard alone: the filter, then a row, then its message', async () => {
    await page.goto(workbenchUrl({ part: 'team', people: '20' }));
    await finished();
    const tabTo = async (text: string): Promise<void> => {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        if ((await focusedLabel()).indexOf(text) >= 0) {
          return;
        }
      }
      throw new Error(`Tab never reached ${text}; last focus: ${await focusedLabel()} (${await page.evaluate(() => document.activeElement && document.activeElement.outerHTML.slice(0, 200))})`);
    };
    await tabTo('Only people who need to act');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-verdict]')).every((e) => e.getAttribute('data-verdict') !== 'in-sync'));
    // The list is one stop in the tab order, as grids are: Tab into it, then the arrow keys within a row.
    const inGrid = (selector: string): Promise<boolean> => page.evaluate((s) => !!document.activeElement && !!document.activeElement.closest(s), selector);
    for (let i = 0; i < 20 && !(await inGrid('[role="grid"]')); i++) {
      await page.keyboard.press('Tab');
    }
    for (let i = 0; i < 5 && !(await inGrid('.ms-DetailsRow')); i++) {
      await page.keyboard.press('ArrowDown'); // from the column headers to the first person
    }
    for (let i = 0; i < 10 && (await focusedLabel()).indexOf('Copy a message: ') < 0; i++) {
      await page.keyboard.press('ArrowRight');
    }
    expect(await focusedLabel()).toMatch(/^Copy a message: /);
    await page.keyboard.press('Enter');
    await page.getByText('Message copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^Hi /);
  });

  test('a repeat visit with nothing changed: the remembered list at once, and not one image downloaded', async () => {
    await page.goto(workbenchUrl({ part: 'team', people: '30' }));
    await finished();
    const images: string[] = [];
    page.on('request', (r) => {
      const url = r.url();
      if (/userphoto\.aspx|afdcache/i.test(url) || (/\/\$batch$/.test(url) && /\$value/.test(r.postData() || ''))) {
        images.push(url);
      }
    });
    await page.reload();
    await page.getByText('Showing the last check while checking again.').waitFor().catch(() => undefined);
    expect(await finished()).toBe('Checked 30 people.');
    expect(images).toEqual([]);
    const expected = await intended();
    const rows = await allRows(expected.length);
    expect(expected.map((e) => rows.get(e.account))).toEqual(expected.map((e) => e.verdict));
  });
});

describe('the team overview reading the tenant audit', () => {
  test("the audit's list fills the rows in one batch; only newcomers are checked here; the line says when the audit ran", async () => {
    // The real command an admin tries locally: the audit, app-only, against this tenant, with its own Azurite.
    const state = fs.mkdtempSync(path.join(os.tmpdir(), 'pps-audit-'));
    try {
      const run = await promisify(execFile)('node', ['audit/run.mjs', '--tenant', process.env.PPS_WORKBENCH_URL!, '--people', '40', '--state', state], { cwd: path.join(__dirname, '..') });
      expect(run.stdout).toMatch(/^audit: 40 people: .*, 0 sent while throttled; \d+ s$/m);
    } finally {
      fs.rmSync(state, { recursive: true, force: true });
    }
    const sent: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (/^\/_api\/|^\/_layouts\/15\/userphoto\.aspx/i.test(url.pathname)) {
        sent.push(`${r.method()} ${url.pathname}${url.pathname.endsWith('userphoto.aspx') ? `?${url.searchParams.get('accountname')}` : ''}`);
      }
    });
    // Two people joined the site since the audit ran.
    await page.goto(workbenchUrl({ part: 'team', people: '42', audit: '1' }));
    expect(await finished()).toBe('Checked 42 people.');
    // "today at", or its date when midnight fell between the audit and the page.
    const line = await page.locator('[data-team-audit="read"]').innerText();
    expect(line).toMatch(/^Checked by the tenant audit (?:today at \d{1,2}:\d\d\s[AP]M|on .+ at .+)\. (\d+) of 42 people were not decided by the audit and are checked here\.$/);
    const expected = await intended();
    const rows = await allRows(42);
    expect(expected.map((e) => `${e.account}=${rows.get(e.account)}`)).toEqual(expected.map((e) => `${e.account}=${e.verdict}`));
    // The audit's 40 rows came in one $batch; pictures were read only for people the audit did not decide.
    const live = Number(/(\d+) of 42/.exec(line)![1]);
    expect(live).toBeGreaterThanOrEqual(2);
    expect(live).toBeLessThan(10);
    const pictures = sent.filter((r) => r.includes('userphoto.aspx'));
    expect(pictures.length).toBeLessThanOrEqual(live);
    expect(pictures.some((r) => /\.4[01]@/.test(r))).toBe(true); // a newcomer's
    expect(sent.filter((r) => r.startsWith('POST /_api/$batch')).length).toBeLessThanOrEqual(2); // the audit's rows, the newcomers' profiles
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await axeViolations(page)).toEqual([]);
    const box = (await page.locator('[data-testid="team"]').boundingBox())!;
    await page.screenshot({ path: path.join(SCREENSHOTS, 'team-overview-audit.png'), clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 520) } });
  });
});
