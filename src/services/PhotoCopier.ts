import { sniffFormat } from '../comparison/sniffFormat';
import { CopyOutcome } from '../models/ICopyOutcome';
import { GRAPH_PHOTO_SIZES } from '../models/IExchangePhoto';
import { IExchangePhotoService } from './IExchangePhotoService';
import { ISharePointProfileService, SHAREPOINT_PICTURE_MAX_BYTES } from './ISharePointProfileService';
import { isServiceError } from './ServiceError';

/** What the components call to copy the Exchange photo into SharePoint. */
export interface IPhotoCopier {
  copy(signal?: AbortSignal): Promise<CopyOutcome>;
}

/**
 * Copies the user's current Exchange Online photo, at the largest size Graph has (up to 648x648), into their
 * SharePoint profile. Never rejects: every failure says which stage failed and what state SharePoint is in.
 */
export class PhotoCopier implements IPhotoCopier {
  private readonly _exchange: IExchangePhotoService;
  private readonly _sharePoint: ISharePointProfileService;

  public constructor(exchange: IExchangePhotoService, sharePoint: ISharePointProfileService) {
    this._exchange = exchange;
    this._sharePoint = sharePoint;
  }

  public async copy(signal?: AbortSignal): Promise<CopyOutcome> {
    let photo: Uint8Array | undefined;
    try {
      const lookup = await this._exchange.getPhotoMetadata(signal);
      photo = await this._exchange.getPhoto(GRAPH_PHOTO_SIZES[GRAPH_PHOTO_SIZES.length - 1], lookup, signal);
    } catch (e) {
      return { kind: 'failed', reason: isServiceError(e) ? e.reason : 'unexpected', state: 'unchanged', stage: 'read-exchange' };
    }
    if (!photo) {
      return { kind: 'failed', reason: 'not-an-image', state: 'unchanged', stage: 'read-exchange' };
    }
    const format = sniffFormat(photo);
    if ((format !== 'jpeg' && format !== 'png') || photo.length > SHAREPOINT_PICTURE_MAX_BYTES) {
      return { kind: 'failed', reason: 'rejected-picture', state: 'unchanged', stage: 'read-exchange' };
    }
    try {
      await this._sharePoint.setMyPicture(photo, signal);
      return { kind: 'copied', bytes: photo.length };
    } catch (e) {
      const reason = isServiceError(e) ? e.reason : 'unexpected';
      // An HTTP answer means SharePoint refused the whole request; a lost connection leaves it unknown.
      const answered = isServiceError(e) && e.status !== undefined;
      return {
        kind: 'failed',
        reason: answered && (e.status === 400 || e.status === 413 || e.status === 415) ? 'rejected-picture' : reason,
        state: answered ? 'unchanged' : 'unknown',
        stage: 'upload'
      };
    }
  }
}
