import { Alert, App as AntApp, Button, Card, Dropdown, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, InboxOutlined, MoreOutlined, PauseCircleOutlined, PlayCircleOutlined, PlusOutlined, ScheduleOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { CheckFrequency, CheckTier } from '../../../../preload/contract/enums.ts';
import type { CheckPlanRow } from '../../../../preload/contract/checks.ts';
import { errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/selects.tsx';
import { PLAN_STATUS_LABEL, PlanStatusTag, TaskStateTag, TierTag, percent, periodKeyLabel, shareColors, type PlanStatus } from './checkMeta.tsx';
import { CheckPlanDrawer } from './CheckPlanDrawer.tsx';

type StatusFilter = PlanStatus | 'ALL';
const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'ACTIVE', label: '执行中' },
  { value: 'PAUSED', label: '已暂停' },
  { value: 'ARCHIVED', label: '已归档' },
  { value: 'ALL', label: '全部状态' },
];

/** 检查计划: 日周月 and other check plans with their current period, recent on-time share and missed count. */
export function CheckPlansPage() {
  const navigate = useNavigate();
  const { message, modal } = AntApp.useApp();
  const [params, update] = useSearchState();
  const statusParam = params.get('status');
  const status: StatusFilter = STATUS_OPTIONS.some((o) => o.value === statusParam) ? (statusParam as StatusFilter) : 'ACTIVE';
  const tierParam = params.get('tier');
  const tier = (CheckTier.values as readonly string[]).includes(tierParam ?? '') ? (tierParam as CheckTier) : undefined;
  const unitId = params.get('unitId');
  const open = params.get('plan');
  const list = useApi('checkPlan.list', { status, tier, unitId }, { placeholderData: (prev) => prev });
  const setStatus = useApiMutation('checkPlan.setStatus');
  const del = useApiMutation('checkPlan.delete');

  const changeStatus = (p: CheckPlanRow, next: PlanStatus) => {
    const run = () =>
      setStatus.mutateAsync({ id: p.id, status: next }).then(
        () => void message.success(`「${p.name}」已${next === 'ACTIVE' ? '启用' : next === 'PAUSED' ? '暂停' : '归档'}`),
        (e) => {
          void message.error(errorMessage(e));
        },
      );
    if (next === 'ACTIVE') return void run();
    modal.confirm({
      title: next === 'PAUSED' ? `暂停「${p.name}」？` : `归档「${p.name}」？`,
      content:
        next === 'PAUSED'
          ? '暂停期间不再生成检查任务，也不计漏检（如停产检修期间）。已有的检查记录和隐患不受影响，可随时启用。'
          : '归档后不再生成检查任务，计划从执行中列表移出；检查记录、隐患和执行率统计保留。',
      okText: next === 'PAUSED' ? '暂停' : '归档',
      cancelText: '取消',
      onOk: run,
    });
  };

  const remove = (p: CheckPlanRow) =>
    modal.confirm({
      title: `删除「${p.name}」？`,
      content: '只能删除还没有检查记录的计划（如误建的计划）。已经开始检查的计划请改为归档，以保留检查记录。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        del.mutateAsync({ id: p.id }).then(
          () => void message.success(`已删除「${p.name}」`),
          (e) => {
            void message.error(errorMessage(e));
          },
        ),
    });

  const filtered = status !== 'ACTIVE' || !!tier || !!unitId;
  const rows = list.data ?? [];

  return (
    <div className="sl-page" data-testid="check-plans-page">
      <PageHeader
        title="检查计划"
        description="按层级建立隐患排查计划：班组（岗位）日检查、车间（部门）周检查、公司月度综合检查（主要负责人或分管负责人带队），以及专项、季节性和节假日前后检查。检查表由范围内风险点的管控措施生成，可从检查项库和重大事故隐患判定标准补充。"
        extra={
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => update({ plan: 'new' })} data-testid="check-plan-new">
              新建检查计划
            </Button>
            <Button icon={<ScheduleOutlined />} onClick={() => navigate('/checks')}>
              排查任务
            </Button>
          </Space>
        }
      />
      <Card size="small">
        <div className="sl-toolbar">
          <Select<StatusFilter> style={{ width: 120 }} value={status} onChange={(v) => update({ status: v === 'ACTIVE' ? null : v })} options={STATUS_OPTIONS} data-testid="check-plan-filter-status" />
          <Select<CheckTier> allowClear placeholder="检查层级" style={{ width: 160 }} value={tier} onChange={(v) => update({ tier: v ?? null })} options={CheckTier.options} data-testid="check-plan-filter-tier" />
          <UnitSelect value={unitId} onChange={(v) => update({ unitId: v })} placeholder="全部单位" style={{ width: 220 }} />
        </div>
        {list.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={list.error.message} />}
        <Table<CheckPlanRow>
          size="small"
          rowKey="id"
          loading={list.isFetching && !list.data}
          dataSource={rows}
          scroll={{ x: 1100 }}
          data-testid="check-plan-table"
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false, showTotal: (t) => `共 ${t} 个计划` } : false}
          locale={{
            emptyText: filtered ? (
              '没有符合筛选条件的检查计划'
            ) : (
              <div style={{ padding: 16 }}>
                <Typography.Paragraph>还没有检查计划。建议先建立：各班组日检查、各车间周检查、公司月度综合检查。</Typography.Paragraph>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => update({ plan: 'new' })}>
                  新建检查计划
                </Button>
              </div>
            ),
          }}
          onRow={(p) => ({ onClick: () => update({ plan: p.id }), style: { cursor: 'pointer' }, 'data-testid': `check-plan-row-${p.name}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: '计划名称',
              key: 'name',
              width: 230,
              render: (_, p) => (
                <div>
                  <Typography.Text strong>{p.name}</Typography.Text>
                  <div className="sl-muted" style={{ fontSize: 12 }}>
                    {p.startsOn} 起{p.endsOn ? `，至 ${p.endsOn}` : ''}
                  </div>
                  {p.ledByPrincipal && (
                    <Tag color="purple" style={{ marginTop: 2 }}>
                      主要负责人带队
                    </Tag>
                  )}
                </div>
              ),
            },
            {
              title: '层级 / 频次',
              key: 'tier',
              width: 124,
              render: (_, p) => (
                <div>
                  <TierTag tier={p.tier} />
                  <div style={{ fontSize: 12, marginTop: 2 }}>
                    {CheckFrequency.label[p.frequency]}
                    {p.frequency === 'DAILY' && p.skipNonWorkdays && <span className="sl-muted">，节假日不检查</span>}
                  </div>
                </div>
              ),
            },
            {
              title: '负责单位 / 负责人',
              key: 'unit',
              width: 140,
              render: (_, p) => (
                <div>
                  {p.unitName}
                  <div className="sl-muted" style={{ fontSize: 12 }}>
                    {p.responsiblePersonName}
                  </div>
                </div>
              ),
            },
            {
              title: '检查项',
              dataIndex: 'itemCount',
              width: 64,
              align: 'center',
              render: (n: number) => (n ? n : <Tooltip title="检查表还没有检查项，无法登记检查"><Typography.Text type="danger">0</Typography.Text></Tooltip>),
            },
            {
              title: '本期',
              key: 'current',
              width: 180,
              render: (_, p) =>
                p.current ? (
                  <div>
                    <TaskStateTag state={p.current.state} />
                    <div className="sl-muted" style={{ fontSize: 12 }}>
                      {periodKeyLabel(p.current.periodKey)}，截止 {p.current.dueOn}
                    </div>
                  </div>
                ) : (
                  <span className="sl-muted">{p.status === 'ACTIVE' ? '本期无任务' : PLAN_STATUS_LABEL[p.status]}</span>
                ),
            },
            {
              title: (
                <Tooltip title="近 90 天应检的各期中，在截止日期前完成检查的比例">
                  <span>近 90 天按期率</span>
                </Tooltip>
              ),
              dataIndex: 'recentCompliance',
              width: 108,
              align: 'center',
              render: (v: number | null) => {
                const c = shareColors(v);
                return (
                  <span style={{ display: 'inline-block', minWidth: 52, padding: '1px 6px', borderRadius: 4, background: c.bg, color: c.ink, fontVariantNumeric: 'tabular-nums' }}>{percent(v)}</span>
                );
              },
            },
            {
              title: '漏检',
              dataIndex: 'missedCount',
              width: 64,
              align: 'center',
              render: (n: number) => (n ? <Typography.Text type="danger" strong>{n}</Typography.Text> : 0),
            },
            { title: '状态', dataIndex: 'status', width: 76, render: (s: PlanStatus) => <PlanStatusTag status={s} /> },
            {
              title: '操作',
              key: 'actions',
              width: 120,
              fixed: 'right',
              render: (_, p) => (
                <Space size={4} onClick={(e) => e.stopPropagation()}>
                  {p.status === 'ACTIVE' ? (
                    <Button size="small" icon={<PauseCircleOutlined />} onClick={() => changeStatus(p, 'PAUSED')} data-testid={`check-plan-pause-${p.id}`}>
                      暂停
                    </Button>
                  ) : (
                    <Button size="small" icon={<PlayCircleOutlined />} onClick={() => changeStatus(p, 'ACTIVE')} data-testid={`check-plan-activate-${p.id}`}>
                      启用
                    </Button>
                  )}
                  <Dropdown
                    trigger={['click']}
                    menu={{
                      items: [
                        { key: 'edit', icon: <EditOutlined />, label: '编辑' },
                        ...(p.status !== 'ARCHIVED' ? [{ key: 'archive', icon: <InboxOutlined />, label: '归档' }] : []),
                        { key: 'delete', icon: <DeleteOutlined />, label: '删除', danger: true },
                      ],
                      onClick: ({ key, domEvent }) => {
                        domEvent.stopPropagation();
                        if (key === 'edit') update({ plan: p.id });
                        else if (key === 'archive') changeStatus(p, 'ARCHIVED');
                        else remove(p);
                      },
                    }}
                  >
                    <Button size="small" icon={<MoreOutlined />} aria-label="更多操作" data-testid={`check-plan-more-${p.id}`} />
                  </Dropdown>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {open && <CheckPlanDrawer key={open} id={open} onClose={() => update({ plan: null })} onCreated={(id) => update({ plan: id })} defaultUnitId={unitId} />}
    </div>
  );
}
