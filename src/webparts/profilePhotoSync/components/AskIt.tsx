import * as React from 'react';
import * as strings from 'ProfilePhotoSyncWebPartStrings';
import { DefaultButton, IButtonProps, PrimaryButton } from '@fluentui/react/lib/Button';
import { useTheme } from '@fluentui/react/lib/Theme';
import { IItMessage, itContactLink } from '../../../shared/itMessage';
import { getClassNames } from './styles';
import { useInstanceId, useUniqueRegionName } from '../../../shared/components/useInstanceId';

export interface IAskItProps {
  message: IItMessage;
  /** The site owner's IT contact: an email address or an https link; absent, the person copies the message. */
  contact?: string;
  copyText: (text: string) => Promise<void>;
  /** Asking IT is what the card leads with: its send (or copy) button is the state's one primary button. */
  primary?: boolean;
}

function CopyMessageButton(props: IButtonProps & { primary: boolean }): JSX.Element {
  const { primary, ...rest } = props;
  return primary ? <PrimaryButton {...rest} /> : <DefaultButton {...rest} />;
}

/** The message to IT, shown in full so the person reads what they send, then sent by email, or copied. */
export function AskIt(props: IAskItProps): JSX.Element {
  const headingId = useInstanceId('pps-ask-it-heading');
  const regionName = useUniqueRegionName(strings.AskItHeading);
  const messageId = useInstanceId('pps-ask-it-message');
  const styles = getClassNames(useTheme());
  const [copied, setCopied] = React.useState<'idle' | 'copied' | 'failed'>('idle');
  const link = itContactLink(props.contact, props.message);
  const primary = props.primary !== false;
  const copy = (): void => {
    props.copyText(`${props.message.subject}\n\n${props.message.body}`).then(
      () => setCopied('copied'),
      () => setCopied('failed')
    );
  };
  return (
    <section className={styles.copy} aria-label={regionName} data-ask-it="">
      <h3 id={headingId} className={styles.stepsHeading}>
        {strings.AskItHeading}
      </h3>
      <p>{strings.AskItIntro}</p>
      <div id={messageId} className={styles.itMessage} tabIndex={0} role="document" aria-label={props.message.subject}>
        <strong>{props.message.subject}</strong>
        {'\n\n'}
        {props.message.body}
      </div>
      <div className={styles.actions}>
        {link && (
          <a className={primary ? styles.linkButton : styles.linkButtonSecondary} data-primary={primary ? '' : undefined} href={link.href} target={link.kind === 'web' ? '_blank' : undefined} rel="noopener noreferrer">
            {link.kind === 'mail' ? strings.AskItEmail : strings.AskItOpenLink}
          </a>
        )}
        <CopyMessageButton
          primary={primary && !link}
          iconProps={{ iconName: copied === 'copied' ? 'CheckMark' : 'Copy' }}
          text={copied === 'copied' ? strings.AskItCopied : copied === 'failed' ? strings.AskItCopyFailed : strings.AskItCopy}
          onClick={copy}
          aria-describedby={messageId}
        />
      </div>
    </section>
  );
}
