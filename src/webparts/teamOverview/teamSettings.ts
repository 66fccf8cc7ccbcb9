import { DEFAULT_TEAM_CAP, MAX_TEAM_CAP } from '../../services/team/TeamRosterService';

/** The cap as typed in the pane (text or number): a whole number from 1 to 5,000, or the default. */
export function parseCap(value: number | string | undefined): number {
  const text = value === undefined ? '' : String(value).trim().replace(/[\s.,’']/g, '');
  if (!/^\d+$/.test(text)) {
    return DEFAULT_TEAM_CAP;
  }
  const n = parseInt(text, 10);
  return n >= 1 && n <= MAX_TEAM_CAP ? n : DEFAULT_TEAM_CAP;
}

/** The pane's message for a cap that is not a whole number from 1 to 5,000; empty means the default. */
export function capError(value: string | undefined, message: string): string {
  const text = (value || '').trim().replace(/[\s.,’']/g, '');
  if (text === '') {
    return '';
  }
  const n = /^\d+$/.test(text) ? parseInt(text, 10) : NaN;
  return n >= 1 && n <= MAX_TEAM_CAP ? '' : message;
}
