import { Tag, Tooltip } from 'antd';
import type { AssessmentRow, Period } from '../../../../preload/contract/assessments.ts';

export type Grades = { excellent: number; pass: number };

export const STATUS_TEXT: Record<Period['status'], string> = { OPEN: '进行中', CLOSED: '已结束' };

export function periodOptionLabel(p: Period): string {
  return `${p.label}（${STATUS_TEXT[p.status]}）`;
}

export function PeriodStatusTag({ status }: { status: Period['status'] }) {
  return <Tag color={status === 'OPEN' ? 'green' : 'default'}>{STATUS_TEXT[status]}</Tag>;
}

const GRADE_COLOR: Record<string, string> = { 优秀: 'green', 合格: 'blue', 不合格: 'red' };

/** 等级 tag; 一票否决 wins over the points and shows its reason on hover. */
export function GradeTag({ grade, vetoReason }: { grade: string | null; vetoReason?: string | null }) {
  if (vetoReason) {
    return (
      <Tooltip title={`一票否决：${vetoReason}`}>
        <Tag color="red">一票否决</Tag>
      </Tooltip>
    );
  }
  if (!grade) return <span className="sl-muted">—</span>;
  return <Tag color={GRADE_COLOR[grade] ?? 'default'}>{grade}</Tag>;
}

/** Same rounding as main: one decimal. */
export function percentOf(score: number, max: number): number {
  if (max <= 0) return 0;
  return Math.round((score / max) * 1000) / 10;
}

export function gradeOf(pct: number, g: Grades): '优秀' | '合格' | '不合格' {
  if (pct >= g.excellent) return '优秀';
  if (pct >= g.pass) return '合格';
  return '不合格';
}

/** Trims float noise from sums of half points (e.g. 0.1 + 0.2). */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export type RowStatus = 'NONE' | 'PARTIAL' | 'DONE' | 'FAIL';

export const ROW_STATUS_OPTIONS: { value: RowStatus; label: string }[] = [
  { value: 'NONE', label: '未考核' },
  { value: 'PARTIAL', label: '考核中' },
  { value: 'DONE', label: '已完成' },
  { value: 'FAIL', label: '不合格' },
];

export function matchesStatus(r: AssessmentRow, s: RowStatus): boolean {
  switch (s) {
    case 'NONE':
      return r.scoredItems === 0;
    case 'PARTIAL':
      return r.scoredItems > 0 && r.scoredItems < r.totalItems;
    case 'DONE':
      return r.totalItems > 0 && r.scoredItems >= r.totalItems;
    case 'FAIL':
      return r.grade === '不合格';
  }
}

export function isRowStatus(v: string | null): v is RowStatus {
  return v === 'NONE' || v === 'PARTIAL' || v === 'DONE' || v === 'FAIL';
}
