import * as path from 'path';
import { Page } from 'playwright-core';
import { axeViolations, expectCount, focusedName, SCREENSHOTS, usePageSession, verdictText, workbenchUrl } from './browser';

const session = usePageSession();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const COPY = 'Copy my Outlook photo to SharePoint';

async function copyAndConfirm(buttonName: string | RegExp = COPY): Promise<void> {
  await page.getByRole('button', { name: buttonName }).click();
  // Fluent UI puts role=dialog on a zero-size wrapper: wait for what a person sees, the title and its button.
  await page.getByText('Replace your SharePoint photo?').waitFor();
  await page.getByRole('button', { name: 'Copy photo' }).click();
}

describe('Copy my Outlook photo to SharePoint, end to end', () => {
  test('out of sync: download the current photo, confirm, copy, in sync', async () => {
    await page.goto(workbenchUrl({ scenario: 'out-of-sync' }));
    expect(await verdictText(page)).toContain('SharePoint shows a different photo.');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download my current SharePoint photo' }).click()]);
    expect(download.suggestedFilename()).toBe('sharepoint-profile-photo.jpg');
    const saved = await download.path();
    expect(saved).toBeTruthy();

    await page.getByRole('button', { name: COPY }).click();
    await page.getByText('Replace your SharePoint photo?').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'copy-confirm.png') });
    await page.getByRole('button', { name: 'Copy photo' }).click();

    await page.getByText('Done: SharePoint now has your Outlook photo.').waitFor({ timeout: 20000 });
    expect(await verdictText(page)).toContain('Your photo is in sync.');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-testid="webpart"]').screenshot({ path: path.join(SCREENSHOTS, 'copied.png') });

    // SharePoint keeps it: the next visit (same tenant session; a ?scenario= link would start a new one) reads it back.
    await page.goto(workbenchUrl({}));
    expect(await verdictText(page)).toContain('Your photo is in sync.');
  });

  test('no mailbox, a photo in Entra ID: no private-window steps, the copy (of the whole photo, scaled down) fixes it', async () => {
    await page.goto(workbenchUrl({ scenario: 'no-mailbox-entra-photo' }));
    expect(await verdictText(page)).toMatch(/SharePoint shows a different photo\..*won't pick up your photo by itself/);
    await expectCount(page.getByRole('button', { name: 'Copy my Teams photo to SharePoint' }), 1);
    expect(await page.getByRole('heading', { name: 'Make SharePoint copy your photo' }).count()).toBe(0);
    expect(await page.getByText('Teams (Microsoft Entra ID)').count()).toBe(1);
    await copyAndConfirm('Copy my Teams photo to SharePoint');
    await page.getByText('Done: SharePoint now has your Teams photo.').waitFor({ timeout: 20000 });
    const text = await verdictText(page);
    expect(text).toContain('Your photo is in sync.');
    expect(text).toContain("if you change your photo, SharePoint won't pick it up by itself");
    expect(await axeViolations(page)).toEqual([]);
  });

  test('with the keyboard alone: open, Escape, open again, confirm', async () => {
    await page.goto(workbenchUrl({ scenario: 'out-of-sync' }));
    await verdictText(page);
    const tabTo = async (text: string): Promise<void> => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if ((await focusedName(page)).includes(text)) {
          return;
        }
      }
      throw new Error(`Tab never reached ${text}`);
    };
    await tabTo(COPY);
    await page.keyboard.press('Enter');
    await page.getByText('Replace your SharePoint photo?').waitFor();
    // Focus moves into the dialog (Fluent's focus trap does it a frame after the dialog shows): fails if it never does.
    await page.waitForFunction(() => !!document.activeElement && !!document.activeElement.closest('.ms-Dialog-main'), null, { timeout: 5000 });
    await page.keyboard.press('Escape');
    await page.getByText('Replace your SharePoint photo?').waitFor({ state: 'hidden' });
    expect(await focusedName(page)).toContain(COPY); // focus is back where it was
    await page.keyboard.press('Enter');
    await page.getByText('Replace your SharePoint photo?').waitFor();
    await tabTo('Copy photo');
    await page.keyboard.press('Enter');
    await page.getByText('Done: SharePoint now has your Outlook photo.').waitFor({ timeout: 20000 });
    expect(await verdictText(page)).toContain('Your photo is in sync.');
  });

  test('placeholder: copy, in sync', async () => {
    await page.goto(workbenchUrl({ scenario: 'sharepoint-placeholder' }));
    expect(await verdictText(page)).toContain('SharePoint shows a placeholder');
    // Once the copy has arrived (a lazy chunk), there is nothing to download: SharePoint shows no photo of its own.
    await expectCount(page.getByRole('button', { name: COPY }), 1);
    expect(await page.getByRole('link', { name: 'Download my current SharePoint photo' }).count()).toBe(0);
    await copyAndConfirm();
    await page.getByText('Done: SharePoint now has your Outlook photo.').waitFor({ timeout: 20000 });
    expect(await verdictText(page)).toContain('Your photo is in sync.');
  });

  test('the tenant blocks it (403): said plainly, the guided steps remain, no copy button', async () => {
    await page.goto(workbenchUrl({ scenario: 'upload-forbidden' }));
    await verdictText(page);
    await copyAndConfirm();
    await page.getByText(/doesn't let this web part change your SharePoint photo\. Follow the steps below instead/).waitFor();
    expect(await page.getByRole('button', { name: /Copy my Outlook photo|Try copying again/ }).count()).toBe(0);
    await expectCount(page.getByRole('heading', { name: 'Make SharePoint copy your photo' }), 1);
    expect(await verdictText(page)).toContain('SharePoint shows a different photo.');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('too large (413): what SharePoint accepts, SharePoint unchanged, and a retry', async () => {
    await page.goto(workbenchUrl({ scenario: 'upload-too-large' }));
    await verdictText(page);
    await copyAndConfirm();
    await page.getByText(/only takes JPEG, PNG or BMP pictures of up to 5 MB/).waitFor();
    expect(await page.getByText('SharePoint still has your previous photo, so you can safely try again.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Try copying again' }).isEnabled()).toBe(true);
    expect(await verdictText(page)).toContain('SharePoint shows a different photo.');
    await page.locator('[data-testid="webpart"]').screenshot({ path: path.join(SCREENSHOTS, 'copy-failed.png') });
  });

  test('the connection drops during the upload: SharePoint may or may not have it; Check again tells', async () => {
    await page.goto(workbenchUrl({ scenario: 'upload-network-error' }));
    await verdictText(page);
    await copyAndConfirm();
    await page.getByText(/can't tell whether SharePoint got your photo/).waitFor({ timeout: 20000 });
    expect(await page.getByRole('button', { name: 'Try copying again' }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Check again' }).click();
    expect(await verdictText(page)).toContain('SharePoint shows a different photo.');
  });

  test('the site owner turned the copy off: only the guided steps', async () => {
    await page.goto(workbenchUrl({ scenario: 'out-of-sync', copy: 'off' }));
    await verdictText(page);
    // The steps first (they arrive as a lazy chunk), then the copy is known to be absent, not just not yet there.
    await expectCount(page.getByRole('heading', { name: 'Make SharePoint copy your photo' }), 1);
    expect(await page.getByRole('button', { name: COPY }).count()).toBe(0);
  });
});

describe('the copy states in the dark theme: no accessibility violation', () => {
  test('the confirmation dialog, a failure, and the copied state', async () => {
    await page.goto(workbenchUrl({ scenario: 'upload-too-large', theme: 'dark' }));
    await verdictText(page);
    await page.getByRole('button', { name: COPY }).click();
    await page.getByText('Replace your SharePoint photo?').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Copy photo' }).click();
    await page.getByText(/only takes JPEG, PNG or BMP pictures of up to 5 MB/).waitFor();
    await page.getByText('Replace your SharePoint photo?').waitFor({ state: 'detached' }); // its fade-out is over
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(workbenchUrl({ scenario: 'out-of-sync', theme: 'dark' }));
    await verdictText(page);
    await copyAndConfirm();
    await page.getByText('Done: SharePoint now has your Outlook photo.').waitFor({ timeout: 20000 });
    await page.getByText('Replace your SharePoint photo?').waitFor({ state: 'detached' });
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("I've done the steps, end to end", () => {
  test('the quiet background re-check notices when SharePoint catches up', async () => {
    await page.goto(workbenchUrl({ scenario: 'out-of-sync', recheck: 'fast' }));
    expect(await verdictText(page)).toContain('SharePoint shows a different photo.');
    await page.getByRole('button', { name: "I've done the steps" }).click();
    await page.getByText(/Waiting for SharePoint to catch up/).waitFor();
    await page.getByRole('button', { name: 'Simulate the private-window sign-in' }).click();
    await page.getByText('SharePoint has caught up: it now shows your Outlook photo.').waitFor({ timeout: 20000 });
    expect(await verdictText(page)).toContain('Your photo is in sync.');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('gives up honestly when SharePoint does not catch up', async () => {
    await page.goto(workbenchUrl({ scenario: 'out-of-sync', recheck: 'fast' }));
    await verdictText(page);
    await page.getByRole('button', { name: "I've done the steps" }).click();
    await page.getByText(/hasn't caught up yet\. It can take up to 24 hours/).waitFor({ timeout: 20000 });
    expect(await verdictText(page)).toContain('SharePoint shows a different photo.');
  });
});
