import * as React from 'react';
import { Icon } from '@fluentui/react/lib/Icon';
import { IRawStyle, ITheme, mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import { memoizeFunction } from '@fluentui/react/lib/Utilities';

export interface ICommandButtonProps {
  text: string;
  iconName?: string;
  disabled?: boolean;
  onClick: () => void;
  /** A longer accessible name, starting with the visible text (e.g. whose row the button acts on). */
  ariaLabel?: string;
  /**
   * `action`: a quiet button for a row (no fill: text and a theme-coloured icon), as Fluent's ActionButton looks;
   * `secondary`: Fluent's default button, when another action of the state is the primary one (one a state).
   */
  variant?: 'primary' | 'secondary' | 'action';
  /** Placement from the parent (margins); the look stays the button's. */
  className?: string;
}

/** The shape both filled buttons share (primary and secondary differ only in colour). */
function filledShape(theme: ITheme): IRawStyle {
  return {
    display: 'inline-flex',
    alignItems: 'center',
    gap: 8,
    minHeight: 32,
    padding: '0 16px',
    borderRadius: 2,
    ...theme.fonts.medium,
    fontWeight: 600,
    cursor: 'pointer'
  };
}

const getStyles = memoizeFunction((theme: ITheme) => {
  const shape = filledShape(theme);
  const focusRing = { outline: `2px solid ${theme.palette.neutralPrimary}`, outlineOffset: 2 };
  return mergeStyleSets({
    root: {
      ...shape,
      border: `1px solid ${theme.semanticColors.primaryButtonBorder || 'transparent'}`,
      background: theme.semanticColors.primaryButtonBackground,
      color: theme.semanticColors.primaryButtonText,
      selectors: {
        ':hover': { background: theme.semanticColors.primaryButtonBackgroundHovered },
        ':active': { background: theme.semanticColors.primaryButtonBackgroundPressed },
        ':focus-visible': focusRing,
        ':disabled': {
          cursor: 'default',
          background: theme.semanticColors.primaryButtonBackgroundDisabled,
          color: theme.semanticColors.primaryButtonTextDisabled
        },
        '@media (forced-colors: active)': { borderColor: 'ButtonText' }
      }
    },
    secondary: {
      ...shape,
      border: `1px solid ${theme.semanticColors.buttonBorder}`,
      background: theme.semanticColors.buttonBackground,
      color: theme.semanticColors.buttonText,
      selectors: {
        ':hover': { background: theme.semanticColors.buttonBackgroundHovered, color: theme.semanticColors.buttonTextHovered },
        ':active': { background: theme.semanticColors.buttonBackgroundPressed },
        ':focus-visible': focusRing,
        ':disabled': {
          cursor: 'default',
          background: theme.semanticColors.buttonBackgroundDisabled,
          color: theme.semanticColors.buttonTextDisabled,
          borderColor: theme.semanticColors.buttonBackgroundDisabled
        },
        '@media (forced-colors: active)': { borderColor: 'ButtonText' }
      }
    },
    action: {
      display: 'inline-flex',
      alignItems: 'center',
      gap: 8,
      minHeight: 32,
      padding: '0 8px',
      borderRadius: 2,
      border: '1px solid transparent',
      background: 'transparent',
      color: theme.semanticColors.actionLink,
      ...theme.fonts.medium,
      cursor: 'pointer',
      selectors: {
        ':hover': { color: theme.semanticColors.actionLinkHovered, background: theme.semanticColors.buttonBackgroundHovered },
        ':active': { background: theme.semanticColors.buttonBackgroundPressed },
        ':focus-visible': { outline: `2px solid ${theme.palette.neutralPrimary}`, outlineOffset: 0 },
        '@media (forced-colors: active)': { color: 'ButtonText' }
      }
    },
    actionIcon: { color: theme.palette.themePrimary, selectors: { '@media (forced-colors: active)': { color: 'ButtonText' } } }
  });
});

/**
 * A native button in Fluent UI's colours, without Fluent's button code: the primary button of the first paint, and
 * (`variant="action"`) the quiet button of each row in a long list, where Fluent's own cost a render of its own.
 */
export function CommandButton(props: ICommandButtonProps): JSX.Element {
  const styles = getStyles(useTheme());
  return (
    <button type="button" className={`${props.variant === 'action' ? styles.action : props.variant === 'secondary' ? styles.secondary : styles.root}${props.className ? ` ${props.className}` : ''}`} onClick={props.onClick} disabled={props.disabled} aria-label={props.ariaLabel} data-primary={!props.variant || props.variant === 'primary' ? '' : undefined}>
      {props.iconName && <Icon iconName={props.iconName} className={props.variant === 'action' ? styles.actionIcon : undefined} aria-hidden={true} />}
      <span>{props.text}</span>
    </button>
  );
}
