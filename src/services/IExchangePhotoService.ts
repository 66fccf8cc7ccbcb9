import { ExchangePhotoLookup } from '../models/IExchangePhoto';

/** Reads the signed-in user's Exchange Online photo. `signal` cancels the request. */
export interface IExchangePhotoService {
  /** `GET /me/photo`: whether there is a photo, and its size and ETag. */
  getPhotoMetadata(signal?: AbortSignal): Promise<ExchangePhotoLookup>;
  /**
   * The photo bytes at the largest Graph size not above `maxSize` that the stored photo has
   * (`GET /me/photos/{size}/$value`); undefined when Exchange has no photo after all.
   */
  getPhoto(maxSize: number, metadata: ExchangePhotoLookup, signal?: AbortSignal): Promise<Uint8Array | undefined>;
}
