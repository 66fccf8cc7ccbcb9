import * as React from 'react';
import { Icon } from '@fluentui/react/lib/Icon';
import { ITheme, mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import { memoizeFunction } from '@fluentui/react/lib/Utilities';

export interface ICommandButtonProps {
  text: string;
  iconName?: string;
  disabled?: boolean;
  onClick: () => void;
  /** A longer accessible name, starting with the visible text (e.g. whose row the button acts on). */
  ariaLabel?: string;
}

const getStyles = memoizeFunction((theme: ITheme) =>
  mergeStyleSets({
    root: {
      display: 'inline-flex',
      alignItems: 'center',
      gap: 8,
      minHeight: 32,
      padding: '0 16px',
      borderRadius: 2,
      border: `1px solid ${theme.semanticColors.primaryButtonBorder || 'transparent'}`,
      background: theme.semanticColors.primaryButtonBackground,
      color: theme.semanticColors.primaryButtonText,
      ...theme.fonts.medium,
      fontWeight: 600,
      cursor: 'pointer',
      selectors: {
        ':hover': { background: theme.semanticColors.primaryButtonBackgroundHovered },
        ':active': { background: theme.semanticColors.primaryButtonBackgroundPressed },
        ':focus-visible': { outline: `2px solid ${theme.palette.neutralPrimary}`, outlineOffset: 2 },
        ':disabled': {
          cursor: 'default',
          background: theme.semanticColors.primaryButtonBackgroundDisabled,
          color: theme.semanticColors.primaryButtonTextDisabled
        },
        '@media (forced-colors: active)': { borderColor: 'ButtonText' }
      }
    }
  })
);

/** The primary button of the first paint: a native button in Fluent UI's primary colours, without Fluent's button code. */
export function CommandButton(props: ICommandButtonProps): JSX.Element {
  const styles = getStyles(useTheme());
  return (
    <button type="button" className={styles.root} onClick={props.onClick} disabled={props.disabled} aria-label={props.ariaLabel}>
      {props.iconName && <Icon iconName={props.iconName} aria-hidden={true} />}
      <span>{props.text}</span>
    </button>
  );
}
