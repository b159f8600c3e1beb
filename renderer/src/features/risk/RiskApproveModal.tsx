import { useState } from 'react';
import { Alert, App as AntApp, DatePicker, Descriptions, Form, Input, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import type { RiskPoint } from '../../../../preload/contract/risk.ts';
import { errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { okButtonTestId, showApiError } from '../../lib/forms.ts';
import { LevelTag, methodScore } from './riskMeta.tsx';

interface ApproveValues {
  approvedBy: string;
  approvedOn: dayjs.Dayjs;
}

/**
 * Approving a point's identification and assessment as final. Main refuses
 * without a control measure or an assessment; its message is shown in the dialog.
 */
export function RiskApproveModal({ point, onClose }: { point: RiskPoint; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ApproveValues>();
  const status = useApi('app.status', {});
  const approve = useApiMutation('risk.approve');
  const [problem, setProblem] = useState<string | null>(null);
  const operator = status.data?.operator?.name ?? '';
  const again = point.status === 'ACTIVE';

  const submit = async () => {
    const v = await form.validateFields();
    setProblem(null);
    approve.mutate(
      { id: point.id, approvedBy: v.approvedBy.trim(), approvedOn: v.approvedOn.format('YYYY-MM-DD') },
      {
        onSuccess: (p) => {
          void message.success(`风险点 ${p.code} 已批准，下次评审 ${p.nextReviewOn ?? '—'}；已进入风险公告栏、告知卡和两单两卡的风险清单`);
          onClose();
        },
        onError: (e) => {
          setProblem(errorMessage(e));
          showApiError(e, () => undefined, form);
        },
      },
    );
  };

  return (
    <Modal
      open
      width={620}
      title={`${again ? '重新批准' : '批准'}风险点 ${point.code}「${point.name}」`}
      okText="批准"
      cancelText="取消"
      confirmLoading={approve.isPending}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={okButtonTestId('risk-approve-ok')}
      destroyOnHidden
    >
      <Typography.Paragraph>
        批准后该风险点的辨识评价结果生效：进入风险公告栏、岗位风险告知卡和关联岗位的两单两卡，并按设置排定下次评审日期。之后仍可修改，修改和重新评价都会记入操作日志。
      </Typography.Paragraph>
      <Descriptions size="small" bordered column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="评价结果">
          {point.assessment ? (
            <span>
              <LevelTag level={point.assessment.level} /> <span className="sl-muted">{methodScore(point.assessment.method, point.assessment.score)}，{point.assessment.assessorName} {point.assessment.assessedOn}</span>
            </span>
          ) : (
            <Typography.Text type="danger">尚未评价（请先在「评价」页评价）</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="管控措施">{point.measures.length ? `${point.measures.length} 项` : <Typography.Text type="danger">没有管控措施</Typography.Text>}</Descriptions.Item>
        <Descriptions.Item label="关联岗位">{point.posts.length ? point.posts.map((p) => p.name).join('、') : <span className="sl-muted">未关联岗位（不会进入任何岗位的告知卡和两单两卡）</span>}</Descriptions.Item>
        <Descriptions.Item label="下次评审">{point.nextReviewOn ?? <span className="sl-muted">批准后按设置自动排定</span>}</Descriptions.Item>
      </Descriptions>
      {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title="不能批准" description={problem} data-testid="risk-approve-error" />}
      <Form form={form} layout="vertical" initialValues={{ approvedBy: operator, approvedOn: dayjs() }} key={operator}>
        <Form.Item label="批准人" name="approvedBy" rules={[{ required: true, whitespace: true, message: '请填写批准人（一般为主要负责人或分管负责人）' }]}>
          <Input maxLength={30} placeholder="一般为主要负责人或分管负责人" data-testid="risk-approve-by" />
        </Form.Item>
        <Form.Item
          label="批准日期"
          name="approvedOn"
          rules={[{ required: true, message: '请选择批准日期' }]}
          extra={`不能晚于今天，也不能早于辨识日期（${point.identifiedOn}）`}
        >
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(point.identifiedOn), 'day')} data-testid="risk-approve-on" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
