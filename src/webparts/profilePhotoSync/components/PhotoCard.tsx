import * as React from 'react';
import * as strings from 'ProfilePhotoSyncWebPartStrings';
import { Icon } from '@fluentui/react/lib/Icon';
import { IShownPhoto } from '../../../models/IPhotoSyncResult';
import { usePhotoUrl } from '../../../shared/components/usePhotoUrl';
import { useTheme } from '@fluentui/react/lib/Theme';
import { getClassNames } from './styles';

export interface IPhotoCardProps {
  label: string;
  alt: string;
  photo?: IShownPhoto;
  /** Without bytes to show, an address the browser may still show the photo from (never fetched by script). */
  address?: string;
  /** This side's request failed: without a photo, say it could not be loaded, not that there is none. */
  failed?: boolean;
}

/** One side of the comparison: its label and the photo exactly as it was compared, or "No photo". */
export function PhotoCard(props: IPhotoCardProps): JSX.Element {
  const styles = getClassNames(useTheme());
  const url = usePhotoUrl(props.photo) || (props.photo ? undefined : props.address);
  const [broken, setBroken] = React.useState<boolean>(false);
  const missing = props.failed ? strings.PhotoNotLoaded : strings.NoPhotoToShow;
  React.useEffect(() => setBroken(false), [url]);
  return (
    <figure className={styles.photoCard}>
      {url && !broken ? (
        <img className={styles.photo} src={url} alt={props.alt} onError={() => setBroken(true)} />
      ) : (
        <div className={styles.noPhoto} role="img" aria-label={`${props.alt}: ${missing}`}>
          <Icon iconName="Contact" className={styles.noPhotoIcon} aria-hidden={true} />
          <span aria-hidden={true}>{missing}</span>
        </div>
      )}
      <figcaption className={styles.photoLabel}>{props.label}</figcaption>
    </figure>
  );
}
