/** The picture-related part of the current user's SharePoint profile (`PeopleManager/GetMyProperties`). */
export interface ISharePointProfile {
  /** Claims account name, e.g. `i:0#.f|membership|megan@contoso.com`. */
  accountName: string;
  displayName?: string;
  /** `PictureUrl`: empty when SharePoint has no picture for the user. */
  pictureUrl?: string;
  /** `SPS-PictureTimestamp`: when SharePoint last stored a picture, if known. */
  pictureTimestamp?: Date;
  /** `SPS-PicturePlaceholderState` is 1: SharePoint shows the grey placeholder instead of a photo. */
  placeholder: boolean;
  /** `SPS-PictureExchangeSyncState` as SharePoint stores it (informational: not documented by Microsoft). */
  exchangeSyncState?: string;
}

export type SharePointProfileLookup =
  | { kind: 'profile'; profile: ISharePointProfile }
  /** No user profile yet (a guest, or a user SharePoint has not provisioned). */
  | { kind: 'not-found' };

/** Sizes of `/_layouts/15/userphoto.aspx`: S 48 px, M 72 px, L 300 px. */
export type SharePointPhotoSize = 'S' | 'M' | 'L';
