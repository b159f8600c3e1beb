/** Shared bits of the risk pages: level and status tags (colour always with its text), labels and URL helpers. */
import { Tag } from 'antd';
import { RISK_COLORS, RiskLevel } from '../../../../preload/contract/enums.ts';
import type { RiskRow } from '../../../../preload/contract/risk.ts';
import './risk.css';

export type RiskStatus = RiskRow['status'];
export type RiskMethodCode = NonNullable<RiskRow['method']>;

/** Text that is readable on the level's colour (black on yellow, white on the others). */
export function levelInk(level: RiskLevel): string {
  return level === 'MEDIUM' ? '#3a3000' : '#fff';
}

/** "重大风险（红）". */
export function levelTitle(level: RiskLevel): string {
  return `${RiskLevel.label[level]}（${RISK_COLORS[level].name}）`;
}

/** The level as a solid coloured tag with its name; '未评价' in grey when there is no assessment yet. */
export function LevelTag({ level, suffix, testId }: { level: RiskLevel | null | undefined; suffix?: string; testId?: string }) {
  if (!level) {
    return (
      <Tag className="sl-risk-tag" data-testid={testId}>
        未评价
      </Tag>
    );
  }
  const c = RISK_COLORS[level];
  return (
    <Tag className="sl-risk-tag" style={{ background: c.hex, borderColor: c.hex, color: levelInk(level) }} data-testid={testId} data-level={level}>
      {RiskLevel.label[level]}
      {suffix}
    </Tag>
  );
}

/** A small coloured square beside a label (legends); never used without the label. */
export function LevelSwatch({ level }: { level: RiskLevel }) {
  return <span className="sl-risk-swatch" style={{ background: RISK_COLORS[level].hex }} aria-hidden />;
}

export const STATUS_LABEL: Record<RiskStatus, string> = { DRAFT: '待批准', ACTIVE: '已批准', ARCHIVED: '已归档' };
const STATUS_COLOR: Record<RiskStatus, string> = { DRAFT: 'orange', ACTIVE: 'green', ARCHIVED: 'default' };

export function RiskStatusTag({ status }: { status: RiskStatus }) {
  return <Tag color={STATUS_COLOR[status]}>{STATUS_LABEL[status]}</Tag>;
}

export const METHOD_SHORT: Record<RiskMethodCode, string> = { LEC: 'LEC', LS: '风险矩阵', DIRECT: '直接判定' };

/** "LEC D=126", "风险矩阵 R=16", "直接判定". */
export function methodScore(method: RiskMethodCode | null, score: number | null): string {
  if (!method) return '—';
  if (method === 'DIRECT' || score === null) return METHOD_SHORT[method];
  return `${METHOD_SHORT[method]} ${method === 'LEC' ? 'D' : 'R'}=${score}`;
}

/** A link into the register with filters (the keys the register keeps in its URL). */
export function registerLink(filters: { unitId?: string | null; level?: string | null; status?: string | null; overdue?: boolean; accident?: string | null; risk?: string | null; kind?: string | null }): string {
  const p = new URLSearchParams();
  if (filters.unitId) p.set('unitId', filters.unitId);
  if (filters.level) p.set('level', filters.level);
  if (filters.kind) p.set('kind', filters.kind);
  if (filters.status) p.set('status', filters.status);
  if (filters.overdue) p.set('overdue', '1');
  if (filters.accident) p.set('accident', filters.accident);
  if (filters.risk) p.set('risk', filters.risk);
  const s = p.toString();
  return s ? `/risks?${s}` : '/risks';
}
