import { declaredKeys, loadLocale, localeFiles } from '../../../test/loadLocale';

describe('localized strings', () => {
  const declared = declaredKeys().sort();

  test('the source language and its translations exist', () => {
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

describe("every language names each browser's private window and its keys in its own words", () => {
  const fill = (template: string, ...args: string[]): string => template.replace(/\{(\d)\}/g, (_m, i: string) => args[Number(i)]);
  const step = (file: string, windowKey: string, browserKey: string): string => {
    const s = loadLocale(file);
    return fill(s.StepOpenPrivateWithShortcut, s[windowKey], s[browserKey], [s.KeyCtrl, s.KeyShift, 'N'].join('+'));
  };

  test.each([
    ['en-us.js', 'Open an InPrivate window in Microsoft Edge: press Ctrl+Shift+N.'],
    ['nl-nl.js', 'Open een InPrivate-venster in Microsoft Edge: druk op Ctrl+Shift+N.'],
    ['de-de.js', 'Öffnen Sie ein InPrivate-Fenster in Microsoft Edge: Drücken Sie Strg+Umschalt+N.'],
    ['fr-fr.js', 'Ouvrez une fenêtre InPrivate dans Microsoft Edge : appuyez sur Ctrl+Maj+N.'],
    ['es-es.js', 'Abre una ventana InPrivate en Microsoft Edge: pulsa Ctrl+Mayús+N.'],
    ['it-it.js', 'Apri una finestra InPrivate con Microsoft Edge: premi Ctrl+Maiusc+N.'],
    ['pt-br.js', 'Abra uma janela InPrivate no Microsoft Edge: pressione Ctrl+Shift+N.'],
    ['ja-jp.js', 'Microsoft Edge でInPrivate ウィンドウを開きます: Ctrl+Shift+N を押します。']
  ])('%s: Edge', (file, sentence) => {
    expect(step(file, 'PrivateWindowEdge', 'BrowserEdge')).toBe(sentence);
  });

  test.each([
    ['de-de.js', 'ein Inkognitofenster'],
    ['fr-fr.js', 'une fenêtre de navigation privée'],
    ['es-es.js', 'una ventana de incógnito'],
    ['it-it.js', 'una finestra di navigazione in incognito'],
    ['pt-br.js', 'uma janela anônima'],
    ['ja-jp.js', 'シークレット ウィンドウ']
  ])("%s: Chrome's own name for its private window", (file, name) => {
    expect(loadLocale(file).PrivateWindowChrome).toBe(name);
  });

  test('every language file is one the workbench and SPFx pick up (xx-yy.js)', () => {
    expect(localeFiles().sort()).toEqual(['de-de.js', 'en-us.js', 'es-es.js', 'fr-fr.js', 'it-it.js', 'ja-jp.js', 'nl-nl.js', 'pt-br.js']);
  });
});
