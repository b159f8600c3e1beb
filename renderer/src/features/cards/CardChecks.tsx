import { Alert, App as AntApp, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { CardPostStatus } from '../../../../preload/contract/cards.ts';
import type { OutputOf } from '../../../../preload/contract/index.ts';
import { useApi, useApiMutation } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { dash } from '../../lib/format.ts';

type Check = OutputOf<'card.checks'>[number];

interface CheckForm {
  personId: string | undefined;
  checkedOn: Dayjs;
  checkerName: string;
  passed: boolean | undefined;
  notes: string | undefined;
}

/** 背诵抽查: records of people asked to recite their post's 两单两卡, and the form to record one. */
export function CardChecks({ row }: { row: CardPostStatus }) {
  const checks = useApi('card.checks', { postId: row.postId });
  const rows = checks.data ?? [];
  const passed = rows.filter((c) => c.passed).length;
  return (
    <div data-testid="card-checks">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        随机抽查员工能否说出本岗位的风险、职责、操作要点和应急措施（知风险、明职责、会操作、能应急）；未通过的应及时复训并再次抽查。
      </Typography.Paragraph>
      {row.current ? (
        <RecordCheck row={row} checked={rows} />
      ) : (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="两单两卡批准发布后才能登记背诵抽查" description="抽查针对现行版本，请先在「内容」中编制并批准发布。" />
      )}
      {checks.isError && <Alert type="error" showIcon title={checks.error.message} style={{ marginBottom: 12 }} />}
      <Table<Check>
        size="small"
        rowKey="id"
        loading={checks.isFetching}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` } : false}
        locale={{ emptyText: '还没有抽查记录' }}
        title={rows.length ? () => `共抽查 ${rows.length} 人次，通过 ${passed} 人次（通过率 ${Math.round((passed / rows.length) * 100)}%）` : undefined}
        columns={[
          { title: '日期', dataIndex: 'checkedOn', width: 110 },
          { title: '人员', dataIndex: 'personName', width: 100 },
          { title: '抽查人', dataIndex: 'checkerName', width: 100 },
          { title: '结果', dataIndex: 'passed', width: 90, render: (p: boolean) => (p ? <Tag color="green">通过</Tag> : <Tag color="red">未通过</Tag>) },
          { title: '抽查情况', dataIndex: 'notes', render: dash },
          { title: '版本', dataIndex: 'version', width: 80, render: (v: number) => `第 ${v} 版` },
        ]}
      />
    </div>
  );
}

function RecordCheck({ row, checked }: { row: CardPostStatus; checked: Check[] }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<CheckForm>();
  const holders = useApi('duty.holders', { postId: row.postId });
  const record = useApiMutation('card.recordCheck');
  const passed = Form.useWatch('passed', form);
  const version = row.current?.version ?? 0;
  const checkedNow = new Set(checked.filter((c) => c.version === version).map((c) => c.personId));
  const never = (holders.data ?? []).filter((h) => !checkedNow.has(h.personId));

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    record.mutate(
      { postId: row.postId, personId: v.personId ?? '', checkedOn: v.checkedOn.format('YYYY-MM-DD'), checkerName: v.checkerName.trim(), passed: v.passed === true, notes: v.notes?.trim() || null },
      {
        onSuccess: () => {
          void message.success('已登记抽查结果');
          form.resetFields(['personId', 'passed', 'notes']);
        },
        onError: (e) => showApiError(e, (m) => void message.error(m), form),
      },
    );
  };

  return (
    <Card size="small" title="登记抽查" style={{ marginBottom: 16 }}>
      <Form form={form} name="cardCheck" layout="vertical" initialValues={{ checkedOn: dayjs() }} data-testid="card-check-form">
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label="人员" name="personId" rules={[{ required: true, message: '请选择被抽查的人员' }]}>
              <Select
                placeholder={holders.data && !holders.data.length ? '本岗位没有在岗人员' : '选择本岗位在岗人员'}
                loading={holders.isFetching}
                showSearch={{ optionFilterProp: 'label' }}
                options={(holders.data ?? []).map((h) => ({ value: h.personId, label: `${h.name}（${h.staffNo}）${checkedNow.has(h.personId) ? '' : ' · 本版未抽查'}` }))}
                data-testid="card-check-person"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="抽查日期" name="checkedOn" rules={[{ required: true, message: '请选择抽查日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="抽查人" name="checkerName" rules={[{ required: true, whitespace: true, message: '请填写抽查人' }]}>
              <Input maxLength={30} placeholder="如 班组长、安全员姓名" data-testid="card-check-checker" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="结果" name="passed" rules={[{ required: true, message: '请选择抽查结果' }]}>
          <Radio.Group
            options={[
              { value: true, label: '通过' },
              { value: false, label: '未通过' },
            ]}
            data-testid="card-check-result"
          />
        </Form.Item>
        <Form.Item
          label="抽查情况"
          name="notes"
          dependencies={['passed']}
          rules={[{ required: passed === false, whitespace: true, message: '未通过时请写明哪一部分没有说清楚，便于复训' }]}
          extra={passed === false ? undefined : '可选，如 能完整说出四个部分'}
        >
          <Input.TextArea rows={2} maxLength={300} showCount placeholder={passed === false ? '写明哪一部分没有说清楚（风险、职责、操作要点或应急措施），便于复训' : undefined} data-testid="card-check-notes" />
        </Form.Item>
        <div className="sl-toolbar" style={{ marginBottom: 0 }}>
          <Button type="primary" icon={<PlusOutlined />} loading={record.isPending} onClick={() => void submit()} data-testid="card-check-save">
            登记
          </Button>
          {holders.data && (
            <span className="sl-muted">
              {never.length ? `第 ${version} 版尚未抽查：${never.slice(0, 8).map((h) => h.name).join('、')}${never.length > 8 ? ` 等 ${never.length} 人` : ''}` : holders.data.length ? `在岗 ${holders.data.length} 人均已抽查过第 ${version} 版` : ''}
            </span>
          )}
        </div>
      </Form>
    </Card>
  );
}
