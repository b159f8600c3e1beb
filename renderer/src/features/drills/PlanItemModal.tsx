import { useState } from 'react';
import { Alert, App as AntApp, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { DrillForm, DrillScope } from '../../../../preload/contract/enums.ts';
import type { DrillPlanItem, DrillYearPlan } from '../../../../preload/contract/drills.ts';
import { ApiError, errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { okButtonTestId, showApiError } from '../../lib/forms.ts';
import { PersonSelect, UnitSelect } from '../../components/selects.tsx';
import { MONTHS, PlanOptionLabel, blank, usePlanOptions, type PlanType } from './drillMeta.tsx';

interface ItemValues {
  planId?: string;
  scenario?: string;
  scope?: (typeof DrillScope.values)[number];
  form?: (typeof DrillForm.values)[number];
  plannedMonth?: number;
  organiserUnitId?: string | null;
  participants?: string;
  budget?: number | null;
  notes?: string | null;
}

/** Shows main's refusal in the dialog (field errors beside their fields) and keeps it open. */
function useModalError<V extends object>(form: ReturnType<typeof Form.useForm<V>>[0]) {
  const [problem, setProblem] = useState<string | null>(null);
  const fail = (e: unknown) => {
    const known = Object.keys(form.getFieldsValue(true) as Record<string, unknown>);
    const onField = e instanceof ApiError && e.fields.some((f) => known.includes(f.path.split('.')[0]!));
    setProblem(onField ? null : errorMessage(e));
    showApiError(e, () => undefined, form);
  };
  return { problem, setProblem, fail };
}

/** Adds or edits one item of the annual drill plan. */
export function PlanItemModal({ year, item, onClose, onSaved }: { year: number; item: DrillPlanItem | null; onClose: () => void; onSaved: (p: DrillYearPlan) => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ItemValues>();
  const create = useApiMutation('drillPlan.createItem');
  const update = useApiMutation('drillPlan.updateItem');
  const { options, plans } = usePlanOptions();
  const { problem, setProblem, fail } = useModalError(form);
  const planId = Form.useWatch('planId', form) as string | undefined;
  const chosen = plans.find((p) => p.id === planId);
  const done = !!item?.drillId;

  const save = async () => {
    let v: ItemValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setProblem(null);
    const input = {
      year,
      planId: v.planId ?? '',
      scenario: v.scenario?.trim() ?? '',
      scope: v.scope!,
      form: v.form!,
      plannedMonth: v.plannedMonth!,
      organiserUnitId: v.organiserUnitId ?? '',
      participants: v.participants?.trim() ?? '',
      budget: v.budget ?? null,
      notes: blank(v.notes),
    };
    try {
      const p = item ? await update.mutateAsync({ id: item.id, ...input }) : await create.mutateAsync(input);
      void message.success(item ? '计划项已保存' : `已加入 ${year} 年演练计划：${input.plannedMonth} 月 ${input.scenario}`);
      onSaved(p);
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  // A plan's type suggests the usual drill: 现场处置方案 → 单项实战, 综合预案 → 综合.
  const suggest = (type: PlanType | undefined) => {
    if (!type || item) return;
    if (!form.getFieldValue('scope')) form.setFieldValue('scope', type === 'COMPREHENSIVE' ? 'FULL' : 'SINGLE');
    if (!form.getFieldValue('form')) form.setFieldValue('form', 'LIVE');
  };

  return (
    <Modal
      open
      width={720}
      title={item ? `修改演练计划项（${year} 年）` : `新增演练计划项（${year} 年）`}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={okButtonTestId('drill-item-modal-ok')}
      destroyOnHidden
      data-testid="drill-item-modal"
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        colon={false}
        onValuesChange={() => problem && setProblem(null)}
        initialValues={
          item
            ? { ...item, budget: item.budget }
            : { plannedMonth: year === dayjs().year() ? dayjs().month() + 1 : 1, budget: null }
        }
      >
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item label="演练的应急预案" name="planId" rules={[{ required: true, message: '请选择要演练的应急预案' }]} extra={done ? '已演练的计划项不能更换预案' : chosen && !chosen.current ? <Typography.Text type="warning">该预案还没有发布的现行版本，演练前应完成评审、签署和发布</Typography.Text> : undefined}>
              <Select
                placeholder={options.length ? '选择预案' : '还没有应急预案，请先在「应急预案」中建立'}
                disabled={done}
                showSearch={{ optionFilterProp: 'label' }}
                options={options}
                optionRender={(o) => <PlanOptionLabel label={o.data.label} planType={o.data.planType} inForce={o.data.inForce} />}
                onChange={(v: string) => suggest(plans.find((p) => p.id === v)?.planType)}
                data-testid="drill-item-plan"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="计划月份" name="plannedMonth" rules={[{ required: true, message: '请选择计划月份' }]}>
              <Select options={MONTHS} data-testid="drill-item-month" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="演练情景" name="scenario" rules={[{ required: true, whitespace: true, message: '请填写演练情景' }]}>
              <Input maxLength={200} showCount placeholder="如：喷漆房稀释剂泄漏引发火灾，2 人被困" data-testid="drill-item-scenario" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="演练内容" name="scope" rules={[{ required: true, message: '请选择综合演练或单项演练' }]}>
              <Radio.Group options={DrillScope.options} optionType="button" data-testid="drill-item-scope" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="演练形式" name="form" rules={[{ required: true, message: '请选择实战演练或桌面演练' }]}>
              <Radio.Group options={DrillForm.options} optionType="button" data-testid="drill-item-form" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="组织部门" name="organiserUnitId" rules={[{ required: true, message: '请选择组织部门' }]}>
              <UnitSelect />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="预算" name="budget">
              <InputNumber min={0} step={500} precision={2} style={{ width: '100%' }} suffix="元" placeholder="无预算可不填" data-testid="drill-item-budget" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="参演部门 / 人员" name="participants" rules={[{ required: true, whitespace: true, message: '请填写参演部门或人员' }]}>
              <Input maxLength={200} placeholder="如：涂装车间全体、义务消防队、安全环保部" data-testid="drill-item-participants" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="备注" name="notes">
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} placeholder="规模、观摩单位、需协调的外部力量等" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {problem && <Alert type="error" showIcon title="未能保存" description={problem} data-testid="drill-item-modal-error" />}
    </Modal>
  );
}

/** Cancels a plan item; the reason stays on the plan. */
export function CancelItemModal({ item, onClose }: { item: DrillPlanItem; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const cancel = useApiMutation('drillPlan.cancelItem');
  const { problem, setProblem, fail } = useModalError(form);
  const submit = async () => {
    let v: { reason?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setProblem(null);
    try {
      await cancel.mutateAsync({ id: item.id, reason: v.reason?.trim() ?? '' });
      void message.success(`已取消计划项「${item.scenario}」`);
      onClose();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Modal
      open
      title={`取消计划项：${item.plannedMonth} 月 ${item.scenario}`}
      okText="取消该计划项"
      okButtonProps={{ ...okButtonTestId('drill-cancel-modal-ok'), danger: true }}
      cancelText="返回"
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={cancel.isPending}
      destroyOnHidden
      data-testid="drill-cancel-modal"
    >
      <Typography.Paragraph type="secondary">取消的计划项保留在年度计划中并显示取消原因；如只是推迟，请修改计划月份。</Typography.Paragraph>
      <Form form={form} layout="vertical" colon={false}>
        <Form.Item label="取消原因" name="reason" rules={[{ required: true, whitespace: true, message: '请说明取消原因' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} showCount placeholder="如：该生产线已停产拆除，预案同步废止" data-testid="drill-cancel-reason" />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title="未能取消" description={problem} />}
    </Modal>
  );
}

interface ApproveValues {
  compiledBy?: string;
  approvedById?: string | null;
  approvedOn?: dayjs.Dayjs;
}

/** Records who compiled the annual plan and the principal's approval. */
export function ApproveModal({ plan, onClose }: { plan: DrillYearPlan; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ApproveValues>();
  const approve = useApiMutation('drillPlan.approve');
  const enterprise = useApi('enterprise.get', {});
  const status = useApi('app.status', {});
  const { problem, setProblem, fail } = useModalError(form);
  const principalId = enterprise.data?.principalPersonId ?? null;
  const approvedById = Form.useWatch('approvedById', form) as string | null | undefined;

  const submit = async () => {
    let v: ApproveValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setProblem(null);
    try {
      const p = await approve.mutateAsync({ year: plan.year, compiledBy: v.compiledBy?.trim() ?? '', approvedById: v.approvedById ?? '', approvedOn: v.approvedOn!.format('YYYY-MM-DD') });
      void message.success(`${plan.year} 年应急演练计划已由 ${p.approvedByName ?? ''} 批准`);
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Modal
      open
      title={`批准 ${plan.year} 年应急演练计划`}
      okText="登记批准"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={approve.isPending}
      okButtonProps={okButtonTestId('drill-approve-modal-ok')}
      destroyOnHidden
      data-testid="drill-approve-modal"
    >
      {(enterprise.isPending || status.isPending) && !enterprise.data ? null : (
        <Form
          form={form}
          layout="vertical"
          requiredMark="optional"
          colon={false}
          onValuesChange={() => problem && setProblem(null)}
          initialValues={{
            compiledBy: plan.compiledBy ?? status.data?.operator?.name ?? '',
            approvedById: plan.approvedById ?? principalId,
            approvedOn: plan.approvedOn ? dayjs(plan.approvedOn) : dayjs(),
          }}
        >
          <Form.Item label="编制人" name="compiledBy" rules={[{ required: true, whitespace: true, message: '请填写编制人' }]}>
            <Input maxLength={30} data-testid="drill-approve-compiler" />
          </Form.Item>
          <Form.Item
            label="批准人"
            name="approvedById"
            rules={[{ required: true, message: '请选择批准人' }]}
            extra={approvedById && principalId && approvedById !== principalId ? <Typography.Text type="warning">年度演练计划一般由主要负责人批准</Typography.Text> : '主要负责人'}
          >
            <PersonSelect />
          </Form.Item>
          <Form.Item label="批准日期" name="approvedOn" rules={[{ required: true, message: '请选择批准日期' }]}>
            <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Form>
      )}
      {problem && <Alert type="error" showIcon title="未能登记" description={problem} />}
    </Modal>
  );
}
