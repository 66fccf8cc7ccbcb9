/**
 * The verdict's limits, in their own module so the UI can show them without loading the decoders.
 * Measured on the graded pairs (comparePhotos.test.ts, test/comparisonPairs.ts): see README → How the comparison works.
 *
 * SAME_PHOTO_THRESHOLD is on the second look's scale (one minus the SSIM of the worst regions once aligned, less the
 * loss fine texture forgives): copies of one capture through everything SharePoint and Graph do (crops with tone
 * changes included) measured at most 0.094; re-takes of a scene (another moment, the same framing and backdrop) at
 * least 0.193, other photographs about 0.4 and above.
 */
export const SAME_PHOTO_THRESHOLD = 0.14;

/**
 * The first look (a 64-bit DCT hash) decides alone only when it is sure the photos differ: copies of one capture,
 * cropped 5% a side and shifted 3% on top (an 8% offset on one side), measured up to 0.344 on it. It never decides
 * "same": re-takes with the same framing hash as close as 0.00 to each other.
 */
export const CLEARLY_DIFFERENT_HASH = 0.45;
