import * as React from 'react';

/** The part of `localStorage` the steps use; injectable so tests and private modes work. */
export interface IKeyValueStore {
  getItem(key: string): string | null; // eslint-disable-line @rushstack/no-new-null
  setItem(key: string, value: string): void;
}

/** Which steps the user has ticked, remembered across visits under `key`. Storage failures are ignored. */
export function useStepProgress(
  store: IKeyValueStore | undefined,
  key: string
): [ReadonlyArray<string>, (step: string, done: boolean) => void] {
  const [done, setDone] = React.useState<ReadonlyArray<string>>(() => read(store, key));
  const toggle = React.useCallback(
    (step: string, isDone: boolean) => {
      setDone((previous) => {
        const next = isDone ? previous.filter((s) => s !== step).concat(step) : previous.filter((s) => s !== step);
        write(store, key, next);
        return next;
      });
    },
    [store, key]
  );
  return [done, toggle];
}

function read(store: IKeyValueStore | undefined, key: string): ReadonlyArray<string> {
  try {
    const parsed: unknown = JSON.parse((store && store.getItem(key)) || '[]');
    return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

function write(store: IKeyValueStore | undefined, key: string, value: ReadonlyArray<string>): void {
  try {
    if (store) {
      store.setItem(key, JSON.stringify(value));
    }
  } catch {
    // Storage full or blocked (private mode): the ticks just aren't remembered.
  }
}
