import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Space, Typography } from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { PlanReviewMethod } from '../../../../preload/contract/enums.ts';
import type { EmergencyPlan, PlanVersion } from '../../../../preload/contract/emergency.ts';
import type { InputOf } from '../../../../preload/contract/index.ts';
import { errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { PersonSelect } from '../../components/selects.tsx';
import { placeFieldErrors, day } from './emForms.tsx';
import { ContactFields, ScenarioFields, contactsOut, scenariosOut, type ContactValues, type ScenarioValues } from './ScenarioFields.tsx';
import { VersionFiles } from './VersionFiles.tsx';
import { blank, nextVersionNo, useEmergencySettings } from './emergencyMeta.tsx';

interface VersionValues {
  version?: string;
  reviewMethod?: PlanVersion['reviewMethod'];
  reviewedOn?: dayjs.Dayjs | null;
  reviewNote?: string | null;
  signedById?: string | null;
  signedOn?: dayjs.Dayjs | null;
  changeSummary?: string | null;
  riskDescription?: string | null;
  scenarios?: ScenarioValues[];
  contacts?: ContactValues[];
  nextRevisionOn?: dayjs.Dayjs | null;
}

const d = (s: string | null | undefined) => (s ? dayjs(s) : null);

function fromVersion(v: PlanVersion): VersionValues {
  return {
    version: v.version,
    reviewMethod: v.reviewMethod,
    reviewedOn: d(v.reviewedOn),
    reviewNote: v.reviewNote,
    signedById: v.signedById,
    signedOn: d(v.signedOn),
    changeSummary: v.changeSummary,
    riskDescription: v.riskDescription,
    scenarios: v.scenarios.map((s) => ({ ...s, steps: [...s.steps] })),
    contacts: v.contacts.map((c) => ({ ...c })),
    nextRevisionOn: d(v.nextRevisionOn),
  };
}

/** A new revision starts from the version in force: same content, a new number, review and signature to be done again. */
function fromCurrent(plan: EmergencyPlan, current: PlanVersion | undefined, principalId: string | null): VersionValues {
  return {
    version: nextVersionNo(current?.version, plan.versions.length),
    reviewMethod: current?.reviewMethod ?? null,
    reviewedOn: null,
    reviewNote: null,
    signedById: principalId,
    signedOn: null,
    changeSummary: null,
    riskDescription: current?.riskDescription ?? null,
    scenarios: (current?.scenarios ?? []).map((s) => ({ ...s, steps: [...s.steps] })),
    contacts: (current?.contacts ?? []).map((c) => ({ ...c })),
    nextRevisionOn: null,
  };
}

/** Form values → input; plans other than 现场处置方案 do not edit the on-site content, which is kept as it was. */
function toInput(planId: string, v: VersionValues, onsite: boolean, base: PlanVersion | null | undefined): InputOf<'planVersion.saveDraft'> {
  return {
    planId,
    version: v.version?.trim() ?? '',
    reviewMethod: v.reviewMethod ?? null,
    reviewedOn: day(v.reviewedOn),
    reviewNote: blank(v.reviewNote),
    signedById: v.signedById ?? null,
    signedOn: day(v.signedOn),
    changeSummary: blank(v.changeSummary),
    riskDescription: onsite ? blank(v.riskDescription) : (base?.riskDescription ?? null),
    scenarios: onsite ? scenariosOut(v.scenarios) : (base?.scenarios ?? []),
    contacts: onsite ? contactsOut(v.contacts) : (base?.contacts ?? []),
    nextRevisionOn: day(v.nextRevisionOn),
  };
}

const future = (x: dayjs.Dayjs) => x.isAfter(dayjs(), 'day');

/**
 * The draft of a plan version (V1.0 or a revision): version number and change
 * summary, 评审/论证, the principal's signature and, for a 现场处置方案, the
 * risk description, scenarios and contacts. `draft` null: a new revision
 * prefilled from the version in force, created on the first save.
 */
export function VersionForm({
  plan,
  draft,
  onDirtyChange,
  onIssue,
  onSaved,
}: {
  plan: EmergencyPlan;
  draft: PlanVersion | null;
  onDirtyChange: (dirty: boolean) => void;
  onIssue: (plan: EmergencyPlan, draft: PlanVersion) => void;
  onSaved: (plan: EmergencyPlan) => void;
}) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<VersionValues>();
  const save = useApiMutation('planVersion.saveDraft');
  const settings = useEmergencySettings();
  const enterprise = useApi('enterprise.get', {});
  const principal = enterprise.data?.principal ?? null;
  const current = plan.versions.find((v) => v.status === 'IN_FORCE');
  const onsite = plan.planType === 'ONSITE';
  const [dirty, setDirtyState] = useState(!draft);
  const setDirty = (x: boolean) => {
    setDirtyState(x);
    onDirtyChange(x);
  };
  const reviewMethod = Form.useWatch('reviewMethod', form);

  useEffect(() => {
    onDirtyChange(!draft);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  // The signer is the principal: filled in once the enterprise is known, when nobody is set yet.
  useEffect(() => {
    if (principal && !form.getFieldValue('signedById')) form.setFieldValue('signedById', principal.id);
  }, [principal, form]);

  const submit = async (thenIssue: boolean) => {
    try {
      await form.validateFields();
    } catch {
      void message.warning('请先补全标红的内容');
      return;
    }
    const v = form.getFieldsValue(true) as VersionValues;
    try {
      let p = plan;
      if (dirty || !draft) {
        p = await save.mutateAsync(toInput(plan.id, v, onsite, draft ?? current));
        const saved = p.versions.find((x) => x.status === 'DRAFT');
        if (saved) form.setFieldsValue(fromVersion(saved));
        setDirty(false);
        if (!thenIssue) void message.success(`草稿 ${v.version?.trim() ?? ''} 已保存`);
        onSaved(p);
      }
      const saved = p.versions.find((x) => x.status === 'DRAFT');
      if (thenIssue && saved) onIssue(p, saved);
    } catch (e) {
      const left = placeFieldErrors(form, e);
      void message.error(left.length ? left.join('；') : errorMessage(e));
    }
  };

  const methodHint = settings.data?.highRisk
    ? '本企业属于高危行业，应组织专家评审（《生产安全事故应急预案管理办法》第二十一条）'
    : '高危行业和中型以上企业应组织评审；其他企业可以论证（《生产安全事故应急预案管理办法》第二十一条）';

  return (
    <Form<VersionValues>
      form={form}
      layout="vertical"
      colon={false}
      requiredMark={false}
      initialValues={draft ? fromVersion(draft) : fromCurrent(plan, current, principal?.id ?? null)}
      onValuesChange={() => !dirty && setDirty(true)}
      data-testid="version-form"
    >
      {!draft && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={current ? `新的修订草稿，内容取自现行版本 ${current.version}` : '新的草稿'}
          description="修改需要修订的内容并写明修订说明；修订后的预案须重新评审或论证、由主要负责人签署后发布。点击「保存草稿」后草稿才会建立。"
          data-testid="version-form-new"
        />
      )}
      <Card size="small" title="版本" className="sl-em-form-card">
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item label="版本号" name="version" rules={[{ required: true, whitespace: true, message: '请填写版本号' }]}>
              <Input maxLength={20} placeholder="如 V2.0" data-testid="version-form-version" />
            </Form.Item>
          </Col>
          <Col span={18}>
            <Form.Item label={plan.versions.some((x) => x.status !== 'DRAFT') ? '修订说明' : '编制说明'} name="changeSummary">
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={1000}
                placeholder={current ? '修订了哪些内容、为什么修订（如 根据 2025 年演练评估，补充了配电柜起火的处置步骤）' : '可选，如 首次编制'}
                data-testid="version-form-change"
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Row gutter={12}>
        <Col span={12}>
          <Card size="small" title="评审 / 论证" className="sl-em-form-card" style={{ height: 'calc(100% - 12px)' }}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {methodHint}
            </Typography.Paragraph>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item label="方式" name="reviewMethod">
                  <Radio.Group options={PlanReviewMethod.options} data-testid="version-form-method" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label={`${reviewMethod === 'ARGUMENT' ? '论证' : '评审'}日期`} name="reviewedOn">
                  <DatePicker disabledDate={future} style={{ width: '100%' }} data-testid="version-form-reviewed" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label="评审/论证意见" name="reviewNote">
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} placeholder="可选，如 专家组评审通过，建议补充应急物资清单" />
            </Form.Item>
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title="主要负责人签署" className="sl-em-form-card" style={{ height: 'calc(100% - 12px)' }}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              预案由企业主要负责人签署公布{principal ? `（企业信息中的主要负责人：${principal.name}）` : '；请先在「企业信息」中设置主要负责人'}。
            </Typography.Paragraph>
            <Row gutter={12}>
              <Col span={14}>
                <Form.Item label="签署人" name="signedById">
                  <PersonSelect placeholder="主要负责人" />
                </Form.Item>
              </Col>
              <Col span={10}>
                <Form.Item label="签署日期" name="signedOn">
                  <DatePicker disabledDate={future} style={{ width: '100%' }} data-testid="version-form-signed" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label="下次修订（评估）日期" name="nextRevisionOn" extra={`留空则按发布日期加 ${settings.data?.revisionYears ?? 3} 年`}>
              <DatePicker style={{ width: '100%' }} placeholder="自动计算" />
            </Form.Item>
          </Card>
        </Col>
      </Row>

      {onsite && (
        <Card size="small" title="现场处置方案内容" className="sl-em-form-card">
          <Form.Item
            label="事故风险描述"
            name="riskDescription"
            extra="可能发生的事故类型、发生的区域和装置、可能的危害程度和影响范围，以及事故前可能出现的征兆"
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount placeholder="如 配电室内高低压开关柜在操作、检修时可能发生触电；电缆老化过载可能引起电气火灾……" data-testid="version-form-risk" />
          </Form.Item>
          <ScenarioFields
            name="scenarios"
            max={8}
            testId="version-scenarios"
            hint="按“报警 → 隔离 → 施救 → 上报”的顺序写处置步骤，每步一句；应急处置卡取前 4 个情形。"
          />
          <div style={{ height: 16 }} />
          <ContactFields name="contacts" max={12} testId="version-contacts" hint="现场负责人、班组长、值班室等；生成处置卡时再补上企业值班电话和 119、120、110。" />
        </Card>
      )}

      {draft && (
        <Card size="small" title="文件" className="sl-em-form-card">
          <VersionFiles plan={plan} version={draft} />
        </Card>
      )}

      <div className="sl-sticky-actions sl-em-form-actions">
        <Space>
          <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => void submit(false)} data-testid="version-form-save">
            保存草稿
          </Button>
          <Button icon={<SendOutlined />} onClick={() => void submit(true)} data-testid="version-form-issue">
            {dirty ? '保存并发布…' : '发布…'}
          </Button>
          {dirty && <Typography.Text type="warning">{draft ? '有未保存的修改' : '草稿尚未保存'}</Typography.Text>}
        </Space>
      </div>
    </Form>
  );
}
