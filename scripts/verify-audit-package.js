#!/usr/bin/env node
/**
 * Opens the built Functions zip (release/audit/profile-photo-audit.zip, or the path given) and checks what the
 * Functions host will see: host.json (version 2.0, a function timeout), package.json whose `main` is the one bundled
 * script in the zip, no node_modules, nothing secret (no private key, no storage account key); then loads that script
 * as the host would, with a stand-in for the host's `@azure/functions-core`, and checks that it registers the timer
 * (with a schedule) and the HTTP function (function key). Exits 1 on any mismatch.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');
const JSZip = require('jszip');

/** Azurite's documented development account key (public). */
const EMULATOR_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const PACKAGE = process.argv[2] || path.join(__dirname, '..', 'release', 'audit', 'profile-photo-audit.zip');

async function main() {
  const failures = [];
  const zip = await JSZip.loadAsync(fs.readFileSync(PACKAGE));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const read = (name) => (zip.file(name) ? zip.file(name).async('string') : Promise.resolve(undefined));
  const host = JSON.parse((await read('host.json')) || 'null');
  if (!host || host.version !== '2.0' || !/^\d\d:\d\d:\d\d$/.test(String(host.functionTimeout))) {
    failures.push('host.json must say version 2.0 and a functionTimeout');
  }
  const manifest = JSON.parse((await read('package.json')) || 'null');
  const main = manifest && manifest.main;
  if (!main || !zip.file(main)) {
    failures.push(`package.json's main (${main}) must be a file in the zip`);
  }
  if (manifest && (manifest.dependencies && Object.keys(manifest.dependencies).length > 0)) {
    failures.push('package.json must need nothing installed: the script is bundled');
  }
  const scripts = names.filter((n) => /\.(c|m)?js$/.test(n));
  if (scripts.length !== 1 || scripts[0] !== main) {
    failures.push(`one bundled script expected, found: ${scripts.join(', ')}`);
  }
  if (names.some((n) => /(^|\/)node_modules\//.test(n))) {
    failures.push('node_modules must not be in the zip');
  }
  for (const name of names) {
    const text = await read(name);
    // The storage SDK carries the emulator's well-known, published development key (UseDevelopmentStorage=true):
    // not a secret. Any other account key is.
    const keys = Array.from(text.matchAll(/AccountKey=([A-Za-z0-9+/]{20,}=*)/g)).map((m) => m[1]).filter((k) => k !== EMULATOR_KEY);
    if (/-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.test(text) || keys.length > 0) {
      failures.push(`${name} holds a secret (a private key or a storage account key)`);
    }
  }
  const registered = main && zip.file(main) ? await registrations(await read(main)) : [];
  const timer = registered.find((r) => r.bindings.some((b) => b.type === 'timerTrigger' && b.schedule));
  const http = registered.find((r) => r.bindings.some((b) => b.type === 'httpTrigger' && b.authLevel === 'function'));
  if (!timer) {
    failures.push('no timer function with a schedule is registered');
  }
  if (!http) {
    failures.push('no HTTP function with authLevel function is registered');
  }
  if (failures.length > 0) {
    failures.forEach((f) => console.error(`verify-audit-package: ${f}`));
    process.exit(1);
  }
  console.log(
    `verify-audit-package: ${path.basename(PACKAGE)} (${fs.statSync(PACKAGE).size} bytes): host.json ${host.version}, timeout ${host.functionTimeout}; ` +
      `main ${main}, one bundled script; functions ${registered.map((r) => `${r.name} (${r.bindings.map((b) => b.type).join(', ')})`).join(', ')}: ok`
  );
}

/** Loads the script as the Functions host would, its `@azure/functions-core` a stand-in recording registrations. */
async function registrations(source) {
  const found = [];
  const core = {
    setProgrammingModel: () => undefined,
    getProgrammingModel: () => undefined,
    registerHook: () => ({ dispose: () => undefined }),
    registerFunction: (metadata) => {
      const bindings = Object.values(metadata.bindings || {});
      found.push({ name: metadata.name, bindings });
      return { dispose: () => undefined };
    }
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pps-audit-'));
  const file = path.join(dir, 'main.js');
  fs.writeFileSync(file, source);
  const resolve = Module._resolveFilename;
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    return request === '@azure/functions-core' ? core : load.call(this, request, parent, isMain);
  };
  try {
    require(file);
  } finally {
    Module._load = load;
    Module._resolveFilename = resolve;
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return found;
}

main().catch((e) => {
  console.error(`verify-audit-package: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
