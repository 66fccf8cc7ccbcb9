import * as React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import ProfilePhotoSync from './ProfilePhotoSync';
import { IProfilePhotoSyncProps } from './IProfilePhotoSyncProps';
import { IPhotoSyncResult } from '../../../models/IPhotoSyncResult';
import { FixHistory } from '../../../services/FixHistory';
import { FakeChecker, result } from '../../../../test/fakes/FakeChecker';
import { cardProps, FakeCopier } from '../../../../test/fakes/cardProps';
import { MemoryStore } from '../../../../test/fakes/MemoryStore';

/** The card's next step, as a person meets it on a later visit: what they tried, how long ago, what changed. */

const NOW = new Date('2026-12-02T09:00:00Z');
const PICTURE = { timestamp: '2025-01-10T08:00:00.000Z', placeholder: false, exchangeSyncState: '1' };
const NEWER = { ...PICTURE, timestamp: '2026-12-01T20:00:00.000Z' };

function checked(verdict: IPhotoSyncResult['verdict'], picture = PICTURE): IPhotoSyncResult {
  return { ...result(verdict), exchangeTag: 'photo:abc', sharePointPicture: picture, compared: { exchange: { width: 96, height: 96 }, sharePoint: { width: 72, height: 72 } } };
}
const OUT = checked({ kind: 'out-of-sync', distance: 0.45 });

function history(seed?: (h: FixHistory) => void): FixHistory {
  const h = new FixHistory(new MemoryStore(), 'fix');
  if (seed) {
    seed(h);
  }
  return h;
}
const hoursAgo = (h: number): Date => new Date(NOW.getTime() - h * 3600000);

function renderCard(checker: FakeChecker, extra: Partial<IProfilePhotoSyncProps> = {}): void {
  const props = cardProps(checker, {
    copier: new FakeCopier([{ kind: 'copied', bytes: 1 }]),
    browser: { browser: 'edge', os: 'windows', privateWindowShortcut: { modifier: 'ctrl', key: 'N' } },
    locale: 'en-GB',
    now: () => NOW,
    ...extra
  });
  render(<ProfilePhotoSync {...props} />);
}

/** Waits until the card shows a verdict whose next step is `expected` (fails, naming what it shows, if it never does). */
async function expectNextStep(expected: string): Promise<void> {
  await waitFor(() => {
    const holder = document.querySelector('[data-next-step]');
    expect(holder ? holder.getAttribute('data-next-step') : 'no verdict yet').toBe(expected);
  });
}

/** The visible names of the state's primary buttons (Fluent's primary, and the first paint's primary-styled ones). */
function primaryButtons(): string[] {
  return Array.from(document.querySelectorAll('.ms-Button--primary, [data-primary]')).map((b) => (b.textContent || '').trim());
}

describe('the next step, from what was tried', () => {
  test('nothing tried: the steps lead, with the copy beside them', async () => {
    renderCard(new FakeChecker(OUT), { history: history() });
    await expectNextStep('steps');
    expect(await screen.findByRole('heading', { name: 'Make SharePoint copy your photo' })).toBeTruthy();
    expect(screen.getByText(/The steps below make it copy your photo again/)).toBeTruthy();
  });

  test("\"I've done the steps\" is remembered: the card waits, with the date, and the steps stay one click away", async () => {
    const h = history();
    renderCard(new FakeChecker(OUT), { history: h, recheckDelaysMs: [60000] });
    fireEvent.click(await screen.findByRole('button', { name: "I've done the steps" }));
    await expectNextStep('wait');
    expect(await screen.findByText(/You did the steps on Wednesday 2 December\. SharePoint can take up to 24 hours/)).toBeTruthy();
    expect(screen.getByText(/Waiting for SharePoint to catch up: check 1 of 1/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Make SharePoint copy your photo' })).toBeNull();
    expect(h.read('photo:abc')).toMatchObject({ stepsDoneAt: NOW.toISOString(), stepsPicture: PICTURE });
    fireEvent.click(screen.getByRole('button', { name: 'Show the steps again' }));
    expect(await screen.findByRole('heading', { name: 'Make SharePoint copy your photo' })).toBeTruthy();
  });

  test('steps 30 hours ago, SharePoint unchanged: says so with the date and leads with the copy, never the steps', async () => {
    renderCard(new FakeChecker(OUT), { history: history((h) => h.recordSteps('photo:abc', PICTURE, hoursAgo(30))) });
    await expectNextStep('copy');
    expect(await screen.findByText("You did the steps on Tuesday 1 December. SharePoint still shows your old photo, so signing in again is not going to fix it.")).toBeTruthy();
    expect(screen.getByText("SharePoint hasn't picked up the photo you use in Outlook and Teams.")).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy my Outlook photo to SharePoint' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Make SharePoint copy your photo' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Show the steps again' }).getAttribute('aria-expanded')).toBe('false');
  });

  test('steps 30 hours ago, copying not allowed: a message to IT, by email when the owner set an address', async () => {
    renderCard(new FakeChecker(OUT), { allowCopy: false, itContact: 'it-support@contoso.com', history: history((h) => h.recordSteps('photo:abc', PICTURE, hoursAgo(30))) });
    await expectNextStep('ask-it');
    expect(await screen.findByRole('heading', { name: 'Ask your IT department' })).toBeTruthy();
    const message = screen.getByRole('document', { name: "My SharePoint profile photo doesn't sync" });
    expect(message.textContent).toMatch(/Private-window sign-in steps: done on 1 December 2026/);
    expect(message.textContent).toMatch(/Browser: Microsoft Edge \(Windows\)/);
    const email = screen.getByRole('link', { name: 'Email it to IT' }) as HTMLAnchorElement;
    expect(email.href).toMatch(/^mailto:it-support@contoso\.com\?subject=My%20SharePoint%20profile%20photo/);
    expect(screen.queryByRole('button', { name: 'Copy my Outlook photo to SharePoint' })).toBeNull();
  });

  test('without an IT contact the message is copied for the person to send', async () => {
    const copied: string[] = [];
    renderCard(new FakeChecker(OUT), {
      allowCopy: false,
      copyText: (text) => {
        copied.push(text);
        return Promise.resolve();
      },
      history: history((h) => h.recordSteps('photo:abc', PICTURE, hoursAgo(30)))
    });
    expect(await screen.findByRole('heading', { name: 'Ask your IT department' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Email it to IT' })).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy the message' }));
    });
    expect(copied[0]).toMatch(/^My SharePoint profile photo doesn't sync\n\nHello,/);
    expect(await screen.findByRole('button', { name: 'Message copied' })).toBeTruthy();
  });

  test('SharePoint stored another picture since the steps: a different problem, for IT', async () => {
    renderCard(new FakeChecker(checked({ kind: 'out-of-sync', distance: 0.45 }, NEWER)), { history: history((h) => h.recordSteps('photo:abc', PICTURE, hoursAgo(30))) });
    await expectNextStep('ask-it');
    expect(await screen.findByText(/SharePoint has stored a picture since, but still not the one you use in Outlook and Teams/)).toBeTruthy();
  });

  test('SharePoint does not pull from Exchange: no steps from the start, the copy and why', async () => {
    renderCard(new FakeChecker(checked({ kind: 'out-of-sync', distance: 0.45 }, { ...PICTURE, exchangeSyncState: '0' })), { history: history() });
    await expectNextStep('copy');
    expect(await screen.findByText(/SharePoint is set not to pick up your photo from Outlook/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show the steps again' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Make SharePoint copy your photo' })).toBeNull();
    // What is true when SharePoint doesn't pull: the copy lasts until the photo changes, and IT turns sync back on.
    expect(screen.getByText(/stays until your photo changes again.*won't reach SharePoint until IT turns that back on/)).toBeTruthy();
    expect(screen.queryByText(/When SharePoint next syncs from Outlook/)).toBeNull();
    // The message to IT beside the copy, its buttons secondary: the copy is the one primary action.
    expect(await screen.findByRole('heading', { name: 'Ask your IT department' })).toBeTruthy();
    expect(primaryButtons()).toEqual(['Copy my Outlook photo to SharePoint']);
  });

  test('a copy that SharePoint accepted and that was replaced since: remembered and explained, for IT', async () => {
    const h = history();
    const checker = new FakeChecker(OUT, checked({ kind: 'in-sync', distance: 0.02 }), OUT);
    renderCard(checker, { history: h });
    fireEvent.click(await screen.findByRole('button', { name: 'Copy my Outlook photo to SharePoint' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Copy photo' }));
    expect(await screen.findByText('Your photo is in sync.')).toBeTruthy();
    expect(h.read('photo:abc')).toMatchObject({ copy: { outcome: 'copied' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    expect(await screen.findByText(/Your photo was copied to SharePoint on Wednesday 2 December, but SharePoint has replaced it/)).toBeTruthy();
    await expectNextStep('ask-it');
  });

  test('a copy refused because uploads are off for the account: change it in the Microsoft 365 profile, not "try again"', async () => {
    const entra = checked({ kind: 'out-of-sync', distance: 0.45, noMailbox: true });
    const copier = new FakeCopier([{ kind: 'failed', reason: 'permission-denied', state: 'unchanged', stage: 'upload' }]);
    const h = history();
    renderCard(new FakeChecker(entra), { history: h, copier });
    fireEvent.click(await screen.findByRole('button', { name: 'Copy my Teams photo to SharePoint' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Copy photo' }));
    expect(await screen.findByText(/SharePoint doesn't accept photo uploads for your account.*Change your photo there instead/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try copying again' })).toBeNull();
    expect(screen.queryByText(/Follow the steps below instead/)).toBeNull();
    expect(h.read('photo:abc')).toMatchObject({ copy: { outcome: 'upload-disabled' } });
    await expectNextStep('ask-it');
  });

  test('a new Exchange photo starts afresh: the steps again', async () => {
    renderCard(new FakeChecker({ ...OUT, exchangeTag: 'photo:new' }), { history: history((h) => h.recordSteps('photo:abc', PICTURE, hoursAgo(30))) });
    await expectNextStep('steps');
  });

  test('in sync: no next step', async () => {
    renderCard(new FakeChecker(checked({ kind: 'in-sync', distance: 0.02 })), { history: history((h) => h.recordSteps('photo:abc', PICTURE, hoursAgo(30))) });
    expect(await screen.findByText('Your photo is in sync.')).toBeTruthy();
    expect(document.querySelector('[data-next-step]')!.getAttribute('data-next-step')).toBe('none');
  });
});

describe('one primary action a state: the one the card leads with', () => {
  test.each([
    ['steps', () => history(), ["I've done the steps"]],
    ['copy', () => history((h) => h.recordSteps('photo:abc', PICTURE, hoursAgo(30))), ['Copy my Outlook photo to SharePoint']],
    ['wait', () => history((h) => h.recordSteps('photo:abc', PICTURE, hoursAgo(2))), ['Check again']]
  ] as Array<[string, () => FixHistory, string[]]>)('%s', async (step, seed, primary) => {
    renderCard(new FakeChecker(OUT), { history: seed(), recheckDelaysMs: [60000] });
    await expectNextStep(step);
    await waitFor(() => expect(primaryButtons()).toEqual(primary));
  });

  test('ask-it (copying not allowed): the message to IT, and Check again steps back', async () => {
    renderCard(new FakeChecker(OUT), { history: history((h) => h.recordSteps('photo:abc', PICTURE, hoursAgo(30))), allowCopy: false, itContact: 'it@contoso.com' });
    await expectNextStep('ask-it');
    await waitFor(() => expect(primaryButtons()).toEqual(['Email it to IT']));
  });

  test('in sync: Check again is the one', async () => {
    renderCard(new FakeChecker(checked({ kind: 'in-sync', distance: 0.02 })), { history: history() });
    expect(await screen.findByText('Your photo is in sync.')).toBeTruthy();
    expect(primaryButtons()).toEqual(['Check again']);
  });
});

describe('two personal parts on one page', () => {
  test('their regions have different names', async () => {
    const props = cardProps(new FakeChecker(OUT), { locale: 'en-GB', now: () => NOW });
    render(
      <>
        <ProfilePhotoSync {...props} />
        <ProfilePhotoSync {...props} />
      </>
    );
    const regions = await screen.findAllByRole('region');
    const names = regions.map((r) => r.getAttribute('aria-label'));
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(new Set(names).size).toBe(names.length);
  });
});

