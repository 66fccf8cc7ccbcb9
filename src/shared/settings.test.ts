import { helpUrlError, isValidHelpUrl, PREVIEW_CHOICES, sampleVerdict, titleError } from './settings';
import { loadLocale } from '../../test/loadLocale';
import { PreviewChecker } from '../webparts/profilePhotoSync/PreviewChecker';
import { FakeChecker, result } from '../../test/fakes/FakeChecker';

describe('the help link setting', () => {
  test.each([
    ['', true],
    ['   ', true],
    ['https://contoso.sharepoint.com/sites/help/SitePages/Photos.aspx', true],
    ['https://intranet.contoso.com/help#photos', true],
    ['http://intranet.contoso.com/help', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<b>hi</b>', false],
    ['intranet/help', false],
    ['https://', false]
  ])('%p is valid: %p', (value, valid) => {
    expect(isValidHelpUrl(value)).toBe(valid);
  });
});

describe('the edit-mode preview', () => {
  test('every verdict can be previewed, each with a sample of its kind', () => {
    for (const choice of PREVIEW_CHOICES.filter((c) => c !== 'live')) {
      expect(sampleVerdict(choice as Exclude<typeof choice, 'live'>).kind).toBe(choice);
    }
  });

  test('keeps the real photos and times, swaps the verdict', async () => {
    const real = new FakeChecker(result({ kind: 'in-sync', distance: 0 }));
    const preview = await new PreviewChecker(real, 'no-mailbox').check(false);
    expect(preview.verdict).toEqual({ kind: 'no-mailbox' });
    expect(preview.exchangePhoto).toBeDefined();
    expect(real.calls).toEqual([false]);
  });
});

describe('property pane validation messages', () => {
  const en = loadLocale('en-us.js');
  const de = loadLocale('de-de.js');

  test('a title of up to 100 characters is fine; a longer one says the limit, in the editor\'s language', () => {
    expect(titleError('Is your photo up to date?', en.TitleTooLong)).toBe('');
    expect(titleError('x'.repeat(100), en.TitleTooLong)).toBe('');
    expect(titleError('x'.repeat(101), en.TitleTooLong)).toBe('Keep the title under 100 characters.');
    expect(titleError('x'.repeat(101), de.TitleTooLong)).toBe('Der Titel darf höchstens 100 Zeichen lang sein.');
  });

  test('the help link: empty or https is fine; anything else asks for https', () => {
    expect(helpUrlError('', en.HelpUrlInvalid)).toBe('');
    expect(helpUrlError('https://intranet.contoso.com/help', en.HelpUrlInvalid)).toBe('');
    expect(helpUrlError('javascript:alert(1)', en.HelpUrlInvalid)).toBe('Enter a web address that starts with https://');
  });
});
