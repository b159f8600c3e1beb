import { useState } from 'react';
import { Alert, App as AntApp, Button, DatePicker, Descriptions, Drawer, Dropdown, Form, Input, Modal, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { EyeOutlined, MoreOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import type { PersonDetail } from '../../../../preload/contract/people.ts';
import { PersonStatus } from '../../../../preload/contract/enums.ts';
import { useApi, useApiMutation, errorMessage, invoke } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { dash, formatDateTime } from '../../lib/format.ts';
import { EmploymentTag, PersonStatusTag, CertStateTag } from '../../components/tags.tsx';
import { PostMultiSelect } from '../../components/selects.tsx';
import { PersonEditor } from './PersonEditor.tsx';
import { CertificateEditor } from '../certificates/CertificateEditor.tsx';
import { AuditTrail } from '../audit/AuditTrail.tsx';
import { FileUpload } from '../../components/FileUpload.tsx';
import { AttachmentThumb } from '../commitments/CommitmentsPage.tsx';

type Dialog = 'edit' | 'posts' | 'leave' | 'rejoin' | 'cert' | null;

export function PersonDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { message, modal } = AntApp.useApp();
  const navigate = useNavigate();
  const q = useApi('person.get', { id });
  const certs = useApi('certificate.list', { personId: id, includeLeft: true, page: 1, pageSize: 100 });
  const del = useApiMutation('person.delete');
  const setPhoto = useApiMutation('person.setPhoto');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [revealed, setRevealed] = useState<string | null>(null);
  const p = q.data;

  const reveal = () =>
    modal.confirm({
      title: '查看完整身份证号？',
      content: '身份证号属于个人敏感信息。查看操作会记入操作日志。',
      okText: '查看',
      cancelText: '取消',
      onOk: () =>
        invoke('person.revealIdNumber', { id }).then(
          (r) => setRevealed(r.idNumber ?? '（未登记）'),
          (err: unknown) => void message.error(errorMessage(err)),
        ),
    });

  return (
    <Drawer
      open
      size={820}
      title={p ? <Space>{p.name}<Typography.Text type="secondary">{p.staffNo}</Typography.Text>{<PersonStatusTag status={p.status} />}</Space> : '人员'}
      onClose={onClose}
      extra={
        p && (
          <Space>
            <Button onClick={() => navigate(`/training/compliance?person=${encodeURIComponent(id)}`)} data-testid="person-training-archive">培训档案</Button>
            <Button onClick={() => setDialog('edit')} data-testid="person-edit">编辑</Button>
            {p.status === 'ACTIVE' && <Button onClick={() => setDialog('posts')} data-testid="person-set-posts">调整岗位</Button>}
            <Dropdown
              menu={{
                items: [
                  p.status === 'ACTIVE' ? { key: 'leave', label: '办理离职' } : { key: 'rejoin', label: '重新入职' },
                  { key: 'cert', label: '登记证书' },
                  { type: 'divider' as const },
                  { key: 'delete', label: '删除（仅限误录）', danger: true },
                ],
                onClick: ({ key }) => {
                  if (key === 'delete') {
                    modal.confirm({
                      title: `删除「${p.name}」？`,
                      content: '只有误录且没有证书等关联记录的人员才能删除。已离职人员请办理离职，记录会保留。',
                      okText: '删除',
                      okButtonProps: { danger: true },
                      cancelText: '取消',
                      onOk: () => del.mutateAsync({ id }).then(() => { void message.success('已删除'); onClose(); }, (err: unknown) => void message.error(errorMessage(err))),
                    });
                  } else setDialog(key as Dialog);
                },
              }}
            >
              <Button icon={<MoreOutlined />} data-testid="person-more">更多</Button>
            </Dropdown>
          </Space>
        )
      }
    >
      {q.isError && <Alert type="error" title={q.error.message} />}
      {p && (
        <Tabs
          items={[
            {
              key: 'info',
              label: '基本信息',
              children: (
                <Descriptions column={2} size="small" bordered>
                  <Descriptions.Item label="姓名">{p.name}</Descriptions.Item>
                  <Descriptions.Item label="工号">{p.staffNo}</Descriptions.Item>
                  <Descriptions.Item label="单位" span={2}>{p.unitPath}</Descriptions.Item>
                  <Descriptions.Item label="现任岗位" span={2}>{p.postNames.length ? p.postNames.join('、') : <Tag color="orange">未分配岗位</Tag>}</Descriptions.Item>
                  <Descriptions.Item label="用工类型"><EmploymentTag type={p.employmentType} /></Descriptions.Item>
                  <Descriptions.Item label="派遣/外包单位">{dash(p.employerName)}</Descriptions.Item>
                  <Descriptions.Item label="性别">{p.gender === 'M' ? '男' : p.gender === 'F' ? '女' : '—'}</Descriptions.Item>
                  <Descriptions.Item label="职务">{dash(p.jobTitle)}</Descriptions.Item>
                  <Descriptions.Item label="手机号">{dash(p.phone)}</Descriptions.Item>
                  <Descriptions.Item label="入职日期">{dash(p.hireDate)}</Descriptions.Item>
                  <Descriptions.Item label="身份证号" span={2}>
                    <Space>
                      <span data-testid="person-id-number">{revealed ?? dash(p.idNumberMasked)}</span>
                      {p.idNumberMasked && !revealed && (
                        <Button size="small" icon={<EyeOutlined />} onClick={reveal} data-testid="person-reveal-id">
                          查看完整号码
                        </Button>
                      )}
                    </Space>
                  </Descriptions.Item>
                  <Descriptions.Item label="状态">{PersonStatus.label[p.status]}{p.leftDate ? `（${p.leftDate} 离职）` : ''}</Descriptions.Item>
                  <Descriptions.Item label="最近修改">{formatDateTime(p.updatedAtMs)}</Descriptions.Item>
                  <Descriptions.Item label="备注" span={2}>{dash(p.notes)}</Descriptions.Item>
                  <Descriptions.Item label="照片" span={2}>
                    <Space>
                      {p.photoAttachmentId && <AttachmentThumb id={p.photoAttachmentId} name="照片" />}
                      <FileUpload purpose="image" size="small" label={p.photoAttachmentId ? '更换照片' : '上传照片'} testId="person-photo" onUploaded={(a) => setPhoto.mutate({ id, attachmentId: a.id }, { onSuccess: () => void message.success('照片已更新'), onError: (err) => void message.error(errorMessage(err)) })} />
                      {p.photoAttachmentId && <Button size="small" onClick={() => setPhoto.mutate({ id, attachmentId: null })}>清除</Button>}
                      <Typography.Text type="secondary">公示牌上的负责人照片（PNG/JPEG，20 MB 以内）</Typography.Text>
                    </Space>
                  </Descriptions.Item>
                </Descriptions>
              ),
            },
            {
              key: 'posts',
              label: `岗位（${p.posts.filter((x) => !x.endDate).length}）`,
              children: (
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={p.posts}
                  locale={{ emptyText: '没有任岗记录' }}
                  columns={[
                    { title: '岗位', render: (_, a) => <Link to={`/posts?open=${a.postId}`}>{a.unitName} · {a.postName}</Link> },
                    { title: '特种作业', dataIndex: 'isSpecialOperation', render: (v: boolean) => (v ? <Tag color="red">是</Tag> : '否'), width: 90 },
                    { title: '开始', dataIndex: 'startDate', width: 110 },
                    { title: '结束', dataIndex: 'endDate', width: 110, render: (v: string | null) => v ?? <Tag color="green">现任</Tag> },
                  ]}
                />
              ),
            },
            {
              key: 'certs',
              label: `证书（${p.certificateCount}）`,
              children: (
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={certs.data?.items ?? []}
                  locale={{ emptyText: '没有登记证书' }}
                  columns={[
                    { title: '证书', render: (_, c) => <Link to={`/certificates?open=${c.id}`}>{c.certTypeName}</Link> },
                    { title: '作业类别', dataIndex: 'category', render: dash },
                    { title: '编号', dataIndex: 'number' },
                    { title: '到期/复审', dataIndex: 'dueDate', render: dash, width: 110 },
                    { title: '状态', render: (_, c) => <CertStateTag cert={c} />, width: 170 },
                  ]}
                />
              ),
            },
            {
              key: 'status',
              label: '在离职记录',
              children: (
                <Timeline
                  items={p.statusHistory.map((e) => ({
                    color: e.status === 'ACTIVE' ? 'green' : 'gray',
                    content: `${e.date} ${e.status === 'ACTIVE' ? '入职' : '离职'}${e.reason ? `：${e.reason}` : ''}`,
                  }))}
                />
              ),
            },
            { key: 'audit', label: '修改记录', children: <AuditTrail entityType="person" entityId={id} /> },
          ]}
        />
      )}
      {p && dialog === 'edit' && <PersonEditor person={p} onClose={() => setDialog(null)} />}
      {p && dialog === 'posts' && <SetPostsDialog person={p} onClose={() => setDialog(null)} />}
      {p && (dialog === 'leave' || dialog === 'rejoin') && <StatusDialog person={p} kind={dialog} onClose={() => setDialog(null)} />}
      {p && dialog === 'cert' && <CertificateEditor certificate={null} personId={p.id} onClose={() => setDialog(null)} />}
    </Drawer>
  );
}

function SetPostsDialog({ person, onClose }: { person: PersonDetail; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const setPosts = useApiMutation('person.setPosts');
  const current = person.posts.filter((a) => !a.endDate).map((a) => a.postId);
  return (
    <Modal
      open
      title={`调整「${person.name}」的岗位`}
      okText="保存"
      cancelText="取消"
      confirmLoading={setPosts.isPending}
      onCancel={onClose}
      onOk={async () => {
        const v = (await form.validateFields()) as { postIds: string[]; effectiveDate: dayjs.Dayjs };
        setPosts.mutate(
          { id: person.id, postIds: v.postIds ?? [], effectiveDate: v.effectiveDate.format('YYYY-MM-DD') },
          { onSuccess: () => { void message.success('岗位已调整'); onClose(); }, onError: (err) => showApiError(err, (m) => void message.error(m), form) },
        );
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ postIds: current, effectiveDate: dayjs() }}>
        <Form.Item label="现任岗位" name="postIds" extra="去掉的岗位在生效日前一天结束，新增的岗位从生效日开始">
          <PostMultiSelect />
        </Form.Item>
        <Form.Item label="生效日期" name="effectiveDate" rules={[{ required: true, message: '请选择生效日期' }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function StatusDialog({ person, kind, onClose }: { person: PersonDetail; kind: 'leave' | 'rejoin'; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const leave = useApiMutation('person.leave');
  const rejoin = useApiMutation('person.rejoin');
  return (
    <Modal
      open
      title={kind === 'leave' ? `为「${person.name}」办理离职` : `「${person.name}」重新入职`}
      okText="确定"
      cancelText="取消"
      confirmLoading={leave.isPending || rejoin.isPending}
      onCancel={onClose}
      onOk={async () => {
        const v = (await form.validateFields()) as { date: dayjs.Dayjs; reason?: string };
        const input = { id: person.id, date: v.date.format('YYYY-MM-DD'), reason: v.reason ?? null };
        const handlers = { onSuccess: () => { void message.success('已办理'); onClose(); }, onError: (err: unknown) => showApiError(err, (m) => void message.error(m), form) };
        if (kind === 'leave') leave.mutate(input, handlers);
        else rejoin.mutate(input, handlers);
      }}
    >
      {kind === 'leave' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="离职后其现任岗位在离职日结束；人员、证书和历史记录全部保留。" />}
      <Form form={form} layout="vertical" initialValues={{ date: dayjs() }}>
        <Form.Item label={kind === 'leave' ? '离职日期' : '入职日期'} name="date" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item label={kind === 'leave' ? '离职原因' : '说明'} name="reason">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
