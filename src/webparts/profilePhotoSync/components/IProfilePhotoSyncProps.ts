import type { PartialTheme } from '@fluentui/react/lib/Theme';
import { IPhotoSyncChecker } from '../../../services/PhotoSyncChecker';
import { IBrowserInfo } from '../browser/detectBrowser';
import { IKeyValueStore } from './useStepProgress';

export interface IProfilePhotoSyncProps {
  title: string;
  checker: IPhotoSyncChecker;
  browser: IBrowserInfo;
  isTeams: boolean;
  /** The page is being edited (so the viewer can manage it): failures get the site owner's instructions. */
  isEditMode: boolean;
  /** BCP 47 locale for dates and times, e.g. `nl-NL`. */
  locale: string;
  /** Where the ticked resync steps are remembered; undefined when storage is unavailable. */
  store?: IKeyValueStore;
  /** Per-user key for the ticked steps. */
  storageKey: string;
  copyText: (text: string) => Promise<void>;
  theme?: PartialTheme;
}
