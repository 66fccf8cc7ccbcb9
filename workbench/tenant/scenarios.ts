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

export type SharePointPicture =
  | { kind: 'photo'; photo: TenantPhoto }
  | { kind: 'placeholder' }
  /** Bytes that start like a JPEG and are not one. */
  | { kind: 'broken-image' }
  /** userphoto.aspx answers a sign-in page with 200, as when the session has expired. */
  | { kind: 'login-page' }
  /** userphoto.aspx redirects to an access-denied page that answers 403. */
  | { kind: 'redirect-403' };

export interface IScenario {
  name: string;
  /** English label for the workbench's picker (the workbench itself is a developer tool). */
  label: string;
  /** The user's Exchange Online photo, or none. */
  exchangePhoto?: TenantPhoto;
  /** What Graph answers instead of the photo. */
  graphFault?: IGraphFault;
  /**
   * The account has no mailbox, and this photo in Microsoft Entra ID: Graph serves it only whole from
   * `/me/photo/$value` (1200 x 900 here, "any dimension"); the sized endpoints answer that there is no mailbox.
   * `/me/photo` answers with its size when `entraMetadata`, else with the no-mailbox error too.
   */
  entraPhoto?: TenantPhoto;
  entraMetadata?: boolean;
  /** The Entra ID photo is a camera original of this size (the photo its centre square), not 1200 x 900. */
  entraPhotoSize?: { width: number; height: number };
  /** SharePoint's per-user budget, requests a minute (`&spBudget=N` on the page sets another). */
  spBudget?: number;
  /**
   * The budget changes while the person works (another tab, OneDrive or an app of theirs takes a share): from
   * `afterSeconds` after the page was opened, `budget` a minute.
   */
  spBudgetChanges?: Array<{ afterSeconds: number; budget: number }>;
  /** The team overview: some requests inside Graph batches answer 429 once, or Graph refuses other people's photos. */
  team?: 'throttled' | 'no-permission';
  /** userphoto.aspx redirects to the picture on another origin, which sends no CORS headers. */
  userPhotoRedirect?: 'cross-origin';
  /** Graph answers "no photo" with a 1x1 GIF, drops the connection, or never answers. */
  graphBehaviour?: 'one-pixel-gif' | 'network-error' | 'no-answer';
  /** GetMyProperties: the user has no profile, or a PictureUrl that must never be used. */
  profile?: { kind: 'not-found' } | { kind: 'picture-url'; pictureUrl: string };
  /** What SharePoint's userphoto.aspx serves. */
  sharePoint: SharePointPicture;
  /** SetMyProfilePicture refuses (403), finds the picture too large (413), or drops the connection. */
  upload?: 'forbidden' | 'too-large' | 'network-error';
  /** The simulated private-window sign-in changes nothing: SharePoint never picks the photo up. */
  signInNeverSyncs?: boolean;
  /** `SPS-PictureExchangeSyncState` is 0: SharePoint does not pull this account's photo from Exchange. */
  exchangeSyncOff?: boolean;
  /**
   * A copy SharePoint accepts is replaced by the older photo again when the workbench says so ("Simulate SharePoint
   * syncing the older photo back", `POST /workbench/api/sync-older-photo`).
   */
  copyReverts?: boolean;
  /** Extra latency on every tenant request, in ms. */
  latencyMs?: number;
}

/** A camera original as Microsoft 365 admins upload them to Entra ID: 45 megapixels, under Graph's 4 MB. */
export const CAMERA_ORIGINAL = { width: 8256, height: 5504 };

/** Graph's answer for an account whose mailbox is not in Exchange Online. */
const NO_MAILBOX: IGraphFault = {
  status: 404,
  code: 'MailboxNotHostedInExchangeOnline',
  message: 'Mailbox is hosted by an on-premise or non-Exchange server, which is not supported.'
};

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
  { name: 'no-mailbox', label: 'No Exchange Online mailbox, no photo in Entra ID', graphFault: NO_MAILBOX, sharePoint: { kind: 'placeholder' } },
  {
    name: 'no-mailbox-entra-photo',
    label: 'No mailbox; SharePoint shows another photo than Entra ID',
    entraPhoto: 'messi5',
    graphFault: NO_MAILBOX,
    sharePoint: { kind: 'photo', photo: 'squirrel_cls' }
  },
  {
    name: 'no-mailbox-entra-camera-photo',
    label: 'No mailbox; the Entra ID photo is a camera original (8256 x 5504, under 4 MB); SharePoint shows it',
    entraPhoto: 'messi5',
    entraPhotoSize: CAMERA_ORIGINAL,
    graphFault: NO_MAILBOX,
    sharePoint: { kind: 'photo', photo: 'messi5' }
  },
  {
    name: 'no-mailbox-entra-photo-in-sync',
    label: 'No mailbox; SharePoint shows the Entra ID photo',
    entraPhoto: 'messi5',
    entraMetadata: true,
    graphFault: NO_MAILBOX,
    sharePoint: { kind: 'photo', photo: 'messi5' }
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
  { name: 'slow', label: 'Slow tenant (2.5 s a request)', exchangePhoto: 'messi5', sharePoint: { kind: 'photo', photo: 'squirrel_cls' }, latencyMs: 2500 },
  // The fault catalogue's server-side cases.
  {
    name: 'graph-unauthorized',
    label: 'Graph 401 (token refused)',
    exchangePhoto: 'messi5',
    graphFault: { status: 401, code: 'InvalidAuthenticationToken', message: 'Access token validation failure.' },
    sharePoint: { kind: 'photo', photo: 'messi5' }
  },
  {
    name: 'graph-404-other-code',
    label: 'Graph 404 with another error code',
    graphFault: { status: 404, code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' },
    sharePoint: { kind: 'placeholder' }
  },
  { name: 'graph-1x1-gif', label: 'Graph answers the 1x1 "no photo" GIF', exchangePhoto: 'messi5', graphBehaviour: 'one-pixel-gif', sharePoint: { kind: 'placeholder' } },
  {
    name: 'mailbox-authentication-error',
    label: 'Graph 400 AuthenticationError (no mailbox)',
    graphFault: { status: 400, code: 'AuthenticationError', message: 'Error authenticating with resource' },
    sharePoint: { kind: 'placeholder' }
  },
  {
    name: 'throttled-no-retry-after',
    label: 'Throttled once without Retry-After, then success',
    exchangePhoto: 'messi5',
    graphFault: { status: 429, code: 'TooManyRequests', message: 'Too many requests.', times: 1 },
    sharePoint: { kind: 'photo', photo: 'messi5' }
  },
  {
    name: 'graph-gateway-timeout',
    label: 'Graph 504 Gateway Timeout',
    exchangePhoto: 'messi5',
    graphFault: { status: 504, code: 'GatewayTimeout', message: 'The gateway did not receive a response in time.', retryAfterSeconds: 1 },
    sharePoint: { kind: 'photo', photo: 'messi5' }
  },
  { name: 'graph-network-error', label: 'Graph drops the connection', exchangePhoto: 'messi5', graphBehaviour: 'network-error', sharePoint: { kind: 'photo', photo: 'messi5' } },
  { name: 'graph-no-answer', label: 'Graph never answers', exchangePhoto: 'messi5', graphBehaviour: 'no-answer', sharePoint: { kind: 'photo', photo: 'messi5' } },
  { name: 'profile-not-found', label: 'No SharePoint profile (guest or new user)', exchangePhoto: 'messi5', profile: { kind: 'not-found' }, sharePoint: { kind: 'placeholder' } },
  {
    name: 'picture-url-hostile',
    label: 'PictureUrl is a javascript: URL',
    exchangePhoto: 'messi5',
    profile: { kind: 'picture-url', pictureUrl: 'javascript:alert(document.domain)' },
    sharePoint: { kind: 'photo', photo: 'messi5' }
  },
  { name: 'userphoto-login-page', label: 'userphoto.aspx answers a sign-in page', exchangePhoto: 'messi5', sharePoint: { kind: 'login-page' } },
  {
    name: 'userphoto-cross-origin',
    label: 'userphoto.aspx redirects to another origin (no CORS)',
    exchangePhoto: 'messi5',
    sharePoint: { kind: 'photo', photo: 'squirrel_cls' },
    userPhotoRedirect: 'cross-origin'
  },
  { name: 'userphoto-redirect-403', label: 'userphoto.aspx redirects to a 403', exchangePhoto: 'messi5', sharePoint: { kind: 'redirect-403' } },
  // The team overview (?part=team).
  { name: 'team-throttled', label: 'Team: some photo requests in each Graph batch throttled (429, Retry-After 1 s)', exchangePhoto: 'messi5', sharePoint: { kind: 'photo', photo: 'messi5' }, team: 'throttled' },
  {
    name: 'team-sharepoint-throttled',
    label: 'Team: SharePoint allows 20 requests a minute per user (429 beyond it)',
    exchangePhoto: 'messi5',
    sharePoint: { kind: 'photo', photo: 'messi5' },
    spBudget: 20
  },
  {
    name: 'team-sharepoint-budget-drops',
    label: 'Team: SharePoint allows 40 requests a minute, then 15 from 45 s on (something else of the person\'s takes the rest)',
    exchangePhoto: 'messi5',
    sharePoint: { kind: 'photo', photo: 'messi5' },
    spBudget: 40,
    spBudgetChanges: [{ afterSeconds: 45, budget: 15 }]
  },
  { name: 'team-no-permission', label: "Team: Graph refuses other people's photos (403)", exchangePhoto: 'messi5', sharePoint: { kind: 'photo', photo: 'messi5' }, team: 'no-permission' },
  // Copying the photo into SharePoint, and how it fails.
  { name: 'upload-forbidden', label: 'Out of sync; the tenant blocks SetMyProfilePicture (403)', exchangePhoto: 'messi5', sharePoint: { kind: 'photo', photo: 'squirrel_cls' }, upload: 'forbidden' },
  { name: 'upload-too-large', label: 'Out of sync; SharePoint finds the picture too large (413)', exchangePhoto: 'messi5', sharePoint: { kind: 'photo', photo: 'squirrel_cls' }, upload: 'too-large' },
  { name: 'upload-network-error', label: 'Out of sync; the connection drops during the upload', exchangePhoto: 'messi5', sharePoint: { kind: 'photo', photo: 'squirrel_cls' }, upload: 'network-error' },
  // When the steps don't work (with &stepsDoneHoursAgo=N or &copiedHoursAgo=N to pretend time has passed).
  {
    name: 'steps-never-sync',
    label: 'Out of sync; signing in again never makes SharePoint sync',
    exchangePhoto: 'messi5',
    sharePoint: { kind: 'photo', photo: 'squirrel_cls' },
    signInNeverSyncs: true
  },
  {
    name: 'exchange-sync-off',
    label: "Out of sync; a mailbox, but SharePoint doesn't pull from Exchange (sync state 0)",
    exchangePhoto: 'messi5',
    sharePoint: { kind: 'photo', photo: 'squirrel_cls' },
    signInNeverSyncs: true,
    exchangeSyncOff: true
  },
  {
    name: 'upload-disabled',
    label: 'No mailbox; SharePoint refuses uploads for the account (403)',
    entraPhoto: 'messi5',
    graphFault: NO_MAILBOX,
    sharePoint: { kind: 'photo', photo: 'squirrel_cls' },
    upload: 'forbidden'
  },
  {
    name: 'copy-reverted',
    label: 'Out of sync; a copy is accepted, then the older photo comes back (simulate it from the panel)',
    exchangePhoto: 'messi5',
    sharePoint: { kind: 'photo', photo: 'squirrel_cls' },
    signInNeverSyncs: true,
    copyReverts: true
  }
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
