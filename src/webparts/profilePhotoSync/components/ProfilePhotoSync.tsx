import * as React from 'react';
import { useInstanceId, useUniqueRegionName } from '../../../shared/components/useInstanceId';
import * as strings from 'ProfilePhotoSyncWebPartStrings';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import { SAME_PHOTO_THRESHOLD } from '../../../comparison/threshold';
import { IProfilePhotoSyncProps } from './IProfilePhotoSyncProps';
import { SyncVerdict } from '../../../models/IPhotoSyncResult';
import { Banner } from '../../../shared/components/Banner';
import { CommandButton } from '../../../shared/components/CommandButton';
import { PhotoCard } from './PhotoCard';
import { useBackgroundRecheck } from './useBackgroundRecheck';
import { useDisplayPhotos } from './useDisplayPhotos';
import { usePhotoCheck } from './usePhotoCheck';
import { VerdictMessage } from './VerdictMessage';
import { verdictText } from '../../../shared/components/verdictText';
import { isValidHelpUrl } from '../../../shared/settings';
import { format, formatDateTime, formatTime } from '../../../shared/components/format';
import { ThemeProvider, useTheme } from '@fluentui/react/lib/Theme';
import { getClassNames } from './styles';
import { decideNextStep } from '../../../shared/nextStep';
import { useFixHistory } from './useFixHistory';
import { INextStep } from '../../../models/INextStep';

/** The guided fix loads as its own chunk, only when SharePoint is behind. */
const GuidedFix = React.lazy(() => import(/* webpackChunkName: 'guided-fix' */ './GuidedFix'));

/** The web part's root: the page's theme around the card. */
export default function ProfilePhotoSync(props: IProfilePhotoSyncProps): JSX.Element {
  return (
    <ThemeProvider theme={props.theme}>
      <PhotoSyncCard {...props} />
    </ThemeProvider>
  );
}

/** Both photos side by side, the verdict, and the way to fix it. */
function PhotoSyncCard(props: IProfilePhotoSyncProps): JSX.Element {
  const headingId = useInstanceId('pps-title');
  const regionName = useUniqueRegionName(props.title || strings.DefaultTitle);
  const styles = getClassNames(useTheme());
  const { result, checking, confirming, checkAgain, recheckQuietly } = usePhotoCheck(props.checker);
  const [watch, startWatching] = useBackgroundRecheck(recheckQuietly, props.recheckDelaysMs);
  const now = props.now || defaultNow;
  const fix = useFixHistory(props.history, result, now);
  const [copied, setCopied] = React.useState<boolean>(false);
  const [copyBlockedNow, setCopyBlocked] = React.useState<boolean>(false);
  // Refused for this web part (403) now, or on an earlier visit for this photo.
  const copyBlocked = copyBlockedNow || (!!fix.history && !!fix.history.copy && fix.history.copy.outcome === 'blocked');
  const inSync = !!result && result.verdict.kind === 'in-sync';
  const noMailbox = !!result && isNoMailbox(result.verdict);
  const notice = inSync && copied ? (noMailbox ? strings.CopyDoneNoMailbox : strings.CopyDone) : inSync && watch.kind === 'caught-up' ? strings.WatchCaughtUp : undefined;
  const photosRef = React.useRef<HTMLDivElement>(null);
  const larger = useDisplayPhotos(props.checker, result, photosRef);
  const display = props.inSyncDisplay || 'card';
  const helpUrl = props.helpUrl && isValidHelpUrl(props.helpUrl) ? props.helpUrl.trim() : undefined;
  const offerCopy = props.allowCopy && !!props.copier && !copyBlocked && !!result && !!result.exchangePhoto;
  const next = result ? decideNextStep({ verdict: result.verdict, canCopy: offerCopy, picture: result.sharePointPicture, history: fix.history, now: now() }) : undefined;
  const text = result ? verdictText(result.verdict, SAME_PHOTO_THRESHOLD, { isEditMode: props.isEditMode, canCopy: offerCopy, nextStep: next && next.step }) : undefined;
  // The fix, led by the next step that can work (src/shared/nextStep.ts); nothing when nothing is to be done here.
  const showFix = !!text && !!next && next.step !== 'none' && (next.step !== 'copy' || offerCopy);

  // The site owner may keep the part quiet for people whose photo is in sync: nothing, or one line.
  if (display !== 'card' && !props.isEditMode && (!result || inSync) && !notice) {
    if (!result || display === 'hidden') {
      return <></>;
    }
    return (
      <section className={styles.root} aria-label={regionName}>
        <Banner type="success">
          <strong className={styles.verdictTitle}>{strings.InSyncTitle}</strong> {strings.InSyncText}
        </Banner>
      </section>
    );
  }

  return (
    <section className={styles.root} aria-label={regionName} aria-busy={checking || confirming}>
      <h2 id={headingId} className={styles.title}>
        {props.title || strings.DefaultTitle}
      </h2>
      {!result ? (
        <Spinner size={SpinnerSize.large} label={strings.Loading} ariaLive="polite" />
      ) : (
        <>
          <div className={styles.photos} ref={photosRef}>
            <PhotoCard label={isNoMailbox(result.verdict) ? strings.ExchangeLabelEntra : strings.ExchangeLabel} alt={strings.ExchangePhotoAlt} photo={larger.exchangePhoto || result.exchangePhoto} failed={sideFailed(result.verdict, 'exchange')} />
            <PhotoCard label={strings.SharePointLabel} alt={strings.SharePointPhotoAlt} photo={larger.sharePointPhoto || result.sharePointPhoto} address={result.sharePointPhotoAddress} failed={sideFailed(result.verdict, 'sharepoint')} />
          </div>
          {props.isEditMode && display === 'hidden' && inSync && (
            <Banner type="info" className={styles.notice}>
              {strings.HiddenWhenInSyncNote}
            </Banner>
          )}
          {notice && (
            <Banner type="success" className={styles.notice}>
              {notice}
            </Banner>
          )}
          <div aria-live="polite" data-verdict={result.verdict.kind} data-next-step={next ? next.step : 'none'} data-next-reason={next ? next.reason : undefined}>
            {text && <VerdictMessage text={text} />}
          </div>
          {helpUrl && result.verdict.kind !== 'in-sync' && (
            <p className={styles.meta}>
              <a className={styles.download} href={helpUrl} target="_blank" rel="noopener noreferrer">
                {strings.HelpLinkText}
              </a>
            </p>
          )}
          <p className={styles.meta}>
            {result.sharePointUpdated
              ? format(strings.SharePointUpdated, formatDateTime(result.sharePointUpdated, props.locale))
              : strings.SharePointUpdatedUnknown}{' '}
            {format(strings.CheckedAt, formatTime(result.checkedAt, props.locale))}
          </p>
          <div className={styles.actions}>
            <CommandButton
              text={checking ? strings.Checking : strings.CheckAgain}
              onClick={checkAgain}
              disabled={checking}
              iconName="Refresh"
              variant={showFix && leadsWithAction(next!) ? 'secondary' : 'primary'}
            />
            {checking && <Spinner size={SpinnerSize.small} ariaLabel={strings.Checking} />}
          </div>
          {/* "Follow the steps below instead": only while the steps are what the card leads with. */}
          {text && text.offerCopy && copyBlockedNow && next && next.step === 'steps' && (
            <Banner type="warning" className={styles.notice}>
              <strong className={styles.verdictTitle}>{strings.CopyFailedTitle}</strong> {strings.CopyBlocked}
            </Banner>
          )}
          {text && showFix && (
            <React.Suspense fallback={<Spinner size={SpinnerSize.small} />}>
              <GuidedFix
                next={next!}
                noMailbox={noMailbox}
                copier={offerCopy ? props.copier : undefined}
                current={result.verdict.kind === 'out-of-sync' ? result.sharePointPhoto : undefined}
                onCopied={() => {
                  setCopied(true);
                  return recheckQuietly().then(() => undefined);
                }}
                onBlocked={() => {
                  // Without a mailbox a refusal means uploads are off for the account: the card says so instead.
                  if (!noMailbox) {
                    setCopyBlocked(true);
                  }
                }}
                onCopyOutcome={(outcome) => fix.recordCopy(outcome, noMailbox)}
                result={result}
                history={fix.history}
                itContact={props.itContact}
                browser={props.browser}
                isTeams={props.isTeams}
                locale={props.locale}
                store={props.store}
                storageKey={props.storageKey}
                copyText={props.copyText}
                watch={watch}
                onStepsDone={() => {
                  fix.recordSteps();
                  startWatching();
                }}
              />
            </React.Suspense>
          )}
        </>
      )}
    </section>
  );
}

/** The guided fix leads with a button of its own (the copy, "I've done the steps", the message to IT): Check again steps back. */
function leadsWithAction(next: INextStep): boolean {
  return next.step === 'copy' || next.step === 'steps' || next.step === 'ask-it';
}

function defaultNow(): Date {
  return new Date();
}

/** Whether the photo compared is Entra ID's, for an account without a mailbox. */
function isNoMailbox(verdict: SyncVerdict): boolean {
  return (verdict.kind === 'in-sync' || verdict.kind === 'out-of-sync' || verdict.kind === 'sharepoint-placeholder') && !!verdict.noMailbox;
}

/** Whether the check could not read this side (its own failure, or one that names no side, such as the time limit). */
function sideFailed(verdict: SyncVerdict, side: 'exchange' | 'sharepoint'): boolean {
  return verdict.kind === 'could-not-check' && (verdict.service === side || !verdict.service || verdict.service === 'comparison');
}
