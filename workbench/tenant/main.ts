/**
 * Starts the simulated tenant and the workbench page on one localhost origin.
 *   (through workbench/start.mjs) [--port 4321] [--graph URL] [--sharepoint URL] [--sync-delay MS] [--latency MS]
 *   [--sp-window-seconds 60] (SharePoint's throttling window; the e2e tests run a shorter one)
 * With --graph/--sharepoint the page talks to those tenant emulators instead of this one.
 */
import * as http from 'http';
import { createTenantServer, TEAM_GROUP_ID } from './server';

export interface IStartOptions {
  /** Folder of the fixture photographs. */
  photosDir: string;
  /** Folder of the built page. */
  pageDir: string;
  port: number;
  host: string;
  graphUrl?: string;
  sharePointUrl?: string;
  syncDelayMs: number;
  latencyMs: number;
  /** SharePoint's throttling window, in ms (a minute). */
  spWindowMs: number;
}

export function parseArgs(argv: string[], dirs: { photosDir: string; pageDir: string }): IStartOptions {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const number = (name: string, fallback: number): number => {
    const raw = value(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(n) || n < 0) {
      throw new Error(`--${name} takes a number, not ${raw}`);
    }
    return n;
  };
  return {
    ...dirs,
    port: number('port', 4321),
    host: value('host') || '127.0.0.1',
    graphUrl: value('graph'),
    sharePointUrl: value('sharepoint'),
    syncDelayMs: number('sync-delay', 3000),
    latencyMs: number('latency', 0),
    spWindowMs: number('sp-window-seconds', 60) * 1000
  };
}

/** Starts the server; resolves with it and its base URL once it listens. */
export function startTenant(options: IStartOptions): Promise<{ server: http.Server; url: string }> {
  const pageConfig: Record<string, string> = {};
  const server = createTenantServer({
    photosDir: options.photosDir,
    pageDir: options.pageDir,
    syncDelayMs: options.syncDelayMs,
    latencyMs: options.latencyMs,
    spWindowMs: options.spWindowMs,
    pageConfig
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      const url = `http://${options.host === '127.0.0.1' ? 'localhost' : options.host}:${port}`;
      pageConfig.graphUrl = options.graphUrl || url;
      pageConfig.sharePointUrl = options.sharePointUrl || url;
      pageConfig.groupId = TEAM_GROUP_ID;
      resolve({ server, url });
    });
  });
}

export { SCENARIOS } from './scenarios';
