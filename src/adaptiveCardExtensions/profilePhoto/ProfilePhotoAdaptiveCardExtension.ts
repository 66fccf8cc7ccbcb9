import { BaseAdaptiveCardExtension } from '@microsoft/sp-adaptive-card-extension-base';
import { type IPropertyPaneConfiguration, PropertyPaneTextField, PropertyPaneToggle } from '@microsoft/sp-property-pane';
import { spfi } from '@pnp/sp/fi.js';
import { SPFx } from '@pnp/sp/behaviors/spfx.js';
import * as strings from 'ProfilePhotoSyncWebPartStrings';
import { GraphPhotoService } from '../../services/GraphPhotoService';
import { PnPProfileService } from '../../services/PnPProfileService';
import { PhotoCopier } from '../../services/PhotoCopier';
import { PhotoSyncChecker } from '../../services/PhotoSyncChecker';
import { VerdictCache } from '../../services/VerdictCache';
import { FixHistory } from '../../services/FixHistory';
import { sharedSharePointScheduler } from '../../services/sharePointScheduler';
import { PERSONAL_PRIORITY, scheduledFetch, ThroughScheduler } from '../../services/throughScheduler';
import { withTimeout } from '../../services/requestPolicy';
import { createAppServices } from '../../shared/appServices';
import { titlePaneField } from '../../shared/paneFields';
import { helpUrlError } from '../../shared/settings';
import { CardController } from './cardController';
import { IProfilePhotoCardProperties, IProfilePhotoCardState, showMeHowUrl } from './cardModel';
import { CardView } from './cardView/CardView';
import { cachedStateOf, ICardCachedState, newestRemembered, rememberedByHost } from './hostCache';
import { QuickView } from './quickView/QuickView';
import { CARD_VIEW_REGISTRY_ID, QUICK_VIEW_REGISTRY_ID } from './registry';

/** How long the card waits for a Graph client (its token) before it says it could not check. */
export const CLIENT_TIME_LIMIT_MS = 30000;

/**
 * The "Profile photo" card for the Viva Connections dashboard. Thin: the same services, checker, comparison, verdict
 * texts and next-step rules as the personal web part; the behaviour is `CardController`'s, the views only read state.
 */
export default class ProfilePhotoAdaptiveCardExtension extends BaseAdaptiveCardExtension<IProfilePhotoCardProperties, IProfilePhotoCardState> {
  private _controller: CardController | undefined;

  /**
   * `cachedLoadParameters`: what the host's ACE cache kept from the last render (see `getCachedState`); its verdict,
   * or the verdict cache's, whichever is newer, is the first card. Either may be missing.
   */
  public onInit(cachedLoadParameters?: unknown): Promise<void> {
    const user = this.context.pageContext.user.loginName;
    const site = this.context.pageContext.web.absoluteUrl;
    const app = createAppServices();
    const cache = new VerdictCache(app.store, `profile-photo-sync:verdict:${user}`);
    // With a remembered verdict, nothing is asked for (not even a token) until the first card is drawn.
    let drawn: () => void = () => undefined;
    const afterFirstCard = new Promise<void>((resolve) => {
      drawn = resolve;
    });
    const clients = afterFirstCard.then(() => withTimeout('exchange', CLIENT_TIME_LIMIT_MS, undefined, () => this.context.msGraphClientFactory.getClient('3'))).then((graph) => {
      const scheduler = sharedSharePointScheduler((input, init) => window.fetch(input, init));
      const sp = spfi().using(SPFx(this.context), ThroughScheduler(scheduler, PERSONAL_PRIORITY));
      const exchange = new GraphPhotoService(graph, undefined, app.downscaler);
      const sharePoint = new PnPProfileService(sp, site, scheduledFetch(scheduler, PERSONAL_PRIORITY));
      return { exchange, sharePoint };
    });
    const checker = clients.then(({ exchange, sharePoint }) => new PhotoSyncChecker(exchange, sharePoint, app.compare, { cache, preloadComparison: app.preloadComparison, accountHint: user }));
    const copier = clients.then(({ exchange, sharePoint }) => new PhotoCopier(exchange, sharePoint));
    // The controller turns a client that never came into "could not check"; unused, they are not unhandled.
    checker.catch(() => undefined);
    copier.catch(() => undefined);
    this._controller = new CardController(
      {
        checker,
        remembered: () => newestRemembered(rememberedByHost(cachedLoadParameters), cache.last()),
        copier,
        history: new FixHistory(app.store, `profile-photo-sync:fix:${user}`),
        allowCopy: this.properties.allowCopy !== false
      }
    );
    this._controller.subscribe((state) => this.setState(state));
    // The first paint has the remembered verdict (or "checking"): nothing is asked for before it.
    this.state = this._controller.initialState();
    this.cardNavigator.register(CARD_VIEW_REGISTRY_ID, () => new CardView(() => showMeHowUrl(this.properties, site)));
    this.quickViewNavigator.register(QUICK_VIEW_REGISTRY_ID, () => new QuickView({ siteUrl: site, onQuickViewAction: (id) => this.onQuickViewAction(id) }));
    const start = (): void => {
      drawn();
      this._controller!.confirm().catch(() => undefined);
    };
    if (this.state.result) {
      setTimeout(start, 0); // after the remembered verdict is drawn
    } else {
      start(); // nothing to show yet: a first visit's requests leave at once
    }
    return Promise.resolve();
  }

  /** What the quick view's buttons do (Check again, the copy and its confirmation). */
  public onQuickViewAction(id: string): void {
    if (this._controller) {
      this._controller.onAction(id).catch(() => undefined);
    }
  }

  /** What the host's ACE cache keeps from each render (beta API; its default keeps nothing): the verdict. */
  protected getCachedState(state: IProfilePhotoCardState): ICardCachedState {
    return cachedStateOf(state);
  }

  protected renderCard(): string | undefined {
    return CARD_VIEW_REGISTRY_ID;
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.CardDescription },
          groups: [
            {
              groupName: strings.BasicGroupName,
              groupFields: [
                titlePaneField(),
                PropertyPaneTextField('showMeHowUrl', {
                  label: strings.CardLinkLabel,
                  onGetErrorMessage: (value: string) => helpUrlError(value, strings.HelpUrlInvalid)
                }),
                PropertyPaneToggle('allowCopy', { label: strings.AllowCopyFieldLabel, onText: strings.AllowCopyOn, offText: strings.AllowCopyOff, checked: this.properties.allowCopy !== false })
              ]
            }
          ]
        }
      ]
    };
  }
}
