import * as React from 'react';
import { MessageBar } from '@fluentui/react/lib/MessageBar';
import { IVerdictText } from './verdictText';
import { useTheme } from '@fluentui/react/lib/Theme';
import { getClassNames } from './styles';

export interface IVerdictMessageProps {
  text: IVerdictText;
}

/** The verdict in a MessageBar; announced politely when it changes (the MessageBar is a live region). */
export function VerdictMessage({ text }: IVerdictMessageProps): JSX.Element {
  const styles = getClassNames(useTheme());
  return (
    <MessageBar messageBarType={text.type} isMultiline={true} className={styles.verdict}>
      <strong className={styles.verdictTitle}>{text.title}</strong> {text.text}
      {text.details.map((line) => (
        <span key={line} className={styles.verdictDetail}>
          {line}
        </span>
      ))}
    </MessageBar>
  );
}
