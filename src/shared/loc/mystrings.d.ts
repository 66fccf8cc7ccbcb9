declare interface IProfilePhotoSyncWebPartStrings {
  // Property pane
  PropertyPaneDescription: string;
  BasicGroupName: string;
  TitleFieldLabel: string;
  AllowCopyFieldLabel: string;
  AllowCopyOn: string;
  AllowCopyOff: string;
  InSyncDisplayLabel: string;
  InSyncDisplayCard: string;
  InSyncDisplayLine: string;
  InSyncDisplayHidden: string;
  HiddenWhenInSyncNote: string;
  HelpUrlLabel: string;
  HelpUrlInvalid: string;
  HelpLinkText: string;
  TitleTooLong: string;
  PreviewGroupName: string;
  PreviewLabel: string;
  PreviewLive: string;

  // Card
  DefaultTitle: string;
  Loading: string;
  ExchangeLabel: string;
  SharePointLabel: string;
  ExchangePhotoAlt: string;
  SharePointPhotoAlt: string;
  NoPhotoToShow: string;
  /** In place of a photo whose request failed: we don't know whether there is one. */
  PhotoNotLoaded: string;
  SharePointUpdated: string;
  SharePointUpdatedUnknown: string;
  CheckAgain: string;
  Checking: string;
  CheckedAt: string;

  // Verdicts
  InSyncTitle: string;
  InSyncText: string;
  OutOfSyncTitle: string;
  OutOfSyncText: string;
  PlaceholderTitle: string;
  PlaceholderText: string;
  NoExchangePhotoTitle: string;
  NoExchangePhotoText: string;
  NoMailboxTitle: string;
  NoMailboxText: string;
  /** No mailbox, a photo in Entra ID that SharePoint lacks: the copy below is the fix. */
  EntraNoSyncCopy: string;
  /** The same, when the copy is not offered here. */
  EntraNoSyncAskIt: string;
  /** No mailbox, in sync today: later changes need the copy. */
  EntraInSyncNote: string;
  CouldNotCheckTitle: string;
  DistanceExplanation: string;

  // Could-not-check reasons
  ReasonPermissionDenied: string;
  ReasonSharePointDenied: string;
  OwnerPermissionHelp: string;
  ReasonThrottled: string;
  ReasonThrottledSeconds: string;
  ReasonUnavailable: string;
  ReasonNetwork: string;
  /** userphoto.aspx redirected to an address the page may not read (another origin without CORS). */
  ReasonRedirectedElsewhere: string;
  ReasonTimeout: string;
  ReasonNotAnImage: string;
  ReasonTooLarge: string;
  ReasonProfileNotFound: string;
  ReasonUnexpected: string;
  ServiceExchange: string;
  ServiceSharePoint: string;
  ServiceComparison: string;

  // Resync steps
  StepsHeading: string;
  StepsIntro: string;
  StepOpenPrivateWithShortcut: string;
  StepOpenPrivate: string;
  StepOpenPrivateMobile: string;
  StepGoToOffice: string;
  CopyLink: string;
  LinkCopied: string;
  CopyFailed: string;
  StepSignIn: string;
  StepOpenApp: string;
  StepComeBack: string;
  StepsWaitNote: string;
  StepsTeamsNote: string;
  StepDoneLabel: string;
  StepsProgress: string;

  // Copy the photo for me, and the background re-check
  CopyHeading: string;
  CopyIntro: string;
  CopyButton: string;
  CopyTryAgain: string;
  CopyDurableNote: string;
  CopyNoteSyncOff: string;
  /** For an account without a mailbox, whose photo comes from Entra ID. */
  ExchangeLabelEntra: string;
  CopyIntroNoMailbox: string;
  CopyButtonNoMailbox: string;
  CopyNoteNoMailbox: string;
  DownloadCurrent: string;
  CopyConfirmTitle: string;
  CopyConfirmText: string;
  CopyConfirmButton: string;
  Cancel: string;
  CopyProgressUploading: string;
  CopyProgressChecking: string;
  CopyDone: string;
  CopyDoneNoMailbox: string;
  CopyFailedTitle: string;
  CopyStateUnchanged: string;
  CopyStateUnknown: string;
  CopyBlocked: string;
  CopyRejected: string;
  StepsDoneButton: string;
  WatchWaiting: string;
  WatchCaughtUp: string;
  WatchGaveUp: string;
  WatchStoppedHidden: string;

  // Browsers: their names and what each calls its private window
  BrowserEdge: string;
  BrowserChrome: string;
  BrowserFirefox: string;
  BrowserSafari: string;
  BrowserOther: string;
  PrivateWindowEdge: string;
  PrivateWindowChrome: string;
  PrivateWindowFirefox: string;
  PrivateWindowSafari: string;
  PrivateWindowOther: string;
  // Keyboard keys as that language's keyboards name them
  KeyCtrl: string;
  KeyCmd: string;
  KeyShift: string;
  // The team overview (a second web part: the same strings module)
  TeamDefaultTitle: string;
  TeamLoadingRoster: string;
  TeamProgress: string;
  TeamDone: string;
  TeamStopped: string;
  TeamStop: string;
  TeamCheckAgain: string;
  TeamNotChecked: string;
  TeamRemembered: string;
  TeamEmpty: string;
  TeamRosterFailed: string;
  TeamVerdictInSync: string;
  TeamVerdictOutOfSync: string;
  TeamVerdictPlaceholder: string;
  TeamVerdictNoExchangePhoto: string;
  TeamVerdictNoMailbox: string;
  TeamVerdictCouldNotCheck: string;
  TeamColumnPerson: string;
  TeamColumnPhotos: string;
  TeamColumnVerdict: string;
  TeamColumnUpdated: string;
  TeamFilterNeedsAction: string;
  TeamExportCsv: string;
  TeamCopyMessage: string;
  TeamMessageCopied: string;
  TeamMessageCopyFailed: string;
  TeamMessageOutOfSync: string;
  TeamMessagePlaceholder: string;
  TeamMessageNoExchangePhoto: string;
  TeamPermissionPhotos: string;
  TeamPermissionRoster: string;
  TeamPhotoAltExchange: string;
  TeamPhotoAltSharePoint: string;
  TeamGuest: string;
  TeamCsvHeader: string;
  TeamScopeLabel: string;
  TeamScopeMembers: string;
  TeamScopeOwnersMembers: string;
  TeamCapLabel: string;
  TeamCapInvalid: string;
  TeamPageUrlLabel: string;
  TeamPageUrlInvalid: string;
  TeamAuditSiteLabel: string;
  TeamAuditSiteDescription: string;
  TeamAuditSiteInvalid: string;
  TeamAuditCheckedToday: string;
  TeamAuditCheckedOn: string;
  TeamAuditNoRunYet: string;
  TeamAuditCheckedHere: string;
  TeamAuditFailed: string;
  TeamPhotoNotLoaded: string;
  TeamSummaryLabel: string;
  // Next step and the message to IT
  ItContactLabel: string;
  ItContactInvalid: string;
  OutOfSyncTextNoSteps: string;
  PlaceholderTextNoSteps: string;
  NextStepsRecent: string;
  NextStepsDidNotWork: string;
  NextSyncedSomethingElse: string;
  NextSyncOff: string;
  NextCopyReverted: string;
  NextUploadDisabled: string;
  ShowStepsAgain: string;
  HideSteps: string;
  AskItHeading: string;
  AskItIntro: string;
  AskItEmail: string;
  AskItOpenLink: string;
  AskItCopy: string;
  AskItCopied: string;
  AskItCopyFailed: string;
  ItMessageSubject: string;
  ItMessageIntro: string;
  ItLineVerdict: string;
  ItLineSizes: string;
  ItLineSharePointTime: string;
  ItLinePlaceholder: string;
  ItLineSyncState: string;
  ItLineMailbox: string;
  ItLineSteps: string;
  ItLineCopy: string;
  ItLineBrowser: string;
  ItCheckHeading: string;
  ItCheckDiagnostic: string;
  ItCheckEditable: string;
  ItCheckSyncState: string;
  ItYes: string;
  ItNo: string;
  ItNotKnown: string;
  ItNotDone: string;
  ItNotTried: string;
  ItStepsDone: string;
  ItCopyCopied: string;
  ItCopyUploadDisabled: string;
  ItCopyBlocked: string;
  ItCopyFailed: string;
  TeamColumnNextStep: string;
  TeamNextSteps: string;
  TeamNextCopy: string;
  TeamNextAskIt: string;
  TeamNextWait: string;
  TeamNextNone: string;
  TeamMessageCopy: string;
  TeamMessageAskIt: string;
  TeamSlowDown: string;
  TeamContinue: string;
  TeamVerdictNotCheckedYet: string;
  // The Viva Connections card
  CardDefaultTitle: string;
  CardDescription: string;
  CardInSync: string;
  CardOutOfSync: string;
  CardPlaceholder: string;
  CardNoExchangePhoto: string;
  CardNoMailbox: string;
  CardCouldNotCheck: string;
  CardFixButton: string;
  CardShowMeHow: string;
  CardDetails: string;
  CardLinkLabel: string;
  CardWhySteps: string;
  CardWhyCopy: string;
  CardWhyAskIt: string;
  CardWhyWait: string;
  CardNoPhoto: string;
}

declare module 'ProfilePhotoSyncWebPartStrings' {
  const strings: IProfilePhotoSyncWebPartStrings;
  export = strings;
}
