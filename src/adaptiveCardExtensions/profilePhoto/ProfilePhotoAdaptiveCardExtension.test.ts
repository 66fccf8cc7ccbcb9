import ProfilePhotoAdaptiveCardExtension, { CLIENT_TIME_LIMIT_MS } from './ProfilePhotoAdaptiveCardExtension';
import { IHostedCard } from '../../../test/spfx/sp-adaptive-card-extension-base';
import { IProfilePhotoCardProperties } from './cardModel';
import { VerdictCache } from '../../services/VerdictCache';
import { CardController } from './cardController';
import { FakeChecker, result } from '../../../test/fakes/FakeChecker';
import { QUICK_VIEW_REGISTRY_ID } from './registry';
import { IProfilePhotoCardState } from './cardModel';
import { CopyOutcome } from '../../models/ICopyOutcome';

const LOGIN = 'adele@contoso.com';
const SITE = 'https://contoso.sharepoint.com';

/** The context a dashboard gives the card; the Graph client never comes (as token requests hang on some phones). */
function hangingContext(): { context: unknown; clientRequests: number } {
  const counter = { clientRequests: 0, context: undefined as unknown };
  counter.context = {
    pageContext: { user: { loginName: LOGIN }, web: { absoluteUrl: SITE } },
    msGraphClientFactory: {
      getClient: () => {
        counter.clientRequests++;
        return new Promise(() => undefined);
      }
    }
  };
  return counter;
}

interface ICardParameters {
  cardBar: Array<{ title: string }>;
  header: Array<{ text: string }>;
  body?: Array<{ text: string }>;
  footer?: Array<{ title: string; action: { type: string; parameters: { view?: string; target?: string } } }>;
}

describe('ProfilePhotoAdaptiveCardExtension, hosted as a dashboard hosts it', () => {
  beforeEach(() => window.localStorage.clear());
  afterEach(() => jest.useRealTimers());

  test('a repeat visit: the remembered verdict in the first card, before anything is asked for', async () => {
    new VerdictCache(window.localStorage, `profile-photo-sync:verdict:${LOGIN}`).write('print', { ...result({ kind: 'out-of-sync', distance: 0.4 }), exchangeTag: 'photo:W/"1"' });
    jest.useFakeTimers();
    const host = hangingContext();
    const card = new ProfilePhotoAdaptiveCardExtension() as unknown as IHostedCard<IProfilePhotoCardProperties>;
    card.context = host.context;
    card.properties = { title: '', allowCopy: true };
    await card.onInit();
    const first = card.currentCardView() as unknown as { cardViewParameters: ICardParameters; onCardSelection: unknown };
    expect(host.clientRequests).toBe(0); // not even a token was asked for before the first card
    expect(first.cardViewParameters.header[0].text).toBe('SharePoint shows an old photo');
    expect(first.cardViewParameters.cardBar[0].title).toBe('Profile photo');
    expect(first.cardViewParameters.footer![0]).toMatchObject({ title: 'Show me how', action: { type: 'ExternalLink', parameters: { target: SITE } } });
    expect(first.onCardSelection).toEqual({ type: 'QuickView', parameters: { view: QUICK_VIEW_REGISTRY_ID } });

    // Large: the why under the verdict.
    card.cardSize = 'Large';
    const large = (card.currentCardView() as unknown as { cardViewParameters: ICardParameters }).cardViewParameters;
    expect(large.body![0].text).toBe('Signing in again in a private window makes SharePoint copy it.');
    // Then the confirmation starts.
    await jest.advanceTimersByTimeAsync(1);
    expect(host.clientRequests).toBe(1);
  });

  test('a Graph client that never comes: the card says it could not check instead of spinning', async () => {
    jest.useFakeTimers();
    const card = new ProfilePhotoAdaptiveCardExtension() as unknown as IHostedCard<IProfilePhotoCardProperties>;
    card.context = hangingContext().context;
    card.properties = { title: 'Photo', allowCopy: true };
    await card.onInit();
    expect((card.currentCardView() as unknown as { cardViewParameters: ICardParameters }).cardViewParameters.header[0].text).toBe('Checking your profile photo…');
    await jest.advanceTimersByTimeAsync(CLIENT_TIME_LIMIT_MS + 10);
    const card2 = (card.currentCardView() as unknown as { cardViewParameters: ICardParameters }).cardViewParameters;
    expect(card2.header[0].text).toBe("We couldn't check your photo");
    expect(card2.footer![0].title).toBe('Details');
    // Its quick view explains, and offers Check again.
    const quick = card.quickViewNavigator.push(QUICK_VIEW_REGISTRY_ID) as unknown as { data: { verdictTitle: string; canCheckAgain: boolean; details: string[] } };
    expect(quick.data).toMatchObject({ verdictTitle: "We couldn't check your photo.", canCheckAgain: true });
    // The web part's words for a request that took too long, naming the side that did.
    expect(quick.data.details).toContain('Problem with: your Outlook / Teams photo.');
  });
});

describe('CardController: check again and the copy, as the quick view drives them', () => {
  function controller(checker: FakeChecker, copy: () => Promise<CopyOutcome>, remembered?: ReturnType<typeof result>): { c: CardController; states: IProfilePhotoCardState[]; copies: string[] } {
    const states: IProfilePhotoCardState[] = [];
    const copies: string[] = [];
    const c = new CardController(
      {
        checker: Promise.resolve(checker),
        remembered: () => remembered,
        copier: Promise.resolve({ copy: () => copy() }),
        history: { read: () => undefined, recordSteps: () => { throw new Error('not used'); }, recordCopy: (tag, outcome) => { copies.push(`${tag} ${outcome}`); return { exchangeTag: tag }; } },
        allowCopy: true,
        now: () => new Date('2026-12-02T09:00:00Z')
      }
    );
    c.subscribe((s) => states.push(s));
    return { c, states, copies };
  }

  test('first visit: checking, then the verdict; Check again asks fresh', async () => {
    const checker = new FakeChecker(result({ kind: 'out-of-sync', distance: 0.4 }), result({ kind: 'in-sync', distance: 0.01 }));
    const { c, states } = controller(checker, () => Promise.resolve({ kind: 'copied', bytes: 1 }));
    expect(c.initialState()).toEqual({ checking: true });
    await Promise.all([c.confirm(), c.confirm()]); // started twice (early, and after a paint): one check
    expect(checker.calls).toEqual([false]);
    expect(c.state.result!.verdict.kind).toBe('out-of-sync');
    expect(c.state.nextStep!.step).toBe('steps');
    await c.onAction('check-again');
    expect(checker.calls).toEqual([false, true]);
    expect(states.map((s) => s.checking)).toEqual([true, false, true, false]);
    expect(c.state.result!.verdict.kind).toBe('in-sync');
  });

  test('a remembered verdict is confirmed quietly; a disagreeing check replaces it', async () => {
    const checker = new FakeChecker(result({ kind: 'in-sync', distance: 0.01 }));
    const { c, states } = controller(checker, () => Promise.resolve({ kind: 'copied', bytes: 1 }), { ...result({ kind: 'out-of-sync', distance: 0.4 }), fromCache: true });
    expect(c.initialState().result!.verdict.kind).toBe('out-of-sync');
    await c.confirm();
    expect(states.every((s) => !s.checking)).toBe(true);
    expect(c.state.result!.verdict.kind).toBe('in-sync');
  });

  test('the copy: confirm, cancel, or copy and check again; the outcome is remembered', async () => {
    const checker = new FakeChecker({ ...result({ kind: 'out-of-sync', distance: 0.4 }), exchangeTag: 'photo:W/"1"' }, result({ kind: 'in-sync', distance: 0.01 }));
    const { c, states, copies } = controller(checker, () => Promise.resolve({ kind: 'copied', bytes: 2048 }));
    c.initialState();
    await c.confirm();
    await c.onAction('copy');
    expect(c.state.copy).toEqual({ phase: 'confirm' });
    await c.onAction('cancel-copy');
    expect(c.state.copy).toBeUndefined();
    await c.onAction('copy');
    await c.onAction('confirm-copy');
    expect(states.map((s) => s.copy && s.copy.phase).slice(-3)).toEqual(['copying', 'checking', 'copied']);
    expect(c.state.result!.verdict.kind).toBe('in-sync');
    expect(copies).toEqual(['photo:W/"1" copied']);
    expect(checker.calls).toEqual([false, true]);
  });

  test('a refused copy says why and leaves the verdict as it was', async () => {
    const checker = new FakeChecker({ ...result({ kind: 'out-of-sync', distance: 0.4 }), exchangeTag: 'photo:W/"1"' });
    const { c, copies } = controller(checker, () => Promise.resolve({ kind: 'failed', reason: 'permission-denied', state: 'unchanged', stage: 'upload' }));
    c.initialState();
    await c.confirm();
    await c.onAction('confirm-copy');
    expect(c.state.copy).toMatchObject({ phase: 'failed' });
    expect(c.state.result!.verdict.kind).toBe('out-of-sync');
    expect(copies).toEqual(['photo:W/"1" blocked']);
  });
});
