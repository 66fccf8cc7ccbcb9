/** The browsers the resync steps are written for; 'other' gets generic steps. */
export type BrowserKind = 'edge' | 'chrome' | 'firefox' | 'safari' | 'other';
export type OsKind = 'mac' | 'windows' | 'linux' | 'ios' | 'android' | 'other';

/** A private-window shortcut: Ctrl (Cmd on a Mac) + Shift + a letter. Each language names the keys itself. */
export interface IShortcut {
  modifier: 'ctrl' | 'cmd';
  key: 'N' | 'P';
}

export interface IBrowserInfo {
  browser: BrowserKind;
  os: OsKind;
  /** Keyboard shortcut for a private window, or undefined where there is none (mobile, unknown browser). */
  privateWindowShortcut?: IShortcut;
}

/**
 * Which browser and OS the user is on, from the user agent. Order matters: Edge's agent also says Chrome and
 * Safari, Chrome's also says Safari.
 */
export function detectBrowser(userAgent: string, platform: string = ''): IBrowserInfo {
  const ua = userAgent || '';
  const os: OsKind = /iPhone|iPad|iPod/.test(ua)
    ? 'ios'
    : /Android/.test(ua)
      ? 'android'
      : /Mac/.test(platform) || /Macintosh|Mac OS X/.test(ua)
        ? 'mac'
        : /Win/.test(platform) || /Windows/.test(ua)
          ? 'windows'
          : /Linux|X11/.test(ua)
            ? 'linux'
            : 'other';
  const browser: BrowserKind = /Edg(e|A|iOS)?\//.test(ua)
    ? 'edge'
    : /Firefox\/|FxiOS\//.test(ua)
      ? 'firefox'
      : /OPR\/|Opera|SamsungBrowser/.test(ua)
        ? 'other'
        : /Chrome\/|CriOS\//.test(ua)
          ? 'chrome'
          : /Safari\//.test(ua) && /Version\//.test(ua)
            ? 'safari'
            : 'other';
  return { browser, os, privateWindowShortcut: shortcutFor(browser, os) };
}

function shortcutFor(browser: BrowserKind, os: OsKind): IShortcut | undefined {
  if (os === 'ios' || os === 'android' || browser === 'other') {
    return undefined;
  }
  if (browser === 'safari' && os !== 'mac') {
    return undefined;
  }
  return { modifier: os === 'mac' ? 'cmd' : 'ctrl', key: browser === 'firefox' ? 'P' : 'N' };
}
