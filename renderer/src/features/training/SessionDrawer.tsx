import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Descriptions, Drawer, Skeleton, Space, Tabs, Typography } from 'antd';
import { DeleteOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { ExamMethod } from '../../../../preload/contract/enums.ts';
import type { TrainingSession } from '../../../../preload/contract/training.ts';
import { errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { useUnsavedGuard } from '../../lib/unsaved.ts';
import { dash } from '../../lib/format.ts';
import { printLink } from '../print/queue.ts';
import { SessionForm } from './SessionForm.tsx';
import { AttendancePanel } from './AttendancePanel.tsx';
import { TrainingTypeTag, hoursText, useTrainingSettings } from './trainingMeta.tsx';

type Tab = 'attendance' | 'info';

/**
 * One training session: 签到与成绩 (who attended, how they signed, exam
 * results) and 培训信息 (the form with materials, photos and the effect
 * evaluation). `id` 'new' opens the empty form; after saving, the drawer moves
 * on to attendance.
 */
export function SessionDrawer({
  id,
  prefillPlan,
  onClose,
  onCreated,
}: {
  id: string;
  prefillPlan: { id: string; year: number | null } | null;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const navigate = useNavigate();
  const { message, modal } = AntApp.useApp();
  const isNew = id === 'new';
  const q = useApi('trainingSession.get', { id }, { enabled: !isNew });
  const s = isNew ? null : q.data;
  const [tab, setTab] = useState<Tab>('attendance');
  useEffect(() => setTab('attendance'), [id]);
  const remove = useApiMutation('trainingSession.remove');
  const { onDirtyChange, guard } = useUnsavedGuard('培训信息有未保存的修改，离开后这些修改会丢失。需要保留请先点击「保存修改」。', '放弃修改');

  const confirmRemove = (x: TrainingSession) =>
    modal.confirm({
      title: `删除培训记录 ${x.code}？`,
      content: x.attendeeCount ? `已有 ${x.attendeeCount} 人签到，作为培训档案不能删除；如登记有误，请先撤销全部签到。` : '只删除尚无人签到的培训记录（如误登记）。删除后不能恢复。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        remove.mutateAsync({ id: x.id }).then(
          () => {
            void message.success(`已删除培训记录 ${x.code}`);
            onClose();
          },
          (err: unknown) => void message.error(errorMessage(err)),
        ),
    });

  const title = isNew ? (
    '登记培训'
  ) : s ? (
    <Space size={8} wrap>
      <span data-testid="session-drawer-code">{s.code}</span>
      <span>{s.title}</span>
      <TrainingTypeTag type={s.type} />
      <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }}>
        {s.sessionDate} · {hoursText(s.hours)} 学时 · {s.trainer}
      </Typography.Text>
    </Space>
  ) : (
    '培训记录'
  );

  return (
    <Drawer
      open
      size={1080}
      title={title}
      onClose={() => guard(onClose)}
      destroyOnHidden
      data-testid="session-drawer"
      extra={
        s && (
          <Space>
            <Button icon={<FilePdfOutlined />} onClick={() => guard(() => navigate(printLink('trainingSignIn', { recordId: s.id })))} data-testid="session-print-signin">
              打印签到表
            </Button>
            <Button danger icon={<DeleteOutlined />} onClick={() => confirmRemove(s)} data-testid="session-delete">
              删除
            </Button>
          </Space>
        )
      }
    >
      {!isNew && q.isError && <Alert type="error" showIcon title={q.error.code === 'NOT_FOUND' ? '培训记录不存在或已删除' : q.error.message} />}
      {!isNew && q.isPending && <Skeleton active paragraph={{ rows: 12 }} />}
      {isNew && <SessionForm session={null} prefillPlan={prefillPlan} onDirtyChange={onDirtyChange} onSaved={(x) => onCreated(x.id)} />}
      {s && (
        <Tabs
          activeKey={tab}
          onChange={(k) => guard(() => setTab(k as Tab))}
          items={[
            {
              key: 'attendance',
              label: `签到与成绩（${s.attendeeCount}）`,
              children: (
                <>
                  <SessionSummary s={s} />
                  <AttendancePanel session={s} />
                </>
              ),
            },
            { key: 'info', label: '培训信息', children: <SessionForm session={s} prefillPlan={null} onDirtyChange={onDirtyChange} onSaved={() => setTab('attendance')} /> },
          ]}
        />
      )}
    </Drawer>
  );
}

function SessionSummary({ s }: { s: TrainingSession }) {
  const settings = useTrainingSettings();
  const pass = s.passScore ?? settings.data?.passScore ?? null;
  return (
    <Descriptions size="small" bordered column={3} style={{ marginBottom: 12 }} data-testid="session-summary" styles={{ label: { whiteSpace: 'nowrap', width: 96 } }}>
      <Descriptions.Item label="培训日期">
        {s.sessionDate} · {hoursText(s.hours)} 学时
      </Descriptions.Item>
      <Descriptions.Item label="授课人">{s.trainer}</Descriptions.Item>
      <Descriptions.Item label="地点">{dash(s.location)}</Descriptions.Item>
      <Descriptions.Item label="组织部门">{dash(s.organiserUnitName)}</Descriptions.Item>
      <Descriptions.Item label="考核方式">
        {ExamMethod.label[s.examMethod]}
        {s.examMethod !== 'NONE' && pass !== null ? `，${pass} 分及格` : ''}
      </Descriptions.Item>
      <Descriptions.Item label="参训单位">{s.audienceUnitNames.length ? s.audienceUnitNames.join('、') : '全企业'}</Descriptions.Item>
      <Descriptions.Item label="年度计划项">{s.planItemTitle ?? '计划外'}</Descriptions.Item>
      <Descriptions.Item label="材料 / 照片">
        {s.materials.length} 份 / {s.photos.length} 张{s.signInAttachmentId ? '；签到表已扫描存档' : ''}
      </Descriptions.Item>
      <Descriptions.Item label="效果评估">{s.effectNote ? <Typography.Text ellipsis={{ tooltip: s.effectNote }} style={{ maxWidth: 220 }}>{s.effectNote}</Typography.Text> : <span className="sl-muted">未填写</span>}</Descriptions.Item>
      {s.content && (
        <Descriptions.Item label="培训内容" span={3}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{s.content}</span>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
