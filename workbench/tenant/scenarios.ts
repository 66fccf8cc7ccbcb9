/**
 * The simulated tenant's scenarios: what Microsoft Graph and SharePoint answer for the signed-in user.
 * Pure data, shared by the server and the workbench page's picker.
 */

/** Photos in test/fixtures/photos used by the tenant. */
export type TenantPhoto = 'messi5' | 'squirrel_cls';

export interface IGraphFault {
  status: number;
  code: string;
  message: string;
  retryAfterSeconds?: number;
  /** Answer this many requests with the fault, then behave normally; absent: always. */
  times?: number;
}

export interface IScenario {
  name: string;
  /** English label for the workbench's picker (the workbench itself is a developer tool). */
  label: string;
  /** The user's Exchange Online photo, or none. */
  exchangePhoto?: TenantPhoto;
  /** What Graph answers instead of the photo. */
  graphFault?: IGraphFault;
  /** What SharePoint holds: a copy of a photo, its placeholder, or bytes that are not an image. */
  sharePoint: { kind: 'photo'; photo: TenantPhoto } | { kind: 'placeholder' } | { kind: 'broken-image' };
  /** Extra latency on every tenant request, in ms. */
  latencyMs?: number;
}

export const SCENARIOS: ReadonlyArray<IScenario> = [
  { name: 'in-sync', label: 'In sync', exchangePhoto: 'messi5', sharePoint: { kind: 'photo', photo: 'messi5' } },
  {
    name: 'out-of-sync',
    label: 'Out of sync (SharePoint has another photo)',
    exchangePhoto: 'messi5',
    sharePoint: { kind: 'photo', photo: 'squirrel_cls' }
  },
  { name: 'sharepoint-placeholder', label: 'SharePoint shows a placeholder', exchangePhoto: 'messi5', sharePoint: { kind: 'placeholder' } },
  { name: 'no-exchange-photo', label: 'No photo in Exchange', sharePoint: { kind: 'placeholder' } },
  {
    name: 'no-mailbox',
    label: 'No Exchange Online mailbox',
    graphFault: {
      status: 404,
      code: 'MailboxNotHostedInExchangeOnline',
      message: 'Mailbox is hosted by an on-premise or non-Exchange server, which is not supported.'
    },
    sharePoint: { kind: 'placeholder' }
  },
  {
    name: 'permission-denied',
    label: 'Graph permission not approved (403)',
    exchangePhoto: 'messi5',
    graphFault: { status: 403, code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' },
    sharePoint: { kind: 'photo', photo: 'messi5' }
  },
  {
    name: 'throttled',
    label: 'Throttled (429 with Retry-After, then success)',
    exchangePhoto: 'messi5',
    graphFault: {
      status: 429,
      code: 'TooManyRequests',
      message: 'Too many requests. Please retry after the time specified in the Retry-After header.',
      retryAfterSeconds: 1,
      times: 2
    },
    sharePoint: { kind: 'photo', photo: 'squirrel_cls' }
  },
  {
    name: 'graph-down',
    label: 'Graph unavailable (503)',
    exchangePhoto: 'messi5',
    graphFault: { status: 503, code: 'ServiceNotAvailable', message: 'The service is temporarily unavailable.', retryAfterSeconds: 1 },
    sharePoint: { kind: 'photo', photo: 'messi5' }
  },
  { name: 'broken-image', label: 'SharePoint serves a broken image', exchangePhoto: 'messi5', sharePoint: { kind: 'broken-image' } },
  { name: 'slow', label: 'Slow tenant (2.5 s a request)', exchangePhoto: 'messi5', sharePoint: { kind: 'photo', photo: 'squirrel_cls' }, latencyMs: 2500 }
];

export const DEFAULT_SCENARIO = 'out-of-sync';

export function findScenario(name: string | null | undefined): IScenario {
  return SCENARIOS.find((s) => s.name === name) || SCENARIOS.find((s) => s.name === DEFAULT_SCENARIO)!;
}

/** The signed-in user of the simulated tenant. */
export const TENANT_USER = {
  id: '48d31887-5fad-4d73-a9f5-3c356e68a038',
  displayName: 'Megan Bowen',
  mail: 'MeganB@contoso.onmicrosoft.com',
  userPrincipalName: 'MeganB@contoso.onmicrosoft.com',
  accountName: 'i:0#.f|membership|meganb@contoso.onmicrosoft.com'
};
