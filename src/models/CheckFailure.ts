/** Why a check could not reach a verdict. Each has its own localized message and next step. */
export type CheckFailureReason =
  /** Graph 401/403: the tenant has not approved the web part's `User.Read` permission, or access was revoked. */
  | 'permission-denied'
  /** 429: throttled, even after the retries. */
  | 'throttled'
  /** 5xx: the service is down or overloaded. */
  | 'unavailable'
  /** The request never reached the service. */
  | 'network'
  /**
   * SharePoint answered, with a redirect to an address the page may not read (another origin without CORS, as
   * userphoto.aspx sometimes sends to the -my host): the picture exists, its bytes cannot be compared.
   */
  | 'redirected-elsewhere'
  /** A request, or the whole check, took too long. */
  | 'timeout'
  /** A photo came back as something other than a readable JPEG or PNG (a login page, a broken file). */
  | 'not-an-image'
  /** A photo is larger than the comparison accepts. */
  | 'too-large'
  /** SharePoint has no user profile for this user. */
  | 'profile-not-found'
  /** The picture is larger than SharePoint accepts, or not a format it takes. */
  | 'rejected-picture'
  /** Anything else: the message says so plainly and offers a retry. */
  | 'unexpected';

export type CheckService = 'exchange' | 'sharepoint' | 'comparison';
