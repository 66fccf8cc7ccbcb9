/** Fills `{0}`, `{1}`… in a localized template. Arguments stay text: nothing here is ever parsed as markup. */
export function format(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[parseInt(index, 10)];
    return value === undefined ? whole : String(value);
  });
}

/**
 * A time of day in the person's language, in the same form as {@link formatDateTime} gives it ("8:14 AM" in
 * en-US, "08:14" in de-DE): one line never mixes "8:14 AM" with "04:17 PM".
 */
export function formatTime(date: Date, locale: string): string {
  try {
    return date.toLocaleTimeString(locale, { timeStyle: 'short' } as Intl.DateTimeFormatOptions);
  } catch {
    return date.toLocaleTimeString();
  }
}

/** A date and time in the person's language ("30 November 2026 at 09:15"). */
export function formatDateTime(date: Date, locale: string): string {
  try {
    return date.toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short' } as Intl.DateTimeFormatOptions);
  } catch {
    return date.toLocaleString();
  }
}
