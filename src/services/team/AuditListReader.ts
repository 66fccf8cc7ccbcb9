import type { SPFI } from '@pnp/sp/fi.js';
import { Web } from '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { ITeamMember, ITeamPersonResult } from '../../models/ITeam';
import { AUDIT_LIST_TITLE, AUDIT_READ_COLUMNS, auditedResult, IAuditListItem, lastCompleteRun } from '../../shared/auditRows';
import { SHAREPOINT_BATCH_LIMIT } from './TeamCheckRun';

/**
 * Accounts one query asks for: SharePoint uses a column's index for at most 60 values in one query (more reads the
 * whole list, and a list past 5,000 items refuses), and 30 keeps each query's address under 2,000 characters.
 */
export const ACCOUNTS_PER_QUERY = 30;

/** What the tenant audit's list says about a roster. */
export interface ITeamAudit {
  /** When the audit's last complete run ended (from the list's description); undefined before its first. */
  lastCompleteRun?: Date;
  /** Each member's result as the audit decided it, in roster order; undefined where it did not (they are checked here). */
  results: Array<ITeamPersonResult | undefined>;
}

/** Reads the tenant audit's rows for a roster. */
export interface ITeamAuditReader {
  read(members: ReadonlyArray<ITeamMember>, signal?: AbortSignal): Promise<ITeamAudit>;
}

/**
 * The tenant audit's list on the site the owner named, read through SharePoint REST: the members' items by account
 * (`Title`, indexed) in queries of ACCOUNTS_PER_QUERY, and the list's description, all in `$batch`es of up to 100
 * queries, sent together (5,000 people are two round trips). Whatever the list's size, each query touches only its
 * own people's items, through the index: the list view threshold never applies.
 * A failure of the list itself (no such list, no access, throttling after the scheduler's waits) rejects: the
 * overview then checks everyone itself.
 */
export class AuditListReader implements ITeamAuditReader {
  private readonly _sp: SPFI;
  private readonly _siteUrl: string;
  private readonly _title: string;

  public constructor(sp: SPFI, siteUrl: string, title: string = AUDIT_LIST_TITLE) {
    this._sp = sp;
    this._siteUrl = siteUrl.replace(/\/+$/, '');
    this._title = title;
  }

  public async read(members: ReadonlyArray<ITeamMember>): Promise<ITeamAudit> {
    const chunks: ITeamMember[][] = [];
    for (let i = 0; i < members.length; i += ACCOUNTS_PER_QUERY) {
      chunks.push(members.slice(i, i + ACCOUNTS_PER_QUERY));
    }
    // The list's description rides in the first batch; each batch holds up to SHAREPOINT_BATCH_LIMIT requests.
    const batches: ITeamMember[][][] = [];
    for (let i = 0, room = SHAREPOINT_BATCH_LIMIT - 1; batches.length === 0 || i < chunks.length; i += room, room = SHAREPOINT_BATCH_LIMIT) {
      batches.push(chunks.slice(i, i + room));
    }
    const web = Web([this._sp.web, this._siteUrl]);
    let description: Promise<{ Description?: string }> = Promise.resolve({});
    const reads: Array<Promise<IAuditListItem[]>> = [];
    const sends = batches.map((batch, b) => {
      const [batched, execute] = web.batched({ maxRequests: SHAREPOINT_BATCH_LIMIT });
      const list = batched.lists.getByTitle(this._title);
      if (b === 0) {
        description = list.select('Description')<{ Description?: string }>();
      }
      for (const chunk of batch) {
        const filter = chunk.map((m) => `Title eq '${m.userPrincipalName.replace(/'/g, "''")}'`).join(' or ');
        reads.push(list.items.select(...AUDIT_READ_COLUMNS).filter(filter).top(chunk.length * 2)<IAuditListItem[]>());
      }
      return execute();
    });
    // Every answer awaited together: a failed part rejects the read, and none is left unhandled meanwhile.
    const [, info, pages] = await Promise.all([Promise.all(sends), description, Promise.all(reads)]);
    const byAccount = new Map<string, IAuditListItem>();
    pages.forEach((items) => items.forEach((item) => byAccount.set(String(item.Title || '').toLowerCase(), item)));
    const now = new Date();
    return {
      lastCompleteRun: lastCompleteRun(info.Description),
      results: members.map((m) => {
        const item = byAccount.get(m.userPrincipalName.toLowerCase());
        return item ? auditedResult(item, m, now) : undefined;
      })
    };
  }
}
