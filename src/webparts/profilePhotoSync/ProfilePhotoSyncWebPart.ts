import * as React from 'react';
import * as ReactDom from 'react-dom';
import { DisplayMode, Version } from '@microsoft/sp-core-library';
import {
  type IPropertyPaneConfiguration,
  PropertyPaneChoiceGroup,
  PropertyPaneDropdown,
  PropertyPaneTextField,
  PropertyPaneToggle
} from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';
import { spfi } from '@pnp/sp/fi.js';
import { SPFx } from '@pnp/sp/behaviors/spfx.js';
import * as strings from 'ProfilePhotoSyncWebPartStrings';

import { GraphPhotoService } from '../../services/GraphPhotoService';
import { PnPProfileService } from '../../services/PnPProfileService';
import { IPhotoCopier, PhotoCopier } from '../../services/PhotoCopier';
import { IPhotoSyncChecker, PhotoSyncChecker } from '../../services/PhotoSyncChecker';
import { VerdictCache } from '../../services/VerdictCache';
import { FixHistory } from '../../services/FixHistory';
import { sharedSharePointScheduler } from '../../services/sharePointScheduler';
import { PERSONAL_PRIORITY, scheduledFetch, ThroughScheduler } from '../../services/throughScheduler';
import { detectBrowser } from './browser/detectBrowser';
import { PreviewChecker } from './PreviewChecker';
import { followTeamsTheme } from '../../shared/teamsThemes';
import { helpUrlError, InSyncDisplay, itContactError, PREVIEW_CHOICES, PreviewChoice, sampleVerdict } from '../../shared/settings';
import { titlePaneField } from '../../shared/paneFields';
import { verdictText } from '../../shared/components/verdictText';
import { SAME_PHOTO_THRESHOLD } from '../../comparison/threshold';
import { createAppServices, IAppServices } from '../../shared/appServices';
import ProfilePhotoSync from './components/ProfilePhotoSync';
import { IProfilePhotoSyncProps } from './components/IProfilePhotoSyncProps';

export interface IProfilePhotoSyncWebPartProps {
  title: string;
  /** Offer "Copy my Outlook photo to SharePoint" (default on). */
  allowCopy?: boolean;
  /** What people whose photo is in sync see (default: the full card). */
  inSyncDisplay?: InSyncDisplay;
  /** A link to the organization's own help, https only. */
  helpUrl?: string;
  /** IT's email address or support link, where the message to IT goes. */
  itContact?: string;
  /** In edit mode: preview a verdict instead of the real one. */
  preview?: PreviewChoice;
}

/** Thin: creates the clients once, wires the services, renders the root component. */
export default class ProfilePhotoSyncWebPart extends BaseClientSideWebPart<IProfilePhotoSyncWebPartProps> {
  private _checker: IPhotoSyncChecker | undefined;
  private _copier: IPhotoCopier | undefined;
  private _history: FixHistory | undefined;
  private _app: IAppServices | undefined;
  private _theme: IReadonlyTheme | undefined;
  /** Teams' own theme, when hosted in Teams: it wins over the SharePoint theme SPFx passes. */
  private _teamsTheme: IProfilePhotoSyncProps['theme'];
  private _preview: PreviewChecker | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const graph = await this.context.msGraphClientFactory.getClient('3');
    // The page's one SharePoint budget, shared with a team overview on the same page; this part's requests go first.
    const scheduler = sharedSharePointScheduler((input, init) => window.fetch(input, init));
    const sp = spfi().using(SPFx(this.context), ThroughScheduler(scheduler, PERSONAL_PRIORITY));
    const site = this.context.pageContext.web.absoluteUrl;
    this._app = createAppServices();
    const exchange = new GraphPhotoService(graph, undefined, this._app.downscaler);
    const sharePoint = new PnPProfileService(sp, site, scheduledFetch(scheduler, PERSONAL_PRIORITY));
    const cache = new VerdictCache(this._app.store, `profile-photo-sync:verdict:${this.context.pageContext.user.loginName}`);
    const checker = new PhotoSyncChecker(exchange, sharePoint, this._app.compare, {
      cache,
      preloadComparison: this._app.preloadComparison,
      accountHint: this.context.pageContext.user.loginName
    });
    this._checker = checker;
    this._copier = new PhotoCopier(exchange, sharePoint);
    this._history = new FixHistory(this._app.store, `profile-photo-sync:fix:${this.context.pageContext.user.loginName}`);
    // A repeat visit paints the remembered verdict first and asks nothing before that paint; a first visit starts
    // its requests now.
    if (!checker.remembered()) {
      checker.prefetch();
    }
    this._teamsTheme = await followTeamsTheme(this.context.sdks.microsoftTeams, (theme) => {
      this._teamsTheme = theme;
      this.render();
    });
  }

  public render(): void {
    const app = this._app;
    if (!this._checker || !app) {
      return;
    }
    const user = this.context.pageContext.user;
    const editing = this.displayMode === DisplayMode.Edit;
    const element: React.ReactElement<IProfilePhotoSyncProps> = React.createElement(ProfilePhotoSync, {
      title: this.properties.title,
      checker: editing ? this._previewChecker(this._checker) : this._checker,
      copier: this._copier,
      allowCopy: this.properties.allowCopy !== false,
      browser: detectBrowser(navigator.userAgent, navigator.platform),
      isTeams: !!this.context.sdks.microsoftTeams,
      isEditMode: editing,
      inSyncDisplay: this.properties.inSyncDisplay,
      helpUrl: this.properties.helpUrl,
      itContact: this.properties.itContact,
      history: this._history,
      locale: this.context.pageContext.cultureInfo.currentUICultureName,
      store: app.store,
      storageKey: `profile-photo-sync:steps:${user.loginName}`,
      copyText: app.copyText,
      theme: this._teamsTheme || (this._theme as IProfilePhotoSyncProps['theme'])
    });
    ReactDom.render(element, this.domElement);
  }

  /** The real checker, or (in edit mode) one that shows the verdict the owner chose to preview; kept per choice. */
  private _previewChecker(real: IPhotoSyncChecker): IPhotoSyncChecker {
    const choice = this.properties.preview || 'live';
    if (choice === 'live') {
      return real;
    }
    if (!this._preview || this._preview.choice !== choice) {
      this._preview = new PreviewChecker(real, choice);
    }
    return this._preview;
  }

  protected onThemeChanged(theme: IReadonlyTheme | undefined): void {
    this._theme = theme;
    if (theme && theme.semanticColors) {
      this.domElement.style.setProperty('--bodyText', theme.semanticColors.bodyText || null);
    }
    this.render();
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupName: strings.BasicGroupName,
              groupFields: [
                titlePaneField(),
                PropertyPaneChoiceGroup('inSyncDisplay', {
                  label: strings.InSyncDisplayLabel,
                  options: [
                    { key: 'card', text: strings.InSyncDisplayCard, checked: (this.properties.inSyncDisplay || 'card') === 'card' },
                    { key: 'line', text: strings.InSyncDisplayLine, checked: this.properties.inSyncDisplay === 'line' },
                    { key: 'hidden', text: strings.InSyncDisplayHidden, checked: this.properties.inSyncDisplay === 'hidden' }
                  ]
                }),
                PropertyPaneToggle('allowCopy', {
                  label: strings.AllowCopyFieldLabel,
                  onText: strings.AllowCopyOn,
                  offText: strings.AllowCopyOff,
                  checked: this.properties.allowCopy !== false
                }),
                PropertyPaneTextField('helpUrl', {
                  label: strings.HelpUrlLabel,
                  placeholder: 'https://',
                  onGetErrorMessage: (value: string) => helpUrlError(value, strings.HelpUrlInvalid)
                }),
                PropertyPaneTextField('itContact', {
                  label: strings.ItContactLabel,
                  placeholder: 'it-support@contoso.com',
                  onGetErrorMessage: (value: string) => itContactError(value, strings.ItContactInvalid)
                })
              ]
            },
            {
              groupName: strings.PreviewGroupName,
              groupFields: [
                PropertyPaneDropdown('preview', {
                  label: strings.PreviewLabel,
                  selectedKey: this.properties.preview || 'live',
                  options: PREVIEW_CHOICES.map((key) => ({ key, text: previewLabel(key) }))
                })
              ]
            }
          ]
        }
      ]
    };
  }
}

/** The preview choices in the owner's words: the title each verdict shows its readers. */
function previewLabel(choice: PreviewChoice): string {
  return choice === 'live' ? strings.PreviewLive : verdictText(sampleVerdict(choice), SAME_PHOTO_THRESHOLD).title;
}
