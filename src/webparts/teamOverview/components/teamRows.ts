import * as strings from 'ProfilePhotoSyncWebPartStrings';
import { SyncVerdict, SyncVerdictKind } from '../../../models/IPhotoSyncResult';
import { ITeamMember, ITeamPersonResult } from '../../../models/ITeam';
import { format } from '../../../shared/components/format';
import { othersNextStep } from '../../../shared/nextStep';
import { nextStepLabel, verdictLabel } from '../../../shared/components/teamLabels';
import { INextStep } from '../../../models/INextStep';

export { nextStepLabel, verdictLabel };

/** One row of the overview: a person, and their result once known. */
export interface ITeamRow {
  index: number;
  member: ITeamMember;
  result?: ITeamPersonResult;
}

export type TeamSort = 'verdict' | 'name';

/** The verdicts, in the order the overview lists and counts them: who needs to act first. */
export const VERDICT_ORDER: ReadonlyArray<SyncVerdictKind> = ['out-of-sync', 'sharepoint-placeholder', 'no-exchange-photo', 'no-mailbox', 'could-not-check', 'in-sync'];

/** Verdicts where the person can do something (with the personal part's help). */
const NEEDS_ACTION: ReadonlyArray<SyncVerdictKind> = ['out-of-sync', 'sharepoint-placeholder', 'no-exchange-photo'];

export function needsAction(row: ITeamRow): boolean {
  return !!row.result && NEEDS_ACTION.indexOf(row.result.verdict.kind) >= 0;
}

/**
 * A person SharePoint's throttling kept from being checked (it still said "slow down" after the waits): not a
 * failure of theirs, just not done yet; the next visit or Continue checks them.
 */
export function notCheckedYet(verdict: SyncVerdict): boolean {
  return verdict.kind === 'could-not-check' && verdict.reason === 'throttled' && verdict.service === 'sharepoint';
}

/**
 * The next step that applies to this person, by the personal part's rules. A site owner sees only what SharePoint
 * and Graph say (nobody's remembered attempts), and the copy is the person's own to make: where the private-window
 * steps cannot work (no mailbox, SharePoint not pulling from Exchange), it is the copy.
 */
export function rowNextStep(row: ITeamRow, now: Date = new Date()): INextStep | undefined {
  return row.result ? othersNextStep(row.result, now) : undefined;
}

/** How long a row's next step, once worked out, is shown without working it out again. */
const NEXT_STEP_FRESH_MS = 60 * 1000;
const nextSteps = new WeakMap<ITeamPersonResult, { at: number; step: INextStep }>();

/**
 * `rowNextStep` as the list shows it: worked out once per result (and again after a minute, for the rules that
 * depend on the time), not on every render of every row.
 */
export function shownNextStep(row: ITeamRow, now: number = Date.now()): INextStep | undefined {
  if (!row.result) {
    return undefined;
  }
  const known = nextSteps.get(row.result);
  if (known && now - known.at < NEXT_STEP_FRESH_MS && now >= known.at) {
    return known.step;
  }
  const step = rowNextStep(row, new Date(now))!;
  nextSteps.set(row.result, { at: now, step });
  return step;
}

/** How many people have each verdict (only verdicts someone has), in `VERDICT_ORDER`. */
export function summary(rows: ReadonlyArray<ITeamRow>): Array<{ kind: SyncVerdictKind; count: number }> {
  const counts = new Map<SyncVerdictKind, number>();
  for (const row of rows) {
    if (row.result) {
      counts.set(row.result.verdict.kind, (counts.get(row.result.verdict.kind) || 0) + 1);
    }
  }
  return VERDICT_ORDER.filter((k) => counts.has(k)).map((kind) => ({ kind, count: counts.get(kind)! }));
}

/** One collator per language: making one costs more than sorting a few hundred names with it. */
const collators = new Map<string, Intl.Collator>();

function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    try {
      collator = new Intl.Collator(locale, { sensitivity: 'base' });
    } catch {
      collator = new Intl.Collator(undefined, { sensitivity: 'base' });
    }
    collators.set(locale, collator);
  }
  return collator;
}

/** The rows shown: filtered, then sorted (by verdict, then name; or by name), stable for equal keys. */
export function visibleRows(rows: ReadonlyArray<ITeamRow>, sort: TeamSort, descending: boolean, onlyNeedsAction: boolean, locale: string): ITeamRow[] {
  const shown = onlyNeedsAction ? rows.filter(needsAction) : rows.slice();
  const collator = collatorFor(locale);
  const rank = (row: ITeamRow): number => (row.result ? VERDICT_ORDER.indexOf(row.result.verdict.kind) : VERDICT_ORDER.length);
  const byName = (a: ITeamRow, b: ITeamRow): number => collator.compare(a.member.displayName, b.member.displayName) || a.index - b.index;
  const compare = sort === 'name' ? byName : (a: ITeamRow, b: ITeamRow) => rank(a) - rank(b) || byName(a, b);
  return shown.sort((a, b) => (descending ? -compare(a, b) : compare(a, b)));
}

/**
 * The CSV the owner exports: UTF-8 with a byte-order mark so Excel opens it as such; one line per checked person
 * (name, email, verdict, next step, distance, SharePoint picture time in ISO 8601); fields quoted when they must be, and a
 * leading =, +, - or @ defused so no spreadsheet runs a name as a formula.
 */
export function teamCsv(rows: ReadonlyArray<ITeamRow>): string {
  const lines = [strings.TeamCsvHeader];
  for (const row of rows) {
    if (!row.result) {
      continue;
    }
    const verdict = row.result.verdict;
    const distance = verdict.kind === 'in-sync' || verdict.kind === 'out-of-sync' ? verdict.distance.toFixed(3) : '';
    const updated = row.result.sharePointUpdated ? row.result.sharePointUpdated.toISOString() : '';
    const next = rowNextStep(row);
    const cells = [row.member.displayName, row.member.mail || row.member.userPrincipalName, verdictLabel(verdict.kind), next ? nextStepLabel(next.step) : '', distance, updated];
    lines.push(cells.map(csvField).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The message an owner sends someone who needs to act, in plain words, with the link to the personal part. */
export function teamMessage(row: ITeamRow, link: string): string | undefined {
  if (!row.result) {
    return undefined;
  }
  const name = row.member.displayName.split(' ')[0] || row.member.displayName;
  const next = rowNextStep(row);
  // Where signing in again cannot help, the message says so and names the step that can.
  if (next && next.step === 'copy' && (row.result.verdict.kind === 'out-of-sync' || row.result.verdict.kind === 'sharepoint-placeholder')) {
    return format(strings.TeamMessageCopy, name, link);
  }
  if (next && next.step === 'ask-it' && (row.result.verdict.kind === 'out-of-sync' || row.result.verdict.kind === 'sharepoint-placeholder')) {
    return format(strings.TeamMessageAskIt, name, link);
  }
  switch (row.result.verdict.kind) {
    case 'out-of-sync':
      return format(strings.TeamMessageOutOfSync, name, link);
    case 'sharepoint-placeholder':
      return format(strings.TeamMessagePlaceholder, name, link);
    case 'no-exchange-photo':
      return format(strings.TeamMessageNoExchangePhoto, name, link);
    default:
      return undefined;
  }
}
