import { BaseAdaptiveCardQuickView, IActionArguments, ISPFxAdaptiveCard } from '@microsoft/sp-adaptive-card-extension-base';
import { IProfilePhotoCardProperties, IProfilePhotoCardState, IQuickViewData, quickViewData } from '../cardModel';
import { QUICK_VIEW_TEMPLATE } from './quickViewTemplate';

/** What the quick view needs from the card: its data's inputs, and where its actions go. */
export interface IQuickViewHost {
  siteUrl: string;
  onQuickViewAction(id: string): void;
}

/** Both photos side by side, the verdict and why; Check again, the copy, Show me how. */
export class QuickView extends BaseAdaptiveCardQuickView<IProfilePhotoCardProperties, IProfilePhotoCardState, IQuickViewData> {
  private readonly _host: IQuickViewHost;

  public constructor(host: IQuickViewHost) {
    super();
    this._host = host;
  }

  public get data(): IQuickViewData {
    return quickViewData(this.state, this.properties, this._host.siteUrl);
  }

  public get template(): ISPFxAdaptiveCard {
    return QUICK_VIEW_TEMPLATE as unknown as ISPFxAdaptiveCard;
  }

  public onAction(action: IActionArguments): void {
    if (action.type === 'Submit') {
      const id = action.data && typeof action.data.id === 'string' ? action.data.id : '';
      this._host.onQuickViewAction(id);
    }
  }
}
