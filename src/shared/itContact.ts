/** The site owner's IT contact: an email address or an https link (small: the web part's pane loads it). */

/** One address, no spaces or list separators: what a `mailto:` link can carry safely. */
export function isEmailAddress(text: string): boolean {
  return /^[^\s@,;:<>()"]+@[^\s@,;:<>()"]+\.[^\s@,;:<>()"]+$/.test(text);
}

export function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && !!url.hostname;
  } catch {
    return false;
  }
}

/** The IT contact setting: empty, an email address or an https link. */
export function isValidItContact(value: string | undefined): boolean {
  const text = (value || '').trim();
  return !text || isEmailAddress(text) || isHttpsUrl(text);
}
