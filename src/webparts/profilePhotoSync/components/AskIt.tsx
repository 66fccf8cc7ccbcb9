import * as React from 'react';
import * as strings from 'ProfilePhotoSyncWebPartStrings';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { useTheme } from '@fluentui/react/lib/Theme';
import { IItMessage, itContactLink } from '../../../shared/itMessage';
import { getClassNames } from './styles';
import { useInstanceId } from '../../../shared/components/useInstanceId';

export interface IAskItProps {
  message: IItMessage;
  /** The site owner's IT contact: an email address or an https link; absent, the person copies the message. */
  contact?: string;
  copyText: (text: string) => Promise<void>;
}

/** The message to IT, shown in full so the person reads what they send, then sent by email, or copied. */
export function AskIt(props: IAskItProps): JSX.Element {
  const headingId = useInstanceId('pps-ask-it-heading');
  const messageId = useInstanceId('pps-ask-it-message');
  const styles = getClassNames(useTheme());
  const [copied, setCopied] = React.useState<'idle' | 'copied' | 'failed'>('idle');
  const link = itContactLink(props.contact, props.message);
  const copy = (): void => {
    props.copyText(`${props.message.subject}\n\n${props.message.body}`).then(
      () => setCopied('copied'),
      () => setCopied('failed')
    );
  };
  return (
    <section className={styles.copy} aria-labelledby={headingId} data-ask-it="">
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
          <a className={styles.linkButton} href={link.href} target={link.kind === 'web' ? '_blank' : undefined} rel="noopener noreferrer">
            {link.kind === 'mail' ? strings.AskItEmail : strings.AskItOpenLink}
          </a>
        )}
        <DefaultButton
          iconProps={{ iconName: copied === 'copied' ? 'CheckMark' : 'Copy' }}
          text={copied === 'copied' ? strings.AskItCopied : copied === 'failed' ? strings.AskItCopyFailed : strings.AskItCopy}
          onClick={copy}
          aria-describedby={messageId}
        />
      </div>
    </section>
  );
}
