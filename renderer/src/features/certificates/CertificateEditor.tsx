import { useEffect } from 'react';
import { App as AntApp, Col, DatePicker, Form, Input, Modal, Row } from 'antd';
import dayjs from 'dayjs';
import type { Certificate } from '../../../../preload/contract/certificates.ts';
import { useApi, useApiMutation } from '../../lib/api.ts';
import { clean, showApiError } from '../../lib/forms.ts';
import { CertTypeSelect, PersonSelect } from '../../components/selects.tsx';

const DATE_FIELDS = ['issueDate', 'expiryDate', 'lastReviewDate'] as const;

export function CertificateEditor({ certificate, personId, onClose }: { certificate: Certificate | null; personId?: string; onClose: (id?: string) => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const create = useApiMutation('certificate.create');
  const update = useApiMutation('certificate.update');
  const types = useApi('certType.list', {});
  const typeId = Form.useWatch('certTypeId', form) as string | undefined;
  const rule = types.data?.find((t) => t.id === typeId);

  useEffect(() => {
    if (certificate) {
      const v: Record<string, unknown> = { ...certificate };
      for (const f of DATE_FIELDS) v[f] = certificate[f] ? dayjs(certificate[f]) : null;
      form.setFieldsValue(v);
    } else {
      form.setFieldsValue({ personId: personId ?? undefined });
    }
  }, [certificate, personId, form]);

  const submit = async () => {
    const raw = (await form.validateFields()) as Record<string, unknown>;
    for (const f of DATE_FIELDS) {
      const d = raw[f] as dayjs.Dayjs | null | undefined;
      raw[f] = d ? d.format('YYYY-MM-DD') : null;
    }
    const values = clean(raw);
    const onError = (err: unknown) => showApiError(err, (m) => void message.error(m), form);
    if (certificate) update.mutate({ ...values, id: certificate.id } as never, { onSuccess: (c) => { void message.success('已保存'); onClose(c.id); }, onError });
    else create.mutate(values as never, { onSuccess: (c) => { void message.success('证书已登记'); onClose(c.id); }, onError });
  };

  const ruleText = rule
    ? [rule.validityYears ? `有效期 ${rule.validityYears} 年` : '无固定有效期', rule.reviewIntervalYears ? `每 ${rule.reviewIntervalYears} 年复审` : null, rule.reviewWindowDays ? `提前 ${rule.reviewWindowDays} 天申请` : null]
        .filter(Boolean)
        .join('，')
    : undefined;

  return (
    <Modal open title={certificate ? '编辑证书' : '登记证书'} onCancel={() => onClose()} onOk={() => void submit()} okText="保存" cancelText="取消" confirmLoading={create.isPending || update.isPending} destroyOnHidden width={720}>
      <Form form={form} layout="vertical" data-testid="certificate-form">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="持证人" name="personId" rules={[{ required: true, message: '请选择持证人' }]}>
              <PersonSelect allowClear={false} disabled={Boolean(personId)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="证书类型" name="certTypeId" rules={[{ required: true, message: '请选择证书类型' }]} extra={ruleText}>
              <CertTypeSelect />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="作业类别/操作项目" name="category" extra="如 电工作业-低压电工作业、叉车司机（N1）">
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="证书编号" name="number" rules={[{ required: true, message: '请填写证书编号' }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="发证机关" name="issuer">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="初领/发证日期" name="issueDate" rules={[{ required: true, message: '请选择发证日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="有效期至" name="expiryDate" extra="按证书上印的日期填写；留空则按证书类型规则推算">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="最近复审日期" name="lastReviewDate" extra="以后的复审请在证书详情中「登记复审」">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="备注" name="notes">
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
