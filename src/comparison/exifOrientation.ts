/**
 * Reads the EXIF orientation (1..8) of a JPEG from its APP1 segment; 1 when absent or unreadable.
 * Only the marker walk and one IFD entry are read: it never throws and never reads past the buffer.
 */
export function exifOrientation(bytes: Uint8Array): number {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) {
      return 1;
    }
    const marker = bytes[offset + 1];
    const length = (bytes[offset + 2] << 8) | bytes[offset + 3];
    if (marker === 0xda || marker === 0xd9 || length < 2) {
      return 1; // start of scan or end of image: no EXIF before the pixels
    }
    if (marker === 0xe1 && isExifHeader(bytes, offset + 4)) {
      return readOrientation(bytes, offset + 10, Math.min(bytes.length, offset + 2 + length));
    }
    offset += 2 + length;
  }
  return 1;
}

function isExifHeader(bytes: Uint8Array, at: number): boolean {
  return (
    at + 6 <= bytes.length &&
    bytes[at] === 0x45 && bytes[at + 1] === 0x78 && bytes[at + 2] === 0x69 && bytes[at + 3] === 0x66 &&
    bytes[at + 4] === 0 && bytes[at + 5] === 0
  );
}

function readOrientation(bytes: Uint8Array, tiff: number, end: number): number {
  if (tiff + 8 > end) {
    return 1;
  }
  const little = bytes[tiff] === 0x49 && bytes[tiff + 1] === 0x49;
  const u16 = (at: number): number => (little ? bytes[at] | (bytes[at + 1] << 8) : (bytes[at] << 8) | bytes[at + 1]);
  const u32 = (at: number): number =>
    little
      ? (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) + bytes[at + 3] * 0x1000000
      : bytes[at] * 0x1000000 + ((bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]);
  const ifd = tiff + u32(tiff + 4);
  if (ifd + 2 > end) {
    return 1;
  }
  const entries = u16(ifd);
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) {
      return 1;
    }
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}
