import { decideNextStep, exchangeSyncOff, INextStepInput, pictureChanged, SYNC_WINDOW_HOURS } from './nextStep';
import { IFixHistory, ISharePointPictureState, NextStepKind, NextStepReason } from '../models/INextStep';
import { SyncVerdict } from '../models/IPhotoSyncResult';

const NOW = new Date('2026-12-02T09:00:00Z');
const hoursAgo = (h: number): string => new Date(NOW.getTime() - h * 3600000).toISOString();
const OLD_PICTURE: ISharePointPictureState = { timestamp: '2025-01-10T08:00:00.000Z', pictureUrl: 'https://contoso-my.sharepoint.com/old.jpg', placeholder: false, exchangeSyncState: '1' };
const NEWER_PICTURE: ISharePointPictureState = { ...OLD_PICTURE, timestamp: '2026-12-01T20:00:00.000Z' };
const OUT: SyncVerdict = { kind: 'out-of-sync', distance: 0.45 };
const PLACEHOLDER: SyncVerdict = { kind: 'sharepoint-placeholder' };
const ENTRA_OUT: SyncVerdict = { kind: 'out-of-sync', distance: 0.45, noMailbox: true };
const steps = (h: number, picture: ISharePointPictureState = OLD_PICTURE): IFixHistory => ({ exchangeTag: 'photo:1', stepsDoneAt: hoursAgo(h), stepsPicture: picture });
const copied = (outcome: 'copied' | 'upload-disabled' | 'blocked' | 'failed', h = 2): IFixHistory => ({ exchangeTag: 'photo:1', copy: { at: hoursAgo(h), outcome, picture: OLD_PICTURE } });

function decide(partial: Partial<INextStepInput>): [NextStepKind, NextStepReason, boolean] {
  const next = decideNextStep({ verdict: OUT, canCopy: true, picture: OLD_PICTURE, now: NOW, ...partial });
  return [next.step, next.reason, next.stepsCanHelp];
}

describe('decideNextStep: what was tried, how long ago, what changed → what the card leads with', () => {
  test.each<[string, Partial<INextStepInput>, [NextStepKind, NextStepReason, boolean]]>([
    ['in sync', { verdict: { kind: 'in-sync', distance: 0.02 }, history: steps(30) }, ['none', 'in-sync', false]],
    ['no Exchange photo', { verdict: { kind: 'no-exchange-photo' } }, ['none', 'nothing-to-do', false]],
    ['the check failed', { verdict: { kind: 'could-not-check', reason: 'network', service: 'exchange' } }, ['none', 'nothing-to-do', false]],
    ['no mailbox and no photo anywhere', { verdict: { kind: 'no-mailbox' } }, ['ask-it', 'no-mailbox', false]],
    ['out of sync, nothing tried', {}, ['steps', 'not-tried', true]],
    ['placeholder, nothing tried', { verdict: PLACEHOLDER }, ['steps', 'not-tried', true]],
    ['steps 1 hour ago, nothing changed', { history: steps(1) }, ['wait', 'steps-recent', true]],
    ['steps 23.9 hours ago', { history: steps(23.9) }, ['wait', 'steps-recent', true]],
    ['steps exactly 24 hours ago', { history: steps(SYNC_WINDOW_HOURS) }, ['copy', 'steps-did-not-work', true]],
    ['steps 30 hours ago, nothing changed', { history: steps(30) }, ['copy', 'steps-did-not-work', true]],
    ['steps 30 hours ago, copy not offered', { history: steps(30), canCopy: false }, ['ask-it', 'steps-did-not-work', true]],
    ['steps a week ago, placeholder still', { verdict: PLACEHOLDER, history: steps(24 * 7, { placeholder: true }), picture: { placeholder: true } }, ['copy', 'steps-did-not-work', true]],
    ['steps 30 hours ago, SharePoint stored another picture since', { history: steps(30), picture: NEWER_PICTURE }, ['ask-it', 'synced-something-else', true]],
    ['steps 2 hours ago, SharePoint stored another picture since', { history: steps(2), picture: NEWER_PICTURE }, ['ask-it', 'synced-something-else', true]],
    ['no mailbox (Entra ID photo), copy offered', { verdict: ENTRA_OUT }, ['copy', 'no-mailbox', false]],
    ['no mailbox (Entra ID photo), copy not offered', { verdict: ENTRA_OUT, canCopy: false }, ['ask-it', 'no-mailbox', false]],
    ['SharePoint does not pull from Exchange (sync state 0)', { picture: { ...OLD_PICTURE, exchangeSyncState: '0' } }, ['copy', 'sync-off', false]],
    ['sync state 0, copy not offered', { picture: { ...OLD_PICTURE, exchangeSyncState: '0' }, canCopy: false }, ['ask-it', 'sync-off', false]],
    ['sync state 0 beats steps done long ago', { picture: { ...OLD_PICTURE, exchangeSyncState: '0' }, history: steps(30) }, ['copy', 'sync-off', false]],
    ['a copy was accepted, the photos differ again', { history: copied('copied') }, ['ask-it', 'copy-reverted', true]],
    ['a copy was refused: uploads off for the account', { verdict: ENTRA_OUT, history: copied('upload-disabled') }, ['ask-it', 'upload-disabled', false]],
    ['a copy failed on the network: as if not tried', { history: copied('failed') }, ['steps', 'not-tried', true]],
    ['a copy refused for this web part, steps 30 hours ago, copy no longer offered', { history: { ...steps(30), copy: copied('blocked').copy }, canCopy: false }, ['ask-it', 'steps-did-not-work', true]]
  ])('%s', (_name, input, expected) => {
    expect(decide(input)).toEqual(expected);
  });

  test('a person who did the steps 30 hours ago and still sees the old photo is never led to the steps', () => {
    for (const verdict of [OUT, PLACEHOLDER]) {
      for (const canCopy of [true, false]) {
        const next = decideNextStep({ verdict, canCopy, picture: OLD_PICTURE, history: steps(30), now: NOW });
        expect(next.step).not.toBe('steps');
        expect(next.stepsDoneAt!.toISOString()).toBe(hoursAgo(30));
      }
    }
  });
});

describe('what SharePoint says', () => {
  test.each([
    ['0', true],
    [' 0 ', true],
    ['1', false],
    ['', false],
    [undefined, false]
  ])('SPS-PictureExchangeSyncState %p: off %p', (state, off) => {
    expect(exchangeSyncOff({ placeholder: false, exchangeSyncState: state as string | undefined })).toBe(off);
  });

  test('another timestamp, URL or placeholder state is another picture; nothing to compare is no change', () => {
    expect(pictureChanged(OLD_PICTURE, { ...OLD_PICTURE })).toBe(false);
    expect(pictureChanged(OLD_PICTURE, NEWER_PICTURE)).toBe(true);
    expect(pictureChanged(OLD_PICTURE, { ...OLD_PICTURE, pictureUrl: 'https://contoso-my.sharepoint.com/new.jpg' })).toBe(true);
    expect(pictureChanged(OLD_PICTURE, { ...OLD_PICTURE, placeholder: true })).toBe(true);
    expect(pictureChanged(OLD_PICTURE, { ...OLD_PICTURE, exchangeSyncState: '0' })).toBe(false);
    expect(pictureChanged(undefined, OLD_PICTURE)).toBe(false);
  });
});
