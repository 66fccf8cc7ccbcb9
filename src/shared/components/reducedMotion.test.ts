import { InjectionMode, mergeStyleSets, Stylesheet } from '@fluentui/react/lib/Styling';
import { REDUCED_MOTION } from './reducedMotion';

describe('reduced motion', () => {
  test('a part root gets a rule that drops animations inside it when the person asks for less motion', () => {
    Stylesheet.getInstance().setConfig({ injectionMode: InjectionMode.none }); // keep the rules as text to read
    const classes = mergeStyleSets({ root: { padding: 1, ...REDUCED_MOTION } });
    const css = Stylesheet.getInstance().getRules(true);
    const rule = css.split('@media').find((r) => r.includes('prefers-reduced-motion') && r.includes(classes.root));
    expect(rule).toBeDefined();
    expect(rule).toMatch(/animation:\s*none\s*!important/);
    expect(rule).toContain(':not(.ms-Spinner-circle)');
  });
});
