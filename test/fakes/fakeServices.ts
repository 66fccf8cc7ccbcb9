import { ExchangePhotoLookup } from '../../src/models/IExchangePhoto';
import { ISharePointProfile, SharePointPhotoSize, SharePointProfileLookup } from '../../src/models/ISharePointProfile';
import { IExchangePhotoService } from '../../src/services/IExchangePhotoService';
import { IPictureBytes, ISharePointProfileService } from '../../src/services/ISharePointProfileService';

export const PROFILE: ISharePointProfile = {
  accountName: 'i:0#.f|membership|megan@contoso.com',
  displayName: 'Megan Bowen',
  pictureUrl: 'https://contoso-my.sharepoint.com/User%20Photos/megan_MThumb.jpg',
  pictureTimestamp: new Date('2026-11-20T09:30:00Z'),
  placeholder: false
};

type Outcome<T> = T | { throws: unknown };

function settle<T>(outcome: Outcome<T>): Promise<T> {
  return typeof outcome === 'object' && outcome !== null && 'throws' in outcome
    ? Promise.reject((outcome as { throws: unknown }).throws)
    : Promise.resolve(outcome as T);
}

/** Exchange photo service answering from fixed outcomes, recording its calls. */
export class FakeExchange implements IExchangePhotoService {
  public readonly calls: string[] = [];
  public constructor(private readonly _lookup: Outcome<ExchangePhotoLookup>, private readonly _photo: Outcome<Uint8Array | undefined>) {}

  public getPhotoMetadata(): Promise<ExchangePhotoLookup> {
    this.calls.push('metadata');
    return settle(this._lookup);
  }

  public getPhoto(maxSize: number): Promise<Uint8Array | undefined> {
    this.calls.push(`photo ${maxSize}`);
    return settle(this._photo);
  }
}

/** SharePoint profile service answering from fixed outcomes, recording its calls. */
export class FakeSharePoint implements ISharePointProfileService {
  public readonly calls: string[] = [];
  public readonly uploads: Uint8Array[] = [];
  public upload: Outcome<void> = undefined;
  public constructor(private readonly _profile: Outcome<SharePointProfileLookup>, private readonly _picture: Outcome<IPictureBytes>) {}

  public setMyPicture(picture: Uint8Array): Promise<void> {
    this.calls.push(`upload ${picture.length}`);
    this.uploads.push(picture);
    return settle(this.upload);
  }

  public getMyProfile(): Promise<SharePointProfileLookup> {
    this.calls.push('profile');
    return settle(this._profile);
  }

  public getPicture(accountName: string, size: SharePointPhotoSize, fresh: boolean): Promise<IPictureBytes> {
    this.calls.push(`picture ${size} ${fresh ? 'fresh' : 'cached'} ${accountName}`);
    return settle(this._picture);
  }

  public pictureAddress(accountName: string, size: SharePointPhotoSize): string {
    return `https://contoso.sharepoint.com/_layouts/15/userphoto.aspx?size=${size}&accountname=${encodeURIComponent(accountName)}`;
  }
}
