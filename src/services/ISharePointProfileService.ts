import { SharePointPhotoSize, SharePointProfileLookup } from '../models/ISharePointProfile';

/** Reads the current user's SharePoint profile picture and its metadata. `signal` cancels the request. */
export interface ISharePointProfileService {
  getMyProfile(signal?: AbortSignal): Promise<SharePointProfileLookup>;
  /**
   * The picture SharePoint shows for the account (`/_layouts/15/userphoto.aspx`), as bytes.
   * `fresh` bypasses the browser's cache (used by "Check again").
   */
  getPicture(accountName: string, size: SharePointPhotoSize, fresh: boolean, signal?: AbortSignal): Promise<IPictureBytes>;
  /**
   * The picture's address, for an `<img>` to show it when `getPicture` could not read it (an image element may
   * show what a script may not read). Same origin as the site; never the profile's own `PictureURL`.
   */
  pictureAddress(accountName: string, size: SharePointPhotoSize): string;
  /** Sets the signed-in user's own SharePoint profile picture (`PeopleManager/SetMyProfilePicture`). */
  setMyPicture(picture: Uint8Array, signal?: AbortSignal): Promise<void>;
}

/** SharePoint accepts BMP, JPEG and PNG pictures of up to 5 million bytes for `SetMyProfilePicture`. */
export const SHAREPOINT_PICTURE_MAX_BYTES = 5000000;

export interface IPictureBytes {
  bytes: Uint8Array;
  contentType: string;
}
