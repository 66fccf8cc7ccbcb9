import * as React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import ProfilePhotoSync from './ProfilePhotoSync';
import { IProfilePhotoSyncProps } from './IProfilePhotoSyncProps';
import { SyncVerdict } from '../../../models/IPhotoSyncResult';
import { CHECKED_AT, FakeChecker, result } from '../../../../test/fakes/FakeChecker';

const EDGE_WINDOWS = { browser: 'edge' as const, os: 'windows' as const, privateWindowShortcut: { modifier: 'ctrl' as const, key: 'N' as const } };

function props(checker: FakeChecker, extra: Partial<IProfilePhotoSyncProps> = {}): IProfilePhotoSyncProps {
  return {
    title: '',
    checker,
    allowCopy: false,
    browser: EDGE_WINDOWS,
    isTeams: false,
    isEditMode: false,
    locale: 'en-US',
    store: undefined,
    storageKey: 'steps',
    copyText: () => Promise.resolve(),
    ...extra
  };
}

async function renderWith(verdict: SyncVerdict, withPhotos: boolean = true): Promise<FakeChecker> {
  const checker = new FakeChecker(result(verdict, withPhotos));
  render(<ProfilePhotoSync {...props(checker)} />);
  await screen.findByRole('button', { name: /check again/i });
  return checker;
}

describe('ProfilePhotoSync: each state', () => {
  test('while the first check runs: a labelled spinner, no verdict', () => {
    const checker = new FakeChecker(result({ kind: 'in-sync', distance: 0 }));
    checker.hold = true;
    render(<ProfilePhotoSync {...props(checker)} />);
    expect(screen.getByRole('heading', { name: 'Your profile photo' })).toBeTruthy();
    expect(screen.getByText('Checking your profile photo…')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /check again/i })).toBeNull();
  });

  test('in sync: both photos labelled, success message, no steps', async () => {
    await renderWith({ kind: 'in-sync', distance: 0.03 });
    expect(screen.getByRole('img', { name: 'Your photo in Outlook and Teams' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Your photo as SharePoint shows it' })).toBeTruthy();
    expect(screen.getByText('Outlook / Teams (Exchange Online)')).toBeTruthy();
    expect(screen.getByText('SharePoint')).toBeTruthy();
    expect(await screen.findByText('Your photo is in sync.')).toBeTruthy();
    expect(screen.getByText(/3% of their features differ/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Make SharePoint copy your photo' })).toBeNull();
  });

  test('out of sync: warning, why, and the steps for this browser', async () => {
    await renderWith({ kind: 'out-of-sync', distance: 0.47 });
    expect(await screen.findByText('SharePoint shows a different photo.')).toBeTruthy();
    expect(screen.getByText(/47% of their features differ \(we call them the same below 14%\)/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Make SharePoint copy your photo' })).toBeTruthy();
    expect(screen.getByText('Open an InPrivate window in Microsoft Edge: press Ctrl+Shift+N.')).toBeTruthy();
    expect(screen.getByText('Sign in with your work or school account.')).toBeTruthy();
    expect(screen.getByText(/up to 24 hours/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeTruthy();
  });

  test('placeholder: warning and steps', async () => {
    await renderWith({ kind: 'sharepoint-placeholder' });
    expect(await screen.findByText('SharePoint shows a placeholder instead of your photo.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Make SharePoint copy your photo' })).toBeTruthy();
  });

  test('no Exchange photo: where to add one, no steps, "No photo" in its place', async () => {
    const checker = new FakeChecker({ ...result({ kind: 'no-exchange-photo' }), exchangePhoto: undefined });
    render(<ProfilePhotoSync {...props(checker)} />);
    expect(await screen.findByText("You don't have a photo in Outlook and Teams yet.")).toBeTruthy();
    expect(screen.getByText(/choose Change photo/)).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Your photo in Outlook and Teams: No photo' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Make SharePoint copy your photo' })).toBeNull();
  });

  test('no mailbox: says SharePoint can never sync it', async () => {
    await renderWith({ kind: 'no-mailbox' }, false);
    expect(await screen.findByText('Your account has no Exchange Online mailbox.')).toBeTruthy();
    expect(screen.getByText(/can't sync yours by itself/)).toBeTruthy();
  });

  test.each([
    ['permission-denied', 'exchange', /Microsoft Graph permission User.Read/, /your Outlook \/ Teams photo/],
    ['throttled', 'exchange', /Try again in a minute/, /your Outlook \/ Teams photo/],
    ['unavailable', 'sharepoint', /isn't answering right now/, /your SharePoint photo/],
    ['network', 'sharepoint', /Check your connection/, /your SharePoint photo/],
    ['timeout', 'exchange', /took too long/, /your Outlook \/ Teams photo/],
    ['not-an-image', 'sharepoint', /isn't a picture/, /your SharePoint photo/],
    ['too-large', 'exchange', /too large/, /your Outlook \/ Teams photo/],
    ['profile-not-found', 'sharepoint', /no profile for your account/, /your SharePoint photo/],
    ['unexpected', 'comparison', /Something unexpected/, /comparing the photos/]
  ] as const)('could not check (%s): the reason, where, and a retry', async (reason, service, text, where) => {
    await renderWith({ kind: 'could-not-check', reason, service }, false);
    expect(await screen.findByText("We couldn't check your photo.")).toBeTruthy();
    expect(screen.getByText(text)).toBeTruthy();
    expect(screen.getByText(where)).toBeTruthy();
    expect(screen.getByRole('button', { name: /check again/i })).toBeTruthy();
  });

  test('throttled with Retry-After says how long to wait', async () => {
    await renderWith({ kind: 'could-not-check', reason: 'throttled', service: 'exchange', retryAfterSeconds: 30 }, false);
    expect(await screen.findByText(/Try again in 30 seconds/)).toBeTruthy();
  });

  test('shows when SharePoint last stored the photo and when this check ran, in the user\'s locale', async () => {
    await renderWith({ kind: 'in-sync', distance: 0 });
    const stored = new Date('2026-11-20T09:30:00Z').toLocaleString('en-US', { dateStyle: 'long', timeStyle: 'short' } as Intl.DateTimeFormatOptions);
    expect(screen.getByText(new RegExp(`SharePoint last stored your photo on ${stored.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))).toBeTruthy();
    expect(screen.getByText(new RegExp(CHECKED_AT.toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit' })))).toBeTruthy();
  });

  test('the site owner\'s title replaces the default', async () => {
    const checker = new FakeChecker(result({ kind: 'in-sync', distance: 0 }));
    render(<ProfilePhotoSync {...props(checker, { title: 'Is your photo up to date?' })} />);
    expect(await screen.findByRole('heading', { name: 'Is your photo up to date?' })).toBeTruthy();
  });
});

describe('ProfilePhotoSync: a repeat visit paints the remembered verdict first', () => {
  test('the first render has the verdict, no spinner, and no check has started', () => {
    const checker = new FakeChecker(result({ kind: 'out-of-sync', distance: 0.47 }));
    checker.rememberedResult = { ...result({ kind: 'out-of-sync', distance: 0.47 }), fromCache: true };
    checker.hold = true;
    const { container } = render(<ProfilePhotoSync {...props(checker)} />);
    // Synchronously after render: what the first paint shows.
    expect(container.textContent).toContain('SharePoint shows a different photo.');
    expect(container.textContent).not.toContain('Checking your profile photo…');
    expect(screen.getByRole('img', { name: 'Your photo in Outlook and Teams' })).toBeTruthy();
  });

  test('then confirmed in the background: the check runs once, quietly, and the verdict stays', async () => {
    const checker = new FakeChecker({ ...result({ kind: 'out-of-sync', distance: 0.47 }), fromCache: true });
    checker.rememberedResult = { ...result({ kind: 'out-of-sync', distance: 0.47 }), fromCache: true };
    checker.hold = true;
    render(<ProfilePhotoSync {...props(checker)} />);
    await waitFor(() => expect(checker.calls).toEqual([false]));
    expect(screen.queryByText('Checking your profile photo…')).toBeNull();
    // Busy for assistive technology while it is confirmed, not for the eye.
    expect(screen.getByRole('region', { name: 'Your profile photo' }).getAttribute('aria-busy')).toBe('true');
    act(() => checker.release());
    expect(await screen.findByText('SharePoint shows a different photo.')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('region', { name: 'Your profile photo' }).getAttribute('aria-busy')).toBe('false'));
  });

  test('a confirmation that disagrees changes the verdict', async () => {
    const checker = new FakeChecker(result({ kind: 'in-sync', distance: 0.02 }));
    checker.rememberedResult = { ...result({ kind: 'out-of-sync', distance: 0.47 }), fromCache: true };
    render(<ProfilePhotoSync {...props(checker)} />);
    expect(await screen.findByText('Your photo is in sync.')).toBeTruthy();
    expect(screen.queryByText('SharePoint shows a different photo.')).toBeNull();
  });
});

describe('ProfilePhotoSync: Check again', () => {
  test('re-checks without the cache and shows the new verdict', async () => {
    const checker = new FakeChecker(result({ kind: 'out-of-sync', distance: 0.5 }), result({ kind: 'in-sync', distance: 0.02 }));
    render(<ProfilePhotoSync {...props(checker)} />);
    expect(await screen.findByText('SharePoint shows a different photo.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /check again/i }));
    expect(await screen.findByText('Your photo is in sync.')).toBeTruthy();
    expect(checker.calls).toEqual([false, true]);
  });

  test('never runs two checks at once', async () => {
    const checker = new FakeChecker(result({ kind: 'out-of-sync', distance: 0.5 }));
    render(<ProfilePhotoSync {...props(checker)} />);
    await screen.findByText('SharePoint shows a different photo.');
    checker.hold = true;
    const button = screen.getByRole('button', { name: /check again/i });
    fireEvent.click(button);
    fireEvent.click(button);
    fireEvent.click(button);
    expect(checker.calls).toEqual([false, true]);
    expect(screen.getByRole('button', { name: 'Checking…' })).toHaveProperty('disabled', true);
    await act(async () => checker.release());
    expect(await screen.findByRole('button', { name: /check again/i })).toHaveProperty('disabled', false);
  });
});

describe('ProfilePhotoSync: photos at display size load after the verdict', () => {
  test('after a full check: loaded once, then shown', async () => {
    const checker = new FakeChecker(result({ kind: 'in-sync', distance: 0 }));
    render(<ProfilePhotoSync {...props(checker)} />);
    await screen.findByText('Your photo is in sync.');
    await waitFor(() => expect(checker.displayLoads).toBe(1));
  });

  test('after a remembered verdict: nothing is loaded', async () => {
    const checker = new FakeChecker({ ...result({ kind: 'in-sync', distance: 0 }), fromCache: true });
    render(<ProfilePhotoSync {...props(checker)} />);
    await screen.findByText('Your photo is in sync.');
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    expect(checker.displayLoads).toBe(0);
  });
});

describe("ProfilePhotoSync: the site owner's settings", () => {
  const IN_SYNC = result({ kind: 'in-sync', distance: 0.02 });
  const OUT = result({ kind: 'out-of-sync', distance: 0.5 });

  test('in sync, "one line": only the confirmation, no photos or buttons', async () => {
    render(<ProfilePhotoSync {...props(new FakeChecker(IN_SYNC), { inSyncDisplay: 'line' })} />);
    expect(await screen.findByText('Your photo is in sync.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  test('in sync, "nothing": the part renders nothing, not even a spinner', async () => {
    const checker = new FakeChecker(IN_SYNC);
    const { container } = render(<ProfilePhotoSync {...props(checker, { inSyncDisplay: 'hidden' })} />);
    expect(container.textContent).toBe('');
    await act(async () => undefined);
    expect(checker.calls).toEqual([false]);
    expect(container.textContent).toBe('');
  });

  test('"nothing", but the photo is out of sync: the full card', async () => {
    render(<ProfilePhotoSync {...props(new FakeChecker(OUT), { inSyncDisplay: 'hidden' })} />);
    expect(await screen.findByText('SharePoint shows a different photo.')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Your photo in Outlook and Teams' })).toBeTruthy();
  });

  test('"nothing", seen by the site owner editing the page: the card and a note why others see nothing', async () => {
    render(<ProfilePhotoSync {...props(new FakeChecker(IN_SYNC), { inSyncDisplay: 'hidden', isEditMode: true })} />);
    expect(await screen.findByText(/People whose photo is in sync see nothing here/)).toBeTruthy();
    expect(screen.getByText('Your photo is in sync.')).toBeTruthy();
  });

  test("the organization's help link: shown when something is wrong, https only", async () => {
    const help = 'https://intranet.contoso.com/help/photos';
    const first = render(<ProfilePhotoSync {...props(new FakeChecker(OUT), { helpUrl: help })} />);
    const link = await screen.findByRole('link', { name: 'More help from your organization' });
    expect(link.getAttribute('href')).toBe(help);
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    first.unmount();
    render(<ProfilePhotoSync {...props(new FakeChecker(OUT), { helpUrl: 'javascript:alert(1)' })} />);
    await screen.findByText('SharePoint shows a different photo.');
    expect(screen.queryByRole('link', { name: 'More help from your organization' })).toBeNull();
  });

  test('the help link is not shown when all is well', async () => {
    render(<ProfilePhotoSync {...props(new FakeChecker(IN_SYNC), { helpUrl: 'https://intranet.contoso.com/help' })} />);
    await screen.findByText('Your photo is in sync.');
    expect(screen.queryByRole('link', { name: 'More help from your organization' })).toBeNull();
  });
});

describe('ProfilePhotoSync: more than one part on a page', () => {
  test('each card has its own ids, and each section is named by its own heading, uniquely on the page', async () => {
    const first = new FakeChecker(result({ kind: 'out-of-sync', distance: 0.47 }));
    const second = new FakeChecker(result({ kind: 'out-of-sync', distance: 0.47 }));
    const { container } = render(
      <>
        <ProfilePhotoSync {...props(first, { title: 'First' })} />
        <ProfilePhotoSync {...props(second, { title: 'Second' })} />
      </>
    );
    await waitFor(() => expect(screen.getAllByRole('heading', { name: 'Make SharePoint copy your photo' })).toHaveLength(2));
    const ids = Array.from(container.querySelectorAll('[id]')).map((e) => e.id);
    expect(ids.length).toBeGreaterThanOrEqual(4); // two titles and two step headings at the least
    expect(new Set(ids).size).toBe(ids.length);
    // Each region is named by its own heading, and no two regions share a name (the second steps are "… (2)").
    const regions = Array.from(container.querySelectorAll('section'));
    expect(regions.length).toBeGreaterThanOrEqual(4);
    for (const region of regions) {
      const heading = region.querySelector('h2, h3');
      expect((region.getAttribute('aria-label') || '').startsWith((heading && heading.textContent) || '\u0000')).toBe(true);
    }
    const names = regions.map((r) => r.getAttribute('aria-label'));
    expect(new Set(names).size).toBe(names.length);
    expect(screen.getByRole('region', { name: 'First' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Second' })).toBeTruthy();
  });
});

describe('ProfilePhotoSync: a side without a photo', () => {
  test('says "Couldn\'t load" when its request failed, and "No photo" when there is none', async () => {
    await renderWith({ kind: 'could-not-check', reason: 'permission-denied', service: 'exchange' }, false);
    expect(screen.getByRole('img', { name: "Your photo in Outlook and Teams: Couldn't load" })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Your photo as SharePoint shows it: No photo' })).toBeTruthy();
  });

  test('a verdict with nothing missing says "No photo"', async () => {
    await renderWith({ kind: 'no-exchange-photo' }, false);
    expect(screen.getByRole('img', { name: 'Your photo in Outlook and Teams: No photo' })).toBeTruthy();
  });
});
