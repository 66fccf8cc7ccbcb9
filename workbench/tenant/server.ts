/**
 * The simulated tenant: a small HTTP server on localhost answering the Microsoft Graph and SharePoint REST
 * requests the web part makes, in their real shapes, plus the workbench page and its controls.
 * Each browser gets its own session (a cookie), so tests in parallel do not disturb each other.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { IGraphFault, IScenario, findScenario, TENANT_USER, TenantPhoto } from './scenarios';
import { IThrottleStats, SharePointThrottle } from './throttle';
import { decodeRaw, encodeJpeg, placeholderJpeg, resize, thumbnail, widePhoto } from './imaging';
import { jpegFrameSize } from '../../src/comparison/decodeImage';
import { contentSecurityPolicy, newNonce, withNonce } from './contentSecurityPolicy';
import * as team from './team';
import { AppTokens, IAppToken, usersPage } from './appOnly';
import { answerListRequest, SiteLists } from './lists';

export interface ITenantOptions {
  /** Folder with the fixture photographs (`<name>.jpg`). */
  photosDir: string;
  /** Folder with the built workbench page (index.html and its assets); absent: tenant only. */
  pageDir?: string;
  /** How long after "simulate the private-window sign-in" SharePoint holds the new photo, in ms. */
  syncDelayMs: number;
  /** Latency added to every tenant request, in ms (the scenario's own latency adds to it). */
  latencyMs: number;
  /** Values the page reads from `/workbench/config.json` (tenant URLs). */
  pageConfig: Record<string, string>;
  /** SharePoint's throttling window in ms (default a minute: budgets are requests a minute). */
  spWindowMs?: number;
  /** SharePoint's budget for an application (requests a window); default DEFAULT_APP_BUDGET. */
  appBudget?: number;
}

/**
 * SharePoint's budget for one application in a tenant of up to 1,000 licences: 1,200 resource units a minute, and
 * SharePoint REST has no fixed cost (Microsoft says to plan on two), so 600 requests a minute.
 */
export const DEFAULT_APP_BUDGET = 600;

interface ISession {
  scenario: IScenario;
  /** When the simulated sign-in completes: from then on SharePoint holds the Exchange photo. */
  syncedAt?: number;
  /** Graph requests already answered with the scenario's fault. */
  faultsServed: number;
  /** SharePoint's picture timestamp (seconds since 0001-01-01), as SharePoint stores it. */
  pictureTimestamp: number;
  /** Request digests issued (by /_api/contextinfo, and with the page's configuration), which SetMyProfilePicture requires. */
  digests: Set<string>;
  /** A picture set through SetMyProfilePicture, and when. */
  uploaded?: { bytes: Uint8Array; key: string; at: number };
  /** How many people the simulated site has (`&people=N` on the page). */
  people: number;
  /** Team requests already answered 429 once (team-throttled). */
  throttled: Set<string>;
  /** SharePoint's per-user throttling (`&spBudget=N` on the page, or the scenario's budget); absent: none. */
  spThrottle?: SharePointThrottle;
}

/** A picture behind a time-limited token, and whose request it was (its hop counts against their budget). */
interface ITokenPicture {
  bytes: Uint8Array;
  expires: number;
  session?: ISession;
}

/** SharePoint's own requests (REST, pictures), which its throttling counts; not Graph's, nor the workbench's. */
function isSharePointRequest(pathname: string): boolean {
  return /^\/(_api|_layouts|_vti_bin)\//i.test(pathname);
}

/** A throttled SharePoint answer: 429, its headers, SharePoint's error shape. */
function sendThrottled(res: http.ServerResponse, headers: Record<string, string>): void {
  res.writeHead(429, { 'Content-Type': 'application/json;odata=verbose;charset=utf-8', ...headers });
  res.end(JSON.stringify({ error: { code: '-2147024860, Microsoft.SharePoint.SPRequestLimitExceededException', message: { lang: 'en-US', value: 'The request has been throttled.' } } }));
}

/** The simulated site's Microsoft 365 group. */
export const TEAM_GROUP_ID = '5f1b7e3a-2c4d-4e8f-9a0b-1c2d3e4f5a6b';

/** SetMyProfilePicture takes BMP, JPEG and PNG pictures of up to 5 million bytes. */
const UPLOAD_LIMIT_BYTES = 5000000;

/** Graph photo sizes, as `/me/photos` lists them. */
const GRAPH_SIZES = [48, 64, 96, 120, 240, 360, 432, 504, 648];
/** `userphoto.aspx` sizes. */
const SHAREPOINT_SIZES: Record<string, number> = { S: 48, M: 72, L: 300 };
const DOTNET_EPOCH_OFFSET_SECONDS = 62135596800;
const ONE_PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const LOGIN_PAGE = '<!DOCTYPE html><html lang="en"><head><title>Sign in to your account</title></head><body><form>Sign in</form></body></html>';
const BROKEN_IMAGE = Buffer.from('\xff\xd8\xff\xe0 this is not really a JPEG, the upload was cut short', 'latin1');

export function createTenantServer(options: ITenantOptions): http.Server {
  const sessions = new Map<string, ISession>();
  const photoCache = new Map<string, Uint8Array>();

  const photo = (name: TenantPhoto): Uint8Array => {
    let bytes = photoCache.get(name);
    if (!bytes) {
      bytes = new Uint8Array(fs.readFileSync(path.join(options.photosDir, `${name}.jpg`)));
      photoCache.set(name, bytes);
    }
    return bytes;
  };
  const derived = (key: string, make: () => Uint8Array): Uint8Array => {
    let bytes = photoCache.get(key);
    if (!bytes) {
      bytes = make();
      photoCache.set(key, bytes);
    }
    return bytes;
  };

  // Graph and SharePoint serve stored thumbnails; make ours before the first request, not during it.
  for (const name of ['messi5', 'squirrel_cls'] as TenantPhoto[]) {
    const original = photo(name);
    const largest = jpegSize(original);
    for (const size of GRAPH_SIZES.filter((s) => s <= largest)) {
      derived(`graph:${name}:${size}`, () => thumbnail(original, size, 90));
    }
    for (const size of Object.keys(SHAREPOINT_SIZES).map((k) => SHAREPOINT_SIZES[k])) {
      derived(`sp:${name}:${size}`, () => thumbnail(original, size, 75));
    }
  }
  derived('entra:messi5', () => entraPhoto(photo('messi5')));

  // The team roster's photos: made in the background after start, a photo at a time, so the first team request
  // does not wait seconds for them (and start-up does not either).
  const warmTeam = (names: string[]): void => {
    const name = names.shift();
    if (!name) {
      return;
    }
    // Decoded once for all its sizes (the same bytes thumbnail() makes).
    const raw = decodeRaw(photo(name as TenantPhoto));
    derived(`graph:${name}:96`, () => encodeJpeg(resize(raw, 96, 96), 90));
    for (const size of Object.keys(SHAREPOINT_SIZES).map((k) => SHAREPOINT_SIZES[k])) {
      derived(`sp:${name}:${size}`, () => encodeJpeg(resize(raw, size, size), 75));
    }
    setTimeout(() => warmTeam(names), 0);
  };
  setTimeout(() => warmTeam(team.TEAM_PHOTOS.slice()), 0);
  const rosters = new Map<number, team.ITeamPerson[]>();
  const rosterOf = (n: number): team.ITeamPerson[] => {
    let people = rosters.get(n);
    if (!people) {
      people = team.roster(n);
      rosters.set(n, people);
    }
    return people;
  };
  /** Pictures behind the time-limited tokens userphoto.aspx redirects with, by token. */
  const tokens = new Map<string, ITokenPicture>();
  const spWindowMs = options.spWindowMs || 60000;
  const lists = new SiteLists();

  // App-only callers (the tenant audit): tokens from the token endpoint, the directory they see, and their own
  // SharePoint budget, per application (set anew with the directory).
  const appTokens = new AppTokens();
  const appDirectory: { people: number; scenario: string | null; budget: number } = { people: team.DEFAULT_PEOPLE, scenario: null, budget: options.appBudget || DEFAULT_APP_BUDGET };
  const appSessions = new Map<string, ISession>();
  const appSession = (clientId: string): ISession => {
    let found = appSessions.get(clientId);
    if (!found) {
      found = { ...newSession(`app:${clientId}`, appDirectory.scenario, spWindowMs), people: appDirectory.people };
      found.spThrottle = new SharePointThrottle(appDirectory.budget, spWindowMs);
      appSessions.set(clientId, found);
    }
    return found;
  };
  /**
   * SharePoint throttles a person, not a page: one budget for everything sent with a browser's cookie (every tab of
   * it), kept when a tab opens the page again, and replaced only when a page asks for another budget.
   */
  const userThrottles = new Map<string, { key: string; throttle: SharePointThrottle }>();
  const throttleFor = (user: string, budget: number, windowMs: number, changes: IScenario['spBudgetChanges'] = []): SharePointThrottle => {
    const now = Date.now();
    const at = changes.map((c) => ({ at: now + c.afterSeconds * 1000, budget: c.budget }));
    const key = `${user}:${budget}:${windowMs}:${JSON.stringify(changes)}`;
    const existing = userThrottles.get(user);
    if (existing && existing.key === key) {
      return existing.throttle;
    }
    const throttle = new SharePointThrottle(budget, windowMs, at);
    userThrottles.set(user, { key, throttle });
    return throttle;
  };

  const newSession = (user: string, scenarioName: string | null, windowMs: number): ISession => {
    const scenario = findScenario(scenarioName);
    const camera = scenario.entraPhotoSize;
    if (scenario.entraPhoto && camera) {
      // A camera original takes seconds to encode: started as the page opens, before the part asks Graph for it.
      const name = scenario.entraPhoto;
      setTimeout(() => derived(entraKey(name, camera), () => cameraOriginal(photo(name), camera)), 0);
    }
    // Each stored picture has its own timestamp, as in SharePoint: a day in 2026 derived from what is stored.
    const day = parseInt(crypto.createHash('sha1').update(JSON.stringify(scenario.sharePoint)).digest('hex').slice(0, 4), 16) % 300;
    return {
      scenario,
      spThrottle: scenario.spBudget ? throttleFor(user, scenario.spBudget, windowMs, scenario.spBudgetChanges) : undefined,
      faultsServed: 0,
      people: team.DEFAULT_PEOPLE,
      throttled: new Set<string>(),
      digests: new Set<string>(),
      pictureTimestamp: Math.floor(Date.UTC(2026, 0, 1, 8, 14, 0) / 1000) + day * 86400 + DOTNET_EPOCH_OFFSET_SECONDS
    };
  };

  return http.createServer((req, res) => {
    const url = new URL(req.url || '/', 'http://localhost');
    if (req.method === 'POST' && /^\/[^/]+\/oauth2\/v2\.0\/token$/i.test(url.pathname)) {
      const endpoint = `http://${String(req.headers.host || 'localhost')}${url.pathname}`;
      return team.readBody(req, 100000, (body) => {
        const answer = appTokens.issue(new URLSearchParams(body || ''), endpoint);
        setTimeout(() => sendJson(res, answer.status, answer.body), options.latencyMs);
      });
    }
    if (url.pathname.toLowerCase() === '/workbench/api/app-directory') {
      return appDirectoryControl(req, res, appDirectory, appSessions);
    }
    const app = appTokens.find(req.headers.authorization);
    if (app) {
      return appRequest(req, res, url, app, appSession(app.clientId), { options, photo, derived, tokens, roster: rosterOf, lists });
    }
    if (url.pathname.toLowerCase() === AFD_CACHE_PATH.toLowerCase()) {
      // The cached picture: no session (another origin gets no cookie); only the token in the address counts.
      const owner = tokens.get(url.searchParams.get('_oat_') || '');
      const answer = owner && owner.session && owner.session.spThrottle ? owner.session.spThrottle.admit() : undefined;
      if (answer && !answer.ok) {
        const throttle = owner!.session!.spThrottle!;
        res.on('finish', () => throttle.delivered());
        setTimeout(() => sendThrottled(res, answer.headers), options.latencyMs);
        return;
      }
      return cachedPicture(req, res, url, tokens, options.latencyMs);
    }
    const cookies = parseCookies(req.headers.cookie);
    let id = cookies['pps-session'];
    let session = id ? sessions.get(id) : undefined;
    const isPage = req.method === 'GET' && url.pathname === '/';
    // `&spWindowSeconds=N` on the page: this person's throttling window, when a test needs SharePoint's real minute
    // on a tenant started with a shorter one.
    const windowSeconds = isPage ? parseInt(url.searchParams.get('spWindowSeconds') || '', 10) : NaN;
    const windowMs = windowSeconds > 0 ? windowSeconds * 1000 : spWindowMs;
    if (!session || !id || (isPage && url.searchParams.has('scenario'))) {
      id = id || crypto.randomBytes(12).toString('hex');
      session = newSession(id, url.searchParams.get('scenario'), windowMs);
      sessions.set(id, session);
    }
    res.setHeader('Set-Cookie', `pps-session=${id}; Path=/; SameSite=Lax; HttpOnly`);
    if (isPage && url.searchParams.has('people')) {
      session.people = team.teamSize(url.searchParams.get('people'));
    }
    const budget = isPage ? parseInt(url.searchParams.get('spBudget') || '', 10) : NaN;
    if (budget > 0) {
      session.spThrottle = throttleFor(id, budget, windowMs);
    }
    const current = session;
    if (url.pathname.toLowerCase() === '/workbench/throttle-stats.json') {
      const stats: IThrottleStats = current.spThrottle ? current.spThrottle.stats : { requests: 0, throttled: 0, refused: 0, sentWhileThrottled: 0, blocked: false };
      return sendJson(res, 200, stats);
    }
    if (current.spThrottle && isSharePointRequest(url.pathname)) {
      const answer = current.spThrottle.admit();
      Object.keys(answer.headers).forEach((h) => res.setHeader(h, answer.headers[h]));
      if (!answer.ok) {
        const throttle = current.spThrottle;
        res.on('finish', () => throttle.delivered());
        req.resume();
        setTimeout(() => sendThrottled(res, answer.headers), options.latencyMs + (current.scenario.latencyMs || 0));
        return;
      }
    }

    const route = (): void => {
      try {
        handle(req, res, url, current, { options, photo, derived, tokens, roster: rosterOf, lists });
      } catch (e) {
        sendJson(res, 500, { error: { code: 'WorkbenchError', message: e instanceof Error ? e.message : String(e) } });
      }
    };
    const isTenantRequest = /^\/(v1\.0|_api|_layouts|_vti_bin)\//i.test(url.pathname);
    const latency = isTenantRequest ? options.latencyMs + (current.scenario.latencyMs || 0) : 0;
    if (latency > 0) {
      setTimeout(route, latency);
    } else {
      route();
    }
  });
}

interface IContext {
  options: ITenantOptions;
  photo: (name: TenantPhoto) => Uint8Array;
  derived: (key: string, make: () => Uint8Array) => Uint8Array;
  tokens: Map<string, ITokenPicture>;
  roster: (n: number) => team.ITeamPerson[];
  /** The site's lists (the tenant audit's among them), shared by every session and app. */
  lists: SiteLists;
}

function handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL, session: ISession, ctx: IContext): void {
  const p = url.pathname;
  const lower = p.toLowerCase();
  if (lower.startsWith('/v1.0/')) {
    return graph(req, res, p.slice('/v1.0'.length), session, ctx);
  }
  if (lower === '/_api/sp.userprofiles.peoplemanager/getmyproperties' && req.method === 'GET') {
    return myProperties(req, res, session);
  }
  if (lower === '/_api/sp.userprofiles.peoplemanager/setmyprofilepicture' && req.method === 'POST') {
    return setMyProfilePicture(req, res, session);
  }
  if (lower === '/_api/$batch' && req.method === 'POST') {
    return sharePointBatch(req, res, session, ctx);
  }
  if (lower.startsWith('/_api/web/lists')) {
    return listRequest(req, res, url, ctx);
  }
  if (lower === '/workbench/team-expected.json') {
    return sendJson(res, 200, team.expected(ctx.roster(session.people), session.scenario.team === 'no-permission'));
  }
  if (lower === '/_api/contextinfo' && req.method === 'POST') {
    const digest = issueDigest(session);
    return sendJson(res, 200, {
      FormDigestTimeoutSeconds: 1800,
      FormDigestValue: digest,
      LibraryVersion: '16.0.25000.12005',
      SiteFullUrl: ctx.options.pageConfig.sharePointUrl,
      WebFullUrl: ctx.options.pageConfig.sharePointUrl
    });
  }
  if (lower === '/_layouts/15/userphoto.aspx' && req.method === 'GET') {
    return userPhoto(req, res, url, session, ctx);
  }
  if (lower === '/_layouts/15/accessdenied.aspx') {
    res.writeHead(403, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!DOCTYPE html><html><title>Access denied</title><body>Sorry, you don\'t have access.</body></html>');
    return;
  }
  if (lower === '/workbench/api/sign-in' && req.method === 'POST') {
    session.syncedAt = Date.now() + ctx.options.syncDelayMs;
    return sendJson(res, 200, { syncedAt: new Date(session.syncedAt).toISOString(), delayMs: ctx.options.syncDelayMs });
  }
  if (lower === '/workbench/api/sync-older-photo' && req.method === 'POST') {
    // copy-reverted: SharePoint syncs the older photo back over the copy, with a new picture time.
    if (!session.scenario.copyReverts || !session.uploaded) {
      return sendJson(res, 409, { reverted: false, reason: session.scenario.copyReverts ? 'nothing was copied' : 'not the copy-reverted scenario' });
    }
    session.uploaded = undefined;
    session.pictureTimestamp = Math.floor(Date.now() / 1000) + DOTNET_EPOCH_OFFSET_SECONDS;
    return sendJson(res, 200, { reverted: true });
  }
  if (lower === '/workbench/api/state' && req.method === 'GET') {
    return sendJson(res, 200, {
      scenario: session.scenario.name,
      syncedAt: session.syncedAt ? new Date(session.syncedAt).toISOString() : undefined,
      synced: isSynced(session)
    });
  }
  if (lower === '/workbench/config.json') {
    // As a SharePoint page carries a request digest in its page context (SPFx hands it to PnPjs), the workbench
    // page gets one with its configuration: no /_api/contextinfo round trip before the first POST.
    return sendJson(res, 200, { ...ctx.options.pageConfig, formDigestValue: issueDigest(session) });
  }
  if (ctx.options.pageDir && req.method === 'GET') {
    const file = p === '/' ? '/index.html' : p.replace(/^\/workbench\//, '/');
    return file === '/index.html' ? workbenchPage(res, ctx.options.pageDir) : staticFile(res, ctx.options.pageDir, file);
  }
  sendJson(res, 404, { error: { code: 'NotFound', message: `${req.method} ${p}` } });
}

// ---- App-only callers (the tenant audit) -----------------------------------------------------------------------

/**
 * `POST /workbench/api/app-directory` `{ people, scenario, budget }`: the directory app-only callers see from now on
 * (the roster the team overview sees for the same people and scenario) and SharePoint's budget for each app; every
 * app starts afresh. `GET` answers with the directory and each app's SharePoint throttling counters.
 */
function appDirectoryControl(req: http.IncomingMessage, res: http.ServerResponse, directory: { people: number; scenario: string | null; budget: number }, sessions: Map<string, ISession>): void {
  if (req.method === 'GET') {
    const apps: Record<string, IThrottleStats | undefined> = {};
    sessions.forEach((session, clientId) => (apps[clientId] = session.spThrottle ? session.spThrottle.stats : undefined));
    return sendJson(res, 200, { ...directory, apps });
  }
  team.readBody(req, 10000, (text) => {
    let body: { people?: unknown; scenario?: unknown; budget?: unknown };
    try {
      body = JSON.parse(text || '{}') as typeof body;
    } catch {
      return sendJson(res, 400, { error: 'the body must be JSON' });
    }
    // A tenant's directory, not a site: up to 100,000 people (a site's roster stops at 5,000).
    directory.people = Math.max(1, Math.min(100000, Math.floor(Number(body.people)) || team.DEFAULT_PEOPLE));
    directory.scenario = typeof body.scenario === 'string' && body.scenario ? body.scenario : null;
    if (typeof body.budget === 'number' && body.budget > 0) {
      directory.budget = Math.floor(body.budget);
    }
    sessions.clear();
    sendJson(res, 200, directory);
  });
}

/**
 * A request with an app-only token: Graph (`/users` paged, `$batch` of photos, groups) with a Graph token, SharePoint
 * (`$batch` of profiles, the my-site host's picture files) with a SharePoint token from a certificate, under the app's
 * own SharePoint budget.
 */
function appRequest(req: http.IncomingMessage, res: http.ServerResponse, url: URL, app: IAppToken, session: ISession, ctx: IContext): void {
  const p = url.pathname;
  const toSharePoint = isSharePointRequest(p);
  if (toSharePoint) {
    if (app.audience !== 'sharepoint') {
      return appDenied(res, 'Invalid audience Uri.');
    }
    if (app.credential !== 'certificate') {
      // SharePoint Online: app-only tokens from a client secret are refused; a certificate is required.
      return appDenied(res, 'Unsupported app only token.');
    }
    const answer = session.spThrottle!.admit();
    Object.keys(answer.headers).forEach((h) => res.setHeader(h, answer.headers[h]));
    if (!answer.ok) {
      const throttle = session.spThrottle!;
      res.on('finish', () => throttle.delivered());
      req.resume();
      setTimeout(() => sendThrottled(res, answer.headers), ctx.options.latencyMs);
      return;
    }
  } else if (/^\/v1\.0\//i.test(p)) {
    if (app.audience !== 'graph') {
      return graphError(res, { status: 401, code: 'InvalidAuthenticationToken', message: 'Access token validation failure. Invalid audience.' });
    }
  } else {
    return sendJson(res, 404, { error: { code: 'NotFound', message: `${req.method} ${p}` } });
  }
  setTimeout(() => {
    try {
      const lower = p.toLowerCase();
      if (lower === '/v1.0/users' && req.method === 'GET') {
        const base = `http://${String(req.headers.host || 'localhost')}`;
        const toUser = (person: team.ITeamPerson): Record<string, unknown> => ({
          id: person.id,
          displayName: person.displayName,
          mail: person.mail,
          userPrincipalName: person.userPrincipalName,
          userType: person.guest ? 'Guest' : 'Member',
          accountEnabled: true
        });
        return sendJson(res, 200, usersPage(ctx.roster(session.people), toUser, url, base));
      }
      if (lower === '/v1.0/me' || lower.startsWith('/v1.0/me/')) {
        return graphError(res, { status: 400, code: 'BadRequest', message: '/me request is only valid with delegated authentication flow.' });
      }
      if (lower.startsWith('/v1.0/')) {
        return graph(req, res, p.slice('/v1.0'.length), session, ctx);
      }
      if (lower === '/_api/$batch' && req.method === 'POST') {
        return sharePointBatch(req, res, session, ctx);
      }
      if (lower.startsWith('/_api/web/lists')) {
        return listRequest(req, res, url, ctx);
      }
      const file = /^\/_api\/web\/getfilebyserverrelativeurl\('([^']*)'\)\/\$value$/i.exec(decodeURIComponent(p));
      if (file && req.method === 'GET') {
        return pictureFile(res, file[1], session, ctx);
      }
      spError(res, 404, 'System.IO.FileNotFoundException', `${req.method} ${p}`);
    } catch (e) {
      sendJson(res, 500, { error: { code: 'WorkbenchError', message: e instanceof Error ? e.message : String(e) } });
    }
  }, ctx.options.latencyMs + (session.scenario.latencyMs || 0));
}

function appDenied(res: http.ServerResponse, reason: string): void {
  res.writeHead(401, { 'Content-Type': 'application/json;odata=nometadata;charset=utf-8', 'x-ms-diagnostics': `3000003;reason="${reason}";category="invalid_client"`, 'WWW-Authenticate': 'Bearer realm="contoso", client_id="00000003-0000-0ff1-ce00-000000000000"' });
  res.end(JSON.stringify({ 'odata.error': { code: '-2147024891, System.UnauthorizedAccessException', message: { lang: 'en-US', value: 'Access denied. You do not have permission to perform this action or access this resource.' } } }));
}

/**
 * A picture file of the my-site host (`/User Photos/Profile Pictures/<name>_MThumb.jpg`, the path of a profile's
 * PictureURL): the same stored bytes `userphoto.aspx` serves for size M.
 */
function pictureFile(res: http.ServerResponse, serverRelativeUrl: string, session: ISession, ctx: IContext): void {
  const m = /^\/User Photos\/Profile Pictures\/(\d+)_MThumb\.jpg$/i.exec(serverRelativeUrl);
  const person = m ? ctx.roster(session.people)[parseInt(m[1], 10)] : undefined;
  if (!person || !person.sharePoint) {
    return spError(res, 404, '-2130575338, Microsoft.SharePoint.SPException', `The file ${serverRelativeUrl} does not exist.`);
  }
  const picture = person.sharePoint as TenantPhoto;
  const size = SHAREPOINT_SIZES.M;
  sendBytes(res, ctx.derived(`sp:${picture}:${size}`, () => thumbnail(ctx.photo(picture), size, 75)), 'image/jpeg');
}

/** A request digest as SharePoint makes them (value, then when it was issued), valid for this session. */
function issueDigest(session: ISession): string {
  const digest = `0x${crypto.randomBytes(32).toString('hex').toUpperCase()},${new Date().toUTCString()}`;
  session.digests.add(digest);
  return digest;
}

function isSynced(session: ISession): boolean {
  return session.syncedAt !== undefined && Date.now() >= session.syncedAt && !!session.scenario.exchangePhoto && !session.scenario.signInNeverSyncs;
}

// ---- Microsoft Graph v1.0 -------------------------------------------------------------------------------

function graph(req: http.IncomingMessage, res: http.ServerResponse, p: string, session: ISession, ctx: IContext): void {
  if (!/^Bearer \S+/.test(String(req.headers.authorization || ''))) {
    return graphError(res, { status: 401, code: 'InvalidAuthenticationToken', message: 'Access token is empty.' });
  }
  if (p === '/$batch' && req.method === 'POST') {
    return graphBatch(req, res, session, ctx);
  }
  if (req.method !== 'GET') {
    return graphError(res, { status: 405, code: 'Request_BadRequest', message: 'Method not allowed.' });
  }
  const group = /^\/groups\/([^/]+)\/(members|owners)\/microsoft\.graph\.user$/.exec(p);
  if (group) {
    if (group[1] !== TEAM_GROUP_ID) {
      return graphError(res, { status: 404, code: 'Request_ResourceNotFound', message: `Resource '${group[1]}' does not exist.` });
    }
    const base = `http://${String(req.headers.host || 'localhost')}`;
    return sendJson(res, 200, team.membersPage(ctx.roster(session.people), group[2] as 'members' | 'owners', new URL(`${base}${req.url}`), base, TEAM_GROUP_ID));
  }
  if (p === '/me') {
    return sendJson(res, 200, {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity',
      id: TENANT_USER.id,
      displayName: TENANT_USER.displayName,
      mail: TENANT_USER.mail,
      userPrincipalName: TENANT_USER.userPrincipalName
    });
  }
  const entra = session.scenario.entraPhoto;
  if (entra) {
    // No mailbox, a photo in Entra ID: served whole, at its own size; everything Exchange-sized fails.
    const size = session.scenario.entraPhotoSize;
    const whole = ctx.derived(entraKey(entra, size), () => (size ? cameraOriginal(ctx.photo(entra), size) : entraPhoto(ctx.photo(entra))));
    if (p === '/me/photo/$value') {
      return sendBytes(res, whole, 'image/jpeg');
    }
    if (p === '/me/photo' && session.scenario.entraMetadata) {
      const frame = jpegFrameSize(whole)!;
      return sendJson(res, 200, {
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${TENANT_USER.id}')/photo/$entity`,
        '@odata.mediaContentType': 'image/jpeg',
        '@odata.mediaEtag': `W/"${crypto.createHash('sha256').update(whole).digest('base64').slice(0, 43)}="`,
        id: 'default',
        height: frame.height,
        width: frame.width
      });
    }
  }
  const fault = session.scenario.graphFault;
  if (fault && (fault.times === undefined || session.faultsServed < fault.times)) {
    session.faultsServed++;
    return graphError(res, fault);
  }
  const behaviour = session.scenario.graphBehaviour;
  if (behaviour === 'network-error') {
    req.socket.destroy();
    return;
  }
  if (behaviour === 'no-answer') {
    return; // the response is never written; the server closes it when it stops
  }
  if (behaviour === 'one-pixel-gif') {
    if (p === '/me/photo') {
      return sendJson(res, 200, { '@odata.mediaContentType': 'image/gif', '@odata.mediaEtag': 'W/"gif"', id: '1X1', width: 1, height: 1 });
    }
    return sendBytes(res, ONE_PIXEL_GIF, 'image/gif');
  }
  const name = session.scenario.exchangePhoto;
  const noPhoto = (): void => graphError(res, { status: 404, code: 'ImageNotFound', message: 'Exception of type \'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException\' was thrown.' });
  if (!name) {
    return noPhoto();
  }
  const original = ctx.photo(name);
  const largest = jpegSize(original);
  const etag = `W/"${crypto.createHash('sha256').update(original).digest('base64').slice(0, 43)}="`;
  const meta = (size: number, id: string): Record<string, unknown> => ({
    '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${TENANT_USER.id}')/photo/$entity`,
    '@odata.mediaContentType': 'image/jpeg',
    '@odata.mediaEtag': etag,
    id,
    height: size,
    width: size
  });
  if (p === '/me/photo') {
    return sendJson(res, 200, meta(largest, `${largest}X${largest}`));
  }
  if (p === '/me/photo/$value') {
    return sendBytes(res, original, 'image/jpeg', etag);
  }
  if (p === '/me/photos') {
    return sendJson(res, 200, {
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${TENANT_USER.id}')/photos`,
      value: GRAPH_SIZES.filter((s) => s <= largest).map((s) => meta(s, `${s}X${s}`))
    });
  }
  const sized = /^\/me\/photos\/(\d+)[xX](\d+)(\/\$value)?$/.exec(p);
  if (sized && sized[1] === sized[2]) {
    const size = parseInt(sized[1], 10);
    if (GRAPH_SIZES.indexOf(size) < 0 || size > largest) {
      return noPhoto();
    }
    if (!sized[3]) {
      return sendJson(res, 200, meta(size, `${size}X${size}`));
    }
    return sendBytes(res, ctx.derived(`graph:${name}:${size}`, () => thumbnail(original, size, 90)), 'image/jpeg', etag);
  }
  graphError(res, { status: 400, code: 'BadRequest', message: `Resource not found for the segment '${p}'.` });
}

function graphError(res: http.ServerResponse, fault: IGraphFault): void {
  const now = new Date();
  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== undefined) {
    headers['Retry-After'] = String(fault.retryAfterSeconds);
  }
  sendJson(
    res,
    fault.status,
    {
      error: {
        code: fault.code,
        message: fault.message,
        innerError: { date: now.toISOString().slice(0, 19), 'request-id': requestId(), 'client-request-id': requestId() }
      }
    },
    headers
  );
}

// ---- SharePoint ---------------------------------------------------------------------------------------------

/** What SharePoint holds for the user now: an uploaded picture, the Exchange photo once synced, or the scenario's. */
function sharePointState(session: ISession): IScenario['sharePoint'] | { kind: 'uploaded' } {
  if (session.uploaded) {
    return { kind: 'uploaded' };
  }
  return isSynced(session) ? { kind: 'photo', photo: session.scenario.exchangePhoto! } : session.scenario.sharePoint;
}

function spError(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { 'odata.error': { code, message: { lang: 'en-US', value: message } } });
}

/** `POST /_api/SP.UserProfiles.PeopleManager/SetMyProfilePicture`: the body is the picture. */
function setMyProfilePicture(req: http.IncomingMessage, res: http.ServerResponse, session: ISession): void {
  const digest = String(req.headers['x-requestdigest'] || '');
  if (!session.digests.has(digest)) {
    req.resume();
    return spError(res, 403, '-2130575251, Microsoft.SharePoint.SPException', 'The security validation for this page is invalid and might be corrupted. Please use your web browser\'s Back button to try your operation again.');
  }
  const mode = session.scenario.upload;
  if (mode === 'forbidden') {
    req.resume();
    return spError(res, 403, '-2147024891, System.UnauthorizedAccessException', 'Access denied. You do not have permission to perform this action or access this resource.');
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (mode === 'network-error') {
      req.socket.destroy(); // the picture arrived, the answer never does: the client cannot tell
      return;
    }
    const body = new Uint8Array(Buffer.concat(chunks));
    const limit = mode === 'too-large' ? 10000 : UPLOAD_LIMIT_BYTES;
    if (body.length > limit) {
      return spError(res, 413, '-2147024809, System.ArgumentException', `The picture is ${body.length} bytes; the largest allowed is ${limit}.`);
    }
    const isJpeg = body[0] === 0xff && body[1] === 0xd8;
    const isPng = body[0] === 0x89 && body[1] === 0x50 && body[2] === 0x4e && body[3] === 0x47;
    const isBmp = body[0] === 0x42 && body[1] === 0x4d;
    if (!isJpeg && !isPng && !isBmp) {
      return spError(res, 400, '-2147024809, System.ArgumentException', 'The picture must be a BMP, JPEG or PNG image.');
    }
    session.uploaded = { bytes: body, key: crypto.createHash('sha1').update(body).digest('hex'), at: Date.now() };
    sendJson(res, 200, { 'odata.null': true });
  });
}

function myProperties(req: http.IncomingMessage, res: http.ServerResponse, session: ISession): void {
  const profileFault = session.scenario.profile;
  if (profileFault && profileFault.kind === 'not-found') {
    return sendJson(res, 500, {
      'odata.error': {
        code: '-2146232832, Microsoft.Office.Server.UserProfiles.UserNotFoundException',
        message: { lang: 'en-US', value: 'User Profile Error 1000: User Not Found: Could not load profile data from the database.' }
      }
    });
  }
  const state = sharePointState(session);
  const synced = isSynced(session);
  const changedAt = session.uploaded ? session.uploaded.at : synced ? session.syncedAt! : undefined;
  const timestamp = changedAt !== undefined ? Math.floor(changedAt / 1000) + DOTNET_EPOCH_OFFSET_SECONDS : session.pictureTimestamp;
  const hasPicture = state.kind !== 'placeholder';
  const tenantPictureUrl = 'https://contoso-my.sharepoint.com/User%20Photos/Profile%20Pictures/meganb_contoso_onmicrosoft_com_MThumb.jpg';
  const pictureUrl = !hasPicture ? '' : profileFault && profileFault.kind === 'picture-url' ? profileFault.pictureUrl : tenantPictureUrl;
  const properties: Array<[string, string]> = [
    ['AccountName', TENANT_USER.accountName],
    ['FirstName', 'Megan'],
    ['LastName', 'Bowen'],
    ['PreferredName', TENANT_USER.displayName],
    ['WorkEmail', TENANT_USER.mail],
    ['PictureURL', pictureUrl],
    ['SPS-PictureTimestamp', hasPicture ? String(timestamp) : ''],
    ['SPS-PicturePlaceholderState', hasPicture ? '0' : '1'],
    // 1: SharePoint pulls the photo from Exchange (the normal state); 0: it does not.
    ['SPS-PictureExchangeSyncState', session.scenario.exchangeSyncOff ? '0' : '1'],
    ['UserName', TENANT_USER.userPrincipalName]
  ];
  const list = properties.map(([Key, Value]) => ({ Key, Value, ValueType: 'Edm.String' }));
  const body = {
    AccountName: TENANT_USER.accountName,
    DisplayName: TENANT_USER.displayName,
    Email: TENANT_USER.mail,
    PersonalUrl: 'https://contoso-my.sharepoint.com/personal/meganb_contoso_onmicrosoft_com/',
    PictureUrl: pictureUrl || null,
    Title: 'Marketing Manager',
    UserUrl: 'https://contoso-my.sharepoint.com:443/Person.aspx?accountname=i%3A0%23%2Ef%7Cmembership%7Cmeganb%40contoso%2Eonmicrosoft%2Ecom'
  };
  const verbose = /odata=verbose/.test(String(req.headers.accept || ''));
  if (verbose) {
    return sendJson(res, 200, {
      d: {
        __metadata: { type: 'SP.UserProfiles.PersonProperties' },
        ...body,
        UserProfileProperties: { results: list.map((p) => ({ __metadata: { type: 'SP.KeyValue' }, ...p })) }
      }
    });
  }
  sendJson(res, 200, { ...body, UserProfileProperties: list });
}

function userPhoto(req: http.IncomingMessage, res: http.ServerResponse, url: URL, session: ISession, ctx: IContext): void {
  const sizeLetter = (url.searchParams.get('size') || 'S').toUpperCase();
  const size = SHAREPOINT_SIZES[sizeLetter] || SHAREPOINT_SIZES.S;
  const account = (url.searchParams.get('accountname') || '').toLowerCase();
  const state = sharePointState(session);
  const known = account === TENANT_USER.accountName || account === TENANT_USER.mail.toLowerCase();
  if (state.kind === 'broken-image' && known) {
    return sendBytes(res, BROKEN_IMAGE, 'image/jpeg');
  }
  if (state.kind === 'login-page' && known) {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(LOGIN_PAGE);
    return;
  }
  if (state.kind === 'redirect-403' && known) {
    res.writeHead(302, { Location: '/_layouts/15/AccessDenied.aspx?Source=userphoto.aspx' });
    res.end();
    return;
  }
  let bytes: Uint8Array;
  const colleague = known ? undefined : team.findPerson(ctx.roster(session.people), account);
  if (colleague) {
    const picture = colleague.sharePoint;
    bytes = picture ? ctx.derived(`sp:${picture}:${size}`, () => thumbnail(ctx.photo(picture as TenantPhoto), size, 75)) : ctx.derived(`placeholder:${size}`, () => placeholderJpeg(size));
  } else if (!known || state.kind === 'placeholder') {
    bytes = ctx.derived(`placeholder:${size}`, () => placeholderJpeg(size));
  } else if (state.kind === 'uploaded') {
    const uploaded = session.uploaded!;
    bytes = ctx.derived(`up:${uploaded.key}:${size}`, () => thumbnail(uploaded.bytes, size, 75));
  } else {
    const name = (state as { photo: TenantPhoto }).photo;
    // SharePoint keeps resized, re-encoded copies; quality below Graph's, as the real thumbnails are.
    bytes = ctx.derived(`sp:${name}:${size}`, () => thumbnail(ctx.photo(name), size, 75));
  }
  // As SharePoint Online does: a redirect to the cached picture behind a time-limited token, on this host, or
  // (the scenario) on another origin that sends no CORS headers.
  const now = Date.now();
  ctx.tokens.forEach((t, key) => {
    if (t.expires < now) {
      ctx.tokens.delete(key);
    }
  });
  const token = crypto.randomBytes(18).toString('base64url');
  ctx.tokens.set(token, { bytes, expires: now + TOKEN_LIFETIME_MS, session });
  const origin = session.scenario.userPhotoRedirect === 'cross-origin' ? `http://${otherHost(String(req.headers.host || ''))}` : '';
  const query = new URLSearchParams({ _oat_: token, P1: String(Math.floor(now / 1000)), size: sizeLetter, accountName: account });
  res.writeHead(302, { Location: `${origin}${AFD_CACHE_PATH}?${query.toString()}`, 'Cache-Control': 'private, max-age=0' });
  res.end();
}

/** Where userphoto.aspx sends the browser: SharePoint Online's front-door cache of profile pictures. */
const AFD_CACHE_PATH = '/_vti_bin/afdcache.ashx/_userprofile/userphoto.jpg';
/** How long a picture token stays valid. */
const TOKEN_LIFETIME_MS = 60000;

/** The cached picture for a valid token; 403 for a missing or expired one, as SharePoint answers. */
function cachedPicture(req: http.IncomingMessage, res: http.ServerResponse, url: URL, tokens: Map<string, ITokenPicture>, latencyMs: number): void {
  setTimeout(() => {
    const found = tokens.get(url.searchParams.get('_oat_') || '');
    if (req.method !== 'GET' || !found || found.expires < Date.now()) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('403 FORBIDDEN');
      return;
    }
    sendBytes(res, found.bytes, 'image/jpeg');
  }, latencyMs);
}

/** The same server under its other local name: another origin for the browser (localhost and 127.0.0.1). */
function otherHost(host: string): string {
  const port = host.replace(/^.*?(:\d+)?$/, '$1');
  return /^localhost(:|$)/i.test(host) ? `127.0.0.1${port}` : `localhost${port}`;
}

function entraKey(name: TenantPhoto, size: { width: number; height: number } | undefined): string {
  return size ? `entra:${name}:${size.width}x${size.height}` : `entra:${name}`;
}

/** A camera original of `size` (landscape), its centre square the photo itself, at a camera's quality, under 4 MB. */
export function cameraOriginal(original: Uint8Array, size: { width: number; height: number }): Uint8Array {
  return widePhoto(original, size.height, Math.round((size.width - size.height) / 2), 85);
}

/** The Entra ID photo of the scenarios: 1200 x 900, its centre square the photo itself. */
function entraPhoto(original: Uint8Array): Uint8Array {
  return widePhoto(original, 900, 150);
}

// ---- The team overview's reads ----------------------------------------------------------------------------

/** Graph JSON batching: at most 20 requests, a `responses` array with id, status, headers and body (binary as base64). */
function graphBatch(req: http.IncomingMessage, res: http.ServerResponse, session: ISession, ctx: IContext): void {
  team.readBody(req, 1000000, (text) => {
    let requests: Array<{ id?: unknown; method?: unknown; url?: unknown }>;
    try {
      requests = (JSON.parse(text || '') as { requests: typeof requests }).requests;
    } catch {
      return graphError(res, { status: 400, code: 'BadRequest', message: 'Invalid batch payload format.' });
    }
    if (!Array.isArray(requests) || requests.length === 0 || requests.length > 20) {
      return graphError(res, { status: 400, code: 'BadRequest', message: 'The batch must hold between 1 and 20 requests.' });
    }
    const people = ctx.roster(session.people);
    const responses = requests.map((r) => ({ id: String(r.id), ...graphBatchItem(String(r.url || ''), String(r.id), people, session, ctx) }));
    sendJson(res, 200, { responses });
  });
}

function graphBatchItem(url: string, id: string, people: team.ITeamPerson[], session: ISession, ctx: IContext): { status: number; headers: Record<string, string>; body: unknown } {
  const json = { 'Content-Type': 'application/json' };
  const error = (status: number, code: string, message: string): { status: number; headers: Record<string, string>; body: unknown } => ({
    status,
    headers: json,
    body: { error: { code, message, innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': requestId() } } }
  });
  const m = /^\/users\/([^/]+)\/(photo|photo\/\$value|photos\/(\d+)x\3\/\$value)$/i.exec(url.split('?')[0]);
  const person = m ? team.findPerson(people, m[1]) : undefined;
  if (!m || !person) {
    return error(404, 'Request_ResourceNotFound', `Resource '${m ? m[1] : url}' does not exist.`);
  }
  if (session.scenario.team === 'no-permission') {
    return error(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  }
  const key = `${person.index}:${m[2]}`;
  if (session.scenario.team === 'throttled' && person.index % 3 === 1 && !session.throttled.has(key)) {
    session.throttled.add(key);
    return { status: 429, headers: { ...json, 'Retry-After': '1' }, body: { error: { code: 'TooManyRequests', message: 'Too many requests.' } } };
  }
  if (!person.exchange) {
    return person.intent === 'no-mailbox'
      ? error(404, 'MailboxNotHostedInExchangeOnline', 'Mailbox is hosted by an on-premise or non-Exchange server, which is not supported.')
      : error(404, 'ImageNotFound', "Exception of type 'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException' was thrown.");
  }
  const name = person.exchange as TenantPhoto;
  const original = ctx.photo(name);
  const largest = GRAPH_SIZES.filter((s) => s <= jpegSize(original)).pop() || jpegSize(original);
  const etag = photoEtag(original);
  if (m[2] === 'photo') {
    return { status: 200, headers: json, body: { '@odata.mediaContentType': 'image/jpeg', '@odata.mediaEtag': etag, id: `${largest}X${largest}`, width: largest, height: largest } };
  }
  const size = m[3] ? parseInt(m[3], 10) : undefined;
  if (size !== undefined && (GRAPH_SIZES.indexOf(size) < 0 || size > largest)) {
    return error(404, 'ImageNotFound', 'The photo size is not available.');
  }
  const bytes = size ? ctx.derived(`graph:${name}:${size}`, () => thumbnail(original, size, 90)) : original;
  return { status: 200, headers: { 'Content-Type': 'image/jpeg', ETag: etag }, body: Buffer.from(bytes).toString('base64') };
}

/**
 * SharePoint batching (`/_api/$batch`, multipart): `GetPropertiesFor` (the overview's and the audit's reads) and the
 * site's lists (the audit's writes come in changesets), each answered in order.
 */
function sharePointBatch(req: http.IncomingMessage, res: http.ServerResponse, session: ISession, ctx: IContext): void {
  team.readBody(req, 8000000, (text) => {
    const people = ctx.roster(session.people);
    const requests = team.parseBatchParts(text || '');
    if (requests.length > team.SHAREPOINT_BATCH_LIMIT) {
      // As SharePoint Online: a batch holds at most 100 requests.
      return spError(res, 400, 'Microsoft.SharePoint.Client.InvalidClientQueryException', `A batch may hold at most ${team.SHAREPOINT_BATCH_LIMIT} requests; this one holds ${requests.length}.`);
    }
    const parts = requests.map((r) => {
      let target: URL;
      try {
        target = new URL(r.url, 'http://localhost');
      } catch {
        return { status: 400, body: { 'odata.error': { code: 'BadRequest', message: { lang: 'en-US', value: `Not a URL: ${r.url}` } } } };
      }
      const listAnswer = answerListRequest(ctx.lists, r.method, target, r.headers, r.body);
      if (listAnswer) {
        return { status: listAnswer.status, body: listAnswer.body };
      }
      const account = r.method === 'GET' && /\/getpropertiesfor\(@v\)$/i.test(target.pathname) ? (target.searchParams.get('@v') || '').replace(/^'|'$/g, '') : '';
      const person = account ? team.findPerson(people, account) : undefined;
      return person ? team.propertiesFor(person) : { status: 404, body: { 'odata.error': { code: 'NotFound', message: { lang: 'en-US', value: `Not found: ${r.url}` } } } };
    });
    const answer = team.sharePointBatchResponse(parts);
    res.writeHead(200, { 'Content-Type': answer.contentType, 'Cache-Control': 'no-store' });
    res.end(answer.body);
  });
}

/** A list request outside a batch. */
function listRequest(req: http.IncomingMessage, res: http.ServerResponse, url: URL, ctx: IContext): void {
  // The next link of a page of items must name this server as the caller reached it.
  url = new URL(req.url || '/', `http://${String(req.headers.host || 'localhost')}`);
  team.readBody(req, 2000000, (text) => {
    const headers: Record<string, string> = {};
    Object.keys(req.headers).forEach((k) => (headers[k.toLowerCase()] = String(req.headers[k])));
    const answer = answerListRequest(ctx.lists, req.method || 'GET', url, headers, text || '');
    if (!answer) {
      return spError(res, 404, 'NotFound', url.pathname);
    }
    if (answer.body === undefined) {
      res.writeHead(answer.status);
      res.end();
      return;
    }
    sendJson(res, answer.status, answer.body);
  });
}

const etags = new WeakMap<Uint8Array, string>();
/** A photo's media ETag, as Graph's: it changes when the photo does (computed once per photo). */
function photoEtag(bytes: Uint8Array): string {
  let etag = etags.get(bytes);
  if (!etag) {
    etag = `W/"${crypto.createHash('sha256').update(bytes).digest('base64').slice(0, 43)}="`;
    etags.set(bytes, etag);
  }
  return etag;
}

/** A GUID-shaped request id, as Graph sends. */
function requestId(): string {
  const h = crypto.randomBytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// ---- plumbing -----------------------------------------------------------------------------------------------

/** The smaller side of a JPEG, from its frame header (the comparison's own reader). */
function jpegSize(bytes: Uint8Array): number {
  const frame = jpegFrameSize(bytes);
  return frame ? Math.min(frame.width, frame.height) : 0;
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header || '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) {
      out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
    }
  }
  return out;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; odata.metadata=minimal; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

function sendBytes(res: http.ServerResponse, bytes: Uint8Array, contentType: string, etag?: string): void {
  const headers: Record<string, string> = { 'Content-Type': contentType, 'Content-Length': String(bytes.length), 'Cache-Control': 'private, max-age=0' };
  if (etag) {
    headers.ETag = etag;
  }
  res.writeHead(200, headers);
  res.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json'
};

/** The workbench page under SharePoint Online's script policy, with a new nonce for its bootstrap each time. */
function workbenchPage(res: http.ServerResponse, root: string): void {
  const nonce = newNonce();
  const html = withNonce(fs.readFileSync(path.join(root, 'index.html'), 'utf8'), nonce);
  res.writeHead(200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store', 'Content-Security-Policy': contentSecurityPolicy(nonce) });
  res.end(html);
}

function staticFile(res: http.ServerResponse, root: string, requestPath: string): void {
  const resolved = path.resolve(root, `.${decodeURIComponent(requestPath)}`);
  if (!resolved.startsWith(path.resolve(root) + path.sep) || !fs.existsSync(resolved) || !fs.statSync(resolved).isFile()) {
    sendJson(res, 404, { error: { code: 'NotFound', message: requestPath } });
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(resolved)] || 'application/octet-stream', 'Cache-Control': 'no-cache' });
  fs.createReadStream(resolved).pipe(res);
}
