/** Paper sizes the print centre offers (data shared by main and the renderer). */

export interface PaperPreset {
  key: string;
  label: string;
  widthMm: number;
  heightMm: number;
  /** Boards and cards are mounted, not bound: they get no page numbers but keep the footer. */
  kind: 'iso' | 'card' | 'board';
}

/** Dimensions as (short side × long side); orientation decides which is the width. */
export const PAPER_PRESETS: readonly PaperPreset[] = [
  { key: 'A6', label: 'A6（105×148 mm）', widthMm: 105, heightMm: 148, kind: 'iso' },
  { key: 'A5', label: 'A5（148×210 mm）', widthMm: 148, heightMm: 210, kind: 'iso' },
  { key: 'A4', label: 'A4（210×297 mm）', widthMm: 210, heightMm: 297, kind: 'iso' },
  { key: 'A3', label: 'A3（297×420 mm）', widthMm: 297, heightMm: 420, kind: 'iso' },
  { key: 'A2', label: 'A2（420×594 mm）', widthMm: 420, heightMm: 594, kind: 'iso' },
  { key: 'A1', label: 'A1（594×841 mm）', widthMm: 594, heightMm: 841, kind: 'iso' },
  { key: 'A0', label: 'A0（841×1189 mm）', widthMm: 841, heightMm: 1189, kind: 'iso' },
  { key: 'CARD', label: '卡片（85.5×54 mm）', widthMm: 54, heightMm: 85.5, kind: 'card' },
  { key: 'BOARD_600x800', label: '展板 600×800 mm', widthMm: 600, heightMm: 800, kind: 'board' },
  { key: 'BOARD_1200x800', label: '展板 1200×800 mm', widthMm: 800, heightMm: 1200, kind: 'board' },
  { key: 'BOARD_1500x1000', label: '展板 1500×1000 mm', widthMm: 1000, heightMm: 1500, kind: 'board' },
  { key: 'BOARD_2400x1200', label: '展板 2400×1200 mm', widthMm: 1200, heightMm: 2400, kind: 'board' },
];

export const CUSTOM_MIN_MM = 50;
export const CUSTOM_MAX_MM = 5000;


export type Orientation = 'portrait' | 'landscape';
