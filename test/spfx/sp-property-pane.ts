/**
 * `@microsoft/sp-property-pane`'s field builders, as SharePoint's runtime provides them: each returns the field's
 * type, its target property and the properties it was given, which the property pane renders.
 */
export enum PropertyPaneFieldType {
  TextField = 3,
  Toggle = 5,
  Dropdown = 6,
  ChoiceGroup = 10
}

export interface IPropertyPaneField<T> {
  type: PropertyPaneFieldType;
  targetProperty: string;
  properties: T;
}

function field<T>(type: PropertyPaneFieldType) {
  return (targetProperty: string, properties: T): IPropertyPaneField<T> => ({ type, targetProperty, properties });
}

export const PropertyPaneTextField = field<Record<string, unknown>>(PropertyPaneFieldType.TextField);
export const PropertyPaneToggle = field<Record<string, unknown>>(PropertyPaneFieldType.Toggle);
export const PropertyPaneDropdown = field<Record<string, unknown>>(PropertyPaneFieldType.Dropdown);
export const PropertyPaneChoiceGroup = field<Record<string, unknown>>(PropertyPaneFieldType.ChoiceGroup);
