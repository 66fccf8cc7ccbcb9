/**
 * The audit's benchmark (`npm run bench`): a first run and a repeat run over `people` on a simulated tenant, at a
 * given pace and app budget, progress in an in-memory Azurite. Returns both outcomes.
 */
import { TableClient } from '@azure/data-tables';
import { IAuditOutcome, runAudit } from './job/auditJob';
import { startAzurite } from './job/azurite';
import { localCertificate, setAppDirectory, simulatedTenantAudit } from './job/simulatedTenant';
import { PROGRESS_TABLE, progressPartition, TableProgress } from './job/tableProgress';
import { AUDIT_LIST_TITLE } from './job/auditList';

export async function benchAudit(tenantUrl: string, people: number, pace: number, budget: number): Promise<{ first: IAuditOutcome; repeat: IAuditOutcome }> {
  await setAppDirectory(tenantUrl, { people, budget });
  const azurite = await startAzurite();
  try {
    const table = TableClient.fromConnectionString(azurite.connectionString, PROGRESS_TABLE, { allowInsecureConnection: true });
    const progress = new TableProgress(table, progressPartition(tenantUrl, tenantUrl, AUDIT_LIST_TITLE));
    const { config, services } = simulatedTenantAudit(tenantUrl, await localCertificate(), progress, pace);
    const first = await runAudit(config, services);
    const repeat = await runAudit(config, services);
    return { first, repeat };
  } finally {
    await azurite.stop();
  }
}
