import type { PartialTheme } from '@fluentui/react/lib/Theme';
import { IPhotoCopier } from '../../../services/PhotoCopier';
import { IPhotoSyncChecker } from '../../../services/PhotoSyncChecker';
import { IBrowserInfo } from '../browser/detectBrowser';
import { IKeyValueStore } from './useStepProgress';
import { InSyncDisplay } from '../../../shared/settings';
import { IFixHistoryStore } from '../../../services/FixHistory';

export interface IProfilePhotoSyncProps {
  title: string;
  checker: IPhotoSyncChecker;
  /** Copies the Exchange photo into SharePoint; absent: the copy is never offered. */
  copier?: IPhotoCopier;
  /** The site owner's setting: offer "Copy my Outlook photo to SharePoint". */
  allowCopy: boolean;
  /** The site owner's setting: what people whose photo is in sync see (default: the full card). */
  inSyncDisplay?: InSyncDisplay;
  /** The site owner's setting: a link to the organization's own help (https only; anything else is ignored). */
  helpUrl?: string;
  /** Waits before each quiet re-check after "I've done the steps" (default: 15 s doubling to 4 min, 5 tries). */
  recheckDelaysMs?: ReadonlyArray<number>;
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
  /** What this person tried (the steps, the copy), remembered per user; absent: this visit only. */
  history?: IFixHistoryStore;
  /** The site owner's setting: IT's email address or support link, for the message to IT. */
  itContact?: string;
  /** The clock the next-step rules read (tests pretend time has passed). */
  now?: () => Date;
}
