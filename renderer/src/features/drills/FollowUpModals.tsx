import type { ComponentProps } from 'react';
import { DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Drill } from '../../../../preload/contract/drills.ts';
import { useApi, useApiMutation } from '../../lib/api.ts';
import { ActionModal } from '../../components/ActionModal.tsx';
import { PersonSelect, UnitSelect } from '../../components/selects.tsx';
import { levelOptions, useHazardSettings } from '../hazards/hazardMeta.tsx';

type Problem = Drill['problems'][number];

/** A follow-up step's dialog: main's refusal is shown in it and it stays open. */
function DrillActionModal<V extends object>(props: Omit<ComponentProps<typeof ActionModal<V, Drill>>, 'width'>) {
  return <ActionModal<V, Drill> {...props} width={560} />;
}

interface HazardValues {
  level?: string;
  respUnitId?: string | null;
  respPersonId?: string | null;
  deadline?: dayjs.Dayjs | null;
}

/** 转为隐患: the problem enters the hazard closed loop (source 应急演练). */
export function ToHazardModal({ drill, problem, onClose }: { drill: Drill; problem: Problem; onClose: () => void }) {
  const [form] = Form.useForm<HazardValues>();
  const run = useApiMutation('drill.problemToHazard');
  const settings = useHazardSettings();
  const days = settings.data?.defaultDeadlineDays ?? 15;
  return (
    <DrillActionModal<HazardValues>
      title={`问题 ${problem.seq} 转为隐患`}
      okText="登记为隐患"
      testId="drill-to-hazard"
      form={form}
      initialValues={{ level: 'GENERAL', respUnitId: drill.organiserUnitId, respPersonId: null, deadline: null }}
      run={(v) =>
        run.mutateAsync({
          problemId: problem.id,
          level: v.level ?? 'GENERAL',
          respUnitId: v.respUnitId ?? null,
          respPersonId: v.respPersonId ?? null,
          deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
        })
      }
      done={(d) => {
        const h = d.problems.find((p) => p.id === problem.id);
        return `已登记隐患 ${h?.hazardCode ?? ''}（来源：应急演练），请在隐患台账中落实整改`;
      }}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        「{problem.description}」将登记为隐患（来源：应急演练），整改措施取本问题的改进建议，进入整改、复查、销号闭环。
      </Typography.Paragraph>
      <Form.Item label="隐患等级" name="level" rules={[{ required: true, message: '请选择隐患等级' }]}>
        <Select options={levelOptions(settings.data?.levels)} loading={settings.isPending} data-testid="drill-to-hazard-level" />
      </Form.Item>
      <Form.Item label="责任单位" name="respUnitId" extra="默认为演练组织部门">
        <UnitSelect />
      </Form.Item>
      <Form.Item label="责任人" name="respPersonId">
        <PersonSelect />
      </Form.Item>
      <Form.Item label="整改期限" name="deadline" extra={`留空按默认 ${days} 天`}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
    </DrillActionModal>
  );
}

interface RevisionValues {
  dueOn?: dayjs.Dayjs | null;
  ownerId?: string | null;
}

/** 转为预案修订事项: recorded on the drilled plan as a revision trigger (演练中发现问题). */
export function ToRevisionModal({ drill, problem, onClose }: { drill: Drill; problem: Problem; onClose: () => void }) {
  const [form] = Form.useForm<RevisionValues>();
  const run = useApiMutation('drill.problemToRevision');
  return (
    <DrillActionModal<RevisionValues>
      title={`问题 ${problem.seq} 转为预案修订事项`}
      okText="登记修订事项"
      testId="drill-to-revision"
      form={form}
      initialValues={{ dueOn: null, ownerId: null }}
      run={(v) => run.mutateAsync({ problemId: problem.id, dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null, ownerId: v.ownerId ?? null })}
      done={() => `已在预案「${drill.planCode} ${drill.planName}」登记修订事项`}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        记入预案「{drill.planCode} {drill.planName}」的修订事项（演练中发现问题），该预案下一版本发布时关闭。
      </Typography.Paragraph>
      <Form.Item label="完成修订期限" name="dueOn">
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="drill-to-revision-due" />
      </Form.Item>
      <Form.Item label="负责人" name="ownerId">
        <PersonSelect />
      </Form.Item>
    </DrillActionModal>
  );
}

interface ReportValues {
  reportedOn?: dayjs.Dayjs;
  reportedTo?: string;
}

/** 报送监管部门 (high-risk industries, 应急条例 第八条). */
export function ReportModal({ drill, onClose }: { drill: Drill; onClose: () => void }) {
  const [form] = Form.useForm<ReportValues>();
  const run = useApiMutation('drill.report');
  const enterprise = useApi('enterprise.get', {});
  if (!enterprise.data && enterprise.isPending) return null;
  return (
    <DrillActionModal<ReportValues>
      title={`演练 ${drill.code} 报送监管部门`}
      okText="登记已报送"
      testId="drill-report"
      form={form}
      initialValues={{ reportedOn: dayjs(), reportedTo: drill.reportedTo ?? enterprise.data?.regulatorName ?? '' }}
      run={(v) => run.mutateAsync({ id: drill.id, reportedOn: v.reportedOn!.format('YYYY-MM-DD'), reportedTo: v.reportedTo?.trim() ?? '' })}
      done={(d) => `已登记：${d.reportedOn} 报送${d.reportedTo ?? ''}`}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        《生产安全事故应急条例》第八条所列行业的单位，应将演练情况报送所在地县级以上地方人民政府负有安全生产监督管理职责的部门。
      </Typography.Paragraph>
      <Form.Item label="报送日期" name="reportedOn" rules={[{ required: true, message: '请选择报送日期' }]}>
        <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item label="报送部门" name="reportedTo" rules={[{ required: true, whitespace: true, message: '请填写报送部门' }]}>
        <Input maxLength={60} placeholder="如：江津区应急管理局" data-testid="drill-report-to" />
      </Form.Item>
    </DrillActionModal>
  );
}
