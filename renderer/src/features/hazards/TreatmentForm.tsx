import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Col, DatePicker, Descriptions, Form, Input, Row, Space, Typography } from 'antd';
import { CheckCircleOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Hazard, TreatmentInput } from '../../../../preload/contract/hazards.ts';
import { invoke, useApi, useApiMutation } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { PersonSelect } from '../../components/selects.tsx';
import { ActionModal } from '../../components/ActionModal.tsx';

/** The eight parts of a 重大事故隐患治理方案, in the order of the regulation. */
export const TREATMENT_FIELDS: { key: keyof TreatmentInput; label: string; max: number; placeholder: string }[] = [
  { key: 'presentState', label: '隐患现状及其产生原因', max: 1000, placeholder: '隐患的具体情况、范围，以及形成的原因' },
  { key: 'harm', label: '隐患的危害程度和整改难易程度分析', max: 1000, placeholder: '可能导致的事故、影响范围和人数；整改涉及的停产、改造和技术难度' },
  { key: 'goals', label: '治理的目标和任务', max: 1000, placeholder: '治理后要达到的状态和分项任务' },
  { key: 'methods', label: '采取的方法和措施', max: 1000, placeholder: '工程技术、管理等具体措施，分步骤写' },
  { key: 'fundsMaterials', label: '经费和物资的落实', max: 500, placeholder: '预算金额、资金来源、所需设备和材料' },
  { key: 'organisation', label: '负责治理的机构和人员', max: 500, placeholder: '牵头部门、负责人、参与人员和外部单位' },
  { key: 'timeLimit', label: '治理的时限和要求', max: 500, placeholder: '开始和完成日期、阶段节点、验收要求' },
  { key: 'safetyMeasures', label: '安全措施和应急预案', max: 1000, placeholder: '治理期间的警戒、监护、限产停产措施和应急处置预案' },
];

const editable = (h: Hazard) => h.status === 'PENDING' || h.status === 'IN_PROGRESS';

/**
 * 重大事故隐患: the treatment plan (8 parts), the principal's approval and the
 * report to the regulator and the workers' congress. Saving a changed plan
 * after approval needs a new approval.
 */
export function TreatmentForm({ hazard }: { hazard: Hazard }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<TreatmentInput>();
  const save = useApiMutation('hazard.saveTreatment');
  const [dialog, setDialog] = useState<'approve' | 'report' | null>(null);
  const t = hazard.treatment;
  const canEdit = editable(hazard);
  const stamp = `${hazard.id}:${hazard.updatedAtMs}`;

  useEffect(() => {
    form.resetFields();
    if (t) form.setFieldsValue(Object.fromEntries(TREATMENT_FIELDS.map((f) => [f.key, t[f.key]])) as TreatmentInput);
  }, [stamp]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async () => {
    let v: TreatmentInput;
    try {
      v = await form.validateFields();
    } catch {
      void message.warning('治理方案的八项内容都要填写');
      return;
    }
    const treatment = Object.fromEntries(TREATMENT_FIELDS.map((f) => [f.key, (v[f.key] ?? '').trim()])) as TreatmentInput;
    save.mutate(
      { id: hazard.id, treatment },
      {
        onSuccess: (h) => void message.success(h.treatment?.approvedOn ? '治理方案已保存' : '治理方案已保存，请主要负责人批准'),
        onError: (e) => showApiError(e, (m) => void message.error(m), form, ['treatment']),
      },
    );
  };

  return (
    <div data-testid="hazard-treatment">
      <div className="sl-hazard-section-title">审批和报告</div>
      <Descriptions size="small" bordered column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="治理方案">
          {t ? (
            t.approvedOn ? (
              <Typography.Text type="success" data-testid="hazard-treatment-approved">
                <CheckCircleOutlined /> {t.approvedByName} 于 {t.approvedOn} 批准
              </Typography.Text>
            ) : (
              <Typography.Text type="warning">已编制，待主要负责人批准</Typography.Text>
            )
          ) : (
            <Typography.Text type="danger">尚未编制</Typography.Text>
          )}
          {t && !t.approvedOn && canEdit && (
            <Button size="small" type="primary" style={{ marginInlineStart: 8 }} onClick={() => setDialog('approve')} data-testid="hazard-treatment-approve">
              批准…
            </Button>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="报告监管部门和职代会">
          {hazard.reportedOn ? (
            <span data-testid="hazard-reported">
              {hazard.reportedOn} 报告{hazard.reportedTo}
            </span>
          ) : (
            <Typography.Text type="danger">尚未报告</Typography.Text>
          )}
          <Button size="small" type={hazard.reportedOn ? 'link' : 'primary'} style={{ marginInlineStart: 8 }} onClick={() => setDialog('report')} data-testid="hazard-report">
            {hazard.reportedOn ? '修改…' : '登记报告…'}
          </Button>
        </Descriptions.Item>
      </Descriptions>
      {!t && canEdit && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="重大事故隐患须编制治理方案"
          description="治理方案经主要负责人批准后才能下发整改；治理期间在现场设置警示标志，写明责任人、期限和应急措施。"
        />
      )}
      {t?.approvedOn && canEdit && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          修改已批准的方案后须重新批准。
        </Typography.Paragraph>
      )}
      <div className="sl-hazard-section-title">治理方案</div>
      <Form form={form} layout="vertical" disabled={!canEdit} requiredMark="optional" colon={false}>
        <Row gutter={12}>
          {TREATMENT_FIELDS.map((f, i) => (
            <Col span={f.max > 500 ? 24 : 12} key={f.key}>
              <Form.Item label={`${'一二三四五六七八'[i]}、${f.label}`} name={f.key} rules={[{ required: true, whitespace: true, message: `请填写${f.label}` }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={f.max} placeholder={f.placeholder} data-testid={`hazard-treatment-${f.key}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
      {canEdit && (
        <div className="sl-sticky-actions">
          <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => void submit()} data-testid="hazard-treatment-save">
            保存治理方案
          </Button>
        </div>
      )}
      {dialog === 'approve' && <ApproveModal h={hazard} onClose={() => setDialog(null)} />}
      {dialog === 'report' && <ReportModal h={hazard} onClose={() => setDialog(null)} />}
    </div>
  );
}

function ApproveModal({ h, onClose }: { h: Hazard; onClose: () => void }) {
  const [form] = Form.useForm<{ approvedById: string | null; approvedOn: dayjs.Dayjs }>();
  const enterprise = useApi('enterprise.get', {});
  const principal = enterprise.data?.principal ?? null;
  return (
    <ActionModal<{ approvedById: string | null; approvedOn: dayjs.Dayjs }, Hazard>
      title={`批准治理方案 ${h.code}`}
      okText="批准"
      testId="hazard-approve-modal"
      form={form}
      initialValues={{ approvedById: principal?.id ?? null, approvedOn: dayjs() }}
      run={(v) => invoke('hazard.approveTreatment', { id: h.id, approvedById: v.approvedById ?? '', approvedOn: v.approvedOn.format('YYYY-MM-DD') })}
      done={(x) => `治理方案已批准；${x.missing.length ? `下发整改前还需要：${x.missing.join('；')}` : '可以下发整改通知'}`}
      onClose={onClose}
    >
      <Typography.Paragraph>重大事故隐患治理方案由企业主要负责人批准{principal ? `（企业信息中的主要负责人：${principal.name}）` : ''}。</Typography.Paragraph>
      <Space size={12} style={{ display: 'flex' }} align="start">
        <Form.Item label="批准人" name="approvedById" rules={[{ required: true, message: '请选择批准人' }]} style={{ width: 300 }}>
          <PersonSelect />
        </Form.Item>
        <Form.Item label="批准日期" name="approvedOn" rules={[{ required: true, message: '请选择批准日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(h.foundOn), 'day')} />
        </Form.Item>
      </Space>
    </ActionModal>
  );
}

function ReportModal({ h, onClose }: { h: Hazard; onClose: () => void }) {
  const [form] = Form.useForm<{ reportedOn: dayjs.Dayjs; reportedTo: string }>();
  return (
    <ActionModal<{ reportedOn: dayjs.Dayjs; reportedTo: string }, Hazard>
      title={`登记重大事故隐患报告 ${h.code}`}
      okText="登记"
      testId="hazard-report-modal"
      form={form}
      initialValues={{ reportedOn: h.reportedOn ? dayjs(h.reportedOn) : dayjs(), reportedTo: h.reportedTo ?? '属地应急管理部门、职工代表大会' }}
      run={(v) => invoke('hazard.report', { id: h.id, reportedOn: v.reportedOn.format('YYYY-MM-DD'), reportedTo: v.reportedTo.trim() })}
      done={() => '已登记报告'}
      onClose={onClose}
    >
      <Typography.Paragraph>
        依据《安全生产法》第四十一条，重大事故隐患的排查治理情况应向负有安全生产监督管理职责的部门和职工代表大会报告。报告内容包括隐患现状及产生原因、危害程度和整改难易程度分析、治理方案。
      </Typography.Paragraph>
      <Space size={12} style={{ display: 'flex' }} align="start">
        <Form.Item label="报告日期" name="reportedOn" rules={[{ required: true, message: '请选择报告日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item label="报告对象" name="reportedTo" rules={[{ required: true, whitespace: true, message: '请填写报告对象' }]} style={{ width: 340 }}>
          <Input maxLength={100} />
        </Form.Item>
      </Space>
    </ActionModal>
  );
}
