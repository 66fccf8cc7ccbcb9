/**
 * The audit's progress in Azure Table storage (the storage every Functions app has; Azurite locally): each person's
 * last decision and the fingerprint it was made for, so a run that stops loses nothing decided and the next run
 * compares only people whose fingerprint changed or who were never decided; and the last run's progress, which the
 * HTTP function reports. One partition per tenant and list, so two audits never share progress.
 *
 * It is the team overview's verdict store (`ITeamVerdictStore`) on another backend: the checker it feeds is the same.
 */
import type { TableClient, TableEntityResult, TransactionAction } from '@azure/data-tables';
import * as crypto from 'crypto';
import { ISharePointPictureState } from '../../src/models/INextStep';
import { SyncVerdict } from '../../src/models/IPhotoSyncResult';
import { ITeamRemembered, ITeamVerdictStore } from '../../src/services/team/TeamChecker';

/** A person's row: what decides and what was decided (no photo bytes: the list shows no photos). */
type IPersonEntity = {
  partitionKey: string;
  rowKey: string;
  account: string;
  fingerprint: string;
  /** SyncVerdict, JSON. */
  verdict: string;
  /** ISharePointPictureState, JSON, when SharePoint's profile was read. */
  picture?: string;
  /** SPS-PictureTimestamp, ms since 1970. */
  updated?: number;
};

/** The last run's progress. */
export interface IRunProgress {
  /** When the run started and, once it did, ended (ISO 8601). */
  startedAt: string;
  endedAt?: string;
  /** `running`, `done`, `stopped` (a time limit or a signal; the next run goes on), `failed`. */
  state: 'running' | 'done' | 'stopped' | 'failed';
  people: number;
  decided: number;
  /** The summary line, once it ended. */
  summary?: string;
  error?: string;
}

/** The Table storage table the audit keeps its progress in (the Functions app's storage, or Azurite). */
export const PROGRESS_TABLE = 'ProfilePhotoAudit';

/** Azure Table's limit on one transaction (one partition). */
const TRANSACTION_LIMIT = 100;
const RUN_ROW = 'run';

/** The partition of one audit: its tenant and list, hashed (partition keys may not hold `/`, `#` or `?`). */
export function progressPartition(tenantUrl: string, listSiteUrl: string, listTitle: string): string {
  return crypto.createHash('sha256').update(`${tenantUrl.toLowerCase()}|${listSiteUrl.toLowerCase()}|${listTitle}`).digest('hex').slice(0, 32);
}

/** A person's row key: their account name, hashed for the same reason. */
function rowKeyOf(account: string): string {
  return `p-${crypto.createHash('sha256').update(account.toLowerCase()).digest('hex').slice(0, 40)}`;
}

export class TableProgress implements ITeamVerdictStore {
  /** Row keys the partition holds (read by load), so people who left can be deleted without another scan. */
  private readonly _rows = new Map<string, string>();

  public constructor(private readonly _table: TableClient, private readonly _partition: string) {}

  /** Creates the table when it is not there yet. */
  public async ensure(): Promise<void> {
    await this._table.createTable();
  }

  public async load(): Promise<Map<string, ITeamRemembered>> {
    const out = new Map<string, ITeamRemembered>();
    this._rows.clear();
    const entities = this._table.listEntities<IPersonEntity>({ queryOptions: { filter: `PartitionKey eq '${this._partition}' and RowKey ge 'p-' and RowKey lt 'p.'` } });
    for await (const e of entities) {
      const stored = e as TableEntityResult<IPersonEntity>;
      this._rows.set(stored.account, stored.rowKey!);
      out.set(stored.account, {
        fingerprint: stored.fingerprint,
        result: {
          member: { displayName: '', userPrincipalName: '', accountName: stored.account, guest: false },
          verdict: JSON.parse(stored.verdict) as SyncVerdict,
          sharePointPicture: stored.picture ? (JSON.parse(stored.picture) as ISharePointPictureState) : undefined,
          sharePointUpdated: typeof stored.updated === 'number' ? new Date(stored.updated) : undefined
        }
      });
    }
    return out;
  }

  public async update(changed: Map<string, ITeamRemembered>, keep: ReadonlySet<string>): Promise<void> {
    const actions: TransactionAction[] = [];
    changed.forEach((entry, account) => {
      const r = entry.result;
      const entity: IPersonEntity = {
        partitionKey: this._partition,
        rowKey: rowKeyOf(account),
        account,
        fingerprint: entry.fingerprint,
        verdict: JSON.stringify(r.verdict),
        picture: r.sharePointPicture ? JSON.stringify(r.sharePointPicture) : undefined,
        updated: r.sharePointUpdated ? r.sharePointUpdated.getTime() : undefined
      };
      actions.push(['upsert', entity, 'Replace']);
      this._rows.set(account, entity.rowKey);
    });
    this._rows.forEach((rowKey, account) => {
      if (!keep.has(account)) {
        actions.push(['delete', { partitionKey: this._partition, rowKey }]);
        this._rows.delete(account);
      }
    });
    try {
      for (let i = 0; i < actions.length; i += TRANSACTION_LIMIT) {
        await this._table.submitTransaction(actions.slice(i, i + TRANSACTION_LIMIT));
      }
    } catch (e) {
      // The checker carries on whatever a save does; the run reports that its progress was not all kept.
      this.lastError = e instanceof Error ? e.message : String(e);
      throw e;
    }
  }

  /** Why the last save failed, if one did (those people are compared again next run). */
  public lastError: string | undefined;

  /** The last run's progress, if any run has started. */
  public async run(): Promise<IRunProgress | undefined> {
    try {
      const e = await this._table.getEntity<{ progress: string }>(this._partition, RUN_ROW);
      return JSON.parse(e.progress) as IRunProgress;
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) {
        return undefined;
      }
      throw error;
    }
  }

  public async saveRun(progress: IRunProgress): Promise<void> {
    await this._table.upsertEntity({ partitionKey: this._partition, rowKey: RUN_ROW, progress: JSON.stringify(progress) }, 'Replace');
  }
}
