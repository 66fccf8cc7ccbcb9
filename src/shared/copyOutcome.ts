import * as strings from 'ProfilePhotoSyncWebPartStrings';
import { CopyOutcome } from '../models/ICopyOutcome';
import { CopyAttemptOutcome } from '../models/INextStep';
import { reasonText } from './components/verdictText';

/**
 * How a copy ended, as remembered. SharePoint refusing the upload (403) for an account without a mailbox is the
 * Microsoft 365 change (MC653734) that turned uploads off for accounts without an Exchange licence; for an account
 * with one it is the tenant not letting this solution change pictures.
 */
export function copyAttempt(outcome: CopyOutcome, noMailbox: boolean): CopyAttemptOutcome {
  if (outcome.kind === 'copied') {
    return 'copied';
  }
  if (outcome.reason === 'permission-denied' && outcome.stage === 'upload') {
    return noMailbox ? 'upload-disabled' : 'blocked';
  }
  return 'failed';
}

/** Why a copy failed, in the words the web part and the card both use. */
export function copyFailureText(failed: Extract<CopyOutcome, { kind: 'failed' }>): string {
  if (failed.reason === 'rejected-picture') {
    return strings.CopyRejected;
  }
  if (failed.reason === 'permission-denied' && failed.stage === 'upload') {
    return strings.CopyBlocked;
  }
  return reasonText(failed.reason, undefined, failed.stage === 'upload' ? 'sharepoint' : 'exchange');
}
