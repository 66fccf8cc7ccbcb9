import { createTheme, IPartialTheme, ITheme } from '@fluentui/react/lib/Styling';

/**
 * Fluent UI themes for the three Teams themes ('default', 'dark', 'contrast'). SharePoint passes its site theme
 * to the web part; Teams does not, so when hosted in Teams the web part asks Teams for its theme and follows it.
 */
const TEAMS_LIGHT: IPartialTheme = {
  palette: { themePrimary: '#6264a7', themeDarkAlt: '#585a96', themeDark: '#4a4c7f', themeDarker: '#33345c', themeLighter: '#e2e2f6', themeLighterAlt: '#f7f7fb' }
};

const TEAMS_DARK: IPartialTheme = {
  isInverted: true,
  palette: {
    themePrimary: '#7f85f5',
    themeDarkAlt: '#9da1f7',
    themeDark: '#b4b7f9',
    themeDarker: '#d0d2fb',
    themeLighter: '#2f2f4a',
    themeLighterAlt: '#1c1c2a',
    neutralLighterAlt: '#2b2b2b',
    neutralLighter: '#333333',
    neutralLight: '#3d3d3d',
    neutralQuaternary: '#4d4d4d',
    neutralTertiaryAlt: '#666666',
    neutralTertiary: '#c8c8c8',
    neutralSecondary: '#d6d6d6',
    neutralPrimaryAlt: '#e6e6e6',
    neutralPrimary: '#ffffff',
    neutralDark: '#f4f4f4',
    black: '#f8f8f8',
    white: '#1f1f1f'
  }
};

/** Teams' high-contrast theme: white and yellow on black, as Teams draws it. */
const TEAMS_CONTRAST: IPartialTheme = {
  isInverted: true,
  palette: {
    themePrimary: '#ffff01',
    themeDarkAlt: '#ffff01',
    themeDark: '#ffff01',
    themeDarker: '#ffff01',
    themeLighter: '#000000',
    themeLighterAlt: '#000000',
    neutralLighterAlt: '#000000',
    neutralLighter: '#000000',
    neutralLight: '#ffffff',
    neutralQuaternary: '#ffffff',
    neutralTertiaryAlt: '#ffffff',
    neutralTertiary: '#ffffff',
    neutralSecondary: '#ffffff',
    neutralPrimaryAlt: '#ffffff',
    neutralPrimary: '#ffffff',
    neutralDark: '#ffffff',
    black: '#ffffff',
    white: '#000000'
  },
  semanticColors: {
    bodyBackground: '#000000',
    bodyText: '#ffffff',
    bodySubtext: '#ffffff',
    bodyDivider: '#ffffff',
    link: '#ffff01',
    linkHovered: '#ffff01',
    primaryButtonBackground: '#ffff01',
    primaryButtonBackgroundHovered: '#ffffff',
    primaryButtonBackgroundPressed: '#ffffff',
    primaryButtonText: '#000000',
    primaryButtonBorder: '#ffffff',
    messageText: '#ffffff',
    successBackground: '#000000',
    warningBackground: '#000000',
    errorBackground: '#000000',
    infoBackground: '#000000',
    successIcon: '#3ff23f',
    warningIcon: '#ffff01',
    errorIcon: '#ffffff',
    infoIcon: '#ffffff'
  }
};

const built: Record<string, ITheme> = {};
const SOURCES: Record<string, IPartialTheme> = { default: TEAMS_LIGHT, dark: TEAMS_DARK, contrast: TEAMS_CONTRAST };

/**
 * The Fluent theme for a Teams theme name; undefined for a name Teams does not use. Built on first use, so pages
 * outside Teams never pay for it.
 */
export function teamsTheme(name: string | undefined): ITheme | undefined {
  if (!name || !Object.prototype.hasOwnProperty.call(SOURCES, name)) {
    return undefined;
  }
  const source = SOURCES[name];
  if (!built[name]) {
    built[name] = createTheme(source);
  }
  return built[name];
}

/** The part of SPFx's `sdks.microsoftTeams` the web parts use: Teams' theme, and its changes. */
export interface ITeamsThemeHost {
  teamsJs: {
    app: {
      getContext(): Promise<{ app: { theme?: string } }>;
      registerOnThemeChangeHandler(handler: (name: string) => void): void;
    };
  };
}

/**
 * When hosted in Teams: Teams' current theme (which wins over the SharePoint theme SPFx passes), and `onChange`
 * with each theme Teams switches to. Outside Teams: undefined, and nothing is registered.
 */
export async function followTeamsTheme(teams: ITeamsThemeHost | undefined, onChange: (theme: ITheme | undefined) => void): Promise<ITheme | undefined> {
  if (!teams) {
    return undefined;
  }
  const context = await teams.teamsJs.app.getContext();
  teams.teamsJs.app.registerOnThemeChangeHandler((name: string) => onChange(teamsTheme(name)));
  return teamsTheme(context.app.theme);
}
