import {
  Client,
  Context,
  HTTPMessageHandler,
  Middleware,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler
} from '@microsoft/microsoft-graph-client';

/**
 * Sends the simulated tenant's bearer token. The library's AuthenticationHandler sends tokens only to https
 * Graph hosts, and the workbench runs on plain http on localhost, so this takes its place in the chain.
 */
class WorkbenchTokenHandler implements Middleware {
  private _next: Middleware | undefined;

  public async execute(context: Context): Promise<void> {
    const init = context.options || {};
    const headers = new Headers(init.headers as HeadersInit | undefined);
    headers.set('Authorization', 'Bearer workbench-token');
    context.options = { ...init, headers };
    await this._next!.execute(context);
  }

  public setNext(next: Middleware): void {
    this._next = next;
  }
}

/**
 * The Microsoft Graph client the web part gets from MSGraphClientV3, pointed at `baseUrl`: the same library and
 * the same middleware chain (retries on 429/503/504 with Retry-After, telemetry, fetch), only the token differs.
 */
export function createWorkbenchGraphClient(baseUrl: string): Client {
  const token = new WorkbenchTokenHandler();
  const retry = new RetryHandler(new RetryHandlerOptions());
  const telemetry = new TelemetryHandler();
  const http = new HTTPMessageHandler();
  token.setNext(retry);
  retry.setNext(telemetry);
  telemetry.setNext(http);
  return Client.initWithMiddleware({ baseUrl, defaultVersion: 'v1.0', middleware: token });
}
