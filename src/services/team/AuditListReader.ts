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

/**
 * While the roster's pages arrive, their people's items are asked for once this many accounts wait: half a `$batch`
 * of queries. A roster of 5,000 (Graph pages of 999) then takes three batches: two sent while the roster is still
 * being read, and one of about 1,000 accounts after its last page, instead of 5,000 accounts after it.
 */
export const EARLY_BATCH_ACCOUNTS = (ACCOUNTS_PER_QUERY * SHAREPOINT_BATCH_LIMIT) / 2;

/** What the tenant audit's list says about a roster. */
export interface ITeamAudit {
  /** When the audit's last complete run ended (from the list's description); undefined before its first. */
  lastCompleteRun?: Date;
  /** Each member's result as the audit decided it, in roster order; undefined where it did not (they are checked here). */
  results: Array<ITeamPersonResult | undefined>;
}

/** One roster's read of the audit list: people may be added as the roster's pages come, the rest at the end. */
export interface ITeamAuditRead {
  /** People from a roster page: asked for in the background once enough wait (none past the roster's cap). */
  add(members: ReadonlyArray<ITeamMember>): void;
  /** The final roster's results: asks for whoever was not asked for yet, and waits for every answer. */
  finish(members: ReadonlyArray<ITeamMember>): Promise<ITeamAudit>;
}

/** Reads the tenant audit's rows for a roster. */
export interface ITeamAuditReader {
  read(members: ReadonlyArray<ITeamMember>, signal?: AbortSignal): Promise<ITeamAudit>;
  /** A read that starts while the roster is still being read; `cap`: the most people the roster will hold. */
  begin(cap: number): ITeamAuditRead;
}

/** How an account is found in the list: its user principal name, as `Title` holds it, in lower case. */
function accountKey(member: ITeamMember): string {
  return member.userPrincipalName.toLowerCase();
}

type ItemsByAccount = Map<string, IAuditListItem>;
/** The items one send found, and the list's description when that send asked for it. */
type Answer = Promise<[ItemsByAccount, string | undefined]>;

/** One roster's read: which accounts were asked for, and the answer that will hold each. */
class AuditRead implements ITeamAuditRead {
  private readonly _send: (members: ReadonlyArray<ITeamMember>, withDescription: boolean) => Answer;
  private readonly _early: number;
  private readonly _cap: number;
  /** Each account asked for (lower case), and the answer that holds its item. */
  private readonly _asked = new Map<string, Answer>();
  /** People added and not asked for yet, by account. */
  private readonly _waiting = new Map<string, ITeamMember>();
  private _description: Answer | undefined;

  public constructor(send: (members: ReadonlyArray<ITeamMember>, withDescription: boolean) => Answer, early: number, cap: number) {
    this._send = send;
    this._early = early;
    this._cap = cap;
  }

  public add(members: ReadonlyArray<ITeamMember>): void {
    for (const m of members) {
      if (this._asked.size + this._waiting.size >= this._cap) {
        break;
      }
      const key = accountKey(m);
      if (!this._asked.has(key)) {
        this._waiting.set(key, m);
      }
    }
    if (this._waiting.size >= this._early) {
      this._flush().catch(() => undefined); // its failure rejects `finish`, which awaits it
    }
  }

  public async finish(members: ReadonlyArray<ITeamMember>): Promise<ITeamAudit> {
    // Whoever the final roster holds and nobody asked for yet (people added but cut by the cap are not asked for).
    this._waiting.clear();
    members.forEach((m) => {
      const key = accountKey(m);
      if (!this._asked.has(key)) {
        this._waiting.set(key, m);
      }
    });
    if (this._waiting.size || !this._description) {
      this._flush().catch(() => undefined);
    }
    const pending = new Set<Answer>([this._description!]);
    members.forEach((m) => pending.add(this._asked.get(accountKey(m))!));
    const answers = await Promise.all(Array.from(pending));
    const byAccount: ItemsByAccount = new Map();
    let description: string | undefined;
    for (const [items, text] of answers) {
      items.forEach((item, account) => byAccount.set(account, item));
      description = text === undefined ? description : text;
    }
    const now = new Date();
    return {
      lastCompleteRun: lastCompleteRun(description),
      results: members.map((m) => {
        const item = byAccount.get(accountKey(m));
        return item ? auditedResult(item, m, now) : undefined;
      })
    };
  }

  /** Asks for everyone waiting now (the list's description with the first of these sends). */
  private _flush(): Answer {
    const members = Array.from(this._waiting.values());
    this._waiting.clear();
    const answer = this._send(members, !this._description);
    if (!this._description) {
      this._description = answer;
    }
    members.forEach((m) => this._asked.set(accountKey(m), answer));
    return answer;
  }
}

/**
 * The tenant audit's list on the site the owner named, read through SharePoint REST: the members' items by account
 * (`Title`, indexed) in queries of ACCOUNTS_PER_QUERY, and the list's description, in `$batch`es of up to 100
 * queries. Whatever the list's size, each query touches only its own people's items, through the index: the list
 * view threshold never applies.
 * A failure of the list itself (no such list, no access, throttling after the scheduler's waits) rejects: the
 * overview then checks everyone itself.
 */
export class AuditListReader implements ITeamAuditReader {
  private readonly _sp: SPFI;
  private readonly _siteUrl: string;
  private readonly _title: string;
  private readonly _early: number;

  public constructor(sp: SPFI, siteUrl: string, title: string = AUDIT_LIST_TITLE, earlyBatchAccounts: number = EARLY_BATCH_ACCOUNTS) {
    this._sp = sp;
    this._siteUrl = siteUrl.replace(/\/+$/, '');
    this._title = title;
    this._early = Math.max(1, earlyBatchAccounts);
  }

  public read(members: ReadonlyArray<ITeamMember>): Promise<ITeamAudit> {
    return this.begin(members.length).finish(members);
  }

  public begin(cap: number): ITeamAuditRead {
    return new AuditRead((members, withDescription) => this._send(members, withDescription), this._early, cap);
  }

  /**
   * Sends the queries for `members` (and the list's description first, when asked) in as many `$batch`es as they
   * need, all at once. Resolves with the items found by account (lower case) and the description, if asked.
   */
  private _send(members: ReadonlyArray<ITeamMember>, withDescription: boolean): Answer {
    const chunks: ITeamMember[][] = [];
    for (let i = 0; i < members.length; i += ACCOUNTS_PER_QUERY) {
      chunks.push(members.slice(i, i + ACCOUNTS_PER_QUERY));
    }
    const batches: ITeamMember[][][] = [];
    for (let i = 0, room = SHAREPOINT_BATCH_LIMIT - (withDescription ? 1 : 0); batches.length === 0 || i < chunks.length; i += room, room = SHAREPOINT_BATCH_LIMIT) {
      batches.push(chunks.slice(i, i + room));
    }
    const web = Web([this._sp.web, this._siteUrl]);
    let description: Promise<{ Description?: string }> = Promise.resolve({});
    const reads: Array<Promise<IAuditListItem[]>> = [];
    const sends = batches.map((batch, b) => {
      const [batched, execute] = web.batched({ maxRequests: SHAREPOINT_BATCH_LIMIT });
      const list = batched.lists.getByTitle(this._title);
      if (b === 0 && withDescription) {
        description = list.select('Description')<{ Description?: string }>();
      }
      for (const chunk of batch) {
        const filter = chunk.map((m) => `Title eq '${m.userPrincipalName.replace(/'/g, "''")}'`).join(' or ');
        reads.push(list.items.select(...AUDIT_READ_COLUMNS).filter(filter).top(chunk.length * 2)<IAuditListItem[]>());
      }
      return execute();
    });
    // Every answer awaited together: a failed part rejects the read, and none is left unhandled meanwhile.
    return Promise.all([Promise.all(sends), description, Promise.all(reads)]).then(([, info, pages]) => {
      const byAccount: ItemsByAccount = new Map();
      pages.forEach((items) => items.forEach((item) => byAccount.set(String(item.Title || '').toLowerCase(), item)));
      return [byAccount, withDescription ? info.Description || '' : undefined];
    });
  }
}
