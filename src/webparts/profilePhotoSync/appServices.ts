import type { ComparePhotos } from '../../services/PhotoSyncChecker';
import { IKeyValueStore } from './components/useStepProgress';

/** Browser pieces shared by the web part and the local workbench, so both wire the component the same way. */
export interface IAppServices {
  /** The comparison, loaded as its own chunk the first time two photos need comparing. */
  compare: ComparePhotos;
  /** Starts loading that chunk (once), so it arrives alongside the photos instead of after them. */
  preloadComparison: () => void;
  store: IKeyValueStore | undefined;
  copyText: (text: string) => Promise<void>;
}

export function createAppServices(): IAppServices {
  let comparison: Promise<typeof import('../../comparison')> | undefined;
  const load = (): Promise<typeof import('../../comparison')> => {
    if (!comparison) {
      comparison = import(/* webpackChunkName: 'photo-comparison' */ '../../comparison');
      comparison.catch(() => {
        comparison = undefined; // a failed chunk load may be retried by the next check
      });
    }
    return comparison;
  };
  return {
    // Each step of a comparison is bounded (a few ms for the sizes compared); between them the page may respond.
    compare: (exchange, sharePoint) => load().then((m) => m.comparePhotos(exchange, sharePoint, { yieldBetweenSteps: nextTask })),
    preloadComparison: () => {
      load().catch(() => undefined);
    },
    store: safeLocalStorage(),
    copyText: (text) =>
      navigator.clipboard && navigator.clipboard.writeText
        ? navigator.clipboard.writeText(text)
        : Promise.reject(new Error('clipboard unavailable'))
  };
}

/** Resolves in a later task, so whatever the page has waiting (input, paint) runs first. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function safeLocalStorage(): IKeyValueStore | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // blocked by browser settings
  }
}
