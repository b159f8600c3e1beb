import { useState } from 'react';
import { Alert, App as AntApp, Button, Checkbox, DatePicker, Descriptions, Drawer, Form, Input, Modal, Popconfirm, Select, Space, Table, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useSearchState } from '../../lib/useSearchState.ts';
import type { Certificate } from '../../../../preload/contract/certificates.ts';
import { CertReviewResult } from '../../../../preload/contract/enums.ts';
import { useApi, useApiMutation, errorMessage } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { dash, formatDateTime } from '../../lib/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CertTypeSelect, UnitSelect } from '../../components/selects.tsx';
import { CertStateTag } from '../../components/tags.tsx';
import { CertificateEditor } from './CertificateEditor.tsx';
import { AuditTrail } from '../audit/AuditTrail.tsx';

type StateFilter = Certificate['dueState'] | 'ATTENTION';

const STATE_OPTIONS: { value: StateFilter; label: string }[] = [
  { value: 'ATTENTION', label: '需处理（过期/逾期/临期）' },
  { value: 'EXPIRED', label: '已过期' },
  { value: 'REVIEW_OVERDUE', label: '复审逾期' },
  { value: 'DUE', label: '临期' },
  { value: 'VALID', label: '有效' },
  { value: 'REVOKED', label: '已注销' },
];

export function CertificatesPage() {
  const [params, update] = useSearchState();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const within = params.get('within');
  const filter = {
    search: search || null,
    personId: null,
    certTypeId: params.get('certTypeId'),
    unitId: params.get('unitId'),
    dueState: (params.get('state') as StateFilter | null) ?? undefined,
    dueWithinDays: within ? Number(within) : undefined,
    includeLeft: params.get('includeLeft') === '1',
    page,
    pageSize: 50,
  };
  const q = useApi('certificate.list', filter, { placeholderData: (prev) => prev });
  const openId = params.get('open');
  const setParam = (key: string, value: string | null) => {
    update(key === 'state' ? { state: value, within: null } : { [key]: value });
    if (key !== 'open') setPage(1);
  };

  return (
    <div className="sl-page" data-testid="certificates-page">
      <PageHeader
        title="持证管理"
        description="特种作业操作证、特种设备作业人员证、主要负责人/安全管理人员考核合格证等。到期与复审日期按证书类型规则自动推算。"
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="certificate-new">登记证书</Button>}
      />
      <div className="sl-toolbar">
        <Input.Search placeholder="姓名、工号、证书编号" allowClear style={{ width: 220 }} onSearch={(v) => { setSearch(v.trim()); setPage(1); }} />
        <CertTypeSelect allowClear value={filter.certTypeId} onChange={(v) => setParam('certTypeId', v)} placeholder="全部证书类型" />
        <UnitSelect value={filter.unitId} onChange={(v) => setParam('unitId', v)} placeholder="全部单位" style={{ width: 200 }} />
        <Select allowClear placeholder="证书状态" style={{ width: 220 }} value={filter.dueState} onChange={(v) => setParam('state', v ?? null)} options={STATE_OPTIONS} data-testid="cert-state-filter" />
        {within && <span className="sl-muted">{within} 天内</span>}
        <Checkbox checked={filter.includeLeft} onChange={(e) => setParam('includeLeft', e.target.checked ? '1' : null)}>含离职人员</Checkbox>
      </div>
      {q.isError && <Alert type="error" title={q.error.message} />}
      <Table<Certificate>
        rowKey="id"
        size="middle"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={{ current: page, pageSize: 50, total: q.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 本`, showSizeChanger: false }}
        onRow={(c) => ({ onClick: () => setParam('open', c.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '持证人', dataIndex: 'personName', width: 90 },
          { title: '单位', dataIndex: 'unitName', width: 110, ellipsis: true },
          { title: '证书类型', dataIndex: 'certTypeName', ellipsis: true },
          { title: '作业类别', dataIndex: 'category', render: dash, ellipsis: true },
          { title: '证书编号', dataIndex: 'number', width: 190 },
          { title: '有效期至', dataIndex: 'effectiveExpiryDate', render: dash, width: 110 },
          { title: '下次复审', dataIndex: 'nextReviewDate', render: dash, width: 110 },
          { title: '状态', width: 190, render: (_, c) => <CertStateTag cert={c} /> },
        ]}
      />
      {openId && <CertificateDrawer id={openId} onClose={() => setParam('open', null)} />}
      {creating && <CertificateEditor certificate={null} onClose={(id) => { setCreating(false); if (id) setParam('open', id); }} />}
    </div>
  );
}

function CertificateDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const q = useApi('certificate.get', { id });
  const del = useApiMutation('certificate.delete');
  const [dialog, setDialog] = useState<'edit' | 'review' | 'revoke' | null>(null);
  const c = q.data;
  return (
    <Drawer
      open
      size={760}
      title={c ? `${c.personName} · ${c.certTypeName}` : '证书'}
      onClose={onClose}
      extra={
        c && (
          <Space>
            <Button onClick={() => setDialog('review')} disabled={c.status === 'REVOKED'} data-testid="cert-review">登记复审</Button>
            <Button onClick={() => setDialog('edit')}>编辑</Button>
            <Button onClick={() => setDialog('revoke')} disabled={c.status === 'REVOKED'}>注销</Button>
            <Popconfirm title="删除此证书记录？" description="误录的证书才应删除；过期或注销的证书请保留作为记录。" okText="删除" cancelText="取消" onConfirm={() => del.mutateAsync({ id }).then(() => { void message.success('已删除'); onClose(); }, (err: unknown) => void message.error(errorMessage(err)))}>
              <Button danger>删除</Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      {q.isError && <Alert type="error" title={q.error.message} />}
      {c && (
        <Tabs
          items={[
            {
              key: 'info',
              label: '证书信息',
              children: (
                <Space orientation="vertical" style={{ width: '100%' }} size={16}>
                  <Descriptions column={2} size="small" bordered>
                    <Descriptions.Item label="持证人"><Link to={`/people?open=${c.personId}`}>{c.personName}</Link>（{c.staffNo}）</Descriptions.Item>
                    <Descriptions.Item label="单位">{c.unitName}</Descriptions.Item>
                    <Descriptions.Item label="证书类型" span={2}>{c.certTypeName}</Descriptions.Item>
                    <Descriptions.Item label="作业类别" span={2}>{dash(c.category)}</Descriptions.Item>
                    <Descriptions.Item label="证书编号">{c.number}</Descriptions.Item>
                    <Descriptions.Item label="发证机关">{dash(c.issuer)}</Descriptions.Item>
                    <Descriptions.Item label="初领/发证日期">{c.issueDate}</Descriptions.Item>
                    <Descriptions.Item label="有效期至">{dash(c.effectiveExpiryDate)}{c.expiryDate ? '' : c.effectiveExpiryDate ? '（按规则推算）' : ''}</Descriptions.Item>
                    <Descriptions.Item label="最近复审">{dash(c.lastReviewDate)}</Descriptions.Item>
                    <Descriptions.Item label="下次复审">{dash(c.nextReviewDate)}</Descriptions.Item>
                    <Descriptions.Item label="应开始申请">{dash(c.reviewWindowStart)}</Descriptions.Item>
                    <Descriptions.Item label="状态"><CertStateTag cert={c} /></Descriptions.Item>
                    <Descriptions.Item label="备注" span={2}>{dash(c.notes)}</Descriptions.Item>
                    <Descriptions.Item label="最近修改" span={2}>{formatDateTime(c.updatedAtMs)}</Descriptions.Item>
                  </Descriptions>
                  <Table
                    size="small"
                    rowKey="id"
                    title={() => '复审记录'}
                    pagination={false}
                    dataSource={c.reviews}
                    locale={{ emptyText: '暂无复审记录' }}
                    columns={[
                      { title: '复审日期', dataIndex: 'reviewDate', width: 120 },
                      { title: '结果', dataIndex: 'result', render: (r: keyof typeof CertReviewResult.label) => CertReviewResult.label[r], width: 120 },
                      { title: '备注', dataIndex: 'notes', render: dash },
                    ]}
                  />
                </Space>
              ),
            },
            { key: 'audit', label: '修改记录', children: <AuditTrail entityType="certificate" entityId={id} /> },
          ]}
        />
      )}
      {c && dialog === 'edit' && <CertificateEditor certificate={c} onClose={() => setDialog(null)} />}
      {c && dialog === 'review' && <ReviewDialog id={c.id} onClose={() => setDialog(null)} />}
      {c && dialog === 'revoke' && <RevokeDialog id={c.id} onClose={() => setDialog(null)} />}
    </Drawer>
  );
}

function ReviewDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const review = useApiMutation('certificate.recordReview');
  return (
    <Modal
      open
      title="登记复审"
      okText="保存"
      cancelText="取消"
      confirmLoading={review.isPending}
      onCancel={onClose}
      onOk={async () => {
        const v = (await form.validateFields()) as { reviewDate: dayjs.Dayjs; result: 'PASSED' | 'FAILED'; notes?: string };
        review.mutate(
          { id, reviewDate: v.reviewDate.format('YYYY-MM-DD'), result: v.result, notes: v.notes ?? null },
          { onSuccess: () => { void message.success('复审已登记'); onClose(); }, onError: (err) => showApiError(err, (m) => void message.error(m), form) },
        );
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ reviewDate: dayjs(), result: 'PASSED' }} data-testid="review-form">
        <Form.Item label="复审日期" name="reviewDate" rules={[{ required: true, message: '请选择复审日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item label="复审结果" name="result" rules={[{ required: true, message: '请选择复审结果' }]} extra="合格后下次复审日期自动顺延">
          <Select options={CertReviewResult.options} />
        </Form.Item>
        <Form.Item label="备注" name="notes">
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RevokeDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const revoke = useApiMutation('certificate.revoke');
  return (
    <Modal
      open
      title="注销证书"
      okText="注销"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={revoke.isPending}
      onCancel={onClose}
      onOk={async () => {
        const v = (await form.validateFields()) as { reason: string };
        revoke.mutate({ id, reason: v.reason }, { onSuccess: () => { void message.success('已注销'); onClose(); }, onError: (err) => showApiError(err, (m) => void message.error(m), form) });
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item label="注销原因" name="reason" rules={[{ required: true, message: '请填写注销原因' }]}>
          <Input maxLength={200} placeholder="如 持证人离职后证书收回、吊销、换证" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
