import { spfi, SPFI, DefaultHeaders, DefaultInit } from '@pnp/sp';
import { DefaultParse, Queryable } from '@pnp/queryable';
import { FetchLike } from '../../src/services/PnPProfileService';

export interface IRecordedRequest {
  url: string;
  method: string;
  init?: RequestInit;
}

export type Handler = (url: string, init?: RequestInit) => Response | Promise<Response>;

/**
 * Real PnPjs pointed at a fake site: its send step is replaced by `handler`, and every request is recorded.
 * No retries, so each test sees exactly one request per call.
 */
export function fakeSp(siteUrl: string, handler: Handler, log: IRecordedRequest[]): SPFI {
  return spfi(siteUrl).using(DefaultHeaders(), DefaultInit(), DefaultParse(), (instance: Queryable) => {
    instance.on.send.replace(async (url: URL, init: RequestInit) => {
      log.push({ url: url.toString(), method: init.method || 'GET', init });
      return handler(url.toString(), init);
    });
    return instance;
  });
}

export function fakeFetch(handler: Handler, log: IRecordedRequest[]): FetchLike {
  return async (url, init) => {
    log.push({ url, method: (init && init.method) || 'GET', init });
    return handler(url, init);
  };
}

export function json(body: unknown, status: number = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function bytes(body: Uint8Array, contentType: string, status: number = 200): Response {
  return new Response(body, { status, headers: { 'Content-Type': contentType } });
}

/** GetMyProperties as SharePoint answers it with odata=nometadata. */
export function myProperties(overrides: {
  account?: string | null;
  pictureUrl?: string | null;
  timestamp?: string;
  placeholder?: string;
  syncState?: string;
  verbose?: boolean;
}): unknown {
  const props = [
    { Key: 'AccountName', Value: overrides.account || '', ValueType: 'Edm.String' },
    { Key: 'PictureURL', Value: overrides.pictureUrl || '', ValueType: 'Edm.String' },
    { Key: 'SPS-PictureTimestamp', Value: overrides.timestamp || '', ValueType: 'Edm.String' },
    { Key: 'SPS-PicturePlaceholderState', Value: overrides.placeholder || '', ValueType: 'Edm.String' },
    { Key: 'SPS-PictureExchangeSyncState', Value: overrides.syncState || '', ValueType: 'Edm.String' }
  ];
  const body = {
    AccountName: overrides.account === undefined ? 'i:0#.f|membership|megan@contoso.com' : overrides.account,
    DisplayName: 'Megan Bowen',
    PictureUrl: overrides.pictureUrl === undefined ? 'https://contoso-my.sharepoint.com/User%20Photos/megan_MThumb.jpg' : overrides.pictureUrl,
    UserProfileProperties: overrides.verbose ? { results: props } : props
  };
  return overrides.verbose ? { d: body } : body;
}
