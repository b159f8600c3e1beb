import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Input, Space, Table, Tabs, Tooltip, Typography } from 'antd';
import { ContainerOutlined, EditOutlined, EyeOutlined, PrinterOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { CheckTaskRow } from '../../../../preload/contract/checks.ts';
import { invoke, ApiError, errorMessage, useApi } from '../../lib/api.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/selects.tsx';
import { printLink } from '../print/queue.ts';
import { TaskStateTag, TierTag } from './checkMeta.tsx';
import { CheckRecordDrawer } from './CheckRecordDrawer.tsx';

type TabKey = 'today' | 'week' | 'month' | 'missed';
const TAB_KEYS: readonly TabKey[] = ['today', 'week', 'month', 'missed'];

/**
 * 排查任务: what is due today, this week and this month, and what was missed.
 * A task opens its record entry (?task=<id>) or, when done, its record (?record=<id>).
 * A paper sheet's QR code (the task code) opens its entry directly.
 */
export function CheckBoardPage() {
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [params, update] = useSearchState();
  const unitId = params.get('unitId');
  const tabParam = params.get('tab');
  const openTask = params.get('task');
  const openRecord = params.get('record');
  const [code, setCode] = useState('');
  const [looking, setLooking] = useState(false);
  const board = useApi('checkTask.board', { unitId }, { placeholderData: (prev) => prev });
  const plans = useApi('checkPlan.list', { status: 'ACTIVE' });
  const b = board.data;

  const lists: Record<TabKey, CheckTaskRow[]> = {
    today: b?.dueToday ?? [],
    week: b?.dueThisWeek ?? [],
    month: b?.dueThisMonth ?? [],
    missed: b?.missed ?? [],
  };
  const tab: TabKey = TAB_KEYS.includes(tabParam as TabKey) ? (tabParam as TabKey) : 'today';

  const open = (t: CheckTaskRow) => {
    if (t.recordId) update({ record: t.recordId, task: null });
    else update({ task: t.id, record: null });
  };

  const lookUp = async (raw: string) => {
    const v = raw.trim();
    if (!v) {
      void message.warning('请扫描或输入检查表上的任务码');
      return;
    }
    setLooking(true);
    try {
      const t = await invoke('checkTask.get', { id: v });
      setCode('');
      if (t.recordId) {
        void message.info(`「${t.planName}」${t.periodLabel} 已登记过检查记录，打开查看`);
        update({ record: t.recordId, task: null });
      } else update({ task: t.id, record: null });
    } catch (err) {
      void message.error(err instanceof ApiError && err.code === 'NOT_FOUND' ? `没有找到任务码为「${v}」的检查任务，请核对检查表右上角的任务码` : errorMessage(err));
    } finally {
      setLooking(false);
    }
  };

  const noPlans = plans.data && plans.data.length === 0;

  const stat = (key: TabKey, name: string, value: number, note: string, color: string, ink?: string) => (
    <Card
      key={key}
      size="small"
      className={`sl-check-stat${tab === key ? ' is-active' : ''}`}
      style={{ borderLeftColor: color }}
      onClick={() => update({ tab: key === 'today' ? null : key })}
      role="button"
      aria-pressed={tab === key}
      data-testid={`check-stat-${key}`}
    >
      <div className="sl-check-stat-name">{name}</div>
      <div className="sl-check-stat-count" style={ink ? { color: ink } : undefined}>
        {value}
      </div>
      <div className="sl-check-stat-note">{note}</div>
    </Card>
  );

  return (
    <div className="sl-page" data-testid="check-board">
      <PageHeader
        title="排查任务"
        description="按检查计划自动生成每一期的检查任务：日检查每班（或每个工作日）、周检查每周、月检查每月。到截止日期仍未检查的记为漏检，补做后漏检标记仍保留在记录和执行率中。"
        extra={
          <Space wrap>
            <Button icon={<ContainerOutlined />} onClick={() => navigate('/checks/plans')}>
              检查计划
            </Button>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap align="center" size={[12, 8]}>
          <Typography.Text strong>
            <QrcodeOutlined /> 录入纸质检查表
          </Typography.Text>
          <Input.Search
            style={{ width: 380 }}
            placeholder="用扫码枪扫描检查表上的二维码，或输入任务码"
            enterButton="打开录入"
            value={code}
            loading={looking}
            onChange={(e) => setCode(e.target.value)}
            onSearch={(v) => void lookUp(v)}
            data-testid="check-sheet-code"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            现场用打印的空白检查表逐项打勾，回来后扫码按序号快速录入；不合格项自动登记为隐患。
          </Typography.Text>
        </Space>
      </Card>
      {noPlans && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="还没有执行中的检查计划"
          description="先建立班组日检查、车间周检查和公司月检查计划；检查表可由风险点的管控措施生成。建立后这里自动列出每一期的检查任务。"
          action={
            <Button type="primary" onClick={() => navigate('/checks/plans?plan=new')} data-testid="check-board-new-plan">
              新建检查计划
            </Button>
          }
        />
      )}
      <div className="sl-stat-grid" style={{ marginBottom: 16 }}>
        {stat('today', '今日应检', lists.today.length, b ? `今日已登记检查 ${b.doneToday} 次` : '—', '#1f5eb8')}
        {stat('week', '本周内到期', lists.week.length, '本周日前须完成的检查', '#13a8a8')}
        {stat('month', '本月及以后到期', lists.month.length, '下周起到期，含跨月的专项、季节性检查', '#2f54eb')}
        {stat('missed', '漏检（近 31 天未补做）', lists.missed.length, lists.missed.length ? '请尽快补做并查明原因' : '没有漏检', '#cf1322', lists.missed.length ? '#cf1322' : undefined)}
      </div>
      <Card size="small">
        <div className="sl-toolbar">
          <UnitSelect value={unitId} onChange={(v) => update({ unitId: v })} placeholder="全部单位" style={{ width: 240 }} />
          {b && <Typography.Text type="secondary">今天是 {b.today}；已完成的检查不再列出，</Typography.Text>}
          {b && (
            <Button type="link" style={{ paddingInline: 0 }} onClick={() => navigate(`/checks/records?from=${b.today}&to=${b.today}`)}>
              查看今日检查记录
            </Button>
          )}
        </div>
        {board.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={board.error.message} />}
        <Tabs
          activeKey={tab}
          onChange={(k) => update({ tab: k === 'today' ? null : k })}
          items={[
            { key: 'today', label: `今日应检（${lists.today.length}）` },
            { key: 'week', label: `本周内到期（${lists.week.length}）` },
            { key: 'month', label: `本月及以后到期（${lists.month.length}）` },
            {
              key: 'missed',
              label: <span style={lists.missed.length ? { color: '#cf1322' } : undefined}>漏检（{lists.missed.length}）</span>,
            },
          ]}
          data-testid="check-board-tabs"
        />
        <TaskTable
          tasks={lists[tab]}
          loading={board.isFetching && !b}
          empty={
            tab === 'missed'
              ? '近 31 天没有未补做的漏检'
              : tab === 'today'
                ? '今天没有应做的检查'
                : tab === 'week'
                  ? '本周内没有其他到期的检查'
                  : '本月内没有其他到期的检查'
          }
          onOpen={open}
          onPrint={(t) => navigate(printLink('checkSheet', { recordId: t.id }))}
        />
      </Card>
      {(openTask || openRecord) && <CheckRecordDrawer key={openRecord ?? openTask} taskId={openTask} recordId={openRecord} onClose={() => update({ task: null, record: null })} />}
    </div>
  );
}

function TaskTable({
  tasks,
  loading,
  empty,
  onOpen,
  onPrint,
}: {
  tasks: CheckTaskRow[];
  loading: boolean;
  empty: string;
  onOpen: (t: CheckTaskRow) => void;
  onPrint: (t: CheckTaskRow) => void;
}) {
  return (
    <Table<CheckTaskRow>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={tasks}
      pagination={tasks.length > 50 ? { pageSize: 50, showSizeChanger: false, showTotal: (t) => `共 ${t} 项` } : false}
      locale={{ emptyText: empty }}
      scroll={{ x: 1060 }}
      data-testid="check-task-table"
      rowClassName={(t) => (t.missed && !t.recordId ? 'sl-check-row-missed' : '')}
      onRow={(t) => ({ onClick: () => onOpen(t), style: { cursor: 'pointer' }, 'data-testid': `check-task-${t.id}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: '检查计划',
          key: 'plan',
          render: (_, t) => (
            <div>
              <Typography.Text strong>{t.planName}</Typography.Text>
              <div style={{ marginTop: 2 }}>
                <TierTag tier={t.tier} />
              </div>
            </div>
          ),
        },
        {
          title: '负责单位 / 负责人',
          key: 'unit',
          width: 150,
          render: (_, t) => (
            <div>
              {t.unitName}
              <div className="sl-muted" style={{ fontSize: 12 }}>
                {t.responsiblePersonName}
              </div>
            </div>
          ),
        },
        {
          title: '检查期间 / 截止',
          key: 'period',
          width: 170,
          render: (_, t) => (
            <div>
              {t.periodLabel}
              <div style={{ fontSize: 12 }}>{t.state === 'MISSED' ? <Typography.Text type="danger">截止 {t.dueOn}</Typography.Text> : <span className="sl-muted">截止 {t.dueOn}</span>}</div>
            </div>
          ),
        },
        { title: '状态', key: 'state', width: 120, render: (_, t) => <TaskStateTag state={t.state} missed={t.missed} /> },
        { title: '检查日期', dataIndex: 'checkedOn', width: 100, render: (v: string | null) => v ?? <span className="sl-muted">—</span> },
        { title: '检查项', dataIndex: 'itemCount', width: 64, align: 'center' },
        {
          title: '不合格',
          dataIndex: 'failCount',
          width: 64,
          align: 'center',
          render: (v: number | null) => (v === null ? <span className="sl-muted">—</span> : v > 0 ? <Typography.Text type="danger" strong>{v}</Typography.Text> : 0),
        },
        {
          title: '操作',
          key: 'actions',
          width: 150,
          fixed: 'right',
          render: (_, t) => (
            <Space size={4} onClick={(e) => e.stopPropagation()}>
              {t.recordId ? (
                <Button size="small" icon={<EyeOutlined />} onClick={() => onOpen(t)} data-testid={`check-task-view-${t.id}`}>
                  查看记录
                </Button>
              ) : t.state === 'UPCOMING' ? (
                <Tooltip title="本期尚未开始">
                  <Typography.Text type="secondary">未开始</Typography.Text>
                </Tooltip>
              ) : (
                <Button size="small" type="primary" danger={t.state === 'MISSED'} icon={<EditOutlined />} onClick={() => onOpen(t)} data-testid={`check-task-enter-${t.id}`}>
                  {t.state === 'MISSED' ? '补做登记' : '登记检查'}
                </Button>
              )}
              <Tooltip title="打印本期的空白检查表（带任务码二维码）">
                <Button size="small" icon={<PrinterOutlined />} onClick={() => onPrint(t)} aria-label="打印空白检查表" data-testid={`check-task-print-${t.id}`} />
              </Tooltip>
            </Space>
          ),
        },
      ]}
    />
  );
}
