/**
 * `?part=card`: the Viva Connections card as a dashboard shows it. The card view is drawn from the parameters the
 * card's own CardView returns (card bar, header, body, footer button) at Medium and Large; selecting the card opens
 * its QuickView, expanded from its template and data and rendered by adaptivecards 2.11.2 (the version SPFx 1.22.2
 * pins); the quick view's actions go to its `onAction`, as in SharePoint. The state comes from the card's
 * CardController wired to the simulated tenant, as the ACE class wires it.
 */
import * as React from 'react';
import * as AC from 'adaptivecards';
import { CardSize } from '@microsoft/sp-adaptive-card-extension-base';
import { CardController } from '../../src/adaptiveCardExtensions/profilePhoto/cardController';
import { IProfilePhotoCardProperties, IProfilePhotoCardState, showMeHowUrl } from '../../src/adaptiveCardExtensions/profilePhoto/cardModel';
import { CardView } from '../../src/adaptiveCardExtensions/profilePhoto/cardView/CardView';
import { QuickView } from '../../src/adaptiveCardExtensions/profilePhoto/quickView/QuickView';
import { expandQuickView } from '../../test/card/renderQuickView';

interface ICardText {
  text: string;
}
interface ICardButton {
  title: string;
  action: { type: string; parameters: { view?: string; target?: string } };
}
interface IDrawnParameters {
  cardBar: Array<{ title: string }>;
  header: ICardText[];
  body?: ICardText[];
  footer?: ICardButton[];
}

export interface IDashboardProps {
  controller: CardController;
  /** A dark theme: the dashboard draws its cards, and their quick view, dark. */
  dark?: boolean;
  properties: IProfilePhotoCardProperties;
  siteUrl: string;
}

export function Dashboard(props: IDashboardProps): JSX.Element {
  const [state, setState] = React.useState<IProfilePhotoCardState>(() => props.controller.state);
  const [open, setOpen] = React.useState<boolean>(false);
  React.useEffect(() => {
    // As the ACE does: after the first paint when it shows a remembered verdict, at once on a first visit.
    if (!props.controller.state.result) {
      props.controller.confirm().catch(() => undefined);
      return undefined;
    }
    const timer = setTimeout(() => {
      props.controller.confirm().catch(() => undefined);
    }, 0);
    return () => clearTimeout(timer);
  }, [props.controller]);
  React.useEffect(() => props.controller.subscribe(setState), [props.controller]);

  const view = (size: CardSize): IDrawnParameters => {
    const card = new CardView(() => showMeHowUrl(props.properties, props.siteUrl));
    const hosted = card as unknown as { properties: IProfilePhotoCardProperties; state: IProfilePhotoCardState; cardSize: CardSize };
    hosted.properties = props.properties;
    hosted.state = state;
    hosted.cardSize = size;
    return card.cardViewParameters as unknown as IDrawnParameters;
  };

  return (
    <div className="wb-dashboard" data-testid="dashboard" data-card-verdict={state.result ? state.result.verdict.kind : 'checking'}>
      {(['Medium', 'Large'] as CardSize[]).map((size) => (
        <DrawnCard key={size} size={size} parameters={view(size)} onOpen={() => setOpen(true)} />
      ))}
      {open && <QuickViewDialog state={state} properties={props.properties} siteUrl={props.siteUrl} controller={props.controller} dark={!!props.dark} onClose={() => setOpen(false)} />}
    </div>
  );
}

function DrawnCard(props: { size: CardSize; parameters: IDrawnParameters; onOpen: () => void }): JSX.Element {
  const p = props.parameters;
  const button = p.footer && p.footer[0];
  return (
    <section className={`wb-ace wb-ace-${props.size.toLowerCase()}`} data-card-size={props.size} aria-label={`${p.cardBar[0].title} (${props.size})`}>
      <button type="button" className="wb-ace-select" onClick={props.onOpen} data-card-select="true">
        <span className="wb-ace-bar">
          <svg className="wb-ace-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <circle cx="8" cy="5" r="3" fill="currentColor" />
            <path d="M2 15c0-3.3 2.7-5 6-5s6 1.7 6 5z" fill="currentColor" />
          </svg>
          {p.cardBar[0].title}
        </span>
        <span className="wb-ace-header" data-card-header="true">{p.header[0].text}</span>
        {p.body && <span className="wb-ace-body">{p.body[0].text}</span>}
      </button>
      {button &&
        (button.action.type === 'ExternalLink' ? (
          <a className="wb-ace-button" href={button.action.parameters.target} target="_blank" rel="noreferrer" data-card-button="page">
            {button.title}
          </a>
        ) : (
          <button type="button" className="wb-ace-button" onClick={props.onOpen} data-card-button="quick-view">
            {button.title}
          </button>
        ))}
    </section>
  );
}

/** The verdict colours on each background, at 4.5:1 or more. */
const FOREGROUNDS = {
  light: { background: '#FFFFFF', default: '#242424', subtle: '#616161', good: '#0E700E', warning: '#8A3707', attention: '#B10E1C', accent: '#0F6CBD' },
  dark: { background: '#292929', default: '#FFFFFF', subtle: '#D6D6D6', good: '#54B054', warning: '#FAB96E', attention: '#F1707B', accent: '#62ABF5' }
};

function QuickViewDialog(props: { state: IProfilePhotoCardState; properties: IProfilePhotoCardProperties; siteUrl: string; controller: CardController; dark: boolean; onClose: () => void }): JSX.Element {
  const host = React.useRef<HTMLDivElement>(null);
  const [problems, setProblems] = React.useState<string[]>([]);
  React.useEffect(() => {
    const quick = new QuickView({ siteUrl: props.siteUrl, onQuickViewAction: (id) => props.controller.onAction(id).catch(() => undefined) });
    const hosted = quick as unknown as { properties: IProfilePhotoCardProperties; state: IProfilePhotoCardState };
    hosted.properties = props.properties;
    hosted.state = props.state;
    const expanded = expandQuickView(quick.template, quick.data);
    setProblems(expanded.problems);
    // A quick view is a narrow panel: its buttons stack, as on a phone.
    // Headings carry their level, and the verdict's colours keep 4.5:1 on the card, as Viva's own host config does.
    const c = props.dark ? FOREGROUNDS.dark : FOREGROUNDS.light;
    const pair = (color: string): { default: string; subtle: string } => ({ default: color, subtle: color });
    expanded.card.hostConfig = new AC.HostConfig({
      actions: { actionsOrientation: 'vertical', actionAlignment: 'stretch', buttonSpacing: 8, maxActions: 5 },
      textBlock: { headingLevel: 2 },
      containerStyles: {
        default: {
          backgroundColor: c.background,
          foregroundColors: { default: { default: c.default, subtle: c.subtle }, good: pair(c.good), warning: pair(c.warning), attention: pair(c.attention), accent: pair(c.accent) }
        }
      }
    });
    expanded.card.onExecuteAction = (action) => {
      if (action instanceof AC.SubmitAction) {
        quick.onAction({ type: 'Submit', data: action.data } as never);
      } else if (action instanceof AC.OpenUrlAction && action.url) {
        window.open(action.url, '_blank', 'noopener');
      }
    };
    const element = expanded.card.render();
    if (host.current && element) {
      host.current.replaceChildren(element);
    }
  }, [props.state, props.properties, props.siteUrl, props.controller, props.dark]);
  return (
    <div className="wb-quickview" role="dialog" aria-modal="true" aria-label={props.properties.title || 'Quick view'} data-testid="quick-view" data-problems={problems.length}>
      <button type="button" className="wb-quickview-close" onClick={props.onClose} aria-label="Close">
        ✕
      </button>
      <div ref={host} data-busy={props.state.checking || (props.state.copy && (props.state.copy.phase === 'copying' || props.state.copy.phase === 'checking')) ? 'true' : 'false'} />
    </div>
  );
}
