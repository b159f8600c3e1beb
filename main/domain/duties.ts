/**
 * Pure rules of the responsibility system: version labels and order, which
 * version is in force on a date, what changed between versions, assessment
 * periods and grades.
 */
import { addDays, addMonths, type DateStr } from './dates.ts';

export interface VersionKey {
  year: number;
  revision: number;
}

/** "2026 版" for the year's first version, "2026 版（第 1 次修订）" after. */
export function versionLabel(v: VersionKey): string {
  return v.revision === 0 ? `${v.year} 版` : `${v.year} 版（第 ${v.revision} 次修订）`;
}

/** The next version: the first of a new year is that year's 版; later ones in the same year count revisions. */
export function nextVersion(existing: readonly VersionKey[], currentYear: number): VersionKey {
  const year = Math.max(currentYear, ...existing.map((v) => v.year));
  const sameYear = existing.filter((v) => v.year === year);
  return { year, revision: sameYear.length ? Math.max(...sameYear.map((v) => v.revision)) + 1 : 0 };
}

export interface Approved {
  id: string;
  effectiveFrom: DateStr;
  approvedAtMs: number;
}

/** The approved version in force on `date`: the latest effective on or before it. */
export function inForceOn<T extends Approved>(versions: readonly T[], date: DateStr): T | null {
  let best: T | null = null;
  for (const v of versions) {
    if (v.effectiveFrom > date) continue;
    if (!best || v.effectiveFrom > best.effectiveFrom || (v.effectiveFrom === best.effectiveFrom && v.approvedAtMs > best.approvedAtMs)) best = v;
  }
  return best;
}

export interface ItemLike {
  content: string;
  category: string;
  legalBasis: string | null;
  scope: string | null;
  assessmentStandard: string | null;
  weight: number;
}

export interface ItemChanges {
  added: string[];
  removed: string[];
  modified: { before: string; after: string }[];
}

const sameItem = (a: ItemLike, b: ItemLike) =>
  a.content === b.content && a.category === b.category && a.legalBasis === b.legalBasis && a.scope === b.scope && a.assessmentStandard === b.assessmentStandard && a.weight === b.weight;

/**
 * What a revision changed, item by item. Items are matched by their text;
 * an item whose text stayed but whose other fields changed counts as modified,
 * and a removed + added pair at the same position reads as one modification.
 */
export function diffItems(before: readonly ItemLike[], after: readonly ItemLike[]): ItemChanges {
  const beforeByText = new Map(before.map((i) => [i.content, i]));
  const afterTexts = new Set(after.map((i) => i.content));
  const changes: ItemChanges = { added: [], removed: [], modified: [] };
  const added: { index: number; item: ItemLike }[] = [];
  after.forEach((item, index) => {
    const old = beforeByText.get(item.content);
    if (!old) added.push({ index, item });
    else if (!sameItem(old, item)) changes.modified.push({ before: old.content, after: item.content });
  });
  const removed = before.map((item, index) => ({ index, item })).filter((x) => !afterTexts.has(x.item.content));
  for (const r of removed) {
    const pair = added.findIndex((a) => a.index === r.index);
    if (pair >= 0) {
      changes.modified.push({ before: r.item.content, after: added[pair]!.item.content });
      added.splice(pair, 1);
    } else {
      changes.removed.push(r.item.content);
    }
  }
  changes.added = added.map((a) => a.item.content);
  return changes;
}

export function describeChanges(c: ItemChanges): string {
  const parts = [c.added.length ? `新增 ${c.added.length} 条` : null, c.modified.length ? `修改 ${c.modified.length} 条` : null, c.removed.length ? `删除 ${c.removed.length} 条` : null].filter(Boolean);
  return parts.length ? parts.join('，') : '条目未变';
}

export type PeriodKind = 'MONTH' | 'QUARTER' | 'YEAR';

/** Calendar bounds and label of an assessment period. */
export function periodRange(kind: PeriodKind, year: number, seq: number): { label: string; startDate: DateStr; endDate: DateStr } {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (kind === 'YEAR') return { label: `${year} 年度`, startDate: `${year}-01-01`, endDate: `${year}-12-31` };
  if (kind === 'QUARTER') {
    if (seq < 1 || seq > 4) throw new RangeError('quarter must be 1–4');
    const start = `${year}-${pad((seq - 1) * 3 + 1)}-01`;
    return { label: `${year} 年第${['一', '二', '三', '四'][seq - 1]}季度`, startDate: start, endDate: addDays(addMonths(start, 3), -1) };
  }
  if (seq < 1 || seq > 12) throw new RangeError('month must be 1–12');
  const start = `${year}-${pad(seq)}-01`;
  return { label: `${year} 年 ${seq} 月`, startDate: start, endDate: addDays(addMonths(start, 1), -1) };
}

export interface GradeRule {
  /** Lowest percentage for 优秀. */
  excellent: number;
  /** Lowest percentage for 合格. */
  pass: number;
}

export const DEFAULT_GRADES: GradeRule = { excellent: 90, pass: 70 };

/** Score as a percentage of the points available, one decimal. */
export function percent(score: number, max: number): number {
  if (max <= 0) return 0;
  return Math.round((score / max) * 1000) / 10;
}

export function grade(pct: number, rule: GradeRule = DEFAULT_GRADES): '优秀' | '合格' | '不合格' {
  if (pct >= rule.excellent) return '优秀';
  if (pct >= rule.pass) return '合格';
  return '不合格';
}
