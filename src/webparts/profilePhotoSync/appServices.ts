import type { ComparePhotos } from '../../services/PhotoSyncChecker';
import { IKeyValueStore } from './components/useStepProgress';

/** Browser pieces shared by the web part and the local workbench, so both wire the component the same way. */
export interface IAppServices {
  /** The comparison, loaded as its own chunk the first time two photos need comparing. */
  compare: ComparePhotos;
  store: IKeyValueStore | undefined;
  copyText: (text: string) => Promise<void>;
}

export function createAppServices(): IAppServices {
  return {
    compare: (exchange, sharePoint) =>
      import(/* webpackChunkName: 'photo-comparison' */ '../../comparison').then((m) => m.comparePhotos(exchange, sharePoint)),
    store: safeLocalStorage(),
    copyText: (text) =>
      navigator.clipboard && navigator.clipboard.writeText
        ? navigator.clipboard.writeText(text)
        : Promise.reject(new Error('clipboard unavailable'))
  };
}

function safeLocalStorage(): IKeyValueStore | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // blocked by browser settings
  }
}
