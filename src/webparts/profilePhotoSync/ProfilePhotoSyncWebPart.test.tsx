/**
 * @jest-environment ./test/spfx/jsdomWithFetch.js
 */
import { waitFor } from '@testing-library/react';
import { DisplayMode } from '@microsoft/sp-core-library';
import ProfilePhotoSyncWebPart, { IProfilePhotoSyncWebPartProps } from './ProfilePhotoSyncWebPart';
import { IProfilePhotoSyncProps } from './components/IProfilePhotoSyncProps';
import { PhotoSyncChecker } from '../../services/PhotoSyncChecker';
import { PreviewChecker } from './PreviewChecker';
import { teamsTheme } from '../../shared/teamsThemes';
import { IHostedWebPart } from '../../../test/spfx/sp-webpart-base';
import { hostWebPart, lastRenderedProps } from '../../../test/spfx/hostWebPart';
import { FakeGraphClient } from '../../../test/fakes/FakeGraphClient';
import { myProperties } from '../../../test/fakes/fakeSharePoint';
import { sharePointCopy } from '../../../test/photoFixtures';

/**
 * The web part class as SharePoint's page drives it (test/spfx): a fake SPFx context with a recording Graph client
 * and a recording fetch behind the real services and the real PnPjs, so wiring mistakes show as wrong requests or a
 * wrong card, not only as type errors.
 */
const SITE = 'https://contoso.sharepoint.com/sites/intranet';
const LOGIN = 'megan@contoso.com';

interface IFakeContextOptions {
  sharePointPhoto?: 'messi5' | 'orange';
  teams?: { theme: string };
}

interface IFakeContext {
  context: unknown;
  graph: FakeGraphClient;
  fetched: string[];
  getClient: jest.Mock;
  teamsHandler: () => ((name: string) => void) | undefined;
}

function fakeContext(options: IFakeContextOptions = {}): IFakeContext {
  const graph = new FakeGraphClient({
    '/me/photo': { json: { '@odata.mediaEtag': 'W/"1"', id: '342X342', width: 342, height: 342 } },
    '/me/photos/96x96/$value': { bytes: sharePointCopy('messi5', 96, 90) },
    '/me/photos/240x240/$value': { bytes: sharePointCopy('messi5', 240, 90) }
  });
  const fetched: string[] = [];
  const picture = options.sharePointPhoto || 'messi5';
  (window as unknown as { fetch: typeof fetch }).fetch = async (input: RequestInfo | URL) => {
    const url = String(input);
    fetched.push(url.replace(SITE, ''));
    if (/getmyproperties/i.test(url)) {
      return new Response(JSON.stringify(myProperties({ timestamp: '63890000000', placeholder: '0' })), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }
    if (/userphoto\.aspx/i.test(url)) {
      return new Response(sharePointCopy(picture, /size=L/.test(url) ? 300 : 72, 75), { status: 200, headers: { 'Content-Type': 'image/jpeg' } });
    }
    return new Response('{}', { status: 404 });
  };
  const getClient = jest.fn(async () => graph);
  let handler: ((name: string) => void) | undefined;
  const teams = options.teams
    ? {
        teamsJs: {
          app: {
            getContext: async () => ({ app: { theme: options.teams!.theme } }),
            registerOnThemeChangeHandler: (h: (name: string) => void) => {
              handler = h;
            }
          }
        }
      }
    : undefined;
  const context = {
    msGraphClientFactory: { getClient },
    pageContext: {
      web: { absoluteUrl: SITE },
      user: { loginName: LOGIN },
      cultureInfo: { currentUICultureName: 'nl-NL' },
      legacyPageContext: {}
    },
    sdks: { microsoftTeams: teams }
  };
  return { context, graph, fetched, getClient, teamsHandler: () => handler };
}

/** Hosts the part as the page does: context, properties and mode, then onInit, then render. */
async function host(
  properties: IProfilePhotoSyncWebPartProps,
  options: IFakeContextOptions & { mode?: DisplayMode } = {}
): Promise<{ part: IHostedWebPart<IProfilePhotoSyncWebPartProps>; fake: IFakeContext }> {
  const fake = fakeContext(options);
  const part = await hostWebPart(new ProfilePhotoSyncWebPart(), fake.context, properties, options.mode);
  return { part, fake };
}

/** react-dom's own module object: the web part's namespace import reads through to it, so a spy here sees its calls. */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const ReactDom = require('react-dom') as typeof import('react-dom');

let rendered: jest.SpyInstance;
beforeEach(() => {
  window.localStorage.clear();
  rendered = jest.spyOn(ReactDom, 'render');
});
afterEach(() => {
  rendered.mockRestore();
  document.body.innerHTML = '';
});

/** The props of the last render. */
function lastProps(): IProfilePhotoSyncProps {
  return lastRenderedProps<IProfilePhotoSyncProps>(rendered);
}

describe('ProfilePhotoSyncWebPart: onInit wires the real services to SPFx', () => {
  test('Graph client v3 for the photo, PnPjs and userphoto.aspx on the current site; the check starts before the first render', async () => {
    const { part, fake } = await host({ title: '' });
    expect(fake.getClient).toHaveBeenCalledWith('3');
    await waitFor(() => expect(part.domElement.textContent).toContain('Your photo is in sync.'), { timeout: 10000 });
    expect(fake.graph.requests.map((r) => r.path).slice(0, 2)).toEqual(['/me/photo', '/me/photos/96x96/$value']);
    expect(fake.fetched).toContain('/_api/sp.userprofiles.peoplemanager/getmyproperties');
    expect(fake.fetched.some((u) => /^\/_layouts\/15\/userphoto\.aspx\?size=M&accountname=/.test(u))).toBe(true);
    expect(lastProps().checker).toBeInstanceOf(PhotoSyncChecker);
  });

  test('another photo in SharePoint: the real comparison says so, and the copy is wired', async () => {
    const { part } = await host({ title: '', allowCopy: true }, { sharePointPhoto: 'orange' });
    await waitFor(() => expect(part.domElement.textContent).toContain('SharePoint shows a different photo.'), { timeout: 10000 });
    expect(lastProps().copier).toBeDefined();
    await waitFor(() => expect(part.domElement.querySelector('button[aria-label], button')).toBeTruthy());
    expect(part.domElement.textContent).toContain('Copy my Outlook photo to SharePoint');
  });
});

describe('ProfilePhotoSyncWebPart.render passes the properties and the page context', () => {
  test('title, copy, in-sync display, help link, language, per-user storage key, read mode', async () => {
    await host({ title: 'Je profielfoto', allowCopy: false, inSyncDisplay: 'line', helpUrl: 'https://contoso.sharepoint.com/help' });
    expect(lastProps()).toMatchObject({
      title: 'Je profielfoto',
      allowCopy: false,
      inSyncDisplay: 'line',
      helpUrl: 'https://contoso.sharepoint.com/help',
      locale: 'nl-NL',
      isEditMode: false,
      isTeams: false,
      storageKey: `profile-photo-sync:steps:${LOGIN}`
    });
  });

  test('copy defaults to on; an edit-mode preview swaps in the preview checker, and back to the real one on "live"', async () => {
    const { part } = await host({ title: '', preview: 'out-of-sync' }, { mode: DisplayMode.Edit });
    expect(lastProps()).toMatchObject({ allowCopy: true, isEditMode: true });
    expect(lastProps().checker).toBeInstanceOf(PreviewChecker);
    part.properties.preview = 'live';
    part.render();
    expect(lastProps().checker).toBeInstanceOf(PhotoSyncChecker);
    part.displayMode = DisplayMode.Read;
    part.properties.preview = 'out-of-sync';
    part.render();
    expect(lastProps().checker).toBeInstanceOf(PhotoSyncChecker); // readers always get the real check
  });

  test('a SharePoint theme change re-renders with it', async () => {
    const { part } = await host({ title: '' });
    const theme = { semanticColors: { bodyText: '#123456' } };
    const before = rendered.mock.calls.length;
    part.onThemeChanged(theme);
    expect(rendered.mock.calls.length).toBe(before + 1);
    expect(lastProps().theme).toBe(theme);
    expect(part.domElement.style.getPropertyValue('--bodyText')).toBe('#123456');
  });
});

describe('ProfilePhotoSyncWebPart in Teams', () => {
  test("Teams' own theme wins; a theme change in Teams re-renders with the new one", async () => {
    const { part, fake } = await host({ title: '' }, { teams: { theme: 'dark' } });
    expect(lastProps()).toMatchObject({ isTeams: true, theme: teamsTheme('dark') });
    part.onThemeChanged({ semanticColors: { bodyText: '#000' } });
    expect(lastProps().theme).toEqual(teamsTheme('dark'));
    fake.teamsHandler()!('contrast');
    expect(lastProps().theme).toEqual(teamsTheme('contrast'));
  });
});

describe('ProfilePhotoSyncWebPart: property pane', () => {
  interface IField {
    targetProperty: string;
    properties: { label?: string; onGetErrorMessage?: (value: string) => string; options?: Array<{ key: string }> };
  }
  async function fields(): Promise<IField[]> {
    const { part } = await host({ title: '' });
    const config = part.getPropertyPaneConfiguration() as { pages: Array<{ groups: Array<{ groupFields: IField[] }> }> };
    return config.pages[0].groups.reduce<IField[]>((all, g) => all.concat(g.groupFields), []);
  }

  test('every setting, in order, labelled', async () => {
    const all = await fields();
    expect(all.map((f) => f.targetProperty)).toEqual(['title', 'inSyncDisplay', 'allowCopy', 'helpUrl', 'itContact', 'preview']);
    expect(all.every((f) => !!f.properties.label)).toBe(true);
    expect(all[1].properties.options!.map((o) => o.key)).toEqual(['card', 'line', 'hidden']);
    expect(all[5].properties.options!.map((o) => o.key)[0]).toBe('live');
  });

  test('validators: the title at most 100 characters; the help link https only', async () => {
    const all = await fields();
    const title = all[0].properties.onGetErrorMessage!;
    const help = all[3].properties.onGetErrorMessage!;
    expect(title('x'.repeat(100))).toBe('');
    expect(title('x'.repeat(101))).toMatch(/100/);
    expect(help('')).toBe('');
    expect(help('https://contoso.sharepoint.com/help')).toBe('');
    expect(help('http://contoso.com')).not.toBe('');
    expect(help('javascript:alert(1)')).not.toBe('');
  });

  test('validators: the IT contact is empty, one email address or an https link', async () => {
    const it = (await fields())[4].properties.onGetErrorMessage!;
    expect(it('')).toBe('');
    expect(it('it-support@contoso.com')).toBe('');
    expect(it('https://contoso.service-now.com/photos')).toBe('');
    for (const bad of ['http://contoso.com', 'it support', 'a@b.com, c@d.com', 'mailto:a@b.com', 'javascript:alert(1)']) {
      expect([bad, it(bad)]).toEqual([bad, 'Enter an email address, or a web address that starts with https://']);
    }
  });

  test('data version 1.0', async () => {
    const { part } = await host({ title: '' });
    expect(part.dataVersion.toString()).toBe('1.0.0');
  });
});

describe('ProfilePhotoSyncWebPart.onDispose', () => {
  test('unmounts the card: the element is emptied and React lets go of it', async () => {
    const { part } = await host({ title: '' });
    await waitFor(() => expect(part.domElement.querySelector('section')).toBeTruthy(), { timeout: 10000 });
    const unmount = jest.spyOn(ReactDom, 'unmountComponentAtNode');
    part.onDispose();
    expect(unmount).toHaveBeenCalledWith(part.domElement);
    expect(part.domElement.innerHTML).toBe('');
    unmount.mockRestore();
  });
});
