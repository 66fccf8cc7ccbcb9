import {
  BaseComponentsCardView,
  BasicCardView,
  ComponentsCardViewParameters,
  IExternalLinkCardAction,
  IQuickViewCardAction,
  PrimaryTextCardView
} from '@microsoft/sp-adaptive-card-extension-base';
import { cardContent, IProfilePhotoCardProperties, IProfilePhotoCardState } from '../cardModel';
import { QUICK_VIEW_REGISTRY_ID } from '../registry';

/** The card on the dashboard: the verdict in a line (and why, at Large), one button for the next step. */
export class CardView extends BaseComponentsCardView<IProfilePhotoCardProperties, IProfilePhotoCardState, ComponentsCardViewParameters> {
  /** The page with the personal part ("Show me how"), as the properties say now. */
  private readonly _pageUrl: () => string;

  public constructor(pageUrl: () => string) {
    super();
    this._pageUrl = pageUrl;
  }

  public get cardViewParameters(): ComponentsCardViewParameters {
    const content = cardContent(this.state, this.properties);
    // No icon here: SPFx puts the one the manifest names (officeFabricIconFontName) in the card bar.
    const cardBar = { componentName: 'cardBar' as const, title: content.title };
    const footer = content.button
      ? {
          componentName: 'cardButton' as const,
          title: content.button.label,
          action: content.button.opens === 'page' ? this._pageAction() : this._quickViewAction()
        }
      : undefined;
    if (this.cardSize === 'Large' && content.body) {
      return PrimaryTextCardView({ cardBar, header: { componentName: 'text', text: content.header }, body: { componentName: 'text', text: content.body }, footer });
    }
    return BasicCardView({ cardBar, header: { componentName: 'text', text: content.header }, footer });
  }

  /** Selecting the card opens the quick view: both photos, the verdict and why. */
  public get onCardSelection(): IQuickViewCardAction | IExternalLinkCardAction | undefined {
    return this._quickViewAction();
  }

  private _quickViewAction(): IQuickViewCardAction {
    return { type: 'QuickView', parameters: { view: QUICK_VIEW_REGISTRY_ID } };
  }

  private _pageAction(): IExternalLinkCardAction {
    return { type: 'ExternalLink', parameters: { target: this._pageUrl() } };
  }
}
