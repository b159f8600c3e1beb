import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprintOf, formatFingerprint } from '../../main/pdf/fingerprint.ts';
import { paperChoiceError, PAPER_PRESETS, resolvePaper, scaleFor } from '../../main/pdf/paper.ts';
import { pngInkPixels, sniff } from '../../main/modules/attachments/images.ts';
import { demoSignaturePng, encodePng } from '../../main/modules/demo/signature.ts';

describe('paper sizes in millimetres', () => {
  it('offers ISO A6–A0, the card and the board sizes', () => {
    expect(PAPER_PRESETS.map((p) => p.key)).toEqual(['A6', 'A5', 'A4', 'A3', 'A2', 'A1', 'A0', 'CARD', 'BOARD_600x800', 'BOARD_1200x800', 'BOARD_1500x1000', 'BOARD_2400x1200']);
  });

  it('converts to points and honours orientation', () => {
    expect(resolvePaper({ size: 'A4', orientation: 'portrait' })).toMatchObject({ widthMm: 210, heightMm: 297, widthPt: 595.28, heightPt: 841.89 });
    expect(resolvePaper({ size: 'A4', orientation: 'landscape' })).toMatchObject({ widthMm: 297, heightMm: 210 });
    expect(resolvePaper({ size: 'BOARD_1200x800', orientation: 'landscape' })).toMatchObject({ widthMm: 1200, heightMm: 800, widthPt: 3401.57, heightPt: 2267.72 });
    expect(resolvePaper({ size: 'CARD', orientation: 'landscape' })).toMatchObject({ widthMm: 85.5, heightMm: 54 });
  });

  it('accepts custom sizes from 50 to 5000 mm and says what is wrong otherwise', () => {
    expect(paperChoiceError({ size: 'CUSTOM', orientation: 'portrait', customWidthMm: 50, customHeightMm: 5000 })).toBeNull();
    expect(paperChoiceError({ size: 'CUSTOM', orientation: 'portrait', customWidthMm: 49, customHeightMm: 100 })).toBe('自定义宽度应在 50–5000 毫米之间，当前为 49 毫米');
    expect(paperChoiceError({ size: 'CUSTOM', orientation: 'portrait', customWidthMm: 100, customHeightMm: 5001 })).toBe('自定义高度应在 50–5000 毫米之间，当前为 5001 毫米');
    expect(paperChoiceError({ size: 'CUSTOM', orientation: 'portrait', customWidthMm: null, customHeightMm: 100 })).toBe('自定义尺寸请填写宽度（毫米）');
    expect(paperChoiceError({ size: 'B5', orientation: 'portrait' })).toBe('不支持的纸张尺寸「B5」');
    expect(resolvePaper({ size: 'CUSTOM', orientation: 'landscape', customWidthMm: 300, customHeightMm: 900 })).toMatchObject({ widthMm: 900, heightMm: 300 });
  });

  it('scales the A4 design to fit the page: a 1200×800 board is about 3.8× larger', () => {
    expect(scaleFor(resolvePaper({ size: 'A4', orientation: 'portrait' }))).toBe(1);
    expect(scaleFor(resolvePaper({ size: 'BOARD_1200x800', orientation: 'landscape' }))).toBeCloseTo(800 / 210, 5);
    expect(scaleFor(resolvePaper({ size: 'BOARD_600x800', orientation: 'portrait' }))).toBeCloseTo(800 / 297, 5);
    // 11 pt body text on the board: about 15 mm tall, readable from 3 m.
    const k = scaleFor(resolvePaper({ size: 'BOARD_1200x800', orientation: 'landscape' }));
    expect(11 * k * 0.3528).toBeGreaterThan(14);
  });
});

describe('content fingerprints', () => {
  it('do not depend on key order, only on content', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    const a = fingerprintOf({ name: '甲', phones: ['1', '2'] });
    expect(a).toEqual(fingerprintOf({ phones: ['1', '2'], name: '甲' }));
    expect(a.fingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(a.dataHash.startsWith(a.fingerprint)).toBe(true);
    expect(fingerprintOf({ name: '乙', phones: ['1', '2'] }).fingerprint).not.toBe(a.fingerprint);
    expect(formatFingerprint('3f2a91c05b7e')).toBe('3f2a 91c0 5b7e');
  });
});

describe('uploaded files are recognised by their bytes', () => {
  it('knows PNG, JPEG and PDF and nothing else', () => {
    const png = encodePng(4, 3, new Uint8Array(4 * 3 * 4));
    expect(sniff(png)).toEqual({ mimeType: 'image/png', widthPx: 4, heightPx: 3 });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x78, 0x00, 0xa0, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(sniff(jpeg)).toEqual({ mimeType: 'image/jpeg', widthPx: 160, heightPx: 120 });
    expect(sniff(Buffer.from('%PDF-1.7\n'))).toMatchObject({ mimeType: 'application/pdf' });
    expect(sniff(Buffer.from('GIF89a......'))).toBeNull();
    expect(sniff(Buffer.from('just text, renamed to .png'))).toBeNull();
  });

  it('tells a blank signature from a drawn one', () => {
    expect(pngInkPixels(encodePng(300, 100, new Uint8Array(300 * 100 * 4)))).toBe(0);
    expect(pngInkPixels(demoSignaturePng('陈国栋'))!).toBeGreaterThan(500);
    expect(pngInkPixels(Buffer.from('not a png'))).toBeNull();
  });
});
