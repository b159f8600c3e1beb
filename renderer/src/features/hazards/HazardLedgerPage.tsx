import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import { BarChartOutlined, ClearOutlined, FileExcelOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { HazardKind, HazardScope, HazardSource, HazardStatus } from '../../../../preload/contract/enums.ts';
import type { HazardRow } from '../../../../preload/contract/hazards.ts';
import type { InputOf } from '../../../../preload/contract/index.ts';
import { errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/selects.tsx';
import { printLink } from '../print/queue.ts';
import { HazardDrawer } from './HazardDrawer.tsx';
import { Clip, DeadlineCell, HazardLevelTag, HazardStatusTag, LEDGER_STATUS_LABEL, LEDGER_STATUS_ORDER, levelOptions, useHazardSettings, type LedgerStatus } from './hazardMeta.tsx';

const PAGE_SIZE = 50;

function oneOf<T extends string>(values: readonly T[], v: string | null): T | null {
  return v !== null && (values as readonly string[]).includes(v) ? (v as T) : null;
}

const isDate = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);

/**
 * 隐患排查治理台账: every hazard of the period whatever its status, in the
 * columns of the paper ledger, with filters and the status counts. `?id=` opens
 * a hazard (other pages link here), `?id=new` registers one.
 */
export function HazardLedgerPage() {
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [params, update] = useSearchState();
  const settings = useHazardSettings();
  const from = isDate(params.get('from'));
  const to = isDate(params.get('to'));
  const unitId = params.get('unitId');
  const level = params.get('level');
  const status = oneOf<LedgerStatus>(LEDGER_STATUS_ORDER, params.get('status'));
  const source = oneOf(HazardSource.values, params.get('source'));
  const search = params.get('q');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const open = params.get('id');
  const [searchText, setSearchText] = useState(search ?? '');
  useEffect(() => setSearchText(search ?? ''), [search]);

  const filters: InputOf<'hazard.exportLedger'> = { from, to, unitId, level, status: status ?? undefined, source: source ?? undefined, search };
  const list = useApi('hazard.list', { ...filters, page, pageSize: PAGE_SIZE }, { placeholderData: (prev) => prev });
  const exportLedger = useApiMutation('hazard.exportLedger');

  const filter = (entries: Record<string, string | null>) => update({ ...entries, page: null });
  const filtered = !!(from || to || unitId || level || status || source || search);
  const counts = list.data?.counts ?? {};
  const statusTotal = HazardStatus.values.reduce((n, s) => n + (counts[s] ?? 0), 0);
  const count = (k: LedgerStatus | 'ALL'): number | null => {
    if (k === 'ALL') return counts.ALL ?? (list.data ? statusTotal : null);
    if (counts[k] !== undefined) return counts[k]!;
    if (k === 'OPEN' && list.data) return statusTotal - (counts.CLOSED ?? 0);
    return list.data ? 0 : null;
  };

  const doExport = () =>
    exportLedger.mutate(filters, {
      onSuccess: (r) => {
        if (r.cancelled) void message.info('已取消导出');
        else void message.success(`已导出 ${r.rows} 条隐患到 ${r.file}`, 6);
      },
      onError: (e) => void message.error(errorMessage(e)),
    });

  return (
    <div className="sl-page" data-testid="hazard-ledger-page">
      <PageHeader
        title="隐患排查治理台账"
        description="每条隐患按五落实整改，经整改人以外的人员复查验收合格后销号；台账列出期间内的全部隐患，无论状态。"
        extra={
          <Space>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => update({ id: 'new' })} data-testid="hazard-new">
              登记隐患
            </Button>
            <Button icon={<FileExcelOutlined />} loading={exportLedger.isPending} onClick={doExport} data-testid="hazard-export">
              导出 Excel
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('hazardLedger', { unitId, from, to, level, status }))} data-testid="hazard-print-ledger">
              打印台账
            </Button>
            <Button icon={<BarChartOutlined />} onClick={() => navigate('/hazards/stats')} data-testid="hazard-stats-link">
              统计
            </Button>
          </Space>
        }
      />
      <Card size="small">
        <div className="sl-hazard-chips" data-testid="hazard-status-chips">
          {(['ALL', ...LEDGER_STATUS_ORDER] as const).map((k) => {
            const active = k === 'ALL' ? !status : status === k;
            const n = count(k);
            return (
              <button
                type="button"
                key={k}
                className={`sl-hazard-chip${active ? ' is-active' : ''}${k === 'OVERDUE' && n ? ' is-danger' : ''}`}
                onClick={() => filter({ status: k === 'ALL' || status === k ? null : k })}
                data-testid={`hazard-chip-${k}`}
              >
                {k === 'ALL' ? '全部' : LEDGER_STATUS_LABEL[k]}
                <b>{n ?? '…'}</b>
              </button>
            );
          })}
        </div>
        <div className="sl-toolbar">
          <DatePicker.RangePicker
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            allowEmpty={[true, true]}
            placeholder={['发现日期起', '发现日期止']}
            onChange={(r) => filter({ from: r?.[0] ? r[0].format('YYYY-MM-DD') : null, to: r?.[1] ? r[1].format('YYYY-MM-DD') : null })}
            presets={[
              { label: '本月', value: [dayjs().startOf('month'), dayjs().endOf('month')] },
              { label: '本季度', value: [dayjs().month(Math.floor(dayjs().month() / 3) * 3).startOf('month'), dayjs().month(Math.floor(dayjs().month() / 3) * 3 + 2).endOf('month')] },
              { label: '今年', value: [dayjs().startOf('year'), dayjs().endOf('year')] },
              { label: '去年', value: [dayjs().subtract(1, 'year').startOf('year'), dayjs().subtract(1, 'year').endOf('year')] },
            ]}
            style={{ width: 250 }}
            data-testid="hazard-filter-dates"
          />
          <UnitSelect value={unitId} onChange={(v) => filter({ unitId: v })} placeholder="全部单位" style={{ width: 200 }} />
          <Select allowClear placeholder="隐患等级" style={{ width: 150 }} value={level ?? undefined} onChange={(v?: string) => filter({ level: v ?? null })} options={levelOptions(settings.data?.levels)} data-testid="hazard-filter-level" />
          <Select<LedgerStatus>
            allowClear
            placeholder="状态"
            style={{ width: 120 }}
            value={status ?? undefined}
            onChange={(v) => filter({ status: v ?? null })}
            options={LEDGER_STATUS_ORDER.map((s) => ({ value: s, label: LEDGER_STATUS_LABEL[s] }))}
            data-testid="hazard-filter-status"
          />
          <Select allowClear placeholder="来源" style={{ width: 170 }} value={source ?? undefined} onChange={(v?: string) => filter({ source: v ?? null })} options={HazardSource.options} data-testid="hazard-filter-source" />
          <Input.Search
            placeholder="编号、描述或部位"
            allowClear
            style={{ width: 220 }}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onSearch={(v) => filter({ q: v.trim() || null })}
            data-testid="hazard-search"
          />
          {filtered && (
            <Button type="link" icon={<ClearOutlined />} onClick={() => filter({ from: null, to: null, unitId: null, level: null, status: null, source: null, q: null })}>
              清除筛选
            </Button>
          )}
        </div>
        {list.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={list.error.message} />}
        <Table<HazardRow>
          size="small"
          rowKey="id"
          bordered
          loading={list.isFetching && !list.data}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1548 }}
          data-testid="hazard-table"
          rowClassName={(r) => (r.overdue && r.status !== 'CLOSED' ? 'sl-hazard-row-overdue' : '')}
          locale={{
            emptyText: filtered ? (
              '没有符合筛选条件的隐患'
            ) : (
              <div style={{ padding: 16 }}>
                <Typography.Paragraph>还没有隐患记录。日周月检查中的不合格项会自动生成隐患；其他来源发现的隐患在这里登记。</Typography.Paragraph>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => update({ id: 'new' })}>
                  登记隐患
                </Button>
              </div>
            ),
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (t) => `共 ${t} 条隐患`,
            onChange: (p) => update({ page: p === 1 ? null : String(p) }),
          }}
          onRow={(r) => ({ onClick: () => update({ id: r.id }), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: '编号 / 来源',
              key: 'code',
              width: 128,
              fixed: 'left',
              render: (_, r) => (
                <div data-testid={`hazard-row-${r.code}`}>
                  <Typography.Text strong>{r.code}</Typography.Text>
                  <div className="sl-muted" style={{ fontSize: 12 }}>
                    {HazardSource.label[r.source]}
                  </div>
                </div>
              ),
            },
            { title: '等级', key: 'level', width: 108, fixed: 'left', render: (_, r) => <HazardLevelTag label={r.levelLabel} major={r.major} /> },
            {
              title: '发现 / 排查人',
              key: 'found',
              width: 112,
              render: (_, r) => (
                <div>
                  {r.foundOn}
                  <div className="sl-muted" style={{ fontSize: 12 }}>
                    <Clip text={r.foundByName} lines={1} />
                  </div>
                </div>
              ),
            },
            {
              title: '部位 / 风险点',
              key: 'where',
              width: 150,
              render: (_, r) => (
                <div>
                  <div>{r.unitName}</div>
                  {(r.location || r.riskPointName) && (
                    <div className="sl-muted" style={{ fontSize: 12 }}>
                      {[r.location, r.riskPointName ? `${r.riskPointCode ?? ''} ${r.riskPointName}` : null].filter(Boolean).join(' · ')}
                    </div>
                  )}
                </div>
              ),
            },
            { title: '隐患描述', dataIndex: 'description', width: 250, render: (v: string) => <Clip text={v} lines={3} /> },
            {
              title: '类别',
              key: 'kind',
              width: 124,
              render: (_, r) => (
                <span>
                  {HazardKind.label[r.kind]}
                  <div className="sl-muted" style={{ fontSize: 12 }}>
                    {HazardScope.label[r.scope]}
                  </div>
                </span>
              ),
            },
            { title: '整改措施', dataIndex: 'measures', width: 210, render: (v: string | null) => (v ? <Clip text={v} lines={3} /> : <Typography.Text type="warning">未填写</Typography.Text>) },
            {
              title: '责任单位 / 责任人',
              key: 'resp',
              width: 124,
              render: (_, r) =>
                r.respUnitName || r.respPersonName ? (
                  <span>
                    {r.respUnitName ?? '—'}
                    <div>{r.respPersonName ?? <span className="sl-muted">未定责任人</span>}</div>
                  </span>
                ) : (
                  <Typography.Text type="warning">未落实</Typography.Text>
                ),
            },
            { title: '整改期限', key: 'deadline', width: 160, fixed: 'right', render: (_, r) => <DeadlineCell h={r} /> },
            { title: '状态', dataIndex: 'status', width: 78, fixed: 'right', render: (s: HazardRow['status']) => <HazardStatusTag status={s} /> },
            {
              title: '销号日期',
              key: 'closed',
              width: 104,
              fixed: 'right',
              render: (_, r) =>
                r.closedOn ? (
                  <span>
                    {r.closedOn}
                    {r.reinspectorName && <div className="sl-muted" style={{ fontSize: 12 }}>复查 {r.reinspectorName}</div>}
                  </span>
                ) : (
                  <span className="sl-muted">—</span>
                ),
            },
          ]}
        />
      </Card>
      {open && <HazardDrawer id={open} onClose={() => update({ id: null })} onCreated={(id) => update({ id })} />}
    </div>
  );
}
