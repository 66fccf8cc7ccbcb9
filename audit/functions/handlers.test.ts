/**
 * @jest-environment node
 */
/**
 * The Functions handlers as the host would call them (`InvocationContext`, `HttpRequest`), against the simulated
 * tenant and Azurite: the timer runs the audit and stops at its time limit at a checkpoint, the next timer goes on;
 * the HTTP function reports the last run's progress and starts one on POST.
 */
import { HttpRequest, InvocationContext, Timer } from '@azure/functions';
import { CertificateAssertionCredential, ICertificate } from '../job/appAuth';
import { IAzurite } from '../job/azurite';
import { IAuditTestbed, startAuditTestbed } from '../job/testbed';
import { LOCAL_CLIENT_ID, setAppDirectory } from '../job/simulatedTenant';
import { auditHandlers, IAuditSettings, settingsFrom } from './handlers';

let testbed: IAuditTestbed;
let base: string;
let azurite: IAzurite;
let certificate: ICertificate;

beforeAll(async () => {
  testbed = await startAuditTestbed();
  ({ base, azurite, certificate } = testbed);
}, 60000);
afterAll(() => testbed.stop());

function settings(overrides: Record<string, string> = {}): IAuditSettings {
  return settingsFrom({
    AUDIT_TENANT_ID: 'contoso.onmicrosoft.com',
    AUDIT_CLIENT_ID: LOCAL_CLIENT_ID,
    AUDIT_GRAPH_URL: base,
    AUDIT_SHAREPOINT_URL: base,
    AUDIT_MY_SITE_HOST_URL: base,
    AUDIT_LIST_SITE_URL: base,
    AUDIT_SHAREPOINT_REQUESTS_PER_MINUTE: '600',
    AzureWebJobsStorage: azurite.connectionString,
    ...overrides
  });
}

function handlers(overrides: Record<string, string> = {}): ReturnType<typeof auditHandlers> {
  return auditHandlers(
    () => settings(overrides),
    (s) => new CertificateAssertionCredential(base, s.tenantId, s.clientId, certificate)
  );
}

const timer: Timer = { isPastDue: false, schedule: { adjustForDST: true }, scheduleStatus: { last: '', next: '', lastUpdated: '' } };

function context(): { context: InvocationContext; lines: string[] } {
  const lines: string[] = [];
  const context = new InvocationContext({ functionName: 'profilePhotoAudit', invocationId: 'test', logHandler: (_level, ...args) => lines.push(args.map(String).join(' ')) });
  return { context, lines };
}

describe('the audit on Azure Functions (handlers invoked as the host does)', () => {
  test('the settings: every missing one named; the my-site host derived from the tenant', () => {
    expect(() => settingsFrom({})).toThrow(/AUDIT_TENANT_ID, AUDIT_CLIENT_ID, AUDIT_SHAREPOINT_URL, AUDIT_LIST_SITE_URL, AzureWebJobsStorage/);
    const s = settingsFrom({ AUDIT_TENANT_ID: 't', AUDIT_CLIENT_ID: 'c', AUDIT_SHAREPOINT_URL: 'https://contoso.sharepoint.com/', AUDIT_LIST_SITE_URL: 'https://contoso.sharepoint.com/sites/it', AzureWebJobsStorage: 'x' });
    expect(s).toMatchObject({ mySiteHostUrl: 'https://contoso-my.sharepoint.com', graphUrl: 'https://graph.microsoft.com', pace: 300, maxMinutes: 9, listTitle: 'Profile photo audit' });
  });

  test('a timer run cut by its time limit stops at a checkpoint; the next timer run goes on and ends complete; GET reports it', async () => {
    await setAppDirectory(base, { people: 150, budget: 6000 });
    // A limit of about two seconds: the first run cannot decide 150 people at 600 requests a minute.
    const short = handlers({ AUDIT_MAX_MINUTES: '0.035' });
    const first = context();
    await short.timer(timer, first.context);
    expect(first.lines.join('\n')).toMatch(/Stopped after 0\.035 min at a checkpoint/);
    const stopped = await short.http(new HttpRequest({ method: 'GET', url: `${base}/api/audit` }), context().context);
    expect(stopped.status).toBe(200);
    expect(stopped.jsonBody).toMatchObject({ state: 'stopped', people: 150 });

    const second = context();
    await handlers().timer(timer, second.context);
    expect(second.lines.join('\n')).toMatch(/^audit: 150 people: .* 0 not checked yet;/m);
    const done = await handlers().http(new HttpRequest({ method: 'GET', url: `${base}/api/audit` }), context().context);
    expect(done.jsonBody).toMatchObject({ state: 'done', people: 150, decided: 150 });
  }, 120000);

  test('POST runs it now and answers with the summary; a run that cannot authenticate says why in its progress', async () => {
    await setAppDirectory(base, { people: 30, budget: 6000 });
    const answer = await handlers().http(new HttpRequest({ method: 'POST', url: `${base}/api/audit` }), context().context);
    expect(answer.status).toBe(200);
    expect((answer.jsonBody as { summary: string }).summary).toMatch(/^audit: 30 people: /);
    const refused = auditHandlers(
      () => settings(),
      () => ({ getToken: () => Promise.reject(new Error('AADSTS700027: the certificate is not registered')) })
    );
    const failed = await refused.http(new HttpRequest({ method: 'POST', url: `${base}/api/audit` }), context().context);
    expect(failed.status).toBe(500);
    const last = await refused.http(new HttpRequest({ method: 'GET', url: `${base}/api/audit` }), context().context);
    expect(last.jsonBody).toMatchObject({ state: 'failed', error: expect.stringMatching(/certificate is not registered/) });
  }, 120000);
});
