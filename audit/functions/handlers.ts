/**
 * The audit on Azure Functions (Node.js, the v4 programming model): a timer that runs the audit for as long as the
 * plan allows and stops at a checkpoint (the next run goes on), and an HTTP function (function key) that reports the
 * last run's progress (GET) or starts a run now (POST). The handlers are made by `auditHandlers` from the app's
 * settings and how to authenticate, so the tests can run them, with `InvocationContext`, against the simulated
 * tenant and Azurite (the Functions host itself is not installable here).
 */
import type { HttpRequest, HttpResponseInit, InvocationContext, Timer } from '@azure/functions';
import type { TokenCredential } from '@azure/core-auth';
import { TableClient } from '@azure/data-tables';
import { appFetch, scopeOf } from '../job/appAuth';
import { DEFAULT_AUDIT_PACE, IAuditConfig, runAudit, summaryLine } from '../job/auditJob';
import { AUDIT_LIST_TITLE } from '../job/auditList';
import { PROGRESS_TABLE, progressPartition, TableProgress } from '../job/tableProgress';

/** The default schedule (NCRONTAB, UTC): every day at 05:00. */
export const DEFAULT_SCHEDULE = '0 0 5 * * *';
/** Consumption plans stop a function at 10 minutes: the default run stops at a checkpoint a minute before. */
export const DEFAULT_MAX_MINUTES = 9;
/** An HTTP-started run stays under the HTTP trigger's 230 s answer limit. */
export const HTTP_MAX_MINUTES = 3;

/** The app settings the audit reads (Function app configuration; `.env`-style names). */
export interface IAuditSettings {
  tenantId: string;
  clientId: string;
  graphUrl: string;
  sharePointUrl: string;
  mySiteHostUrl: string;
  listSiteUrl: string;
  listTitle: string;
  groupId?: string;
  pace: number;
  maxMinutes: number;
  storage: string;
}

/** The settings from the environment; throws naming every missing one. */
export function settingsFrom(env: Record<string, string | undefined>): IAuditSettings {
  const missing = ['AUDIT_TENANT_ID', 'AUDIT_CLIENT_ID', 'AUDIT_SHAREPOINT_URL', 'AUDIT_LIST_SITE_URL', 'AzureWebJobsStorage'].filter((k) => !env[k]);
  if (missing.length > 0) {
    throw new Error(`The audit needs these app settings: ${missing.join(', ')}.`);
  }
  const sharePointUrl = env.AUDIT_SHAREPOINT_URL!.replace(/\/+$/, '');
  const number = (name: string, fallback: number): number => {
    const n = Number(env[name]);
    return env[name] && Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    tenantId: env.AUDIT_TENANT_ID!,
    clientId: env.AUDIT_CLIENT_ID!,
    graphUrl: (env.AUDIT_GRAPH_URL || 'https://graph.microsoft.com').replace(/\/+$/, ''),
    sharePointUrl,
    // contoso.sharepoint.com's my-site host is contoso-my.sharepoint.com.
    mySiteHostUrl: (env.AUDIT_MY_SITE_HOST_URL || sharePointUrl.replace(/^(https:\/\/[^./]+)(\.sharepoint\.)/i, '$1-my$2')).replace(/\/+$/, ''),
    listSiteUrl: env.AUDIT_LIST_SITE_URL!.replace(/\/+$/, ''),
    listTitle: env.AUDIT_LIST_TITLE || AUDIT_LIST_TITLE,
    groupId: env.AUDIT_GROUP_ID || undefined,
    pace: number('AUDIT_SHAREPOINT_REQUESTS_PER_MINUTE', DEFAULT_AUDIT_PACE),
    maxMinutes: number('AUDIT_MAX_MINUTES', DEFAULT_MAX_MINUTES),
    storage: env.AzureWebJobsStorage!
  };
}

export interface IAuditHandlers {
  timer(timer: Timer, context: InvocationContext): Promise<void>;
  http(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit>;
}

/**
 * The handlers, for these settings and this credential (in Azure, ClientCertificateCredential with the app's
 * certificate). `graphScope` is Graph's resource (its address may be another in tests).
 */
export function auditHandlers(settings: () => IAuditSettings, credential: (s: IAuditSettings) => TokenCredential, graphScope: string = 'https://graph.microsoft.com/.default'): IAuditHandlers {
  const progressOf = (s: IAuditSettings): TableProgress =>
    new TableProgress(TableClient.fromConnectionString(s.storage, PROGRESS_TABLE, { allowInsecureConnection: /UseDevelopmentStorage|http:\/\//i.test(s.storage) }), progressPartition(s.sharePointUrl, s.listSiteUrl, s.listTitle));

  /** Runs until everyone is decided or `minutes` have passed (then stops at a checkpoint). */
  const run = async (minutes: number, context: InvocationContext): Promise<string> => {
    const s = settings();
    const cred = credential(s);
    const config: IAuditConfig = { graphUrl: s.graphUrl, sharePointUrl: s.sharePointUrl, mySiteHostUrl: s.mySiteHostUrl, groupId: s.groupId, pace: s.pace, listSiteUrl: s.listSiteUrl, listTitle: s.listTitle };
    const progress = progressOf(s);
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), minutes * 60000);
    try {
      const outcome = await runAudit(config, { graphFetch: appFetch(cred, graphScope), sharePointFetch: appFetch(cred, scopeOf(s.sharePointUrl)), progress }, stop.signal);
      const line = summaryLine(outcome);
      context.log(line);
      if (outcome.state === 'stopped') {
        context.log(`Stopped after ${minutes} min at a checkpoint; the next run goes on.`);
      }
      if (progress.lastError) {
        context.warn(`Some progress could not be saved (those people are compared again next run): ${progress.lastError}`);
      }
      return line;
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    async timer(timer: Timer, context: InvocationContext): Promise<void> {
      if (timer.isPastDue) {
        context.log('The audit is running late (a missed schedule); it runs now.');
      }
      await run(settings().maxMinutes, context);
    },

    async http(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
      if (request.method === 'POST') {
        try {
          const line = await run(Math.min(HTTP_MAX_MINUTES, settings().maxMinutes), context);
          return { status: 200, jsonBody: { summary: line, progress: await progressOf(settings()).run() } };
        } catch (e) {
          context.error(e);
          return { status: 500, jsonBody: { error: e instanceof Error ? e.message : String(e) } };
        }
      }
      const last = await progressOf(settings()).run();
      return last ? { status: 200, jsonBody: last } : { status: 404, jsonBody: { error: 'The audit has not run yet.' } };
    }
  };
}
