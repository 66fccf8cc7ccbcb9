/**
 * The audit's SharePoint reads, app-only, every one through one SharePointScheduler (the web parts' pacing: one
 * pace for all of the app's SharePoint requests, `Retry-After` pausing everything, `RateLimit-*` setting the pace):
 *  - people's profiles, many in one `$batch`, through PnPjs and the team overview's reader (PnPTeamProfiles);
 *  - SharePoint's picture of a person: the file its profile's `PictureURL` names on the my-site host, read through
 *    `GetFileByServerRelativeUrl(...)/$value` (whether `userphoto.aspx` takes app-only tokens is not documented).
 */
import { spfi } from '@pnp/sp/fi.js';
import { DefaultHeaders, DefaultInit } from '@pnp/sp/behaviors/defaults.js';
import { DefaultParse } from '@pnp/queryable';
import { SharePointPhotoSize, SharePointProfileLookup } from '../../src/models/ISharePointProfile';
import { IPictureBytes } from '../../src/services/ISharePointProfileService';
import { reasonForStatus, ServiceError } from '../../src/services/ServiceError';
import { ISharePointScheduler } from '../../src/services/sharePointScheduler';
import { scheduledFetch, ThroughScheduler } from '../../src/services/throughScheduler';
import { PnPTeamProfiles } from '../../src/services/team/PnPTeamProfiles';
import { ITeamPictureReader, ITeamProfileReader } from '../../src/services/team/TeamChecker';

/**
 * Profiles through PnPjs without a signed-in person: PnPjs's own headers and parsing, no request digest (a bearer
 * token needs none), every request sent by the scheduler (whose fetch adds the app's token).
 */
export function appProfiles(scheduler: ISharePointScheduler, siteUrl: string): AppProfiles {
  const sp = spfi(siteUrl).using(DefaultHeaders(), DefaultInit(), DefaultParse(), ThroughScheduler(scheduler));
  return new AppProfiles(new PnPTeamProfiles(sp, siteUrl));
}

/** The team overview's profile reader, remembering each person's `PictureURL` for the picture reader. */
export class AppProfiles implements ITeamProfileReader {
  private readonly _pictureUrls = new Map<string, string>();

  public constructor(private readonly _inner: ITeamProfileReader) {}

  public async read(accountNames: ReadonlyArray<string>, signal?: AbortSignal): Promise<Array<SharePointProfileLookup | ServiceError>> {
    const lookups = await this._inner.read(accountNames, signal);
    lookups.forEach((lookup, i) => {
      if (!(lookup instanceof ServiceError) && lookup.kind === 'profile' && lookup.profile.pictureUrl) {
        this._pictureUrls.set(accountNames[i].toLowerCase(), lookup.profile.pictureUrl);
      }
    });
    return lookups;
  }

  public pictureUrl(accountName: string): string | undefined {
    return this._pictureUrls.get(accountName.toLowerCase());
  }
}

/**
 * A person's picture as SharePoint stores it: the file of the profile's `PictureURL` (the M thumbnail, 72 px, the size
 * the team overview compares), from the my-site host, whose address is an app setting (`https://contoso-my.sharepoint.com`).
 */
export class AppPictures implements ITeamPictureReader {
  private readonly _fetch: (url: string, init?: RequestInit) => Promise<Response>;

  public constructor(scheduler: ISharePointScheduler, private readonly _profiles: AppProfiles, private readonly _mySiteHost: string, private readonly _onDownload: () => void = () => undefined) {
    this._fetch = scheduledFetch(scheduler);
  }

  public async getPicture(accountName: string, size: SharePointPhotoSize, _fresh: boolean, signal?: AbortSignal): Promise<IPictureBytes> {
    const pictureUrl = this._profiles.pictureUrl(accountName);
    if (!pictureUrl) {
      throw new ServiceError('sharepoint', reasonForStatus(404), `No PictureURL for ${accountName}.`, { status: 404 });
    }
    // The profile names the M thumbnail; the S and L files sit beside it.
    const path = decodeURIComponent(new URL(pictureUrl).pathname).replace(/_[SML]Thumb\.jpg$/i, `_${size}Thumb.jpg`);
    const url = `${this._mySiteHost.replace(/\/+$/, '')}/_api/web/GetFileByServerRelativeUrl('${encodeURIComponent(path.replace(/'/g, "''"))}')/$value`;
    const response = await this._fetch(url, { signal });
    if (!response.ok) {
      throw new ServiceError('sharepoint', reasonForStatus(response.status), `The picture file answered ${response.status}.`, { status: response.status });
    }
    this._onDownload();
    return { bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('Content-Type') || 'image/jpeg' };
  }
}
