import * as React from 'react';

let next = 0;

/**
 * An id unique on the page for this component instance, stable across its renders (React 17 has no `useId`):
 * two parts on one page, or the personal part beside the team overview, must not share ids or names.
 */
export function useInstanceId(prefix: string): string {
  const [id] = React.useState(() => `${prefix}-${++next}`);
  return id;
}

/** The regions mounted on the page, by name, in the order they came: window-wide, as each part is its own bundle. */
const REGIONS_KEY = '__profilePhotoSyncRegions_1';

function regions(): Map<string, number[]> {
  const holder = (typeof window !== 'undefined' ? window : {}) as { [REGIONS_KEY]?: Map<string, number[]> };
  if (!holder[REGIONS_KEY]) {
    holder[REGIONS_KEY] = new Map<string, number[]>();
  }
  return holder[REGIONS_KEY]!;
}

let nextRegion = 0;

/**
 * A region's accessible name, unique on the page: the name itself for the first part that uses it, then
 * "Name (2)", "Name (3)"… for further parts with the same title (two personal parts on one page, say), so assistive
 * technology can tell the landmarks apart (axe `landmark-unique`).
 */
export function useUniqueRegionName(name: string): string {
  const [id] = React.useState(() => ++nextRegion);
  const list = regions().get(name) || [];
  if (list.indexOf(id) < 0) {
    list.push(id);
    regions().set(name, list);
  }
  React.useEffect(
    () => () => {
      const now = regions().get(name);
      if (now && now.indexOf(id) >= 0) {
        now.splice(now.indexOf(id), 1);
      }
    },
    [name, id]
  );
  const position = list.indexOf(id) + 1;
  return position > 1 ? `${name} (${position})` : name;
}
