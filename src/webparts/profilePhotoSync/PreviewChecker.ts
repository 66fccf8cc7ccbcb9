import { IPhotoSyncResult } from '../../models/IPhotoSyncResult';
import { IDisplayPhotos, IPhotoSyncChecker } from '../../services/PhotoSyncChecker';
import { PreviewChoice, sampleVerdict } from '../../shared/settings';

/**
 * For site owners in edit mode: the real check, with the verdict swapped for the one they want to see, so every
 * state can be previewed without a broken profile. Never used outside edit mode.
 */
export class PreviewChecker implements IPhotoSyncChecker {
  public readonly choice: Exclude<PreviewChoice, 'live'>;
  private readonly _real: IPhotoSyncChecker;

  public constructor(real: IPhotoSyncChecker, choice: Exclude<PreviewChoice, 'live'>) {
    this._real = real;
    this.choice = choice;
  }

  public async check(fresh: boolean): Promise<IPhotoSyncResult> {
    const real = await this._real.check(fresh);
    return { ...real, verdict: sampleVerdict(this.choice) };
  }

  public loadDisplayPhotos(): Promise<IDisplayPhotos> {
    return this._real.loadDisplayPhotos();
  }
}
