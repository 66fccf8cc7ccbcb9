/**
 * The audit's results where people already look: a SharePoint list, "Profile photo audit", on a site the admin names.
 * One item per person; created with its columns (and indexes on what the team overview and IT filter by) on first
 * run; each run writes only the items whose values changed, adds newcomers and deletes people who left, in SharePoint
 * batches of 100, through the app's one SharePoint pace.
 *
 * Columns (internal names): Title (user principal name), DisplayName, Verdict (the tokens of `data-verdict`),
 * NextStep (those of `data-next-step`), Distance, Reason (the row's text in English), SharePointPictureTime,
 * Failure (why a person could not be checked, as tokens), CheckedAt (when this person's verdict was last decided),
 * Fingerprint.
 */
import { spfi, SPFI } from '@pnp/sp/fi.js';
import { DefaultHeaders, DefaultInit } from '@pnp/sp/behaviors/defaults.js';
import { DefaultParse } from '@pnp/queryable';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/fields';
import '@pnp/sp/batching';
import { ISharePointScheduler } from '../../src/services/sharePointScheduler';
import { ThroughScheduler } from '../../src/services/throughScheduler';
import { Pool } from '../../src/services/team/Pool';
import { reasonText } from '../../src/shared/components/verdictText';
import { nextStepLabel, verdictLabel } from '../../src/shared/components/teamLabels';
import { AUDIT_LIST_TITLE, auditListDescription, failureTokens } from '../../src/shared/auditRows';
import { IAuditRow } from './auditJob';

export { AUDIT_LIST_TITLE };
const WRITE_BATCH = 100;
/** Write batches in flight at once. */
const WRITES_IN_FLIGHT = 4;
/** The most items SharePoint returns in one page (the list view threshold). */
const PAGE = 5000;

/** The columns, as SharePoint field schemas; the indexed ones are what readers filter by. */
const FIELDS: Array<{ name: string; xml: string }> = [
  { name: 'DisplayName', xml: "<Field Type='Text' Name='DisplayName' StaticName='DisplayName' DisplayName='Display name' MaxLength='255' />" },
  { name: 'Verdict', xml: "<Field Type='Text' Name='Verdict' StaticName='Verdict' DisplayName='Verdict' MaxLength='40' Indexed='TRUE' />" },
  { name: 'NextStep', xml: "<Field Type='Text' Name='NextStep' StaticName='NextStep' DisplayName='Next step' MaxLength='40' Indexed='TRUE' />" },
  { name: 'Distance', xml: "<Field Type='Number' Name='Distance' StaticName='Distance' DisplayName='Distance' Decimals='3' />" },
  { name: 'Reason', xml: "<Field Type='Text' Name='Reason' StaticName='Reason' DisplayName='Reason' MaxLength='255' />" },
  { name: 'SharePointPictureTime', xml: "<Field Type='DateTime' Name='SharePointPictureTime' StaticName='SharePointPictureTime' DisplayName='SharePoint picture time' Format='DateTime' />" },
  { name: 'CheckedAt', xml: "<Field Type='DateTime' Name='CheckedAt' StaticName='CheckedAt' DisplayName='Checked at' Format='DateTime' />" },
  { name: 'Failure', xml: "<Field Type='Text' Name='Failure' StaticName='Failure' DisplayName='Failure' MaxLength='60' />" },
  { name: 'Fingerprint', xml: "<Field Type='Text' Name='Fingerprint' StaticName='Fingerprint' DisplayName='Fingerprint' MaxLength='255' />" }
];

/** One person's item, as written. */
export interface IAuditItem {
  Title: string;
  DisplayName: string;
  Verdict: string;
  NextStep: string;
  Distance: number | null;
  Reason: string;
  /** When the person could not be checked: why, as tokens (`reason/service`), for readers in any language. */
  Failure: string | null;
  SharePointPictureTime: string | null;
  CheckedAt: string;
  Fingerprint: string;
}

/** An item as read back. */
type IStoredItem = Partial<IAuditItem> & { Id: number };

const COMPARED: Array<keyof IAuditItem> = ['DisplayName', 'Verdict', 'NextStep', 'Distance', 'Reason', 'Failure', 'SharePointPictureTime', 'Fingerprint'];

/** The item for a decided person (the row's text in English: its verdict, and why when it could not be checked). */
export function auditItem(row: IAuditRow, fingerprint: string, checkedAt: Date): IAuditItem | undefined {
  const result = row.result;
  if (!result) {
    return undefined;
  }
  const verdict = result.verdict;
  const reason = verdict.kind === 'could-not-check' ? `${verdictLabel(verdict.kind)}: ${reasonText(verdict.reason, verdict.retryAfterSeconds, verdict.service)}` : verdictLabel(verdict.kind);
  return {
    Title: row.member.userPrincipalName,
    DisplayName: row.member.displayName,
    Verdict: verdict.kind,
    NextStep: row.next ? row.next.step : 'none',
    Distance: verdict.kind === 'in-sync' || verdict.kind === 'out-of-sync' ? Math.round(verdict.distance * 1000) / 1000 : null,
    Reason: `${reason}${row.next && row.next.step !== 'none' ? ` (${nextStepLabel(row.next.step)})` : ''}`.slice(0, 255),
    Failure: verdict.kind === 'could-not-check' ? failureTokens(verdict.reason, verdict.service) : null,
    SharePointPictureTime: result.sharePointUpdated ? result.sharePointUpdated.toISOString() : null,
    CheckedAt: checkedAt.toISOString(),
    Fingerprint: fingerprint.slice(0, 255)
  };
}

export interface IListWrite {
  added: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

export class AuditList {
  private readonly _sp: SPFI;

  public constructor(scheduler: ISharePointScheduler, siteUrl: string, private readonly _title: string = AUDIT_LIST_TITLE) {
    this._sp = spfi(siteUrl).using(DefaultHeaders(), DefaultInit(), DefaultParse(), ThroughScheduler(scheduler));
  }

  /** Creates the list and any missing column (idempotent). */
  public async ensure(): Promise<void> {
    try {
      await this._sp.web.lists.getByTitle(this._title).select('Id')();
    } catch (e) {
      if ((e as { status?: number }).status !== 404) {
        throw e;
      }
      await this._sp.web.lists.add(this._title, auditListDescription(), 100, false);
    }
    const list = this._sp.web.lists.getByTitle(this._title);
    const fields = (await list.fields.select('InternalName', 'Indexed')()) as Array<{ InternalName: string; Indexed: boolean }>;
    const existing = new Set(fields.map((f) => f.InternalName));
    for (const field of FIELDS.filter((f) => !existing.has(f.name))) {
      await list.fields.createFieldAsXml(field.xml);
    }
    // People are looked up by account: the Title column is indexed too.
    if (!fields.some((f) => f.InternalName === 'Title' && f.Indexed)) {
      await list.fields.getByInternalNameOrTitle('Title').update({ Indexed: true }, 'SP.FieldText');
    }
  }

  /**
   * Says in the list's description when the last complete run ended, where the team overview reads it (one request
   * a run; a run that stopped part-way leaves the time of the last one that finished).
   */
  public async markComplete(at: Date): Promise<void> {
    await this._sp.web.lists.getByTitle(this._title).update({ Description: auditListDescription(at) });
  }

  /** Every item, 5,000 a page (no filter: reading a list of any size stays within the list view threshold). */
  public async readAll(): Promise<IStoredItem[]> {
    const items: IStoredItem[] = [];
    const query = this._sp.web.lists.getByTitle(this._title).items.select('Id', 'Title', ...COMPARED).top(PAGE);
    for await (const page of query) {
      items.push(...(page as IStoredItem[]));
    }
    return items;
  }

  /**
   * Brings the list to `wanted` (one item per decided person): adds, updates what changed, keeps what did not;
   * deletes the items of people no longer in `everyone` (they left the directory). People not decided this run keep
   * their item as it was.
   */
  public async write(wanted: IAuditItem[], everyone: ReadonlySet<string>): Promise<IListWrite> {
    const stored = await this.readAll();
    const byAccount = new Map<string, IStoredItem>();
    stored.forEach((item) => byAccount.set(String(item.Title || '').toLowerCase(), item));
    const list = this._sp.web.lists.getByTitle(this._title);
    const ops: Array<(l: typeof list) => Promise<unknown>> = [];
    const outcome: IListWrite = { added: 0, updated: 0, deleted: 0, unchanged: 0 };
    for (const item of wanted) {
      const found = byAccount.get(item.Title.toLowerCase());
      if (!found) {
        outcome.added++;
        ops.push((l) => l.items.add(item));
      } else if (COMPARED.some((k) => !same(found[k], item[k]))) {
        outcome.updated++;
        ops.push((l) => l.items.getById(found.Id).update(item));
      } else {
        outcome.unchanged++;
      }
    }
    for (const item of stored) {
      if (!everyone.has(String(item.Title || '').toLowerCase())) {
        outcome.deleted++;
        ops.push((l) => l.items.getById(item.Id).delete());
      }
    }
    // A few batches at once: one after another, 100 batches took 25 s at 150 ms a round trip, far slower than the
    // pace they are counted against (the scheduler still paces them).
    const pool = new Pool(WRITES_IN_FLIGHT);
    const batches: Array<Promise<void>> = [];
    for (let i = 0; i < ops.length; i += WRITE_BATCH) {
      const chunk = ops.slice(i, i + WRITE_BATCH);
      batches.push(
        pool.run(async () => {
          const [batched, execute] = this._sp.batched({ maxRequests: WRITE_BATCH });
          const batchList = batched.web.lists.getByTitle(this._title);
          const done = chunk.map((op) => op(batchList));
          await execute();
          await Promise.all(done);
        })
      );
    }
    await Promise.all(batches);
    return outcome;
  }
}

function same(a: unknown, b: unknown): boolean {
  const none = (v: unknown): boolean => v === undefined || v === null;
  if (none(a) || none(b)) {
    return none(a) && none(b);
  }
  if (typeof a === 'number' || typeof b === 'number') {
    return Math.abs(Number(a) - Number(b)) < 0.0005;
  }
  if (typeof a === 'string' && typeof b === 'string' && /^\d{4}-\d\d-\d\dT/.test(a) && /^\d{4}-\d\d-\d\dT/.test(b)) {
    return Date.parse(a) === Date.parse(b);
  }
  return a === b;
}
