/**
 * @jest-environment node
 */
/** The simulated site's lists as SharePoint REST serves them: paging, the list view threshold, fields, writes. */
import { answerListRequest, LIST_VIEW_THRESHOLD, MAX_INDEXED_VALUES, SiteLists } from './lists';

const site = 'http://tenant';
function call(lists: SiteLists, method: string, path: string, body: unknown = undefined, headers: Record<string, string> = {}): { status: number; body?: unknown } {
  return answerListRequest(lists, method, new URL(`${site}${path}`), headers, body === undefined ? '' : JSON.stringify(body))!;
}

function listWith(items: number, indexedVerdict: boolean): SiteLists {
  const lists = new SiteLists();
  expect(call(lists, 'POST', '/_api/web/lists', { Title: 'Audit', BaseTemplate: 100 }).status).toBe(201);
  const xml = `<Field Type='Text' Name='Verdict' StaticName='Verdict' DisplayName='Verdict'${indexedVerdict ? " Indexed='TRUE'" : ''} />`;
  expect(call(lists, 'POST', "/_api/web/lists/getByTitle('Audit')/fields/CreateFieldAsXml", { parameters: { SchemaXml: xml } }).status).toBe(201);
  for (let i = 0; i < items; i++) {
    call(lists, 'POST', "/_api/web/lists/getByTitle('Audit')/items", { Title: `p${i}`, Verdict: i % 2 ? 'in-sync' : 'out-of-sync' });
  }
  return lists;
}

test('items come 5,000 a page at most, the next page by the next link, in ID order', () => {
  const lists = listWith(LIST_VIEW_THRESHOLD + 10, true);
  const first = call(lists, 'GET', "/_api/web/lists/getByTitle('Audit')/items?$select=Title&$top=10000").body as { value: Array<{ Title: string }>; 'odata.nextLink'?: string };
  expect(first.value).toHaveLength(LIST_VIEW_THRESHOLD);
  const next = new URL(first['odata.nextLink']!);
  const second = answerListRequest(lists, 'GET', next, {}, '')!.body as { value: Array<{ Title: string }>; 'odata.nextLink'?: string };
  expect(second.value.map((i) => i.Title)).toEqual(Array.from({ length: 10 }, (_, i) => `p${LIST_VIEW_THRESHOLD + i}`));
  expect(second['odata.nextLink']).toBeUndefined();
});

test('past 5,000 items a filter on a column that is not indexed is refused; on an indexed one it answers', () => {
  const filter = "/_api/web/lists/getByTitle('Audit')/items?$filter=Verdict eq 'in-sync'&$top=5000";
  expect(call(listWith(LIST_VIEW_THRESHOLD + 1, false), 'GET', filter).status).toBe(500);
  const indexed = call(listWith(LIST_VIEW_THRESHOLD + 1, true), 'GET', filter);
  expect(indexed.status).toBe(200);
  expect((indexed.body as { value: unknown[] }).value).toHaveLength(Math.floor((LIST_VIEW_THRESHOLD + 1) / 2));
  expect(call(listWith(10, false), 'GET', filter).status).toBe(200); // a small list: no threshold
});

test('past 5,000 items, more than 60 values for one indexed column in one query are refused (read as not indexed); text compares without case', () => {
  const lists = listWith(LIST_VIEW_THRESHOLD + 1, true);
  const query = (n: number): string => `/_api/web/lists/getByTitle('Audit')/items?$select=Title&$filter=${Array.from({ length: n }, (_, i) => `Verdict eq 'v${i}'`).join(' or ')}`;
  expect(call(lists, 'GET', query(MAX_INDEXED_VALUES)).status).toBe(200);
  expect(call(lists, 'GET', query(MAX_INDEXED_VALUES + 1)).status).toBe(500);
  expect(call(listWith(10, true), 'GET', query(MAX_INDEXED_VALUES + 1)).status).toBe(200); // a small list: no threshold
  const small = listWith(3, true);
  const upper = call(small, 'GET', "/_api/web/lists/getByTitle('Audit')/items?$select=Title&$filter=Title eq 'P1' or Title eq 'p2'");
  expect((upper.body as { value: Array<{ Title: string }> }).value.map((i) => i.Title)).toEqual(['p1', 'p2']);
  // The index (of the indexed Verdict) follows writes.
  const titles = (l: SiteLists): string[] => (call(l, 'GET', "/_api/web/lists/getByTitle('Audit')/items?$select=Title&$filter=Verdict eq 'in-sync' or Verdict eq 'zz'").body as { value: Array<{ Title: string }> }).value.map((i) => i.Title);
  expect(titles(small)).toEqual(['p1']);
  expect(call(small, 'POST', "/_api/web/lists/getByTitle('Audit')/items(3)", { Verdict: 'ZZ' }, { 'x-http-method': 'MERGE' }).status).toBe(204);
  expect(call(small, 'POST', "/_api/web/lists/getByTitle('Audit')/items(2)", { Verdict: 'no-mailbox' }, { 'x-http-method': 'MERGE' }).status).toBe(204);
  expect(titles(small)).toEqual(['p2']);
});

test('update and delete by ID (X-HTTP-Method); an unknown field is refused; a missing list is 404', () => {
  const lists = listWith(2, true);
  expect(call(lists, 'POST', "/_api/web/lists/getByTitle('Audit')/items(1)", { Verdict: 'no-mailbox' }, { 'x-http-method': 'MERGE' }).status).toBe(204);
  expect(call(lists, 'POST', "/_api/web/lists/getByTitle('Audit')/items(2)", undefined, { 'x-http-method': 'DELETE' }).status).toBe(200);
  expect(lists.items('Audit').map((i) => `${i.Title}=${i.Verdict}`)).toEqual(['p0=no-mailbox']);
  expect(call(lists, 'POST', "/_api/web/lists/getByTitle('Audit')/items", { Nope: 1 }).status).toBe(400);
  expect(call(lists, 'GET', "/_api/web/lists/getByTitle('Other')").status).toBe(404);
});
