import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ClearOutlined, DeleteOutlined, EditOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { EmergencyCard } from '../../../../preload/contract/emergency.ts';
import { errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { printLink } from '../print/queue.ts';
import { CardEditor, LinkedCardSet } from './CardEditor.tsx';
import { GenerateCardsModal } from './GenerateCardsModal.tsx';
import { planLink } from './emergencyMeta.tsx';

/**
 * 应急处置卡: one card per key post and 现场处置方案, generated from the plan
 * in force and then edited; stale cards are flagged for regeneration. `?id=`
 * opens a card, `?planId=` / `?postId=` filter the list.
 */
export function EmergencyCardsPage() {
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [params, update] = useSearchState();
  const planId = params.get('planId');
  const postId = params.get('postId');
  const onlyStale = params.get('stale') === '1';
  const open = params.get('id');
  const [search, setSearch] = useState('');
  const [generating, setGenerating] = useState(false);
  const plans = useApi('emergencyPlan.list', { planType: 'ONSITE', includeArchived: true, search: null });
  const posts = useApi('post.options', {});
  const list = useApi('emergencyCard.list', { planId, postId }, { placeholderData: (prev) => prev });
  const remove = useApiMutation('emergencyCard.remove');
  const all = list.data ?? [];
  const needle = search.trim();
  const rows = all.filter((c) => (!onlyStale || c.stale) && (!needle || `${c.postName} ${c.unitName} ${c.title} ${c.planCode} ${c.planName}`.includes(needle)));
  const staleCount = all.filter((c) => c.stale).length;
  const filtered = !!(planId || postId || onlyStale || needle);

  const missing = (plans.data ?? [])
    .filter((p) => !p.archived && p.current && p.postIds.length > p.cardCount)
    .reduce((n, p) => n + (p.postIds.length - p.cardCount), 0);

  return (
    <div className="sl-page" data-testid="emergency-cards-page">
      <PageHeader
        title="应急处置卡"
        description="关键岗位的应急处置卡由现场处置方案生成：事故情形、处置步骤、注意事项和应急联系电话，员工随身携带或张贴在岗位。方案发布新版本后，原卡片需重新生成。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setGenerating(true)} data-testid="card-generate">
            生成应急处置卡
          </Button>
        }
      />
      {staleCount > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${staleCount} 张处置卡所依据的方案已发布新版本，需重新生成`}
          action={
            <Button size="small" onClick={() => update({ stale: onlyStale ? null : '1' })} data-testid="card-filter-stale">
              {onlyStale ? '显示全部' : '只看这些'}
            </Button>
          }
        />
      )}
      {missing > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`已发布的现场处置方案中还有 ${missing} 个关键岗位没有处置卡`} description="点击「生成应急处置卡」，选择方案后默认带出它的关键岗位。" />
      )}
      <Card size="small">
        <div className="sl-toolbar">
          <Select
            allowClear
            placeholder="全部现场处置方案"
            style={{ width: 300 }}
            value={planId ?? undefined}
            onChange={(v?: string) => update({ planId: v ?? null })}
            options={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}${p.archived ? '（已废止）' : ''}` }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="card-filter-plan"
          />
          <Select
            allowClear
            placeholder="全部岗位"
            style={{ width: 240 }}
            value={postId ?? undefined}
            onChange={(v?: string) => update({ postId: v ?? null })}
            options={(posts.data ?? []).map((p) => ({ value: p.id, label: `${p.unitName} · ${p.name}` }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="card-filter-post"
          />
          <Input.Search placeholder="岗位、标题或方案" allowClear style={{ width: 200 }} value={search} onChange={(e) => setSearch(e.target.value)} />
          {filtered && (
            <Button
              type="link"
              icon={<ClearOutlined />}
              onClick={() => {
                setSearch('');
                update({ planId: null, postId: null, stale: null });
              }}
            >
              清除筛选
            </Button>
          )}
        </div>
        {list.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={list.error.message} />}
        <Table<EmergencyCard>
          size="small"
          rowKey="id"
          bordered
          loading={list.isFetching && !list.data}
          dataSource={rows}
          scroll={{ x: 1100 }}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false, showTotal: (t) => `共 ${t} 张` } : false}
          data-testid="card-table"
          rowClassName={(c) => (c.stale ? 'sl-em-row-warn' : '')}
          onRow={(c) => ({ onClick: () => update({ id: c.id }), style: { cursor: 'pointer' } })}
          locale={{
            emptyText: filtered ? (
              '没有符合筛选条件的处置卡'
            ) : (
              <div style={{ padding: 16 }}>
                <Typography.Paragraph>还没有应急处置卡。先在「应急预案」中发布现场处置方案（填写事故情形和处置步骤），再为关键岗位生成。</Typography.Paragraph>
                <Space>
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setGenerating(true)}>
                    生成应急处置卡
                  </Button>
                  <Button onClick={() => navigate('/emergency/plans?type=ONSITE')}>查看现场处置方案</Button>
                </Space>
              </div>
            ),
          }}
          columns={[
            {
              title: '岗位',
              key: 'post',
              width: 150,
              fixed: 'left',
              render: (_, c) => (
                <div data-testid={`card-row-${c.postName}`}>
                  <Typography.Text strong>{c.postName}</Typography.Text>
                  <div className="sl-muted" style={{ fontSize: 12 }}>
                    {c.unitName}
                  </div>
                </div>
              ),
            },
            { title: '卡片标题', dataIndex: 'title', width: 190 },
            {
              title: '现场处置方案 / 生成自',
              key: 'plan',
              render: (_, c) => (
                <div>
                  <Link to={planLink(c.planId)} onClick={(e) => e.stopPropagation()}>
                    {c.planCode} {c.planName}
                  </Link>
                  <div style={{ fontSize: 12 }}>
                    <span className="sl-muted">生成自 {c.sourceVersion}</span>
                    {c.stale && (
                      <Tooltip title="方案已发布新版本，打开卡片后点击「重新生成」">
                        <Tag color="orange" style={{ marginInlineStart: 6 }} data-testid="card-stale-tag">
                          需重新生成
                        </Tag>
                      </Tooltip>
                    )}
                  </div>
                </div>
              ),
            },
            {
              title: '内容',
              key: 'content',
              width: 96,
              render: (_, c) => (
                <span>
                  {c.scenarios.length} 个情形
                  <div className="sl-muted" style={{ fontSize: 12 }}>
                    {c.contacts.length} 个电话
                  </div>
                </span>
              ),
            },
            {
              title: '两单两卡',
              key: 'set',
              width: 170,
              render: (_, c) => (
                <span onClick={(e) => e.stopPropagation()}>
                  <LinkedCardSet card={c} />
                </span>
              ),
            },
            {
              title: '修改',
              key: 'rev',
              width: 104,
              render: (_, c) => (
                <span>
                  第 {c.revision} 版
                  <div className="sl-muted" style={{ fontSize: 12 }}>
                    {formatDateTime(c.updatedAtMs).slice(0, 10)}
                  </div>
                </span>
              ),
            },
            {
              title: '操作',
              key: 'actions',
              width: 100,
              fixed: 'right',
              render: (_, c) => (
                <Space size={0} onClick={(e) => e.stopPropagation()}>
                  <Tooltip title="编辑">
                    <Button type="text" size="small" icon={<EditOutlined />} onClick={() => update({ id: c.id })} aria-label="编辑" />
                  </Tooltip>
                  <Tooltip title="打印">
                    <Button type="text" size="small" icon={<FilePdfOutlined />} onClick={() => navigate(printLink('emergencyCard', { recordId: c.id }))} aria-label="打印" data-testid={`card-print-${c.postName}`} />
                  </Tooltip>
                  <Popconfirm
                    title={`删除「${c.title}」？`}
                    description="删除后可由现场处置方案重新生成。"
                    okText="删除"
                    cancelText="取消"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove.mutate({ id: c.id }, { onSuccess: () => void message.success('处置卡已删除'), onError: (e) => void message.error(errorMessage(e)) })}
                  >
                    <Tooltip title="删除">
                      <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label="删除" />
                    </Tooltip>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {generating && (
        <GenerateCardsModal
          planId={(plans.data ?? []).some((p) => p.id === planId && p.current && !p.archived) ? planId : null}
          onClose={() => setGenerating(false)}
          onDone={(cards) => {
            if (cards.length === 1 && cards[0]) update({ id: cards[0].id });
          }}
        />
      )}
      {open && <CardEditor id={open} onClose={() => update({ id: null })} />}
    </div>
  );
}
