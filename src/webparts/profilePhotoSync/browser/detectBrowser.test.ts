import { detectBrowser } from './detectBrowser';

const UA = {
  edgeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  chromeMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  chromeLinux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  firefoxWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  firefoxMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0',
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  safariIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  chromeAndroid: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  opera: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0',
  teamsDesktop: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0 Teams/24295.605.3225.8804'
};

test.each([
  ['Edge on Windows', UA.edgeWindows, 'Win32', 'edge', 'windows', { modifier: 'ctrl', key: 'N' }],
  ['Chrome on macOS', UA.chromeMac, 'MacIntel', 'chrome', 'mac', { modifier: 'cmd', key: 'N' }],
  ['Chrome on Linux', UA.chromeLinux, 'Linux x86_64', 'chrome', 'linux', { modifier: 'ctrl', key: 'N' }],
  ['Firefox on Windows', UA.firefoxWindows, 'Win32', 'firefox', 'windows', { modifier: 'ctrl', key: 'P' }],
  ['Firefox on macOS', UA.firefoxMac, 'MacIntel', 'firefox', 'mac', { modifier: 'cmd', key: 'P' }],
  ['Safari on macOS', UA.safariMac, 'MacIntel', 'safari', 'mac', { modifier: 'cmd', key: 'N' }],
  ['Safari on iPhone', UA.safariIphone, 'iPhone', 'safari', 'ios', undefined],
  ['Chrome on Android', UA.chromeAndroid, 'Linux armv8l', 'chrome', 'android', undefined],
  ['Opera: generic steps', UA.opera, 'Win32', 'other', 'windows', undefined],
  ['Teams desktop (Edge WebView2)', UA.teamsDesktop, 'Win32', 'edge', 'windows', { modifier: 'ctrl', key: 'N' }],
  ['unknown', '', '', 'other', 'other', undefined]
])('%s', (_name, ua, platform, browser, os, shortcut) => {
  expect(detectBrowser(ua, platform)).toEqual({ browser, os, privateWindowShortcut: shortcut });
});
