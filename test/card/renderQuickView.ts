import * as AC from 'adaptivecards';
import { Template } from 'adaptivecards-templating';

export interface IExpandedCard {
  /** The card JSON after templating, as Viva hands it to the renderer. */
  json: { version?: string; body?: unknown[]; actions?: Array<{ type: string; title?: string; url?: string; data?: { id?: string } }> };
  /** What adaptivecards 2.11.2 reported parsing and validating it: errors and warnings alike. */
  problems: string[];
  card: AC.AdaptiveCard;
}

/**
 * Expands a quick view's template with its data (adaptivecards-templating, as Viva expands `${…}`) and parses the
 * result with adaptivecards 2.11.2, the renderer version SPFx 1.22.2 pins, collecting every parse and validation
 * event. Shared by the tests and the workbench's dashboard.
 */
export function expandQuickView(template: object, data: object): IExpandedCard {
  const json = new Template(template).expand({ $root: data }) as IExpandedCard['json'];
  const problems: string[] = [];
  const context = new AC.SerializationContext();
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  const validation = card.validateProperties();
  for (const e of validation.validationEvents) {
    problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  return { json, problems, card };
}
