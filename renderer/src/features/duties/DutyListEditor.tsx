import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, CheckCircleOutlined, DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { DutyList } from '../../../../preload/contract/duties.ts';
import { DutyCategory } from '../../../../preload/contract/enums.ts';
import { useApiMutation, errorMessage } from '../../lib/api.ts';
import { okButtonTestId, showApiError } from '../../lib/forms.ts';
import { PersonSelect } from '../../components/selects.tsx';

interface ItemValues {
  content: string;
  category: DutyCategory;
  legalBasis?: string | null;
  scope?: string | null;
  assessmentStandard?: string | null;
  weight: number;
}

interface Values {
  reason: string;
  items: ItemValues[];
}

const blank = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

/**
 * Editing a draft list: numbered items (verb-led content, category, basis,
 * scope, 考核标准, points) in order, the reason for the revision, then approval.
 */
export function DutyListEditor({ draft, onDeleted }: { draft: DutyList; onDeleted: () => void }) {
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation('duty.saveDraft');
  const remove = useApiMutation('duty.deleteDraft');
  const [approving, setApproving] = useState(false);
  const items = Form.useWatch('items', form) as ItemValues[] | undefined;
  const total = (items ?? []).reduce((a, i) => a + (Number(i?.weight) || 0), 0);

  useEffect(() => {
    form.setFieldsValue({
      reason: draft.reason,
      items: draft.items.map((i) => ({ content: i.content, category: i.category, legalBasis: i.legalBasis, scope: i.scope, assessmentStandard: i.assessmentStandard, weight: i.weight })),
    });
  }, [draft.id, draft.updatedAtMs, form]); // eslint-disable-line react-hooks/exhaustive-deps

  const payload = (v: Values) => ({
    id: draft.id,
    reason: v.reason,
    items: (v.items ?? []).map((i) => ({ content: i.content?.trim() ?? '', category: i.category, legalBasis: blank(i.legalBasis), scope: blank(i.scope), assessmentStandard: blank(i.assessmentStandard), weight: Number(i.weight ?? 0) })),
  });

  const saveDraft = async (then?: () => void) => {
    const v = await form.validateFields();
    save.mutate(payload(v), {
      onSuccess: () => {
        if (then) then();
        else void message.success('草稿已保存');
      },
      onError: (e) => showApiError(e, (x) => void message.error(x), form),
    });
  };

  return (
    <div data-testid="duty-editor">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={`${draft.label}（草稿）`}
        description="每条职责以动词开头，写明责任范围和考核标准；分值用于考核评分，合计一般为 100 分。保存后可以随时继续编辑，批准后生效并需要岗位人员重新签字确认。"
      />
      <Form form={form} layout="vertical">
        <Form.Item label="编制/修订原因" name="reason" rules={[{ required: true, message: '请填写编制或修订原因' }]}>
          <Input maxLength={200} placeholder="例如：2026 年度修订；岗位新增设备；法规变化" />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove: removeItem, move }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 8 }}
                  title={<span>第 {index + 1} 条</span>}
                  extra={
                    <Space size={4}>
                      <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label="上移" />
                      <Button size="small" icon={<ArrowDownOutlined />} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} aria-label="下移" />
                      <Button size="small" danger icon={<DeleteOutlined />} onClick={() => removeItem(field.name)} aria-label="删除" data-testid={`duty-item-remove-${index}`} />
                    </Space>
                  }
                >
                  <Row gutter={8}>
                    <Col span={16}>
                      <Form.Item name={[field.name, 'content']} label="职责内容" rules={[{ required: true, whitespace: true, message: `第 ${index + 1} 条的职责内容不能为空` }]} style={{ marginBottom: 8 }}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={200} placeholder="以动词开头，如：组织制定并实施本单位安全生产教育和培训计划" data-testid={`duty-item-content-${index}`} />
                      </Form.Item>
                    </Col>
                    <Col span={5}>
                      <Form.Item name={[field.name, 'category']} label="类别" rules={[{ required: true, message: '请选择类别' }]} style={{ marginBottom: 8 }}>
                        <Select options={DutyCategory.values.map((v) => ({ value: v, label: DutyCategory.label[v] }))} />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[field.name, 'weight']} label="分值" rules={[{ required: true, message: '请填分值' }]} style={{ marginBottom: 8 }}>
                        <InputNumber min={0} max={100} step={1} style={{ width: '100%' }} data-testid={`duty-item-weight-${index}`} />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item name={[field.name, 'scope']} label="责任范围" style={{ marginBottom: 0 }}>
                        <Input maxLength={200} placeholder="如：本车间所辖设备、区域和人员" />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item name={[field.name, 'legalBasis']} label="依据" style={{ marginBottom: 0 }}>
                        <Input maxLength={200} placeholder="如：《安全生产法》第二十一条" />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item name={[field.name, 'assessmentStandard']} label="考核标准" style={{ marginBottom: 0 }}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={300} placeholder="如：未按计划组织培训的每次扣 2 分" />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Space style={{ marginBottom: 16 }}>
                <Button icon={<PlusOutlined />} onClick={() => add({ content: '', category: 'RULES', weight: 5 })} data-testid="duty-item-add">
                  添加一条职责
                </Button>
                <Typography.Text type={total === 100 ? 'secondary' : 'warning'}>
                  共 {fields.length} 条，分值合计 {total}
                  {total !== 100 ? '（建议调整为 100 分，便于按得分率考核）' : ''}
                </Typography.Text>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
      <div className="sl-sticky-actions">
        <Button icon={<SaveOutlined />} loading={save.isPending} onClick={() => void saveDraft()} data-testid="duty-save">
          保存草稿
        </Button>
        <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => void saveDraft(() => setApproving(true))} data-testid="duty-approve">
          批准生效…
        </Button>
        <Button
          danger
          loading={remove.isPending}
          onClick={() =>
            modal.confirm({
              title: '删除这份草稿？',
              content: '草稿中的条目将被删除，现行版本（如有）不受影响。',
              okText: '删除',
              okButtonProps: { danger: true },
              cancelText: '取消',
              onOk: () => remove.mutateAsync({ id: draft.id }).then(onDeleted, (e) => void message.error(errorMessage(e))),
            })
          }
        >
          删除草稿
        </Button>
        <span className="sl-muted" style={{ marginInlineStart: 'auto' }}>
          {draft.label} · 草稿
        </span>
      </div>
      {approving && <ApproveDialog draft={draft} onClose={() => setApproving(false)} />}
    </div>
  );
}

function ApproveDialog({ draft, onClose }: { draft: DutyList; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const approve = useApiMutation('duty.approve');
  return (
    <Modal
      open
      title={`批准「${draft.postName}」责任清单 ${draft.label}`}
      okText="批准"
      cancelText="取消"
      confirmLoading={approve.isPending}
      onCancel={onClose}
      okButtonProps={okButtonTestId('duty-approve-ok')}
      onOk={async () => {
        const v = (await form.validateFields()) as { approverPersonId: string; effectiveFrom: dayjs.Dayjs };
        approve.mutate(
          { id: draft.id, approverPersonId: v.approverPersonId, effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD') },
          {
            onSuccess: (l) => {
              void message.success(`${l.label}已批准，${l.effectiveFrom} 起执行；请组织岗位人员签字确认`);
              onClose();
            },
            onError: (e) => showApiError(e, (x) => void message.error(x), form),
          },
        );
      }}
    >
      <Typography.Paragraph>批准后清单不能再修改（需要改动时建立新的修订版本）；自生效日期起原版本不再执行，岗位人员需重新签字确认。</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ effectiveFrom: dayjs() }}>
        <Form.Item label="批准人" name="approverPersonId" rules={[{ required: true, message: '请选择批准人（一般为主要负责人）' }]} data-testid="duty-approver">
          <PersonSelect placeholder="一般为主要负责人" />
        </Form.Item>
        <Form.Item label="生效日期" name="effectiveFrom" rules={[{ required: true, message: '请选择生效日期' }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
