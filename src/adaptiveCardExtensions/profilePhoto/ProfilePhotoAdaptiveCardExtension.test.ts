import ProfilePhotoAdaptiveCardExtension, { CLIENT_TIME_LIMIT_MS } from './ProfilePhotoAdaptiveCardExtension';
import { IHostedCard } from '../../../test/spfx/sp-adaptive-card-extension-base';
import { IProfilePhotoCardProperties } from './cardModel';
import { VerdictCache } from '../../services/VerdictCache';
import { CardController } from './cardController';
import { cachedStateOf } from './hostCache';
import { FakeChecker, result } from '../../../test/fakes/FakeChecker';
import { CARD_VIEW_REGISTRY_ID, QUICK_VIEW_REGISTRY_ID } from './registry';
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

describe("the host's ACE cache (getCachedState, handed back to onInit), with the verdict cache behind it", () => {
  beforeEach(() => window.localStorage.clear());
  afterEach(() => jest.useRealTimers());
  const verdictCache = (): VerdictCache => new VerdictCache(window.localStorage, `profile-photo-sync:verdict:${LOGIN}`);

  async function hosted(cachedLoadParameters?: unknown): Promise<{ card: IHostedCard<IProfilePhotoCardProperties>; header: () => string; clientRequests: () => number }> {
    jest.useFakeTimers();
    const host = hangingContext();
    const card = new ProfilePhotoAdaptiveCardExtension() as unknown as IHostedCard<IProfilePhotoCardProperties>;
    card.context = host.context;
    card.properties = { title: '', allowCopy: true };
    await card.onInit(cachedLoadParameters);
    const header = (): string => (card.currentCardView() as unknown as { cardViewParameters: ICardParameters }).cardViewParameters.header[0].text;
    return { card, header, clientRequests: () => host.clientRequests };
  }

  test('what the card gave the host comes back as its first card, with its photos, when the browser storage is empty', async () => {
    verdictCache().write('print', { ...result({ kind: 'out-of-sync', distance: 0.4 }), exchangeTag: 'photo:W/"1"' });
    const first = await hosted();
    const kept = first.card.getCachedState(first.card.state);
    // Through the host's serialisation (JSON), then a visit where the browser's storage was cleared.
    const handedBack = { state: JSON.parse(JSON.stringify(kept)) as unknown, cardNavigatorState: [CARD_VIEW_REGISTRY_ID] };
    window.localStorage.clear();
    const second = await hosted(handedBack);
    expect(second.header()).toBe('SharePoint shows an old photo');
    expect(second.clientRequests()).toBe(0);
    const quick = second.card.quickViewNavigator.push(QUICK_VIEW_REGISTRY_ID) as unknown as { data: { exchange: { url: string } } };
    expect(quick.data.exchange.url).toMatch(/^data:image\/jpeg;base64,/);
  });

  test.each([
    ['arrive empty', { state: {}, cardNavigatorState: [] }],
    ['are damaged', { state: { remembered: '{"version":1,"fingerprint":"","verdict":' }, cardNavigatorState: [] }],
    ['hold a failure', { state: { remembered: '{"version":1,"fingerprint":"","verdict":{"kind":"could-not-check","reason":"timeout"},"checkedAt":"2026-12-01T10:00:00Z"}' }, cardNavigatorState: [] }],
    ['are missing', undefined]
  ])("parameters that %s: the verdict cache's verdict, or checking when it has none", async (_name, parameters) => {
    expect((await hosted(parameters)).header()).toBe('Checking your profile photo…');
    verdictCache().write('print', result({ kind: 'in-sync', distance: 0.02 }));
    expect((await hosted(parameters)).header()).toBe('Your photo is in sync');
  });

  test('both remember: the newer verdict wins (the personal part may have checked since the card did)', async () => {
    const older = cachedStateOf({ checking: false, result: { ...result({ kind: 'out-of-sync', distance: 0.4 }), checkedAt: new Date('2026-12-01T08:00:00Z') } });
    verdictCache().write('print', { ...result({ kind: 'in-sync', distance: 0.02 }), checkedAt: new Date('2026-12-01T09:00:00Z') });
    expect((await hosted({ state: older, cardNavigatorState: [] })).header()).toBe('Your photo is in sync');
    const newer = cachedStateOf({ checking: false, result: { ...result({ kind: 'out-of-sync', distance: 0.4 }), checkedAt: new Date('2026-12-01T10:00:00Z') } });
    expect((await hosted({ state: newer, cardNavigatorState: [] })).header()).toBe('SharePoint shows an old photo');
  });

  test('the host keeps answers only: nothing while checking or after a failed check', () => {
    expect(cachedStateOf({ checking: true })).toEqual({});
    expect(cachedStateOf({ checking: false, result: result({ kind: 'could-not-check', reason: 'timeout', service: 'exchange' }) })).toEqual({});
    expect(cachedStateOf({ checking: false, result: result({ kind: 'in-sync', distance: 0 }) }).remembered).toContain('"in-sync"');
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
