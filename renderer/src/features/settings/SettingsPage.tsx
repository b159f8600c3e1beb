import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { AppStatus, Operator } from '../../../../preload/contract/app.ts';
import type { CertType } from '../../../../preload/contract/certificates.ts';
import { useApi, useApiMutation, errorMessage } from '../../lib/api.ts';
import { clean, showApiError } from '../../lib/forms.ts';
import { dash, formatBytes, formatDateTime } from '../../lib/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PersonSelect } from '../../components/selects.tsx';

export function SettingsPage({ status }: { status: AppStatus }) {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'operators';
  return (
    <div className="sl-page" data-testid="settings-page">
      <PageHeader title="系统设置" description="操作员、证书规则、提醒阈值和数据目录。规则都是数据，可按本地要求调整。" />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          items={[
            { key: 'operators', label: '操作员', children: <OperatorsTab current={status.operator?.id ?? null} /> },
            { key: 'certTypes', label: '证书类型与规则', children: <CertTypesTab /> },
            { key: 'board', label: '公示牌', children: <BoardTab /> },
            { key: 'alerts', label: '提醒与考核', children: <AlertsTab /> },
            { key: 'data', label: '数据', children: <DataTab status={status} /> },
          ]}
        />
      </Card>
    </div>
  );
}

function OperatorsTab({ current }: { current: string | null }) {
  const { message } = AntApp.useApp();
  const q = useApi('operator.list', {});
  const [editing, setEditing] = useState<Operator | 'new' | null>(null);
  return (
    <>
      <Typography.Paragraph type="secondary">操作员是使用本程序的人。每次修改都记录当前操作员；可在右上角切换。</Typography.Paragraph>
      <Button type="primary" onClick={() => setEditing('new')} style={{ marginBottom: 12 }} data-testid="operator-new">新增操作员</Button>
      <Table<Operator>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={q.data ?? []}
        columns={[
          { title: '姓名', dataIndex: 'name', render: (v: string, o) => <Space>{v}{o.id === current && <Tag color="blue">当前</Tag>}</Space> },
          { title: '职务', dataIndex: 'title', render: dash },
          { title: '状态', dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
          { title: '创建时间', dataIndex: 'createdAtMs', render: (v: number) => formatDateTime(v) },
          { title: '', width: 80, render: (_, o) => <Button size="small" onClick={() => setEditing(o)}>编辑</Button> },
        ]}
      />
      {editing && <OperatorEditor operator={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onError={(m) => void message.error(m)} />}
    </>
  );
}

function OperatorEditor({ operator, onClose, onError }: { operator: Operator | null; onClose: () => void; onError: (m: string) => void }) {
  const [form] = Form.useForm();
  const create = useApiMutation('operator.create');
  const update = useApiMutation('operator.update');
  return (
    <Modal
      open
      title={operator ? '编辑操作员' : '新增操作员'}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      onOk={async () => {
        const v = clean(await form.validateFields()) as { name: string; title: string | null; active?: boolean };
        const handlers = { onSuccess: onClose, onError: (err: unknown) => showApiError(err, onError, form) };
        if (operator) update.mutate({ id: operator.id, name: v.name, title: v.title, active: v.active ?? true }, handlers);
        else create.mutate({ name: v.name, title: v.title }, handlers);
      }}
    >
      <Form form={form} layout="vertical" initialValues={operator ?? { active: true }}>
        <Form.Item label="姓名" name="name" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item label="职务" name="title">
          <Input maxLength={30} />
        </Form.Item>
        {operator && (
          <Form.Item label="启用" name="active" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function CertTypesTab() {
  const { message } = AntApp.useApp();
  const q = useApi('certType.list', {});
  const del = useApiMutation('certType.delete');
  const [editing, setEditing] = useState<CertType | 'new' | null>(null);
  return (
    <>
      <Typography.Paragraph type="secondary">
        证书到期日和复审日按这里的规则推算。修改规则后，该类型全部证书的日期会立即重算。默认规则：特种作业操作证有效期 6 年、每 3 年复审、到期前 60 日内申请。
      </Typography.Paragraph>
      <Button type="primary" onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>新增证书类型</Button>
      <Table<CertType>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={q.data ?? []}
        columns={[
          { title: '证书类型', dataIndex: 'name', render: (v: string, t) => <Space>{v}{t.builtin && <Tag>内置</Tag>}</Space> },
          { title: '有效期', dataIndex: 'validityYears', render: (v: number | null) => (v ? `${v} 年` : '不限'), width: 90 },
          { title: '复审周期', dataIndex: 'reviewIntervalYears', render: (v: number | null) => (v ? `${v} 年` : '—'), width: 90 },
          { title: '提前申请', dataIndex: 'reviewWindowDays', render: (v: number) => `${v} 天`, width: 90 },
          { title: '发证机关', dataIndex: 'authority', render: dash, width: 140 },
          { title: '证书数', dataIndex: 'certificateCount', width: 80, align: 'right' },
          {
            title: '',
            width: 130,
            render: (_, t) => (
              <Space>
                <Button size="small" onClick={() => setEditing(t)}>编辑</Button>
                {!t.builtin && (
                  <Popconfirm title="删除此证书类型？" okText="删除" cancelText="取消" onConfirm={() => del.mutateAsync({ id: t.id }).catch((err: unknown) => void message.error(errorMessage(err)))}>
                    <Button size="small" danger>删除</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && <CertTypeEditor certType={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function CertTypeEditor({ certType, onClose }: { certType: CertType | null; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const create = useApiMutation('certType.create');
  const update = useApiMutation('certType.update');
  return (
    <Modal
      open
      width={600}
      title={certType ? `编辑「${certType.name}」规则` : '新增证书类型'}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      onOk={async () => {
        const v = clean(await form.validateFields()) as never;
        const handlers = {
          onSuccess: (t: CertType) => { void message.success(`已保存「${t.name}」，相关证书日期已重算`); onClose(); },
          onError: (err: unknown) => showApiError(err, (m) => void message.error(m), form),
        };
        if (certType) update.mutate({ ...(v as object), id: certType.id } as never, handlers);
        else create.mutate(v, handlers);
      }}
    >
      <Form form={form} layout="vertical" initialValues={certType ?? { reviewWindowDays: 30 }}>
        <Form.Item label="名称" name="name" rules={[{ required: true, message: '请填写名称' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Space size={16}>
          <Form.Item label="有效期（年）" name="validityYears" extra="留空表示长期有效">
            <InputNumber min={1} max={50} />
          </Form.Item>
          <Form.Item label="复审周期（年）" name="reviewIntervalYears" extra="留空表示不需复审">
            <InputNumber min={1} max={50} />
          </Form.Item>
          <Form.Item label="提前申请（天）" name="reviewWindowDays" rules={[{ required: true, message: '请填写天数' }]}>
            <InputNumber min={0} max={365} />
          </Form.Item>
        </Space>
        <Form.Item label="发证机关" name="authority">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="说明" name="notes">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AlertsTab() {
  const { message } = AntApp.useApp();
  const q = useApi('settings.get', {});
  const save = useApiMutation('settings.update');
  const [form] = Form.useForm();
  useEffect(() => {
    if (q.data) form.setFieldsValue({ certAlertDays: q.data.certAlertDays, assessmentGrades: q.data.assessmentGrades });
  }, [q.data, form]);
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 520 }}
      onFinish={(v: { certAlertDays: number[]; assessmentGrades: { excellent: number; pass: number } }) =>
        save.mutate(
          { certAlertDays: (v.certAlertDays ?? []).map(Number), assessmentGrades: { excellent: Number(v.assessmentGrades.excellent), pass: Number(v.assessmentGrades.pass) } },
          { onSuccess: () => void message.success('已保存'), onError: (err) => showApiError(err, (m) => void message.error(m), form) },
        )
      }
    >
      <Form.Item label="证书到期提醒（天）" name="certAlertDays" extra="到期或复审日前多少天开始提醒，默认 90 / 60 / 30 天；最多 5 档">
        <Select mode="tags" tokenSeparators={[',', ' ', '，']} options={[90, 60, 30, 15, 7].map((d) => ({ value: d, label: `${d} 天` }))} />
      </Form.Item>
      <Form.Item label="责任制考核等级（得分率）" extra="得分率达到优秀线为优秀，达到合格线为合格，否则不合格；一票否决的一律不合格。默认 90% / 70%。">
        <Space>
          <Form.Item name={['assessmentGrades', 'excellent']} noStyle rules={[{ required: true, message: '请填写优秀分数线' }]}>
            <InputNumber min={1} max={100} prefix="优秀 ≥" suffix="%" style={{ width: 160 }} data-testid="grade-excellent" />
          </Form.Item>
          <Form.Item name={['assessmentGrades', 'pass']} noStyle rules={[{ required: true, message: '请填写合格分数线' }]}>
            <InputNumber min={1} max={100} prefix="合格 ≥" suffix="%" style={{ width: 160 }} data-testid="grade-pass" />
          </Form.Item>
        </Space>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>保存</Button>
    </Form>
  );
}

function DataTab({ status }: { status: AppStatus }) {
  const { message, modal } = AntApp.useApp();
  const backups = useApi('backup.list', {});
  const backup = useApiMutation('backup.create');
  const removeDemo = useApiMutation('demo.remove');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="数据目录">{status.dataDir}</Descriptions.Item>
        <Descriptions.Item label="程序版本">{status.appVersion}</Descriptions.Item>
        <Descriptions.Item label="数据结构版本">{status.schemaVersion}</Descriptions.Item>
      </Descriptions>
      <Alert type="info" showIcon title="数据目录可以用环境变量 SAFELEDGER_DATA_DIR 指定（例如放在 U 盘上随身携带）。请定期把备份复制到其他磁盘。" />
      <div>
        <Button type="primary" loading={backup.isPending} onClick={() => backup.mutate({}, { onSuccess: (b) => void message.success(`已备份：${b.fileName}`), onError: (err) => void message.error(errorMessage(err)) })} data-testid="backup-now">
          立即备份
        </Button>
      </div>
      <Table
        size="small"
        rowKey="fileName"
        title={() => '数据目录中的备份'}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={backups.data ?? []}
        locale={{ emptyText: '还没有备份' }}
        columns={[
          { title: '文件名', dataIndex: 'fileName' },
          { title: '时间', dataIndex: 'createdAtMs', render: (v: number) => formatDateTime(v), width: 170 },
          { title: '原因', dataIndex: 'reason', width: 200 },
          { title: '大小', dataIndex: 'sizeBytes', render: (v: number) => formatBytes(v), width: 100 },
        ]}
      />
      {status.isDemo && (
        <Card size="small" title="演示数据" style={{ borderColor: '#ffd591' }}>
          <Typography.Paragraph>当前是演示企业。移除后会先自动备份，然后清空数据并回到首次启动向导。</Typography.Paragraph>
          <Button
            danger
            data-testid="remove-demo"
            loading={removeDemo.isPending}
            onClick={() =>
              modal.confirm({
                title: '移除演示数据？',
                content: '演示企业的全部数据会被清空（先自动备份到数据目录的 backups 文件夹）。',
                okText: '移除',
                okButtonProps: { danger: true },
                cancelText: '取消',
                onOk: () => removeDemo.mutateAsync({}).catch((err: unknown) => void message.error(errorMessage(err))),
              })
            }
          >
            移除演示数据
          </Button>
        </Card>
      )}
    </Space>
  );
}

function BoardTab() {
  const { message } = AntApp.useApp();
  const q = useApi('board.members', {});
  const save = useApiMutation('board.setMembers');
  const [form] = Form.useForm();
  useEffect(() => {
    if (q.data) form.setFieldsValue({ members: q.data.map((m) => ({ personId: m.personId, role: m.role })) });
  }, [q.data, form]);
  return (
    <div style={{ maxWidth: 720 }}>
      <Typography.Paragraph type="secondary">
        安全生产责任公示牌自动列出主要负责人和分管安全负责人（在「企业信息」中设置）。这里可以再列出其他负责人，如分管生产副总、安全总监；照片在「从业人员」的人员详情中上传。
      </Typography.Paragraph>
      <Form
        form={form}
        onFinish={(v: { members?: { personId: string; role: string }[] }) =>
          save.mutate({ members: (v.members ?? []).filter((m) => m?.personId) }, { onSuccess: () => void message.success('已保存'), onError: (e) => showApiError(e, (x) => void message.error(x), form) })
        }
      >
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'personId']} rules={[{ required: true, message: '请选择人员' }]}>
                    <PersonSelect style={{ width: 300 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: '请填写职务/分工' }]}>
                    <Input placeholder="职务/分工，如 分管生产副总经理" style={{ width: 260 }} maxLength={30} />
                  </Form.Item>
                  <Button danger onClick={() => remove(f.name)}>移除</Button>
                </Space>
              ))}
              <Button onClick={() => add({ personId: null, role: '' })} style={{ marginBottom: 12 }} disabled={fields.length >= 8}>添加负责人</Button>
            </>
          )}
        </Form.List>
        <div>
          <Button type="primary" htmlType="submit" loading={save.isPending}>保存</Button>
        </div>
      </Form>
    </div>
  );
}
