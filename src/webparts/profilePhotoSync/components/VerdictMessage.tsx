import * as React from 'react';
import { Banner } from '../../../shared/components/Banner';
import { IVerdictText } from '../../../shared/components/verdictText';
import { useTheme } from '@fluentui/react/lib/Theme';
import { getClassNames } from './styles';

export interface IVerdictMessageProps {
  text: IVerdictText;
}

/** The verdict, in MessageBar colours; the parent's live region announces it when it changes. */
export function VerdictMessage({ text }: IVerdictMessageProps): JSX.Element {
  const styles = getClassNames(useTheme());
  return (
    <Banner type={text.type} className={styles.verdict}>
      <strong className={styles.verdictTitle}>{text.title}</strong> {text.text}
      {text.details.map((line) => (
        <span key={line} className={styles.verdictDetail}>
          {line}
        </span>
      ))}
    </Banner>
  );
}
