import { useEffect } from 'react';
import { Alert, Col, DatePicker, Form, Input, Modal, Row, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CardSet } from '../../../../preload/contract/cards.ts';
import { useApi } from '../../lib/api.ts';
import { PersonSelect } from '../../components/selects.tsx';

export interface ApproveValues {
  compiledBy: string;
  reviewedBy: string;
  approverPersonId: string;
  publishedOn: string;
  nextReviewOn: string | null;
}

interface ApproveForm {
  compiledBy: string;
  reviewedBy: string;
  approverPersonId: string | null;
  publishedOn: Dayjs;
  nextReviewOn: Dayjs | null;
}

/** 批准发布: who compiled, reviewed and approves, and the dates. The caller saves the draft first, then approves. */
export function ApproveModal({
  card,
  currentVersion,
  compiledBy,
  reviewedBy,
  busy,
  onCancel,
  onSubmit,
}: {
  card: CardSet;
  currentVersion: number | null;
  compiledBy: string | null;
  reviewedBy: string | null;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (values: ApproveValues, form: FormInstance) => void;
}) {
  const [form] = Form.useForm<ApproveForm>();
  const enterprise = useApi('enterprise.get', {});
  const principalId = enterprise.data?.principalPersonId ?? null;
  const publishedOn = Form.useWatch('publishedOn', form);

  useEffect(() => {
    if (principalId && !form.getFieldValue('approverPersonId')) form.setFieldValue('approverPersonId', principalId);
  }, [principalId, form]);

  const defaultReview = publishedOn ? publishedOn.add(1, 'year').format('YYYY-MM-DD') : null;

  return (
    <Modal
      open
      width={620}
      title={`批准发布第 ${card.version} 版两单两卡`}
      okText="保存并批准发布"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
      onCancel={onCancel}
      okButtonProps={{ 'data-testid': 'card-approve-ok' }}
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (!v) return;
        onSubmit(
          {
            compiledBy: v.compiledBy.trim(),
            reviewedBy: v.reviewedBy.trim(),
            approverPersonId: v.approverPersonId ?? '',
            publishedOn: v.publishedOn.format('YYYY-MM-DD'),
            nextReviewOn: v.nextReviewOn ? v.nextReviewOn.format('YYYY-MM-DD') : null,
          },
          form,
        );
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`批准后第 ${card.version} 版成为现行版本${currentVersion ? `，第 ${currentVersion} 版同时停止使用` : ''}`}
        description="发布后内容不能再修改，需要调整时「修订」建立新版本。在岗人员应对新版本重新签字确认，口袋卡和岗位牌需重新打印。"
      />
      <Form
        form={form}
        name="cardApprove"
        layout="vertical"
        initialValues={{ compiledBy: compiledBy ?? '', reviewedBy: reviewedBy ?? '', approverPersonId: principalId, publishedOn: dayjs(), nextReviewOn: null }}
        data-testid="card-approve-form"
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label="编制人" name="compiledBy" rules={[{ required: true, whitespace: true, message: '请填写编制人' }]} extra="一般为班组长或车间安全员">
              <Input maxLength={30} placeholder="姓名" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="审核人" name="reviewedBy" rules={[{ required: true, whitespace: true, message: '请填写审核人' }]} extra="一般为车间负责人或安全管理部门">
              <Input maxLength={30} placeholder="姓名" />
            </Form.Item>
          </Col>
        </Row>
        <div data-testid="card-approver">
          <Form.Item label="批准人" name="approverPersonId" rules={[{ required: true, message: '请选择批准人' }]} extra="一般为主要负责人">
            <PersonSelect />
          </Form.Item>
        </div>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label="发布日期" name="publishedOn" rules={[{ required: true, message: '请选择发布日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="下次复审日期" name="nextReviewOn" extra={defaultReview ? `不填则为发布后一年（${defaultReview}）` : '不填则为发布后一年'}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => (publishedOn ? !d.isAfter(publishedOn, 'day') : false)} placeholder="发布后一年" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
