import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { OFFICE_URL, privateWindowStep, ResyncSteps } from './ResyncSteps';
import { IKeyValueStore } from './useStepProgress';
import { IBrowserInfo } from '../browser/detectBrowser';
import { MemoryStore } from '../../../../test/fakes/MemoryStore';

const CHROME_MAC: IBrowserInfo = { browser: 'chrome', os: 'mac', privateWindowShortcut: { modifier: 'cmd', key: 'N' } };

describe('privateWindowStep: each browser in its own words', () => {
  test.each([
    [{ browser: 'edge', os: 'windows', privateWindowShortcut: { modifier: 'ctrl', key: 'N' } }, 'Open an InPrivate window in Microsoft Edge: press Ctrl+Shift+N.'],
    [CHROME_MAC, 'Open an Incognito window in Google Chrome: press Cmd+Shift+N.'],
    [{ browser: 'firefox', os: 'linux', privateWindowShortcut: { modifier: 'ctrl', key: 'P' } }, 'Open a private window in Firefox: press Ctrl+Shift+P.'],
    [{ browser: 'safari', os: 'mac', privateWindowShortcut: { modifier: 'cmd', key: 'N' } }, 'Open a private window in Safari: press Cmd+Shift+N.'],
    [{ browser: 'safari', os: 'ios' }, 'On a computer, open a private window in Safari.'],
    [{ browser: 'other', os: 'windows' }, 'Open a private (incognito) window in your browser.']
  ] as Array<[IBrowserInfo, string]>)('%j', (browser, text) => {
    expect(privateWindowStep(browser)).toBe(text);
  });
});

describe('ResyncSteps', () => {
  test('ticked steps are remembered across visits', () => {
    const store = new MemoryStore();
    const first = render(<ResyncSteps browser={CHROME_MAC} isTeams={false} store={store} storageKey="k" copyText={() => Promise.resolve()} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Done: Sign in with your work or school account.' }));
    expect(screen.getByText('1 of 5 steps done')).toBeTruthy();
    expect(JSON.parse(store.data.k)).toEqual(['sign-in']);
    first.unmount();

    render(<ResyncSteps browser={CHROME_MAC} isTeams={false} store={store} storageKey="k" copyText={() => Promise.resolve()} />);
    expect(screen.getByRole('checkbox', { name: 'Done: Sign in with your work or school account.' })).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Done: Sign in with your work or school account.' }));
    expect(JSON.parse(store.data.k)).toEqual([]);
  });

  test('works without storage, and with storage that throws', () => {
    const throwing: IKeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      }
    };
    render(<ResyncSteps browser={CHROME_MAC} isTeams={false} store={throwing} storageKey="k" copyText={() => Promise.resolve()} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Done: Go to office.com.' }));
    expect(screen.getByText('1 of 5 steps done')).toBeTruthy();
  });

  test('copies the office.com link, and says so; says when it could not', async () => {
    const copied: string[] = [];
    const ok = render(
      <ResyncSteps browser={CHROME_MAC} isTeams={false} storageKey="k" copyText={(t) => (copied.push(t), Promise.resolve())} />
    );
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByRole('button', { name: 'Link copied' })).toBeTruthy();
    expect(copied).toEqual([OFFICE_URL]);
    ok.unmount();

    render(<ResyncSteps browser={CHROME_MAC} isTeams={false} storageKey="k" copyText={() => Promise.reject(new Error('denied'))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByRole('button', { name: "Couldn't copy: type office.com yourself" })).toBeTruthy();
  });

  test('in Teams, says to use a web browser', () => {
    render(<ResyncSteps browser={CHROME_MAC} isTeams={true} storageKey="k" copyText={() => Promise.resolve()} />);
    expect(screen.getByText(/You're in Teams, which can't open a private window/)).toBeTruthy();
  });
});
