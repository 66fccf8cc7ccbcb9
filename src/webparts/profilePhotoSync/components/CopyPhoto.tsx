import * as React from 'react';
import { useInstanceId, useUniqueRegionName } from '../../../shared/components/useInstanceId';
import * as strings from 'ProfilePhotoSyncWebPartStrings';
import { DefaultButton, IButtonProps, PrimaryButton } from '@fluentui/react/lib/Button';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { ProgressIndicator } from '@fluentui/react/lib/ProgressIndicator';
import { useTheme } from '@fluentui/react/lib/Theme';
import { CopyOutcome } from '../../../models/ICopyOutcome';
import { IShownPhoto } from '../../../models/IPhotoSyncResult';
import { IPhotoCopier } from '../../../services/PhotoCopier';
import { Banner } from '../../../shared/components/Banner';
import { getClassNames } from './styles';
import { usePhotoUrl } from '../../../shared/components/usePhotoUrl';
import { copyFailureText } from '../../../shared/copyOutcome';

export interface ICopyPhotoProps {
  copier: IPhotoCopier;
  /** SharePoint's current picture, offered for download before it is replaced (absent for the placeholder). */
  current?: IShownPhoto;
  /** Called after a successful copy; resolves when the re-check has finished. */
  onCopied: () => Promise<void>;
  /** Called when the tenant refuses the copy (403): the guided steps are then the way. */
  onBlocked: () => void;
  /** The account has no mailbox: the photo is Teams' (Entra ID's), and SharePoint never syncs it by itself. */
  noMailbox?: boolean;
  /** Every copy's outcome, copied or failed, to be remembered. */
  onOutcome?: (outcome: CopyOutcome) => void;
  /**
   * SharePoint does not pull this account's photo from Exchange (`SPS-PictureExchangeSyncState` 0): the copy lasts
   * until the photo changes again, and later changes won't reach SharePoint until IT turns the sync back on.
   */
  syncOff?: boolean;
  /** The copy is what the card leads with: its button is the state's one primary button. */
  primary?: boolean;
}

type Phase = 'idle' | 'confirming' | 'copying' | 'checking' | { failed: Extract<CopyOutcome, { kind: 'failed' }> };

/** Fluent's primary or default button, as the state decides. */
function CopyButton(props: IButtonProps & { primary: boolean }): JSX.Element {
  const { primary, ...rest } = props;
  return primary ? <PrimaryButton {...rest} /> : <DefaultButton {...rest} />;
}

/** "Copy my Outlook photo to SharePoint": confirm, copy, re-check; on failure, say what state SharePoint is in. */
export function CopyPhoto(props: ICopyPhotoProps): JSX.Element {
  const headingId = useInstanceId('pps-copy-heading');
  const regionName = useUniqueRegionName(strings.CopyHeading);
  const styles = getClassNames(useTheme());
  const [phase, setPhase] = React.useState<Phase>('idle');
  const currentUrl = usePhotoUrl(props.current);
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    []
  );

  const copy = (): void => {
    setPhase('copying');
    props.copier
      .copy()
      .then((outcome) => {
        if (props.onOutcome) {
          props.onOutcome(outcome);
        }
        if (!mounted.current) {
          return undefined;
        }
        if (outcome.kind === 'copied') {
          setPhase('checking');
          return props.onCopied();
        }
        if (outcome.reason === 'permission-denied' && outcome.stage === 'upload') {
          props.onBlocked();
        }
        setPhase({ failed: outcome });
        return undefined;
      })
      .then(() => {
        if (mounted.current) {
          setPhase((p) => (p === 'checking' ? 'idle' : p));
        }
      })
      .catch(() => setPhase({ failed: { kind: 'failed', reason: 'unexpected', state: 'unknown', stage: 'upload' } }));
  };

  const busy = phase === 'copying' || phase === 'checking';
  const failed = typeof phase === 'object' ? phase.failed : undefined;
  return (
    <section className={styles.copy} aria-label={regionName}>
      <h3 id={headingId} className={styles.stepsHeading}>
        {strings.CopyHeading}
      </h3>
      <p>{props.noMailbox ? strings.CopyIntroNoMailbox : strings.CopyIntro}</p>
      <div className={styles.actions}>
        <CopyButton
          primary={props.primary !== false}
          text={failed ? strings.CopyTryAgain : props.noMailbox ? strings.CopyButtonNoMailbox : strings.CopyButton}
          iconProps={{ iconName: 'Upload' }}
          disabled={busy}
          onClick={() => setPhase('confirming')}
        />
        {currentUrl && (
          <a className={styles.download} href={currentUrl} download="sharepoint-profile-photo.jpg">
            {strings.DownloadCurrent}
          </a>
        )}
      </div>
      <p className={styles.stepsNote}>{props.noMailbox ? strings.CopyNoteNoMailbox : props.syncOff ? strings.CopyNoteSyncOff : strings.CopyDurableNote}</p>
      {busy && (
        <ProgressIndicator
          label={phase === 'copying' ? strings.CopyProgressUploading : strings.CopyProgressChecking}
          ariaValueText={phase === 'copying' ? strings.CopyProgressUploading : strings.CopyProgressChecking}
        />
      )}
      {failed && (
        <Banner type="error">
          <strong className={styles.verdictTitle}>{strings.CopyFailedTitle}</strong> {copyFailureText(failed)}{' '}
          {failed.state === 'unknown' ? strings.CopyStateUnknown : strings.CopyStateUnchanged}
        </Banner>
      )}
      <Dialog
        hidden={phase !== 'confirming'}
        onDismiss={() => setPhase('idle')}
        dialogContentProps={{ type: DialogType.normal, title: strings.CopyConfirmTitle, subText: strings.CopyConfirmText }}
        modalProps={{ isBlocking: true }}
      >
        <DialogFooter>
          <PrimaryButton text={strings.CopyConfirmButton} onClick={copy} />
          <DefaultButton text={strings.Cancel} onClick={() => setPhase('idle')} />
        </DialogFooter>
      </Dialog>
    </section>
  );
}
