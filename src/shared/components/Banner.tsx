import * as React from 'react';
import { Icon } from '@fluentui/react/lib/Icon';
import { ITheme, mergeStyleSets } from '@fluentui/react/lib/Styling';
import { useTheme } from '@fluentui/react/lib/Theme';
import { memoizeFunction } from '@fluentui/react/lib/Utilities';

export type BannerType = 'success' | 'warning' | 'error' | 'info';

export interface IBannerProps {
  type: BannerType;
  className?: string;
  children: React.ReactNode;
}

const ICONS: Record<BannerType, string> = { success: 'Completed', warning: 'Warning', error: 'ErrorBadge', info: 'Info' };

const getBannerStyles = memoizeFunction((theme: ITheme) => {
  const c = theme.semanticColors;
  const type = (background: string, icon: string): { root: object; icon: object } => ({ root: { background }, icon: { color: icon } });
  return {
    base: mergeStyleSets({
      root: {
        display: 'flex',
        gap: 8,
        padding: '8px 12px',
        color: c.messageText,
        ...theme.fonts.small,
        lineHeight: 18,
        // Backgrounds vanish in Windows high-contrast mode: a border keeps the box visible there.
        border: '1px solid transparent',
        selectors: { '@media (forced-colors: active)': { borderColor: 'CanvasText' } }
      },
      icon: { fontSize: 16, lineHeight: 18, flex: 'none' },
      text: { minWidth: 0 }
    }),
    success: mergeStyleSets(type(c.successBackground, c.successIcon)),
    warning: mergeStyleSets(type(c.warningBackground, c.warningIcon)),
    error: mergeStyleSets(type(c.errorBackground, c.errorIcon)),
    info: mergeStyleSets(type(c.infoBackground, c.infoIcon))
  };
});

/**
 * A message in Fluent UI's MessageBar colours, without MessageBar: that one pulls in Fluent's button and menu
 * code (about 40 KB gzip) that the first paint does not need. The icon is decoration; the words carry the meaning.
 */
export function Banner(props: IBannerProps): JSX.Element {
  const styles = getBannerStyles(useTheme());
  const variant = styles[props.type];
  return (
    <div className={[styles.base.root, variant.root, props.className].filter(Boolean).join(' ')} data-banner={props.type}>
      <Icon iconName={ICONS[props.type]} className={[styles.base.icon, variant.icon].join(' ')} aria-hidden={true} />
      <div className={styles.base.text}>{props.children}</div>
    </div>
  );
}
