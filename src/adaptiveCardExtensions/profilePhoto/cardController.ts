import { IPhotoSyncResult } from '../../models/IPhotoSyncResult';
import { failureVerdict, IPhotoSyncChecker } from '../../services/PhotoSyncChecker';
import { IPhotoCopier } from '../../services/PhotoCopier';
import { IFixHistoryStore } from '../../services/FixHistory';
import { decideNextStep } from '../../shared/nextStep';
import { copyAttempt } from '../../shared/copyOutcome';
import { IProfilePhotoCardState, QuickViewActionId } from './cardModel';

export interface ICardServices {
  /**
   * The checker, once its clients are ready. Token requests have been reported to hang in the Teams mobile app, so
   * the ACE gives up on them after a while: then this rejects and the card says it could not check.
   */
  checker: Promise<IPhotoSyncChecker>;
  /** The verdict the last visit remembered, read at once from the browser's storage (no client needed). */
  remembered: () => IPhotoSyncResult | undefined;
  copier?: Promise<IPhotoCopier>;
  /** What this person tried (the personal part's store): the card chooses the same next step. */
  history?: IFixHistoryStore;
  /** The copy is offered (the owner allows it). */
  allowCopy: boolean;
  now?: () => Date;
}

/**
 * The card's behaviour without SPFx: the remembered verdict first, the check that confirms it, Check again, and the
 * copy (confirm, copy, check again, result). The ACE class subscribes its `setState`; the views only read the state.
 */
export class CardController {
  private _state: IProfilePhotoCardState = { checking: false };
  private readonly _services: ICardServices;
  private readonly _listeners: Array<(state: IProfilePhotoCardState) => void> = [];
  private readonly _now: () => Date;
  private _confirming: Promise<void> | undefined;

  public constructor(services: ICardServices) {
    this._services = services;
    this._now = services.now || (() => new Date());
  }

  public get state(): IProfilePhotoCardState {
    return this._state;
  }

  /** Hands every new state to `listener` (the ACE's `setState`, a host's view); returns how to stop. */
  public subscribe(listener: (state: IProfilePhotoCardState) => void): () => void {
    this._listeners.push(listener);
    return () => {
      const i = this._listeners.indexOf(listener);
      if (i >= 0) {
        this._listeners.splice(i, 1);
      }
    };
  }

  /**
   * The first state, synchronously: the remembered verdict when there is one (the card's first paint shows it, and
   * nothing was asked for), or "checking". The check that confirms or replaces it starts after, on `confirm()`.
   */
  public initialState(): IProfilePhotoCardState {
    const remembered = this._services.remembered();
    this._state = remembered ? this._withResult({ checking: false }, remembered) : { checking: true };
    return this._state;
  }

  /** The first check: quiet when a remembered verdict is shown (it changes only if the check disagrees). */
  public confirm(): Promise<void> {
    // Once: a host may start it early (a first visit) and again after its first paint.
    if (!this._confirming) {
      this._confirming = this._check(false);
    }
    return this._confirming;
  }

  public onAction(id: QuickViewActionId | string): Promise<void> {
    switch (id) {
      case 'check-again':
        return this._state.checking ? Promise.resolve() : this._check(true, true);
      case 'copy':
        this._set({ ...this._state, copy: { phase: 'confirm' } });
        return Promise.resolve();
      case 'cancel-copy':
        this._set({ ...this._state, copy: undefined });
        return Promise.resolve();
      case 'confirm-copy':
        return this._copy();
      default:
        return Promise.resolve();
    }
  }

  private _check(fresh: boolean, visible: boolean = !this._state.result): Promise<void> {
    if (visible) {
      this._set({ ...this._state, checking: true, copy: undefined });
    }
    return this._checked(fresh).then((result) => {
      this._set(this._withResult({ ...this._state, checking: false }, result));
    });
  }

  /** A check's result; a checker that never became ready (its client timed out, say) is a check that failed so. */
  private _checked(fresh: boolean): Promise<IPhotoSyncResult> {
    return this._services.checker.then(
      (checker) => checker.check(fresh),
      (e: unknown): IPhotoSyncResult => ({ verdict: failureVerdict(e), checkedAt: this._now() })
    );
  }

  private _copy(): Promise<void> {
    const copier = this._services.copier;
    if (!copier || !this._services.allowCopy) {
      this._set({ ...this._state, copy: undefined });
      return Promise.resolve();
    }
    this._set({ ...this._state, copy: { phase: 'copying' } });
    return copier
      .then((c) => c.copy())
      .catch(() => ({ kind: 'failed', reason: 'unexpected', state: 'unknown', stage: 'upload' }) as const)
      .then((outcome) => {
        const result = this._state.result;
        if (this._services.history && result && result.exchangeTag) {
          const noMailbox = result.verdict.kind === 'no-mailbox' || (result.verdict.kind === 'out-of-sync' && !!result.verdict.noMailbox);
          this._services.history.recordCopy(result.exchangeTag, copyAttempt(outcome, noMailbox), result.sharePointPicture, this._now());
        }
        if (outcome.kind === 'failed') {
          this._set({ ...this._state, copy: { phase: 'failed', outcome } });
          return undefined;
        }
        this._set({ ...this._state, copy: { phase: 'checking' } });
        return this._checked(true).then((checked) => {
          this._set(this._withResult({ ...this._state, checking: false, copy: { phase: 'copied' } }, checked));
        });
      });
  }

  /** A state with this result and the next step the personal part would choose for it. */
  private _withResult(state: IProfilePhotoCardState, result: IPhotoSyncResult): IProfilePhotoCardState {
    const history = this._services.history && result.exchangeTag ? this._services.history.read(result.exchangeTag) : undefined;
    const canCopy = this._services.allowCopy && !!this._services.copier;
    const nextStep = decideNextStep({ verdict: result.verdict, canCopy, picture: result.sharePointPicture, history, now: this._now() });
    return { ...state, result, nextStep };
  }

  private _set(state: IProfilePhotoCardState): void {
    this._state = state;
    this._listeners.forEach((l) => l(state));
  }
}
