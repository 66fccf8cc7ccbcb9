import * as React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import ProfilePhotoSync from './ProfilePhotoSync';
import { IProfilePhotoSyncProps } from './IProfilePhotoSyncProps';
import { CopyOutcome } from '../../../models/ICopyOutcome';
import { FakeChecker, result } from '../../../../test/fakes/FakeChecker';
import { cardProps, FakeCopier } from '../../../../test/fakes/cardProps';

const OUT_OF_SYNC = result({ kind: 'out-of-sync', distance: 0.45 });
const IN_SYNC = result({ kind: 'in-sync', distance: 0.02 });

function renderCard(checker: FakeChecker, extra: Partial<IProfilePhotoSyncProps> = {}): void {
  render(<ProfilePhotoSync {...cardProps(checker, extra)} />);
}

async function confirmCopy(): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: /Copy my Outlook photo to SharePoint|Try copying again/ }));
  expect(await screen.findByText('Replace your SharePoint photo?')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Copy photo' }));
}

describe('Copy my Outlook photo to SharePoint', () => {
  test('out of sync: offered with the download of the current picture; confirm, copy, re-check, in sync', async () => {
    const checker = new FakeChecker(OUT_OF_SYNC, IN_SYNC);
    const copier = new FakeCopier([{ kind: 'copied', bytes: 1234 }]);
    renderCard(checker, { copier });
    const download = await screen.findByRole('link', { name: 'Download my current SharePoint photo' });
    expect(download.getAttribute('download')).toBe('sharepoint-profile-photo.jpg');
    expect(download.getAttribute('href')).toMatch(/^blob:/);
    expect(screen.getByText(/so the change lasts, as long as your Outlook photo is the one you want/)).toBeTruthy();
    await confirmCopy();
    expect(await screen.findByText('Done: SharePoint now has your Outlook photo.')).toBeTruthy();
    expect(await screen.findByText('Your photo is in sync.')).toBeTruthy();
    expect(copier.calls).toBe(1);
    expect(checker.calls).toEqual([false, true]);
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
  });

  test('cancelling the confirmation copies nothing', async () => {
    const copier = new FakeCopier([{ kind: 'copied', bytes: 1 }]);
    renderCard(new FakeChecker(OUT_OF_SYNC), { copier });
    fireEvent.click(await screen.findByRole('button', { name: 'Copy my Outlook photo to SharePoint' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByText('Replace your SharePoint photo?')).toBeNull());
    expect(copier.calls).toBe(0);
  });

  test('placeholder: offered, with nothing to download', async () => {
    renderCard(new FakeChecker(result({ kind: 'sharepoint-placeholder' })), { copier: new FakeCopier([{ kind: 'copied', bytes: 1 }]) });
    expect(await screen.findByRole('button', { name: 'Copy my Outlook photo to SharePoint' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Download my current SharePoint photo' })).toBeNull();
  });

  test.each([
    ['SharePoint rejects the picture (413)', { kind: 'failed', reason: 'rejected-picture', state: 'unchanged', stage: 'upload' }, /only takes JPEG, PNG or BMP pictures of up to 5 MB.*SharePoint still has your previous photo/],
    ['the connection drops during the upload', { kind: 'failed', reason: 'network', state: 'unknown', stage: 'upload' }, /can't tell whether SharePoint got your photo/],
    ['Graph is throttled while reading the photo', { kind: 'failed', reason: 'throttled', state: 'unchanged', stage: 'read-exchange' }, /busy.*SharePoint still has your previous photo/]
  ] as Array<[string, CopyOutcome, RegExp]>)('%s: says what state SharePoint is in, and can be tried again', async (_name, outcome, message) => {
    const copier = new FakeCopier([outcome, { kind: 'copied', bytes: 1 }]);
    const checker = new FakeChecker(OUT_OF_SYNC, IN_SYNC);
    renderCard(checker, { copier });
    await confirmCopy();
    expect(await screen.findByText("Your photo wasn't copied.")).toBeTruthy();
    expect(screen.getByText(message)).toBeTruthy();
    await confirmCopy();
    expect(await screen.findByText('Done: SharePoint now has your Outlook photo.')).toBeTruthy();
    expect(copier.calls).toBe(2);
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
  });

  test('the tenant blocks it (403): says so, falls back to the guided steps, no more copy button', async () => {
    renderCard(new FakeChecker(OUT_OF_SYNC), { copier: new FakeCopier([{ kind: 'failed', reason: 'permission-denied', state: 'unchanged', stage: 'upload' }]) });
    await confirmCopy();
    await waitFor(() => expect(screen.queryByRole('button', { name: /Copy my Outlook photo|Try copying again/ })).toBeNull());
    expect(await screen.findByText(/doesn't let this web part change your SharePoint photo\. Follow the steps below instead/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Make SharePoint copy your photo' })).toBeTruthy();
  });

  test('the site owner turned it off: not offered, the steps still are', async () => {
    renderCard(new FakeChecker(OUT_OF_SYNC), { copier: new FakeCopier([{ kind: 'copied', bytes: 1 }]), allowCopy: false });
    expect(await screen.findByRole('heading', { name: 'Make SharePoint copy your photo' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Copy my Outlook photo to SharePoint' })).toBeNull();
  });

  test('never offered when there is no Exchange photo to copy', async () => {
    renderCard(new FakeChecker({ ...OUT_OF_SYNC, exchangePhoto: undefined }), { copier: new FakeCopier([{ kind: 'copied', bytes: 1 }]) });
    await screen.findByRole('heading', { name: 'Make SharePoint copy your photo' });
    expect(screen.queryByRole('button', { name: 'Copy my Outlook photo to SharePoint' })).toBeNull();
  });
});

describe("I've done the steps: a quiet background re-check", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  async function flush(ms: number): Promise<void> {
    await act(async () => {
      jest.advanceTimersByTime(ms);
    });
    await act(async () => {
      await Promise.resolve();
    });
  }

  test('re-checks after each delay until SharePoint has caught up, then says so', async () => {
    const checker = new FakeChecker(OUT_OF_SYNC, OUT_OF_SYNC, IN_SYNC);
    renderCard(checker, { recheckDelaysMs: [1000, 2000, 4000] });
    await act(async () => undefined);
    fireEvent.click(screen.getByRole('button', { name: "I've done the steps" }));
    expect(screen.getByText(/check 1 of 3/)).toBeTruthy();
    expect(screen.queryByText('Checking…')).toBeNull(); // quiet: no spinner, buttons stay usable
    await flush(1000);
    expect(checker.calls).toEqual([false, true]);
    expect(screen.getByText(/check 2 of 3/)).toBeTruthy();
    await flush(2000);
    expect(checker.calls).toEqual([false, true, true]);
    await flush(500); // Fluent UI's MessageBar shows its text after a short delay
    expect(screen.getByText('SharePoint has caught up: it now shows your Outlook photo.')).toBeTruthy();
    expect(screen.getByText('Your photo is in sync.')).toBeTruthy();
    await flush(10000);
    expect(checker.calls).toHaveLength(3); // stopped
  });

  test('gives up after the last try, honestly', async () => {
    const checker = new FakeChecker(OUT_OF_SYNC);
    renderCard(checker, { recheckDelaysMs: [100, 200] });
    await act(async () => undefined);
    fireEvent.click(screen.getByRole('button', { name: "I've done the steps" }));
    await flush(100);
    await flush(200);
    expect(checker.calls).toHaveLength(3);
    expect(screen.getByText(/hasn't caught up yet\. It can take up to 24 hours/)).toBeTruthy();
    await flush(10000);
    expect(checker.calls).toHaveLength(3);
  });

  test('stops when the page is hidden', async () => {
    const checker = new FakeChecker(OUT_OF_SYNC);
    renderCard(checker, { recheckDelaysMs: [1000, 1000] });
    await act(async () => undefined);
    fireEvent.click(screen.getByRole('button', { name: "I've done the steps" }));
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    await flush(5000);
    expect(checker.calls).toEqual([false]);
    expect(screen.getByText(/Stopped checking while this page was in the background/)).toBeTruthy();
  });
});

describe('an account without a mailbox (its photo is Entra ID’s)', () => {
  const ENTRA_OUT = result({ kind: 'out-of-sync', distance: 0.45, noMailbox: true });

  test('out of sync: no private-window steps, the copy is offered as the fix, in Teams’ words', async () => {
    const copier = new FakeCopier([{ kind: 'copied', bytes: 1234 }]);
    const checker = new FakeChecker(ENTRA_OUT, result({ kind: 'in-sync', distance: 0.02, noMailbox: true }));
    renderCard(checker, { copier });
    expect(await screen.findByText(/won't pick up your photo by itself.*Copy your photo to SharePoint with the button below/)).toBeTruthy();
    expect(screen.getByText('Teams (Microsoft Entra ID)')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Make SharePoint copy your photo' })).toBeNull();
    expect(screen.queryByRole('button', { name: "I've done the steps" })).toBeNull();
    expect(screen.getByText(/SharePoint never copies it by itself/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy my Teams photo to SharePoint' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Copy photo' }));
    expect(await screen.findByText('Your photo is in sync.')).toBeTruthy();
    expect(screen.getByText('Done: SharePoint now has your Teams photo.')).toBeTruthy();
    expect(screen.getByText(/if you change your photo, SharePoint won't pick it up by itself/)).toBeTruthy();
    expect(copier.calls).toBe(1);
  });

  test('copying not allowed here: no button, and the text sends the person to IT instead', async () => {
    renderCard(new FakeChecker(ENTRA_OUT), { allowCopy: false, copier: new FakeCopier([{ kind: 'copied', bytes: 1 }]) });
    expect(await screen.findByText(/Ask your IT department to update your SharePoint profile picture/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Copy my Teams photo to SharePoint' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Make SharePoint copy your photo' })).toBeNull();
  });

  test('a placeholder, no mailbox: the copy, no steps', async () => {
    renderCard(new FakeChecker(result({ kind: 'sharepoint-placeholder', noMailbox: true })), { copier: new FakeCopier([{ kind: 'copied', bytes: 1 }]) });
    expect(await screen.findByText('SharePoint shows a placeholder instead of your photo.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy my Teams photo to SharePoint' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Make SharePoint copy your photo' })).toBeNull();
  });
});

describe('a picture SharePoint sent from an address the page may not read', () => {
  test('it is shown by that address (an image may show what a script may not read), beside the plain failure', async () => {
    const address = 'https://contoso.sharepoint.com/_layouts/15/userphoto.aspx?size=L&accountname=megan';
    const checked = { ...result({ kind: 'could-not-check', reason: 'redirected-elsewhere', service: 'sharepoint' }), sharePointPhoto: undefined, sharePointPhotoAddress: address };
    renderCard(new FakeChecker(checked));
    expect(await screen.findByText(/Microsoft 365 answered, but SharePoint sent your photo from another address/)).toBeTruthy();
    expect(screen.getByText('Problem with: your SharePoint photo.')).toBeTruthy();
    expect(screen.queryByText(/couldn't reach Microsoft 365/)).toBeNull();
    expect((screen.getByRole('img', { name: 'Your photo as SharePoint shows it' }) as HTMLImageElement).src).toBe(address);
  });
});
