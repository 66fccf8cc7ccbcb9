/**
 * For the audit's tests: the simulated tenant on a free port, an in-memory Azurite and the local app's certificate,
 * started together, and stopped together.
 */
import * as path from 'path';
import { AddressInfo } from 'net';
import { createTenantServer } from '../../workbench/tenant/server';
import { ICertificate } from './appAuth';
import { localCertificate } from './simulatedTenant';
import { IAzurite, startAzurite } from './azurite';

export interface IAuditTestbed {
  base: string;
  azurite: IAzurite;
  certificate: ICertificate;
  stop(): Promise<void>;
}

export async function startAuditTestbed(): Promise<IAuditTestbed> {
  const server = createTenantServer({ photosDir: path.join(__dirname, '..', '..', 'test', 'fixtures', 'photos'), syncDelayMs: 0, latencyMs: 0, pageConfig: {} });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const [azurite, certificate] = await Promise.all([startAzurite(), localCertificate()]);
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    azurite,
    certificate,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await azurite.stop();
    }
  };
}
