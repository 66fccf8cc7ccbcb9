import { sharedSharePointScheduler } from '../../services/sharePointScheduler';
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { type IPropertyPaneConfiguration, PropertyPaneChoiceGroup, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';
import { spfi } from '@pnp/sp/fi.js';
import { SPFx } from '@pnp/sp/behaviors/spfx.js';
import * as strings from 'ProfilePhotoSyncWebPartStrings';
import { TeamScope } from '../../models/ITeam';
import { indexedDbTeamStore } from '../../services/team/indexedDbTeamStore';
import { DEFAULT_TEAM_CAP } from '../../services/team/TeamRosterService';
import { createAppServices, IAppServices } from '../../shared/appServices';
import { isValidHelpUrl } from '../../shared/settings';
import { titlePaneField } from '../../shared/paneFields';
import { followTeamsTheme } from '../../shared/teamsThemes';
import TeamOverview, { ITeamOverviewProps } from './components/TeamOverview';
import { capError, parseCap } from './teamSettings';
import { createTeamOverviewService, ITeamOverviewServices } from './teamServices';

export interface ITeamOverviewWebPartProps {
  title: string;
  scope?: TeamScope;
  /** At most this many people are checked (default 500, at most 5,000). */
  cap?: number | string;
  /** Where the messages send people (https); empty: this site's home page. */
  personalPageUrl?: string;
  /** The site (https) that holds the tenant audit's list; empty: the overview checks everyone itself. */
  auditSiteUrl?: string;
}

/** Thin: the same clients as the personal part, the overview's services, the root component. */
export default class TeamOverviewWebPart extends BaseClientSideWebPart<ITeamOverviewWebPartProps> {
  private _app: IAppServices | undefined;
  private _service: ITeamOverviewServices | undefined;
  private _serviceKey = '';
  private _graph: Parameters<typeof createTeamOverviewService>[0]['graph'] | undefined;
  private _theme: IReadonlyTheme | undefined;
  private _teamsTheme: ITeamOverviewProps['theme'];

  protected async onInit(): Promise<void> {
    await super.onInit();
    this._app = createAppServices();
    this._graph = await this.context.msGraphClientFactory.getClient('3');
    this._teamsTheme = await followTeamsTheme(this.context.sdks.microsoftTeams, (theme) => {
      this._teamsTheme = theme;
      this.render();
    });
  }

  public render(): void {
    const app = this._app;
    if (!app || !this._graph) {
      return;
    }
    const site = this.context.pageContext.web.absoluteUrl;
    const link = (this.properties.personalPageUrl || '').trim();
    const element: React.ReactElement<ITeamOverviewProps> = React.createElement(TeamOverview, {
      title: this.properties.title,
      service: this._currentService(),
      personalPageUrl: link && isValidHelpUrl(link) ? link : `${site.replace(/\/+$/, '')}/`,
      locale: this.context.pageContext.cultureInfo.currentUICultureName,
      copyText: app.copyText,
      theme: this._teamsTheme || (this._theme as ITeamOverviewProps['theme'])
    });
    ReactDom.render(element, this.domElement);
  }

  /** One service per setting of scope, cap and audit list: changing one starts a new check, re-rendering does not. */
  private _currentService(): ITeamOverviewServices {
    const scope: TeamScope = this.properties.scope === 'owners-and-members' ? 'owners-and-members' : 'members';
    const cap = parseCap(this.properties.cap);
    const auditSite = (this.properties.auditSiteUrl || '').trim();
    const auditSiteUrl = auditSite && isValidHelpUrl(auditSite) ? auditSite : undefined;
    const key = `${scope}|${cap}|${auditSiteUrl || ''}`;
    if (!this._service || key !== this._serviceKey) {
      const page = this.context.pageContext;
      const group = page.site.group;
      const groupId = group ? String(group.id) : undefined;
      this._serviceKey = key;
      this._service = createTeamOverviewService({
        graph: this._graph!,
        sp: spfi().using(SPFx(this.context)),
        siteUrl: page.web.absoluteUrl,
        groupId,
        scope,
        cap,
        compare: this._app!.compare,
        preloadComparison: this._app!.preloadComparison,
        fetch: (input, init) => window.fetch(input, init),
        scheduler: sharedSharePointScheduler((input, init) => window.fetch(input, init)),
        store: indexedDbTeamStore(`profile-photo-sync:team:${page.web.id}:${page.user.loginName}`),
        auditSiteUrl
      });
      // The roster is asked for now, while React renders the overview for the first time.
      this._service.prefetch();
    }
    return this._service;
  }

  protected onThemeChanged(theme: IReadonlyTheme | undefined): void {
    this._theme = theme;
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
                PropertyPaneChoiceGroup('scope', {
                  label: strings.TeamScopeLabel,
                  options: [
                    { key: 'members', text: strings.TeamScopeMembers, checked: this.properties.scope !== 'owners-and-members' },
                    { key: 'owners-and-members', text: strings.TeamScopeOwnersMembers, checked: this.properties.scope === 'owners-and-members' }
                  ]
                }),
                PropertyPaneTextField('cap', {
                  label: strings.TeamCapLabel,
                  placeholder: String(DEFAULT_TEAM_CAP),
                  onGetErrorMessage: (value: string) => capError(value, strings.TeamCapInvalid)
                }),
                PropertyPaneTextField('personalPageUrl', {
                  label: strings.TeamPageUrlLabel,
                  placeholder: 'https://',
                  onGetErrorMessage: (value: string) => (!value || !value.trim() || isValidHelpUrl(value) ? '' : strings.TeamPageUrlInvalid)
                }),
                PropertyPaneTextField('auditSiteUrl', {
                  label: strings.TeamAuditSiteLabel,
                  description: strings.TeamAuditSiteDescription,
                  placeholder: 'https://',
                  onGetErrorMessage: (value: string) => (!value || !value.trim() || isValidHelpUrl(value) ? '' : strings.TeamAuditSiteInvalid)
                })
              ]
            }
          ]
        }
      ]
    };
  }
}
