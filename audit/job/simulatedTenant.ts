/**
 * The audit against the local simulated tenant (`npm start`): Graph, SharePoint, the my-site host and Entra ID's
 * token endpoint are all the workbench's address; the app registration is a local one with a throwaway
 * certificate. Used by `npm run audit` and the tests, never in Azure.
 */
import { IThrottleStats } from '../../workbench/tenant/throttle';
import { appFetch, CertificateAssertionCredential, ICertificate, scopeOf } from './appAuth';
import { IAuditConfig, IAuditServices } from './auditJob';
import { TableProgress } from './tableProgress';

/** The local app registration's client id. */
export const LOCAL_CLIENT_ID = '6d1f3b2a-0c4e-4f7a-9b8d-2e5c1a7f3d90';
const LOCAL_TENANT = 'contoso.onmicrosoft.com';
/** Graph's resource, whatever address answers for it. */
const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** The directory app-only callers see: the team overview's roster for the same people and scenario. */
export async function setAppDirectory(tenantUrl: string, directory: { people: number; scenario?: string; budget?: number }): Promise<void> {
  const response = await fetch(`${tenantUrl}/workbench/api/app-directory`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(directory) });
  if (!response.ok) {
    throw new Error(`The simulated tenant refused the directory: ${response.status}`);
  }
}

/** The tenant's SharePoint throttling counters for the local app. */
export async function appThrottleStats(tenantUrl: string): Promise<IThrottleStats | undefined> {
  const response = await fetch(`${tenantUrl}/workbench/api/app-directory`);
  const body = (await response.json()) as { apps?: Record<string, IThrottleStats | undefined> };
  return body.apps ? body.apps[LOCAL_CLIENT_ID] : undefined;
}

/** The audit's configuration and services for the simulated tenant at `tenantUrl`. */
export function simulatedTenantAudit(tenantUrl: string, certificate: ICertificate, progress: TableProgress, pace?: number): { config: IAuditConfig; services: IAuditServices } {
  const base = tenantUrl.replace(/\/+$/, '');
  const credential = new CertificateAssertionCredential(base, LOCAL_TENANT, LOCAL_CLIENT_ID, certificate);
  return {
    config: { graphUrl: base, sharePointUrl: base, mySiteHostUrl: base, pace },
    services: { graphFetch: appFetch(credential, GRAPH_SCOPE), sharePointFetch: appFetch(credential, scopeOf(base)), progress }
  };
}

/** A throwaway self-signed certificate for the local simulated tenant (kept in the audit's state folder). */
export async function localCertificate(): Promise<ICertificate> {
  const selfsigned = (await import('selfsigned')) as unknown as { generate(attrs: Array<{ name: string; value: string }>, options: object): Promise<{ cert: string; private: string }> };
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'Profile Photo Sync tenant audit (local)' }], { keySize: 2048, days: 365, algorithm: 'sha256' });
  return { certificatePem: pems.cert, privateKeyPem: pems.private };
}
