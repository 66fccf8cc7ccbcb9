// Builds the workbench from the sources and starts the simulated tenant on a free port for the e2e tests.
import * as path from 'path';
import { pathToFileURL } from 'url';
import chromium from '@sparticuz/chromium';
import { buildWorkbench, outDir, root } from '../workbench/build.mjs';

export default async function globalSetup() {
  await buildWorkbench({ quiet: true });
  const { parseArgs, startTenant } = await import(pathToFileURL(path.join(outDir, 'tenant.mjs')).href);
  // SharePoint's throttling window runs 10 s here instead of a minute, so a throttled check finishes in seconds.
  const options = parseArgs(['--port', '0', '--sync-delay', '400', '--sp-window-seconds', '10'], {
    photosDir: path.join(root, 'test', 'fixtures', 'photos'),
    pageDir: path.join(outDir, 'page')
  });
  const { server, url } = await startTenant(options);
  globalThis.__PPS_TENANT__ = server;
  process.env.PPS_WORKBENCH_URL = url;
  // The browser ships inside the @sparticuz/chromium package (ESM-only, so resolved here, not in the tests).
  process.env.PPS_CHROMIUM_PATH = await chromium.executablePath();
  process.env.PPS_CHROMIUM_ARGS = JSON.stringify(chromium.args);
}
