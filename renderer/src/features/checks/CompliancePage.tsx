import { Alert, Card, Select, Table, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { OutputOf } from '../../../../preload/contract/index.ts';
import { useApi } from '../../lib/api.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/selects.tsx';
import { TierTag, percent, shareColors } from './checkMeta.tsx';

type Compliance = OutputOf<'checkCompliance.get'>;
type PlanRow = Compliance['plans'][number];
type Cell = PlanRow['total'];

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

function CellTip({ cell }: { cell: Cell }) {
  const pending = cell.due - cell.onTime - cell.late - cell.missed;
  return (
    <div>
      <div>应检 {cell.due} 期</div>
      <div>按期完成 {cell.onTime} 期</div>
      <div>补做 {cell.late} 期</div>
      <div>漏检 {cell.missed} 期</div>
      {pending > 0 && <div>未到截止日期 {pending} 期</div>}
    </div>
  );
}

/** The cell's colour goes on the td (onCell), so rows of any height are filled. */
function cellProps(cell: Cell | undefined): { className: string; style: React.CSSProperties } {
  const c = shareColors(cell && cell.due ? cell.share : null);
  return { className: 'sl-compliance-cell', style: { background: c.bg, color: c.ink } };
}

function ShareCell({ cell, testId }: { cell: Cell | undefined; testId?: string }) {
  if (!cell || cell.due === 0) {
    return (
      <span className="sl-compliance-cell-inner sl-muted" data-testid={testId}>
        —
      </span>
    );
  }
  return (
    <Tooltip title={<CellTip cell={cell} />}>
      <span className="sl-compliance-cell-inner" data-testid={testId}>
        {percent(cell.share)}
        {cell.missed > 0 && <span className="sl-compliance-missed">漏 {cell.missed}</span>}
      </span>
    </Tooltip>
  );
}

/** 检查执行率: per plan and month, the share of due periods checked by their due date. */
export function CompliancePage() {
  const [params, update] = useSearchState();
  const thisYear = dayjs().year();
  const year = Number(params.get('year')) || thisYear;
  const unitId = params.get('unitId');
  const q = useApi('checkCompliance.get', { year, unitId }, { placeholderData: (prev) => prev });
  const d = q.data;
  const settings = useApi('hazardSettings.get', {});
  const every = settings.data?.principalCheckMonths ?? 1;
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  // Months in which no plan had any check due (before the scheme started) are not held against the principal.
  const inUse = (m: number) => (d?.months.find((c) => c.month === m)?.due ?? 0) > 0;
  const missing = (d?.principalMissingMonths ?? []).filter(inUse);
  const notInUse = (d?.principalMissingMonths ?? []).filter((m) => !inUse(m));

  const totalCell = (rows: Cell[]): Cell => {
    const t = rows.reduce((a, c) => ({ month: 0, due: a.due + c.due, onTime: a.onTime + c.onTime, late: a.late + c.late, missed: a.missed + c.missed, share: null }), {
      month: 0,
      due: 0,
      onTime: 0,
      late: 0,
      missed: 0,
      share: null,
    } as Cell);
    return { ...t, share: t.due ? Math.round((t.onTime / t.due) * 1000) / 10 : null };
  };

  return (
    <div className="sl-page" data-testid="check-compliance-page">
      <PageHeader
        title="检查执行率"
        description="每个检查计划每月应检的期数中，在截止日期前完成检查的比例（按期率）。补做不计入按期完成；漏检标红。鼠标移到格子上查看应检、按期、补做、漏检的期数。"
        extra={
          <Select
            style={{ width: 120 }}
            value={year}
            onChange={(v) => update({ year: v === thisYear ? null : String(v) })}
            options={years.map((y) => ({ value: y, label: `${y} 年` }))}
            data-testid="check-compliance-year"
          />
        }
      />
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="check-compliance-principal"
          title={`${year} 年 ${missing.map((m) => `${m}月`).join('、')}没有主要负责人带队的检查记录`}
          description={`按要求，主要负责人应${every === 1 ? '每月' : `每 ${every} 个月`}至少亲自带队检查一次。请安排主要负责人带队的综合检查（检查计划中勾选「由主要负责人带队」）并如实登记。${
            notInUse.length ? `${notInUse.map((m) => `${m}月`).join('、')}尚无任何应检的检查计划，未列入。` : ''
          }`}
        />
      )}
      <Card size="small">
        <div className="sl-toolbar">
          <UnitSelect value={unitId} onChange={(v) => update({ unitId: v })} placeholder="全部单位" style={{ width: 240 }} />
          <div className="sl-compliance-legend">
            <span>
              <span className="sw" style={{ background: shareColors(100).bg }} />
              ≥95%
            </span>
            <span>
              <span className="sw" style={{ background: shareColors(85).bg }} />
              80%–95%
            </span>
            <span>
              <span className="sw" style={{ background: shareColors(70).bg }} />
              60%–80%
            </span>
            <span>
              <span className="sw" style={{ background: shareColors(10).bg }} />
              低于 60%
            </span>
            <span>
              <span className="sw" style={{ background: '#fafafa', border: '1px solid #e5e7eb' }} />
              — 当月无应检
            </span>
          </div>
        </div>
        {q.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={q.error.message} />}
        <Table<PlanRow>
          className="sl-compliance"
          size="small"
          bordered
          rowKey="planId"
          loading={q.isFetching && !d}
          dataSource={d?.plans ?? []}
          pagination={false}
          scroll={{ x: 1080 }}
          data-testid="check-compliance-table"
          locale={{ emptyText: `${year} 年没有执行中的检查计划` }}
          columns={[
            {
              title: '检查计划',
              key: 'plan',
              width: 210,
              fixed: 'left',
              render: (_, p) => (
                <div>
                  <Typography.Text strong>{p.planName}</Typography.Text>
                  <div style={{ marginTop: 2 }}>
                    <TierTag tier={p.tier} />
                    <span className="sl-muted" style={{ fontSize: 12 }}>
                      {p.unitName}
                    </span>
                  </div>
                </div>
              ),
            },
            ...MONTHS.map((m) => ({
              title: `${m}月`,
              key: `m${m}`,
              width: 66,
              align: 'center' as const,
              onCell: (p: PlanRow) => cellProps(p.months.find((c) => c.month === m)),
              render: (_: unknown, p: PlanRow) => <ShareCell cell={p.months.find((c) => c.month === m)} testId={`check-compliance-${p.planId}-${m}`} />,
            })),
            {
              title: '全年',
              key: 'total',
              width: 76,
              align: 'center' as const,
              fixed: 'right' as const,
              onCell: (p: PlanRow) => cellProps(p.total),
              render: (_: unknown, p: PlanRow) => <ShareCell cell={p.total} />,
            },
          ]}
          summary={() =>
            d && d.plans.length ? (
              <Table.Summary fixed>
                <Table.Summary.Row style={{ fontWeight: 600 }}>
                  <Table.Summary.Cell index={0}>合计（全部计划）</Table.Summary.Cell>
                  {MONTHS.map((m) => (
                    <Table.Summary.Cell index={m} key={m} {...cellProps(d.months.find((c) => c.month === m))}>
                      <ShareCell cell={d.months.find((c) => c.month === m)} testId={`check-compliance-total-${m}`} />
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={13} {...cellProps(totalCell(d.months))}>
                    <ShareCell cell={totalCell(d.months)} />
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              </Table.Summary>
            ) : null
          }
        />
      </Card>
    </div>
  );
}
