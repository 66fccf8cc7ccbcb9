/** The image formats the comparison knows by their first bytes. */
export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'unknown';

export function sniffFormat(bytes: Uint8Array): ImageFormat {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'jpeg';
  }
  if (
    bytes.length >= 8 &&
    bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47 &&
    bytes[4] === 0x0d && bytes[5] === 0x0a && bytes[6] === 0x1a && bytes[7] === 0x0a
  ) {
    return 'png';
  }
  if (bytes.length >= 6 && bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46 && bytes[3] === 0x38) {
    return 'gif';
  }
  if (
    bytes.length >= 12 &&
    bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[2] === 0x46 && bytes[3] === 0x46 &&
    bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50
  ) {
    return 'webp';
  }
  return 'unknown';
}

/**
 * Width and height of a GIF from its logical screen descriptor, without decoding it.
 * Microsoft Graph answers "no photo" for some users with a 1x1 GIF: this is how it is recognised.
 */
export function gifSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (sniffFormat(bytes) !== 'gif' || bytes.length < 10) {
    return undefined;
  }
  return { width: bytes[6] | (bytes[7] << 8), height: bytes[8] | (bytes[9] << 8) };
}

/** Reads a baseline or progressive JPEG's frame size from its SOF marker, without decoding. */
export function jpegFrameSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  let offset = 2;
  while (offset + 9 <= bytes.length) {
    if (bytes[offset] !== 0xff) {
      return undefined;
    }
    const marker = bytes[offset + 1];
    const length = (bytes[offset + 2] << 8) | bytes[offset + 3];
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) {
      return { height: (bytes[offset + 5] << 8) | bytes[offset + 6], width: (bytes[offset + 7] << 8) | bytes[offset + 8] };
    }
    if (marker === 0xda || length < 2) {
      return undefined;
    }
    offset += 2 + length;
  }
  return undefined;
}

/**
 * Width and height of a JPEG, PNG or GIF from its header, without decoding it (nor loading a decoder): how a
 * photo's size is checked before anything, here or in the browser, decodes it.
 */
export function pictureSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  switch (sniffFormat(bytes)) {
    case 'jpeg':
      return jpegFrameSize(bytes);
    case 'png':
      return bytes.length >= 24 ? { width: readUint32(bytes, 16), height: readUint32(bytes, 20) } : undefined;
    case 'gif':
      return gifSize(bytes);
    default:
      return undefined;
  }
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] << 24) >>> 0) + (bytes[offset + 1] << 16) + (bytes[offset + 2] << 8) + bytes[offset + 3];
}
