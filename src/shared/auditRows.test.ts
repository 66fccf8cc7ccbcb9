import { auditItem } from '../../audit/job/auditList';
import { ISharePointPictureState } from '../models/INextStep';
import { SyncVerdict } from '../models/IPhotoSyncResult';
import { claimsAccountName, ITeamMember, ITeamPersonResult } from '../models/ITeam';
import { auditedResult, auditListDescription, lastCompleteRun } from './auditRows';
import { othersNextStep } from './nextStep';

const upn = 'ann.o.brien@contoso.com';
const member: ITeamMember = { displayName: "Ann O'Brien", userPrincipalName: upn, accountName: claimsAccountName(upn), guest: false };
const now = new Date('2026-12-06T08:00:00Z');
const picture = (state: Partial<ISharePointPictureState> = {}): ISharePointPictureState => ({ placeholder: false, timestamp: '2026-11-02T10:00:00.000Z', ...state });

/** What the audit writes for a result, read back as the team overview reads it. */
function roundTrip(result: ITeamPersonResult): ITeamPersonResult | undefined {
  const next = othersNextStep(result, now);
  const item = auditItem({ member, result, next, remembered: false }, 'fingerprint', now)!;
  return auditedResult(item, member, now);
}

describe('the audit list, written by the audit and read by the team overview', () => {
  const cases: Array<[string, SyncVerdict, ISharePointPictureState]> = [
    ['in sync', { kind: 'in-sync', distance: 0.031 }, picture()],
    ['out of sync: the private-window steps', { kind: 'out-of-sync', distance: 0.412 }, picture()],
    ['out of sync, no mailbox (Entra ID photo): the copy', { kind: 'out-of-sync', distance: 0.5, noMailbox: true }, picture()],
    ['placeholder, SharePoint not pulling from Exchange: the copy', { kind: 'sharepoint-placeholder' }, picture({ placeholder: true, exchangeSyncState: '0' })],
    ['placeholder: the steps', { kind: 'sharepoint-placeholder' }, picture({ placeholder: true })],
    ['no Exchange photo', { kind: 'no-exchange-photo' }, picture()],
    ['no mailbox and no photo: ask IT', { kind: 'no-mailbox' }, picture({ placeholder: true })]
  ];

  test.each(cases)('%s: the same verdict, distance, picture time and next step', (_name, verdict, state) => {
    const result: ITeamPersonResult = { member, verdict, sharePointPicture: state, sharePointUpdated: new Date(state.timestamp!) };
    const back = roundTrip(result)!;
    expect(back).toBeDefined();
    expect(back.audited).toBe(true);
    expect(back.verdict.kind).toBe(verdict.kind);
    if (verdict.kind === 'in-sync' || verdict.kind === 'out-of-sync') {
      expect((back.verdict as { distance: number }).distance).toBeCloseTo(verdict.distance, 3);
    }
    expect(back.sharePointUpdated!.toISOString()).toBe(state.timestamp);
    expect(othersNextStep(back, now).step).toBe(othersNextStep(result, now).step);
  });

  test("a person the audit could not check for its own reasons is checked again by the reader; a fact about their data is taken as it is", () => {
    expect(roundTrip({ member, verdict: { kind: 'could-not-check', reason: 'network', service: 'sharepoint' } })).toBeUndefined();
    expect(roundTrip({ member, verdict: { kind: 'could-not-check', reason: 'permission-denied', service: 'exchange' } })).toBeUndefined();
    expect(roundTrip({ member, verdict: { kind: 'could-not-check', reason: 'throttled', service: 'sharepoint' } })).toBeUndefined();
    expect(roundTrip({ member, verdict: { kind: 'could-not-check', reason: 'profile-not-found', service: 'sharepoint' } })!.verdict).toEqual({ kind: 'could-not-check', reason: 'profile-not-found', service: 'sharepoint' });
    expect(roundTrip({ member, verdict: { kind: 'could-not-check', reason: 'not-an-image', service: 'exchange' } })!.verdict).toEqual({ kind: 'could-not-check', reason: 'not-an-image', service: 'exchange' });
    expect(auditedResult({ Title: upn, Verdict: 'could-not-check', NextStep: 'none', Failure: 'too-large/elsewhere' }, member, now)).toBeUndefined();
  });

  test('an item the rules would not give (edited by hand, or from another version) is not trusted', () => {
    expect(auditedResult({ Title: upn, Verdict: 'in-sync', NextStep: 'steps', Distance: 0.02 }, member, now)).toBeUndefined();
    expect(auditedResult({ Title: upn, Verdict: 'out-of-sync', NextStep: 'steps', Distance: null }, member, now)).toBeUndefined();
    expect(auditedResult({ Title: upn, Verdict: 'sideways', NextStep: 'none' }, member, now)).toBeUndefined();
    expect(auditedResult({ Title: upn, Verdict: 'no-mailbox', NextStep: null }, member, now)).toBeUndefined();
  });

  test("the list's description carries the last complete run, and only a real time is read from it", () => {
    const at = new Date('2026-12-06T06:10:00.000Z');
    expect(lastCompleteRun(auditListDescription(at))!.toISOString()).toBe(at.toISOString());
    expect(lastCompleteRun(auditListDescription())).toBeUndefined();
    expect(lastCompleteRun('Last complete run: soon')).toBeUndefined();
    expect(lastCompleteRun(undefined)).toBeUndefined();
  });
});
