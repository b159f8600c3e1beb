import { useEffect, useState } from 'react';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CalendarOutlined, CheckCircleFilled, ClearOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import type { DrillRow } from '../../../../preload/contract/drills.ts';
import { useApi } from '../../lib/api.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DrillDrawer } from './DrillDrawer.tsx';
import { PlanTypeTag, drillKind, usePlanOptions, yearOptions } from './drillMeta.tsx';

function Done({ ok, label, testId }: { ok: boolean; label: string; testId?: string }) {
  return ok ? (
    <span className="sl-drill-done" data-testid={testId} data-done="yes">
      <CheckCircleFilled style={{ color: '#389e0d' }} /> {label}
    </span>
  ) : (
    <span className="sl-drill-notdone" data-testid={testId} data-done="no">
      <MinusCircleOutlined /> 未{label.replace('已', '')}
    </span>
  );
}

/**
 * 演练记录: every drill with its plan, type, sign-in, evaluation, summary,
 * problems still to follow up and (for high-risk industries) its report to the
 * regulator. `?id=` opens a drill (other pages link here), `?id=new` registers one.
 */
export function DrillsPage() {
  const navigate = useNavigate();
  const [params, update] = useSearchState();
  const thisYear = dayjs().year();
  const yearParam = params.get('year');
  const year = yearParam === 'all' ? undefined : Number(yearParam) || thisYear;
  const planId = params.get('planId');
  const search = params.get('q');
  const open = params.get('id');
  const itemId = params.get('item');
  const [searchText, setSearchText] = useState(search ?? '');
  useEffect(() => {
    setSearchText(search ?? '');
  }, [search]);
  const { options: planOptions } = usePlanOptions();
  const list = useApi('drill.list', { year, planId, search }, { placeholderData: (prev) => prev });
  const itemYear = useApi('drillPlan.get', { year: year ?? thisYear }, { enabled: !!itemId });
  const fromItem = itemId ? (itemYear.data?.items.find((i) => i.id === itemId) ?? null) : null;
  const rows = list.data ?? [];
  const anyReport = rows.some((r) => r.needsReport);
  const filtered = !!(planId || search || yearParam);

  return (
    <div className="sl-page" data-testid="drills-page">
      <PageHeader
        title="应急演练记录"
        description="登记已完成的演练：签到、过程记录、照片视频，演练后评估、编写总结报告，发现的问题转为隐患或预案修订事项。尚未进行的演练请列入年度演练计划。"
        extra={
          <Space>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => update({ id: 'new', item: null })} data-testid="drill-new">
              登记演练
            </Button>
            <Button icon={<CalendarOutlined />} onClick={() => navigate(year ? `/drills/plan?year=${year}` : '/drills/plan')}>
              年度演练计划
            </Button>
          </Space>
        }
      />
      <Card size="small">
        <div className="sl-toolbar">
          <Select
            style={{ width: 120 }}
            value={year ?? 'all'}
            onChange={(v: number | 'all') => update({ year: v === thisYear ? null : String(v) })}
            options={[{ value: 'all', label: '全部年份' }, ...yearOptions(thisYear)]}
            data-testid="drills-year"
          />
          <Select
            allowClear
            placeholder="全部预案"
            style={{ width: 280 }}
            value={planId ?? undefined}
            onChange={(v?: string) => update({ planId: v ?? null })}
            options={planOptions}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="drills-plan"
          />
          <Input.Search
            placeholder="编号、名称或情景"
            allowClear
            style={{ width: 220 }}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onSearch={(v) => update({ q: v.trim() || null })}
            data-testid="drills-search"
          />
          {filtered && (
            <Button type="link" icon={<ClearOutlined />} onClick={() => update({ planId: null, q: null, year: null })}>
              清除筛选
            </Button>
          )}
        </div>
        {list.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={list.error.message} />}
        <Table<DrillRow>
          size="small"
          rowKey="id"
          bordered
          loading={list.isFetching && !list.data}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 次演练` }}
          scroll={{ x: 1070 }}
          data-testid="drills-table"
          onRow={(r) => ({ onClick: () => update({ id: r.id, item: null }), style: { cursor: 'pointer' } })}
          locale={{
            emptyText:
              planId || search ? (
                '没有符合筛选条件的演练记录'
              ) : (
                <div style={{ padding: 16 }}>
                  <Typography.Paragraph>{year ? `${year} 年` : ''}还没有演练记录。演练完成后在这里登记，或在年度演练计划中从计划项登记。</Typography.Paragraph>
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => update({ id: 'new' })}>
                    登记演练
                  </Button>
                </div>
              ),
          }}
          columns={[
            {
              title: '编号 / 日期',
              key: 'code',
              width: 120,
              render: (_, r) => (
                <div data-testid={`drill-row-${r.code}`}>
                  <Typography.Text strong>{r.code}</Typography.Text>
                  <div className="sl-muted" style={{ fontSize: 12 }}>
                    {r.drillDate}
                  </div>
                </div>
              ),
            },
            {
              title: '演练名称',
              key: 'title',
              width: 210,
              render: (_, r) => (
                <div>
                  {r.title}
                  <div className="sl-muted" style={{ fontSize: 12 }}>
                    {r.place} · 总指挥 {r.commanderName}
                  </div>
                </div>
              ),
            },
            {
              title: '演练的预案',
              key: 'plan',
              width: 210,
              render: (_, r) => (
                <div>
                  <PlanTypeTag type={r.planType} short />
                  {r.planCode} {r.planName}
                  {!r.planItemId && (
                    <div>
                      <Tag>计划外</Tag>
                    </div>
                  )}
                </div>
              ),
            },
            { title: '内容 · 形式', key: 'kind', width: 100, render: (_, r) => drillKind(r.scope, r.form) },
            { title: '组织部门', dataIndex: 'organiserUnitName', width: 110 },
            {
              title: '签到',
              key: 'signed',
              width: 84,
              align: 'center',
              render: (_, r) =>
                r.participantCount === 0 ? (
                  <Typography.Text type="warning">无人员</Typography.Text>
                ) : (
                  <Tooltip title={`参演 ${r.participantCount} 人，已签到 ${r.signedCount} 人`}>
                    <Typography.Text type={r.signedCount < r.participantCount ? 'warning' : undefined}>
                      {r.signedCount} / {r.participantCount}
                    </Typography.Text>
                  </Tooltip>
                ),
            },
            {
              title: '评估 / 总结',
              key: 'eval',
              width: 110,
              render: (_, r) => (
                <div>
                  <Done ok={r.evaluated} label="已评估" testId={`drill-row-evaluated-${r.code}`} />
                  <div>
                    <Done ok={r.summarised} label="已总结" />
                  </div>
                </div>
              ),
            },
            {
              title: '问题',
              key: 'problems',
              width: 116,
              render: (_, r) =>
                r.problemCount === 0 ? (
                  <span className="sl-muted">—</span>
                ) : r.openProblemCount ? (
                  <Tag color="orange">{r.openProblemCount} 个待跟踪</Tag>
                ) : (
                  <Tooltip title="均已转为隐患或预案修订事项">
                    <span>
                      {r.problemCount} 个<span className="sl-muted">（已跟踪）</span>
                    </span>
                  </Tooltip>
                ),
            },
            ...(anyReport
              ? [
                  {
                    title: '报送监管部门',
                    key: 'report',
                    width: 120,
                    render: (_: unknown, r: DrillRow) =>
                      !r.needsReport ? <span className="sl-muted">—</span> : r.reportedOn ? <Tag color="green">{r.reportedOn} 已报送</Tag> : <Tag color="red">未报送</Tag>,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {open && (open !== 'new' || !itemId || fromItem || itemYear.isFetched) && (
        <DrillDrawer id={open} fromItem={open === 'new' ? fromItem : null} onClose={() => update({ id: null, item: null })} onCreated={(id) => update({ id, item: null })} />
      )}
    </div>
  );
}
