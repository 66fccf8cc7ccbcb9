/**
 * @jest-environment node
 */
/**
 * `npm run package:audit`'s zip, and its check: the built zip passes; zips that would fail in Azure (no `main`, a
 * private key inside, node_modules, no timer registered) are refused.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';

const root = path.join(__dirname, '..');
/** A PEM key's fence, made here rather than written out (the repository holds no key, not even a fake one's shape). */
const PEM_FENCE = (word: string): string => ['-----', word, ' PRIVATE', ' KEY', '-----'].join('');
const built = path.join(root, 'release', 'audit', 'profile-photo-audit.zip');

function verify(zipFile: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'verify-audit-package.js'), zipFile], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

async function variant(change: (zip: JSZip) => Promise<void> | void): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(built));
  await change(zip);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pps-zip-')), 'variant.zip');
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  return file;
}

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'audit', 'package.mjs')], { cwd: root, stdio: 'pipe' });
}, 120000);

test('the built zip: host.json, package.json with main, one bundled script registering the timer and the HTTP function', () => {
  const r = verify(built);
  expect(r.output).toMatch(/profilePhotoAudit \(timerTrigger\), profilePhotoAuditRun \(httpTrigger, http\): ok/);
  expect(r.status).toBe(0);
});

test.each([
  ['no main', (zip: JSZip) => void zip.file('package.json', JSON.stringify({ name: 'x' })), /main/],
  ['a private key', (zip: JSZip) => void zip.file('cert.pem', `${PEM_FENCE('BEGIN')}\nMIIE\n${PEM_FENCE('END')}\n`), /secret/],
  ['node_modules', (zip: JSZip) => void zip.file('node_modules/x/index.js', 'module.exports = 1;'), /node_modules|one bundled script/],
  ['no functions registered', (zip: JSZip) => void zip.file('dist/main.js', 'module.exports = {};'), /no timer function/]
])('a zip with %s is refused', async (_name, change, why) => {
  const r = verify(await variant(change));
  expect(r.status).toBe(1);
  expect(r.output).toMatch(why);
});
