#!/usr/bin/env node
/**
 * Opens the built .sppkg and checks what the tenant will see: the web part's four hosts, theme variants,
 * the Graph permission request (User.Read, delegated) and the deployment mode. Exits 1 on any mismatch.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const JSZip = require('jszip');

const PACKAGE = path.join(__dirname, '..', 'sharepoint', 'solution', 'profile-photo-sync.sppkg');
const HOSTS = ['SharePointWebPart', 'SharePointFullPage', 'TeamsTab', 'TeamsPersonalApp'];

function decode(xml) {
  return xml.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

async function main() {
  const failures = [];
  const zip = await JSZip.loadAsync(fs.readFileSync(PACKAGE));
  const app = await zip.file('AppManifest.xml').async('string');
  if (!/<WebApiPermissionRequest ResourceId="Microsoft Graph" Scope="User.Read">/.test(app)) {
    failures.push('AppManifest.xml does not request Microsoft Graph User.Read');
  }
  if (!/SkipFeatureDeployment="true"/.test(app)) {
    failures.push('SkipFeatureDeployment is not true');
  }
  const parts = zip.file(/WebPart_[0-9a-f-]+\.xml$/);
  if (parts.length !== 1) {
    failures.push(`expected one web part, found ${parts.length}`);
  } else {
    const xml = await parts[0].async('string');
    const manifest = JSON.parse(decode(/ComponentManifest="([^"]*)"/.exec(xml)[1]));
    const hosts = manifest.supportedHosts || [];
    for (const host of HOSTS) {
      if (hosts.indexOf(host) < 0) failures.push(`supportedHosts lacks ${host}`);
    }
    if (manifest.supportsThemeVariants !== true) failures.push('supportsThemeVariants is not true');
    const assets = zip.file(/^ClientSideAssets\/.*\.js$/).map((f) => f.name);
    if (!assets.some((n) => /profile-photo-sync-web-part_/.test(n))) failures.push('the web part bundle is missing');
    if (!assets.some((n) => /ProfilePhotoSyncWebPartStrings_nl-nl_/.test(n))) failures.push('the nl-nl strings are missing');
    console.log(`${path.relative(process.cwd(), PACKAGE)}: ${fs.statSync(PACKAGE).size} bytes; hosts ${hosts.join(', ')}; ${assets.length} scripts`);
  }
  if (failures.length) {
    failures.forEach((f) => console.error(`verify-package: ${f}`));
    process.exit(1);
  }
  console.log('verify-package: Graph permission User.Read requested; four hosts; theme variants: ok');
}

main().catch((e) => {
  console.error(`verify-package: ${e.message}`);
  process.exit(1);
});
