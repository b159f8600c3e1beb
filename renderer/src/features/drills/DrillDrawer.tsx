import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Drawer, Popconfirm, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { DeleteOutlined, FilePdfOutlined, SendOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { Drill, DrillPlanItem } from '../../../../preload/contract/drills.ts';
import { errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { useUnsavedGuard } from '../../lib/unsaved.ts';
import { printLink } from '../print/queue.ts';
import { DrillForm } from './DrillForm.tsx';
import { EvaluationForm } from './EvaluationForm.tsx';
import { SummaryForm } from './SummaryForm.tsx';
import { ReportModal } from './FollowUpModals.tsx';
import { PlanTypeTag, drillKind } from './drillMeta.tsx';

type Tab = 'record' | 'evaluation' | 'summary';

/**
 * One drill: 演练记录 (the form), 演练评估 and 总结报告, with what the drill
 * file still lacks on top. `id` 'new' registers a completed drill, optionally
 * from a plan item.
 */
export function DrillDrawer({ id, fromItem, onClose, onCreated }: { id: string; fromItem: DrillPlanItem | null; onClose: () => void; onCreated: (id: string) => void }) {
  const isNew = id === 'new';
  const q = useApi('drill.get', { id }, { enabled: !isNew });
  const d = isNew ? null : q.data;
  const [tab, setTab] = useState<Tab>('record');
  useEffect(() => {
    setTab('record');
  }, [id]);
  const { onDirtyChange, guard } = useUnsavedGuard('有未保存的修改，离开后这些修改会丢失。需要保留请先保存。', '放弃修改');

  const title = isNew ? (
    fromItem ? (
      `登记演练：${fromItem.plannedMonth} 月计划「${fromItem.scenario}」`
    ) : (
      '登记演练'
    )
  ) : d ? (
    <Space size={8} wrap>
      <span data-testid="drill-drawer-code">{d.code}</span>
      <span>{d.title}</span>
      <PlanTypeTag type={d.planType} short />
      <Tag>{drillKind(d.scope, d.form)}</Tag>
      <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }}>
        {d.drillDate} {d.startTime}—{d.endTime}
      </Typography.Text>
    </Space>
  ) : (
    '演练记录'
  );

  return (
    <Drawer open size={1180} title={title} onClose={() => guard(onClose)} destroyOnHidden data-testid="drill-drawer" footer={d ? <DrillFooter drill={d} onRemoved={onClose} /> : undefined}>
      {!isNew && q.isError && <Alert type="error" showIcon title={q.error.code === 'NOT_FOUND' ? '演练记录不存在或已删除' : q.error.message} />}
      {!isNew && q.isPending && <Skeleton active paragraph={{ rows: 12 }} />}
      {isNew && <DrillForm drill={null} item={fromItem} onDirtyChange={onDirtyChange} onSaved={(x) => onCreated(x.id)} />}
      {d && (
        <>
          <Missing drill={d} />
          <Tabs
            activeKey={tab}
            onChange={(k) => guard(() => setTab(k as Tab))}
            items={[
              { key: 'record', label: '演练记录', children: <DrillForm drill={d} item={null} onDirtyChange={onDirtyChange} onSaved={() => undefined} /> },
              {
                key: 'evaluation',
                label: d.evaluation ? `演练评估${d.openProblemCount ? `（${d.openProblemCount} 个问题待跟踪）` : ''}` : '演练评估（未评估）',
                children: <EvaluationForm drill={d} onDirtyChange={onDirtyChange} onSaved={() => undefined} />,
              },
              { key: 'summary', label: d.summary ? '总结报告' : '总结报告（未编写）', children: <SummaryForm drill={d} onDirtyChange={onDirtyChange} onGoEvaluate={() => guard(() => setTab('evaluation'))} /> },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

/** What the drill file still lacks, in main's words. */
function Missing({ drill }: { drill: Drill }) {
  if (!drill.missing.length) {
    return <Alert type="success" showIcon style={{ marginBottom: 8 }} title="演练档案齐全：签到、过程记录、评估、总结和问题跟踪均已完成" data-testid="drill-missing-none" />;
  }
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 8 }}
      title={`演练档案还缺 ${drill.missing.length} 项`}
      description={
        <div className="sl-drill-missing" data-testid="drill-missing">
          {drill.missing.map((m) => (
            <Tag key={m} color="orange">
              {m}
            </Tag>
          ))}
        </div>
      }
    />
  );
}

function DrillFooter({ drill, onRemoved }: { drill: Drill; onRemoved: () => void }) {
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const remove = useApiMutation('drill.remove');
  const [reporting, setReporting] = useState(false);
  return (
    <div className="sl-drill-footer">
      <Space wrap>
        <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('drillRecord', { recordId: drill.id }))} data-testid="drill-print">
          打印演练记录
        </Button>
        {drill.needsReport &&
          (drill.reportedOn ? (
            <Tag color="green" data-testid="drill-reported">
              已于 {drill.reportedOn} 报送{drill.reportedTo ?? ''}
            </Tag>
          ) : (
            <Button type="primary" ghost icon={<SendOutlined />} onClick={() => setReporting(true)} data-testid="drill-report">
              报送监管部门
            </Button>
          ))}
        {drill.needsReport && drill.reportedOn && (
          <Button size="small" type="link" onClick={() => setReporting(true)}>
            修改报送信息
          </Button>
        )}
      </Space>
      {!drill.evaluation && (
        <Popconfirm
          title={`删除演练记录 ${drill.code}？`}
          description="签到、过程记录、照片和视频的关联一并删除；对应的计划项恢复为未演练。"
          okText="删除"
          okButtonProps={{ danger: true }}
          cancelText="保留"
          onConfirm={() =>
            remove.mutate(
              { id: drill.id },
              {
                onSuccess: () => {
                  void message.success(`已删除演练记录 ${drill.code}`);
                  onRemoved();
                },
                onError: (e) => void message.error(errorMessage(e)),
              },
            )
          }
        >
          <Button danger icon={<DeleteOutlined />} data-testid="drill-remove">
            删除
          </Button>
        </Popconfirm>
      )}
      {reporting && <ReportModal drill={drill} onClose={() => setReporting(false)} />}
    </div>
  );
}
