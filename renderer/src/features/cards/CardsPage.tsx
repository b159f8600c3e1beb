import { useState } from 'react';
import { Alert, Button, Card, Input, Progress, Select, Space, Statistic, Table, Tag } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { CardPostStatus } from '../../../../preload/contract/cards.ts';
import { useApi } from '../../lib/api.ts';
import { shortPath } from '../../lib/format.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StaleBanner } from '../../components/StaleBanner.tsx';
import { UnitSelect } from '../../components/selects.tsx';
import { printLink } from '../print/queue.ts';
import { CardDrawer } from './CardDrawer.tsx';

type StatusFilter = 'published' | 'draft' | 'none' | 'unsigned' | 'overdue';

const STATUS_FILTERS: { value: StatusFilter; label: string; test: (r: CardPostStatus) => boolean }[] = [
  { value: 'published', label: '已发布', test: (r) => r.current !== null },
  { value: 'draft', label: '有待发布草稿', test: (r) => r.draftId !== null },
  { value: 'none', label: '未编制', test: (r) => r.current === null && r.draftId === null },
  { value: 'unsigned', label: '有人未签字', test: (r) => r.current !== null && r.acknowledged < r.holderCount },
  { value: 'overdue', label: '复审逾期', test: (r) => r.current?.reviewOverdue === true },
];

function isStatus(v: string | null): v is StatusFilter {
  return STATUS_FILTERS.some((f) => f.value === v);
}

export function CardsPage() {
  const navigate = useNavigate();
  const [params, update] = useSearchState();
  const [search, setSearch] = useState('');
  const unitId = params.get('unitId');
  const rawStatus = params.get('status');
  const status = isStatus(rawStatus) ? rawStatus : null;
  const postId = params.get('post');
  const q = useApi('card.posts', { unitId }, { placeholderData: (prev) => prev });
  const all = q.data ?? [];
  const filter = STATUS_FILTERS.find((f) => f.value === status);
  const needle = search.trim().toLowerCase();
  const rows = all.filter((r) => (!filter || filter.test(r)) && (!needle || `${r.postName} ${r.trade ?? ''} ${r.unitPath}`.toLowerCase().includes(needle)));

  const published = all.filter((r) => r.current).length;
  const drafts = all.filter((r) => r.draftId).length;
  const none = all.filter((r) => !r.current && !r.draftId).length;
  const overdue = all.filter((r) => r.current?.reviewOverdue).length;
  const holders = all.reduce((s, r) => s + r.holderCount, 0);
  const acknowledged = all.reduce((s, r) => s + r.acknowledged, 0);
  const holdersWithout = all.filter((r) => !r.current).reduce((s, r) => s + r.holderCount, 0);

  const open = (id: string) => update({ post: id });
  const pick = (s: StatusFilter | null) => update({ status: s === status ? null : s });

  const stat = (key: StatusFilter | null, title: string, value: number, suffix: string, danger = false, note?: string) => (
    <Card size="small" hoverable={key !== null} onClick={key ? () => pick(key) : undefined} style={key && key === status ? { borderColor: '#1f5eb8' } : undefined} data-testid={`cards-stat-${key ?? 'all'}`}>
      <Statistic title={title} value={value} suffix={suffix} styles={danger && value > 0 ? { content: { color: '#cf1322' } } : undefined} />
      {note && <div className="sl-muted">{note}</div>}
    </Card>
  );

  return (
    <div className="sl-page" data-testid="cards-page">
      <PageHeader
        title="两单两卡"
        description="一线岗位的岗位风险清单、岗位职责清单、岗位操作卡和岗位应急处置卡（知风险、明职责、会操作、能应急），批准发布后打印口袋卡和岗位牌，员工签字确认并接受背诵抽查。"
        extra={
          <Space>
            <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('postCards', { unitId }))} data-testid="cards-print-pocket">
              打印口袋卡
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('postCardBoard', { unitId }))} data-testid="cards-print-board">
              打印岗位牌
            </Button>
          </Space>
        }
      />
      <StaleBanner types={['postCards', 'postCardBoard']} what="两单两卡" />
      <div className="sl-stat-grid" style={{ marginBottom: 16 }}>
        {stat(null, '一线岗位', all.length, '个')}
        {stat('published', '已发布', published, '个', false, all.length ? `覆盖 ${Math.round((published / all.length) * 100)}%` : undefined)}
        {stat('draft', '待发布草稿', drafts, '份')}
        {stat('none', '未编制', none, '个', true)}
        <Card size="small" hoverable onClick={() => pick('unsigned')} style={status === 'unsigned' ? { borderColor: '#1f5eb8' } : undefined} data-testid="cards-stat-unsigned">
          <Statistic title="签字确认" value={acknowledged} suffix={`/ ${holders} 人`} styles={holders && acknowledged < holders ? { content: { color: '#d46b08' } } : undefined} />
          <div className="sl-muted">{holdersWithout ? `其中 ${holdersWithout} 人所在岗位尚未发布` : holders ? `签字率 ${Math.round((acknowledged / holders) * 100)}%` : '暂无在岗人员'}</div>
        </Card>
        {stat('overdue', '复审逾期', overdue, '个', true)}
      </div>
      <div className="sl-toolbar">
        <UnitSelect value={unitId} onChange={(v) => update({ unitId: v })} placeholder="全部单位" style={{ width: 220 }} />
        <Select<StatusFilter>
          allowClear
          placeholder="全部状态"
          style={{ width: 150 }}
          value={status ?? undefined}
          onChange={(v) => update({ status: v ?? null })}
          options={STATUS_FILTERS.map((f) => ({ value: f.value, label: f.label }))}
          data-testid="cards-status"
        />
        <Input.Search placeholder="岗位名称或工种" allowClear style={{ width: 200 }} onSearch={(v) => setSearch(v)} onChange={(e) => !e.target.value && setSearch('')} />
      </div>
      {q.isError && <Alert type="error" showIcon title={q.error.message} style={{ marginBottom: 12 }} />}
      <Table<CardPostStatus>
        rowKey="postId"
        size="middle"
        loading={q.isFetching}
        dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (t) => `共 ${t} 个一线岗位`, hideOnSinglePage: true }}
        locale={{ emptyText: all.length ? '没有符合条件的岗位' : '还没有一线岗位；请先在「岗位」中建立岗位，岗位类别选“一线岗位”' }}
        onRow={(r) => ({ onClick: () => open(r.postId), style: { cursor: 'pointer' } })}
        data-testid="cards-table"
        columns={[
          { title: '单位', dataIndex: 'unitPath', ellipsis: true, render: shortPath },
          {
            title: '岗位',
            dataIndex: 'postName',
            render: (v: string, r) => (
              <span>
                {v}
                {r.trade && r.trade !== v && <span className="sl-muted" style={{ marginInlineStart: 6 }}>{r.trade}</span>}
              </span>
            ),
          },
          {
            title: '在岗人数',
            dataIndex: 'holderCount',
            width: 90,
            render: (n: number) => (n ? `${n} 人` : <span className="sl-muted">无人在岗</span>),
          },
          {
            title: '现行版本',
            width: 200,
            render: (_, r) => (
              <Space size={4} wrap>
                {r.current ? (
                  <span>
                    第 {r.current.version} 版 · {r.current.publishedOn}
                  </span>
                ) : (
                  !r.draftId && <Tag color="red">未发布</Tag>
                )}
                {r.draftId && <Tag color="orange">{r.current ? '修订草稿' : '草稿'}</Tag>}
              </Space>
            ),
          },
          {
            title: '签字确认',
            width: 150,
            render: (_, r) =>
              !r.current ? (
                <span className="sl-muted">—</span>
              ) : r.holderCount === 0 ? (
                <span className="sl-muted">无人在岗</span>
              ) : (
                <Progress
                  size="small"
                  percent={Math.round((r.acknowledged / r.holderCount) * 100)}
                  status={r.acknowledged === r.holderCount ? 'success' : 'normal'}
                  format={() => `${r.acknowledged}/${r.holderCount}`}
                />
              ),
          },
          {
            title: '背诵抽查',
            width: 100,
            render: (_, r) =>
              r.checks.total ? (
                <span style={{ color: r.checks.passed < r.checks.total ? '#d46b08' : undefined }}>
                  {r.checks.passed}/{r.checks.total} 通过
                </span>
              ) : (
                <span className="sl-muted">未抽查</span>
              ),
          },
          {
            title: '下次复审',
            width: 140,
            render: (_, r) =>
              r.current ? (
                <Space size={4}>
                  <span>{r.current.nextReviewOn ?? '—'}</span>
                  {r.current.reviewOverdue && <Tag color="red">逾期</Tag>}
                </Space>
              ) : (
                <span className="sl-muted">—</span>
              ),
          },
          {
            title: '操作',
            width: 80,
            render: (_, r) => (
              <Button
                size="small"
                type="link"
                onClick={(e) => {
                  e.stopPropagation();
                  open(r.postId);
                }}
                data-testid={`card-open-${r.postName}`}
              >
                打开
              </Button>
            ),
          },
        ]}
      />
      {postId && <CardDrawer key={postId} postId={postId} onClose={() => update({ post: null })} />}
    </div>
  );
}
