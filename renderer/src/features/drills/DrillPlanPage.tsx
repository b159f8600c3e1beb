import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Popconfirm, Segmented, Select, Space, Table, Tooltip, Typography } from 'antd';
import { CalendarOutlined, DeleteOutlined, EditOutlined, FilePdfOutlined, FlagOutlined, PlusOutlined, SafetyCertificateOutlined, StopOutlined, UnorderedListOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import type { DrillPlanItem, DrillYearPlan } from '../../../../preload/contract/drills.ts';
import { errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { printLink } from '../print/queue.ts';
import { CompliancePanel, Shortfalls } from './CompliancePanel.tsx';
import { DrillCalendar } from './DrillCalendar.tsx';
import { DrillDrawer } from './DrillDrawer.tsx';
import { ApproveModal, CancelItemModal, PlanItemModal } from './PlanItemModal.tsx';
import { ItemStateTag, PlanTypeTag, drillKind, drillLink, money, yearOptions, type CalendarEntry } from './drillMeta.tsx';

/**
 * 年度应急演练计划: the items (which plan, scenario, type, month, organiser,
 * participants, budget) with how each stands, the frequency compliance, the
 * calendar and the plan's signature block. A drill is registered from its item;
 * `?drill=` opens a drill record here.
 */
export function DrillPlanPage() {
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [params, update] = useSearchState();
  const thisYear = dayjs().year();
  const year = Number(params.get('year')) || thisYear;
  const view = params.get('view') === 'calendar' ? 'calendar' : 'table';
  const drillOpen = params.get('drill');
  const fromItem = params.get('item');
  const plan = useApi('drillPlan.get', { year }, { placeholderData: (prev) => (prev?.year === year ? prev : undefined) });
  const compliance = useApi('drill.compliance', { year });
  const calendar = useApi('drill.calendar', { year }, { enabled: view === 'calendar' });
  const remove = useApiMutation('drillPlan.removeItem');
  const [editing, setEditing] = useState<DrillPlanItem | 'new' | null>(null);
  const [cancelling, setCancelling] = useState<DrillPlanItem | null>(null);
  const [approving, setApproving] = useState(false);

  const p = plan.data;
  const items = p?.items ?? [];
  const openItem = items.find((i) => i.id === fromItem) ?? null;

  const openEntry = (e: CalendarEntry) => {
    if (e.drillId) update({ drill: e.drillId, item: null });
    else if (e.itemId) {
      const it = items.find((i) => i.id === e.itemId);
      if (it) setEditing(it);
    }
  };

  const doRemove = (it: DrillPlanItem) =>
    remove.mutate(
      { id: it.id },
      {
        onSuccess: () => void message.success(`已删除计划项「${it.scenario}」`),
        onError: (e) => void message.error(errorMessage(e)),
      },
    );

  return (
    <div className="sl-page" data-testid="drill-plan-page">
      <PageHeader
        title="年度应急演练计划"
        description="每年至少组织一次综合或专项应急预案演练、每半年至少一次现场处置方案演练（《生产安全事故应急预案管理办法》第三十三条）；计划由主要负责人批准，演练完成后在计划项上登记。"
        extra={
          <Space>
            <Select style={{ width: 110 }} value={year} onChange={(v: number) => update({ year: v === thisYear ? null : String(v) })} options={yearOptions(thisYear)} data-testid="drill-plan-year" />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="drill-item-new">
              新增计划项
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('drillPlan', { year: String(year) }))} data-testid="drill-plan-print">
              打印演练计划
            </Button>
          </Space>
        }
      />
      {plan.isError && <Alert type="error" showIcon title={plan.error.message} style={{ marginBottom: 12 }} />}
      <Shortfalls items={compliance.data?.shortfalls ?? []} />
      <CompliancePanel data={compliance.data} loading={compliance.isPending} error={compliance.isError ? compliance.error.message : null} />

      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={
          <Space size={12}>
            <span>{year} 年演练计划</span>
            {p && (
              <span className="sl-muted" style={{ fontWeight: 400, fontSize: 13 }}>
                共 {items.length} 项，已演练 {items.filter((i) => i.state === 'DONE' || i.state === 'LATE').length} 项
              </span>
            )}
          </Space>
        }
        extra={
          <Segmented
            value={view}
            onChange={(v) => update({ view: v === 'calendar' ? 'calendar' : null })}
            options={[
              { value: 'table', label: '计划表', icon: <UnorderedListOutlined /> },
              { value: 'calendar', label: '日历', icon: <CalendarOutlined /> },
            ]}
            data-testid="drill-plan-view"
          />
        }
      >
        {view === 'calendar' ? (
          calendar.isError ? (
            <Alert type="error" showIcon title={calendar.error.message} />
          ) : (
            <DrillCalendar year={year} entries={calendar.data ?? []} onOpen={openEntry} />
          )
        ) : (
          <ItemsTable
            plan={p}
            loading={plan.isFetching && !p}
            onEdit={setEditing}
            onCancel={setCancelling}
            onRemove={doRemove}
            onRegister={(it) => update({ drill: 'new', item: it.id })}
            onOpenDrill={(id) => update({ drill: id, item: null })}
            onNew={() => setEditing('new')}
          />
        )}
        {p && <SignatureBlock plan={p} onApprove={() => setApproving(true)} />}
      </Card>

      {editing && <PlanItemModal year={year} item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => undefined} />}
      {cancelling && <CancelItemModal item={cancelling} onClose={() => setCancelling(null)} />}
      {approving && p && <ApproveModal plan={p} onClose={() => setApproving(false)} />}
      {drillOpen && (drillOpen !== 'new' || !fromItem || openItem || !!p) && (
        <DrillDrawer id={drillOpen} fromItem={drillOpen === 'new' ? openItem : null} onClose={() => update({ drill: null, item: null })} onCreated={(id) => update({ drill: id, item: null })} />
      )}
    </div>
  );
}

function ItemsTable({
  plan,
  loading,
  onEdit,
  onCancel,
  onRemove,
  onRegister,
  onOpenDrill,
  onNew,
}: {
  plan: DrillYearPlan | undefined;
  loading: boolean;
  onEdit: (it: DrillPlanItem) => void;
  onCancel: (it: DrillPlanItem) => void;
  onRemove: (it: DrillPlanItem) => void;
  onRegister: (it: DrillPlanItem) => void;
  onOpenDrill: (id: string) => void;
  onNew: () => void;
}) {
  return (
    <Table<DrillPlanItem>
      size="small"
      rowKey="id"
      bordered
      loading={loading}
      dataSource={plan?.items ?? []}
      pagination={false}
      scroll={{ x: 1060 }}
      data-testid="drill-item-table"
      rowClassName={(r) => (r.state === 'CANCELLED' ? 'sl-drill-row-cancelled' : r.state === 'MISSED' ? 'sl-drill-row-missed' : '')}
      locale={{
        emptyText: (
          <div style={{ padding: 16 }}>
            <Typography.Paragraph>本年度还没有演练计划项。按预案逐项安排：每个综合或专项预案每年至少演练一次，现场处置方案每半年至少演练一次。</Typography.Paragraph>
            <Button type="primary" icon={<PlusOutlined />} onClick={onNew}>
              新增计划项
            </Button>
          </div>
        ),
      }}
      columns={[
        { title: '计划月份', dataIndex: 'plannedMonth', width: 72, align: 'center', render: (m: number) => <b>{m} 月</b> },
        {
          title: '演练的预案',
          key: 'plan',
          width: 200,
          render: (_, r) => (
            <div>
              <PlanTypeTag type={r.planType} short />
              <span>
                {r.planCode} {r.planName}
              </span>
            </div>
          ),
        },
        {
          title: '演练情景',
          dataIndex: 'scenario',
          width: 200,
          render: (v: string, r) => (
            <div>
              {v}
              {r.cancelledReason && (
                <div className="sl-muted" style={{ fontSize: 12 }}>
                  取消原因：{r.cancelledReason}
                </div>
              )}
              {r.notes && !r.cancelledReason && (
                <div className="sl-muted" style={{ fontSize: 12 }}>
                  {r.notes}
                </div>
              )}
            </div>
          ),
        },
        { title: '内容 · 形式', key: 'kind', width: 92, render: (_, r) => drillKind(r.scope, r.form) },
        {
          title: '组织部门 / 参演',
          key: 'org',
          width: 190,
          render: (_, r) => (
            <div>
              {r.organiserUnitName}
              <div className="sl-muted" style={{ fontSize: 12 }}>
                {r.participants}
              </div>
            </div>
          ),
        },
        { title: '预算（元）', dataIndex: 'budget', width: 88, align: 'right', render: (v: number | null) => (v === null ? <span className="sl-muted">—</span> : money(v)) },
        {
          title: '状态 / 演练记录',
          key: 'state',
          width: 140,
          render: (_, r) => (
            <div>
              <ItemStateTag state={r.state} testId={`drill-item-state-${r.id}`} />
              {r.drillId ? (
                <div style={{ marginTop: 2 }}>
                  <Link
                    to={drillLink(r.drillId)}
                    onClick={(e) => {
                      e.preventDefault();
                      onOpenDrill(r.drillId!);
                    }}
                    data-testid={`drill-item-record-${r.id}`}
                  >
                    {r.drillCode}
                  </Link>
                  <span className="sl-muted" style={{ fontSize: 12, marginInlineStart: 6 }}>
                    {r.drillDate?.slice(5)}
                  </span>
                </div>
              ) : r.state === 'CANCELLED' ? null : (
                <div style={{ marginTop: 4 }}>
                  <Button size="small" type={r.state === 'DUE' || r.state === 'MISSED' ? 'primary' : 'default'} icon={<FlagOutlined />} onClick={() => onRegister(r)} data-testid={`drill-item-register-${r.id}`}>
                    登记演练
                  </Button>
                </div>
              )}
            </div>
          ),
        },
        {
          title: '操作',
          key: 'ops',
          width: 96,
          render: (_, r) => (
            <Space size={0}>
              <Tooltip title="修改">
                <Button size="small" type="text" icon={<EditOutlined />} onClick={() => onEdit(r)} aria-label="修改计划项" data-testid={`drill-item-edit-${r.id}`} />
              </Tooltip>
              {!r.drillId && r.state !== 'CANCELLED' && (
                <Tooltip title="取消（须说明原因）">
                  <Button size="small" type="text" icon={<StopOutlined />} onClick={() => onCancel(r)} aria-label="取消计划项" data-testid={`drill-item-cancel-${r.id}`} />
                </Tooltip>
              )}
              {!r.drillId && (
                <Popconfirm title="删除这个计划项？" description="删除后不保留记录；计划调整一般用「修改」或「取消」。" okText="删除" okButtonProps={{ danger: true }} cancelText="保留" onConfirm={() => onRemove(r)}>
                  <Tooltip title="删除">
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="删除计划项" data-testid={`drill-item-remove-${r.id}`} />
                  </Tooltip>
                </Popconfirm>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** 编制 / 批准 as on the paper plan, with the budget total. */
function SignatureBlock({ plan, onApprove }: { plan: DrillYearPlan; onApprove: () => void }) {
  const approved = !!plan.approvedOn;
  return (
    <div className="sl-drill-sign" data-testid="drill-plan-sign">
      <div>
        <span className="sl-muted">预算合计</span>
        <b data-testid="drill-plan-budget">{money(plan.budgetTotal)} 元</b>
        <span className="sl-muted" style={{ fontSize: 12 }}>
          （不含已取消项）
        </span>
      </div>
      <div>
        <span className="sl-muted">编制人</span>
        <b>{plan.compiledBy ?? '—'}</b>
      </div>
      <div>
        <span className="sl-muted">批准人（主要负责人）</span>
        {approved ? <b data-testid="drill-plan-approver">{plan.approvedByName}</b> : <Typography.Text type="warning">未批准</Typography.Text>}
      </div>
      <div>
        <span className="sl-muted">批准日期</span>
        <b>{plan.approvedOn ?? '—'}</b>
      </div>
      <Button size="small" icon={approved ? <EditOutlined /> : <SafetyCertificateOutlined />} type={approved ? 'default' : 'primary'} ghost={!approved} onClick={onApprove} data-testid="drill-plan-approve">
        {approved ? '修改编制和批准' : '登记编制和批准'}
      </Button>
    </div>
  );
}
