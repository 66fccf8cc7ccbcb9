import * as React from 'react';
import { IPhotoSyncResult } from '../../../models/IPhotoSyncResult';
import { IDisplayPhotos, IPhotoSyncChecker } from '../../../services/PhotoSyncChecker';

/**
 * After a full check, the photos at display size, loaded once the card is on screen (the verdict never waits
 * for them). A remembered verdict shows its small photos and loads nothing: a repeat visit downloads no image.
 */
export function useDisplayPhotos(
  checker: IPhotoSyncChecker,
  result: IPhotoSyncResult | undefined,
  target: React.RefObject<HTMLElement>
): IDisplayPhotos {
  const [photos, setPhotos] = React.useState<IDisplayPhotos>({});
  React.useEffect(() => {
    setPhotos({});
    if (!result || result.fromCache || (!result.exchangePhoto && !result.sharePointPhoto)) {
      return undefined;
    }
    let cancelled = false;
    const load = (): void => {
      checker
        .loadDisplayPhotos()
        .then((loaded) => {
          if (!cancelled) {
            setPhotos(loaded);
          }
        })
        .catch(() => undefined);
    };
    const element = target.current;
    if (!element) {
      return undefined; // no photos on screen (the one-line or hidden display): nothing to load
    }
    if (typeof IntersectionObserver === 'undefined') {
      load();
      return () => {
        cancelled = true;
      };
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        load();
      }
    });
    observer.observe(element);
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, [checker, result, target]);
  return photos;
}
