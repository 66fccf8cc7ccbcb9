import { CheckFailureReason, CheckService } from '../models/CheckFailure';
import { SyncVerdict } from '../models/IPhotoSyncResult';
import { ISharePointPictureState, NextStepKind } from '../models/INextStep';
import { ITeamMember, ITeamPersonResult } from '../models/ITeam';
import { othersNextStep } from './nextStep';

/**
 * The tenant audit's list, as its writer (audit/job/auditList.ts) and its reader (the team overview) both know it:
 * its title, the columns a reader asks for, what its description says about the last complete run, and how an item
 * becomes a person's result again.
 */
export const AUDIT_LIST_TITLE = 'Profile photo audit';

/** What the list's description says before the time of the last complete run. */
const DESCRIPTION = 'Profile photo sync, person by person: written by the tenant audit (Profile Photo Sync).';
const LAST_RUN = 'Last complete run:';

/** The list's description, with the time the last complete run ended (ISO 8601, so any reader can parse it). */
export function auditListDescription(lastCompleteRun?: Date): string {
  return lastCompleteRun ? `${DESCRIPTION} ${LAST_RUN} ${lastCompleteRun.toISOString()}` : DESCRIPTION;
}

/** When the last complete run ended, from the list's description; undefined before the first. */
export function lastCompleteRun(description: string | undefined): Date | undefined {
  const match = /Last complete run: (\d{4}-\d\d-\d\dT[\d:.]+Z)/.exec(description || '');
  const at = match ? new Date(match[1]) : undefined;
  return at && !isNaN(at.getTime()) ? at : undefined;
}

/** The columns a reader of people's rows asks for. */
export const AUDIT_READ_COLUMNS = ['Title', 'Verdict', 'NextStep', 'Distance', 'Failure', 'SharePointPictureTime', 'CheckedAt'] as const;

/**
 * Failures that are facts about the person's data, which a check from a browser would find again (no SharePoint
 * profile, a photo that is not an image, too large, refused by SharePoint): a reader takes them from the list. Any
 * other failure (access, network, throttling, a time limit) is the audit's own trouble, and a reader checks again.
 */
const SETTLED_FAILURES: ReadonlyArray<CheckFailureReason> = ['profile-not-found', 'not-an-image', 'too-large', 'rejected-picture'];
const SERVICES: ReadonlyArray<CheckService> = ['exchange', 'sharepoint', 'comparison'];

/** The `Failure` column: a could-not-check's reason and service as tokens (`profile-not-found/sharepoint`). */
export function failureTokens(reason: CheckFailureReason, service: CheckService | undefined): string {
  return service ? `${reason}/${service}` : reason;
}

/** An item as SharePoint returns it (the columns above; SharePoint gives an empty column as null). */
/* eslint-disable @rushstack/no-new-null */
export interface IAuditListItem {
  Title?: string | null;
  Verdict?: string | null;
  NextStep?: string | null;
  Distance?: number | null;
  Failure?: string | null;
  SharePointPictureTime?: string | null;
  CheckedAt?: string | null;
}
/* eslint-enable @rushstack/no-new-null */

/**
 * The result an item stands for, for `member`; undefined when the audit did not decide this person (it could not
 * check them for a reason of its own, or the item is not one this version writes): a reader then checks them itself.
 * The item keeps only tokens, so the result is rebuilt to give the same next step by the same rules
 * (`othersNextStep`): where that is the copy, the reason (no mailbox, or SharePoint not pulling from Exchange) is not
 * in the list, and the rebuilt result says "SharePoint does not pull from Exchange", which leads to the same step and
 * the same message. An item whose next step the rules would not give is not trusted.
 */
export function auditedResult(item: IAuditListItem, member: ITeamMember, now: Date): ITeamPersonResult | undefined {
  const verdict = auditedVerdict(item);
  const next = item.NextStep as NextStepKind | null | undefined;
  if (!verdict || !next) {
    return undefined;
  }
  const parsed = item.SharePointPictureTime ? new Date(item.SharePointPictureTime) : undefined;
  const updated = parsed && !isNaN(parsed.getTime()) ? parsed : undefined;
  const picture: ISharePointPictureState = {
    placeholder: verdict.kind === 'sharepoint-placeholder',
    timestamp: updated ? updated.toISOString() : undefined,
    exchangeSyncState: next === 'copy' ? '0' : undefined
  };
  const result: ITeamPersonResult = { member, verdict, sharePointPicture: picture, audited: true };
  if (updated) {
    result.sharePointUpdated = updated;
  }
  return othersNextStep(result, now).step === next ? result : undefined;
}

function auditedVerdict(item: IAuditListItem): SyncVerdict | undefined {
  const distance = typeof item.Distance === 'number' && isFinite(item.Distance) ? item.Distance : undefined;
  switch (item.Verdict) {
    case 'in-sync':
    case 'out-of-sync':
      return distance === undefined ? undefined : { kind: item.Verdict, distance };
    case 'sharepoint-placeholder':
    case 'no-exchange-photo':
    case 'no-mailbox':
      return { kind: item.Verdict };
    case 'could-not-check': {
      const [reason, service] = (item.Failure || '').split('/') as [CheckFailureReason, CheckService | undefined];
      const settled = SETTLED_FAILURES.indexOf(reason) >= 0 && (service === undefined || SERVICES.indexOf(service) >= 0);
      return settled ? { kind: 'could-not-check', reason, service } : undefined;
    }
    default:
      return undefined; // a token this version does not know
  }
}
