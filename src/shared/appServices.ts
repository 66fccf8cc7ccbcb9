import type { ComparePhotos } from '../services/PhotoSyncChecker';
import { IStringStore } from '../services/VerdictCache';
import { createCanvasDownscaler, IPhotoDownscaler } from '../services/photoDownscaler';

/** Browser pieces shared by the web part and the local workbench, so both wire the component the same way. */
export interface IAppServices {
  /** The comparison, loaded as its own chunk the first time two photos need comparing. */
  compare: ComparePhotos;
  /** Starts loading that chunk (once), so it arrives alongside the photos instead of after them. */
  preloadComparison: () => void;
  /** The browser's localStorage, or undefined where it is blocked. */
  store: IStringStore | undefined;
  /** Square, smaller copies of a photo Graph serves only whole (Entra ID's), by the browser's own decoder. */
  downscaler: IPhotoDownscaler;
  copyText: (text: string) => Promise<void>;
}

export function createAppServices(): IAppServices {
  let comparison: Promise<typeof import('../comparison')> | undefined;
  const load = (): Promise<typeof import('../comparison')> => {
    if (!comparison) {
      comparison = import(/* webpackChunkName: 'photo-comparison' */ '../comparison');
      comparison.catch(() => {
        comparison = undefined; // a failed chunk load may be retried by the next check
      });
    }
    return comparison;
  };
  return {
    // Each step of a comparison is bounded (a few ms for the sizes compared); between them the page may respond.
    compare: (exchange, sharePoint) =>
      load().then((m) => {
        mark('pps:compare-start');
        return m.comparePhotos(exchange, sharePoint, { yieldBetweenSteps: nextTask }).then(
          (result) => {
            mark('pps:compare-end');
            // The verdict renders in a task of its own, not in the comparison's last one.
            return nextTask().then(() => result);
          },
          (e: unknown) => {
            mark('pps:compare-end');
            throw e;
          }
        );
      }),
    preloadComparison: () => {
      load().catch(() => undefined);
    },
    store: safeLocalStorage(),
    downscaler: createCanvasDownscaler(),
    copyText: (text) =>
      navigator.clipboard && navigator.clipboard.writeText
        ? navigator.clipboard.writeText(text)
        : Promise.reject(new Error('clipboard unavailable'))
  };
}

/** A User Timing mark (performance tools and the bench read them); nothing where the API is missing. */
function mark(name: string): void {
  if (typeof performance !== 'undefined' && performance.mark) {
    performance.mark(name);
  }
}

/**
 * Resolves in a later task, so whatever the page has waiting (input, paint) runs first. A message to ourselves, not
 * `setTimeout(0)`, which browsers stretch to 4 ms once such timers nest, as a comparison's ten steps would.
 */
function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') {
    return new Promise((resolve) => setTimeout(resolve, 0));
  }
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

function safeLocalStorage(): IStringStore | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // blocked by browser settings
  }
}
