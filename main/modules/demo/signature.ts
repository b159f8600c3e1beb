/**
 * Demo-only: draws a pen-like signature (a few random cursive strokes seeded by
 * the signer's name) into an RGBA PNG, the same format a signature pad exports.
 */
import { deflateSync } from 'node:zlib';
import { prng } from './names.ts';

const W = 360;
const H = 120;

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function seedOf(s: string): number {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

/** A PNG of a plausible handwritten signature for `name` (deterministic). */
export function demoSignaturePng(name: string): Buffer {
  const rand = prng(seedOf(name));
  const px = new Uint8Array(W * H * 4);
  const dot = (x: number, y: number, r: number) => {
    for (let dy = -r; dy <= r; dy++) {
      for (let dx = -r; dx <= r; dx++) {
        const xx = Math.round(x + dx);
        const yy = Math.round(y + dy);
        if (xx < 0 || yy < 0 || xx >= W || yy >= H || dx * dx + dy * dy > r * r) continue;
        const o = (yy * W + xx) * 4;
        px[o] = 20;
        px[o + 1] = 30;
        px[o + 2] = 60;
        px[o + 3] = 255;
      }
    }
  };
  // One cursive group per character, then an underline flourish.
  const chars = [...name].length;
  const step = (W - 60) / Math.max(chars, 2);
  let x0 = 30;
  for (let c = 0; c < chars; c++) {
    const pts: [number, number][] = [];
    for (let i = 0; i < 5; i++) pts.push([x0 + rand() * step, 25 + rand() * 60]);
    for (let s = 0; s + 3 < pts.length; s++) {
      const [p0, p1, p2, p3] = [pts[s]!, pts[s + 1]!, pts[s + 2]!, pts[s + 3]!];
      for (let t = 0; t <= 1; t += 0.01) {
        const u = 1 - t;
        const x = u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0];
        const y = u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1];
        dot(x, y, 2);
      }
    }
    x0 += step;
  }
  for (let t = 0; t <= 1; t += 0.005) dot(30 + t * (W - 70), 95 + Math.sin(t * 3.2) * 6, 1.5);
  return encodePng(W, H, px);
}
