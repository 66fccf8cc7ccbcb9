import type { SyncVerdict, SyncVerdictKind } from '../models/IPhotoSyncResult';
import { format } from './components/format';
import { isHttpsUrl, isValidItContact } from './itContact';

/** What people whose photo is in sync see. */
export type InSyncDisplay = 'card' | 'line' | 'hidden';

/** The verdict an owner previews in edit mode; 'live' shows the real one. */
export type PreviewChoice = 'live' | SyncVerdictKind;

export const PREVIEW_CHOICES: ReadonlyArray<PreviewChoice> = [
  'live',
  'in-sync',
  'out-of-sync',
  'sharepoint-placeholder',
  'no-exchange-photo',
  'no-mailbox',
  'could-not-check'
];

export const TITLE_MAX_LENGTH = 100;

/** An example of each verdict, for the edit-mode preview. */
export function sampleVerdict(kind: SyncVerdictKind): SyncVerdict {
  switch (kind) {
    case 'in-sync':
      return { kind, distance: 0.03 };
    case 'out-of-sync':
      return { kind, distance: 0.45 };
    case 'could-not-check':
      return { kind, reason: 'permission-denied', service: 'exchange' };
    default:
      return { kind };
  }
}

/** The help link is optional; when set it must be an https address (it is shown to everyone as a link). */
export function isValidHelpUrl(value: string | undefined): boolean {
  const text = (value || '').trim();
  return !text || isHttpsUrl(text);
}

/** The property pane's message for a title, or '' when it is fine. `template` is the localized TitleTooLong. */
export function titleError(value: string | undefined, template: string): string {
  return (value || '').length > TITLE_MAX_LENGTH ? format(template, TITLE_MAX_LENGTH) : '';
}

/** The property pane's message for the help link, or '' when it is fine. */
export function helpUrlError(value: string | undefined, message: string): string {
  return isValidHelpUrl(value) ? '' : message;
}

/** The property pane's message for the IT contact (an email address or an https link), or '' when it is fine. */
export function itContactError(value: string | undefined, message: string): string {
  return isValidItContact(value) ? '' : message;
}
