/**
 * The Functions app's entry point (`main` in the deployed package.json): registers the audit's timer and HTTP
 * functions with the v4 programming model. The app registration's certificate (PEM, with its private key) comes
 * from the `AUDIT_CERTIFICATE` app setting, which should be a Key Vault reference; nothing secret is in the package.
 */
import { app } from '@azure/functions';
import { ClientCertificateCredential } from '@azure/identity';
import { auditHandlers, DEFAULT_SCHEDULE, settingsFrom } from './handlers';

const handlers = auditHandlers(
  () => settingsFrom(process.env),
  (s) => {
    const certificate = process.env.AUDIT_CERTIFICATE;
    if (!certificate) {
      throw new Error('The audit needs the app setting AUDIT_CERTIFICATE: the app registration\'s certificate and key, PEM (a Key Vault reference).');
    }
    // x5c in the assertion: certificates can be rolled over in Entra ID without a new thumbprint in the app.
    return new ClientCertificateCredential(s.tenantId, s.clientId, { certificate }, { sendCertificateChain: true });
  }
);

// The schedule is an app setting (NCRONTAB, UTC), read when the host loads the app; daily at 05:00 by default.
app.timer('profilePhotoAudit', { schedule: process.env.AUDIT_SCHEDULE || DEFAULT_SCHEDULE, runOnStartup: false, handler: handlers.timer });
app.http('profilePhotoAuditRun', { methods: ['GET', 'POST'], authLevel: 'function', route: 'audit', handler: handlers.http });
