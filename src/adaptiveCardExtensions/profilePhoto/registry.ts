/** The ids the card's views are registered under. */
export const CARD_VIEW_REGISTRY_ID = 'ProfilePhoto_CARD_VIEW';
export const QUICK_VIEW_REGISTRY_ID = 'ProfilePhoto_QUICK_VIEW';
