/** Fills `{0}`, `{1}`… in a localized template. Arguments stay text: nothing here is ever parsed as markup. */
export function format(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[parseInt(index, 10)];
    return value === undefined ? whole : String(value);
  });
}

/** A date and time in the person's language ("30 November 2026 at 09:15"). */
export function formatDateTime(date: Date, locale: string): string {
  try {
    return date.toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short' } as Intl.DateTimeFormatOptions);
  } catch {
    return date.toLocaleString();
  }
}
