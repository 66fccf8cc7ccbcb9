import { ExchangePhotoLookup } from '../models/IExchangePhoto';
import { IPhotoSyncResult, IShownPhoto, SyncVerdict } from '../models/IPhotoSyncResult';
import { ISharePointProfile } from '../models/ISharePointProfile';
import { ISharePointPictureState } from '../models/INextStep';

/** The part of `localStorage` the cache uses. */
export interface IStringStore {
  getItem(key: string): string | null; // eslint-disable-line @rushstack/no-new-null
  setItem(key: string, value: string): void;
}

/** Remembers the last verdict for one user, with what it was decided from. */
export interface IVerdictCache {
  read(fingerprint: string): IPhotoSyncResult | undefined;
  /**
   * The last verdict remembered, whatever it was decided from: what a repeat visit shows in its first paint, before
   * any request confirms it. Undefined on a first visit.
   */
  last(): IPhotoSyncResult | undefined;
  write(fingerprint: string, result: IPhotoSyncResult): void;
  /** Nothing is remembered for this user (a first visit, or storage unavailable). */
  isEmpty(): boolean;
}

interface IStoredPhoto {
  base64: string;
  contentType: string;
}

interface IStoredVerdict {
  version: 1;
  fingerprint: string;
  verdict: SyncVerdict;
  exchangePhoto?: IStoredPhoto;
  sharePointPhoto?: IStoredPhoto;
  sharePointUpdated?: string;
  displayName?: string;
  checkedAt: string;
  sharePointPicture?: ISharePointPictureState;
  exchangeTag?: string;
  compared?: IPhotoSyncResult['compared'];
}

/** Verdicts worth remembering: the answers, not the failures. */
const CACHEABLE: ReadonlyArray<SyncVerdict['kind']> = ['in-sync', 'out-of-sync', 'sharepoint-placeholder', 'no-exchange-photo', 'no-mailbox'];

/**
 * What a verdict depends on, from the two metadata requests alone: the Exchange photo's media ETag (or that there
 * is none) and SharePoint's picture timestamp, URL and placeholder state. Same fingerprint, same photos.
 */
export function fingerprint(lookup: ExchangePhotoLookup, profile: ISharePointProfile | undefined): string {
  const exchange = exchangeTag(lookup);
  const sharePoint = profile
    ? [profile.pictureTimestamp ? profile.pictureTimestamp.toISOString() : '', profile.pictureUrl || '', profile.placeholder ? 'placeholder' : 'picture'].join('|')
    : 'no-profile';
  return `${exchange}#${sharePoint}`;
}

/** Which Exchange (or Entra ID) photo a lookup found: its media ETag, or its size; or that there is none. */
export function exchangeTag(lookup: ExchangePhotoLookup): string {
  return lookup.kind === 'photo' ? `photo:${lookup.metadata.etag || `${lookup.metadata.width}x${lookup.metadata.height}`}` : lookup.kind;
}

/** SharePoint's picture as the profile describes it, in the form remembered next to the verdict. */
export function pictureState(profile: ISharePointProfile): ISharePointPictureState {
  return {
    timestamp: profile.pictureTimestamp ? profile.pictureTimestamp.toISOString() : undefined,
    pictureUrl: profile.pictureUrl || undefined,
    placeholder: profile.placeholder,
    exchangeSyncState: profile.exchangeSyncState || undefined
  };
}

/** The verdict cache in the browser's storage, one entry per user; a storage that fails is simply not used. */
export class VerdictCache implements IVerdictCache {
  private readonly _store: IStringStore | undefined;
  private readonly _key: string;

  public constructor(store: IStringStore | undefined, key: string) {
    this._store = store;
    this._key = key;
  }

  public read(expected: string): IPhotoSyncResult | undefined {
    const entry = this._entry();
    return entry && entry.fingerprint === expected ? entry.result : undefined;
  }

  public last(): IPhotoSyncResult | undefined {
    const entry = this._entry();
    return entry ? entry.result : undefined;
  }

  /** The entry, decoded once (see `parseStoredVerdict`). */
  private _entry(): IRememberedEntry | undefined {
    try {
      return parseStoredVerdict(this._store && this._store.getItem(this._key));
    } catch {
      return undefined;
    }
  }

  public isEmpty(): boolean {
    try {
      return !this._store || !this._store.getItem(this._key);
    } catch {
      return true;
    }
  }

  public write(print: string, result: IPhotoSyncResult): void {
    const text = this._store ? storedVerdict(print, result) : undefined;
    if (!this._store || !text) {
      return;
    }
    try {
      this._store.setItem(this._key, text);
    } catch {
      // Storage full or blocked: the next visit just checks in full.
    }
  }
}

/** A remembered verdict and the fingerprint it was decided from. */
export interface IRememberedEntry {
  fingerprint: string;
  result: IPhotoSyncResult;
}

/**
 * A verdict as the cache keeps it (JSON text, the photos in base64), also what the card hands its host's cache;
 * undefined for a verdict not worth remembering (a failure).
 */
export function storedVerdict(print: string, result: IPhotoSyncResult): string | undefined {
  if (CACHEABLE.indexOf(result.verdict.kind) < 0) {
    return undefined;
  }
  const stored: IStoredVerdict = {
    version: 1,
    fingerprint: print,
    verdict: result.verdict,
    exchangePhoto: toStored(result.exchangePhoto),
    sharePointPhoto: toStored(result.sharePointPhoto),
    sharePointUpdated: result.sharePointUpdated ? result.sharePointUpdated.toISOString() : undefined,
    displayName: result.displayName,
    checkedAt: result.checkedAt.toISOString(),
    sharePointPicture: result.sharePointPicture,
    exchangeTag: result.exchangeTag,
    compared: result.compared
  };
  return JSON.stringify(stored);
}

/**
 * What `storedVerdict` wrote, read back: undefined unless it is text this version wrote, holds an answer and its
 * photos decode (a damaged entry is no entry). Never throws.
 */
export function parseStoredVerdict(text: unknown): IRememberedEntry | undefined {
  try {
    const stored = typeof text === 'string' && text ? (JSON.parse(text) as IStoredVerdict) : undefined;
    if (!stored || stored.version !== 1 || typeof stored.fingerprint !== 'string' || !stored.verdict || CACHEABLE.indexOf(stored.verdict.kind) < 0 || isNaN(Date.parse(stored.checkedAt))) {
      return undefined;
    }
    return { fingerprint: stored.fingerprint, result: fromStoredVerdict(stored) };
  } catch {
    return undefined;
  }
}

function fromStoredVerdict(stored: IStoredVerdict): IPhotoSyncResult {
  return {
    verdict: stored.verdict,
    exchangePhoto: fromStored(stored.exchangePhoto),
    sharePointPhoto: fromStored(stored.sharePointPhoto),
    sharePointUpdated: stored.sharePointUpdated ? new Date(stored.sharePointUpdated) : undefined,
    displayName: stored.displayName,
    checkedAt: new Date(stored.checkedAt),
    sharePointPicture: stored.sharePointPicture,
    exchangeTag: stored.exchangeTag,
    compared: stored.compared,
    fromCache: true
  };
}

/** Bytes as base64 (what the cache stores, and what a card's `data:` URI carries). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) {
    binary += String.fromCharCode(bytes[i]);
  }
  return btoa(binary);
}

function toStored(photo: IShownPhoto | undefined): IStoredPhoto | undefined {
  if (!photo) {
    return undefined;
  }
  return { base64: toBase64(photo.bytes), contentType: photo.contentType };
}

function fromStored(stored: IStoredPhoto | undefined): IShownPhoto | undefined {
  if (!stored) {
    return undefined;
  }
  const binary = atob(stored.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return { bytes, contentType: stored.contentType };
}
