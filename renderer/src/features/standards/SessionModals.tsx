import type { ComponentProps } from 'react';
import { DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { invoke } from '../../lib/api.ts';
import { ActionModal } from '../../components/ActionModal.tsx';
import { PersonSelect, UnitSelect } from '../../components/selects.tsx';
import { levelOptions, useHazardSettings } from '../hazards/hazardMeta.tsx';
import { useSessionCache, type Deduction, type Session, type StdItem } from './stdMeta.tsx';

/**
 * A dialog for one step on a session (finish, reopen, follow-up of a
 * deduction). Main returns the whole session, which replaces the cached one.
 */
function SessionActionModal<V extends object>({ sessionId, ...props }: { sessionId: string } & Omit<ComponentProps<typeof ActionModal<V, Session>>, 'width' | 'onDone'>) {
  const { setSession } = useSessionCache(sessionId);
  return <ActionModal<V, Session> {...props} width={560} onDone={setSession} />;
}

const ymd = (d: Dayjs | null | undefined) => d?.format('YYYY-MM-DD') ?? '';

export function FinishModal({ session, onClose }: { session: Session; onClose: () => void }) {
  const [form] = Form.useForm<{ finishedOn: Dayjs }>();
  const open = session.totals.items - session.totals.answered;
  return (
    <SessionActionModal
      sessionId={session.id}
      title="完成自评"
      okText="完成自评"
      testId="std-finish-modal"
      form={form}
      initialValues={{ finishedOn: dayjs() }}
      run={(v) => invoke('stdSession.finish', { id: session.id, finishedOn: ymd(v.finishedOn) })}
      done={(s) => `自评已完成：${s.score ?? '—'} 分，${s.gradeLabel}`}
      onClose={onClose}
    >
      <Typography.Paragraph>
        完成后得分和等级确定下来，可打印自评报告和评分表；如需修改，可重新打开。
        {open > 0 && <Typography.Text type="warning">（还有 {open} 个考评项目未评分）</Typography.Text>}
      </Typography.Paragraph>
      <Form.Item label="完成日期" name="finishedOn" rules={[{ required: true, message: '请选择完成日期' }]}>
        <DatePicker style={{ width: 200 }} data-testid="std-finish-date" />
      </Form.Item>
    </SessionActionModal>
  );
}

export function ReopenModal({ session, onClose }: { session: Session; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <SessionActionModal
      sessionId={session.id}
      title="重新打开自评"
      okText="重新打开"
      testId="std-reopen-modal"
      form={form}
      initialValues={{}}
      run={(v) => invoke('stdSession.reopen', { id: session.id, reason: v.reason.trim() })}
      done={() => '自评已重新打开，可以修改评分'}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">重新打开后得分和等级不再是最终结果，修改完成后需要再次完成自评。</Typography.Paragraph>
      <Form.Item label="原因" name="reason" rules={[{ required: true, whitespace: true, message: '请说明重新打开的原因' }]}>
        <Input maxLength={200} placeholder="如：外部评审前补充证据，修正 5.4 的评分" data-testid="std-reopen-reason" />
      </Form.Item>
    </SessionActionModal>
  );
}

function DeductionFacts({ item, d }: { item: StdItem; d: Deduction }) {
  return (
    <div className="sl-std-item-facts">
      <div>
        <b>{item.code}</b> 扣 {d.points} 分：{d.reason}
      </div>
      <div className="sl-muted" style={{ fontSize: 12, marginTop: 4 }}>
        {item.content}
      </div>
    </div>
  );
}

interface HazardValues {
  unitId: string;
  respPersonId?: string | null;
  level: string;
  deadline?: Dayjs | null;
}

export function ToHazardModal({ session, item, deduction, onClose }: { session: Session; item: StdItem; deduction: Deduction; onClose: () => void }) {
  const [form] = Form.useForm<HazardValues>();
  const settings = useHazardSettings();
  return (
    <SessionActionModal
      sessionId={session.id}
      title="扣分点转为隐患"
      okText="登记为隐患"
      testId="std-hazard-modal"
      form={form}
      initialValues={{ level: 'GENERAL', respPersonId: null, deadline: dayjs().add(settings.data?.defaultDeadlineDays ?? 15, 'day') }}
      run={(v) =>
        invoke('stdDeduction.toHazard', { deductionId: deduction.id, unitId: v.unitId ?? '', respPersonId: v.respPersonId ?? null, level: v.level, deadline: v.deadline ? ymd(v.deadline) : null })
      }
      done={(s) => {
        const code = s.results.flatMap((r) => r.deductions).find((x) => x.id === deduction.id)?.hazardCode;
        return code ? `已登记为隐患 ${code}（来源：标准化自评）` : '已登记为隐患';
      }}
      onClose={onClose}
    >
      <DeductionFacts item={item} d={deduction} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        隐患进入隐患台账的整改闭环（整改、验收、销号），来源记为「标准化自评」；销号后该扣分点显示为已整改。
      </Typography.Paragraph>
      <Form.Item label="责任单位" name="unitId" rules={[{ required: true, message: '请选择负责整改的单位' }]}>
        <UnitSelect />
      </Form.Item>
      <Form.Item label="整改责任人" name="respPersonId">
        <PersonSelect placeholder="可稍后在隐患台账中指定" />
      </Form.Item>
      <Form.Item label="隐患等级" name="level" rules={[{ required: true, message: '请选择隐患等级' }]}>
        <Select options={levelOptions(settings.data?.levels)} loading={settings.isFetching} data-testid="std-hazard-level" />
      </Form.Item>
      <Form.Item label="整改期限" name="deadline">
        <DatePicker style={{ width: 200 }} data-testid="std-hazard-deadline" />
      </Form.Item>
    </SessionActionModal>
  );
}

export function ToTodoModal({ session, item, deduction, onClose }: { session: Session; item: StdItem; deduction: Deduction; onClose: () => void }) {
  const [form] = Form.useForm<{ ownerId: string | null; dueOn: Dayjs | null }>();
  return (
    <SessionActionModal
      sessionId={session.id}
      title="扣分点列为整改待办"
      okText="列为待办"
      testId="std-todo-modal"
      form={form}
      initialValues={{ ownerId: null, dueOn: dayjs().add(30, 'day') }}
      run={(v) => invoke('stdDeduction.toTodo', { deductionId: deduction.id, ownerId: v.ownerId ?? '', dueOn: ymd(v.dueOn) })}
      done={() => '已列为整改待办'}
      onClose={onClose}
    >
      <DeductionFacts item={item} d={deduction} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        制度、记录、培训等管理性问题不必登记为隐患，可列为待办，由责任人在期限前完成。
      </Typography.Paragraph>
      <Form.Item label="责任人" name="ownerId" rules={[{ required: true, message: '请选择责任人' }]}>
        <PersonSelect />
      </Form.Item>
      <Form.Item label="整改期限" name="dueOn" rules={[{ required: true, message: '请选择整改期限' }]}>
        <DatePicker style={{ width: 200 }} data-testid="std-todo-due" />
      </Form.Item>
    </SessionActionModal>
  );
}

export function CompleteTodoModal({ session, item, deduction, onClose }: { session: Session; item: StdItem; deduction: Deduction; onClose: () => void }) {
  const [form] = Form.useForm<{ doneOn: Dayjs | null; note: string }>();
  return (
    <SessionActionModal
      sessionId={session.id}
      title="整改待办完成"
      okText="确认完成"
      testId="std-done-modal"
      form={form}
      initialValues={{ doneOn: dayjs() }}
      run={(v) => invoke('stdDeduction.completeTodo', { deductionId: deduction.id, doneOn: ymd(v.doneOn), note: v.note.trim() })}
      done={() => '整改待办已完成'}
      onClose={onClose}
    >
      <DeductionFacts item={item} d={deduction} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        责任人：{deduction.todoOwnerName}，期限 {deduction.todoDueOn}
      </Typography.Paragraph>
      <Form.Item label="完成日期" name="doneOn" rules={[{ required: true, message: '请选择完成日期' }]}>
        <DatePicker style={{ width: 200 }} data-testid="std-done-date" />
      </Form.Item>
      <Form.Item label="完成情况" name="note" rules={[{ required: true, whitespace: true, message: '请填写完成情况' }]}>
        <Input.TextArea rows={3} maxLength={300} placeholder="如：已修订《安全生产责任制考核办法》并发文" data-testid="std-done-note" />
      </Form.Item>
    </SessionActionModal>
  );
}
