import * as strings from 'ProfilePhotoSyncWebPartStrings';
import { CheckFailureReason, CheckService } from '../../models/CheckFailure';
import { SyncVerdict } from '../../models/IPhotoSyncResult';
import { NextStepKind } from '../../models/INextStep';
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
  /** Whether copying the Outlook / Teams photo into SharePoint would fix what the verdict says. */
  offerCopy: boolean;
}

export interface IVerdictContext {
  /** The page is in edit mode: whoever sees it can change the page, so gets the site owner's instructions. */
  isEditMode: boolean;
  /** The one-click copy is offered here (the site owner allows it and it can run). */
  canCopy?: boolean;
  /**
   * The next step the card leads with: when it is not the private-window steps, the text does not promise them
   * (the card says why next to it).
   */
  nextStep?: NextStepKind;
  /**
   * The private-window steps are shown below the text (the personal part); false where they are on another page
   * (the card's quick view links to them), so the text does not point below.
   */
  stepsShownHere?: boolean;
}

/** What the user reads for each verdict. Pure: the same verdict always gives the same words. */
export function verdictText(verdict: SyncVerdict, threshold: number, context: IVerdictContext = { isEditMode: false }): IVerdictText {
  switch (verdict.kind) {
    case 'in-sync':
      return {
        type: 'success',
        title: strings.InSyncTitle,
        text: strings.InSyncText,
        details: verdict.noMailbox ? [distanceLine(verdict.distance, threshold), strings.EntraInSyncNote] : [distanceLine(verdict.distance, threshold)],
        showSteps: false,
        offerCopy: false
      };
    case 'out-of-sync':
      return {
        type: 'warning',
        title: strings.OutOfSyncTitle,
        // Without a mailbox, no sign-in makes SharePoint sync: the copy is the fix, or IT when it is not offered.
        text: verdict.noMailbox ? entraText(context) : stepsLead(context) ? strings.OutOfSyncText : strings.OutOfSyncTextNoSteps,
        details: [distanceLine(verdict.distance, threshold)],
        showSteps: !verdict.noMailbox,
        offerCopy: true
      };
    case 'sharepoint-placeholder':
      return {
        type: 'warning',
        title: strings.PlaceholderTitle,
        text: verdict.noMailbox ? entraText(context) : stepsLead(context) ? strings.PlaceholderText : strings.PlaceholderTextNoSteps,
        details: [],
        showSteps: !verdict.noMailbox,
        offerCopy: true
      };
    case 'no-exchange-photo':
      return { type: 'info', title: strings.NoExchangePhotoTitle, text: strings.NoExchangePhotoText, details: [], showSteps: false, offerCopy: false };
    case 'no-mailbox':
      return { type: 'info', title: strings.NoMailboxTitle, text: strings.NoMailboxText, details: [], showSteps: false, offerCopy: false };
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
        showSteps: false,
        offerCopy: false
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
    case 'redirected-elsewhere': return strings.ReasonRedirectedElsewhere;
    case 'timeout': return strings.ReasonTimeout;
    case 'not-an-image': return strings.ReasonNotAnImage;
    case 'too-large': return strings.ReasonTooLarge;
    case 'profile-not-found': return strings.ReasonProfileNotFound;
    default: return strings.ReasonUnexpected;
  }
}

/** Whether the private-window steps are what the card leads with (so the text may point "below" to them). */
function stepsLead(context: IVerdictContext): boolean {
  return context.stepsShownHere !== false && (context.nextStep === undefined || context.nextStep === 'steps');
}

function entraText(context: IVerdictContext): string {
  return context.canCopy ? strings.EntraNoSyncCopy : strings.EntraNoSyncAskIt;
}

function serviceLine(service: CheckService): string {
  return service === 'exchange' ? strings.ServiceExchange : service === 'sharepoint' ? strings.ServiceSharePoint : strings.ServiceComparison;
}

function distanceLine(distance: number, threshold: number): string {
  return format(strings.DistanceExplanation, Math.round(distance * 100), Math.round(threshold * 100));
}
