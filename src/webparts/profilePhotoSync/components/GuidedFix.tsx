import * as React from 'react';
import * as strings from 'ProfilePhotoSyncWebPartStrings';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { useTheme } from '@fluentui/react/lib/Theme';
import { CopyOutcome } from '../../../models/ICopyOutcome';
import { IFixHistory, INextStep } from '../../../models/INextStep';
import { IPhotoSyncResult, IShownPhoto } from '../../../models/IPhotoSyncResult';
import { IPhotoCopier } from '../../../services/PhotoCopier';
import { itMessage } from '../../../shared/itMessage';
import { SAME_PHOTO_THRESHOLD } from '../../../comparison/threshold';
import { IBrowserInfo } from '../browser/detectBrowser';
import { AskIt } from './AskIt';
import { Banner } from '../../../shared/components/Banner';
import { CopyPhoto } from './CopyPhoto';
import { format, formatDateTime } from '../../../shared/components/format';
import { ResyncSteps } from './ResyncSteps';
import { getClassNames } from './styles';
import { WatchState } from './useBackgroundRecheck';
import { IKeyValueStore } from './useStepProgress';

export interface IGuidedFixProps {
  /** The next step the card leads with, and why (src/shared/nextStep.ts). */
  next: INextStep;
  /** The account has no mailbox (its photo is Entra ID's): the copy says so. */
  noMailbox?: boolean;
  /** Offer the one-click copy (the site owner allows it, there is a copier and an Exchange photo, not blocked). */
  copier?: IPhotoCopier;
  current?: IShownPhoto;
  onCopied: () => Promise<void>;
  onBlocked: () => void;
  /** Every copy's outcome, to be remembered. */
  onCopyOutcome?: (outcome: CopyOutcome) => void;
  /** The check and what was tried: the facts the message to IT gives, when the next step is to ask IT. */
  result: IPhotoSyncResult;
  history?: IFixHistory;
  /** Where the message to IT goes: an email address or an https link; absent, the person copies it. */
  itContact?: string;
  browser: IBrowserInfo;
  isTeams: boolean;
  locale: string;
  store?: IKeyValueStore;
  storageKey: string;
  copyText: (text: string) => Promise<void>;
  watch: WatchState;
  /** "I've done the steps": remember it and watch quietly for SharePoint to catch up. */
  onStepsDone: () => void;
}

/**
 * Everything shown when SharePoint is behind, led by the one next step that can work: the private-window steps the
 * first time; waiting while SharePoint's 24 hours run; the copy, or a message to IT, once the steps are known not to
 * help. The steps stay reachable ("Show the steps again") wherever they still could. Its own chunk: most page views
 * are in sync and never load it.
 */
export default function GuidedFix(props: IGuidedFixProps): JSX.Element {
  const styles = getClassNames(useTheme());
  const { next } = props;
  const [showSteps, setShowSteps] = React.useState<boolean>(false);
  const notice = noticeText(next, props.locale);
  const copy = props.copier && (next.step === 'copy' || next.step === 'steps' || next.step === 'wait');
  const stepsReachable = next.step !== 'steps' && next.stepsCanHelp;
  return (
    <>
      {notice && (
        <Banner type={next.reason === 'steps-recent' ? 'info' : 'warning'} className={styles.notice}>
          {notice}
        </Banner>
      )}
      {next.step === 'wait' && <WatchStatus watch={props.watch} />}
      {copy && (
        <CopyPhoto
          copier={props.copier!}
          current={props.current}
          onCopied={props.onCopied}
          onBlocked={props.onBlocked}
          onOutcome={props.onCopyOutcome}
          noMailbox={props.noMailbox}
          syncOff={next.reason === 'sync-off'}
          primary={next.step === 'copy'}
        />
      )}
      {/* SharePoint doesn't pull from Exchange: only IT can turn that back on, so the message to IT comes beside the copy. */}
      {(next.step === 'ask-it' || (copy && next.reason === 'sync-off')) && (
        <AskIt message={messageToIt(props)} contact={props.itContact} copyText={props.copyText} primary={next.step === 'ask-it'} />
      )}
      {next.step === 'steps' && <Steps {...props} />}
      {stepsReachable && (
        <div className={styles.actions}>
          <DefaultButton text={showSteps ? strings.HideSteps : strings.ShowStepsAgain} aria-expanded={showSteps} onClick={() => setShowSteps(!showSteps)} />
        </div>
      )}
      {stepsReachable && showSteps && <Steps {...props} />}
    </>
  );
}

/** The steps, and "I've done the steps" with what the background check is doing. */
function Steps(props: IGuidedFixProps): JSX.Element {
  const styles = getClassNames(useTheme());
  return (
    <>
      <ResyncSteps browser={props.browser} isTeams={props.isTeams} store={props.store} storageKey={props.storageKey} copyText={props.copyText} />
      <div className={styles.watch}>
        {props.next.step === 'steps' ? (
          <PrimaryButton text={strings.StepsDoneButton} onClick={props.onStepsDone} disabled={props.watch.kind === 'waiting'} />
        ) : (
          <DefaultButton text={strings.StepsDoneButton} onClick={props.onStepsDone} disabled={props.watch.kind === 'waiting'} />
        )}
        {props.next.step === 'steps' && <WatchStatus watch={props.watch} />}
      </div>
    </>
  );
}

function WatchStatus(props: { watch: WatchState }): JSX.Element {
  const styles = getClassNames(useTheme());
  return (
    <p className={styles.stepsNote} role="status">
      {watchText(props.watch)}
    </p>
  );
}

function watchText(watch: WatchState): string {
  switch (watch.kind) {
    case 'waiting':
      return format(strings.WatchWaiting, watch.attempt, watch.of);
    case 'gave-up':
      return strings.WatchGaveUp;
    case 'stopped-hidden':
      return strings.WatchStoppedHidden;
    default:
      return '';
  }
}

/** The message to IT from what this card knows, in the person's language. */
function messageToIt(props: IGuidedFixProps): ReturnType<typeof itMessage> {
  return itMessage({
    result: props.result,
    history: props.history,
    threshold: SAME_PHOTO_THRESHOLD,
    browser: browserName(props.browser),
    formatDate: (date) => formatDateTime(date, props.locale)
  });
}

/** "Microsoft Edge on Windows": the browser in the person's language, the system by its own name. */
export function browserName(browser: IBrowserInfo): string {
  const names: Record<IBrowserInfo['browser'], string> = {
    edge: strings.BrowserEdge,
    chrome: strings.BrowserChrome,
    firefox: strings.BrowserFirefox,
    safari: strings.BrowserSafari,
    other: strings.BrowserOther
  };
  const systems: Record<IBrowserInfo['os'], string> = { mac: 'macOS', windows: 'Windows', linux: 'Linux', ios: 'iOS', android: 'Android', other: '' };
  return systems[browser.os] ? `${names[browser.browser]} (${systems[browser.os]})` : names[browser.browser];
}

/** What the card says about what was tried, with its date ("Monday 30 November"); none the first time. */
export function noticeText(next: INextStep, locale: string): string | undefined {
  const day = (date: Date | undefined): string => (date ? formatDay(date, locale) : '');
  switch (next.reason) {
    case 'steps-recent': return format(strings.NextStepsRecent, day(next.stepsDoneAt));
    case 'steps-did-not-work': return format(strings.NextStepsDidNotWork, day(next.stepsDoneAt));
    case 'synced-something-else': return format(strings.NextSyncedSomethingElse, day(next.stepsDoneAt));
    case 'sync-off': return strings.NextSyncOff;
    case 'copy-reverted': return format(strings.NextCopyReverted, day(next.copiedAt));
    case 'upload-disabled': return strings.NextUploadDisabled;
    default: return undefined;
  }
}

/** "Monday 30 November" in the person's language. */
export function formatDay(date: Date, locale: string): string {
  try {
    return date.toLocaleDateString(locale, { weekday: 'long', day: 'numeric', month: 'long' });
  } catch {
    return date.toLocaleDateString();
  }
}
