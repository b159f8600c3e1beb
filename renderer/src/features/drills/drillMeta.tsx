/** Shared bits of the drill pages: state tags (colour always with its text), plan options, links and dates. */
import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { ComplianceState, DrillForm, DrillItemState, DrillScope, EmergencyPlanType } from '../../../../preload/contract/enums.ts';
import type { OutputOf } from '../../../../preload/contract/index.ts';
import { useApi } from '../../lib/api.ts';
import './drills.css';

export type PlanType = (typeof EmergencyPlanType.values)[number];
export type ItemState = (typeof DrillItemState.values)[number];
export type ComplianceCode = (typeof ComplianceState.values)[number];
export type CalendarEntry = OutputOf<'drill.calendar'>[number];
export type CalendarKind = CalendarEntry['kind'];

const PLAN_TYPE_COLOR: Record<PlanType, string> = { COMPREHENSIVE: 'purple', SPECIFIC: 'geekblue', ONSITE: 'cyan' };
const PLAN_TYPE_SHORT: Record<PlanType, string> = { COMPREHENSIVE: '综合', SPECIFIC: '专项', ONSITE: '现场处置' };

export function PlanTypeTag({ type, short }: { type: PlanType; short?: boolean }) {
  return (
    <Tag color={PLAN_TYPE_COLOR[type]} data-plan-type={type}>
      {short ? PLAN_TYPE_SHORT[type] : EmergencyPlanType.label[type]}
    </Tag>
  );
}

const ITEM_STATE_COLOR: Record<ItemState, string> = { PLANNED: 'blue', DUE: 'orange', DONE: 'green', LATE: 'gold', MISSED: 'red', CANCELLED: 'default' };

export function ItemStateTag({ state, testId }: { state: ItemState; testId?: string }) {
  return (
    <Tag color={ITEM_STATE_COLOR[state]} data-state={state} data-testid={testId} className={state === 'CANCELLED' ? 'sl-drill-cancelled-tag' : undefined}>
      {DrillItemState.label[state]}
    </Tag>
  );
}

const COMPLIANCE_COLOR: Record<ComplianceCode, string> = { MET: 'green', DUE: 'processing', MISSED: 'red', UPCOMING: 'default', NOT_REPORTED: 'orange' };

export function ComplianceTag({ state }: { state: ComplianceCode }) {
  return (
    <Tag color={COMPLIANCE_COLOR[state]} data-state={state}>
      {ComplianceState.label[state]}
    </Tag>
  );
}

/** 综合演练 · 实战演练 as one short text. */
export function drillKind(scope: (typeof DrillScope.values)[number], form: (typeof DrillForm.values)[number]): string {
  return `${DrillScope.label[scope].replace('演练', '')} · ${DrillForm.label[form].replace('演练', '')}`;
}

/** Calendar entry kinds: a colour class and a text label each (never colour alone). */
export const CALENDAR_KIND: Record<CalendarKind, { label: string; className: string; hint: string }> = {
  PLANNED: { label: '计划', className: 'is-planned', hint: '列入年度计划，尚未演练' },
  DONE: { label: '已演练', className: 'is-done', hint: '按计划月份（或提前）完成' },
  LATE: { label: '延后完成', className: 'is-late', hint: '晚于计划月份完成' },
  MISSED: { label: '未演练', className: 'is-missed', hint: '计划月份已过，没有演练记录' },
  CANCELLED: { label: '已取消', className: 'is-cancelled', hint: '计划项已取消' },
  UNPLANNED: { label: '计划外', className: 'is-unplanned', hint: '没有对应计划项的演练' },
};

export function todayStr(): string {
  return dayjs().format('YYYY-MM-DD');
}

export function yearOptions(around = dayjs().year()) {
  return Array.from({ length: 7 }, (_, i) => around + 1 - i).map((y) => ({ value: y, label: `${y} 年` }));
}

export const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1} 月` }));

/** Emergency plans that can be drilled (not archived), as select options with their type. */
export function usePlanOptions() {
  const q = useApi('emergencyPlan.list', { includeArchived: false, search: null }, { staleTime: 30_000 });
  const plans = q.data ?? [];
  const options = plans.map((p) => ({
    value: p.id,
    label: `${p.code} ${p.name}`,
    planType: p.planType,
    inForce: !!p.current,
  }));
  return { q, plans, options };
}

export function PlanOptionLabel({ label, planType, inForce }: { label: string; planType: PlanType; inForce: boolean }) {
  return (
    <span>
      <PlanTypeTag type={planType} short />
      {label}
      {!inForce && (
        <Tooltip title="该预案还没有发布的现行版本">
          <Tag style={{ marginInlineStart: 6 }}>未发布</Tag>
        </Tooltip>
      )}
    </span>
  );
}

export const drillLink = (id: string) => `/drills?id=${encodeURIComponent(id)}`;
export const hazardLink = (id: string) => `/hazards?id=${encodeURIComponent(id)}`;
export const planLink = (id: string) => `/emergency/plans?id=${encodeURIComponent(id)}`;

export const money = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** "" and whitespace become null (the contract accepts null for optional text). */
export const blank = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);
