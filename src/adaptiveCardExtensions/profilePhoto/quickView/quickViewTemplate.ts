/**
 * The quick view: an Adaptive Card (schema 1.5, which Viva Connections renders) bound to `IQuickViewData` by
 * Adaptive Card templating (`${…}`, `$when`). Viva expands it from `template` and `data`; the workbench and the
 * tests expand it with adaptivecards-templating and render it with adaptivecards 2.11.2, the version SPFx pins.
 * Photos are `data:` URIs (no SharePoint-authenticated URLs, which phones have been reported not to load).
 */
function photoColumn(side: 'exchange' | 'sharePoint'): object {
  return {
    type: 'Column',
    width: 'stretch',
    items: [
      { type: 'Image', $when: `\${${side}.url != ''}`, url: `\${${side}.url}`, altText: `\${${side}.alt}`, size: 'Medium', style: 'Person', horizontalAlignment: 'Center' },
      { type: 'TextBlock', $when: `\${${side}.url == ''}`, text: '${noPhoto}', isSubtle: true, horizontalAlignment: 'Center', wrap: true },
      { type: 'TextBlock', text: `\${${side}.label}`, size: 'Small', horizontalAlignment: 'Center', wrap: true }
    ]
  };
}

export const QUICK_VIEW_TEMPLATE = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${title}', style: 'heading', size: 'Medium', weight: 'Bolder', wrap: true },
    { type: 'ColumnSet', columns: [photoColumn('exchange'), photoColumn('sharePoint')] },
    { type: 'TextBlock', $when: "${mode != 'confirm'}", text: '${verdictTitle}', weight: 'Bolder', color: '${verdictColor}', wrap: true },
    { type: 'TextBlock', $when: "${mode != 'confirm' && verdictText != ''}", text: '${verdictText}', wrap: true },
    { type: 'TextBlock', $when: "${mode != 'confirm'}", $data: '${details}', text: '${$data}', size: 'Small', isSubtle: true, wrap: true },
    { type: 'TextBlock', $when: "${mode != 'confirm' && message != ''}", text: '${message}', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', $when: "${mode == 'confirm'}", text: '${confirmTitle}', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', $when: "${mode == 'confirm'}", text: '${confirmText}', wrap: true }
  ],
  actions: [
    { type: 'Action.Submit', $when: "${mode == 'confirm'}", title: '${confirm}', style: 'positive', data: { id: 'confirm-copy' } },
    { type: 'Action.Submit', $when: "${mode == 'confirm'}", title: '${cancel}', data: { id: 'cancel-copy' } },
    { type: 'Action.Submit', $when: "${mode == 'verdict' && offerCopy}", title: '${copy}', style: 'positive', data: { id: 'copy' } },
    { type: 'Action.Submit', $when: "${mode == 'verdict' && canCheckAgain}", title: '${checkAgain}', data: { id: 'check-again' } },
    { type: 'Action.OpenUrl', $when: "${mode == 'verdict'}", title: '${showMeHow}', url: '${showMeHowUrl}' }
  ]
};
