import { createTheme, ITheme } from '@fluentui/react/lib/Styling';

/** SharePoint's default "Blue" theme colours. */
export const lightTheme: ITheme = createTheme({
  palette: {
    themePrimary: '#0078d4',
    themeLighterAlt: '#eff6fc',
    themeLighter: '#deecf9',
    themeLight: '#c7e0f4',
    themeTertiary: '#71afe5',
    themeSecondary: '#2b88d8',
    themeDarkAlt: '#106ebe',
    themeDark: '#005a9e',
    themeDarker: '#004578'
  }
});

/** A dark section / Teams dark theme. */
export const darkTheme: ITheme = createTheme({
  isInverted: true,
  palette: {
    themePrimary: '#479ef5',
    themeLighterAlt: '#03060a',
    themeLighter: '#0b1927',
    themeLight: '#163049',
    themeTertiary: '#2c6092',
    themeSecondary: '#408dd7',
    themeDarkAlt: '#5aa7f6',
    themeDark: '#74b5f7',
    themeDarker: '#9ac9f9',
    neutralLighterAlt: '#292929',
    neutralLighter: '#323232',
    neutralLight: '#3f3f3f',
    neutralQuaternaryAlt: '#484848',
    neutralQuaternary: '#4f4f4f',
    neutralTertiaryAlt: '#6d6d6d',
    neutralTertiary: '#c8c8c8',
    neutralSecondary: '#d0d0d0',
    neutralSecondaryAlt: '#d0d0d0',
    neutralPrimaryAlt: '#dadada',
    neutralPrimary: '#ffffff',
    neutralDark: '#f4f4f4',
    black: '#f8f8f8',
    white: '#1f1f1f'
  }
});
