/**
 * The simulated site's roster for the team overview: people generated deterministically from the test photographs
 * (`&people=N`), each meant to get one verdict, and the endpoints the overview reads, in Graph's and SharePoint's
 * shapes: group members with paging, Graph JSON batching (`/$batch`), SharePoint batching (`/_api/$batch`,
 * multipart) of `GetPropertiesFor`, and `userphoto.aspx` for each person.
 */
import * as crypto from 'crypto';
import * as http from 'http';

/** The photographs the roster is made of (test/fixtures/photos). */
export const TEAM_PHOTOS = ['baboon', 'butterfly', 'fruits', 'home', 'messi5', 'orange', 'squirrel_cls', 'starry_night'];

/** What the tenant means each person's verdict to be. */
export type TeamIntent = 'in-sync' | 'out-of-sync' | 'sharepoint-placeholder' | 'no-exchange-photo' | 'no-mailbox' | 'could-not-check';

export interface ITeamPerson {
  index: number;
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string;
  accountName: string;
  guest: boolean;
  intent: TeamIntent;
  /** The Exchange photo (absent: none, or no mailbox). */
  exchange?: string;
  /** SharePoint's picture (absent: the placeholder). */
  sharePoint?: string;
  /** No SharePoint profile at all (could not check). */
  noProfile?: boolean;
  /** SharePoint's picture time, seconds since 0001-01-01. */
  pictureTimestamp: number;
}

export const DEFAULT_PEOPLE = 60;
export const MAX_PEOPLE = 5000;
/** Members the group's owners are (the first few). */
const OWNERS = 2;
/** The most members Graph answers in one page (its `$top` limit); larger rosters come in pages. */
const MEMBERS_PAGE = 999;

const FIRST = ['Adele', 'Alex', 'Diego', 'Grady', 'Henrietta', 'Isaiah', 'Johanna', 'Joni', 'Lee', 'Lidia', 'Lynne', 'Megan', 'Miriam', 'Nestor', 'Patti', 'Pradeep'];
const LAST = ['Vance', 'Wilber', 'Siciliani', 'Archie', 'Mueller', 'Langer', 'Lorenz', 'Sherman', 'Gu', 'Holloway', 'Robbins', 'Bowen', 'Graham', 'Wilke', 'Fernandez', 'Gupta'];
/** One in each ten, in this order, then a could-not-check every 25th: every verdict on any roster of 25 or more. */
const CYCLE: TeamIntent[] = ['in-sync', 'out-of-sync', 'in-sync', 'sharepoint-placeholder', 'in-sync', 'no-exchange-photo', 'out-of-sync', 'no-mailbox', 'in-sync', 'no-mailbox'];
const DOTNET_EPOCH_OFFSET_SECONDS = 62135596800;

export function teamSize(value: string | null): number {
  const n = parseInt(value || '', 10);
  return Math.max(1, Math.min(MAX_PEOPLE, isNaN(n) ? DEFAULT_PEOPLE : n));
}

/** The roster of `n` people: the same every time. */
export function roster(n: number): ITeamPerson[] {
  const people: ITeamPerson[] = [];
  for (let i = 0; i < n; i++) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
    const guest = i % 10 === 9;
    const upn = guest ? `${first.toLowerCase()}.${i}_fabrikam.com#EXT#@contoso.onmicrosoft.com` : `${first.toLowerCase()}.${last.toLowerCase()}.${i}@contoso.onmicrosoft.com`;
    const intent: TeamIntent = i % 25 === 24 ? 'could-not-check' : CYCLE[i % CYCLE.length];
    const photo = TEAM_PHOTOS[i % TEAM_PHOTOS.length];
    const other = TEAM_PHOTOS[(i + 3) % TEAM_PHOTOS.length];
    const hash = crypto.createHash('sha1').update(`person-${i}`).digest('hex');
    people.push({
      index: i,
      id: `${hash.slice(0, 8)}-${hash.slice(8, 12)}-4${hash.slice(13, 16)}-8${hash.slice(17, 20)}-${hash.slice(20, 32)}`,
      displayName: guest ? `${first} ${last} (Fabrikam)` : `${first} ${last}`,
      userPrincipalName: upn,
      mail: guest ? `${first.toLowerCase()}.${i}@fabrikam.com` : upn,
      accountName: `i:0#.f|membership|${upn.toLowerCase()}`,
      guest,
      intent,
      exchange: intent === 'no-exchange-photo' || intent === 'no-mailbox' ? undefined : photo,
      sharePoint: intent === 'sharepoint-placeholder' || intent === 'no-exchange-photo' || intent === 'no-mailbox' ? undefined : intent === 'out-of-sync' ? other : photo,
      noProfile: intent === 'could-not-check',
      pictureTimestamp: Math.floor(Date.UTC(2026, 0, 1, 9, 0, 0) / 1000) + (parseInt(hash.slice(0, 6), 16) % 300) * 86400 + DOTNET_EPOCH_OFFSET_SECONDS
    });
  }
  return people;
}

/** The group's members (or owners), one page. */
export function membersPage(people: ITeamPerson[], relation: 'members' | 'owners', url: URL, base: string, groupId: string): unknown {
  const list = relation === 'owners' ? people.slice(0, OWNERS) : people;
  const skip = parseInt(url.searchParams.get('$skiptoken') || '0', 10) || 0;
  const top = Math.min(MEMBERS_PAGE, parseInt(url.searchParams.get('$top') || '100', 10) || 100);
  const fields = (url.searchParams.get('$select') || 'id,displayName,mail,userPrincipalName,userType').split(',');
  const value = list.slice(skip, skip + top).map((p) => {
    const full: Record<string, unknown> = { id: p.id, displayName: p.displayName, mail: p.mail, userPrincipalName: p.userPrincipalName, userType: p.guest ? 'Guest' : 'Member', jobTitle: 'Team member' };
    const out: Record<string, unknown> = { '@odata.type': '#microsoft.graph.user' };
    fields.forEach((f) => (out[f] = full[f]));
    return out;
  });
  const body: Record<string, unknown> = { '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users(${fields.join(',')})`, value };
  if (skip + top < list.length) {
    const next = new URL(`${base}/v1.0/groups/${groupId}/${relation}/microsoft.graph.user`);
    url.searchParams.forEach((v, k) => k !== '$skiptoken' && next.searchParams.set(k, v));
    next.searchParams.set('$skiptoken', String(skip + top));
    body['@odata.nextLink'] = next.toString();
  }
  return body;
}

export function findPerson(people: ITeamPerson[], key: string): ITeamPerson | undefined {
  const k = decodeURIComponent(key).toLowerCase();
  return people.find((p) => p.id === k || p.userPrincipalName.toLowerCase() === k || p.accountName === k || p.mail.toLowerCase() === k);
}

/** What the tenant means each person's verdict to be (`/workbench/team-expected.json`). */
export function expected(people: ITeamPerson[], noPermission: boolean): Array<{ account: string; verdict: TeamIntent }> {
  return people.map((p) => ({ account: p.accountName, verdict: noPermission ? 'could-not-check' : p.intent }));
}

export function readBody(req: http.IncomingMessage, limit: number, done: (body: string | undefined) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size <= limit) {
      chunks.push(c);
    }
  });
  req.on('end', () => done(size <= limit ? Buffer.concat(chunks).toString('utf8') : undefined));
}

/** The most requests SharePoint Online takes in one `$batch`. */
export const SHAREPOINT_BATCH_LIMIT = 100;

/** One request inside a SharePoint `$batch`, as sent (writes come inside changesets, their verb in the request line). */
export interface IBatchPart {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Every request of a SharePoint `$batch` body, reads and writes, in order. */
export function parseBatchParts(body: string): IBatchPart[] {
  const lines = body.split(/\r?\n/);
  const parts: IBatchPart[] = [];
  for (let i = 0; i < lines.length; i++) {
    const request = /^(GET|POST|PUT|PATCH|MERGE|DELETE) (\S+) HTTP\/1\.1$/.exec(lines[i].trim());
    if (!request) {
      continue;
    }
    const headers: Record<string, string> = {};
    for (i++; i < lines.length && lines[i].trim() !== ''; i++) {
      const colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers[lines[i].slice(0, colon).trim().toLowerCase()] = lines[i].slice(colon + 1).trim();
      }
    }
    const content: string[] = [];
    for (i++; i < lines.length && !/^--\S/.test(lines[i]); i++) {
      content.push(lines[i]);
    }
    i--;
    parts.push({ method: request[1], url: request[2], headers, body: content.join('\n').trim() });
  }
  return parts;
}

/** SharePoint's multipart answer to a `$batch`, in the shape PnPjs parses. */
export function sharePointBatchResponse(parts: Array<{ status: number; body: unknown }>): { contentType: string; body: string } {
  const boundary = `batchresponse_${crypto.randomBytes(8).toString('hex')}`;
  const lines: string[] = [];
  const texts: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content' };
  for (const part of parts) {
    lines.push(`--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '');
    lines.push(`HTTP/1.1 ${part.status} ${texts[part.status] || 'Error'}`, 'CONTENT-TYPE: application/json;odata=nometadata;streaming=true;charset=utf-8', '');
    lines.push(part.body === undefined ? '' : JSON.stringify(part.body));
  }
  lines.push(`--${boundary}--`, '');
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: lines.join('\r\n') };
}

/** `GetPropertiesFor` for one person, as `GetMyProperties` is shaped. */
export function propertiesFor(person: ITeamPerson): { status: number; body: unknown } {
  if (person.noProfile) {
    return {
      status: 404,
      body: { 'odata.error': { code: '-2146232832, Microsoft.Office.Server.UserProfiles.UserNotFoundException', message: { lang: 'en-US', value: 'User Profile Error 1000: User Not Found: Could not load profile data from the database.' } } }
    };
  }
  const hasPicture = !!person.sharePoint;
  const pictureUrl = hasPicture ? `https://contoso-my.sharepoint.com/User%20Photos/Profile%20Pictures/${person.index}_MThumb.jpg` : '';
  const props: Array<[string, string]> = [
    ['AccountName', person.accountName],
    ['PreferredName', person.displayName],
    ['WorkEmail', person.mail],
    ['PictureURL', pictureUrl],
    ['SPS-PictureTimestamp', hasPicture ? String(person.pictureTimestamp) : ''],
    ['SPS-PicturePlaceholderState', hasPicture ? '0' : '1'],
    ['SPS-PictureExchangeSyncState', '1']
  ];
  return {
    status: 200,
    body: {
      AccountName: person.accountName,
      DisplayName: person.displayName,
      Email: person.mail,
      PictureUrl: pictureUrl || null,
      UserProfileProperties: props.map(([Key, Value]) => ({ Key, Value, ValueType: 'Edm.String' }))
    }
  };
}
