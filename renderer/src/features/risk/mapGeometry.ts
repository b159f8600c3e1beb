/**
 * Pure helpers of the four-colour map editor: plan coordinates are fractions
 * (0..1) of the image width and height; the view transform is in the SVG's
 * viewBox units (image pixels).
 */
import { RISK_LEVEL_ORDER, type RiskLevel } from '../../../../preload/contract/enums.ts';

export type Pt = [number, number];

/** The view: plan pixels are drawn at `x * k + tx` (viewBox units). k = 1 fits the plan in the window. */
export interface ViewTransform {
  k: number;
  tx: number;
  ty: number;
}

export const IDENTITY: ViewTransform = { k: 1, tx: 0, ty: 0 };
export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 40;

export const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Fractions are stored with 5 decimals (main rounds the same way). */
export const roundFraction = (v: number) => Math.round(clamp(v, 0, 1) * 1e5) / 1e5;

/** Zooms by `factor` keeping the viewBox point (cx, cy) where it is on screen. */
export function zoomAround(t: ViewTransform, factor: number, cx: number, cy: number): ViewTransform {
  const k = clamp(t.k * factor, MIN_ZOOM, MAX_ZOOM);
  const f = k / t.k;
  return { k, tx: cx - (cx - t.tx) * f, ty: cy - (cy - t.ty) * f };
}

/** Shows plan point (px, py) (in plan pixels) at the viewBox centre at zoom k. */
export function centerOn(px: number, py: number, k: number, width: number, height: number): ViewTransform {
  const kk = clamp(k, MIN_ZOOM, MAX_ZOOM);
  return { k: kk, tx: width / 2 - px * kk, ty: height / 2 - py * kk };
}

/**
 * Keeps at least `margin` (a fraction of the viewBox) of the plan on screen, so
 * the plan can never be dragged out of sight.
 */
export function keepVisible(t: ViewTransform, width: number, height: number, margin = 0.15): ViewTransform {
  const mx = width * margin;
  const my = height * margin;
  const tx = clamp(t.tx, mx - width * t.k, width - mx);
  const ty = clamp(t.ty, my - height * t.k, height - my);
  return tx === t.tx && ty === t.ty ? t : { k: t.k, tx, ty };
}

export function transformAttr(t: ViewTransform): string {
  return `translate(${t.tx.toFixed(3)} ${t.ty.toFixed(3)}) scale(${t.k.toFixed(5)})`;
}

/** Signed area of a polygon (in the units of its points). */
export function polygonArea(points: readonly Pt[]): number {
  let a = 0;
  for (let i = 0, n = points.length; i < n; i++) {
    const [x1, y1] = points[i]!;
    const [x2, y2] = points[(i + 1) % n]!;
    a += x1 * y2 - x2 * y1;
  }
  return a / 2;
}

/** Where to put a polygon's label: its area centroid, or the vertex mean when the polygon is degenerate. */
export function centroid(points: readonly Pt[]): Pt {
  const n = points.length;
  if (n === 0) return [0, 0];
  let mx = 0;
  let my = 0;
  for (const [x, y] of points) {
    mx += x;
    my += y;
  }
  mx /= n;
  my /= n;
  if (n < 3) return [mx, my];
  // Relative to the mean, for numerical stability.
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    const x1 = points[i]![0] - mx;
    const y1 = points[i]![1] - my;
    const x2 = points[(i + 1) % n]![0] - mx;
    const y2 = points[(i + 1) % n]![1] - my;
    const cross = x1 * y2 - x2 * y1;
    a += cross;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  }
  if (Math.abs(a) < 1e-12) return [mx, my];
  const c: Pt = [mx + cx / (3 * a), my + cy / (3 * a)];
  // A concave polygon's centroid may lie outside it (an L-shaped workshop): the label then goes to
  // the middle of the widest horizontal run inside the polygon.
  return pointInPolygon(c, points) ? c : (insidePoint(points, c[1]) ?? c);
}

/** The middle of the widest horizontal span inside the polygon, on the line y = preferY or on a few lines across it. */
function insidePoint(points: readonly Pt[], preferY: number): Pt | null {
  const b = bounds(points);
  let best: Pt | null = null;
  let bestWidth = 0;
  for (const y of [preferY, ...[0.5, 0.3, 0.7, 0.15, 0.85].map((f) => b.minY + (b.maxY - b.minY) * f)]) {
    const xs: number[] = [];
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i]!;
      const [xj, yj] = points[j]!;
      if (yi > y !== yj > y) xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
    }
    xs.sort((p, q) => p - q);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const w = xs[k + 1]! - xs[k]!;
      if (w > bestWidth) {
        bestWidth = w;
        best = [(xs[k]! + xs[k + 1]!) / 2, y];
      }
    }
    // The preferred line (through the centroid) wins when it offers a reasonable span.
    if (y === preferY && best && bestWidth > (b.maxX - b.minX) * 0.25) return best;
  }
  return best;
}

/** Even-odd ray casting. */
export function pointInPolygon([x, y]: Pt, points: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function bounds(points: readonly Pt[]): { minX: number; minY: number; maxX: number; maxY: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of points) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}

/**
 * The view that shows some points (plan fractions) comfortably: centred, at a
 * zoom where their bounding box takes about half the window, never zooming out
 * below `minK`.
 */
export function fitPoints(points: readonly Pt[], width: number, height: number, minK = 1): ViewTransform {
  const b = bounds(points);
  const w = Math.max((b.maxX - b.minX) * width, 1);
  const h = Math.max((b.maxY - b.minY) * height, 1);
  const k = clamp(Math.min((width * 0.5) / w, (height * 0.5) / h), minK, Math.max(minK, 6));
  return centerOn(((b.minX + b.maxX) / 2) * width, ((b.minY + b.maxY) / 2) * height, k, width, height);
}

/** SVG `points` attribute for fractions drawn on a W×H plan. */
export function pointsAttr(points: readonly Pt[], width: number, height: number): string {
  let s = '';
  for (const [x, y] of points) s += `${(x * width).toFixed(1)},${(y * height).toFixed(1)} `;
  return s;
}

const SEVERITY: Record<RiskLevel, number> = { MAJOR: 4, HIGH: 3, MEDIUM: 2, LOW: 1 };

/** The most severe level; null when none (same rule as main). */
export function highestLevel(levels: Iterable<RiskLevel | null | undefined>): RiskLevel | null {
  let best: RiskLevel | null = null;
  for (const l of levels) if (l && (!best || SEVERITY[l] > SEVERITY[best])) best = l;
  return best;
}

export const LEVELS: readonly RiskLevel[] = RISK_LEVEL_ORDER;

/** Colour of areas without an assessed risk point. */
export const UNASSESSED_COLOR = '#9ca3af';

/** A darker shade of a #rrggbb colour (for outlines that stay visible on pale plans). */
export function darken(hex: string, factor = 0.72): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return hex;
  const n = parseInt(m[1]!, 16);
  const c = (shift: number) => Math.round(((n >> shift) & 255) * factor).toString(16).padStart(2, '0');
  return `#${c(16)}${c(8)}${c(0)}`;
}
