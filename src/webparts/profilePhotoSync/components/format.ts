/** Fills `{0}`, `{1}`… in a localized template. Arguments stay text: nothing here is ever parsed as markup. */
export function format(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[parseInt(index, 10)];
    return value === undefined ? whole : String(value);
  });
}
