/**
 * Builds the local workbench with esbuild, straight from the sources that ship:
 * - the page (workbench/page + src/) into temp/workbench/page, the comparison as its own lazy chunk;
 * - the simulated tenant (workbench/tenant) into temp/workbench/tenant.mjs.
 * The SPFx strings module is resolved to the real AMD files in src/.../loc, the language picked by ?locale=.
 */
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const outDir = path.join(root, 'temp', 'workbench');
const locDir = path.join(root, 'src', 'shared', 'loc');

function localeIds() {
  return fs.readdirSync(locDir).filter((f) => /^[a-z]{2}-[a-z]{2}\.js$/.test(f)).map((f) => f.slice(0, -3)).sort((a, b) => (a === 'en-us' ? -1 : b === 'en-us' ? 1 : a.localeCompare(b)));
}

/** Resolves 'ProfilePhotoSyncWebPartStrings' and the workbench's locale list to the real strings files. */
const stringsPlugin = {
  name: 'pps-strings',
  setup(build) {
    build.onResolve({ filter: /^ProfilePhotoSyncWebPartStrings$/ }, () => ({ path: 'strings', namespace: 'pps-strings' }));
    build.onResolve({ filter: /^pps-workbench-locales$/ }, () => ({ path: 'locales', namespace: 'pps-strings' }));
    build.onResolve({ filter: /^pps-locale:/ }, (args) => ({ path: args.path.slice('pps-locale:'.length), namespace: 'pps-locale' }));
    build.onLoad({ filter: /.*/, namespace: 'pps-strings' }, (args) => {
      const ids = localeIds();
      if (args.path === 'locales') {
        return { contents: `export const LOCALE_IDS = ${JSON.stringify(ids)};`, loader: 'js' };
      }
      const imports = ids.map((id, i) => `import l${i} from 'pps-locale:${id}';`).join('\n');
      const table = ids.map((id, i) => `${JSON.stringify(id)}: l${i}`).join(', ');
      return {
        contents: `${imports}
const all = { ${table} };
const wanted = (new URLSearchParams(window.location.search).get('locale') || 'en-us').toLowerCase();
module.exports = all[wanted] || all['en-us'];`,
        loader: 'js',
        resolveDir: locDir
      };
    });
    build.onLoad({ filter: /.*/, namespace: 'pps-locale' }, (args) => {
      const file = path.join(locDir, `${args.path}.js`);
      return {
        contents: `let strings; const define = (deps, factory) => { strings = factory(); };\n${fs.readFileSync(file, 'utf8')}\nexport default strings;`,
        loader: 'js',
        watchFiles: [file]
      };
    });
  }
};

export async function buildWorkbench({ quiet = false } = {}) {
  const started = Date.now();
  fs.rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { index: 'workbench/page/index.tsx' },
    outdir: path.join(outDir, 'page'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome100', 'firefox100', 'safari15'],
    minify: !process.env.PPS_NO_MINIFY,
    sourcemap: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.png': 'dataurl' },
    // The card's base classes load only inside SharePoint; the dashboard hosts its views as test/spfx's stand-in does.
    // adaptivecards-templating's expressions: the package's browser build calls an assert it left empty, so its
    // Node build is bundled instead, with the little of Node's assert and util that its parser (antlr4ts) uses.
    alias: {
      'adaptive-expressions': './node_modules/adaptive-expressions/lib/index.js',
      '@microsoft/sp-adaptive-card-extension-base': './test/spfx/sp-adaptive-card-extension-base.ts',
      assert: './workbench/page/shims/assert.js',
      util: './workbench/page/shims/util.js',
      os: './workbench/page/shims/os.js'
    },
    plugins: [stringsPlugin],
    logLevel: 'warning'
  });
  fs.copyFileSync(path.join(root, 'workbench', 'page', 'index.html'), path.join(outDir, 'page', 'index.html'));
  for (const file of ['index.css']) {
    fs.copyFileSync(path.join(root, 'workbench', 'page', file), path.join(outDir, 'page', file));
  }
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['workbench/tenant/main.ts'],
    outfile: path.join(outDir, 'tenant.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning'
  });
  if (!quiet) {
    console.log(`workbench built in ${Date.now() - started} ms`);
  }
  return outDir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildWorkbench().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
