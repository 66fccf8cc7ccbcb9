import * as strings from 'ProfilePhotoSyncWebPartStrings';
import { SyncVerdictKind } from '../../models/IPhotoSyncResult';
import { NextStepKind } from '../../models/INextStep';

/**
 * A verdict and a next step in words, as the team overview's rows show them; the tenant audit's list writes them
 * (in English) in its Reason column, so a person's row reads the same in both.
 */
export function verdictLabel(kind: SyncVerdictKind): string {
  switch (kind) {
    case 'in-sync': return strings.TeamVerdictInSync;
    case 'out-of-sync': return strings.TeamVerdictOutOfSync;
    case 'sharepoint-placeholder': return strings.TeamVerdictPlaceholder;
    case 'no-exchange-photo': return strings.TeamVerdictNoExchangePhoto;
    case 'no-mailbox': return strings.TeamVerdictNoMailbox;
    default: return strings.TeamVerdictCouldNotCheck;
  }
}

export function nextStepLabel(step: NextStepKind): string {
  switch (step) {
    case 'steps': return strings.TeamNextSteps;
    case 'copy': return strings.TeamNextCopy;
    case 'ask-it': return strings.TeamNextAskIt;
    case 'wait': return strings.TeamNextWait;
    default: return strings.TeamNextNone;
  }
}
