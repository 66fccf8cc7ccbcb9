/**
 * `npm run package:audit`: the tenant audit as a deployable Azure Functions (Node.js, v4 model) zip:
 *   host.json, package.json (its `main` the bundle, no dependencies to install), dist/main.js (one bundled script).
 * Leaves release/audit/profile-photo-audit.zip, then checks it (scripts/verify-audit-package.js).
 */
import * as fs from 'fs';
import * as path from 'path';
import { createRequire } from 'module';
import { buildAudit, root } from './build.mjs';

const require = createRequire(import.meta.url);
const JSZip = require('jszip');
const out = path.join(root, 'release', 'audit');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const bundle = await buildAudit('audit/functions/main.ts', path.join(out, 'dist', 'main.js'), { minify: true });
const own = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const host = {
  version: '2.0',
  // Consumption plans allow 10 minutes; the audit stops at a checkpoint before (AUDIT_MAX_MINUTES, default 9).
  functionTimeout: '00:10:00',
  logging: { logLevel: { default: 'Information' } }
};
const manifest = {
  name: 'profile-photo-audit',
  version: own.version,
  description: 'Profile Photo Sync: the scheduled, app-only audit of every profile photo in the tenant.',
  main: 'dist/main.js',
  engines: { node: '>=20' },
  private: true
};
const zip = new JSZip();
zip.file('host.json', JSON.stringify(host, null, 2));
zip.file('package.json', JSON.stringify(manifest, null, 2));
zip.file('dist/main.js', fs.readFileSync(bundle));
const file = path.join(out, 'profile-photo-audit.zip');
fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
console.log(`${path.relative(root, file)}: ${fs.statSync(file).size} bytes`);
