import * as strings from 'ProfilePhotoSyncWebPartStrings';
import { IPhotoSyncResult, IPixelSize } from '../models/IPhotoSyncResult';
import { CopyAttemptOutcome, IFixHistory } from '../models/INextStep';
import { format } from './components/format';
import { verdictText } from './components/verdictText';
import { isEmailAddress, isHttpsUrl } from './itContact';

export interface IItMessageInput {
  result: IPhotoSyncResult;
  history?: IFixHistory;
  threshold: number;
  /** The person's browser, in words ("Microsoft Edge on Windows"). */
  browser: string;
  /** Dates and times in the person's language. */
  formatDate: (date: Date) => string;
}

export interface IItMessage {
  subject: string;
  body: string;
}

/**
 * The message a person sends IT when the fix is not theirs to make: the facts IT needs (the verdict and its distance,
 * both photos' sizes, SharePoint's picture time, placeholder and Exchange sync state, whether there is a mailbox, what
 * was tried and how it ended, the browser) and what IT can check. Nothing beyond what the card shows the person.
 */
export function itMessage(input: IItMessageInput): IItMessage {
  const { result, history, formatDate } = input;
  const verdict = result.verdict;
  const picture = result.sharePointPicture;
  const lines: string[] = [strings.ItMessageIntro, ''];
  const title = verdictText(verdict, input.threshold).title;
  const distance = verdict.kind === 'in-sync' || verdict.kind === 'out-of-sync' ? verdict.distance : undefined;
  lines.push(
    distance === undefined
      ? `${strings.TeamColumnVerdict}: ${title}`
      : format(strings.ItLineVerdict, title, Math.round(distance * 100), Math.round(input.threshold * 100))
  );
  if (result.compared) {
    lines.push(format(strings.ItLineSizes, size(result.compared.exchange), size(result.compared.sharePoint)));
  }
  const time = picture && picture.timestamp ? new Date(picture.timestamp) : undefined;
  lines.push(format(strings.ItLineSharePointTime, time && !isNaN(time.getTime()) ? `${formatDate(time)} (${time.toISOString()})` : strings.ItNotKnown));
  lines.push(format(strings.ItLinePlaceholder, !picture ? strings.ItNotKnown : picture.placeholder ? strings.ItYes : strings.ItNo));
  lines.push(format(strings.ItLineSyncState, picture && picture.exchangeSyncState ? picture.exchangeSyncState : strings.ItNotKnown));
  lines.push(format(strings.ItLineMailbox, hasMailbox(result) === undefined ? strings.ItNotKnown : hasMailbox(result) ? strings.ItYes : strings.ItNo));
  const stepsDone = history && history.stepsDoneAt ? new Date(history.stepsDoneAt) : undefined;
  lines.push(format(strings.ItLineSteps, stepsDone ? format(strings.ItStepsDone, formatDate(stepsDone)) : strings.ItNotDone));
  const copy = history && history.copy;
  lines.push(format(strings.ItLineCopy, copy ? format(copyOutcome(copy.outcome), formatDate(new Date(copy.at))) : strings.ItNotTried));
  lines.push(format(strings.ItLineBrowser, input.browser));
  lines.push('', strings.ItCheckHeading, strings.ItCheckDiagnostic, strings.ItCheckEditable, strings.ItCheckSyncState);
  return { subject: strings.ItMessageSubject, body: lines.join('\n') };
}

/** Whether the account has an Exchange Online mailbox, as far as the check can tell. */
function hasMailbox(result: IPhotoSyncResult): boolean | undefined {
  const v = result.verdict;
  if (v.kind === 'no-mailbox') {
    return false;
  }
  if (v.kind === 'in-sync' || v.kind === 'out-of-sync' || v.kind === 'sharepoint-placeholder') {
    return !v.noMailbox;
  }
  return v.kind === 'no-exchange-photo' ? true : undefined;
}

function size(s: IPixelSize): string {
  return `${s.width} × ${s.height}`;
}

function copyOutcome(outcome: CopyAttemptOutcome): string {
  switch (outcome) {
    case 'copied': return strings.ItCopyCopied;
    case 'upload-disabled': return strings.ItCopyUploadDisabled;
    case 'blocked': return strings.ItCopyBlocked;
    default: return strings.ItCopyFailed;
  }
}

/**
 * Where the message goes: a `mailto:` link with subject and body when the site owner's IT contact is an email address,
 * the support page when it is an https link, or nowhere (the person copies it) when there is none.
 */
export function itContactLink(contact: string | undefined, message: IItMessage): { kind: 'mail' | 'web'; href: string } | undefined {
  const text = (contact || '').trim();
  if (isEmailAddress(text)) {
    return { kind: 'mail', href: `mailto:${encodeURIComponent(text).replace(/%40/g, '@')}?subject=${encodeURIComponent(message.subject)}&body=${encodeURIComponent(message.body)}` };
  }
  if (isHttpsUrl(text)) {
    return { kind: 'web', href: text };
  }
  return undefined;
}
