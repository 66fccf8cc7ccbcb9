import { IProfilePhotoSyncProps } from '../../src/webparts/profilePhotoSync/components/IProfilePhotoSyncProps';
import { IPhotoSyncChecker } from '../../src/services/PhotoSyncChecker';
import { CopyOutcome } from '../../src/models/ICopyOutcome';
import { IPhotoCopier } from '../../src/services/PhotoCopier';

/** The personal card's props as a page gives them to an employee (Chrome on Windows, English), and any changes. */
export function cardProps(checker: IPhotoSyncChecker, extra: Partial<IProfilePhotoSyncProps> = {}): IProfilePhotoSyncProps {
  return {
    title: '',
    checker,
    allowCopy: true,
    browser: { browser: 'chrome', os: 'windows', privateWindowShortcut: { modifier: 'ctrl', key: 'N' } },
    isTeams: false,
    isEditMode: false,
    locale: 'en-US',
    storageKey: 'k',
    copyText: () => Promise.resolve(),
    ...extra
  };
}

/** Answers each copy with the next queued outcome (the last one repeats); counts the calls. */
export class FakeCopier implements IPhotoCopier {
  public calls = 0;
  public constructor(private readonly _outcomes: CopyOutcome[]) {}
  public async copy(): Promise<CopyOutcome> {
    const outcome = this._outcomes[Math.min(this.calls, this._outcomes.length - 1)];
    this.calls++;
    return outcome;
  }
}
