import { claimsAccountName, ITeamMember, ITeamPersonResult } from '../../../models/ITeam';
import { SyncVerdict } from '../../../models/IPhotoSyncResult';
import { ITeamRow, needsAction, nextStepLabel, rowNextStep, shownNextStep, summary, teamCsv, teamMessage, visibleRows } from './teamRows';
import { capError, parseCap } from '../teamSettings';

function row(index: number, name: string, verdict?: SyncVerdict, extra: Partial<ITeamPersonResult> = {}, mail?: string): ITeamRow {
  const upn = `${name.toLowerCase().replace(/\W+/g, '.')}@contoso.com`;
  const member: ITeamMember = { displayName: name, mail: mail === undefined ? upn : mail, userPrincipalName: upn, accountName: claimsAccountName(upn), guest: false };
  return { index, member, result: verdict ? { member, verdict, ...extra } : undefined };
}

const ROWS: ITeamRow[] = [
  row(0, 'Zoë Adams', { kind: 'in-sync', distance: 0.031 }, { sharePointUpdated: new Date('2026-03-01T10:00:00Z') }),
  row(1, 'Ben Carter', { kind: 'out-of-sync', distance: 0.4567 }),
  row(2, 'Ann Baker', { kind: 'sharepoint-placeholder' }),
  row(3, 'Chris Day', { kind: 'no-mailbox' }),
  row(4, 'Dana Evans'),
  row(5, 'Eve Fox', { kind: 'could-not-check', reason: 'throttled', service: 'exchange' }),
  row(6, 'Al Grey', { kind: 'no-exchange-photo' })
];

describe('the overview rows', () => {
  test('sorted by verdict (who needs to act first), then name; or by name; either way round', () => {
    const names = (rows: ITeamRow[]): string[] => rows.map((r) => r.member.displayName);
    expect(names(visibleRows(ROWS, 'verdict', false, false, 'en-US'))).toEqual(['Ben Carter', 'Ann Baker', 'Al Grey', 'Chris Day', 'Eve Fox', 'Zoë Adams', 'Dana Evans']);
    expect(names(visibleRows(ROWS, 'name', false, false, 'en-US'))).toEqual(['Al Grey', 'Ann Baker', 'Ben Carter', 'Chris Day', 'Dana Evans', 'Eve Fox', 'Zoë Adams']);
    expect(names(visibleRows(ROWS, 'name', true, false, 'en-US'))[0]).toBe('Zoë Adams');
  });

  test('"only people who need to act": a different photo, a placeholder, no photo in Outlook', () => {
    expect(visibleRows(ROWS, 'name', false, true, 'en-US').map((r) => r.index)).toEqual([6, 2, 1]);
    expect(ROWS.filter(needsAction).map((r) => r.index)).toEqual([1, 2, 6]);
  });

  test('the summary counts each verdict someone has, in the verdict order', () => {
    expect(summary(ROWS)).toEqual([
      { kind: 'out-of-sync', count: 1 },
      { kind: 'sharepoint-placeholder', count: 1 },
      { kind: 'no-exchange-photo', count: 1 },
      { kind: 'no-mailbox', count: 1 },
      { kind: 'could-not-check', count: 1 },
      { kind: 'in-sync', count: 1 }
    ]);
  });
});

describe('Export CSV', () => {
  test('UTF-8 with a BOM, a header, one line per checked person, CRLF; distance and time where known', () => {
    const csv = teamCsv(ROWS);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Name,Email,Verdict,Next step,Distance,SharePoint picture time');
    expect(lines[1]).toBe('Zoë Adams,zo.adams@contoso.com,In sync,Nothing,0.031,2026-03-01T10:00:00.000Z');
    expect(lines[2]).toBe('Ben Carter,ben.carter@contoso.com,Different photo,Private-window steps,0.457,');
    expect(lines[4]).toBe('Chris Day,chris.day@contoso.com,No mailbox,Ask IT,,');
    expect(lines).toHaveLength(ROWS.length - 1 + 1 + 1); // not the unchecked one; header; the final empty line
    expect(lines[lines.length - 1]).toBe('');
  });

  test('quotes what must be quoted and defuses formulas', () => {
    const tricky = [row(0, 'Smith, "Jo"', { kind: 'in-sync', distance: 0 }), row(1, '=HYPERLINK("http://x")', { kind: 'in-sync', distance: 0 }), row(2, 'Pat', { kind: 'in-sync', distance: 0 }, {}, '@pat')];
    const lines = teamCsv(tricky).slice(1).split('\r\n');
    expect(lines[1].startsWith('"Smith, ""Jo"""')).toBe(true);
    expect(lines[2].startsWith(`"'=HYPERLINK(""http://x"")"`)).toBe(true);
    expect(lines[3].split(',')[1]).toBe("'@pat");
  });
});

describe('Copy a message', () => {
  test('plain words for each verdict a person can act on, with the link; none for the others', () => {
    const link = 'https://contoso.sharepoint.com/sites/intranet/SitePages/Photo.aspx';
    expect(teamMessage(ROWS[1], link)).toBe(`Hi Ben, SharePoint shows a different profile photo of you than Outlook and Teams do. This page shows both and fixes it in a minute: ${link}`);
    expect(teamMessage(ROWS[2], link)).toMatch(/^Hi Ann, SharePoint shows a grey placeholder/);
    expect(teamMessage(ROWS[6], link)).toMatch(/^Hi Al, you don't have a profile photo in Outlook and Teams yet/);
    for (const r of [ROWS[0], ROWS[3], ROWS[4], ROWS[5]]) {
      expect(teamMessage(r, link)).toBeUndefined();
    }
  });
});

describe("each person's next step, by the personal part's rules (without anyone's remembered attempts)", () => {
  const syncOff = { timestamp: '2025-01-10T08:00:00.000Z', placeholder: false, exchangeSyncState: '0' };
  test.each<[string, ITeamRow, string]>([
    ['in sync', ROWS[0], 'none'],
    ['a different photo', ROWS[1], 'steps'],
    ['a placeholder', ROWS[2], 'steps'],
    ['no mailbox, no photo', ROWS[3], 'ask-it'],
    ['a failed check', ROWS[5], 'none'],
    ['no photo in Outlook', ROWS[6], 'none'],
    ['no mailbox, SharePoint behind its Entra ID photo', row(7, 'Flo Hill', { kind: 'out-of-sync', distance: 0.5, noMailbox: true }), 'copy'],
    ['SharePoint not pulling from Exchange', row(8, 'Gus Ives', { kind: 'out-of-sync', distance: 0.5 }, { sharePointPicture: syncOff }), 'copy']
  ])('%s', (_name, r, step) => {
    expect(rowNextStep(r)!.step).toBe(step);
  });

  test('as the list shows it: worked out once per result, again after a minute or for a new result', () => {
    const r = ROWS[1];
    const first = shownNextStep(r, 1000000);
    expect(first).toEqual(rowNextStep(r, new Date(1000000)));
    expect(shownNextStep(r, 1000000 + 59000)).toBe(first);
    expect(shownNextStep(r, 1000000 + 61000)).not.toBe(first);
    expect(shownNextStep(r, 1000000 + 61000)!.step).toBe('steps');
    const changed: ITeamRow = { ...r, result: { ...r.result!, verdict: { kind: 'in-sync', distance: 0 } } };
    expect(shownNextStep(changed, 1000000 + 62000)!.step).toBe('none');
    expect(shownNextStep(ROWS[4])).toBeUndefined();
  });

  test('no result yet, no next step; every step has a label', () => {
    expect(rowNextStep(ROWS[4])).toBeUndefined();
    expect(['steps', 'copy', 'ask-it', 'wait', 'none'].map((k) => nextStepLabel(k as 'steps'))).toEqual(['Private-window steps', 'Copy the photo', 'Ask IT', 'Wait', 'Nothing']);
  });

  test("the owner's message names the step that can work where signing in again cannot", () => {
    const link = 'https://contoso.sharepoint.com/sites/intranet/SitePages/Photo.aspx';
    const off = row(8, 'Gus Ives', { kind: 'out-of-sync', distance: 0.5 }, { sharePointPicture: syncOff });
    expect(teamMessage(off, link)).toBe(`Hi Gus, SharePoint shows a different profile photo of you than Outlook and Teams do, and signing in again won't fix it for your account. This page copies your current photo to SharePoint in a minute: ${link}`);
  });
});

describe('the cap setting', () => {
  test.each([
    [undefined, 500],
    ['', 500],
    ['250', 250],
    [' 1.000 ', 1000],
    ['5,000', 5000],
    ['5001', 500],
    ['0', 500],
    ['12abc', 500],
    [42, 42]
  ] as Array<[string | number | undefined, number]>)('%p checks %i people', (value, expected) => {
    expect(parseCap(value)).toBe(expected);
  });

  test('the pane says so for anything but a whole number from 1 to 5,000 (empty is the default)', () => {
    expect(['', '1', '5000', '2 500'].map((v) => capError(v, 'bad'))).toEqual(['', '', '', '']);
    expect(['0', '5001', '-3', 'ten', '1.5e3x'].map((v) => capError(v, 'bad'))).toEqual(['bad', 'bad', 'bad', 'bad', 'bad']);
  });
});
