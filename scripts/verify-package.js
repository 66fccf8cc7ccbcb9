#!/usr/bin/env node
/**
 * Opens the built .sppkg and checks what the tenant will see: both web parts (the personal part and the team
 * overview) with their four hosts and theme variants, the Viva Connections card (an Adaptive Card Extension for the
 * dashboard, with a Medium preconfigured entry, its icon and its bundle), exactly the Graph permission requests they
 * use (User.Read for the personal part and the card; User.ReadBasic.All and GroupMember.Read.All for the overview, all
 * delegated) and the deployment mode. Exits 1 on any mismatch.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const JSZip = require('jszip');

const PACKAGE = path.join(__dirname, '..', 'sharepoint', 'solution', 'profile-photo-sync.sppkg');
const HOSTS = ['SharePointWebPart', 'SharePointFullPage', 'TeamsTab', 'TeamsPersonalApp'];
const PERMISSIONS = ['User.Read', 'User.ReadBasic.All', 'GroupMember.Read.All'];
const PARTS = { ProfilePhotoSyncWebPart: 'profile-photo-sync-web-part_', TeamOverviewWebPart: 'team-overview-web-part_' };
const CARD = 'ProfilePhotoAdaptiveCardExtension';
const CARD_BUNDLE = 'profile-photo-adaptive-card-extension_';

function decode(xml) {
  return xml.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

async function main() {
  const failures = [];
  const zip = await JSZip.loadAsync(fs.readFileSync(PACKAGE));
  const app = await zip.file('AppManifest.xml').async('string');
  const requested = Array.from(app.matchAll(/<WebApiPermissionRequest ResourceId="Microsoft Graph" Scope="([^"]+)"/g)).map((m) => m[1]).sort();
  if (requested.join(' ') !== PERMISSIONS.slice().sort().join(' ')) {
    failures.push(`AppManifest.xml requests Microsoft Graph ${requested.join(', ') || 'nothing'}, not exactly ${PERMISSIONS.join(', ')}`);
  }
  if (!/SkipFeatureDeployment="true"/.test(app)) {
    failures.push('SkipFeatureDeployment is not true');
  }
  const parts = zip.file(/WebPart_[0-9a-f-]+\.xml$/);
  const assets = zip.file(/^ClientSideAssets\/.*\.js$/).map((f) => f.name);
  const found = [];
  for (const part of parts) {
    const xml = await part.async('string');
    const manifest = JSON.parse(decode(/ComponentManifest="([^"]*)"/.exec(xml)[1]));
    if (manifest.componentType === 'AdaptiveCardExtension') continue; // checked below
    found.push(manifest.alias);
    const hosts = manifest.supportedHosts || [];
    for (const host of HOSTS) {
      if (hosts.indexOf(host) < 0) failures.push(`${manifest.alias}: supportedHosts lacks ${host}`);
    }
    if (manifest.supportsThemeVariants !== true) failures.push(`${manifest.alias}: supportsThemeVariants is not true`);
    const bundle = PARTS[manifest.alias];
    if (!bundle || !assets.some((n) => n.indexOf(bundle) >= 0)) failures.push(`${manifest.alias}: its bundle is missing`);
  }
  // The card: its manifest is in the package like a web part's, under its own component type.
  const cards = [];
  for (const file of zip.file(/\.xml$/)) {
    const xml = await file.async('string');
    const match = /ComponentManifest="([^"]*)"/.exec(xml);
    if (!match) continue;
    const manifest = JSON.parse(decode(match[1]));
    if (manifest.componentType !== 'AdaptiveCardExtension') continue;
    cards.push(manifest.alias);
    const hosts = manifest.supportedHosts || [];
    if (hosts.join(' ') !== 'Dashboard') failures.push(`${manifest.alias}: supportedHosts is ${JSON.stringify(hosts)}, not ["Dashboard"]`);
    const entry = (manifest.preConfiguredEntries || manifest.preconfiguredEntries || [])[0];
    if (!entry) failures.push(`${manifest.alias}: no preconfigured entry`);
    else {
      if (entry.cardSize !== 'Medium') failures.push(`${manifest.alias}: the preconfigured entry's cardSize is ${entry.cardSize}, not Medium`);
      if (!entry.officeFabricIconFontName && !entry.iconImageUrl) failures.push(`${manifest.alias}: the preconfigured entry has no icon`);
      if (!entry.title || !entry.title.default || !entry.title['nl-NL']) failures.push(`${manifest.alias}: the preconfigured entry's title is not localized`);
    }
    if (manifest.personalization !== undefined && typeof manifest.personalization !== 'string') failures.push(`${manifest.alias}: personalization must be a single string`);
    if (!assets.some((n) => n.indexOf(CARD_BUNDLE) >= 0)) failures.push(`${manifest.alias}: its bundle is missing`);
  }
  if (cards.join(' ') !== CARD) failures.push(`expected the card ${CARD}, found ${cards.join(', ') || 'none'}`);
  if (found.sort().join(' ') !== Object.keys(PARTS).sort().join(' ')) {
    failures.push(`expected the web parts ${Object.keys(PARTS).join(', ')}, found ${found.join(', ') || 'none'}`);
  }
  if (!assets.some((n) => /ProfilePhotoSyncWebPartStrings_nl-nl_/.test(n))) failures.push('the nl-nl strings are missing');
  // One copy of each script: an earlier build's bundles left in release/ would ship too (and bloat the package).
  const copies = {};
  for (const name of assets) {
    const base = path.basename(name).replace(/_[0-9a-f]{16,}\.js$/, '');
    copies[base] = (copies[base] || 0) + 1;
  }
  for (const [base, n] of Object.entries(copies)) {
    if (n > 1) failures.push(`${n} builds of ${base} are in the package: an earlier build was left in release/ (npm run package cleans first)`);
  }
  console.log(`${path.relative(process.cwd(), PACKAGE)}: ${fs.statSync(PACKAGE).size} bytes; web parts ${found.join(', ')}; card ${cards.join(', ')}; ${assets.length} scripts`);
  if (failures.length) {
    failures.forEach((f) => console.error(`verify-package: ${f}`));
    process.exit(1);
  }
  console.log(`verify-package: Graph permissions ${PERMISSIONS.join(', ')} requested; two web parts, four hosts each; theme variants; the dashboard card: ok`);
}

main().catch((e) => {
  console.error(`verify-package: ${e.message}`);
  process.exit(1);
});
