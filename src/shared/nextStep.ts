import { SyncVerdict } from '../models/IPhotoSyncResult';
import { IFixHistory, INextStep, ISharePointPictureState, NextStepReason } from '../models/INextStep';

/** SharePoint's documented window for picking up a photo after the steps. A constant, not a setting. */
export const SYNC_WINDOW_HOURS = 24;

export interface INextStepInput {
  verdict: SyncVerdict;
  /** The copy is offered here (the site owner allows it, and there is an Exchange photo to copy). */
  canCopy: boolean;
  /** SharePoint's picture now; absent when the profile could not be read. */
  picture?: ISharePointPictureState;
  /** What this person tried, for the Exchange photo they have now; absent for a site owner looking at someone else. */
  history?: IFixHistory;
  now: Date;
}

/**
 * `SPS-PictureExchangeSyncState` 0: SharePoint does not pull this account's picture from Exchange. Tools that upload
 * pictures straight to SharePoint set it to 0 so that Exchange does not overwrite them; 1 (or nothing) is the
 * normal state. Microsoft does not document the property, so only 0 is read as "off".
 */
export function exchangeSyncOff(picture: ISharePointPictureState | undefined): boolean {
  return !!picture && (picture.exchangeSyncState || '').trim() === '0';
}

/** Whether SharePoint stored another picture between two readings of its profile. */
export function pictureChanged(before: ISharePointPictureState | undefined, now: ISharePointPictureState | undefined): boolean {
  if (!before || !now) {
    return false;
  }
  return (before.timestamp || '') !== (now.timestamp || '') || (before.pictureUrl || '') !== (now.pictureUrl || '') || before.placeholder !== now.placeholder;
}

/**
 * The one next step the card leads with, from the verdict, what SharePoint's profile says and what this person
 * already tried. Pure: the personal part, the team overview (without anyone's history) and the card share it.
 * The rules, in order (first match wins):
 *  1. In sync: nothing. No Exchange photo, or the check failed: nothing here (the verdict's message says what to do).
 *     No mailbox and no photo anywhere: ask IT.
 *  2. A copy was refused because uploads are off for the account: ask IT (change the photo in the Microsoft 365
 *     profile). A copy SharePoint accepted and the photos differ again: ask IT (an older photo keeps coming back).
 *  3. No mailbox (the photo is Entra ID's), or SharePoint does not pull from Exchange: the steps cannot work; copy,
 *     or ask IT where copying is not offered.
 *  4. The steps were done: SharePoint stored another picture since (still not this one): ask IT. Less than 24 hours
 *     ago: wait. Older, nothing changed: copy, or ask IT.
 *  5. Nothing tried: the steps.
 */
export function decideNextStep(input: INextStepInput): INextStep {
  const { verdict, history } = input;
  const stepsDoneAt = history && history.stepsDoneAt ? new Date(history.stepsDoneAt) : undefined;
  const copiedAt = history && history.copy ? new Date(history.copy.at) : undefined;
  const dated = { stepsDoneAt, copiedAt };
  const result = (step: INextStep['step'], reason: NextStepReason, stepsCanHelp: boolean): INextStep => ({ step, reason, stepsCanHelp, ...dated });
  const copyOr = (reason: NextStepReason, stepsCanHelp: boolean): INextStep => result(input.canCopy ? 'copy' : 'ask-it', reason, stepsCanHelp);

  switch (verdict.kind) {
    case 'in-sync':
      return result('none', 'in-sync', false);
    case 'no-exchange-photo':
    case 'could-not-check':
      return result('none', 'nothing-to-do', false);
    case 'no-mailbox':
      return result('ask-it', 'no-mailbox', false);
    default:
      break;
  }
  const noMailbox = !!verdict.noMailbox;
  const copy = history && history.copy;
  if (copy && copy.outcome === 'upload-disabled') {
    return result('ask-it', 'upload-disabled', false);
  }
  if (copy && copy.outcome === 'copied') {
    return result('ask-it', 'copy-reverted', !noMailbox && !exchangeSyncOff(input.picture));
  }
  if (noMailbox) {
    return copyOr('no-mailbox', false);
  }
  if (exchangeSyncOff(input.picture)) {
    return copyOr('sync-off', false);
  }
  if (stepsDoneAt && !isNaN(stepsDoneAt.getTime())) {
    if (pictureChanged(history!.stepsPicture, input.picture)) {
      return result('ask-it', 'synced-something-else', true);
    }
    const hours = (input.now.getTime() - stepsDoneAt.getTime()) / 3600000;
    return hours < SYNC_WINDOW_HOURS ? result('wait', 'steps-recent', true) : copyOr('steps-did-not-work', true);
  }
  return result('steps', 'not-tried', true);
}

/**
 * The next step for someone else's result, as a site owner or IT sees it (the team overview's rows, the tenant
 * audit's list): only what SharePoint and Graph say, nobody's remembered attempts, and the copy is the person's own
 * to make, so where the private-window steps cannot work it is the copy.
 */
export function othersNextStep(result: { verdict: SyncVerdict; sharePointPicture?: ISharePointPictureState }, now: Date): INextStep {
  return decideNextStep({ verdict: result.verdict, canCopy: true, picture: result.sharePointPicture, now });
}
