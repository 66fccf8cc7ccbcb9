import * as strings from 'ProfilePhotoSyncWebPartStrings';
import { CheckFailureReason, CheckService } from '../../../models/CheckFailure';
import { SyncVerdict } from '../../../models/IPhotoSyncResult';
import { BannerType } from './Banner';
import { format } from './format';

export interface IVerdictText {
  type: BannerType;
  title: string;
  text: string;
  /** Extra lines under the text: which side failed, how the photos were compared. */
  details: string[];
  /** Whether the resync walk-through applies. */
  showSteps: boolean;
}

export interface IVerdictContext {
  /** The page is in edit mode: whoever sees it can change the page, so gets the site owner's instructions. */
  isEditMode: boolean;
}

/** What the user reads for each verdict. Pure: the same verdict always gives the same words. */
export function verdictText(verdict: SyncVerdict, threshold: number, context: IVerdictContext = { isEditMode: false }): IVerdictText {
  switch (verdict.kind) {
    case 'in-sync':
      return {
        type: 'success',
        title: strings.InSyncTitle,
        text: strings.InSyncText,
        details: [distanceLine(verdict.distance, threshold)],
        showSteps: false
      };
    case 'out-of-sync':
      return {
        type: 'warning',
        title: strings.OutOfSyncTitle,
        text: strings.OutOfSyncText,
        details: [distanceLine(verdict.distance, threshold)],
        showSteps: true
      };
    case 'sharepoint-placeholder':
      return { type: 'warning', title: strings.PlaceholderTitle, text: strings.PlaceholderText, details: [], showSteps: true };
    case 'no-exchange-photo':
      return { type: 'info', title: strings.NoExchangePhotoTitle, text: strings.NoExchangePhotoText, details: [], showSteps: false };
    case 'no-mailbox':
      return { type: 'info', title: strings.NoMailboxTitle, text: strings.NoMailboxText, details: [], showSteps: false };
    case 'could-not-check': {
      const details: string[] = [];
      if (verdict.service) {
        details.push(serviceLine(verdict.service));
      }
      const graphPermission = verdict.reason === 'permission-denied' && verdict.service === 'exchange';
      if (graphPermission && context.isEditMode) {
        details.push(strings.OwnerPermissionHelp);
      }
      return {
        type: 'error',
        title: strings.CouldNotCheckTitle,
        text: reasonText(verdict.reason, verdict.retryAfterSeconds, verdict.service),
        details,
        showSteps: false
      };
    }
  }
}

export function reasonText(reason: CheckFailureReason, retryAfterSeconds?: number, service?: CheckService): string {
  switch (reason) {
    case 'permission-denied':
      // Only Graph needs an approved permission; a 403 from SharePoint is about the user's session or access.
      return service === 'sharepoint' ? strings.ReasonSharePointDenied : strings.ReasonPermissionDenied;
    case 'throttled':
      return retryAfterSeconds ? format(strings.ReasonThrottledSeconds, retryAfterSeconds) : strings.ReasonThrottled;
    case 'unavailable': return strings.ReasonUnavailable;
    case 'network': return strings.ReasonNetwork;
    case 'timeout': return strings.ReasonTimeout;
    case 'not-an-image': return strings.ReasonNotAnImage;
    case 'too-large': return strings.ReasonTooLarge;
    case 'profile-not-found': return strings.ReasonProfileNotFound;
    default: return strings.ReasonUnexpected;
  }
}

function serviceLine(service: CheckService): string {
  return service === 'exchange' ? strings.ServiceExchange : service === 'sharepoint' ? strings.ServiceSharePoint : strings.ServiceComparison;
}

function distanceLine(distance: number, threshold: number): string {
  return format(strings.DistanceExplanation, Math.round(distance * 100), Math.round(threshold * 100));
}
