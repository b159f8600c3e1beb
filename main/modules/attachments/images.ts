/**
 * Recognises uploaded files by their bytes (never by name or claimed type) and
 * reads image dimensions. Also decides whether a signature PNG has any ink.
 */
import { inflateSync } from 'node:zlib';

export type SniffedType = 'image/png' | 'image/jpeg' | 'application/pdf' | 'video/mp4' | typeof DOCX;

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface Sniffed {
  mimeType: SniffedType;
  widthPx: number | null;
  heightPx: number | null;
}

/** Major brands of HEIF/AVIF photos (iPhone pictures), which are ISO box files but not videos. */
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'avif', 'avis']);

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function sniff(bytes: Buffer): Sniffed | null {
  if (bytes.length >= 24 && bytes.subarray(0, 8).equals(PNG_MAGIC)) {
    return { mimeType: 'image/png', widthPx: bytes.readUInt32BE(16), heightPx: bytes.readUInt32BE(20) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    const size = jpegSize(bytes);
    if (!size) return null;
    return { mimeType: 'image/jpeg', widthPx: size.width, heightPx: size.height };
  }
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    return { mimeType: 'application/pdf', widthPx: null, heightPx: null };
  }
  // ISO base media (MP4/MOV): a 'ftyp' box first — but not HEIF/AVIF still images, which use the same box.
  if (bytes.length >= 12 && bytes.subarray(4, 8).toString('latin1') === 'ftyp' && !HEIF_BRANDS.has(bytes.subarray(8, 12).toString('latin1'))) {
    return { mimeType: 'video/mp4', widthPx: null, heightPx: null };
  }
  // Word 2007+: a ZIP whose entries include word/document.xml (entry names are stored uncompressed).
  if (bytes.length >= 30 && bytes.readUInt32LE(0) === 0x04034b50 && bytes.includes('word/document.xml', 0, 'latin1')) {
    return { mimeType: DOCX, widthPx: null, heightPx: null };
  }
  return null;
}

function jpegSize(b: Buffer): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const len = b.readUInt16BE(i + 2);
    // Start-of-frame markers carry the dimensions (not DHT 0xC4, JPG 0xC8, DAC 0xCC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + len;
  }
  return null;
}

/**
 * True when an 8-bit RGBA or RGB PNG (what a browser canvas exports) has at
 * least `minPixels` visibly drawn pixels. Unknown layouts return null.
 */
export function pngInkPixels(png: Buffer): number | null {
  if (!png.subarray(0, 8).equals(PNG_MAGIC)) return null;
  let pos = 8;
  let width = 0;
  let height = 0;
  let colorType = -1;
  let bitDepth = 0;
  let interlace = 0;
  const idat: Buffer[] = [];
  while (pos + 8 <= png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.subarray(pos + 4, pos + 8).toString('latin1');
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      bitDepth = data[8]!;
      colorType = data[9]!;
      interlace = data[12]!;
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    pos += 12 + len;
  }
  if (bitDepth !== 8 || interlace !== 0 || (colorType !== 6 && colorType !== 2)) return null;
  const bpp = colorType === 6 ? 4 : 3;
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat));
  } catch {
    return null;
  }
  const stride = width * bpp;
  if (raw.length < height * (stride + 1)) return null;
  const prev = Buffer.alloc(stride);
  const cur = Buffer.alloc(stride);
  let ink = 0;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? cur[x - bpp]! : 0;
      const b = prev[x]!;
      const c = x >= bpp ? prev[x - bpp]! : 0;
      const v = line[x]!;
      let out: number;
      switch (filter) {
        case 0: out = v; break;
        case 1: out = v + a; break;
        case 2: out = v + b; break;
        case 3: out = v + ((a + b) >> 1); break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          out = v + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default:
          return null;
      }
      cur[x] = out & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const o = x * bpp;
      const drawn = bpp === 4 ? cur[o + 3]! > 24 : cur[o]! + cur[o + 1]! + cur[o + 2]! < 600;
      if (drawn) ink++;
    }
    cur.copy(prev);
  }
  return ink;
}
