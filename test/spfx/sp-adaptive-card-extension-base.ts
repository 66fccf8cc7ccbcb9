/**
 * `@microsoft/sp-adaptive-card-extension-base` as a Viva Connections dashboard drives it, for testing the card
 * outside SharePoint (the package loads only inside SharePoint's page). The host sets the context and properties,
 * awaits `onInit`, asks `renderCard()` which card view to draw and reads its `cardViewParameters` at the card's size;
 * a quick view is opened with `quickViewNavigator.push`, drawn from its `template` and `data`, and its actions go to
 * its `onAction`. `BasicCardView` and `PrimaryTextCardView` build the parameters the way 1.22.2's do.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */

export type CardSize = 'Medium' | 'Large';

type Factory<T> = () => T;

/** Registered views by id; `push` makes one current (the quick view stack SharePoint keeps). */
export class ViewNavigator<TView> {
  public readonly factories = new Map<string, Factory<TView>>();
  public readonly stack: TView[] = [];
  public constructor(private readonly _attach: (view: TView) => void) {}
  public register(id: string, factory: Factory<TView>): void {
    this.factories.set(id, factory);
  }
  public push(id: string): TView {
    const factory = this.factories.get(id);
    if (!factory) {
      throw new Error(`no view registered as ${id}`);
    }
    const view = factory();
    this._attach(view);
    this.stack.push(view);
    return view;
  }
  public close(): void {
    this.stack.length = 0;
  }
  public get current(): TView | undefined {
    return this.stack[this.stack.length - 1];
  }
}

abstract class BaseView<TProperties, TState> {
  public properties!: TProperties;
  public state!: TState;
  public cardSize: CardSize = 'Medium';
  public setState: (state: Partial<TState>) => void = () => undefined;
}

export abstract class BaseCardView<TProperties = {}, TState = {}> extends BaseView<TProperties, TState> {
  public get onCardSelection(): any {
    return undefined;
  }
  public onAction(_action: any): void {
    // nothing by default
  }
}

export abstract class BaseComponentsCardView<TProperties = {}, TState = {}, TParameters = any> extends BaseCardView<TProperties, TState> {
  public abstract get cardViewParameters(): TParameters;
}

export abstract class BaseAdaptiveCardQuickView<TProperties = {}, TState = {}, TData = {}> extends BaseView<TProperties, TState> {
  public get data(): TData {
    return {} as TData;
  }
  public abstract get template(): any;
  public onAction(_action: any): void {
    // nothing by default
  }
}

export abstract class BaseAdaptiveCardExtension<TProperties = {}, TState = {}> {
  public context: any;
  public properties: TProperties = {} as TProperties;
  public state: TState = {} as TState;
  /** Every state the card was given, in order (what the dashboard re-rendered with). */
  public readonly renders: TState[] = [];
  public cardSize: CardSize = 'Medium';
  public readonly cardNavigator: ViewNavigator<BaseCardView<TProperties, TState>>;
  public readonly quickViewNavigator: ViewNavigator<BaseAdaptiveCardQuickView<TProperties, TState, unknown>>;

  public constructor() {
    const attach = (view: BaseView<TProperties, TState>): void => {
      view.properties = this.properties;
      view.state = this.state;
      view.cardSize = this.cardSize;
      view.setState = (s) => this.setState(s);
    };
    this.cardNavigator = new ViewNavigator<BaseCardView<TProperties, TState>>(attach);
    this.quickViewNavigator = new ViewNavigator<BaseAdaptiveCardQuickView<TProperties, TState, unknown>>(attach);
  }

  public onInit(_cachedLoadParameters?: unknown): Promise<void> {
    return Promise.resolve();
  }

  /** As 1.22.2: what the host's ACE cache keeps from each render; nothing unless the card says. */
  protected getCachedState(_state: TState): unknown {
    return {};
  }

  public setState(state: Partial<TState>): void {
    this.state = { ...this.state, ...state };
    this.renders.push(this.state);
    for (const view of [...this.cardNavigator.stack, ...this.quickViewNavigator.stack]) {
      view.state = this.state;
    }
  }

  protected renderCard(): string | undefined {
    return undefined;
  }

  /** What the dashboard draws now: the card view `renderCard` names, at the card's size. */
  public currentCardView(): BaseCardView<TProperties, TState> {
    const id = this.renderCard();
    if (!id) {
      throw new Error('renderCard() named no card view');
    }
    const view = this.cardNavigator.factories.get(id)!();
    view.properties = this.properties;
    view.state = this.state;
    view.cardSize = this.cardSize;
    return view;
  }
}

/** What a test drives, as the dashboard does (the real class keeps these protected). */
export interface IHostedCard<TProperties> {
  context: unknown;
  properties: TProperties;
  cardSize: CardSize;
  /** `cachedLoadParameters`: what the host's cache kept (`{ state, cardNavigatorState }`), as 1.22.2 hands it. */
  onInit(cachedLoadParameters?: unknown): Promise<void>;
  state: unknown;
  /** Protected in the real class; the host calls it after each render and keeps what it returns. */
  getCachedState(state: unknown): unknown;
  currentCardView(): { cardViewParameters: unknown; onCardSelection: unknown };
  quickViewNavigator: { push(id: string): { data: unknown; template: unknown; onAction(action: unknown): void } };
}

const withName = (config: any, componentName: string): any => ({ ...config, componentName });
const footerOf = (footer: any): any => (footer ? (Array.isArray(footer) ? footer.map((b) => withName(b, 'cardButton')) : footer.componentName === 'textInput' ? [withName(footer, 'textInput')] : [withName(footer, 'cardButton')]) : undefined);

export function BasicCardView(config: any): any {
  return { cardViewType: 'text', image: undefined, body: undefined, cardBar: [withName(config.cardBar, 'cardBar')], header: [withName(config.header, 'text')], footer: footerOf(config.footer) };
}

export function PrimaryTextCardView(config: any): any {
  return { cardViewType: 'text', image: undefined, cardBar: [withName(config.cardBar, 'cardBar')], header: [withName(config.header, 'text')], body: [withName(config.body, 'text')], footer: footerOf(config.footer) };
}
