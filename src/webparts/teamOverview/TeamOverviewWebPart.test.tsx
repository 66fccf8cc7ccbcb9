/**
 * @jest-environment ./test/spfx/jsdomWithFetch.js
 */
import { waitFor } from '@testing-library/react';
import TeamOverviewWebPart, { ITeamOverviewWebPartProps } from './TeamOverviewWebPart';
import { ITeamOverviewProps } from './components/TeamOverview';
import { teamsTheme } from '../../shared/teamsThemes';
import { IHostedWebPart } from '../../../test/spfx/sp-webpart-base';
import { hostWebPart, lastRenderedProps } from '../../../test/spfx/hostWebPart';
import { FakeGraphClient } from '../../../test/fakes/FakeGraphClient';

/** The team overview's class as SharePoint's page drives it (test/spfx), over a fake SPFx context. */
const SITE = 'https://contoso.sharepoint.com/sites/hr';
const GROUP = '11111111-2222-4333-8444-555555555555';
const SELECT = '$select=id,displayName,mail,userPrincipalName,userType&$top=999';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const ReactDom = require('react-dom') as typeof import('react-dom');

interface IPosted {
  path: string;
  body: unknown;
}

function fakeContext(options: { teams?: string } = {}): { context: unknown; graph: FakeGraphClient & { posted: IPosted[] }; getClient: jest.Mock; teamsHandler: () => ((n: string) => void) | undefined } {
  const base = new FakeGraphClient({
    [`/groups/${GROUP}/members/microsoft.graph.user?${SELECT}`]: { json: { value: [{ id: 'u1', displayName: 'Adele Vance', mail: 'adele@contoso.com', userPrincipalName: 'adele@contoso.com', userType: 'Member' }] } },
    [`/groups/${GROUP}/owners/microsoft.graph.user?${SELECT}`]: { json: { value: [] } }
  });
  const posted: IPosted[] = [];
  // The Graph client's post, for $batch: Adele has no photo in Exchange.
  const graph = Object.assign(base, {
    posted,
    api(path: string) {
      const request = FakeGraphClient.prototype.api.call(base, path) as ReturnType<FakeGraphClient['api']> & { post?: (b: unknown) => Promise<unknown> };
      request.post = async (body: unknown) => {
        posted.push({ path, body });
        const requests = (body as { requests: Array<{ id: string }> }).requests;
        return { responses: requests.map((r) => ({ id: r.id, status: 404, body: { error: { code: 'ImageNotFound' } } })) };
      };
      return request;
    }
  });
  (window as unknown as { fetch: typeof fetch }).fetch = async (input: RequestInfo | URL) => {
    const url = String(input);
    if (/\$batch/.test(url)) {
      const boundary = 'batchresponse_x';
      const props = { AccountName: 'i:0#.f|membership|adele@contoso.com', UserProfileProperties: [{ Key: 'SPS-PicturePlaceholderState', Value: '1' }] };
      const body = [`--${boundary}`, 'Content-Type: application/http', '', 'HTTP/1.1 200 OK', 'CONTENT-TYPE: application/json', '', JSON.stringify(props), `--${boundary}--`, ''].join('\n');
      return new Response(body, { status: 200, headers: { 'Content-Type': `multipart/mixed; boundary=${boundary}` } });
    }
    return new Response('{}', { status: 404 });
  };
  let handler: ((n: string) => void) | undefined;
  const getClient = jest.fn(async () => graph);
  const context = {
    msGraphClientFactory: { getClient },
    pageContext: {
      web: { absoluteUrl: SITE, id: 'web-1' },
      site: { group: { id: GROUP } },
      user: { loginName: 'owner@contoso.com' },
      cultureInfo: { currentUICultureName: 'de-DE' },
      // SharePoint's page carries a request digest, which PnPjs sends with the $batch POST
      legacyPageContext: { formDigestValue: `0x${'AB'.repeat(32)},${new Date().toUTCString()}`, formDigestTimeoutSeconds: 1800 }
    },
    sdks: {
      microsoftTeams: options.teams
        ? { teamsJs: { app: { getContext: async () => ({ app: { theme: options.teams } }), registerOnThemeChangeHandler: (h: (n: string) => void) => (handler = h) } } }
        : undefined
    }
  };
  return { context, graph, getClient, teamsHandler: () => handler };
}

async function host(properties: ITeamOverviewWebPartProps, options: { teams?: string } = {}): Promise<{ part: IHostedWebPart<ITeamOverviewWebPartProps>; fake: ReturnType<typeof fakeContext> }> {
  const fake = fakeContext(options);
  const part = await hostWebPart(new TeamOverviewWebPart(), fake.context, properties);
  return { part, fake };
}

let rendered: jest.SpyInstance;
beforeEach(() => {
  rendered = jest.spyOn(ReactDom, 'render');
});
afterEach(() => {
  rendered.mockRestore();
  document.body.innerHTML = '';
});

function lastProps(): ITeamOverviewProps {
  return lastRenderedProps<ITeamOverviewProps>(rendered);
}

describe('TeamOverviewWebPart', () => {
  test("onInit: Graph client v3; the site's group members through Graph, photos through $batch, profiles through SharePoint's $batch", async () => {
    const { part, fake } = await host({ title: '' });
    expect(fake.getClient).toHaveBeenCalledWith('3');
    await waitFor(() => expect(part.domElement.querySelector('[data-team-status="done"]')).toBeTruthy(), { timeout: 10000 });
    expect(fake.graph.requests.map((r) => r.path)).toContain(`/groups/${GROUP}/members/microsoft.graph.user?${SELECT}`);
    expect(fake.graph.posted.map((p) => p.path)).toEqual(['/$batch']);
    expect(part.domElement.querySelector('[data-verdict]')!.getAttribute('data-verdict')).toBe('no-exchange-photo');
  });

  test('render: title, language, and the link in messages (the site home unless an https page is set)', async () => {
    const { part } = await host({ title: 'Fotos im Team' });
    expect(lastProps()).toMatchObject({ title: 'Fotos im Team', locale: 'de-DE', personalPageUrl: `${SITE}/` });
    part.properties.personalPageUrl = 'https://contoso.sharepoint.com/sites/intranet/SitePages/Photo.aspx';
    part.render();
    expect(lastProps().personalPageUrl).toBe('https://contoso.sharepoint.com/sites/intranet/SitePages/Photo.aspx');
    part.properties.personalPageUrl = 'javascript:alert(1)';
    part.render();
    expect(lastProps().personalPageUrl).toBe(`${SITE}/`);
  });

  test('one service per scope and cap: re-rendering keeps the check, changing a setting starts a new one', async () => {
    const { part } = await host({ title: '' });
    const first = lastProps().service;
    part.render();
    expect(lastProps().service).toBe(first);
    part.properties.cap = '250';
    part.render();
    const second = lastProps().service;
    expect(second).not.toBe(first);
    part.properties.scope = 'owners-and-members';
    part.render();
    expect(lastProps().service).not.toBe(second);
  });

  test("Teams: Teams' theme, and its changes", async () => {
    const { fake } = await host({ title: '' }, { teams: 'dark' });
    expect(lastProps().theme).toEqual(teamsTheme('dark'));
    fake.teamsHandler()!('contrast');
    expect(lastProps().theme).toEqual(teamsTheme('contrast'));
  });

  test("the tenant audit's list: a valid https site makes a new service that reads it; anything else leaves the overview to check everyone", async () => {
    const { part } = await host({ title: '' });
    const first = lastProps().service;
    expect(first.audit).toBeUndefined();
    part.properties.auditSiteUrl = 'http://intranet/sites/audit';
    part.render();
    expect(lastProps().service).toBe(first); // not https: ignored, as the pane says
    part.properties.auditSiteUrl = ' https://contoso.sharepoint.com/sites/it-audit ';
    part.render();
    expect(lastProps().service).not.toBe(first);
    expect(lastProps().service.audit).toBeDefined();
  });

  test('the property pane: title, who is checked, the cap (1 to 5,000), the link (https), the audit list\'s site (https); onDispose unmounts', async () => {
    const { part } = await host({ title: '' });
    const config = part.getPropertyPaneConfiguration() as { pages: Array<{ groups: Array<{ groupFields: Array<{ targetProperty: string; properties: { onGetErrorMessage?: (v: string) => string; options?: Array<{ key: string }> } }> }> }> };
    const fields = config.pages[0].groups[0].groupFields;
    expect(fields.map((f) => f.targetProperty)).toEqual(['title', 'scope', 'cap', 'personalPageUrl', 'auditSiteUrl']);
    expect(fields[1].properties.options!.map((o) => o.key)).toEqual(['members', 'owners-and-members']);
    const cap = fields[2].properties.onGetErrorMessage!;
    expect([cap(''), cap('500'), cap('5000'), cap('0'), cap('5001'), cap('many')].map((e) => !!e)).toEqual([false, false, false, true, true, true]);
    const link = fields[3].properties.onGetErrorMessage!;
    expect([link(''), link('https://contoso.sharepoint.com/x'), link('http://x'), link('javascript:x')].map((e) => !!e)).toEqual([false, false, true, true]);
    const audit = fields[4].properties.onGetErrorMessage!;
    expect([audit(''), audit('https://contoso.sharepoint.com/sites/it'), audit('http://x'), audit('sites/it')].map((e) => !!e)).toEqual([false, false, true, true]);
    const unmount = jest.spyOn(ReactDom, 'unmountComponentAtNode');
    part.onDispose();
    expect(unmount).toHaveBeenCalledWith(part.domElement);
    unmount.mockRestore();
  });
});
