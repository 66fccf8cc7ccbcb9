import * as React from 'react';
import * as ReactDom from 'react-dom';
import { DisplayMode, Version } from '@microsoft/sp-core-library';
import { type IPropertyPaneConfiguration, PropertyPaneTextField, PropertyPaneToggle } from '@microsoft/sp-property-pane';
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
import { detectBrowser } from './browser/detectBrowser';
import { createAppServices, IAppServices } from './appServices';
import ProfilePhotoSync from './components/ProfilePhotoSync';
import { IProfilePhotoSyncProps } from './components/IProfilePhotoSyncProps';

export interface IProfilePhotoSyncWebPartProps {
  title: string;
  /** Offer "Copy my Outlook photo to SharePoint" (default on). */
  allowCopy?: boolean;
}

/** Thin: creates the clients once, wires the services, renders the root component. */
export default class ProfilePhotoSyncWebPart extends BaseClientSideWebPart<IProfilePhotoSyncWebPartProps> {
  private _checker: IPhotoSyncChecker | undefined;
  private _copier: IPhotoCopier | undefined;
  private _app: IAppServices | undefined;
  private _theme: IReadonlyTheme | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const graph = await this.context.msGraphClientFactory.getClient('3');
    const sp = spfi().using(SPFx(this.context));
    const site = this.context.pageContext.web.absoluteUrl;
    this._app = createAppServices();
    const exchange = new GraphPhotoService(graph);
    const sharePoint = new PnPProfileService(sp, site, (input, init) => window.fetch(input, init));
    const cache = new VerdictCache(this._app.store, `profile-photo-sync:verdict:${this.context.pageContext.user.loginName}`);
    const checker = new PhotoSyncChecker(exchange, sharePoint, this._app.compare, { cache, preloadComparison: this._app.preloadComparison });
    this._checker = checker;
    this._copier = new PhotoCopier(exchange, sharePoint);
    checker.prefetch();
  }

  public render(): void {
    const app = this._app;
    if (!this._checker || !app) {
      return;
    }
    const user = this.context.pageContext.user;
    const element: React.ReactElement<IProfilePhotoSyncProps> = React.createElement(ProfilePhotoSync, {
      title: this.properties.title,
      checker: this._checker,
      copier: this._copier,
      allowCopy: this.properties.allowCopy !== false,
      browser: detectBrowser(navigator.userAgent, navigator.platform),
      isTeams: !!this.context.sdks.microsoftTeams,
      isEditMode: this.displayMode === DisplayMode.Edit,
      locale: this.context.pageContext.cultureInfo.currentUICultureName,
      store: app.store,
      storageKey: `profile-photo-sync:steps:${user.loginName}`,
      copyText: app.copyText,
      theme: this._theme as IProfilePhotoSyncProps['theme']
    });
    ReactDom.render(element, this.domElement);
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
                PropertyPaneTextField('title', { label: strings.TitleFieldLabel }),
                PropertyPaneToggle('allowCopy', {
                  label: strings.AllowCopyFieldLabel,
                  onText: strings.AllowCopyOn,
                  offText: strings.AllowCopyOff,
                  checked: this.properties.allowCopy !== false
                })
              ]
            }
          ]
        }
      ]
    };
  }
}
