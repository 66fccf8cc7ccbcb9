/**
 * Share of differing hash bits at or below which two photos are the same picture. Measured on the fixtures
 * (comparePhotos.test.ts): re-encoded, resized, cropped, grey and rotated copies measured 0 to 0.063,
 * different photos 0.375 to 0.594. The threshold sits between them, with room on both sides.
 * Its own module so the UI can show it without loading the decoders.
 */
export const SAME_PHOTO_THRESHOLD = 0.2;
