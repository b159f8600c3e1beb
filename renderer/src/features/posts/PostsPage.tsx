import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Checkbox, Descriptions, Drawer, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useSearchState } from '../../lib/useSearchState.ts';
import type { Post } from '../../../../preload/contract/posts.ts';
import { PostCategory } from '../../../../preload/contract/enums.ts';
import { useApi, useApiMutation, errorMessage } from '../../lib/api.ts';
import { clean, showApiError } from '../../lib/forms.ts';
import { dash, formatDateTime, shortPath } from '../../lib/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CertTypeSelect, UnitSelect } from '../../components/selects.tsx';
import { EmploymentTag } from '../../components/tags.tsx';
import type { EmploymentType } from '../../../../preload/contract/enums.ts';

export function PostsPage() {
  const [params, update] = useSearchState();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Post | 'new' | null>(null);
  const filter = {
    search: search || null,
    unitId: params.get('unitId'),
    includeSubunits: true,
    category: (params.get('category') as Post['category'] | null) ?? undefined,
    specialOnly: params.get('specialOnly') === '1',
    withoutHolders: params.get('withoutHolders') === '1',
    includeArchived: params.get('archived') === '1',
    page,
    pageSize: 50,
  };
  const q = useApi('post.list', filter, { placeholderData: (prev) => prev });
  const openId = params.get('open');
  const setParam = (key: string, value: string | null) => {
    update({ [key]: value });
    if (key !== 'open') setPage(1);
  };

  return (
    <div className="sl-page" data-testid="posts-page">
      <PageHeader
        title="岗位"
        description="每个岗位归属一个单位；特种作业岗位和需持证岗位会核对在岗人员的证书。"
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="post-new">新增岗位</Button>}
      />
      <div className="sl-toolbar">
        <Input.Search placeholder="岗位名称或工种" allowClear style={{ width: 220 }} onSearch={(v) => { setSearch(v.trim()); setPage(1); }} />
        <UnitSelect value={filter.unitId} onChange={(v) => setParam('unitId', v)} placeholder="全部单位" style={{ width: 220 }} />
        <Select allowClear placeholder="岗位类别" style={{ width: 130 }} value={filter.category} onChange={(v) => setParam('category', v ?? null)} options={PostCategory.options} />
        <Checkbox checked={filter.specialOnly} onChange={(e) => setParam('specialOnly', e.target.checked ? '1' : null)}>只看需持证岗位</Checkbox>
        <Checkbox checked={filter.withoutHolders} onChange={(e) => setParam('withoutHolders', e.target.checked ? '1' : null)}>只看无人在岗</Checkbox>
        <Checkbox checked={filter.includeArchived} onChange={(e) => setParam('archived', e.target.checked ? '1' : null)}>含已归档</Checkbox>
      </div>
      {q.isError && <Alert type="error" title={q.error.message} />}
      <Table<Post>
        rowKey="id"
        size="middle"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={{ current: page, pageSize: 50, total: q.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 个岗位`, showSizeChanger: false }}
        onRow={(p) => ({ onClick: () => setParam('open', p.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '岗位名称', dataIndex: 'name', render: (v: string, p) => <Space>{v}{p.archived && <Tag>已归档</Tag>}</Space> },
          { title: '所属单位', dataIndex: 'unitPath', ellipsis: true, render: shortPath },
          { title: '工种', dataIndex: 'trade', render: dash, width: 120 },
          { title: '类别', dataIndex: 'category', render: (c: Post['category']) => PostCategory.label[c], width: 100 },
          {
            title: '持证要求',
            width: 220,
            render: (_, p) =>
              p.isSpecialOperation || p.requiredCertTypeId ? (
                <Space size={4} wrap>
                  {p.isSpecialOperation && <Tag color="red">特种作业</Tag>}
                  <span>{p.requiredCertTypeName ?? '特种作业操作证'}{p.requiredCertCategory ? `（${p.requiredCertCategory}）` : ''}</span>
                </Space>
              ) : (
                <span className="sl-muted">—</span>
              ),
          },
          {
            title: '在岗人数',
            dataIndex: 'holderCount',
            width: 130,
            render: (n: number, p) => (
              <Space size={4}>
                {n === 0 ? <Tag color="orange">无人在岗</Tag> : `${n} 人`}
                {p.uncertifiedCount > 0 && <Tooltip title="在岗人员中无有效证书的人数"><Tag color="red">{p.uncertifiedCount} 人无证</Tag></Tooltip>}
              </Space>
            ),
          },
        ]}
      />
      {openId && <PostDrawer id={openId} onClose={() => setParam('open', null)} onEdit={(p) => setEditing(p)} />}
      {editing && <PostEditor post={editing === 'new' ? null : editing} defaultUnitId={filter.unitId} onClose={(id) => { setEditing(null); if (id) setParam('open', id); }} />}
    </div>
  );
}

function PostDrawer({ id, onClose, onEdit }: { id: string; onClose: () => void; onEdit: (p: Post) => void }) {
  const { message } = AntApp.useApp();
  const q = useApi('post.get', { id });
  const archive = useApiMutation('post.archive');
  const restore = useApiMutation('post.restore');
  const del = useApiMutation('post.delete');
  const p = q.data;
  const needsCert = p ? p.isSpecialOperation || p.requiredCertTypeId !== null : false;
  const fail = (err: unknown) => void message.error(errorMessage(err));
  return (
    <Drawer
      open
      size={720}
      title={p ? `${p.unitName} · ${p.name}` : '岗位'}
      onClose={onClose}
      extra={
        p && (
          <Space>
            <Button onClick={() => onEdit(p)} data-testid="post-edit">编辑</Button>
            {p.archived ? (
              <Button onClick={() => restore.mutate({ id }, { onSuccess: () => void message.success('已恢复'), onError: fail })}>恢复</Button>
            ) : (
              <Popconfirm title="归档此岗位？" description="归档后不能再安排人员，历史记录保留。" okText="归档" cancelText="取消" onConfirm={() => archive.mutateAsync({ id }).then(() => void message.success('已归档'), fail)}>
                <Button>归档</Button>
              </Popconfirm>
            )}
            <Popconfirm title="删除此岗位？" description="仅限误建且从未安排过人员的岗位。" okText="删除" cancelText="取消" onConfirm={() => del.mutateAsync({ id }).then(() => { void message.success('已删除'); onClose(); }, fail)}>
              <Button danger data-testid="post-delete">删除</Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      {q.isError && <Alert type="error" title={q.error.message} />}
      {p && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="所属单位" span={2}>{p.unitPath}</Descriptions.Item>
            <Descriptions.Item label="工种">{dash(p.trade)}</Descriptions.Item>
            <Descriptions.Item label="类别">{PostCategory.label[p.category]}</Descriptions.Item>
            <Descriptions.Item label="特种作业">{p.isSpecialOperation ? <Tag color="red">是</Tag> : '否'}</Descriptions.Item>
            <Descriptions.Item label="持证要求">{needsCert ? `${p.requiredCertTypeName ?? '特种作业操作证'}${p.requiredCertCategory ? `（${p.requiredCertCategory}）` : ''}` : '无'}</Descriptions.Item>
            <Descriptions.Item label="备注" span={2}>{dash(p.notes)}</Descriptions.Item>
            <Descriptions.Item label="最近修改" span={2}>{formatDateTime(p.updatedAtMs)}</Descriptions.Item>
          </Descriptions>
          {p.uncertifiedCount > 0 && (
            <Alert
              type="error"
              showIcon
              title={`${p.uncertifiedCount} 名在岗人员没有有效证书`}
              description={p.isSpecialOperation ? '特种作业人员未取得相应资格上岗作业，属于重大事故隐患（应急管理部令第10号第四条第（二）项）。' : '请安排持证人员或尽快取证。'}
            />
          )}
          <Table
            size="small"
            rowKey="personId"
            title={() => `在岗人员（${p.holders.length} 人）`}
            pagination={false}
            dataSource={p.holders}
            locale={{ emptyText: '暂无在岗人员' }}
            columns={[
              { title: '姓名', dataIndex: 'name', render: (v: string, h) => <Link to={`/people?open=${h.personId}`}>{v}</Link> },
              { title: '工号', dataIndex: 'staffNo' },
              { title: '用工类型', dataIndex: 'employmentType', render: (t: EmploymentType) => <EmploymentTag type={t} /> },
              { title: '任岗日期', dataIndex: 'startDate' },
              ...(needsCert ? [{ title: '证书', dataIndex: 'certified', render: (c: boolean | null) => (c ? <Tag color="green">有效</Tag> : <Tag color="red">无有效证书</Tag>) }] : []),
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}

function PostEditor({ post, defaultUnitId, onClose }: { post: Post | null; defaultUnitId: string | null; onClose: (id?: string) => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const create = useApiMutation('post.create');
  const update = useApiMutation('post.update');
  const special = Form.useWatch('isSpecialOperation', form);

  useEffect(() => {
    form.setFieldsValue(post ?? { unitId: defaultUnitId, category: 'FRONTLINE', isSpecialOperation: false });
  }, [post, defaultUnitId, form]);

  const submit = async () => {
    const values = clean(await form.validateFields());
    const onError = (err: unknown) => showApiError(err, (m) => void message.error(m), form);
    const payload = { ...values, isSpecialOperation: Boolean(values.isSpecialOperation) };
    if (post) update.mutate({ ...payload, id: post.id } as never, { onSuccess: (p) => { void message.success('已保存'); onClose(p.id); }, onError });
    else create.mutate(payload as never, { onSuccess: (p) => { void message.success(`已新增岗位「${p.name}」`); onClose(p.id); }, onError });
  };

  return (
    <Modal open title={post ? `编辑岗位「${post.name}」` : '新增岗位'} onCancel={() => onClose()} onOk={() => void submit()} okText="保存" cancelText="取消" confirmLoading={create.isPending || update.isPending} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" data-testid="post-form">
        <Form.Item label="岗位名称" name="name" rules={[{ required: true, message: '请填写岗位名称' }]}>
          <Input maxLength={60} placeholder="如 维修电工" />
        </Form.Item>
        <Form.Item label="所属单位" name="unitId" rules={[{ required: true, message: '请选择所属单位' }]}>
          <UnitSelect allowClear={false} />
        </Form.Item>
        <Space size={16} style={{ display: 'flex' }}>
          <Form.Item label="工种" name="trade" style={{ width: 260 }}>
            <Input maxLength={60} placeholder="如 电工" />
          </Form.Item>
          <Form.Item label="岗位类别" name="category" rules={[{ required: true, message: '请选择岗位类别' }]} style={{ width: 200 }}>
            <Select options={PostCategory.options} />
          </Form.Item>
        </Space>
        <Form.Item label="特种作业岗位" name="isSpecialOperation" valuePropName="checked" extra="特种作业人员须持特种作业操作证上岗；无证上岗属于重大事故隐患">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
        <Space size={16} style={{ display: 'flex' }}>
          <Form.Item label="所需证书类型" name="requiredCertTypeId" style={{ width: 300 }} extra={special ? '不选则为特种作业操作证' : '如叉车司机需持特种设备作业人员证'}>
            <CertTypeSelect allowClear placeholder={special ? '特种作业操作证' : '不需持证'} />
          </Form.Item>
          <Form.Item label="所需作业类别" name="requiredCertCategory" style={{ width: 260 }} extra="证书作业类别包含此文字即视为符合">
            <Input maxLength={60} placeholder="如 电工作业" />
          </Form.Item>
        </Space>
        <Form.Item label="备注" name="notes">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
