import * as strings from 'ProfilePhotoSyncWebPartStrings';
import { CopyOutcome } from '../../models/ICopyOutcome';
import { INextStep } from '../../models/INextStep';
import { IPhotoSyncResult, IShownPhoto, SyncVerdictKind } from '../../models/IPhotoSyncResult';
import { verdictText } from '../../shared/components/verdictText';
import { copyFailureText } from '../../shared/copyOutcome';
import { SAME_PHOTO_THRESHOLD } from '../../comparison/threshold';
import { toBase64 } from '../../services/VerdictCache';

/** What the site owner sets in the card's property pane. */
export interface IProfilePhotoCardProperties {
  title: string;
  /** Where "Show me how" goes: the page with the personal web part (https); empty: the site's home page. */
  showMeHowUrl?: string;
  /** Offer "Copy my Outlook photo to SharePoint" (default on). */
  allowCopy?: boolean;
}

/** Where a copy started from the quick view stands. */
export type CardCopyState = { phase: 'confirm' } | { phase: 'copying' } | { phase: 'checking' } | { phase: 'copied' } | { phase: 'failed'; outcome: Extract<CopyOutcome, { kind: 'failed' }> };

/** The card's state: what the card view and the quick view are drawn from. Plain data, no services. */
export interface IProfilePhotoCardState {
  /** The latest verdict: the remembered one at first, then the confirmed one. Undefined until one is known. */
  result?: IPhotoSyncResult;
  /** A check the person can see is running (the first one with nothing remembered, or Check again). */
  checking: boolean;
  /** The next step for the verdict shown, by the personal part's rules. */
  nextStep?: INextStep;
  copy?: CardCopyState;
}

/** The one button on the card: opens the quick view, or the page with the personal part. */
export interface ICardButton {
  label: string;
  opens: 'quick-view' | 'page';
}

/** What the card view shows, at either size. */
export interface ICardContent {
  title: string;
  /** The verdict in a line. */
  header: string;
  /** The Large card's second line: why, or what the next step does. */
  body?: string;
  button?: ICardButton;
}

/** The ids the quick view's Action.Submit buttons send to `onAction`. */
export type QuickViewActionId = 'check-again' | 'copy' | 'confirm-copy' | 'cancel-copy';

/** The card's short line for each verdict. */
export function cardHeadline(kind: SyncVerdictKind): string {
  switch (kind) {
    case 'in-sync': return strings.CardInSync;
    case 'out-of-sync': return strings.CardOutOfSync;
    case 'sharepoint-placeholder': return strings.CardPlaceholder;
    case 'no-exchange-photo': return strings.CardNoExchangePhoto;
    case 'no-mailbox': return strings.CardNoMailbox;
    default: return strings.CardCouldNotCheck;
  }
}

/**
 * The card view: the verdict in a line, and one button for the next step the personal part would lead with (none
 * when nothing is needed). The private-window steps and asking IT happen on the page with the personal part; the
 * copy and waiting are explained in the quick view; a failed check offers its details (and Check again) there.
 */
export function cardContent(state: IProfilePhotoCardState, properties: IProfilePhotoCardProperties): ICardContent {
  const title = properties.title || strings.CardDefaultTitle;
  const result = state.result;
  if (!result) {
    return { title, header: strings.Loading };
  }
  const kind = result.verdict.kind;
  const step = state.nextStep ? state.nextStep.step : 'none';
  const header = cardHeadline(kind);
  switch (step) {
    case 'steps':
      return { title, header, body: strings.CardWhySteps, button: { label: strings.CardShowMeHow, opens: 'page' } };
    case 'copy':
      return { title, header, body: strings.CardWhyCopy, button: { label: strings.CardFixButton, opens: 'quick-view' } };
    case 'ask-it':
      return { title, header, body: strings.CardWhyAskIt, button: { label: strings.TeamNextAskIt, opens: 'page' } };
    case 'wait':
      return { title, header, body: strings.CardWhyWait, button: { label: strings.CardDetails, opens: 'quick-view' } };
    default:
      return kind === 'could-not-check'
        ? { title, header, body: verdictText(result.verdict, SAME_PHOTO_THRESHOLD).text, button: { label: strings.CardDetails, opens: 'quick-view' } }
        : { title, header };
  }
}

/** One side's photo in the quick view. */
export interface IQuickViewPhoto {
  /** A `data:` URI of the small JPEG or PNG the comparison used; empty when there is none to show. */
  url: string;
  alt: string;
  label: string;
}

/** The quick view's data, bound by its template. Every text is already in the page's language. */
export interface IQuickViewData {
  title: string;
  /** What the quick view shows: the verdict, the copy's confirmation, or a message while something runs. */
  mode: 'verdict' | 'confirm' | 'busy';
  exchange: IQuickViewPhoto;
  sharePoint: IQuickViewPhoto;
  noPhoto: string;
  verdictTitle: string;
  verdictText: string;
  /** Good, Warning or Attention: the verdict line's colour. */
  verdictColor: 'Good' | 'Warning' | 'Attention' | 'Default';
  details: string[];
  /** A line about the copy (done, failed, in progress); empty when there is none. */
  message: string;
  confirmTitle: string;
  confirmText: string;
  checkAgain: string;
  copy: string;
  confirm: string;
  cancel: string;
  showMeHow: string;
  showMeHowUrl: string;
  canCheckAgain: boolean;
  offerCopy: boolean;
}

/** Photos of these types become `data:` URIs; anything else (SVG above all) is not shown. */
const INLINE_TYPES = ['image/jpeg', 'image/png'];

/** A photo as a `data:` URI, or '' when it is missing, not a JPEG or PNG, or larger than a card should carry. */
export function dataUri(photo: IShownPhoto | undefined, maxBytes: number = 24 * 1024): string {
  if (!photo || INLINE_TYPES.indexOf(photo.contentType) < 0 || photo.bytes.length === 0 || photo.bytes.length > maxBytes) {
    return '';
  }
  return `data:${photo.contentType};base64,${toBase64(photo.bytes)}`;
}

/** The "Show me how" link: the owner's https link, or the site's home page. */
export function showMeHowUrl(properties: IProfilePhotoCardProperties, siteUrl: string): string {
  const link = (properties.showMeHowUrl || '').trim();
  return /^https:\/\/[^\s]+$/i.test(link) ? link : siteUrl;
}

/** The quick view's data for a state: both photos, the verdict and why, and what can be done from here. */
export function quickViewData(state: IProfilePhotoCardState, properties: IProfilePhotoCardProperties, siteUrl: string): IQuickViewData {
  const result = state.result;
  const copy = state.copy;
  const step = state.nextStep ? state.nextStep.step : 'none';
  const text = result ? verdictText(result.verdict, SAME_PHOTO_THRESHOLD, { isEditMode: false, canCopy: properties.allowCopy !== false, nextStep: step, stepsShownHere: false }) : undefined;
  const busy = state.checking || (!!copy && (copy.phase === 'copying' || copy.phase === 'checking'));
  const offerCopy = properties.allowCopy !== false && !!text && text.offerCopy && !busy && (!copy || copy.phase !== 'copied');
  return {
    title: properties.title || strings.CardDefaultTitle,
    mode: copy && copy.phase === 'confirm' ? 'confirm' : busy ? 'busy' : 'verdict',
    exchange: { url: dataUri(result && result.exchangePhoto), alt: strings.ExchangePhotoAlt, label: strings.ExchangeLabel },
    sharePoint: { url: dataUri(result && result.sharePointPhoto), alt: strings.SharePointPhotoAlt, label: strings.SharePointLabel },
    noPhoto: strings.CardNoPhoto,
    verdictTitle: text ? text.title : strings.Loading,
    verdictText: text ? text.text : '',
    verdictColor: !text ? 'Default' : text.type === 'success' ? 'Good' : text.type === 'error' ? 'Attention' : text.type === 'warning' ? 'Warning' : 'Default',
    details: text ? text.details : [],
    message: copyMessage(state),
    confirmTitle: strings.CopyConfirmTitle,
    confirmText: strings.CopyConfirmText,
    checkAgain: strings.CheckAgain,
    copy: strings.CopyButton,
    confirm: strings.CopyConfirmButton,
    cancel: strings.Cancel,
    showMeHow: strings.CardShowMeHow,
    showMeHowUrl: showMeHowUrl(properties, siteUrl),
    canCheckAgain: !busy,
    offerCopy
  };
}

function copyMessage(state: IProfilePhotoCardState): string {
  if (state.checking && !state.copy) {
    return strings.Loading;
  }
  const copy = state.copy;
  if (!copy) {
    return '';
  }
  switch (copy.phase) {
    case 'copying': return strings.CopyProgressUploading;
    case 'checking': return strings.CopyProgressChecking;
    case 'copied': return state.result && state.result.verdict.kind === 'in-sync' ? strings.CopyDone : '';
    case 'failed': return `${strings.CopyFailedTitle} ${copyFailureText(copy.outcome)} ${copy.outcome.state === 'unknown' ? strings.CopyStateUnknown : strings.CopyStateUnchanged}`;
    default: return '';
  }
}
