import { CheckFailureReason, CheckService } from './CheckFailure';
import { ISharePointPictureState } from './INextStep';

/** The verdict the web part shows, decided from metadata first and pixels second. */
/**
 * `noMailbox`: the photo compared is Microsoft Entra ID's (the account has no Exchange Online mailbox), so
 * SharePoint will never pick up a change by itself; signing in again does not help, copying it does.
 */
export type SyncVerdict =
  | { kind: 'in-sync'; distance: number; noMailbox?: boolean }
  | { kind: 'out-of-sync'; distance: number; noMailbox?: boolean }
  | { kind: 'sharepoint-placeholder'; noMailbox?: boolean }
  | { kind: 'no-exchange-photo' }
  | { kind: 'no-mailbox' }
  /** `service` is absent when the check as a whole failed (its time limit). */
  | { kind: 'could-not-check'; reason: CheckFailureReason; service?: CheckService; retryAfterSeconds?: number };

export type SyncVerdictKind = SyncVerdict['kind'];

/** One photo as the web part shows it: the exact bytes that were compared. */
export interface IShownPhoto {
  bytes: Uint8Array;
  contentType: string;
}

export interface IPhotoSyncResult {
  verdict: SyncVerdict;
  exchangePhoto?: IShownPhoto;
  sharePointPhoto?: IShownPhoto;
  /**
   * Where an `<img>` can show SharePoint's picture when its bytes could not be read (`redirected-elsewhere`):
   * `userphoto.aspx` on the current site, which the browser follows to wherever SharePoint keeps the picture.
   */
  sharePointPhotoAddress?: string;
  /** From `SPS-PictureTimestamp`, when SharePoint knows it. */
  sharePointUpdated?: Date;
  displayName?: string;
  checkedAt: Date;
  /** Shown from the last visit's check: the metadata had not changed, so no photo was downloaded. */
  fromCache?: boolean;
  /** SharePoint's picture as its profile describes it (timestamp, URL, placeholder, Exchange sync state). */
  sharePointPicture?: ISharePointPictureState;
  /** The Exchange (or Entra ID) photo the verdict is about: its media ETag, or its size. */
  exchangeTag?: string;
  /** The sizes of the two photos compared, in pixels. */
  compared?: { exchange: IPixelSize; sharePoint: IPixelSize };
}

export interface IPixelSize {
  width: number;
  height: number;
}
