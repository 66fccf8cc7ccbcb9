import { CheckFailureReason } from './CheckFailure';

/** Where SharePoint stands after a copy that did not succeed. */
export type SharePointPictureState =
  /** SharePoint answered with an error: it still has the picture it had. */
  | 'unchanged'
  /** The upload was cut off (network, timeout): SharePoint may or may not have the new picture. */
  | 'unknown';

export type CopyOutcome =
  | { kind: 'copied'; bytes: number }
  | { kind: 'failed'; reason: CheckFailureReason; state: SharePointPictureState; stage: 'read-exchange' | 'upload' };
