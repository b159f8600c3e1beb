/** Shared bits of the hazard pages: status, level and deadline tags (colour always with its text), settings and links. */
import { Tag, Tooltip, Typography } from 'antd';
import { HazardStatus } from '../../../../preload/contract/enums.ts';
import type { HazardRow } from '../../../../preload/contract/hazards.ts';
import { useApi } from '../../lib/api.ts';
import './hazards.css';

export type LedgerStatus = HazardStatus | 'OPEN' | 'OVERDUE' | 'DUE_SOON';

export const LEDGER_STATUS_LABEL: Record<LedgerStatus, string> = { OPEN: '未销号', ...HazardStatus.label, OVERDUE: '逾期', DUE_SOON: '临期' };
export const LEDGER_STATUS_ORDER: LedgerStatus[] = ['OPEN', 'PENDING', 'IN_PROGRESS', 'AWAITING_REVIEW', 'OVERDUE', 'DUE_SOON', 'CLOSED'];

const STATUS_COLOR: Record<HazardStatus, string> = { PENDING: 'orange', IN_PROGRESS: 'blue', AWAITING_REVIEW: 'purple', CLOSED: 'green' };

export function HazardStatusTag({ status, testId }: { status: HazardStatus; testId?: string }) {
  return (
    <Tag color={STATUS_COLOR[status]} data-testid={testId} data-status={status}>
      {HazardStatus.label[status]}
    </Tag>
  );
}

/** 重大 in solid red, any other level as a plain tag with its configured name. */
export function HazardLevelTag({ label, major }: { label: string; major: boolean }) {
  return major ? (
    <Tag color="red" variant="solid" className="sl-hazard-major-tag">
      {label}
    </Tag>
  ) : (
    <Tag>{label}</Tag>
  );
}

export const ESCALATION_LABEL = { UNIT_HEAD: '已上报部门负责人', PRINCIPAL: '已上报主要负责人' } as const;

export function EscalationTag({ to }: { to: HazardRow['escalatedTo'] }) {
  if (!to) return null;
  return <Tag color={to === 'PRINCIPAL' ? 'red' : 'volcano'}>{ESCALATION_LABEL[to]}</Tag>;
}

/** The deadline with how it stands: 逾期 N 天 in red with the escalation, 临期 in orange. */
export function DeadlineCell({ h, block }: { h: Pick<HazardRow, 'deadline' | 'overdue' | 'overdueDays' | 'dueSoon' | 'escalatedTo' | 'status' | 'extensionCount'>; block?: boolean }) {
  const ext = h.extensionCount > 0 ? <span className="sl-muted" style={{ fontSize: 12 }}>（已延期 {h.extensionCount} 次）</span> : null;
  if (h.status !== 'CLOSED' && h.overdue) {
    return (
      <div className={block ? undefined : 'sl-hazard-deadline'} data-testid="hazard-deadline" data-state="overdue">
        <Typography.Text type="danger" strong>
          {h.deadline}
        </Typography.Text>
        {ext}
        <div>
          <Tag color="red">逾期 {h.overdueDays} 天</Tag>
          <EscalationTag to={h.escalatedTo} />
        </div>
      </div>
    );
  }
  if (h.status !== 'CLOSED' && h.dueSoon) {
    return (
      <div data-testid="hazard-deadline" data-state="dueSoon">
        <Typography.Text style={{ color: '#d46b08' }} strong>
          {h.deadline}
        </Typography.Text>
        {ext}
        <div>
          <Tag color="orange">临期</Tag>
        </div>
      </div>
    );
  }
  return (
    <span data-testid="hazard-deadline">
      {h.deadline}
      {ext}
    </span>
  );
}

/** The hazard settings (levels, default deadline, extension limit); cached, they change rarely. */
export function useHazardSettings() {
  return useApi('hazardSettings.get', {}, { staleTime: 60_000 });
}

/** A label for a level code from the settings (falls back to the code). */
export function levelOptions(levels: { code: string; label: string; major: boolean }[] | undefined) {
  return (levels ?? []).map((l) => ({ value: l.code, label: l.major ? `${l.label}（重大）` : l.label }));
}

/** A link into the ledger with filters or one hazard opened. */
export function ledgerLink(filters: { id?: string | null; status?: LedgerStatus | null; level?: string | null; unitId?: string | null; source?: string | null; from?: string | null; to?: string | null }): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `/hazards?${s}` : '/hazards';
}

/** Text with a tooltip when it is cut short in a table cell. */
export function Clip({ text, lines = 2 }: { text: string | null | undefined; lines?: number }) {
  if (!text) return <span className="sl-muted">—</span>;
  return (
    <Tooltip title={text.length > 30 ? text : undefined}>
      <div className="sl-hazard-clip" style={{ WebkitLineClamp: lines }}>
        {text}
      </div>
    </Tooltip>
  );
}
