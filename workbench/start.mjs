/**
 * `npm start`: builds the workbench from the sources and serves it with the simulated tenant.
 *   npm start -- [--port 4321] [--graph URL] [--sharepoint URL] [--sync-delay MS] [--latency MS]
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { buildWorkbench, outDir, root } from './build.mjs';

const args = process.argv.slice(2);
await buildWorkbench();
const { parseArgs, startTenant } = await import(pathToFileURL(path.join(outDir, 'tenant.mjs')).href);
const options = parseArgs(args, { photosDir: path.join(root, 'test', 'fixtures', 'photos'), pageDir: path.join(outDir, 'page') });
const { url } = await startTenant(options);
console.log(`Profile Photo Sync workbench: ${url}/`);
console.log(`  Microsoft Graph: ${options.graphUrl || `${url}/v1.0 (simulated)`}`);
console.log(`  SharePoint:      ${options.sharePointUrl || `${url} (simulated)`}`);
console.log(`  Scenarios: ${url}/?scenario=out-of-sync (pick others on the page). Ctrl+C stops.`);
