import { declaredKeys, loadLocale, localeFiles } from '../../../../test/loadLocale';

describe('localized strings', () => {
  const declared = declaredKeys().sort();

  test('en-us and nl-nl exist', () => {
    expect(localeFiles()).toEqual(expect.arrayContaining(['en-us.js', 'nl-nl.js']));
    expect(declared.length).toBeGreaterThan(50);
  });

  test.each(localeFiles())('%s has exactly the declared keys, none empty', (file) => {
    const strings = loadLocale(file);
    expect(Object.keys(strings).sort()).toEqual(declared);
    for (const key of declared) {
      expect(typeof strings[key]).toBe('string');
      expect(strings[key].trim()).not.toBe('');
    }
  });

  test.each(localeFiles())('%s keeps every {n} placeholder of en-us', (file) => {
    const source = loadLocale('en-us.js');
    const strings = loadLocale(file);
    const placeholders = (s: string): string[] => (s.match(/\{\d+\}/g) || []).sort();
    for (const key of declared) {
      expect([key, placeholders(strings[key])]).toEqual([key, placeholders(source[key])]);
    }
  });
});
