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
