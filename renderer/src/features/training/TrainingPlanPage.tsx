import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, FormOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { TrainingType } from '../../../../preload/contract/enums.ts';
import type { TrainingPlanItem } from '../../../../preload/contract/training.ts';
import { errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { okButtonTestId, showApiError } from '../../lib/forms.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/selects.tsx';
import { PLAN_STATE_LABEL, PlanStateTag, TrainingTypeTag, hoursText, type TrainingTypeCode } from './trainingMeta.tsx';

const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1} 月` }));

interface ItemValues {
  plannedMonth?: number;
  title?: string;
  type?: TrainingTypeCode;
  audience?: string;
  hours?: number | null;
  organiserUnitId?: string | null;
  notes?: string | null;
}

/**
 * 年度安全培训计划: what is planned for each month, and how it stands — 已完成
 * once a session is registered against the item, 未完成 when its month has
 * passed without one. A session is registered straight from its item.
 */
export function TrainingPlanPage() {
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [params, update] = useSearchState();
  const thisYear = dayjs().year();
  const year = Number(params.get('year')) || thisYear;
  const q = useApi('trainingPlan.list', { year });
  const remove = useApiMutation('trainingPlan.remove');
  const [editing, setEditing] = useState<TrainingPlanItem | 'new' | null>(null);
  const items = q.data ?? [];
  const count = (s: TrainingPlanItem['state']) => items.filter((i) => i.state === s).length;
  const plannedHours = items.reduce((a, i) => a + i.hours, 0);
  const years = Array.from({ length: 7 }, (_, i) => thisYear + 1 - i);

  return (
    <div className="sl-page" data-testid="training-plan-page">
      <PageHeader
        title="年度培训计划"
        description="每年初制定全年安全培训计划（培训项目、对象、月份、学时、组织部门），培训举办后从计划项登记培训记录；计划月份已过仍未登记的，记为未完成。"
        extra={
          <Space>
            <Select style={{ width: 110 }} value={year} onChange={(v: number) => update({ year: v === thisYear ? null : String(v) })} options={years.map((y) => ({ value: y, label: `${y} 年` }))} data-testid="training-plan-year" />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="training-plan-new">
              新增计划项
            </Button>
            <Button icon={<UnorderedListOutlined />} onClick={() => navigate('/training')}>
              培训记录
            </Button>
          </Space>
        }
      />
      <Card size="small">
        <div className="sl-toolbar" data-testid="training-plan-summary">
          <span>
            {year} 年计划 <b>{items.length}</b> 项，共 {hoursText(plannedHours)} 学时：
          </span>
          <span style={{ color: '#389e0d' }}>
            {PLAN_STATE_LABEL.DONE} {count('DONE')}
          </span>
          <span style={{ color: '#1f5eb8' }}>
            {PLAN_STATE_LABEL.PLANNED} {count('PLANNED')}
          </span>
          <span style={{ color: count('MISSED') ? '#cf1322' : undefined }}>
            {PLAN_STATE_LABEL.MISSED} {count('MISSED')}
          </span>
        </div>
        {q.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={q.error.message} />}
        <Table<TrainingPlanItem>
          size="small"
          rowKey="id"
          bordered
          loading={q.isFetching && !q.data}
          dataSource={items}
          pagination={false}
          data-testid="training-plan-table"
          locale={{
            emptyText: (
              <div style={{ padding: 16 }}>
                <Typography.Paragraph>{year} 年还没有培训计划。按月份列出新员工三级教育、全员日常培训、特种作业和专项培训、应急培训等项目。</Typography.Paragraph>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                  新增计划项
                </Button>
              </div>
            ),
          }}
          columns={[
            { title: '月份', dataIndex: 'plannedMonth', width: 64, align: 'center', render: (m: number) => `${m} 月` },
            { title: '培训项目', dataIndex: 'title', render: (v: string, i) => <span data-testid={`plan-item-${i.id}`}>{v}</span> },
            { title: '类型', dataIndex: 'type', width: 150, render: (t: TrainingTypeCode) => <TrainingTypeTag type={t} /> },
            { title: '培训对象', dataIndex: 'audience', width: 180 },
            { title: '计划学时', dataIndex: 'hours', width: 80, align: 'right', render: (h: number) => hoursText(h) },
            { title: '组织部门', dataIndex: 'organiserUnitName', width: 120, render: (v: string | null) => v ?? <span className="sl-muted">—</span> },
            { title: '备注', dataIndex: 'notes', width: 160, render: (v: string | null) => v ?? <span className="sl-muted">—</span> },
            { title: '完成情况', key: 'state', width: 120, render: (_, i) => <PlanStateTag state={i.state} sessions={i.sessionCount} /> },
            {
              title: '操作',
              key: 'ops',
              width: 210,
              render: (_, i) => (
                <Space size={0}>
                  <Button size="small" type="link" icon={<FormOutlined />} onClick={() => navigate(`/training?id=new&plan=${i.id}&planYear=${i.year}`)} data-testid={`plan-register-${i.id}`}>
                    登记培训
                  </Button>
                  <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(i)}>
                    编辑
                  </Button>
                  <Popconfirm
                    title={`删除计划项「${i.title}」？`}
                    description={i.sessionCount ? '已有培训记录的计划项不能删除。' : undefined}
                    okText="删除"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() =>
                      remove.mutateAsync({ id: i.id }).then(
                        () => void message.success('已删除计划项'),
                        (e: unknown) => void message.error(errorMessage(e)),
                      )
                    }
                  >
                    <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label="删除计划项" />
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && <PlanItemModal year={year} item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function PlanItemModal({ year, item, onClose }: { year: number; item: TrainingPlanItem | null; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ItemValues>();
  const create = useApiMutation('trainingPlan.create');
  const update = useApiMutation('trainingPlan.update');

  const submit = async () => {
    let v: ItemValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const input = {
      year: item?.year ?? year,
      plannedMonth: v.plannedMonth as number,
      title: v.title?.trim() ?? '',
      type: v.type as TrainingTypeCode,
      audience: v.audience?.trim() ?? '',
      hours: v.hours as number,
      organiserUnitId: v.organiserUnitId ?? null,
      notes: v.notes?.trim() || null,
    };
    try {
      if (item) await update.mutateAsync({ id: item.id, ...input });
      else await create.mutateAsync(input);
      void message.success(item ? '计划项已保存' : '已新增计划项');
      onClose();
    } catch (e) {
      showApiError(e, (m) => void message.error(m), form);
    }
  };

  return (
    <Modal
      open
      width={680}
      title={item ? `编辑计划项（${item.year} 年）` : `新增 ${year} 年培训计划项`}
      okText="保存"
      cancelText="取消"
      confirmLoading={create.isPending || update.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={okButtonTestId('plan-item-ok')}
      destroyOnHidden
      data-testid="plan-item-modal"
    >
      <Form
        form={form}
        layout="vertical"
        colon={false}
        requiredMark="optional"
        initialValues={item ? { ...item } : { plannedMonth: dayjs().year() === year ? dayjs().month() + 1 : 1 }}
      >
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item label="计划月份" name="plannedMonth" rules={[{ required: true, message: '请选择月份' }]}>
              <Select options={MONTHS} data-testid="plan-item-month" />
            </Form.Item>
          </Col>
          <Col span={18}>
            <Form.Item label="培训项目" name="title" rules={[{ required: true, whitespace: true, message: '请填写培训项目' }]}>
              <Input maxLength={60} placeholder="如：新员工三级安全教育、全员安全生产月培训" data-testid="plan-item-title" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="培训类型" name="type" rules={[{ required: true, message: '请选择培训类型' }]}>
              <Select options={TrainingType.options} placeholder="选择类型" data-testid="plan-item-type" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item label="培训对象" name="audience" rules={[{ required: true, whitespace: true, message: '请填写培训对象' }]}>
              <Input maxLength={100} placeholder="如：全体员工、新入职人员、电工和焊工" data-testid="plan-item-audience" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="计划学时" name="hours" rules={[{ required: true, message: '请填写学时' }]}>
              <InputNumber step={1} min={0.5} max={200} suffix="学时" style={{ width: '100%' }} data-testid="plan-item-hours" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item label="组织部门" name="organiserUnitId">
              <UnitSelect placeholder="选择组织部门（可不选）" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="备注" name="notes">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={300} placeholder="如：外聘讲师、结合安全生产月开展" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
