/** What Microsoft Graph says about the signed-in user's Exchange Online photo (`GET /me/photo`). */
export interface IExchangePhotoMetadata {
  /** Pixel size of the largest stored photo. */
  width: number;
  height: number;
  contentType?: string;
  /** `@odata.mediaEtag`: changes whenever the photo changes. */
  etag?: string;
}

/** The outcome of looking up the Exchange photo: every expected answer is a value, never a throw. */
export type ExchangePhotoLookup =
  /**
   * `source: 'entra'`: the user has no Exchange Online mailbox and the photo is Microsoft Entra ID's, which Graph
   * serves only whole (`/me/photo/$value`, any dimension). SharePoint never syncs such a photo by itself.
   */
  | { kind: 'photo'; metadata: IExchangePhotoMetadata; source?: 'exchange' | 'entra' }
  /** No photo in Exchange Online (Graph answered 404, or the 1x1 "no photo" GIF). */
  | { kind: 'none' }
  /** No Exchange Online mailbox (none at all, or hosted on-premises): SharePoint can never sync from it. */
  | { kind: 'no-mailbox'; code: string };

/** Photo sizes Microsoft Graph serves under `/me/photos/{size}`. */
export const GRAPH_PHOTO_SIZES: ReadonlyArray<number> = [48, 64, 96, 120, 240, 360, 432, 504, 648];
