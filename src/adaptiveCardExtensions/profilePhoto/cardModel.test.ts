import { cardContent, dataUri, IProfilePhotoCardState, quickViewData, showMeHowUrl } from './cardModel';
import { QUICK_VIEW_TEMPLATE } from './quickView/quickViewTemplate';
import { expandQuickView } from '../../../test/card/renderQuickView';
import { decideNextStep } from '../../shared/nextStep';
import { NextStepKind } from '../../models/INextStep';
import { IPhotoSyncResult, SyncVerdict } from '../../models/IPhotoSyncResult';
import { loadLocale, localeFiles } from '../../../test/loadLocale';
import { photoBytes } from '../../../test/photoFixtures';

const NOW = new Date('2026-12-02T09:00:00Z');
const JPEG = { bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), contentType: 'image/jpeg' };
const PROPS = { title: '', allowCopy: true };
const SITE = 'https://contoso.sharepoint.com/sites/intranet';

function result(verdict: SyncVerdict, extra: Partial<IPhotoSyncResult> = {}): IPhotoSyncResult {
  return { verdict, exchangePhoto: JPEG, sharePointPhoto: JPEG, checkedAt: NOW, exchangeTag: 'photo:W/"1"', sharePointPicture: { placeholder: false, timestamp: '2025-01-10T08:00:00.000Z' }, ...extra };
}

function state(r: IPhotoSyncResult, history?: Parameters<typeof decideNextStep>[0]['history'], canCopy: boolean = true): IProfilePhotoCardState {
  return { result: r, checking: false, nextStep: decideNextStep({ verdict: r.verdict, canCopy, picture: r.sharePointPicture, history, now: NOW }) };
}

const hoursAgo = (h: number): string => new Date(NOW.getTime() - h * 3600000).toISOString();

/** Every verdict, and every next step the personal part can choose, as the card receives them. */
const STATES: Array<[string, IProfilePhotoCardState, NextStepKind]> = [
  ['in sync', state(result({ kind: 'in-sync', distance: 0.02 })), 'none'],
  ['out of sync, nothing tried', state(result({ kind: 'out-of-sync', distance: 0.4 })), 'steps'],
  ['a placeholder', state(result({ kind: 'sharepoint-placeholder' })), 'steps'],
  ['steps done an hour ago', state(result({ kind: 'out-of-sync', distance: 0.4 }), { exchangeTag: 'photo:W/"1"', stepsDoneAt: hoursAgo(1), stepsPicture: { placeholder: false, timestamp: '2025-01-10T08:00:00.000Z' } }), 'wait'],
  ['steps did not work', state(result({ kind: 'out-of-sync', distance: 0.4 }), { exchangeTag: 'photo:W/"1"', stepsDoneAt: hoursAgo(30), stepsPicture: { placeholder: false, timestamp: '2025-01-10T08:00:00.000Z' } }), 'copy'],
  ['steps did not work, copy off', state(result({ kind: 'out-of-sync', distance: 0.4 }), { exchangeTag: 'photo:W/"1"', stepsDoneAt: hoursAgo(30), stepsPicture: { placeholder: false, timestamp: '2025-01-10T08:00:00.000Z' } }, false), 'ask-it'],
  ['no mailbox, SharePoint behind', state(result({ kind: 'out-of-sync', distance: 0.4, noMailbox: true })), 'copy'],
  ['no mailbox, no photo', state(result({ kind: 'no-mailbox' }, { exchangePhoto: undefined })), 'ask-it'],
  ['no photo in Outlook', state(result({ kind: 'no-exchange-photo' }, { exchangePhoto: undefined })), 'none'],
  ['could not check', state(result({ kind: 'could-not-check', reason: 'timeout' }, { exchangePhoto: undefined, sharePointPhoto: undefined })), 'none']
];

describe('card view: the verdict in a line and one button for the next step', () => {
  test.each(STATES)('%s', (_name, s, step) => {
    expect(s.nextStep!.step).toBe(step);
    const content = cardContent(s, PROPS);
    expect(content.title).toBe('Profile photo');
    expect(content.header.length).toBeGreaterThan(0);
    const expected: Record<NextStepKind, [string, string] | undefined> = {
      steps: ['Show me how', 'page'],
      copy: ['Fix it', 'quick-view'],
      'ask-it': ['Ask IT', 'page'],
      wait: ['Details', 'quick-view'],
      none: s.result!.verdict.kind === 'could-not-check' ? ['Details', 'quick-view'] : undefined
    };
    expect(content.button ? [content.button.label, content.button.opens] : undefined).toEqual(expected[step]);
    expect(content.body === undefined).toBe(expected[step] === undefined);
  });

  test('the headlines', () => {
    expect(STATES.map(([, s]) => cardContent(s, PROPS).header)).toEqual([
      'Your photo is in sync',
      'SharePoint shows an old photo',
      'SharePoint shows no photo of you',
      'SharePoint shows an old photo',
      'SharePoint shows an old photo',
      'SharePoint shows an old photo',
      'SharePoint shows an old photo',
      "SharePoint can't pick up your photo",
      'You have no photo in Outlook or Teams',
      "We couldn't check your photo"
    ]);
  });

  test('before any verdict: checking, no button; the owner’s title wins', () => {
    expect(cardContent({ checking: true }, { title: 'My photo' })).toEqual({ title: 'My photo', header: 'Checking your profile photo…' });
  });
});

describe('quick view data', () => {
  test('both photos as data: URIs with their labels, the verdict and why', () => {
    const data = quickViewData(STATES[1][1], PROPS, SITE);
    expect(data.exchange).toEqual({ url: `data:image/jpeg;base64,${Buffer.from(JPEG.bytes).toString('base64')}`, alt: 'Your photo in Outlook and Teams', label: 'Outlook / Teams (Exchange Online)' });
    expect(data.sharePoint.label).toBe('SharePoint');
    expect(data.verdictTitle).toBe('SharePoint shows a different photo.');
    // The steps are not below it here: "Show me how" opens them.
    expect(data.verdictText).toBe("SharePoint hasn't picked up the photo you use in Outlook and Teams.");
    expect(data.verdictColor).toBe('Warning');
    expect(data.details.join(' ')).toMatch(/40% of their features differ/);
    expect(data).toMatchObject({ mode: 'verdict', offerCopy: true, canCheckAgain: true, showMeHowUrl: SITE, message: '' });
  });

  test('the copy is offered only where it would fix the verdict and the owner allows it', () => {
    expect(quickViewData(STATES[0][1], PROPS, SITE).offerCopy).toBe(false);
    expect(quickViewData(STATES[1][1], { ...PROPS, allowCopy: false }, SITE).offerCopy).toBe(false);
    expect(quickViewData(STATES[8][1], PROPS, SITE).offerCopy).toBe(false);
  });

  test('the copy: confirm, then progress, then the result or why it failed', () => {
    const base = STATES[1][1];
    expect(quickViewData({ ...base, copy: { phase: 'confirm' } }, PROPS, SITE)).toMatchObject({ mode: 'confirm', confirmTitle: 'Replace your SharePoint photo?' });
    expect(quickViewData({ ...base, copy: { phase: 'copying' } }, PROPS, SITE)).toMatchObject({ mode: 'busy', canCheckAgain: false, offerCopy: false, message: 'Copying your Outlook photo to SharePoint…' });
    const done = state(result({ kind: 'in-sync', distance: 0.01 }));
    expect(quickViewData({ ...done, copy: { phase: 'copied' } }, PROPS, SITE)).toMatchObject({ mode: 'verdict', message: 'Done: SharePoint now has your Outlook photo.', verdictColor: 'Good' });
    const failed = quickViewData({ ...base, copy: { phase: 'failed', outcome: { kind: 'failed', reason: 'permission-denied', state: 'unchanged', stage: 'upload' } } }, PROPS, SITE);
    expect(failed.message).toMatch(/^Your photo wasn't copied\. Your organization doesn't let/);
    expect(failed.offerCopy).toBe(true);
  });

  test('photos: JPEG and PNG inline; SVG, empty or oversized ones are not', () => {
    expect(dataUri({ bytes: new Uint8Array([0x89, 0x50]), contentType: 'image/png' })).toMatch(/^data:image\/png;base64,/);
    expect(dataUri({ bytes: new TextEncoder().encode('<svg/>'), contentType: 'image/svg+xml' })).toBe('');
    expect(dataUri({ bytes: new Uint8Array(0), contentType: 'image/jpeg' })).toBe('');
    expect(dataUri({ bytes: new Uint8Array(30000), contentType: 'image/jpeg' })).toBe('');
    expect(dataUri(undefined)).toBe('');
    // The comparison's own photos (Graph 96 px) fit.
    expect(dataUri({ bytes: photoBytes('messi5').subarray(0, 20000), contentType: 'image/jpeg' })).not.toBe('');
  });

  test('"Show me how": an https link the owner set, else the site', () => {
    expect(showMeHowUrl({ title: '', showMeHowUrl: 'https://contoso.sharepoint.com/sites/hr/SitePages/Photo.aspx' }, SITE)).toBe('https://contoso.sharepoint.com/sites/hr/SitePages/Photo.aspx');
    expect(showMeHowUrl({ title: '', showMeHowUrl: 'javascript:alert(1)' }, SITE)).toBe(SITE);
    expect(showMeHowUrl({ title: '', showMeHowUrl: 'http://example.com' }, SITE)).toBe(SITE);
    expect(showMeHowUrl({ title: '' }, SITE)).toBe(SITE);
  });
});

describe('the quick view template: every state, in every language, parses with adaptivecards 2.11.2', () => {
  const copyStates: Array<[string, IProfilePhotoCardState]> = [
    ['checking, nothing known', { checking: true }],
    ...STATES.map(([name, s]): [string, IProfilePhotoCardState] => [name, s]),
    ['confirm the copy', { ...STATES[1][1], copy: { phase: 'confirm' } }],
    ['copying', { ...STATES[1][1], copy: { phase: 'copying' } }],
    ['checking after the copy', { ...STATES[1][1], copy: { phase: 'checking' } }],
    ['copied', { ...STATES[0][1], copy: { phase: 'copied' } }],
    ['copy failed', { ...STATES[1][1], copy: { phase: 'failed', outcome: { kind: 'failed', reason: 'network', state: 'unknown', stage: 'upload' } } }]
  ];

  test.each(localeFiles())('%s', (file) => {
    jest.isolateModules(() => {
      jest.doMock('ProfilePhotoSyncWebPartStrings', () => loadLocale(file));
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const model = require('./cardModel') as typeof import('./cardModel');
      for (const [name, s] of copyStates) {
        const data = model.quickViewData(s, PROPS, SITE);
        const { json, problems } = expandQuickView(QUICK_VIEW_TEMPLATE, data);
        expect([file, name, problems]).toEqual([file, name, []]);
        expect(json.version).toBe('1.5');
        const text = JSON.stringify(json);
        expect(text).not.toMatch(/\$\{|\$when|\$data/); // nothing left unexpanded
        const actions = (json.actions || []).map((a) => (a.data && a.data.id) || a.type);
        if (data.mode === 'confirm') {
          expect(actions).toEqual(['confirm-copy', 'cancel-copy']);
        } else if (data.mode === 'busy') {
          expect(actions).toEqual([]);
        } else {
          expect(actions).toEqual([...(data.offerCopy ? ['copy'] : []), 'check-again', 'Action.OpenUrl']);
        }
      }
      jest.dontMock('ProfilePhotoSyncWebPartStrings');
    });
  });

  test('the check can fail: a card adaptivecards 2.11.2 would warn about is reported', () => {
    const broken = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Carrousel' }, { type: 'Image' }], actions: [{ type: 'Action.Submit', title: '${t}' }] };
    const { problems } = expandQuickView(broken, { t: 'x' });
    expect(problems.join('\n')).toMatch(/Carrousel/);
    expect(expandQuickView({ ...QUICK_VIEW_TEMPLATE, version: '9.0' }, quickViewData(STATES[0][1], PROPS, SITE)).problems).not.toEqual([]);
  });

  test('the photos are Person images with their alt text, or "No photo"', () => {
    const { json } = expandQuickView(QUICK_VIEW_TEMPLATE, quickViewData(STATES[8][1], PROPS, SITE));
    const text = JSON.stringify(json.body);
    expect(text).toContain('"altText":"Your photo as SharePoint shows it"');
    expect(text).toContain('"style":"Person"');
    expect(text).toContain('"text":"No photo"');
    expect(text).not.toContain('Your photo in Outlook and Teams"'); // no Exchange photo: no image for it
  });
});
