import * as React from 'react';
import { IShownPhoto } from '../../models/IPhotoSyncResult';

/** An object URL for the photo's bytes, revoked when the photo changes or the component unmounts. */
export function usePhotoUrl(photo: IShownPhoto | undefined): string | undefined {
  const [url, setUrl] = React.useState<string | undefined>(undefined);
  React.useEffect(() => {
    if (!photo || typeof URL === 'undefined' || !URL.createObjectURL) {
      setUrl(undefined);
      return undefined;
    }
    const created = URL.createObjectURL(new Blob([photo.bytes], { type: photo.contentType }));
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [photo]);
  return url;
}
