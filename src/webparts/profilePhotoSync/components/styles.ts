import { IRawStyle, ITheme, mergeStyleSets } from '@fluentui/react/lib/Styling';
import { memoizeFunction } from '@fluentui/react/lib/Utilities';
import { REDUCED_MOTION } from '../../../shared/components/reducedMotion';

/**
 * The web part's class names, built from the current theme (site theme, section background, Teams or dark), so
 * text and borders follow it and Windows high-contrast mode maps them to system colours.
 */
export const getClassNames = memoizeFunction((theme: ITheme) => {
  const border = `1px solid ${theme.semanticColors.bodyDivider}`;
  const linkButtonShape: IRawStyle = {
    ...theme.fonts.medium,
    display: 'inline-flex',
    alignItems: 'center',
    minHeight: 32,
    padding: '0 16px',
    borderRadius: 2,
    fontWeight: 600,
    textDecoration: 'none'
  };
  const linkButtonFocus = {
    ':focus-visible': { outline: `2px solid ${theme.semanticColors.focusBorder}`, outlineOffset: 2 },
    '@media (forced-colors: active)': { forcedColorAdjust: 'auto', border: '1px solid LinkText', color: 'LinkText', background: 'Canvas' }
  };
  return mergeStyleSets({
    root: {
      padding: 16,
      color: theme.semanticColors.bodyText,
      background: 'transparent',
      maxWidth: 720,
      boxSizing: 'border-box',
      ...REDUCED_MOTION
    },
    title: { ...theme.fonts.xLarge, fontWeight: 600, margin: '0 0 12px' },
    photos: { display: 'flex', flexWrap: 'wrap', gap: 24, marginBottom: 16 },
    photoCard: { margin: 0, display: 'flex', flexDirection: 'column', alignItems: 'center', width: 160 },
    photo: {
      width: 120,
      height: 120,
      borderRadius: '50%',
      objectFit: 'cover',
      border,
      display: 'block'
    },
    noPhoto: {
      width: 120,
      height: 120,
      borderRadius: '50%',
      border,
      display: 'flex',
      flexDirection: 'column',
      alignItems: 'center',
      justifyContent: 'center',
      boxSizing: 'border-box',
      background: theme.palette.neutralLighter,
      color: theme.palette.neutralSecondary,
      ...theme.fonts.small
    },
    noPhotoIcon: { fontSize: 40, marginBottom: 4 },
    photoLabel: { ...theme.fonts.medium, marginTop: 8, textAlign: 'center', fontWeight: 600 },
    verdict: { marginBottom: 8 },
    verdictTitle: { fontWeight: 600 },
    verdictDetail: { display: 'block', marginTop: 4 },
    meta: { ...theme.fonts.small, margin: '4px 0 12px', color: theme.semanticColors.bodySubtext },
    actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, marginBottom: 16 },
    steps: { borderTop: border, paddingTop: 12 },
    stepsHeading: { ...theme.fonts.large, fontWeight: 600, margin: '0 0 8px' },
    stepList: { paddingLeft: 20, margin: '8px 0' },
    step: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, margin: '6px 0' },
    stepMain: { display: 'flex', alignItems: 'center', gap: 8, flex: '0 1 auto', minWidth: 0 },
    stepCheck: { flex: 'none' },
    stepText: { flex: '0 1 auto', minWidth: 0 },
    stepDone: { flex: '0 1 auto', minWidth: 0, textDecoration: 'line-through', color: theme.semanticColors.bodySubtext },
    copyButton: { height: 28 },
    stepsNote: { ...theme.fonts.small, color: theme.semanticColors.bodySubtext },
    copy: { borderTop: border, paddingTop: 12, marginBottom: 16 },
    download: { color: theme.semanticColors.link, selectors: { ':hover': { color: theme.semanticColors.linkHovered } } },
    notice: { marginBottom: 8 },
    watch: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, margin: '8px 0' },
    // The message to IT, as the person will send it: its own lines, readable, scrollable when long.
    itMessage: {
      ...theme.fonts.small,
      whiteSpace: 'pre-wrap',
      overflowWrap: 'anywhere',
      maxHeight: 240,
      overflowY: 'auto',
      padding: '8px 12px',
      margin: '8px 0 12px',
      border,
      background: theme.semanticColors.bodyStandoutBackground,
      color: theme.semanticColors.bodyText
    },
    // A link that reads as a button (mailto: and the IT support page): Fluent's primary colours, a visible focus.
    linkButton: {
      ...linkButtonShape,
      background: theme.palette.themePrimary,
      color: theme.palette.white,
      border: `1px solid ${theme.palette.themePrimary}`,
      selectors: {
        ':hover': { background: theme.palette.themeDarkAlt, color: theme.palette.white },
        ...linkButtonFocus
      }
    },
    // The same link when another action of the state is the primary one: Fluent's default button colours.
    linkButtonSecondary: {
      ...linkButtonShape,
      background: theme.semanticColors.buttonBackground,
      color: theme.semanticColors.buttonText,
      border: `1px solid ${theme.semanticColors.buttonBorder}`,
      selectors: {
        ':hover': { background: theme.semanticColors.buttonBackgroundHovered, color: theme.semanticColors.buttonTextHovered },
        ...linkButtonFocus
      }
    }
  });
});
