// Its own module, free of the decoders, so that services can check sizes without loading them.

/** Limits checked before any pixel is decoded. */
export interface IDecodeBudget {
  maxBytes: number;
  maxPixels: number;
}

/**
 * The largest photo Graph serves is 648x648 (0.42 MP) and SharePoint's largest thumbnail 300x300, so half a
 * megapixel leaves room while bounding the decode time (jpeg-js decodes about 4 MP/s here): a corrupt header
 * claiming a huge image is refused before any pixel is decoded. 4 MB is 25 times a 648 px JPEG at quality 90.
 */
export const DEFAULT_DECODE_BUDGET: IDecodeBudget = {
  maxBytes: 4 * 1024 * 1024,
  maxPixels: 500 * 1000
};
