import { teamsTheme } from './teamsThemes';

describe('teamsTheme', () => {
  test.each([
    ['default', false],
    ['dark', true],
    ['contrast', true]
  ])('%s: a Fluent theme (inverted: %p), built once', (name, inverted) => {
    const theme = teamsTheme(name);
    expect(theme && theme.isInverted).toBe(inverted);
    expect(teamsTheme(name)).toBe(theme);
  });

  test('high contrast: white on black, yellow actions', () => {
    const theme = teamsTheme('contrast')!;
    expect([theme.semanticColors.bodyBackground, theme.semanticColors.bodyText, theme.semanticColors.primaryButtonBackground]).toEqual(['#000000', '#ffffff', '#ffff01']);
  });

  test.each([[undefined], [''], ['light'], ['constructor'], ['toString']])('%p is not a Teams theme', (name) => {
    expect(teamsTheme(name)).toBeUndefined();
  });
});
