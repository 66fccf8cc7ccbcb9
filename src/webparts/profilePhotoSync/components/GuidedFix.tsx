import * as React from 'react';
import * as strings from 'ProfilePhotoSyncWebPartStrings';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { useTheme } from '@fluentui/react/lib/Theme';
import { IShownPhoto } from '../../../models/IPhotoSyncResult';
import { IPhotoCopier } from '../../../services/PhotoCopier';
import { IBrowserInfo } from '../browser/detectBrowser';
import { CopyPhoto } from './CopyPhoto';
import { format } from './format';
import { ResyncSteps } from './ResyncSteps';
import { getClassNames } from './styles';
import { WatchState } from './useBackgroundRecheck';
import { IKeyValueStore } from './useStepProgress';

export interface IGuidedFixProps {
  /** The private-window walk-through applies; false when only the copy can help (an account without a mailbox). */
  steps: boolean;
  /** The account has no mailbox (its photo is Entra ID's): the copy says so. */
  noMailbox?: boolean;
  /** Offer the one-click copy (the site owner allows it, there is a copier and an Exchange photo, not blocked). */
  copier?: IPhotoCopier;
  current?: IShownPhoto;
  onCopied: () => Promise<void>;
  onBlocked: () => void;
  browser: IBrowserInfo;
  isTeams: boolean;
  store?: IKeyValueStore;
  storageKey: string;
  copyText: (text: string) => Promise<void>;
  watch: WatchState;
  startWatching: () => void;
}

/**
 * Everything shown when SharePoint is behind: the one-click copy, the guided steps and "I've done the steps".
 * Its own chunk: most page views are in sync and never load it.
 */
export default function GuidedFix(props: IGuidedFixProps): JSX.Element {
  return (
    <>
      {props.copier && <CopyPhoto copier={props.copier} current={props.current} onCopied={props.onCopied} onBlocked={props.onBlocked} noMailbox={props.noMailbox} />}
      {props.steps && <Steps {...props} />}
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
        <DefaultButton text={strings.StepsDoneButton} onClick={props.startWatching} disabled={props.watch.kind === 'waiting'} />
        <span className={styles.stepsNote} role="status">
          {watchText(props.watch)}
        </span>
      </div>
    </>
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
