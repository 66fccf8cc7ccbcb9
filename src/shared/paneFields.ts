import { IPropertyPaneField, IPropertyPaneTextFieldProps, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import * as strings from 'ProfilePhotoSyncWebPartStrings';
import { titleError } from './settings';

/** The title field both web parts' panes start with: at most 100 characters, and the pane says so. */
export function titlePaneField(): IPropertyPaneField<IPropertyPaneTextFieldProps> {
  return PropertyPaneTextField('title', {
    label: strings.TitleFieldLabel,
    onGetErrorMessage: (value: string) => titleError(value, strings.TitleTooLong)
  });
}
