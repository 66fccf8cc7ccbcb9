import * as path from 'path';
import { Page } from 'playwright-core';
import { axeViolations, expectCount, SCREENSHOTS, usePageSession, verdictText, workbenchUrl } from './browser';
import { loadLocale, localeFiles } from '../test/loadLocale';

/**
 * When the steps don't work: the card measures whether its advice worked (what was tried, how long ago, what changed
 * in SharePoint since) and leads with the step that can. The workbench pretends time has passed
 * (&stepsDoneHoursAgo=N, &copiedHoursAgo=N).
 */
const session = usePageSession();
let page: Page;
beforeEach(() => {
  page = session.page;
});

/** The card's next step, once its verdict is in (data-next-step beside data-verdict). */
async function nextStep(): Promise<string | null> {
  await verdictText(page);
  return page.locator('[data-verdict]').first().getAttribute('data-next-step');
}

/** Waits for the card's next step to become `step` (a person's action changes it without a new check). */
async function waitForNextStep(step: string): Promise<void> {
  await page.locator(`[data-next-step="${step}"]`).first().waitFor({ timeout: 20000 });
}

const STEPS_HEADING = 'Make SharePoint copy your photo';

/** The message to IT as the card shows it. */
function messageToIt(): Promise<string> {
  return page.getByRole('document', { name: "My SharePoint profile photo doesn't sync" }).innerText();
}

describe('the steps did not work', () => {
  test('steps 30 hours ago, SharePoint unchanged: says so with the date, leads with the copy, the steps one click away', async () => {
    await page.goto(workbenchUrl({ scenario: 'steps-never-sync', stepsDoneHoursAgo: '30' }));
    expect(await nextStep()).toBe('copy');
    expect(await verdictText(page)).toContain("SharePoint hasn't picked up the photo you use in Outlook and Teams.");
    // "Tuesday, December 1" in American English (en-GB would write "Tuesday 1 December").
    await page.getByText(/^You did the steps on \w+day, \w+ \d+\. SharePoint still shows your old photo, so signing in again is not going to fix it\.$/).waitFor();
    await expectCount(page.getByRole('button', { name: 'Copy my Outlook photo to SharePoint' }), 1);
    expect(await page.getByRole('heading', { name: STEPS_HEADING }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-testid="webpart"]').screenshot({ path: path.join(SCREENSHOTS, 'steps-did-not-work.png') });
    await page.getByRole('button', { name: 'Show the steps again' }).click();
    await page.getByRole('heading', { name: STEPS_HEADING }).waitFor();
    expect(await page.getByRole('button', { name: 'Hide the steps' }).getAttribute('aria-expanded')).toBe('true');
  });

  test('copying turned off: the message to IT, read before it is sent, by email to the owner’s IT contact', async () => {
    await page.goto(workbenchUrl({ scenario: 'steps-never-sync', stepsDoneHoursAgo: '30', copy: 'off', it: 'it-support@contoso.com' }));
    expect(await nextStep()).toBe('ask-it');
    await page.getByRole('heading', { name: 'Ask your IT department' }).waitFor();
    const message = await messageToIt();
    for (const line of [
      /Verdict: SharePoint shows a different photo\. \(the photos differ by \d+%; the same below 14%\)/,
      /Photos compared: Outlook and Teams 96 × 96, SharePoint 72 × 72/,
      /SPS-PictureTimestamp\): .+\(\d{4}-\d\d-\d\dT/,
      /SPS-PicturePlaceholderState\): no/,
      /SPS-PictureExchangeSyncState\): 1/,
      /Exchange Online mailbox: yes/,
      /Private-window sign-in steps: done on /,
      /Copy to SharePoint \(SetMyProfilePicture\): not tried/,
      /Browser: Microsoft Edge \(Windows\)/,
      /Picture Sync diagnostic/
    ]) {
      expect(message).toMatch(line);
    }
    const href = await page.getByRole('link', { name: 'Email it to IT' }).getAttribute('href');
    const mail = new URL(href!);
    expect(mail.protocol + mail.pathname).toBe('mailto:it-support@contoso.com');
    expect(mail.searchParams.get('body')).toContain('Private-window sign-in steps: done on');
    await page.getByRole('button', { name: 'Copy the message' }).click();
    await page.getByRole('button', { name: 'Message copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^My SharePoint profile photo doesn't sync\n\nHello,/);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-testid="webpart"]').screenshot({ path: path.join(SCREENSHOTS, 'ask-it.png') });
  });

  test("\"I've done the steps\": the card waits out SharePoint's 24 hours instead of repeating them; a visit 2 hours later still waits", async () => {
    await page.goto(workbenchUrl({ scenario: 'steps-never-sync', recheck: 'fast' }));
    expect(await nextStep()).toBe('steps');
    await page.getByRole('button', { name: "I've done the steps" }).click();
    await waitForNextStep('wait');
    await page.getByText(/SharePoint can take up to 24 hours to pick up your photo/).waitFor();
    expect(await page.getByRole('heading', { name: STEPS_HEADING }).count()).toBe(0);
    await page.getByText(/hasn't caught up yet/).waitFor({ timeout: 20000 });
    expect(await axeViolations(page)).toEqual([]);
    // The next visit remembers it (same browser storage).
    await page.goto(workbenchUrl({}));
    expect(await nextStep()).toBe('wait');
  });

  test('steps 2 hours ago: wait, with the steps one click away', async () => {
    await page.goto(workbenchUrl({ scenario: 'steps-never-sync', stepsDoneHoursAgo: '2' }));
    expect(await nextStep()).toBe('wait');
    await expectCount(page.getByRole('button', { name: 'Show the steps again' }), 1);
  });
});

describe('causes the web part can already see', () => {
  test('a mailbox, but SharePoint does not pull from Exchange: no steps from the start, the copy fixes it', async () => {
    await page.goto(workbenchUrl({ scenario: 'exchange-sync-off' }));
    expect(await nextStep()).toBe('copy');
    await page.getByText("SharePoint is set not to pick up your photo from Outlook, so signing in again won't change anything.").waitFor();
    expect(await page.getByRole('heading', { name: STEPS_HEADING }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Show the steps again' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Copy my Outlook photo to SharePoint' }).click();
    await page.getByRole('button', { name: 'Copy photo' }).click();
    await page.getByText('Done: SharePoint now has your Outlook photo.').waitFor({ timeout: 20000 });
    expect(await nextStep()).toBe('none');
  });

  test('copying turned off as well: straight to IT, saying why', async () => {
    await page.goto(workbenchUrl({ scenario: 'exchange-sync-off', copy: 'off' }));
    expect(await nextStep()).toBe('ask-it');
    await page.getByRole('heading', { name: 'Ask your IT department' }).waitFor();
    expect(await messageToIt()).toContain('SPS-PictureExchangeSyncState): 0');
  });
});

describe('when the copy is refused or does not take', () => {
  test('uploads turned off for the account: change it in the Microsoft 365 profile, not "try again"', async () => {
    await page.goto(workbenchUrl({ scenario: 'upload-disabled' }));
    expect(await nextStep()).toBe('copy');
    await page.getByRole('button', { name: 'Copy my Teams photo to SharePoint' }).click();
    await page.getByRole('button', { name: 'Copy photo' }).click();
    await waitForNextStep('ask-it');
    await page.getByText(/SharePoint doesn't accept photo uploads for your account: it shows the photo from your Microsoft 365 profile\./).waitFor();
    expect(await page.getByRole('button', { name: 'Try copying again' }).count()).toBe(0);
    expect(await messageToIt()).toMatch(/SetMyProfilePicture\): refused on .+: uploads are turned off for this account/);
    expect(await axeViolations(page)).toEqual([]);
    // Remembered: the next visit does not offer the copy again.
    await page.goto(workbenchUrl({}));
    expect(await nextStep()).toBe('ask-it');
  });

  test('a copy SharePoint accepts and then replaces with the older photo: remembered and explained', async () => {
    await page.goto(workbenchUrl({ scenario: 'copy-reverted' }));
    expect(await nextStep()).toBe('steps');
    await page.getByRole('button', { name: 'Copy my Outlook photo to SharePoint' }).click();
    await page.getByRole('button', { name: 'Copy photo' }).click();
    await page.getByText('Done: SharePoint now has your Outlook photo.').waitFor({ timeout: 20000 });
    await page.getByRole('button', { name: 'Simulate SharePoint syncing the older photo back' }).click();
    await page.getByText(/has synced the older photo back/).waitFor();
    await page.getByRole('button', { name: 'Check again' }).click();
    await waitForNextStep('ask-it');
    await page.getByText(/^Your photo was copied to SharePoint on .+, but SharePoint has replaced it with another one since/).waitFor();
    expect(await verdictText(page)).toContain('SharePoint shows a different photo.');
    expect(await messageToIt()).toMatch(/SetMyProfilePicture\): accepted on /);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('copied 30 hours ago and different again: ask IT at once', async () => {
    await page.goto(workbenchUrl({ scenario: 'copy-reverted', copiedHoursAgo: '30' }));
    expect(await nextStep()).toBe('ask-it');
  });
});

describe('every language says what was tried, with its date, and leads with the step that can work', () => {
  test.each(localeFiles().map((f) => [f.replace(/\.js$/, '')]))('%s', async (locale) => {
    const strings = loadLocale(`${locale}.js`);
    await page.goto(workbenchUrl({ scenario: 'steps-never-sync', stepsDoneHoursAgo: '30', locale }));
    expect(await nextStep()).toBe('copy');
    const [before, after] = strings.NextStepsDidNotWork.split('{0}');
    const notice = page.getByText(before.trim().length ? before.trim() : after.trim(), { exact: false });
    await notice.first().waitFor();
    const text = await notice.first().innerText();
    expect(text.startsWith(before.trimStart())).toBe(true);
    expect(text.endsWith(after.trimEnd())).toBe(true);
    expect(text.length).toBeGreaterThan(before.length + after.length); // the date is filled in
    expect(await page.getByRole('button', { name: strings.ShowStepsAgain }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });
});
