import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, TreeSelect, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { ExamMethod, TrainingType } from '../../../../preload/contract/enums.ts';
import type { AttachmentRef } from '../../../../preload/contract/emergency.ts';
import type { InputOf } from '../../../../preload/contract/index.ts';
import type { TrainingPlanItem, TrainingSession } from '../../../../preload/contract/training.ts';
import { useApi, useApiMutation } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { UnitSelect, unitTree } from '../../components/selects.tsx';
import { MaterialsField, PhotosField, SignInScanField, todayStr, useTrainingSettings, type ExamMethodCode, type TrainingTypeCode } from './trainingMeta.tsx';

type SessionInput = InputOf<'trainingSession.create'>;

interface FormValues {
  planItemId?: string | null;
  title?: string;
  type?: TrainingTypeCode;
  sessionDate?: dayjs.Dayjs | null;
  hours?: number | null;
  trainer?: string;
  location?: string | null;
  organiserUnitId?: string | null;
  content?: string | null;
  examMethod?: ExamMethodCode;
  passScore?: number | null;
  audienceUnitIds?: string[];
  materials?: AttachmentRef[];
  photoIds?: string[];
  signIn?: { id: string; name: string | null } | null;
  effectNote?: string | null;
}

const blank = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

/** The session as the contract's input (to save it again with one field changed). */
export function sessionToInput(s: TrainingSession): SessionInput {
  return {
    planItemId: s.planItemId,
    title: s.title,
    type: s.type,
    sessionDate: s.sessionDate,
    hours: s.hours,
    trainer: s.trainer,
    location: s.location,
    organiserUnitId: s.organiserUnitId,
    content: s.content,
    examMethod: s.examMethod,
    passScore: s.passScore,
    audienceUnitIds: s.audienceUnitIds,
    materialIds: s.materials.map((m) => m.attachmentId),
    photoIds: s.photos.map((p) => p.attachmentId),
    signInAttachmentId: s.signInAttachmentId,
    effectNote: s.effectNote,
  };
}

function toValues(s: TrainingSession): FormValues {
  return {
    planItemId: s.planItemId,
    title: s.title,
    type: s.type,
    sessionDate: dayjs(s.sessionDate),
    hours: s.hours,
    trainer: s.trainer,
    location: s.location,
    organiserUnitId: s.organiserUnitId,
    content: s.content,
    examMethod: s.examMethod,
    passScore: s.passScore,
    audienceUnitIds: s.audienceUnitIds,
    materials: s.materials,
    photoIds: s.photos.map((p) => p.attachmentId),
    signIn: s.signInAttachmentId ? { id: s.signInAttachmentId, name: null } : null,
    effectNote: s.effectNote,
  };
}

function toInput(v: FormValues): SessionInput {
  const exam = v.examMethod ?? 'NONE';
  return {
    planItemId: v.planItemId ?? null,
    title: v.title?.trim() ?? '',
    type: v.type as TrainingTypeCode,
    sessionDate: v.sessionDate ? v.sessionDate.format('YYYY-MM-DD') : '',
    hours: v.hours as number,
    trainer: v.trainer?.trim() ?? '',
    location: blank(v.location),
    organiserUnitId: v.organiserUnitId ?? null,
    content: blank(v.content),
    examMethod: exam,
    passScore: exam === 'NONE' ? null : (v.passScore ?? null),
    audienceUnitIds: v.audienceUnitIds ?? [],
    materialIds: (v.materials ?? []).map((m) => m.attachmentId),
    photoIds: v.photoIds ?? [],
    signInAttachmentId: v.signIn?.id ?? null,
    effectNote: blank(v.effectNote),
  };
}

/** The units that attend, for the sign-in sheet and the attendance candidates (sub-units included). */
function AudienceUnitsSelect({ value, onChange, id }: { value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const units = useApi('unit.list', {});
  const tree = useMemo(() => unitTree(units.data ?? []), [units.data]);
  return (
    <TreeSelect
      id={id}
      multiple
      value={value ?? []}
      onChange={(v) => onChange?.(v as string[])}
      treeData={tree}
      treeDefaultExpandAll
      placeholder="不选即全企业人员"
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={units.isFetching}
      maxTagCount="responsive"
      data-testid="session-audience"
    />
  );
}

function planLabel(i: TrainingPlanItem) {
  return `${i.plannedMonth} 月 · ${i.title}（${i.hours} 学时）`;
}

/**
 * Registering or editing a training session: what, when, how long, who taught,
 * where, the exam and pass mark, who should attend, and the evidence (materials,
 * photos, the sign-in sheet scan, the effect evaluation).
 */
export function SessionForm({
  session,
  prefillPlan,
  onSaved,
  onDirtyChange,
}: {
  session: TrainingSession | null;
  prefillPlan: { id: string; year: number | null } | null;
  onSaved: (s: TrainingSession, created: boolean) => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useApiMutation('trainingSession.create');
  const update = useApiMutation('trainingSession.update');
  const settings = useTrainingSettings();
  const [dirty, setDirtyState] = useState(false);
  const prefilled = useRef(false);
  const setDirty = (d: boolean) => {
    setDirtyState(d);
    onDirtyChange(d);
  };
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const sessionDate = Form.useWatch('sessionDate', form) as dayjs.Dayjs | null | undefined;
  const examMethod = (Form.useWatch('examMethod', form) as ExamMethodCode | undefined) ?? 'NONE';
  const thisYear = dayjs().year();
  const planYear = sessionDate ? sessionDate.year() : (prefillPlan?.year ?? thisYear);
  const plan = useApi('trainingPlan.list', { year: planYear });
  const planOptions = (plan.data ?? []).map((i) => ({ value: i.id, label: planLabel(i) }));

  // Opened from a plan item: take its title, type, hours and organiser, and a date in its year.
  useEffect(() => {
    if (session || !prefillPlan || prefilled.current || !plan.data) return;
    const item = plan.data.find((i) => i.id === prefillPlan.id);
    if (!item) return;
    prefilled.current = true;
    const date = item.year === thisYear ? dayjs() : dayjs(`${item.year}-${String(item.plannedMonth).padStart(2, '0')}-01`).endOf('month');
    form.setFieldsValue({ planItemId: item.id, title: item.title, type: item.type, hours: item.hours, organiserUnitId: item.organiserUnitId, sessionDate: date });
  }, [plan.data, prefillPlan, session, form, thisYear]);

  const onPlanPicked = (id: string | null) => {
    const item = plan.data?.find((i) => i.id === id);
    if (!item) return;
    const v = form.getFieldsValue(['title', 'organiserUnitId']) as FormValues;
    const patch: FormValues = { type: item.type, hours: item.hours };
    if (!blank(v.title)) patch.title = item.title;
    if (!v.organiserUnitId) patch.organiserUnitId = item.organiserUnitId;
    form.setFieldsValue(patch);
  };

  const submit = async () => {
    let v: FormValues;
    try {
      await form.validateFields();
      v = form.getFieldsValue(true) as FormValues;
    } catch {
      void message.warning('请先补全标红的内容');
      return;
    }
    const input = toInput(v);
    try {
      const saved = session ? await update.mutateAsync({ id: session.id, ...input }) : await create.mutateAsync(input);
      setDirty(false);
      void message.success(session ? '培训记录已保存' : `已登记培训 ${saved.code}，请录入签到和考试成绩`);
      onSaved(saved, !session);
    } catch (err) {
      showApiError(err, (m) => void message.error(m), form);
    }
  };

  const today = todayStr();
  const future = sessionDate ? sessionDate.format('YYYY-MM-DD') > today : false;
  const defaults: FormValues = session
    ? toValues(session)
    : { sessionDate: dayjs(), examMethod: 'NONE', audienceUnitIds: [], materials: [], photoIds: [], signIn: null, passScore: null };

  return (
    <Form
      form={form}
      layout="vertical"
      colon={false}
      requiredMark="optional"
      initialValues={defaults}
      onValuesChange={(changed: FormValues) => {
        setDirty(true);
        if ('examMethod' in changed) {
          if (changed.examMethod === 'NONE') form.setFieldValue('passScore', null);
          else if (form.getFieldValue('passScore') == null) form.setFieldValue('passScore', settings.data?.passScore ?? 60);
        }
      }}
      data-testid="session-form"
    >
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item label="年度培训计划项" name="planItemId" extra={`可不选（计划外培训）；选择后带出名称、类型、学时和组织部门。列出 ${planYear} 年的计划项`}>
            <Select
              allowClear
              placeholder="选择本年度计划中的项目"
              options={planOptions}
              loading={plan.isFetching}
              showSearch={{ optionFilterProp: 'label' }}
              notFoundContent={`${planYear} 年还没有培训计划`}
              onChange={(v?: string) => onPlanPicked(v ?? null)}
              data-testid="session-plan"
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="培训类型" name="type" rules={[{ required: true, message: '请选择培训类型' }]}>
            <Select options={TrainingType.options} placeholder="选择类型" data-testid="session-type" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label="培训名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写培训名称' }]}>
            <Input maxLength={60} showCount placeholder="如：新员工厂级安全教育、有限空间作业专项培训" data-testid="session-title" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            label="培训日期"
            name="sessionDate"
            rules={[{ required: true, message: '请选择培训日期' }]}
            extra={future ? <Typography.Text type="warning">晚于今天：尚未举办的培训请列入年度计划，举办后再登记</Typography.Text> : '培训实际举办的日期'}
          >
            <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="session-date" />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item label="学时" name="hours" rules={[{ required: true, message: '请填写学时' }]} extra="以 0.5 学时为单位">
            <InputNumber step={1} style={{ width: '100%' }} suffix="学时" placeholder="如 4" data-testid="session-hours" />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item label="授课人" name="trainer" rules={[{ required: true, whitespace: true, message: '请填写授课人' }]}>
            <Input maxLength={30} placeholder="姓名或外聘机构" data-testid="session-trainer" />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item label="培训地点" name="location">
            <Input maxLength={60} placeholder="如：公司三楼会议室" data-testid="session-location" />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item label="组织部门" name="organiserUnitId">
            <UnitSelect placeholder="选择组织培训的部门" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label="培训内容" name="content">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder="授课要点：法规制度、岗位风险、操作规程、事故案例、应急处置等" data-testid="session-content" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="考核方式" name="examMethod">
            <Select options={ExamMethod.options} data-testid="session-exam" />
          </Form.Item>
        </Col>
        <Col span={4}>
          {examMethod !== 'NONE' && (
            <Form.Item label="及格分" name="passScore" extra={`默认 ${settings.data?.passScore ?? 60} 分`}>
              <InputNumber min={0} max={100} style={{ width: '100%' }} suffix="分" data-testid="session-pass" />
            </Form.Item>
          )}
        </Col>
        <Col span={14}>
          <Form.Item label="参训单位" name="audienceUnitIds" extra="用于打印签到表和列出可签到人员（含下级单位）">
            <AudienceUnitsSelect />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="培训材料" name="materials">
            <MaterialsField testId="session-materials" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="签到表扫描件" name="signIn" extra="纸质签到表签字后扫描或拍照存档（图片或 PDF）">
            <SignInScanField testId="session-signin-scan" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label="培训照片" name="photoIds">
            <PhotosField testId="session-photo" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label="培训效果评估" name="effectNote">
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 5 }}
              maxLength={1000}
              placeholder="如：考试合格率、学员反馈、现场抽查操作是否规范、需要改进之处（可在签到和考试后填写）"
              data-testid="session-effect"
            />
          </Form.Item>
        </Col>
      </Row>
      {session && session.attendeeCount > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`已有 ${session.attendeeCount} 人签到。修改培训日期时，所有签到人员在新日期也须在职；学时修改后计入每人档案的学时随之改变。`} />
      )}
      <div className="sl-sticky-actions">
        <Button type="primary" icon={<SaveOutlined />} loading={create.isPending || update.isPending} onClick={() => void submit()} data-testid="session-save">
          {session ? '保存修改' : '登记培训'}
        </Button>
        {session && (
          <Button
            disabled={!dirty}
            onClick={() => {
              form.resetFields();
              form.setFieldsValue(toValues(session));
              setDirty(false);
            }}
          >
            撤销修改
          </Button>
        )}
        {dirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
      </div>
    </Form>
  );
}
