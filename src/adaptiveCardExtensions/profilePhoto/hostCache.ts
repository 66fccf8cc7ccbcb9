import { IPhotoSyncResult } from '../../models/IPhotoSyncResult';
import { parseStoredVerdict, storedVerdict } from '../../services/VerdictCache';
import { IProfilePhotoCardState } from './cardModel';

/**
 * What the card gives its host's cache (the ACE cache: `getCachedState`, handed back to `onInit` on the next load):
 * its verdict, in the verdict cache's own form (JSON text, photos in base64), so that it survives the host's
 * serialisation whatever that is.
 */
export interface ICardCachedState {
  remembered?: string;
}

/** The state worth caching: an answer (never "checking", a failure or a copy in progress). */
export function cachedStateOf(state: IProfilePhotoCardState): ICardCachedState {
  // The fingerprint is the verdict cache's business: the host's copy only ever serves a first paint.
  const remembered = state.result ? storedVerdict('', state.result) : undefined;
  return remembered ? { remembered } : {};
}

/**
 * The verdict in what the host handed `onInit` (`{ state, cardNavigatorState }`), or undefined: no cache, one that
 * expired, or parameters that arrive empty (as has been reported) or damaged.
 */
export function rememberedByHost(parameters: unknown): IPhotoSyncResult | undefined {
  const state = parameters && typeof parameters === 'object' ? (parameters as { state?: unknown }).state : undefined;
  const text = state && typeof state === 'object' ? (state as ICardCachedState).remembered : undefined;
  const entry = parseStoredVerdict(text);
  return entry ? entry.result : undefined;
}

/** The later of two remembered verdicts (the personal part may have checked since the card last did). */
export function newestRemembered(a: IPhotoSyncResult | undefined, b: IPhotoSyncResult | undefined): IPhotoSyncResult | undefined {
  if (!a || !b) {
    return a || b;
  }
  return b.checkedAt.getTime() > a.checkedAt.getTime() ? b : a;
}
