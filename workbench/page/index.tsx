/**
 * The local workbench page: the web part's real root component, with the real service classes, the real PnPjs
 * and the real Microsoft Graph client (the library MSGraphClientV3 wraps), pointed at the simulated tenant.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { spfi, DefaultHeaders, DefaultInit, RequestDigest } from '@pnp/sp';
import { BrowserFetchWithRetry, DefaultParse } from '@pnp/queryable';
import ProfilePhotoSync from '../../src/webparts/profilePhotoSync/components/ProfilePhotoSync';
import { createAppServices } from '../../src/shared/appServices';
import { detectBrowser } from '../../src/webparts/profilePhotoSync/browser/detectBrowser';
import { GraphPhotoService } from '../../src/services/GraphPhotoService';
import { PnPProfileService } from '../../src/services/PnPProfileService';
import { PhotoCopier } from '../../src/services/PhotoCopier';
import { IPhotoSyncChecker, PhotoSyncChecker } from '../../src/services/PhotoSyncChecker';
import { VerdictCache } from '../../src/services/VerdictCache';
import { SCENARIOS, findScenario, TENANT_USER } from '../tenant/scenarios';
import { FixHistory } from '../../src/services/FixHistory';
import { sharedSharePointScheduler } from '../../src/services/sharePointScheduler';
import { PERSONAL_PRIORITY, scheduledFetch, ThroughScheduler } from '../../src/services/throughScheduler';
import { hoursParam, IPretendedPast, PretendedPastChecker } from './pretendTime';
import { createWorkbenchGraphClient } from './graphClient';
import { registerWorkbenchIcons } from './icons';
import { darkTheme, lightTheme } from './themes';
import { teamsTheme } from '../../src/shared/teamsThemes';
import { LOCALES } from './locales';
import { PreviewChecker } from '../../src/webparts/profilePhotoSync/PreviewChecker';
import { InSyncDisplay, PREVIEW_CHOICES, PreviewChoice } from '../../src/shared/settings';
import TeamOverview from '../../src/webparts/teamOverview/components/TeamOverview';
import { createTeamOverviewService, ITeamOverviewServices } from '../../src/webparts/teamOverview/teamServices';
import { indexedDbTeamStore } from '../../src/services/team/indexedDbTeamStore';
import { TeamScope } from '../../src/models/ITeam';
import { CardController } from '../../src/adaptiveCardExtensions/profilePhoto/cardController';
import { cachedStateOf, newestRemembered, rememberedByHost } from '../../src/adaptiveCardExtensions/profilePhoto/hostCache';
import { Dashboard } from './dashboard';

interface IWorkbenchConfig {
  graphUrl: string;
  sharePointUrl: string;
  /** The simulated site's Microsoft 365 group. */
  groupId?: string;
  /** The page's request digest, as SharePoint's page context carries it. */
  formDigestValue?: string;
}

/** How long a page's digest is good for (SharePoint's FormDigestTimeoutSeconds, less the margin SPFx keeps). */
const DIGEST_LIFETIME_MS = (1800 - 15) * 1000;

const params = new URLSearchParams(window.location.search);
/**
 * `?part=team`: the team overview instead of the personal part; `&scope=owners-and-members`, `&cap=N`; `&audit=1`
 * reads the tenant audit's list on the site (filled by `npm run audit -- --tenant <this workbench's address>`).
 * `?part=card`: the Viva Connections card as a dashboard shows it, and its quick view.
 */
const part = params.get('part') === 'team' ? 'team' : params.get('part') === 'card' ? 'card' : 'personal';
const teamScope: TeamScope = params.get('scope') === 'owners-and-members' ? 'owners-and-members' : 'members';
const teamCap = parseInt(params.get('cap') || '', 10) || 500;
const teamReadsAudit = params.get('audit') === '1';
const scenario = findScenario(params.get('scenario'));
const locale = LOCALES.some((l) => l.id === params.get('locale')) ? params.get('locale')! : 'en-us';
const THEMES = ['light', 'dark', 'teams-default', 'teams-dark', 'teams-contrast'];
const themeName = THEMES.indexOf(params.get('theme') || '') >= 0 ? params.get('theme')! : 'light';
/** The teams-* themes show the part as hosted in Teams, with Teams' own theme. */
const inTeams = themeName.startsWith('teams-');
const isEditMode = params.get('mode') === 'edit';
const allowCopy = params.get('copy') !== 'off';
/** `&instances=N`: N parts on one page (1 to 3), as a page with two web parts has. */
const instances = Math.min(3, Math.max(1, parseInt(params.get('instances') || '1', 10) || 1));
const inSyncDisplay: InSyncDisplay = params.get('insync') === 'line' ? 'line' : params.get('insync') === 'hidden' ? 'hidden' : 'card';
const helpUrl = params.get('help') || undefined;
/** The site owner's IT contact (`&it=it-support@contoso.com` or an https link). */
const itContact = params.get('it') || undefined;
/** Pretend this person did the steps, or copied the photo, that many hours ago. */
const pretendedPast: IPretendedPast = { stepsDoneHoursAgo: hoursParam(params.get('stepsDoneHoursAgo')), copiedHoursAgo: hoursParam(params.get('copiedHoursAgo')) };
const previewChoice = (PREVIEW_CHOICES as ReadonlyArray<string>).indexOf(params.get('preview') || '') > 0 ? (params.get('preview') as Exclude<PreviewChoice, 'live'>) : undefined;
/** `?recheck=fast` shortens the background re-check for the end-to-end tests; the web part's own default otherwise. */
const recheckDelaysMs = params.get('recheck') === 'fast' ? [300, 600, 1200] : undefined;
const theme = inTeams ? teamsTheme(themeName.slice('teams-'.length))! : themeName === 'dark' ? darkTheme : lightTheme;

function go(change: Record<string, string>): void {
  const next = new URLSearchParams(window.location.search);
  Object.keys(change).forEach((k) => next.set(k, change[k]));
  window.location.search = next.toString();
}

interface IServices {
  app: ReturnType<typeof createAppServices>;
  checker: IPhotoSyncChecker & { prefetch(): void };
  history: FixHistory;
  copier: PhotoCopier;
  team: ITeamOverviewServices;
  siteUrl: string;
  /** The card's behaviour, wired as the ACE class wires it. */
  card: CardController;
}

/** Wires the services as the web part's onInit does: the same classes, pointed at the tenant. */
function createServices(config: IWorkbenchConfig): IServices {
  const app = createAppServices();
  const graph = createWorkbenchGraphClient(config.graphUrl);
  // As PnPjs's SPFx behaviour does: the page's own digest for this site, /_api/contextinfo only once it expired.
  const digestExpires = new Date(Date.now() + DIGEST_LIFETIME_MS);
  const pageDigest = (url: string): { value: string; expiration: Date } | null =>
    config.formDigestValue && url.toLowerCase().startsWith(config.sharePointUrl.toLowerCase()) ? { value: config.formDigestValue, expiration: digestExpires } : null;
  const base = spfi(config.sharePointUrl).using(DefaultHeaders(), DefaultInit(), BrowserFetchWithRetry(), DefaultParse(), RequestDigest(pageDigest));
  // As both web parts do: one SharePoint budget for the page, the personal part's requests first.
  const scheduler = sharedSharePointScheduler((input, init) => window.fetch(input, init));
  const sp = spfi(base).using(ThroughScheduler(scheduler, PERSONAL_PRIORITY));
  const exchange = new GraphPhotoService(graph, undefined, app.downscaler);
  const sharePoint = new PnPProfileService(sp, config.sharePointUrl, scheduledFetch(scheduler, PERSONAL_PRIORITY));
  const cache = new VerdictCache(app.store, `profile-photo-sync:verdict:${TENANT_USER.accountName}`);
  // As the web part does, with the login name SPFx's page context gives (the user principal name).
  const real = new PhotoSyncChecker(exchange, sharePoint, app.compare, { cache, preloadComparison: app.preloadComparison, accountHint: TENANT_USER.userPrincipalName });
  const history = new FixHistory(app.store, `profile-photo-sync:fix:${TENANT_USER.accountName}`);
  const pretended = pretendedPast.stepsDoneHoursAgo !== undefined || pretendedPast.copiedHoursAgo !== undefined;
  const checker = pretended ? Object.assign(new PretendedPastChecker(real, history, pretendedPast), { prefetch: () => real.prefetch() }) : real;
  const team = createTeamOverviewService({
    graph,
    sp: base,
    siteUrl: config.sharePointUrl,
    groupId: config.groupId,
    scope: teamScope,
    cap: teamCap,
    compare: app.compare,
    preloadComparison: app.preloadComparison,
    fetch: (input, init) => window.fetch(input, init),
    scheduler,
    store: indexedDbTeamStore(`profile-photo-sync:team:${config.groupId || 'site'}:${TENANT_USER.accountName}`),
    auditSiteUrl: teamReadsAudit ? config.sharePointUrl : undefined
  });
  const copier = new PhotoCopier(exchange, sharePoint);
  // The dashboard's own ACE cache, as SharePoint keeps it: what the card's getCachedState returns after each render,
  // handed back on the next load (its own storage key, so a test can clear the verdict cache alone).
  const hostCacheKey = `workbench:ace-cache:${TENANT_USER.accountName}`;
  const hostCached = (): unknown => {
    try {
      const text = window.localStorage.getItem(hostCacheKey);
      return text ? { state: JSON.parse(text) as unknown, cardNavigatorState: [] } : undefined;
    } catch {
      return undefined; // as an expired or emptied host cache
    }
  };
  const card = new CardController({ checker: Promise.resolve(checker), remembered: () => newestRemembered(rememberedByHost(hostCached()), cache.last()), copier: Promise.resolve(copier), history, allowCopy });
  card.initialState();
  card.subscribe((state) => window.localStorage.setItem(hostCacheKey, JSON.stringify(cachedStateOf(state))));
  return { app, checker, history, copier, team, siteUrl: config.sharePointUrl, card };
}

function Workbench(props: { services: IServices }): JSX.Element {
  const { app, copier } = props.services;
  // As the web part does: in edit mode the owner may preview a verdict instead of the real one.
  const checker = React.useMemo(
    () => (isEditMode && previewChoice ? new PreviewChecker(props.services.checker, previewChoice) : props.services.checker),
    [props.services]
  );
  const [signIn, setSignIn] = React.useState<string>('');

  const simulateSignIn = (): void => {
    setSignIn('Signing in…');
    fetch('/workbench/api/sign-in', { method: 'POST' })
      .then((r) => r.json() as Promise<{ delayMs: number }>)
      .then((r) =>
        setSignIn(
          r.delayMs > 0
            ? `Signed in. SharePoint copies the Exchange photo in ${Math.round(r.delayMs / 100) / 10} s; then select Check again.`
            : 'Signed in. SharePoint has copied the Exchange photo; select Check again.'
        )
      )
      .catch(() => setSignIn('The simulated sign-in failed.'));
  };

  const syncOlderPhoto = (): void => {
    fetch('/workbench/api/sync-older-photo', { method: 'POST' })
      .then((r) => r.json() as Promise<{ reverted: boolean; reason?: string }>)
      .then((r) => setSignIn(r.reverted ? 'SharePoint has synced the older photo back over the copy; select Check again.' : `Nothing to revert: ${r.reason}.`))
      .catch(() => setSignIn('The simulation failed.'));
  };

  return (
    <div className={`wb wb-${theme.isInverted ? 'dark' : 'light'}`} style={{ background: theme.semanticColors.bodyBackground, color: theme.semanticColors.bodyText }}>
      <header className="wb-suitebar">
        <span className="wb-waffle" aria-hidden="true">⋮⋮⋮</span>
        <span className="wb-brand">Contoso</span>
        <span className="wb-site">Intranet</span>
        <span className="wb-user">{TENANT_USER.displayName}</span>
      </header>
      <aside className="wb-panel" aria-label="Local workbench controls">
        <p className="wb-panel-title">Local workbench · simulated tenant</p>
        <label>
          Scenario
          <select value={scenario.name} onChange={(e) => go({ scenario: e.target.value })}>
            {SCENARIOS.map((s) => (
              <option key={s.name} value={s.name}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Part
          <select value={part} onChange={(e) => go({ part: e.target.value })}>
            <option value="personal">Profile Photo Sync (personal)</option>
            <option value="team">Team overview (site owners)</option>
            <option value="card">Viva Connections card (dashboard)</option>
          </select>
        </label>
        <label>
          Language
          <select value={locale} onChange={(e) => go({ locale: e.target.value })}>
            {LOCALES.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Theme
          <select value={themeName} onChange={(e) => go({ theme: e.target.value })}>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
            <option value="teams-default">Teams (light)</option>
            <option value="teams-dark">Teams (dark)</option>
            <option value="teams-contrast">Teams (high contrast)</option>
          </select>
        </label>
        <label>
          Copy offered
          <select value={allowCopy ? 'on' : 'off'} onChange={(e) => go({ copy: e.target.value })}>
            <option value="on">Yes</option>
            <option value="off">No (guided steps only)</option>
          </select>
        </label>
        <label>
          When in sync
          <select value={inSyncDisplay} onChange={(e) => go({ insync: e.target.value })}>
            <option value="card">The full card</option>
            <option value="line">One line</option>
            <option value="hidden">Nothing</option>
          </select>
        </label>
        {isEditMode && (
          <label>
            Preview (edit mode)
            <select value={previewChoice || 'live'} onChange={(e) => go({ preview: e.target.value })}>
              {PREVIEW_CHOICES.map((choice) => (
                <option key={choice} value={choice}>
                  {choice}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Page mode
          <select value={isEditMode ? 'edit' : 'view'} onChange={(e) => go({ mode: e.target.value })}>
            <option value="view">Viewing (employee)</option>
            <option value="edit">Editing (site owner)</option>
          </select>
        </label>
        <button type="button" onClick={simulateSignIn}>
          Simulate the private-window sign-in
        </button>
        {scenario.copyReverts && (
          <button type="button" onClick={syncOlderPhoto}>
            Simulate SharePoint syncing the older photo back
          </button>
        )}
        <span className="wb-status" role="status">
          {signIn}
        </span>
      </aside>
      <main className="wb-canvas">
        <h1 className="wb-page-title">{part === 'team' ? 'Team site' : part === 'card' ? 'Dashboard' : 'Welcome to the intranet'}</h1>
        {part === 'card' && <Dashboard controller={props.services.card} dark={!!theme.isInverted} properties={{ title: '', allowCopy, showMeHowUrl: helpUrl }} siteUrl={`${props.services.siteUrl}/`} />}
        {part === 'team' && (
          <div className="wb-section wb-section-wide" data-testid="team">
            <TeamOverview title="" service={props.services.team} personalPageUrl={`${props.services.siteUrl}/`} locale={locale} copyText={app.copyText} theme={theme} />
          </div>
        )}
        {part === 'personal' && Array.from({ length: instances }, (_, i) => (
          <div className="wb-section" data-testid={i === 0 ? 'webpart' : `webpart-${i + 1}`} key={i}>
            <ProfilePhotoSync
              title=""
              checker={checker}
              copier={copier}
              allowCopy={allowCopy}
              inSyncDisplay={inSyncDisplay}
              helpUrl={helpUrl}
              itContact={itContact}
              history={props.services.history}
              recheckDelaysMs={recheckDelaysMs}
              browser={detectBrowser(navigator.userAgent, navigator.platform)}
              isTeams={inTeams}
              isEditMode={isEditMode}
              locale={locale}
              store={app.store}
              storageKey={`profile-photo-sync:steps:${TENANT_USER.accountName}`}
              copyText={app.copyText}
              theme={theme}
            />
          </div>
        ))}
      </main>
    </div>
  );
}

registerWorkbenchIcons();
document.documentElement.lang = locale;
fetch('/workbench/config.json')
  .then((r) => r.json() as Promise<IWorkbenchConfig>)
  .then((config) => {
    performance.mark('pps:mount'); // npm run bench measures from here to the verdict
    const services = createServices(config);
    if (part === 'personal') {
      // As the web part does: a remembered verdict is painted before any request; otherwise the check starts now.
      if (!(services.checker.remembered && services.checker.remembered())) {
        services.checker.prefetch();
      }
    } else if (part === 'team') {
      services.team.prefetch();
    } else if (!services.card.state.result) {
      // As the ACE does on a first visit: nothing to show yet, so the check starts before the first paint.
      services.card.confirm().catch(() => undefined);
    }
    ReactDom.render(<Workbench services={services} />, document.getElementById('root'));
  })
  .catch((e: unknown) => {
    document.getElementById('root')!.textContent = `The workbench could not start: ${String(e)}`;
  });
