import * as React from 'react';
import { registerIcons } from '@fluentui/react/lib/Styling';

/**
 * SharePoint and Teams load Fluent UI's icon font on every page; the workbench has no network to fetch it, so
 * it registers the few icons the web part uses as small SVGs. Workbench only: the web part relies on the page.
 */
const svg = (d: string): JSX.Element => (
  <svg viewBox="0 0 16 16" width="1em" height="1em" fill="currentColor" aria-hidden="true" focusable="false">
    <path d={d} />
  </svg>
);

export function registerWorkbenchIcons(): void {
  const check = 'M6 11.2 2.8 8l-1 1L6 13.2l8.2-8.2-1-1z';
  const info = 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1a6 6 0 1 1 0 12A6 6 0 0 1 8 2zm-.5 5v5h1V7zm0-2v1h1V5z';
  registerIcons({
    icons: {
      Contact: svg('M8 2a3 3 0 1 0 0 6 3 3 0 0 0 0-6zm0 1a2 2 0 1 1 0 4 2 2 0 0 1 0-4zM3 14c0-2.8 2.2-5 5-5s5 2.2 5 5h-1c0-2.2-1.8-4-4-4s-4 1.8-4 4z'),
      Refresh: svg('M8 2a6 6 0 0 1 5.2 3H11v1h4V2h-1v2.1A7 7 0 1 0 15 8h-1a6 6 0 1 1-6-6z'),
      Link: svg('M6.5 10.5 5.4 11.6a2 2 0 0 1-2.8-2.8L5 6.4a2 2 0 0 1 2.8 0l.7-.7a3 3 0 0 0-4.2 0L1.9 8.1a3 3 0 0 0 4.2 4.2l1.1-1.1zm3-5 1.1-1.1a2 2 0 0 1 2.8 2.8L11 9.6a2 2 0 0 1-2.8 0l-.7.7a3 3 0 0 0 4.2 0l2.4-2.4a3 3 0 0 0-4.2-4.2L8.8 4.8zM5.6 9.7l4.1-4.1.7.7-4.1 4.1z'),
      CheckMark: svg(check),
      Completed: svg('M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm-1 10.2L4 8.2l.7-.7L7 9.8l4.3-4.3.7.7z'),
      Info: svg(info),
      Warning: svg('M8 1 .5 15h15zm0 2.1L13.8 14H2.2zM7.5 6v4h1V6zm0 5v1h1v-1z'),
      ErrorBadge: svg('M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm2.6 3.7.7.7L8.7 8l2.6 2.6-.7.7L8 8.7l-2.6 2.6-.7-.7L7.3 8 4.7 5.4l.7-.7L8 7.3z'),
      Blocked2: svg('M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zM3 8a5 5 0 0 1 8-4L4 11a5 5 0 0 1-1-3zm5 5a5 5 0 0 1-3-1l7-7a5 5 0 0 1-4 8z'),
      Cancel: svg('M3.4 2.7 8 7.3l4.6-4.6.7.7L8.7 8l4.6 4.6-.7.7L8 8.7l-4.6 4.6-.7-.7L7.3 8 2.7 3.4z'),
      Upload: svg('M8 1 3.6 5.4l.7.7L7.5 2.9V11h1V2.9l3.2 3.2.7-.7zM2 14h12v1H2z'),
      ChevronDown: svg('M2.6 5.6 8 11l5.4-5.4-.7-.7L8 9.6 3.3 4.9z'),
      Copy: svg('M5 1v10h9V4l-3-3zm1 1h4v3h3v5H6zm5 .4L12.6 4H11zM2 4v11h8v-2H9v1H3V5h1V4z'),
      Download: svg('M8 12 3.6 7.6l.7-.7 3.2 3.2V2h1v8.1l3.2-3.2.7.7zM2 14h12v1H2z'),
      CircleStop: svg('M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1a6 6 0 1 1 0 12A6 6 0 0 1 8 2zM5.5 5.5v5h5v-5z'),
      SortUp: svg('M8 2 4.6 5.4l.7.7L7.5 3.9V14h1V3.9l2.2 2.2.7-.7z'),
      SortDown: svg('M8 14l3.4-3.4-.7-.7-2.2 2.2V2h-1v10.1L5.3 9.9l-.7.7z')
    }
  });
}
