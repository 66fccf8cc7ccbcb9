import { CheckFailureReason, CheckService } from './CheckFailure';

/** The verdict the web part shows, decided from metadata first and pixels second. */
export type SyncVerdict =
  | { kind: 'in-sync'; distance: number }
  | { kind: 'out-of-sync'; distance: number }
  | { kind: 'sharepoint-placeholder' }
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
  /** From `SPS-PictureTimestamp`, when SharePoint knows it. */
  sharePointUpdated?: Date;
  displayName?: string;
  checkedAt: Date;
  /** Shown from the last visit's check: the metadata had not changed, so no photo was downloaded. */
  fromCache?: boolean;
}
