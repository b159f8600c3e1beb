/**
 * Demo-only: the site plan of 重庆渝江精密机械 as an RGBA PNG (buildings, roads,
 * green belts, a north arrow) and the areas drawn on it for the four-colour map,
 * in the same pixel frame. Deterministic.
 */
import { encodePng } from './signature.ts';

export const PLAN_W = 1600;
export const PLAN_H = 1000;

type Rect = [number, number, number, number];

/** Buildings and yards: name, rectangle in pixels, and the library keys of the risk points inside. */
export const PLAN_BUILDINGS: { label: string; rect: Rect; keys: string[] }[] = [
  { label: '办公楼', rect: [60, 60, 360, 230], keys: ['gen-office'] },
  { label: '食堂', rect: [60, 260, 250, 420], keys: ['gen-canteen'] },
  { label: '机加工车间', rect: [420, 60, 730, 430], keys: ['mach-lathe', 'mach-cnc', 'mach-grinding-machine', 'mach-bench-grinder', 'mach-radial-drill'] },
  { label: '热处理车间', rect: [860, 60, 1180, 250], keys: ['heat-carburizing-furnace', 'heat-quench', 'heat-temper-furnace'] },
  { label: '表面处理车间', rect: [860, 270, 1180, 430], keys: ['surf-paint-booth', 'surf-sandblast', 'surf-cleaning-line'] },
  { label: '涂料库/危化品暂存间', rect: [1220, 60, 1400, 200], keys: ['surf-paint-store', 'gen-chem-store'] },
  { label: '配电室', rect: [1430, 60, 1560, 200], keys: ['gen-substation', 'gen-transformer'] },
  { label: '装配车间', rect: [420, 570, 900, 940], keys: ['asm-line', 'lift-overhead-crane', 'lift-electric-hoist', 'lift-lifting-operation', 'asm-test-bench'] },
  { label: '机修间', rect: [940, 570, 1180, 760], keys: ['weld-arc', 'weld-gas-cutting', 'gen-maintenance-loto', 'gen-work-at-height'] },
  { label: '气瓶间', rect: [940, 790, 1060, 940], keys: ['weld-cylinder-room'] },
  { label: '空压机站', rect: [1090, 790, 1180, 940], keys: ['gen-air-compressor'] },
  { label: '成品仓库', rect: [1220, 570, 1560, 940], keys: ['gen-warehouse', 'gen-loading', 'gen-forklift', 'gen-hazwaste-store'] },
  { label: '污水处理站', rect: [60, 700, 300, 940], keys: ['gen-wastewater', 'gen-confined-space'] },
];

/** Points of interest drawn as markers. */
export const PLAN_MARKERS: { label: string; at: [number, number]; keys: string[] }[] = [
  { label: '消防泵房', at: [330, 660], keys: ['gen-fire-pump'] },
  { label: '厂内道路', at: [600, 500], keys: ['gen-plant-vehicles'] },
  { label: '门卫', at: [1530, 500], keys: ['gen-gate-road'] },
];

const ROADS: Rect[] = [
  [30, 470, 1570, 530],
  [760, 30, 820, 970],
  [380, 30, 400, 970],
  [1190, 30, 1210, 970],
];

const GREEN: Rect[] = [
  [60, 440, 360, 460],
  [60, 540, 360, 680],
  [420, 440, 730, 460],
  [1220, 220, 1560, 440],
  [860, 540, 1180, 560],
];

export function demoSitePlanPng(): Buffer {
  const px = new Uint8Array(PLAN_W * PLAN_H * 4);
  const fill = (r: Rect, rgb: [number, number, number]) => {
    for (let y = Math.max(0, r[1]); y < Math.min(PLAN_H, r[3]); y++) {
      for (let x = Math.max(0, r[0]); x < Math.min(PLAN_W, r[2]); x++) {
        const o = (y * PLAN_W + x) * 4;
        px[o] = rgb[0];
        px[o + 1] = rgb[1];
        px[o + 2] = rgb[2];
        px[o + 3] = 255;
      }
    }
  };
  const outline = (r: Rect, w: number, rgb: [number, number, number]) => {
    fill([r[0], r[1], r[2], r[1] + w], rgb);
    fill([r[0], r[3] - w, r[2], r[3]], rgb);
    fill([r[0], r[1], r[0] + w, r[3]], rgb);
    fill([r[2] - w, r[1], r[2], r[3]], rgb);
  };
  fill([0, 0, PLAN_W, PLAN_H], [246, 244, 239]);
  for (const g of GREEN) fill(g, [207, 232, 207]);
  for (const r of ROADS) fill(r, [214, 214, 214]);
  // Dashed centre line on the main road.
  for (let x = 40; x < 1560; x += 40) fill([x, 498, x + 20, 502], [255, 255, 255]);
  for (const b of PLAN_BUILDINGS) {
    fill(b.rect, [233, 236, 241]);
    outline(b.rect, 3, [91, 101, 115]);
  }
  // Inner walls of the bigger workshops.
  fill([575, 63, 578, 427], [150, 158, 170]);
  fill([423, 755, 897, 758], [150, 158, 170]);
  fill([1020, 273, 1023, 427], [150, 158, 170]);
  // Boundary wall with the gate gap on the east side.
  outline([20, 20, PLAN_W - 20, PLAN_H - 20], 6, [70, 76, 86]);
  fill([PLAN_W - 26, 470, PLAN_W - 14, 530], [214, 214, 214]);
  // North arrow.
  for (let y = 0; y < 60; y++) {
    const half = Math.round((y / 60) * 18);
    fill([1500 - half, 880 + y, 1500 + half, 881 + y], y < 30 ? [60, 60, 60] : [160, 160, 160]);
  }
  return encodePng(PLAN_W, PLAN_H, px);
}

/** A rectangle as a polygon in fractions of the plan, pulled in a few pixels so borders stay visible. */
export function rectPolygon(r: Rect, inset = 8): [number, number][] {
  const [x0, y0, x1, y1] = [r[0] + inset, r[1] + inset, r[2] - inset, r[3] - inset];
  return [
    [x0 / PLAN_W, y0 / PLAN_H],
    [x1 / PLAN_W, y0 / PLAN_H],
    [x1 / PLAN_W, y1 / PLAN_H],
    [x0 / PLAN_W, y1 / PLAN_H],
  ];
}
