/** The plan's dialogs: create / edit the plan, issue a version, register filing, record a revision trigger, archive. */
import { useEffect } from 'react';
import { Alert, Col, DatePicker, Form, Input, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ACCIDENT_TYPES, EmergencyPlanType, PlanTriggerKind } from '../../../../preload/contract/enums.ts';
import type { EmergencyPlan, PlanVersion } from '../../../../preload/contract/emergency.ts';
import type { AttachmentInfo } from '../../../../preload/contract/attachments.ts';
import { invoke, useApi } from '../../lib/api.ts';
import { formatBytes } from '../../lib/format.ts';
import { PersonSelect, PostMultiSelect, UnitSelect } from '../../components/selects.tsx';
import { PickFilesButton, StepModal, day } from './emForms.tsx';
import { blank, useEmergencySettings, type PlanType } from './emergencyMeta.tsx';

const ACCIDENT_OPTIONS = ACCIDENT_TYPES.map((t) => ({ value: t, label: t }));

type AccidentType = (typeof ACCIDENT_TYPES)[number];

interface PlanFormValues {
  code: string;
  name: string;
  planType: PlanType;
  parentId: string | null;
  accidentTypes: AccidentType[];
  unitId: string | null;
  postIds: string[];
}

const TYPE_HINT: Record<PlanType, string> = {
  COMPREHENSIVE: '企业应急工作的总体安排：组织机构及职责、预警、响应分级、应急保障等。',
  SPECIFIC: '针对某一类事故（如火灾、危险化学品泄漏、有限空间作业）的处置方案，隶属于综合应急预案。',
  ONSITE: '针对具体场所、装置或岗位的处置方案：事故风险描述、处置步骤、联系方式和注意事项；关键岗位据此生成应急处置卡。',
};

/** Creates a plan (with its V1.0 draft) or edits its code, name, type and scope. */
export function PlanFormModal({ plan, onClose, onSaved }: { plan: EmergencyPlan | null; onClose: () => void; onSaved: (p: EmergencyPlan) => void }) {
  const [form] = Form.useForm<PlanFormValues>();
  const type = Form.useWatch('planType', form) ?? plan?.planType ?? 'ONSITE';
  const parents = useApi('emergencyPlan.list', { includeArchived: false, search: null });
  const parentOptions = (parents.data ?? []).filter((p) => p.planType === 'COMPREHENSIVE' && p.id !== plan?.id).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }));
  return (
    <StepModal<PlanFormValues, EmergencyPlan>
      title={plan ? `修改预案信息：${plan.code}` : '新建应急预案'}
      okText={plan ? '保存' : '新建'}
      testId="plan-form-modal"
      width={720}
      form={form}
      initialValues={
        plan
          ? { code: plan.code, name: plan.name, planType: plan.planType, parentId: plan.parentId, accidentTypes: plan.accidentTypes as AccidentType[], unitId: plan.unitId, postIds: plan.postIds }
          : { planType: 'ONSITE', accidentTypes: [], postIds: [], parentId: null, unitId: null }
      }
      run={(v) => {
        const input = {
          code: v.code.trim(),
          name: v.name.trim(),
          planType: v.planType,
          parentId: v.planType === 'COMPREHENSIVE' ? null : (v.parentId ?? null),
          accidentTypes: v.accidentTypes ?? [],
          unitId: v.unitId ?? null,
          postIds: v.planType === 'ONSITE' ? (v.postIds ?? []) : [],
        };
        return plan ? invoke('emergencyPlan.update', { id: plan.id, ...input }) : invoke('emergencyPlan.create', input);
      }}
      done={(p) => (plan ? `已保存预案「${p.code} ${p.name}」` : `已新建预案「${p.code} ${p.name}」，请在 V1.0 草稿中填写评审、签署和处置内容`)}
      onDone={onSaved}
      onClose={onClose}
    >
      <Form.Item label="预案类型" name="planType" rules={[{ required: true, message: '请选择预案类型' }]} extra={TYPE_HINT[type]}>
        <Radio.Group optionType="button" buttonStyle="solid" options={EmergencyPlanType.options} data-testid="plan-form-type" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label="预案编号" name="code" rules={[{ required: true, whitespace: true, message: '请填写预案编号' }]}>
            <Input maxLength={30} placeholder="如 YA-XC-01" data-testid="plan-form-code" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label="预案名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写预案名称' }]}>
            <Input maxLength={60} placeholder={type === 'ONSITE' ? '如 配电室触电事故现场处置方案' : type === 'SPECIFIC' ? '如 火灾事故专项应急预案' : '如 生产安全事故综合应急预案'} data-testid="plan-form-name" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        {type !== 'COMPREHENSIVE' && (
          <Col span={12}>
            <Form.Item label="上级预案" name="parentId" extra={parentOptions.length ? '专项预案和现场处置方案通常隶属于综合应急预案' : '还没有综合应急预案，可以先不选'}>
              <Select allowClear placeholder="选择综合应急预案" options={parentOptions} showSearch={{ optionFilterProp: 'label' }} loading={parents.isFetching} data-testid="plan-form-parent" />
            </Form.Item>
          </Col>
        )}
        <Col span={type === 'COMPREHENSIVE' ? 24 : 12}>
          <Form.Item label="适用单位" name="unitId" extra="留空表示全企业适用">
            <UnitSelect placeholder="全企业" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="事故类型（GB 6441）" name="accidentTypes" extra="本预案针对的事故类型，演练和统计按此归类">
        <Select mode="multiple" allowClear placeholder="选择事故类型" options={ACCIDENT_OPTIONS} showSearch={{ optionFilterProp: 'label' }} data-testid="plan-form-accidents" />
      </Form.Item>
      {type === 'ONSITE' && (
        <Form.Item label="关键岗位" name="postIds" extra="这些岗位的员工持有本方案的应急处置卡；发布后可为它们生成卡片">
          <PostMultiSelect placeholder="选择关键岗位（可多选）" />
        </Form.Item>
      )}
    </StepModal>
  );
}

/** 发布: issue date; main refuses with what is missing (review, signature, risk description, scenarios). */
export function IssueModal({ plan, version, onClose, onDone }: { plan: EmergencyPlan; version: PlanVersion; onClose: () => void; onDone?: (p: EmergencyPlan) => void }) {
  const [form] = Form.useForm<{ issuedOn: dayjs.Dayjs }>();
  const settings = useEmergencySettings();
  const current = plan.versions.find((v) => v.status === 'IN_FORCE');
  const missing: string[] = [];
  if (!version.reviewMethod || !version.reviewedOn) missing.push('评审或论证（方式和日期）');
  if (!version.signedById || !version.signedOn) missing.push('主要负责人签署（签署人和日期）');
  if (plan.planType === 'ONSITE' && !version.riskDescription) missing.push('事故风险描述');
  if (plan.planType === 'ONSITE' && !version.scenarios.length) missing.push('事故情形和处置步骤');
  return (
    <StepModal<{ issuedOn: dayjs.Dayjs }, EmergencyPlan>
      title={`发布 ${plan.code} ${version.version}`}
      okText="发布"
      testId="plan-issue-modal"
      form={form}
      initialValues={{ issuedOn: dayjs() }}
      run={(v) => invoke('planVersion.issue', { versionId: version.id, issuedOn: day(v.issuedOn) ?? '' })}
      done={(p) => `${version.version} 已发布${p.filing && p.filing.state !== 'FILED' ? `，请于 ${p.filing.dueOn} 前完成告知性备案` : ''}`}
      onDone={onDone}
      onClose={onClose}
    >
      <Typography.Paragraph>
        预案经评审或论证、由主要负责人签署后公布，并发放到有关部门、岗位。发布后：
      </Typography.Paragraph>
      <ul className="sl-em-bullets">
        {current && <li>现行版本 {current.version} 变为「已被替代」；</li>}
        <li>发布日期之前登记的修订事项随之关闭；</li>
        <li>应自发布之日起 {settings.data?.filingWorkdays ?? 20} 个工作日内向所在地负有安全生产监督管理职责的部门进行告知性备案；</li>
        <li>下次修订（评估）日期{version.nextRevisionOn ? `为 ${version.nextRevisionOn}` : `按发布日期加 ${settings.data?.revisionYears ?? 3} 年计算`}。</li>
      </ul>
      {missing.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="草稿尚缺以下内容，发布会被拒绝" description={missing.join('、')} data-testid="plan-issue-missing" />
      )}
      <Form.Item label="发布日期" name="issuedOn" rules={[{ required: true, message: '请选择发布日期' }]} extra={version.signedOn ? `不早于签署日期 ${version.signedOn}` : undefined}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="plan-issue-date" />
      </Form.Item>
    </StepModal>
  );
}

interface FilingValues {
  filedOn: dayjs.Dayjs;
  filingAuthority: string;
  filingReceiptNo: string | null;
  receipts: AttachmentInfo[];
}

/** 登记备案: date, the receiving authority, receipt number and scans. */
export function FilingModal({ plan, version, onClose }: { plan: EmergencyPlan; version: PlanVersion; onClose: () => void }) {
  const [form] = Form.useForm<FilingValues>();
  const enterprise = useApi('enterprise.get', {});
  const settings = useEmergencySettings();
  const regulator = enterprise.data?.regulatorName ?? null;
  useEffect(() => {
    if (regulator && !version.filingAuthority && !form.getFieldValue('filingAuthority')) form.setFieldValue('filingAuthority', regulator);
  }, [regulator, form, version.filingAuthority]);
  return (
    <StepModal<FilingValues, EmergencyPlan>
      title={`登记告知性备案：${plan.code} ${version.version}`}
      okText="登记备案"
      testId="plan-filing-modal"
      form={form}
      initialValues={{
        filedOn: version.filedOn ? dayjs(version.filedOn) : dayjs(),
        filingAuthority: version.filingAuthority ?? regulator ?? '',
        filingReceiptNo: version.filingReceiptNo,
        receipts: [],
      }}
      run={(v) =>
        invoke('planVersion.file', {
          versionId: version.id,
          filedOn: day(v.filedOn) ?? '',
          filingAuthority: v.filingAuthority.trim(),
          filingReceiptNo: blank(v.filingReceiptNo),
          receiptIds: (v.receipts ?? []).map((a) => a.id),
        })
      }
      done={(p) => {
        const v = p.versions.find((x) => x.id === version.id);
        return v?.filing?.state === 'FILED_LATE' ? `已登记备案；晚于期限（${v.filing.dueOn}）${v.filing.workdays} 个工作日，记为逾期备案` : '已登记备案';
      }}
      onClose={onClose}
    >
      {version.filing && (
        <Typography.Paragraph>
          {version.version} 于 {version.issuedOn} 发布，备案期限为 <b>{version.filing.dueOn}</b>（{settings.data?.filingWorkdays ?? 20} 个工作日）。备案日期晚于期限的记为「逾期备案」。
        </Typography.Paragraph>
      )}
      <Space size={12} align="start" style={{ display: 'flex' }}>
        <Form.Item label="备案日期" name="filedOn" rules={[{ required: true, message: '请选择备案日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="plan-filing-date" />
        </Form.Item>
        <Form.Item label="受理部门" name="filingAuthority" rules={[{ required: true, whitespace: true, message: '请填写受理备案的部门' }]} style={{ width: 260 }}>
          <Input maxLength={60} placeholder="如 XX区应急管理局" data-testid="plan-filing-authority" />
        </Form.Item>
        <Form.Item label="回执编号" name="filingReceiptNo" style={{ width: 180 }}>
          <Input maxLength={40} placeholder="可选" data-testid="plan-filing-receipt-no" />
        </Form.Item>
      </Space>
      <Form.Item label="备案回执扫描件" name="receipts" extra={version.receipts.length ? `已有 ${version.receipts.length} 份回执；新选择的会追加` : '可选，图片或 PDF'}>
        <ReceiptPicker />
      </Form.Item>
    </StepModal>
  );
}

function ReceiptPicker({ value = [], onChange }: { value?: AttachmentInfo[]; onChange?: (v: AttachmentInfo[]) => void }) {
  return (
    <div>
      <PickFilesButton purpose="imageOrPdf" label="选择回执文件" onPicked={(files) => onChange?.([...value, ...files.filter((f) => !value.some((x) => x.id === f.id))])} testId="plan-filing-pick" />
      {value.length > 0 && (
        <div style={{ marginTop: 8 }}>
          {value.map((a) => (
            <Tag key={a.id} closable onClose={() => onChange?.(value.filter((x) => x.id !== a.id))}>
              {a.originalName}（{formatBytes(a.sizeBytes)}）
            </Tag>
          ))}
        </div>
      )}
    </div>
  );
}

interface TriggerValues {
  kind: (typeof PlanTriggerKind.values)[number];
  occurredOn: dayjs.Dayjs;
  description: string;
  dueOn: dayjs.Dayjs | null;
  ownerId: string | null;
}

/** 修订事项: one of the 应急条例第六条 situations that require the plan to be revised. */
export function TriggerModal({ plan, onClose }: { plan: EmergencyPlan; onClose: () => void }) {
  const [form] = Form.useForm<TriggerValues>();
  return (
    <StepModal<TriggerValues, EmergencyPlan>
      title={`登记修订事项：${plan.code} ${plan.name}`}
      okText="登记"
      testId="plan-trigger-modal"
      width={680}
      form={form}
      initialValues={{ occurredOn: dayjs(), dueOn: null, ownerId: null }}
      run={(v) =>
        invoke('planTrigger.create', {
          planId: plan.id,
          kind: v.kind,
          occurredOn: day(v.occurredOn) ?? '',
          description: v.description.trim(),
          dueOn: day(v.dueOn),
          ownerId: v.ownerId ?? null,
        })
      }
      done={() => '已登记修订事项；发布修订后的新版本时自动关闭'}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">
        《生产安全事故应急条例》第六条：有下列情形之一的，应急预案应当及时修订。事项登记后，预案显示为「待修订」，直至发布新的版本。
      </Typography.Paragraph>
      <Form.Item label="修订情形" name="kind" rules={[{ required: true, message: '请选择修订情形' }]}>
        <Select options={PlanTriggerKind.options} placeholder="选择情形" data-testid="plan-trigger-kind" />
      </Form.Item>
      <Form.Item label="情况说明" name="description" rules={[{ required: true, whitespace: true, message: '请说明具体情况' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount placeholder="如 配电室新增 10kV 开关柜，原处置步骤中的断电操作已不适用" data-testid="plan-trigger-description" />
      </Form.Item>
      <Space size={12} align="start" style={{ display: 'flex' }} wrap>
        <Form.Item label="发生日期" name="occurredOn" rules={[{ required: true, message: '请选择发生日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="plan-trigger-occurred" />
        </Form.Item>
        <Form.Item label="完成修订期限" name="dueOn">
          <DatePicker placeholder="可选" data-testid="plan-trigger-due" />
        </Form.Item>
        <Form.Item label="负责人" name="ownerId" style={{ width: 280 }}>
          <PersonSelect placeholder="可选，输入姓名搜索" />
        </Form.Item>
      </Space>
    </StepModal>
  );
}

/** 废止: the plan leaves the list; its versions, drills and cards stay in the archive. */
export function ArchiveModal({ plan, onClose }: { plan: EmergencyPlan; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <StepModal<{ reason: string }, EmergencyPlan>
      title={`废止预案：${plan.code} ${plan.name}`}
      okText="废止"
      danger
      testId="plan-archive-modal"
      form={form}
      initialValues={{}}
      run={(v) => invoke('emergencyPlan.archive', { id: plan.id, reason: v.reason.trim() })}
      done={() => '预案已废止'}
      onClose={onClose}
    >
      <Typography.Paragraph>废止后预案不再出现在清单中（勾选「显示已废止」可查看），各版本、备案、演练记录和应急处置卡作为存档保留。</Typography.Paragraph>
      <Form.Item label="废止原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写废止原因' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} showCount placeholder="如 装置已拆除；已并入《XX专项应急预案》" data-testid="plan-archive-reason" />
      </Form.Item>
    </StepModal>
  );
}
