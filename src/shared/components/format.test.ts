import { formatDateTime, formatTime } from './format';

describe('times in one form', () => {
  const afternoon = new Date(2026, 11, 6, 16, 17);
  const morning = new Date(2026, 11, 6, 8, 14);
  test.each(['en-US', 'en-GB', 'de-DE', 'ja-JP', 'nl-NL'])('%s: a time alone reads as it does inside a date and time', (locale) => {
    for (const date of [morning, afternoon]) {
      expect(formatDateTime(date, locale)).toContain(formatTime(date, locale));
    }
  });

  test('en-US: "8:14 AM" and "4:17 PM", never "04:17 PM"', () => {
    expect(formatTime(morning, 'en-US')).toMatch(/^8:14\sAM$/);
    expect(formatTime(afternoon, 'en-US')).toMatch(/^4:17\sPM$/);
  });
});
