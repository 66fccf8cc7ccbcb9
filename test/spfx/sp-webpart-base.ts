/**
 * `BaseClientSideWebPart` as SharePoint's page drives it, for testing web part classes outside SharePoint: the host
 * sets the context, the properties, the element and the display mode, awaits `onInit`, then calls `render`; a theme
 * change calls `onThemeChanged`; removing the part calls `onDispose`. Only what the host does, nothing of SharePoint.
 */
import { DisplayMode } from './sp-core-library';

export abstract class BaseClientSideWebPart<TProperties> {
  public context: unknown;
  public properties: TProperties = {} as TProperties;
  public domElement: HTMLElement = document.createElement('div');
  public displayMode: DisplayMode = DisplayMode.Read;

  protected onInit(): Promise<void> {
    return Promise.resolve();
  }

  public abstract render(): void;

  protected onThemeChanged(_theme: unknown): void {
    // the base does nothing
  }

  protected onDispose(): void {
    // the base does nothing
  }
}

/** What a test drives, as the page does. */
export interface IHostedWebPart<TProperties> {
  context: unknown;
  properties: TProperties;
  domElement: HTMLElement;
  displayMode: DisplayMode;
  render(): void;
  onInit(): Promise<void>;
  onThemeChanged(theme: unknown): void;
  onDispose(): void;
  getPropertyPaneConfiguration(): unknown;
  readonly dataVersion: { toString(): string };
}
