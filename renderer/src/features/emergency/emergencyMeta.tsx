/** Shared bits of the emergency pages: type, version, filing and revision tags (colour always with its text), labels and links. */
import { Tag, Tooltip, Typography } from 'antd';
import { EmergencyPlanType, Industry, IndustrySector, PlanVersionStatus } from '../../../../preload/contract/enums.ts';
import type { EmergencyPlanRow, FilingState, PlanVersion } from '../../../../preload/contract/emergency.ts';
import { useApi } from '../../lib/api.ts';
import './emergency.css';

export type PlanType = EmergencyPlanRow['planType'];

/** Short names for tables: 综合 / 专项 / 现场处置方案. */
export const PLAN_TYPE_SHORT: Record<PlanType, string> = { COMPREHENSIVE: '综合预案', SPECIFIC: '专项预案', ONSITE: '现场处置方案' };

const TYPE_COLOR: Record<PlanType, string> = { COMPREHENSIVE: 'purple', SPECIFIC: 'cyan', ONSITE: 'geekblue' };

export function PlanTypeTag({ type, full }: { type: PlanType; full?: boolean }) {
  return <Tag color={TYPE_COLOR[type]}>{full ? EmergencyPlanType.label[type] : PLAN_TYPE_SHORT[type]}</Tag>;
}

const VERSION_COLOR: Record<PlanVersion['status'], string> = { DRAFT: 'gold', IN_FORCE: 'green', SUPERSEDED: 'default' };

export function VersionStatusTag({ status }: { status: PlanVersion['status'] }) {
  return (
    <Tag color={VERSION_COLOR[status]} data-status={status}>
      {PlanVersionStatus.label[status]}
    </Tag>
  );
}

/** 告知性备案 state: 已备案 / 逾期备案 / 待备案 剩 N 个工作日 / 备案逾期 N 个工作日. */
export function FilingTag({ filing, filedOn, testId }: { filing: FilingState | null; filedOn?: string | null; testId?: string }) {
  if (!filing) return <span className="sl-muted">—</span>;
  const common = { 'data-testid': testId, 'data-state': filing.state };
  switch (filing.state) {
    case 'FILED':
      return (
        <Tooltip title={`${filedOn ? `${filedOn} 备案，` : ''}期限 ${filing.dueOn}`}>
          <Tag color="green" {...common}>
            已备案
          </Tag>
        </Tooltip>
      );
    case 'FILED_LATE':
      return (
        <Tooltip title={`${filedOn ? `${filedOn} 备案，` : ''}晚于期限（${filing.dueOn}）${filing.workdays} 个工作日`}>
          <Tag color="orange" {...common}>
            逾期备案
          </Tag>
        </Tooltip>
      );
    case 'PENDING':
      return (
        <Tooltip title={`应于 ${filing.dueOn} 前向监管部门告知性备案`}>
          <Tag color="blue" {...common}>
            {filing.workdays > 0 ? `待备案 剩 ${filing.workdays} 个工作日` : '待备案 今日截止'}
          </Tag>
        </Tooltip>
      );
    case 'OVERDUE':
      return (
        <Tooltip title={`应于 ${filing.dueOn} 前备案，至今未登记备案`}>
          <Tag color="red" {...common}>
            备案逾期 {filing.workdays} 个工作日
          </Tag>
        </Tooltip>
      );
  }
}

export const REVISION_LABEL = { OK: '按期', DUE_SOON: '临近修订期', OVERDUE: '修订逾期', TRIGGERED: '待修订' } as const;

/** The next revision (评估) date with how it stands. */
export function RevisionCell({ revision, inline }: { revision: EmergencyPlanRow['revision']; inline?: boolean }) {
  if (!revision) return <span className="sl-muted">—</span>;
  const date = revision.dueOn ?? '—';
  const tag = (color: string, text: string) => (inline ? <Tag color={color} style={{ marginInlineStart: 6 }}>{text}</Tag> : <div><Tag color={color}>{text}</Tag></div>);
  switch (revision.state) {
    case 'OK':
      return <span data-state="OK">{date}</span>;
    case 'DUE_SOON':
      return (
        <span data-state="DUE_SOON">
          <Typography.Text style={{ color: '#d46b08' }}>{date}</Typography.Text>
          {tag('orange', REVISION_LABEL.DUE_SOON)}
        </span>
      );
    case 'OVERDUE':
      return (
        <span data-state="OVERDUE">
          <Typography.Text type="danger">{date}</Typography.Text>
          {tag('red', REVISION_LABEL.OVERDUE)}
        </span>
      );
    case 'TRIGGERED':
      return (
        <span data-state="TRIGGERED">
          {date}
          {tag('volcano', REVISION_LABEL.TRIGGERED)}
        </span>
      );
  }
}

/** Industry list entries (`CODE` or `SECTOR:CODE`) with their Chinese names. */
export const INDUSTRY_OPTIONS = [
  ...Industry.options.map((o) => ({ value: o.value as string, label: o.label })),
  ...IndustrySector.options.map((o) => ({ value: `SECTOR:${o.value}`, label: `工贸 · ${o.label}` })),
];

export function industryLabel(code: string): string {
  return INDUSTRY_OPTIONS.find((o) => o.value === code)?.label ?? code;
}

/** The emergency settings (filing days, revision period); cached, they change rarely. */
export function useEmergencySettings() {
  return useApi('emergencySettings.get', {}, { staleTime: 60_000 });
}

/** The next version number after the given one: V1.0 → V2.0, 2019版 → 2019版-2. */
export function nextVersionNo(current: string | null | undefined, count: number): string {
  const m = current ? /^(\D*)(\d+)(?:\.\d+)?$/.exec(current.trim()) : null;
  if (m) return `${m[1] || 'V'}${Number(m[2]) + 1}.0`;
  return `V${count + 1}.0`;
}

export const blank = (s: string | null | undefined): string | null => (s && s.trim() ? s.trim() : null);

export const drillLink = (id: string) => `/drills?id=${encodeURIComponent(id)}`;
export const planLink = (id: string) => `/emergency/plans?id=${encodeURIComponent(id)}`;
export const cardLink = (id: string) => `/emergency/cards?id=${encodeURIComponent(id)}`;
export const postCardsLink = (postId: string) => `/cards?post=${encodeURIComponent(postId)}`;
