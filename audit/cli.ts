/**
 * `npm run audit -- --tenant <workbench url> [--people N] [--scenario NAME] [--state DIR] [--max-minutes M] [--pace N]`
 *
 * The tenant audit in-process against `npm start`'s simulated tenant: the directory is the roster the team overview
 * sees for the same people and scenario. Progress goes to Azure Table storage: the connection string in
 * `AzureWebJobsStorage` when set, else an Azurite started here with its data in `--state` (default `.audit/`). The
 * run ends with one summary line. Ctrl+C, or `--max-minutes`, stops it at a checkpoint; run it again to go on.
 */
import { TableClient } from '@azure/data-tables';
import * as fs from 'fs';
import * as path from 'path';
import { ICertificate } from './job/appAuth';
import { runAudit, summaryLine } from './job/auditJob';
import { AUDIT_LIST_TITLE } from './job/auditList';
import { IAzurite, startAzurite } from './job/azurite';
import { appThrottleStats, localCertificate, setAppDirectory, simulatedTenantAudit } from './job/simulatedTenant';
import { PROGRESS_TABLE, progressPartition, TableProgress } from './job/tableProgress';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function numberOption(args: string[], name: string): number | undefined {
  const raw = option(args, name);
  if (raw === undefined) {
    return undefined;
  }
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) {
    throw new Error(`--${name} takes a positive number, not ${raw}`);
  }
  return n;
}

/** The local app's certificate, made once and kept in the state folder (git-ignored). */
async function certificateIn(stateDir: string): Promise<ICertificate> {
  const file = path.join(stateDir, 'local-app-certificate.json');
  if (fs.existsSync(file)) {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ICertificate;
  }
  const made = await localCertificate();
  fs.mkdirSync(stateDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(made), { mode: 0o600 });
  return made;
}

export async function main(args: string[]): Promise<number> {
  const tenant = (option(args, 'tenant') || '').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+$/.test(tenant)) {
    console.error('usage: npm run audit -- --tenant <workbench url, e.g. http://127.0.0.1:4321> [--people N] [--scenario NAME] [--state DIR] [--max-minutes M] [--pace N]');
    return 2;
  }
  const people = numberOption(args, 'people') || 60;
  const maxMinutes = numberOption(args, 'max-minutes');
  const stateDir = path.resolve(option(args, 'state') || '.audit');
  await setAppDirectory(tenant, { people, scenario: option(args, 'scenario') });

  let azurite: IAzurite | undefined;
  let connection = process.env.AzureWebJobsStorage;
  if (!connection) {
    azurite = await startAzurite(path.join(stateDir, 'azurite'));
    connection = azurite.connectionString;
  }
  const stop = new AbortController();
  const onSignal = (): void => {
    console.error('audit: stopping at the next checkpoint (run it again to go on)');
    stop.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const timer = maxMinutes ? setTimeout(() => stop.abort(), maxMinutes * 60000) : undefined;
  try {
    const table = TableClient.fromConnectionString(connection, PROGRESS_TABLE, { allowInsecureConnection: true });
    const progress = new TableProgress(table, progressPartition(tenant, tenant, AUDIT_LIST_TITLE));
    const { config, services } = simulatedTenantAudit(tenant, await certificateIn(stateDir), progress, numberOption(args, 'pace'));
    const outcome = await runAudit(config, services, stop.signal);
    // The tenant's own count of what it refused and what reached it during a wait, when it keeps one.
    const stats = await appThrottleStats(tenant).catch(() => undefined);
    const measured = stats ? { ...outcome, throttled: stats.refused, sentWhileThrottled: stats.sentWhileThrottled } : outcome;
    console.log(summaryLine(measured));
    if (progress.lastError) {
      console.error(`audit: some progress could not be saved (those people are compared again next run): ${progress.lastError}`);
    }
    if (outcome.state === 'stopped') {
      console.log('audit: stopped before everyone was decided; what was decided is kept. Run it again to go on.');
    }
    return 0;
  } finally {
    if (timer) {
      clearTimeout(timer);
    }
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    if (azurite) {
      await azurite.stop();
    }
  }
}
