import type { SPFI } from '@pnp/sp/fi.js';
import '@pnp/sp/profiles';
import '@pnp/sp/batching';
import { SharePointProfileLookup } from '../../models/ISharePointProfile';
import { IMyPropertiesResponse, parseMyProperties } from '../PnPProfileService';
import { reasonForStatus, ServiceError } from '../ServiceError';
import { ITeamProfileReader, SHAREPOINT_BATCH_LIMIT } from './TeamChecker';

/**
 * Other people's picture state (`PeopleManager/GetPropertiesFor`), many in one SharePoint `$batch` through PnPjs:
 * one round trip for a whole chunk of people instead of one each.
 */
export class PnPTeamProfiles implements ITeamProfileReader {
  private readonly _sp: SPFI;
  private readonly _siteUrl: string;

  public constructor(sp: SPFI, siteUrl: string) {
    this._sp = sp;
    this._siteUrl = siteUrl.replace(/\/+$/, '');
  }

  public async read(accountNames: ReadonlyArray<string>): Promise<Array<SharePointProfileLookup | ServiceError>> {
    // PnPjs would otherwise split the batch into batches of 20, sent one after another.
    const [batched, execute] = this._sp.batched({ maxRequests: SHAREPOINT_BATCH_LIMIT });
    const reads = accountNames.map((account) =>
      batched.profiles.getPropertiesFor(account).then(
        (raw: IMyPropertiesResponse) => parseMyProperties(raw, this._siteUrl),
        (e: unknown): SharePointProfileLookup | ServiceError => {
          const status = typeof e === 'object' && e !== null ? (e as { status?: number }).status : undefined;
          if (status === 404) {
            return { kind: 'not-found' };
          }
          return new ServiceError('sharepoint', typeof status === 'number' ? reasonForStatus(status) : 'network', e instanceof Error ? e.message : String(e), { status });
        }
      )
    );
    await execute();
    return Promise.all(reads);
  }
}
