/**
 * Builds the tenant audit with esbuild from the sources it shares with the web parts (src/comparison, src/shared,
 * src/services): one script for Node 20, everything bundled (the Functions zip carries no node_modules). The SPFx
 * strings module resolves to the English strings (the list's Reason column is written in English).
 */
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const outDir = path.join(root, 'temp', 'audit');

const englishStrings = {
  name: 'pps-english-strings',
  setup(build) {
    build.onResolve({ filter: /^ProfilePhotoSyncWebPartStrings$/ }, () => ({ path: 'en-us', namespace: 'pps-strings' }));
    build.onLoad({ filter: /.*/, namespace: 'pps-strings' }, () => {
      const file = path.join(root, 'src', 'shared', 'loc', 'en-us.js');
      return { contents: `let strings; const define = (deps, factory) => { strings = factory(); };\n${fs.readFileSync(file, 'utf8')}\nmodule.exports = strings;`, loader: 'js', watchFiles: [file] };
    });
  }
};

/** Bundles `entry` (relative to the repository) into `outfile` (CommonJS: what the Functions host loads). */
export async function buildAudit(entry, outfile, { minify = false } = {}) {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify,
    sourcemap: minify ? false : 'inline',
    plugins: [englishStrings],
    // Optional native and telemetry add-ons of dependencies, never loaded by the audit.
    external: ['@azure/functions-core'],
    logLevel: 'error'
  });
  return outfile;
}
