import { DisplayMode } from '@microsoft/sp-core-library';
import { IHostedWebPart } from './sp-webpart-base';

/**
 * Hosts a web part as a SharePoint page does: its context, properties and display mode, then onInit, then render.
 * `part` is a new instance of the web part class under test.
 */
export async function hostWebPart<TProperties>(part: unknown, context: unknown, properties: TProperties, mode: DisplayMode = DisplayMode.Read): Promise<IHostedWebPart<TProperties>> {
  const hosted = part as IHostedWebPart<TProperties>;
  hosted.context = context;
  hosted.properties = properties;
  hosted.displayMode = mode;
  document.body.appendChild(hosted.domElement);
  await hosted.onInit();
  hosted.render();
  return hosted;
}

/** The props of the root component in the last `ReactDom.render` call a spy on it saw. */
export function lastRenderedProps<TProps>(rendered: jest.SpyInstance): TProps {
  const calls = rendered.mock.calls;
  return (calls[calls.length - 1][0] as { props: TProps }).props;
}
