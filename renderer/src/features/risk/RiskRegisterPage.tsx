import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import { AppstoreAddOutlined, ClearOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { ACCIDENT_TYPES, ControlLevel, RISK_LEVEL_ORDER, RiskKind, RiskLevel, type AccidentType } from '../../../../preload/contract/enums.ts';
import type { RiskRow } from '../../../../preload/contract/risk.ts';
import { useApi } from '../../lib/api.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StaleBanner } from '../../components/StaleBanner.tsx';
import { UnitSelect } from '../../components/selects.tsx';
import { printLink } from '../print/queue.ts';
import { LevelSwatch, LevelTag, RiskStatusTag, methodScore, type RiskStatus } from './riskMeta.tsx';
import { RegisterLevelCards, type CardKey } from './RegisterLevelCards.tsx';
import { RiskDrawer, type RiskDrawerTab } from './RiskDrawer.tsx';
import { LibraryImportModal } from './LibraryImportModal.tsx';

const PAGE_SIZE = 50;

type StatusFilter = RiskStatus | 'CURRENT';
const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'CURRENT', label: '未归档' },
  { value: 'DRAFT', label: '待批准' },
  { value: 'ACTIVE', label: '已批准' },
  { value: 'ARCHIVED', label: '已归档' },
];

function oneOf<T extends string>(values: readonly T[], v: string | null): T | null {
  return v !== null && (values as readonly string[]).includes(v) ? (v as T) : null;
}

const TABS: readonly RiskDrawerTab[] = ['info', 'assess', 'history'];

/** 风险分级管控清单: the register of risk points with level cards, filters in the URL and the point drawer (?risk=<id> or ?risk=new). */
export function RiskRegisterPage() {
  const navigate = useNavigate();
  const [params, update] = useSearchState();
  const unitId = params.get('unitId');
  const level = oneOf(RiskLevel.values, params.get('level'));
  const kind = oneOf(RiskKind.values, params.get('kind'));
  const status: StatusFilter = oneOf(['DRAFT', 'ACTIVE', 'ARCHIVED'] as const, params.get('status')) ?? 'CURRENT';
  const accidentType = oneOf<AccidentType>(ACCIDENT_TYPES, params.get('accident'));
  const reviewOverdue = params.get('overdue') === '1';
  const search = params.get('q');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const open = params.get('risk');
  const tab = oneOf(TABS, params.get('tab')) ?? 'info';
  const [library, setLibrary] = useState(false);
  const [searchText, setSearchText] = useState(search ?? '');
  useEffect(() => setSearchText(search ?? ''), [search]);

  const list = useApi(
    'risk.list',
    { unitId, level, kind, status, accidentType, reviewOverdue: reviewOverdue || undefined, search, page, pageSize: PAGE_SIZE },
    { placeholderData: (prev) => prev },
  );
  const stats = useApi('risk.stats', { unitId }, { placeholderData: (prev) => prev });

  /** Changes filters and goes back to the first page. */
  const filter = (entries: Record<string, string | null>) => update({ ...entries, page: null });
  const filtered = !!(level || kind || status !== 'CURRENT' || accidentType || reviewOverdue || search);

  const active: CardKey[] = [];
  if (level) active.push(level);
  if (status === 'DRAFT') active.push('DRAFT');
  if (reviewOverdue) active.push('OVERDUE');
  if (!active.length && !filtered) active.push('ALL');

  const pick = (key: CardKey) => {
    if (key === 'ALL') filter({ level: null, status: null, overdue: null, kind: null, accident: null, q: null });
    else if (key === 'DRAFT') filter({ status: status === 'DRAFT' ? null : 'DRAFT', overdue: null });
    else if (key === 'OVERDUE') filter({ overdue: reviewOverdue ? null : '1', status: null });
    else filter({ level: level === key ? null : key });
  };

  return (
    <div className="sl-page" data-testid="risk-page">
      <PageHeader
        title="风险分级管控清单"
        description="辨识场所、设备设施和作业活动中的风险点，写明危险有害因素和可能导致的事故；用 LEC 或风险矩阵评价，按红橙黄蓝划分重大、较大、一般、低四级，落实工程技术、管理、培训、个体防护和应急措施并分级管控。批准后进入风险公告栏、岗位风险告知卡和两单两卡。"
        extra={
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => update({ risk: 'new', tab: null })} data-testid="risk-new">
              新增风险点
            </Button>
            <Button icon={<AppstoreAddOutlined />} onClick={() => setLibrary(true)} data-testid="risk-library">
              从典型风险点库建立
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('riskRegister', { unitId }))} data-testid="risk-print-register">
              打印清单
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('riskNoticeBoard'))} data-testid="risk-print-board">
              打印公告栏
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('postRiskCard', { unitId }))} data-testid="risk-print-cards">
              打印岗位告知卡
            </Button>
          </Space>
        }
      />
      <StaleBanner types={['riskRegister', 'riskNoticeBoard', 'postRiskCard', 'riskMap', 'postCards', 'postCardBoard']} what="风险相关文件" />
      <RegisterLevelCards stats={stats.data} active={active} onPick={pick} />
      <Card size="small">
        <div className="sl-toolbar">
          <UnitSelect value={unitId} onChange={(v) => filter({ unitId: v })} placeholder="全部单位" style={{ width: 220 }} />
          <Select<RiskLevel>
            allowClear
            placeholder="风险等级"
            style={{ width: 150 }}
            value={level ?? undefined}
            onChange={(v) => filter({ level: v ?? null })}
            options={RISK_LEVEL_ORDER.map((l) => ({
              value: l,
              label: (
                <span>
                  <LevelSwatch level={l} />
                  {RiskLevel.label[l]}
                </span>
              ),
            }))}
            data-testid="risk-filter-level"
          />
          <Select<RiskKind> allowClear placeholder="风险点类型" style={{ width: 140 }} value={kind ?? undefined} onChange={(v) => filter({ kind: v ?? null })} options={RiskKind.options} data-testid="risk-filter-kind" />
          <Select<StatusFilter> style={{ width: 120 }} value={status} onChange={(v) => filter({ status: v === 'CURRENT' ? null : v })} options={STATUS_OPTIONS} data-testid="risk-filter-status" />
          <Select<AccidentType>
            allowClear
            placeholder="可能导致的事故"
            style={{ width: 160 }}
            value={accidentType ?? undefined}
            onChange={(v) => filter({ accident: v ?? null })}
            showSearch={{ optionFilterProp: 'label' }}
            options={ACCIDENT_TYPES.map((a) => ({ value: a, label: a }))}
            data-testid="risk-filter-accident"
          />
          <Input.Search
            placeholder="编号、名称或位置"
            allowClear
            style={{ width: 200 }}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onSearch={(v) => filter({ q: v.trim() || null })}
            data-testid="risk-search"
          />
          <Checkbox checked={reviewOverdue} onChange={(e) => filter({ overdue: e.target.checked ? '1' : null })} data-testid="risk-filter-overdue">
            只看评审逾期
          </Checkbox>
          {filtered && (
            <Button type="link" icon={<ClearOutlined />} onClick={() => pick('ALL')}>
              清除筛选
            </Button>
          )}
        </div>
        {list.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={list.error.message} />}
        <Table<RiskRow>
          size="small"
          rowKey="id"
          loading={list.isFetching && !list.data}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1500 }}
          data-testid="risk-table"
          locale={{
            emptyText: filtered ? '没有符合筛选条件的风险点' : (
              <div style={{ padding: 16 }}>
                <Typography.Paragraph>还没有风险点。可以从本行业的典型风险点库一次建立，再按实际情况调整后批准。</Typography.Paragraph>
                <Space>
                  <Button type="primary" icon={<AppstoreAddOutlined />} onClick={() => setLibrary(true)}>
                    从典型风险点库建立
                  </Button>
                  <Button icon={<PlusOutlined />} onClick={() => update({ risk: 'new', tab: null })}>
                    新增风险点
                  </Button>
                </Space>
              </div>
            ),
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (t) => `共 ${t} 个风险点`,
            onChange: (p) => update({ page: p === 1 ? null : String(p) }),
          }}
          onRow={(r) => ({ onClick: () => update({ risk: r.id, tab: null }), style: { cursor: 'pointer' } })}
          columns={[
            { title: '编号', dataIndex: 'code', width: 90, fixed: 'left' },
            {
              title: '风险点',
              key: 'name',
              width: 190,
              fixed: 'left',
              render: (_, r) => (
                <div data-testid={`risk-row-${r.code}`}>
                  <Typography.Text strong>{r.name}</Typography.Text>
                  <div className="sl-muted" style={{ fontSize: 12 }}>
                    {RiskKind.label[r.kind]}
                  </div>
                </div>
              ),
            },
            {
              title: '单位 / 位置',
              key: 'unit',
              width: 170,
              render: (_, r) => (
                <div>
                  {r.unitName}
                  {r.location && (
                    <div className="sl-muted" style={{ fontSize: 12 }}>
                      {r.location}
                    </div>
                  )}
                </div>
              ),
            },
            { title: '风险等级', dataIndex: 'level', width: 100, render: (l: RiskRow['level']) => <LevelTag level={l} /> },
            { title: '评价', key: 'method', width: 130, render: (_, r) => methodScore(r.method, r.score) },
            {
              title: '可能导致的事故',
              dataIndex: 'accidentTypes',
              width: 180,
              ellipsis: { showTitle: false },
              render: (a: string[]) => (a.length ? <Tooltip title={a.join('、')}>{a.join('、')}</Tooltip> : '—'),
            },
            {
              title: '岗位',
              dataIndex: 'postNames',
              width: 160,
              ellipsis: { showTitle: false },
              render: (a: string[]) => (a.length ? <Tooltip title={a.join('、')}>{a.join('、')}</Tooltip> : <span className="sl-muted">未关联</span>),
            },
            {
              title: '措施数',
              dataIndex: 'measureCount',
              width: 72,
              align: 'center',
              render: (n: number) => (n ? n : <Typography.Text type="danger">0</Typography.Text>),
            },
            { title: '管控层级', dataIndex: 'controlLevel', width: 120, render: (c: ControlLevel) => ControlLevel.label[c] },
            { title: '责任人', dataIndex: 'respPersonName', width: 90, render: (v: string | null) => v ?? <span className="sl-muted">—</span> },
            {
              title: '下次评审',
              dataIndex: 'nextReviewOn',
              width: 120,
              render: (v: string | null, r) =>
                !v ? (
                  <span className="sl-muted">—</span>
                ) : r.reviewOverdue ? (
                  <Typography.Text type="danger" strong>
                    {v}（逾期）
                  </Typography.Text>
                ) : (
                  v
                ),
            },
            { title: '状态', dataIndex: 'status', width: 84, fixed: 'right', render: (s: RiskStatus) => <RiskStatusTag status={s} /> },
          ]}
        />
      </Card>
      {open && (
        <RiskDrawer
          id={open}
          tab={open === 'new' ? 'info' : tab}
          onTab={(t) => update({ tab: t === 'info' ? null : t })}
          onClose={() => update({ risk: null, tab: null })}
          onCreated={(id) => update({ risk: id, tab: 'assess' })}
          defaultUnitId={unitId}
        />
      )}
      {library && (
        <LibraryImportModal
          defaultUnitId={unitId}
          onClose={() => setLibrary(false)}
          onShowDrafts={() => {
            setLibrary(false);
            filter({ status: 'DRAFT', level: null, overdue: null, kind: null, accident: null, q: null });
          }}
        />
      )}
    </div>
  );
}
