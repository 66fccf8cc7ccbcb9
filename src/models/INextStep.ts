/** What the card offers as its main action. */
export type NextStepKind = 'steps' | 'copy' | 'ask-it' | 'wait' | 'none';

/** Why that step: what was tried, how long ago, and what changed since (see src/shared/nextStep.ts). */
export type NextStepReason =
  | 'in-sync'
  /** No Exchange photo yet, or the check failed: the verdict's own message says what to do. */
  | 'nothing-to-do'
  | 'not-tried'
  /** The steps were done less than SharePoint's documented 24 hours ago. */
  | 'steps-recent'
  /** The steps are older than 24 hours and SharePoint's picture has not changed since. */
  | 'steps-did-not-work'
  /** SharePoint stored a picture since the steps, but still not the Exchange photo. */
  | 'synced-something-else'
  /** The account has no Exchange Online mailbox: SharePoint never syncs it. */
  | 'no-mailbox'
  /** `SPS-PictureExchangeSyncState` says SharePoint does not pull this account's photo from Exchange. */
  | 'sync-off'
  /** A copy SharePoint accepted was replaced again by another photo. */
  | 'copy-reverted'
  /** SharePoint refused the copy because uploads are turned off for the account. */
  | 'upload-disabled';

export interface INextStep {
  step: NextStepKind;
  reason: NextStepReason;
  /** Whether the private-window steps could still help, so "Show the steps again" is offered when not the main step. */
  stepsCanHelp: boolean;
  stepsDoneAt?: Date;
  copiedAt?: Date;
}

/** SharePoint's picture as its profile describes it: what changes when SharePoint stores another picture. */
export interface ISharePointPictureState {
  /** `SPS-PictureTimestamp`, ISO 8601. */
  timestamp?: string;
  pictureUrl?: string;
  placeholder: boolean;
  /** `SPS-PictureExchangeSyncState` as SharePoint stores it. */
  exchangeSyncState?: string;
}

/** How a copy to SharePoint ended. */
export type CopyAttemptOutcome = 'copied' | 'upload-disabled' | 'blocked' | 'failed';

/** What this person tried, remembered in their browser next to the verdict cache. */
export interface IFixHistory {
  /** The Exchange photo it was about (its media ETag, or its size): a new photo starts a new history. */
  exchangeTag: string;
  /** "I've done the steps", ISO 8601, and SharePoint's picture at that moment. */
  stepsDoneAt?: string;
  stepsPicture?: ISharePointPictureState;
  copy?: { at: string; outcome: CopyAttemptOutcome; picture?: ISharePointPictureState };
}
