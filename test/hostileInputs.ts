/**
 * Hostile photos, well formed enough to pass a first glance: decompression bombs with valid CRCs, compressed
 * ancillary chunks that inflate to hundreds of MB, chunk floods, marker floods and scan floods. Each is built
 * around a real small photo, so only the hostile part is wrong.
 */
import * as fs from 'fs';
import * as path from 'path';
import { deflateSync } from 'zlib';
import { decodeRaw, encodeJpeg, encodePngRgba, photoBytes, resize } from './photoFixtures';

/** How far the bombs inflate: far past any budget, small to store (deflate packs zeros about 1000:1). */
const BOMB_BYTES = 200 * 1024 * 1024;

const CRC_TABLE = ((): Uint32Array => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of a PNG chunk's type and data, as the PNG specification defines it. */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) {
    c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk with its length and a valid CRC. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) {
    out[4 + i] = type.charCodeAt(i);
  }
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The chunks of a PNG, as [type, data] (the signature left out). */
function pngChunks(png: Uint8Array): Array<[string, Uint8Array]> {
  const chunks: Array<[string, Uint8Array]> = [];
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let offset = 8; offset + 12 <= png.length; ) {
    const length = view.getUint32(offset);
    chunks.push([String.fromCharCode(...png.subarray(offset + 4, offset + 8)), png.slice(offset + 8, offset + 8 + length)]);
    offset += 12 + length;
  }
  return chunks;
}

function buildPng(chunks: Array<[string, Uint8Array]>): Uint8Array {
  return concat([png.subarray(0, 8), ...chunks.map(([type, data]) => pngChunk(type, data))]);
}

const png = encodePngRgba(resize(decodeRaw(photoBytes('messi5')), 64, 64));
const jpeg = encodeJpeg(resize(decodeRaw(photoBytes('messi5')), 72, 72), 75);
const progressive = new Uint8Array(fs.readFileSync(path.join(__dirname, 'fixtures', 'formats', 'messi5-progressive.jpg')));

let zeros: Uint8Array | undefined;
/** BOMB_BYTES of zeros, deflated (made once: about 200 KB). */
function deflatedZeros(): Uint8Array {
  if (!zeros) {
    zeros = new Uint8Array(deflateSync(Buffer.alloc(BOMB_BYTES), { level: 9 }));
  }
  return zeros;
}

/** A valid IHDR for a `size` x `size` 8-bit RGBA image. */
function header(size: number): Uint8Array {
  const data = new Uint8Array(13);
  new DataView(data.buffer).setUint32(0, size);
  new DataView(data.buffer).setUint32(4, size);
  data.set([8, 6, 0, 0, 0], 8);
  return data;
}

/** A JPEG with `segments` inserted right after its SOI marker. */
function afterSoi(bytes: Uint8Array, segments: Uint8Array): Uint8Array {
  return concat([bytes.subarray(0, 2), segments, bytes.subarray(2)]);
}

/** The last scan of a progressive JPEG (SOS to EOI), repeated `times` more before its EOI. */
function repeatLastScan(bytes: Uint8Array, times: number): Uint8Array {
  let sos = -1;
  for (let i = 2; i + 1 < bytes.length; i++) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xda) {
      sos = i;
    }
  }
  const scan = bytes.subarray(sos, bytes.length - 2);
  return concat([bytes.subarray(0, bytes.length - 2), ...Array.from({ length: times }, () => scan), bytes.subarray(bytes.length - 2)]);
}

export interface IHostileInput {
  name: string;
  kind: 'bomb' | 'ancillary bomb' | 'chunk flood' | 'marker flood' | 'scan flood';
  bytes: Uint8Array;
}

/** Every hostile input, each a few hundred KB at most. */
export function hostileInputs(): IHostileInput[] {
  const chunks = pngChunks(png);
  const idat = chunks.filter(([t]) => t === 'IDAT');
  const idatData = concat(idat.map(([, d]) => d));
  const withAncillary = (type: string, data: Uint8Array): Uint8Array =>
    buildPng([chunks[0], [type, data], ...chunks.slice(1)]);
  const latin = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
  const com = new Uint8Array([0xff, 0xfe, 0x00, 0x02]);
  return [
    { name: 'PNG 64x64 whose image data inflates to 200 MB (valid CRCs)', kind: 'bomb', bytes: buildPng([['IHDR', header(64)], ['IDAT', deflatedZeros()], ['IEND', new Uint8Array(0)]]) },
    {
      name: 'PNG 700x700 (in budget) whose image data inflates to 200 MB',
      kind: 'bomb',
      bytes: buildPng([['IHDR', header(700)], ['IDAT', deflatedZeros()], ['IEND', new Uint8Array(0)]])
    },
    { name: 'PNG with a 200 MB iCCP profile', kind: 'ancillary bomb', bytes: withAncillary('iCCP', concat([latin('icc\0\0'), deflatedZeros()])) },
    { name: 'PNG with a 200 MB zTXt comment', kind: 'ancillary bomb', bytes: withAncillary('zTXt', concat([latin('Comment\0\0'), deflatedZeros()])) },
    { name: 'PNG with a 200 MB compressed iTXt', kind: 'ancillary bomb', bytes: withAncillary('iTXt', concat([latin('XML:com.adobe.xmp\0\x01\0\0\0'), deflatedZeros()])) },
    {
      name: 'PNG with 100,000 tEXt chunks',
      kind: 'chunk flood',
      bytes: buildPng([chunks[0], ...Array.from({ length: 100000 }, (): [string, Uint8Array] => ['tEXt', latin('a\0b')]), ...chunks.slice(1)])
    },
    {
      name: 'PNG with its image data split into 20,000 IDAT chunks',
      kind: 'chunk flood',
      bytes: buildPng([
        chunks[0],
        ...Array.from({ length: 20000 }, (_, i): [string, Uint8Array] => ['IDAT', idatData.subarray(Math.floor((i * idatData.length) / 20000), Math.floor(((i + 1) * idatData.length) / 20000))]),
        ['IEND', new Uint8Array(0)]
      ])
    },
    { name: 'JPEG with 100,000 COM markers', kind: 'marker flood', bytes: afterSoi(jpeg, concat(Array.from({ length: 100000 }, () => com))) },
    { name: 'JPEG with 300 empty APP1 segments', kind: 'marker flood', bytes: afterSoi(jpeg, concat(Array.from({ length: 300 }, () => new Uint8Array([0xff, 0xe1, 0x00, 0x02])))) },
    { name: 'progressive JPEG with its last scan repeated 5,000 times', kind: 'scan flood', bytes: repeatLastScan(progressive, 5000) },
    { name: 'progressive JPEG with its last scan repeated 40 times', kind: 'scan flood', bytes: repeatLastScan(progressive, 40) }
  ];
}
