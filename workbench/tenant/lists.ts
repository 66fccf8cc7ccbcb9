/**
 * SharePoint lists on the simulated site, as SharePoint REST serves them (JSON light, `odata=nometadata`), enough for
 * the tenant audit to keep its list and for the team overview to read it:
 *  - `GET /_api/web/lists/getByTitle('T')` (404 when there is none), `POST /_api/web/lists` to create one;
 *  - `GET|POST .../fields` and `.../fields/CreateFieldAsXml` (a field's `Name` is its internal name; `Indexed`);
 *  - `GET .../items` with `$select`, `$filter` (`eq` on a column, joined with `and`/`or`), `$orderby` on ID, `$top`
 *    (at most 5,000) and paging by `$skiptoken=Paged=TRUE&p_ID=n` in `odata.nextLink`; and SharePoint's list view
 *    threshold: on a list of more than 5,000 items a `$filter` on a column that is not indexed is refused;
 *  - `POST .../items` (add), `POST .../items(n)` with `X-HTTP-Method: MERGE` (update) or `DELETE`, directly or in a
 *    `$batch` (the caller's batch parsing hands each part here).
 * Lists live in the tenant, not in a session: what an app writes, a signed-in owner reads.
 */
import * as crypto from 'crypto';

/** SharePoint's list view threshold. */
export const LIST_VIEW_THRESHOLD = 5000;
/**
 * The most values one query may compare one indexed column with and still use its index (Microsoft's support note
 * "CAML Query that contains more than 60 values for the In clause is throttled"; an `or` of `eq` is the same query).
 */
export const MAX_INDEXED_VALUES = 60;

interface IField {
  internalName: string;
  type: string;
  indexed: boolean;
}

interface IList {
  id: string;
  title: string;
  description: string;
  fields: Map<string, IField>;
  items: Map<number, Record<string, unknown>>;
  nextId: number;
  /** Indexed columns' values to item IDs, built when first queried, dropped by any write. */
  indexes: Map<string, Map<unknown, number[]>>;
}

export interface IListAnswer {
  status: number;
  body?: unknown;
}

/** The site's lists, by lower-cased title. */
export class SiteLists {
  private readonly _lists = new Map<string, IList>();

  /** The site's list `title`'s items (for tests and the workbench's controls). */
  public items(title: string): Array<Record<string, unknown>> {
    const list = this._lists.get(title.toLowerCase());
    return list ? Array.from(list.items.values()) : [];
  }

  /** Answers a list request, or undefined when `path` is not one. `url` carries the query. */
  public handle(method: string, url: URL, headers: Record<string, string>, body: string): IListAnswer | undefined {
    const path = decodeURIComponent(url.pathname).replace(/^.*?\/_api\/web\/lists/i, '/lists');
    if (!/\/_api\/web\/lists/i.test(decodeURIComponent(url.pathname))) {
      return undefined;
    }
    const verb = (headers['x-http-method'] || method).toUpperCase();
    if (path === '/lists' && verb === 'POST') {
      return this._create(parse(body));
    }
    const m = /^\/lists\/getbytitle\('((?:[^']|'')*)'\)(\/.*)?$/i.exec(path);
    if (!m) {
      return error(400, 'Microsoft.SharePoint.Client.InvalidClientQueryException', `Not supported here: ${verb} ${url.pathname}`);
    }
    const title = m[1].replace(/''/g, "'");
    const list = this._lists.get(title.toLowerCase());
    if (!list) {
      return error(404, '-1, System.ArgumentException', `List '${title}' does not exist at site with URL ''.`);
    }
    const rest = m[2] || '';
    if (rest === '' && verb === 'GET') {
      return { status: 200, body: { Id: list.id, Title: list.title, Description: list.description, ItemCount: list.items.size } };
    }
    if (rest === '' && verb === 'MERGE') {
      const changes = parse(body);
      if (typeof changes.Description === 'string') {
        list.description = changes.Description;
      }
      return { status: 204 };
    }
    if (/^\/fields$/i.test(rest) && verb === 'GET') {
      return { status: 200, body: { value: Array.from(list.fields.values()).map((f) => ({ InternalName: f.internalName, TypeAsString: f.type, Indexed: f.indexed })) } };
    }
    if (/^\/fields\/createfieldasxml$/i.test(rest) && verb === 'POST') {
      return this._createField(list, parse(body));
    }
    const field = /^\/fields\/getbyinternalnameortitle\('([^']*)'\)$/i.exec(rest);
    if (field && verb === 'MERGE') {
      const found = list.fields.get(field[1]);
      if (!found) {
        return error(404, '-2147024809, System.ArgumentException', `Column '${field[1]}' does not exist.`);
      }
      const changes = parse(body);
      if (typeof changes.Indexed === 'boolean') {
        found.indexed = changes.Indexed;
      }
      return { status: 204 };
    }
    if (/^\/items$/i.test(rest) && verb === 'GET') {
      return this._query(list, url);
    }
    if (/^\/items$/i.test(rest) && verb === 'POST') {
      const id = list.nextId++;
      const item = { ...this._values(list, parse(body)), ID: id, Id: id, Modified: new Date().toISOString() };
      list.items.set(id, item);
      list.indexes.clear();
      return { status: 201, body: item };
    }
    const one = /^\/items\((\d+)\)$/i.exec(rest);
    if (one) {
      const id = parseInt(one[1], 10);
      const item = list.items.get(id);
      if (!item) {
        return error(404, '-2147024809, System.ArgumentException', 'Item does not exist. It may have been deleted by another user.');
      }
      if (verb === 'GET') {
        return { status: 200, body: item };
      }
      if (verb === 'MERGE') {
        list.items.set(id, { ...item, ...this._values(list, parse(body)), Modified: new Date().toISOString() });
        list.indexes.clear();
        return { status: 204 };
      }
      if (verb === 'DELETE') {
        list.items.delete(id);
        list.indexes.clear();
        return { status: 200, body: {} };
      }
    }
    return error(400, 'Microsoft.SharePoint.Client.InvalidClientQueryException', `Not supported here: ${verb} ${url.pathname}`);
  }

  private _create(body: Record<string, unknown>): IListAnswer {
    const title = typeof body.Title === 'string' ? body.Title : '';
    if (!title) {
      return error(400, 'Microsoft.SharePoint.Client.InvalidClientQueryException', 'A list needs a Title.');
    }
    if (this._lists.has(title.toLowerCase())) {
      return error(500, '-2130575342, Microsoft.SharePoint.SPException', `A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.`);
    }
    const list: IList = {
      id: crypto.randomUUID(),
      title,
      description: typeof body.Description === 'string' ? body.Description : '',
      fields: new Map([
        ['ID', { internalName: 'ID', type: 'Counter', indexed: true }],
        ['Title', { internalName: 'Title', type: 'Text', indexed: false }],
        ['Modified', { internalName: 'Modified', type: 'DateTime', indexed: false }]
      ]),
      items: new Map(),
      nextId: 1,
      indexes: new Map()
    };
    this._lists.set(title.toLowerCase(), list);
    return { status: 201, body: { Id: list.id, Title: list.title, Description: list.description, ItemCount: 0 } };
  }

  private _createField(list: IList, body: Record<string, unknown>): IListAnswer {
    const parameters = (body.parameters || {}) as { SchemaXml?: unknown };
    const xml = typeof parameters.SchemaXml === 'string' ? parameters.SchemaXml : '';
    const attribute = (name: string): string | undefined => {
      const a = new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)')`, 'i').exec(xml);
      return a ? a[1] !== undefined ? a[1] : a[2] : undefined;
    };
    const internalName = attribute('Name') || attribute('StaticName');
    const type = attribute('Type');
    if (!/^<Field\b/i.test(xml) || !internalName || !type) {
      return error(400, 'Microsoft.SharePoint.SPException', 'The field schema is not valid.');
    }
    const existing = list.fields.get(internalName);
    if (existing) {
      return error(500, '-2130575340, Microsoft.SharePoint.SPException', `A duplicate field name "${internalName}" was found.`);
    }
    const field = { internalName, type, indexed: /^true$/i.test(attribute('Indexed') || '') };
    list.fields.set(internalName, field);
    return { status: 201, body: { InternalName: field.internalName, TypeAsString: field.type, Indexed: field.indexed } };
  }

  /** Only the list's own fields are kept (SharePoint refuses unknown ones). */
  private _values(list: IList, body: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    Object.keys(body).forEach((k) => {
      if (!list.fields.has(k)) {
        throw new ListError(400, `The property '${k}' does not exist on type 'SP.Data.ListItem'. Make sure to only use property names that are defined by the type.`);
      }
      out[k] = body[k];
    });
    return out;
  }

  private _query(list: IList, url: URL): IListAnswer {
    const q = url.searchParams;
    const top = Math.min(LIST_VIEW_THRESHOLD, Math.max(1, parseInt(q.get('$top') || '100', 10) || 100));
    const after = /p_ID=(\d+)/.exec(q.get('$skiptoken') || '');
    const from = after ? parseInt(after[1], 10) : 0;
    const filter = q.get('$filter');
    let test: (item: Record<string, unknown>) => boolean = () => true;
    let candidates: Iterable<[number, Record<string, unknown>]> = list.items;
    if (filter) {
      const parsed = parseFilter(filter);
      if (!parsed) {
        return error(400, 'Microsoft.SharePoint.SPException', `The expression "${filter}" is not valid.`);
      }
      // As SharePoint's query builder: more than 60 values for one column in one query read it as not indexed
      // (a table scan), so on a large list such a query is refused like one on a column without an index.
      const crowded = (c: string): boolean => parsed.columns.filter((x) => x === c).length > MAX_INDEXED_VALUES;
      const unindexed = parsed.columns.filter((c) => !(list.fields.get(c) || { indexed: false }).indexed || crowded(c));
      if (list.items.size > LIST_VIEW_THRESHOLD && unindexed.length > 0) {
        return error(500, '-2147024860, Microsoft.SharePoint.SPQueryThrottledException', 'The attempted operation is prohibited because it exceeds the list view threshold.');
      }
      test = parsed.test;
      // Values of one indexed column: only their items are read, through the index, as SharePoint does.
      if (parsed.lookup && unindexed.length === 0) {
        const index = indexOf(list, parsed.lookup.column);
        const ids = Array.from(new Set(parsed.lookup.keys.flatMap((k) => index.get(k) || []))).sort((a, b) => a - b);
        candidates = ids.map((id): [number, Record<string, unknown>] => [id, list.items.get(id)!]);
      }
    }
    const select = (q.get('$select') || '').split(',').map((s) => s.trim()).filter((s) => s);
    const page: Array<Record<string, unknown>> = [];
    let last = from;
    let more = false;
    // In ID order: items are kept in the order they were added, and an ID is never reused.
    for (const [id, item] of candidates) {
      if (id <= from || !test(item)) {
        continue;
      }
      if (page.length === top) {
        more = true;
        break;
      }
      page.push(select.length ? Object.fromEntries(select.map((s) => [s, item[s] === undefined ? null : item[s]])) : item);
      last = id;
    }
    const body: Record<string, unknown> = { value: page };
    if (more) {
      const next = new URL(url.toString());
      next.searchParams.set('$skiptoken', `Paged=TRUE&p_ID=${last}`);
      body['odata.nextLink'] = next.toString();
    }
    return { status: 200, body };
  }
}

class ListError extends Error {
  public constructor(public readonly status: number, message: string) {
    super(message);
  }
}

/** `$filter` of `Column eq 'value'` (or a number) terms joined by one kind of `and`/`or`; undefined otherwise. */
/** The list's index of `column`: each value (text lower-cased) to its items' IDs, ascending. */
function indexOf(list: IList, column: string): Map<unknown, number[]> {
  let index = list.indexes.get(column);
  if (!index) {
    index = new Map();
    for (const [id, item] of list.items) {
      const k = key(item[column]);
      (index.get(k) || index.set(k, []).get(k)!).push(id);
    }
    list.indexes.set(column, index);
  }
  return index;
}

/** A value as `eq` compares it: text without regard to case. */
function key(v: unknown): unknown {
  return typeof v === 'string' ? v.toLowerCase() : v;
}

interface IParsedFilter {
  columns: string[];
  test: (item: Record<string, unknown>) => boolean;
  /** When every term compares one column (joined by `or`): the column and the values, as an index looks them up. */
  lookup?: { column: string; keys: unknown[] };
}

function parseFilter(filter: string): IParsedFilter | undefined {
  const joiner = / or /i.test(filter) ? / or /i : / and /i;
  const terms = filter.split(joiner).map((t) => /^\(?\s*([A-Za-z_][\w]*) eq (?:'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?))\s*\)?$/.exec(t.trim()));
  if (terms.some((t) => !t)) {
    return undefined;
  }
  const checks = terms.map((t) => ({ column: t![1], value: t![2] !== undefined ? t![2].replace(/''/g, "'") : Number(t![3]) }));
  const any = joiner.source.indexOf('or') >= 0;
  if (!any) {
    return { columns: checks.map((c) => c.column), test: (item) => checks.every((c) => key(item[c.column]) === key(c.value)) };
  }
  // An `or` of values: each column's values in a set.
  const sets = new Map<string, Set<unknown>>();
  checks.forEach((c) => (sets.get(c.column) || sets.set(c.column, new Set()).get(c.column)!).add(key(c.value)));
  const columns = Array.from(sets.keys());
  const lookup = columns.length === 1 ? { column: columns[0], keys: Array.from(sets.get(columns[0])!) } : undefined;
  return { columns: checks.map((c) => c.column), test: (item) => columns.some((c) => sets.get(c)!.has(key(item[c]))), lookup };
}

function parse(body: string): Record<string, unknown> {
  if (!body || !body.trim()) {
    return {};
  }
  const value = JSON.parse(body) as unknown;
  if (typeof value !== 'object' || value === null) {
    throw new ListError(400, 'The body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

function error(status: number, code: string, message: string): IListAnswer {
  return { status, body: { 'odata.error': { code, message: { lang: 'en-US', value: message } } } };
}

/** A list request's answer, its own faults (bad JSON, unknown fields) as SharePoint's errors. */
export function answerListRequest(lists: SiteLists, method: string, url: URL, headers: Record<string, string>, body: string): IListAnswer | undefined {
  try {
    return lists.handle(method, url, headers, body);
  } catch (e) {
    if (e instanceof ListError) {
      return error(e.status, 'Microsoft.SharePoint.Client.InvalidClientQueryException', e.message);
    }
    if (e instanceof SyntaxError) {
      return error(400, 'Microsoft.SharePoint.Client.InvalidClientQueryException', 'Invalid JSON. A token was not recognized in the JSON content.');
    }
    throw e;
  }
}
