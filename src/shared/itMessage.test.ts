import { itContactLink, itMessage } from './itMessage';
import { isValidItContact } from './itContact';
import { IPhotoSyncResult } from '../models/IPhotoSyncResult';

const RESULT: IPhotoSyncResult = {
  verdict: { kind: 'out-of-sync', distance: 0.4512 },
  checkedAt: new Date('2026-12-02T09:00:00Z'),
  sharePointPicture: { timestamp: '2025-01-10T08:00:00.000Z', pictureUrl: 'https://contoso-my.sharepoint.com/old.jpg', placeholder: false, exchangeSyncState: '1' },
  exchangeTag: 'photo:abc',
  compared: { exchange: { width: 96, height: 96 }, sharePoint: { width: 72, height: 72 } },
  displayName: 'Megan Bowen'
};
const day = (d: Date): string => d.toISOString().slice(0, 10);

describe('the message to IT', () => {
  test('holds the facts IT needs and what IT can check', () => {
    const { subject, body } = itMessage({
      result: RESULT,
      history: { exchangeTag: 'photo:abc', stepsDoneAt: '2026-11-30T10:00:00.000Z', copy: { at: '2026-12-01T11:00:00.000Z', outcome: 'copied' } },
      threshold: 0.14,
      browser: 'Microsoft Edge (Windows)',
      formatDate: day
    });
    expect(subject).toBe("My SharePoint profile photo doesn't sync");
    const lines = body.split('\n');
    expect(lines).toEqual(expect.arrayContaining([
      'Verdict: SharePoint shows a different photo. (the photos differ by 45%; the same below 14%)',
      'Photos compared: Outlook and Teams 96 × 96, SharePoint 72 × 72',
      'SharePoint picture time (SPS-PictureTimestamp): 2025-01-10 (2025-01-10T08:00:00.000Z)',
      'SharePoint placeholder (SPS-PicturePlaceholderState): no',
      'Exchange sync state (SPS-PictureExchangeSyncState): 1',
      'Exchange Online mailbox: yes',
      'Private-window sign-in steps: done on 2026-11-30',
      'Copy to SharePoint (SetMyProfilePicture): accepted on 2026-12-01',
      'Browser: Microsoft Edge (Windows)',
      'What IT can check:'
    ]));
    expect(body).toMatch(/Picture Sync diagnostic in the Microsoft 365 admin center \(aka\.ms\/PillarPictureSync\)/);
    expect(body).toMatch(/Picture property is editable by users/);
    expect(body).toMatch(/0 means SharePoint doesn't pull my photo from Exchange/);
  });

  test('nothing private beyond what the card shows: no picture address, no account name, no display name', () => {
    const { body } = itMessage({ result: RESULT, threshold: 0.14, browser: 'Firefox', formatDate: day });
    expect(body).not.toContain('old.jpg');
    expect(body).not.toContain('Megan');
    expect(body).not.toContain('photo:abc');
    expect(body).toContain('Private-window sign-in steps: not done');
    expect(body).toContain('Copy to SharePoint (SetMyProfilePicture): not tried');
  });

  test('no mailbox, uploads refused, nothing known of SharePoint', () => {
    const { body } = itMessage({
      result: { verdict: { kind: 'sharepoint-placeholder', noMailbox: true }, checkedAt: new Date() },
      history: { exchangeTag: 't', copy: { at: '2026-12-01T11:00:00.000Z', outcome: 'upload-disabled' } },
      threshold: 0.14,
      browser: 'Safari',
      formatDate: day
    });
    expect(body).toContain('Verdict: SharePoint shows a placeholder instead of your photo.');
    expect(body).toContain('Exchange Online mailbox: no');
    expect(body).toContain('SharePoint picture time (SPS-PictureTimestamp): not known');
    expect(body).toContain('Exchange sync state (SPS-PictureExchangeSyncState): not known');
    expect(body).toContain('Copy to SharePoint (SetMyProfilePicture): refused on 2026-12-01: uploads are turned off for this account');
  });
});

describe('where the message goes', () => {
  const message = { subject: 'Photo & sync', body: 'Line 1\nLine 2: 45%' };

  test('an email address: a mailto link with the subject and body encoded', () => {
    const link = itContactLink(' it-support@contoso.com ', message)!;
    expect(link.kind).toBe('mail');
    const url = new URL(link.href);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('it-support@contoso.com');
    expect(url.searchParams.get('subject')).toBe('Photo & sync');
    expect(url.searchParams.get('body')).toBe('Line 1\nLine 2: 45%');
  });

  test('an https link: the support page; anything else or nothing: no link (the person copies it)', () => {
    expect(itContactLink('https://contoso.service-now.com/photo', message)).toEqual({ kind: 'web', href: 'https://contoso.service-now.com/photo' });
    expect(itContactLink('javascript:alert(1)', message)).toBeUndefined();
    expect(itContactLink('a@b.com?cc=everyone@contoso.com', message)).toBeUndefined();
    expect(itContactLink(undefined, message)).toBeUndefined();
  });

  test.each([
    ['', true],
    ['it@contoso.com', true],
    ['https://help.contoso.com', true],
    ['http://help.contoso.com', false],
    ['it@contoso', false],
    ['a@b.com;c@d.com', false]
  ])('IT contact %p valid: %p', (value, valid) => {
    expect(isValidItContact(value)).toBe(valid);
  });
});
