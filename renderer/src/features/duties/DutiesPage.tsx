import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Drawer, Empty, Form, Input, Modal, Progress, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { BookOutlined, EditOutlined, FilePdfOutlined, HistoryOutlined, SafetyOutlined, ThunderboltOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import type { DutyListSummary, PostDutyStatus } from '../../../../preload/contract/duties.ts';
import { okButtonTestId } from '../../lib/forms.ts';
import { useApi, useApiMutation, errorMessage } from '../../lib/api.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { formatDateTime } from '../../lib/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/selects.tsx';
import { StaleBanner } from '../../components/StaleBanner.tsx';
import { printLink } from '../print/queue.ts';
import { DutyListEditor } from './DutyListEditor.tsx';
import { DutyItemsTable, StateTag } from './DutyListView.tsx';
import { HoldersPanel } from './HoldersPanel.tsx';
import { TemplateLibrary } from './TemplateLibrary.tsx';

type StatusFilter = 'ALL' | 'NO_LIST' | 'DRAFT' | 'UNSIGNED';

export function DutiesPage() {
  const navigate = useNavigate();
  const [params, update] = useSearchState();
  const unitId = params.get('unitId');
  const [search, setSearch] = useState<string | null>(null);
  const filter = (params.get('status') as StatusFilter | null) ?? 'ALL';
  const [library, setLibrary] = useState(false);
  const posts = useApi('duty.posts', { unitId, search }, { placeholderData: (p) => p });
  const rows = useMemo(() => posts.data ?? [], [posts.data]);
  const shown = rows.filter((r) => (filter === 'NO_LIST' ? !r.current : filter === 'DRAFT' ? !!r.draft : filter === 'UNSIGNED' ? !!r.current && r.acknowledged < r.holderCount : true));
  const stats = useMemo(() => {
    const withList = rows.filter((r) => r.current).length;
    const holders = rows.filter((r) => r.current).reduce((a, r) => a + r.holderCount, 0);
    const acked = rows.reduce((a, r) => a + r.acknowledged, 0);
    return { posts: rows.length, withList, drafts: rows.filter((r) => r.draft).length, without: rows.length - withList, holders, acked };
  }, [rows]);
  const openPost = params.get('post');

  return (
    <div className="sl-page" data-testid="duties-page">
      <PageHeader
        title="全员安全生产责任制"
        description="每个岗位一份责任清单：职责条目、责任范围、考核标准和分值（安全生产法第二十一、二十二条）。从模板一键生成后逐条修改，批准生效后岗位人员签字确认；每年至少修订一次，历次版本均可查阅。"
        extra={
          <Space wrap>
            <Button icon={<BookOutlined />} onClick={() => setLibrary(true)} data-testid="duty-library">
              模板库
            </Button>
            <Button icon={<SafetyOutlined />} onClick={() => navigate('/duties/coverage')}>
              岗位全覆盖检查
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('dutyList', { unitId }))}>
              打印责任清单
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('dutyPublicity', { unitId }))}>
              打印公示牌
            </Button>
          </Space>
        }
      />
      <StaleBanner types={['dutyList', 'dutyPublicity']} what="责任清单或公示牌" />
      <div className="sl-stat-grid" style={{ marginBottom: 16 }}>
        <Card size="small"><Statistic title="岗位" value={stats.posts} /></Card>
        <Card size="small"><Statistic title="有现行责任清单" value={stats.withList} suffix={`/ ${stats.posts}`} /></Card>
        <Card size="small"><Statistic title="草稿待批准" value={stats.drafts} styles={{ content: { color: stats.drafts ? '#d46b08' : undefined } }} /></Card>
        <Card size="small"><Statistic title="无清单岗位" value={stats.without} styles={{ content: { color: stats.without ? '#cf1322' : undefined } }} /></Card>
        <Card size="small">
          <Statistic title="签字确认（人）" value={stats.acked} suffix={`/ ${stats.holders}`} />
          <Progress percent={stats.holders ? Math.round((stats.acked / stats.holders) * 100) : 0} size="small" showInfo={false} />
        </Card>
      </div>
      <Card size="small">
        <div className="sl-toolbar">
          <UnitSelect value={unitId} onChange={(v) => update({ unitId: v })} placeholder="全部单位" style={{ width: 220 }} />
          <Input.Search placeholder="岗位或单位名称" allowClear style={{ width: 200 }} onSearch={(v) => setSearch(v.trim() || null)} />
          <Select<StatusFilter>
            value={filter}
            style={{ width: 170 }}
            onChange={(v) => update({ status: v === 'ALL' ? null : v })}
            options={[
              { value: 'ALL', label: '全部岗位' },
              { value: 'NO_LIST', label: '无现行清单' },
              { value: 'DRAFT', label: '有草稿待批准' },
              { value: 'UNSIGNED', label: '有人未签字确认' },
            ]}
          />
        </div>
        <Table<PostDutyStatus>
          size="small"
          rowKey="postId"
          loading={posts.isFetching && !posts.data}
          dataSource={shown}
          pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (t) => `共 ${t} 个岗位` }}
          onRow={(r) => ({ onClick: () => update({ post: r.postId, tab: null }), style: { cursor: 'pointer' } })}
          data-testid="duty-posts"
          columns={[
            { title: '单位', dataIndex: 'unitPath', ellipsis: true, render: (p: string) => p.split(' / ').slice(1).join(' / ') || p },
            { title: '岗位', dataIndex: 'postName', render: (n: string, r) => <Space size={4}>{n}{r.category === 'MANAGEMENT' ? <Tag>管理</Tag> : <Tag color="blue">一线</Tag>}</Space> },
            { title: '在岗', dataIndex: 'holderCount', width: 64, align: 'center' },
            {
              title: '现行版本',
              width: 300,
              render: (_, r) =>
                r.current ? (
                  <span>
                    {r.current.label} <span className="sl-muted">{r.current.effectiveFrom} 起</span>
                  </span>
                ) : (
                  <Tag color="red">无现行清单</Tag>
                ),
            },
            { title: '草稿', width: 100, render: (_, r) => (r.draft ? <Tag color="orange">待批准</Tag> : null) },
            {
              title: '签字确认',
              width: 150,
              render: (_, r) =>
                r.current ? (
                  <Typography.Text type={r.acknowledged < r.holderCount ? 'danger' : 'success'}>
                    {r.acknowledged} / {r.holderCount}
                  </Typography.Text>
                ) : (
                  <span className="sl-muted">—</span>
                ),
            },
            {
              title: '',
              width: 80,
              render: (_, r) => (
                <Button size="small" data-testid={`duty-open-${r.postName}`} onClick={(e) => { e.stopPropagation(); update({ post: r.postId, tab: null }); }}>
                  打开
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {openPost && <PostDutyDrawer postId={openPost} row={rows.find((r) => r.postId === openPost) ?? null} tab={params.get('tab') ?? 'list'} onTab={(t) => update({ tab: t === 'list' ? null : t })} onClose={() => update({ post: null, tab: null })} />}
      {library && <TemplateLibrary onClose={() => setLibrary(false)} />}
    </div>
  );
}

function PostDutyDrawer({ postId, row, tab, onTab, onClose }: { postId: string; row: PostDutyStatus | null; tab: string; onTab: (t: string) => void; onClose: () => void }) {
  const cards = useApi('card.versions', { postId }, { enabled: row?.category === 'FRONTLINE' });
  const currentCards = cards.data?.find((c) => c.state === 'CURRENT') ?? null;
  return (
    <Drawer open size={1080} title={row ? `${row.unitPath.split(' / ').slice(1).join(' / ')} · ${row.postName}` : '岗位责任清单'} onClose={onClose} destroyOnHidden data-testid="duty-drawer">
      {!row ? (
        <Empty description="岗位不存在或已归档" />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={onTab}
          items={[
            { key: 'list', label: '责任清单', children: <ListTab row={row} /> },
            { key: 'versions', label: <span><HistoryOutlined /> 版本记录</span>, children: <VersionsTab postId={postId} /> },
            {
              key: 'acks',
              label: `签字确认（${row.acknowledged}/${row.holderCount}）`,
              children: <HoldersPanel postId={postId} postName={row.postName} unitId={row.unitId} focus="LIST" hasList={!!row.current} hasCards={!!currentCards} listId={row.current?.id ?? null} cardSetId={currentCards?.id ?? null} />,
            },
          ]}
        />
      )}
    </Drawer>
  );
}

function ListTab({ row }: { row: PostDutyStatus }) {
  const { message, modal } = AntApp.useApp();
  const navigate = useNavigate();
  const templates = useApi('dutyTemplate.list', {});
  const [templateKey, setTemplateKey] = useState<string | null>(row.suggestedTemplate);
  const create = useApiMutation('duty.createDraft');
  const draft = useApi('duty.get', { id: row.draft?.id ?? '' }, { enabled: !!row.draft });
  const current = useApi('duty.get', { id: row.current?.id ?? '' }, { enabled: !!row.current && !row.draft });
  const saveTemplate = useApiMutation('dutyTemplate.saveFromList');
  const [revising, setRevising] = useState(false);
  const year = dayjs().year();

  if (row.draft) {
    return draft.data ? <DutyListEditor draft={draft.data} onDeleted={() => void message.success('草稿已删除')} /> : <Card loading />;
  }
  if (!row.current) {
    return (
      <div data-testid="duty-empty">
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`岗位「${row.postName}」还没有责任清单`} description={`在岗 ${row.holderCount} 人没有可签字确认的责任清单。选一个模板一键生成，再逐条修改后批准。`} />
        <Space wrap>
          <Select
            style={{ width: 300 }}
            placeholder="选择模板"
            value={templateKey ?? undefined}
            onChange={setTemplateKey}
            showSearch={{ optionFilterProp: 'label' }}
            options={(templates.data ?? []).map((t) => ({ value: t.key, label: `${t.name}（${t.itemCount} 条${t.source === 'BUILTIN' ? '' : t.source === 'IMPORTED' ? '，导入' : '，自定义'}）` }))}
            data-testid="duty-template-select"
          />
          <Button
            type="primary"
            icon={<ThunderboltOutlined />}
            disabled={!templateKey}
            loading={create.isPending}
            data-testid="duty-create-template"
            onClick={() => create.mutate({ postId: row.postId, templateKey, copyCurrent: false, reason: `${year} 年度全员安全生产责任制编制` }, { onError: (e) => void message.error(errorMessage(e)) })}
          >
            从模板生成
          </Button>
          <Button loading={create.isPending} onClick={() => create.mutate({ postId: row.postId, templateKey: null, copyCurrent: false, reason: `${year} 年度全员安全生产责任制编制` }, { onError: (e) => void message.error(errorMessage(e)) })}>
            空白编制
          </Button>
        </Space>
        {row.suggestedTemplate && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>已按岗位名称和工种推荐模板，可改选其他模板。</Typography.Paragraph>}
      </div>
    );
  }
  const l = current.data;
  return (
    <div data-testid="duty-current">
      {l ? (
        <>
          <div className="sl-toolbar">
            <Space size={8} wrap>
              <Typography.Text strong>{l.label}</Typography.Text>
              <StateTag state={l.state} />
              <span className="sl-muted">
                {l.effectiveFrom} 起执行 · 批准人 {l.approverName} · 批准于 {formatDateTime(l.approvedAtMs)}
              </span>
            </Space>
            <span style={{ flex: 1 }} />
            <Button icon={<EditOutlined />} onClick={() => setRevising(true)} data-testid="duty-revise">
              修订
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('dutyList', { recordId: l.id }))} data-testid="duty-print">
              打印
            </Button>
            <Button
              onClick={() => {
                let name = `${row.postName}（${l.label}）`;
                modal.confirm({
                  title: '另存为模板',
                  content: <Input defaultValue={name} maxLength={60} onChange={(e) => (name = e.target.value)} />,
                  okText: '保存',
                  cancelText: '取消',
                  onOk: () => saveTemplate.mutateAsync({ listId: l.id, name }).then(() => void message.success('已加入模板库'), (e) => { void message.error(errorMessage(e)); throw e; }),
                });
              }}
            >
              另存为模板
            </Button>
          </div>
          <Typography.Paragraph type="secondary">编制/修订原因：{l.reason}{l.changesText ? `（${l.changesText}）` : ''}</Typography.Paragraph>
          <DutyItemsTable items={l.items} />
        </>
      ) : (
        <Card loading />
      )}
      {revising && (
        <ReasonDialog
          title="建立修订版本"
          hint="以现行版本为底稿建立修订草稿；批准前现行版本继续有效。"
          defaultReason={`${year} 年度修订`}
          loading={create.isPending}
          onCancel={() => setRevising(false)}
          onOk={(reason) => create.mutate({ postId: row.postId, templateKey: null, copyCurrent: true, reason }, { onSuccess: () => setRevising(false), onError: (e) => void message.error(errorMessage(e)) })}
        />
      )}
    </div>
  );
}

function ReasonDialog({ title, hint, defaultReason, loading, onCancel, onOk }: { title: string; hint: string; defaultReason: string; loading: boolean; onCancel: () => void; onOk: (reason: string) => void }) {
  const [form] = Form.useForm();
  return (
    <Modal open title={title} okText="建立" cancelText="取消" confirmLoading={loading} onCancel={onCancel} okButtonProps={okButtonTestId('duty-reason-ok')} onOk={async () => onOk(((await form.validateFields()) as { reason: string }).reason)}>
      <Typography.Paragraph>{hint}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ reason: defaultReason }}>
        <Form.Item label="修订原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写修订原因（如法规变化、设备变更、机构调整、事故后修订）' }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function VersionsTab({ postId }: { postId: string }) {
  const navigate = useNavigate();
  const versions = useApi('duty.versions', { postId });
  const [viewing, setViewing] = useState<DutyListSummary | null>(null);
  const [date, setDate] = useState<dayjs.Dayjs | null>(null);
  const onDate = useApi('duty.inForce', { postId, date: date?.format('YYYY-MM-DD') ?? '' }, { enabled: !!date });
  const detail = useApi('duty.get', { id: viewing?.id ?? '' }, { enabled: !!viewing });
  return (
    <div data-testid="duty-versions">
      <div className="sl-toolbar">
        <span>查询某日现行的版本：</span>
        <DatePicker value={date} onChange={setDate} data-testid="duty-in-force-date" />
        {date && onDate.data !== undefined && (
          <span data-testid="duty-in-force-result">
            {onDate.data ? (
              <>
                {date.format('YYYY-MM-DD')} 执行的是 <b>{onDate.data.label}</b>（{onDate.data.effectiveFrom} 起，批准人 {onDate.data.approverName}）
              </>
            ) : (
              <Typography.Text type="danger">{date.format('YYYY-MM-DD')} 该岗位没有生效的责任清单</Typography.Text>
            )}
          </span>
        )}
      </div>
      <Table<DutyListSummary>
        size="small"
        rowKey="id"
        loading={versions.isFetching && !versions.data}
        dataSource={versions.data ?? []}
        pagination={false}
        columns={[
          { title: '版本', dataIndex: 'label', width: 180 },
          { title: '状态', dataIndex: 'state', width: 80, render: (s: DutyListSummary['state']) => <StateTag state={s} /> },
          { title: '生效日期', dataIndex: 'effectiveFrom', width: 110, render: (v: string | null) => v ?? '—' },
          { title: '批准人', dataIndex: 'approverName', width: 90, render: (v: string | null) => v ?? '—' },
          { title: '编制/修订原因', dataIndex: 'reason' },
          { title: '条目变化', dataIndex: 'changesText', width: 170, render: (v: string | null) => v ?? '—' },
          { title: '条数', dataIndex: 'itemCount', width: 56, align: 'center' },
          {
            title: '',
            width: 130,
            render: (_, v) => (
              <Space size={4}>
                <Button size="small" onClick={() => setViewing(v)}>查看</Button>
                {v.status === 'APPROVED' && <Button size="small" icon={<FilePdfOutlined />} onClick={() => navigate(printLink('dutyList', { recordId: v.id }))} />}
              </Space>
            ),
          },
        ]}
      />
      {viewing && (
        <Modal open width={1000} footer={null} title={`${viewing.label}（${viewing.effectiveFrom ? `${viewing.effectiveFrom} 起` : '草稿'}）`} onCancel={() => setViewing(null)}>
          {viewing.changes && (
            <Alert
              type="info"
              style={{ marginBottom: 12 }}
              title={`相对上一版本：${viewing.changesText}`}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {viewing.changes.added.map((t) => <li key={`a${t}`}>新增：{t}</li>)}
                  {viewing.changes.modified.map((m) => <li key={`m${m.after}`}>修改：{m.before === m.after ? m.after : `${m.before} → ${m.after}`}</li>)}
                  {viewing.changes.removed.map((t) => <li key={`r${t}`}>删除：{t}</li>)}
                </ul>
              }
            />
          )}
          {detail.data ? <DutyItemsTable items={detail.data.items} /> : <Card loading />}
        </Modal>
      )}
    </div>
  );
}
