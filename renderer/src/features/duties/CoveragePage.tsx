import { Alert, Button, Card, Progress, Result, Space, Table, Tabs, Tag, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { Coverage } from '../../../../preload/contract/duties.ts';
import { useApi } from '../../lib/api.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/selects.tsx';
import { EmploymentTag } from '../../components/tags.tsx';

type PersonRow = Coverage['peopleWithoutList'][number];
type PostRow = Coverage['postsWithoutList'][number];

/**
 * 岗位全覆盖检查: what an inspector compares — the responsibility lists
 * against the roster. Every row links to where it is fixed.
 */
export function CoveragePage() {
  const navigate = useNavigate();
  const [params, update] = useSearchState();
  const unitId = params.get('unitId');
  const q = useApi('duty.coverage', { unitId }, { placeholderData: (p) => p });
  const c = q.data;
  const tab = params.get('tab') ?? 'posts';

  const fixPerson = (r: PersonRow, acks: boolean) => (
    <Button
      size="small"
      icon={<ArrowRightOutlined />}
      data-testid={`coverage-fix-${r.staffNo}`}
      onClick={() => navigate(r.postId ? `/duties?post=${r.postId}${acks ? '&tab=acks' : ''}` : `/people?open=${r.personId}`)}
    >
      {r.postId ? (acks ? '去签字确认' : '去编制清单') : '去分配岗位'}
    </Button>
  );
  const personColumns = (acks: boolean) => [
    { title: '姓名', dataIndex: 'name', width: 90 },
    { title: '工号', dataIndex: 'staffNo', width: 80 },
    { title: '单位', dataIndex: 'unitName', width: 120 },
    { title: '用工形式', dataIndex: 'employmentType', width: 100, render: (t: PersonRow['employmentType']) => <EmploymentTag type={t} /> },
    { title: '岗位', dataIndex: 'postName', width: 140, render: (v: string | null) => v ?? <Tag color="red">未分配</Tag> },
    { title: '缺少', dataIndex: 'missing' },
    { title: '', key: 'fix', width: 120, render: (_: unknown, r: PersonRow) => fixPerson(r, acks) },
  ];
  const postColumns = (cards: boolean) => [
    { title: '单位', dataIndex: 'unitName', width: 140 },
    { title: '岗位', dataIndex: 'postName' },
    { title: '在岗', dataIndex: 'holders', width: 64, align: 'center' as const },
    { title: '状态', dataIndex: 'hasDraft', width: 130, render: (d: boolean) => (d ? <Tag color="orange">{cards ? '草稿未发布' : '草稿待批准'}</Tag> : <Tag color="red">未编制</Tag>) },
    {
      title: '',
      key: 'fix',
      width: 120,
      render: (_: unknown, r: PostRow) => (
        <Button size="small" icon={<ArrowRightOutlined />} data-testid={`coverage-fix-post-${r.postName}`} onClick={() => navigate(cards ? `/cards?post=${r.postId}` : `/duties?post=${r.postId}`)}>
          {r.hasDraft ? (cards ? '去发布' : '去批准') : '去编制'}
        </Button>
      ),
    },
  ];
  const count = (n: number) => <Tag color={n ? 'red' : 'green'} style={{ marginInlineStart: 6 }}>{n}</Tag>;

  return (
    <div className="sl-page" data-testid="coverage-page">
      <PageHeader
        title="岗位全覆盖检查"
        description="检查人员会拿责任清单对照花名册：每个岗位都有现行责任清单，一线岗位都有两单两卡，每个在岗人员都已签字确认现行版本，劳务派遣和灵活用工人员同样覆盖。每一行都可直接去处理。"
        extra={<UnitSelect value={unitId} onChange={(v) => update({ unitId: v })} placeholder="全企业" style={{ width: 220 }} />}
      />
      {c && (
        <>
          <div className="sl-stat-grid" style={{ marginBottom: 16 }}>
            <Card size="small" data-testid="coverage-posts">
              <div className="sl-muted">岗位全覆盖</div>
              <Typography.Title level={3} style={{ margin: '4px 0' }}>
                {c.summary.postsCovered} / {c.summary.posts}
              </Typography.Title>
              <Progress percent={c.summary.posts ? Math.round((c.summary.postsCovered / c.summary.posts) * 100) : 100} size="small" status={c.summary.postsCovered === c.summary.posts ? 'success' : 'active'} />
            </Card>
            <Card size="small" data-testid="coverage-people">
              <div className="sl-muted">人员全覆盖（有清单且已签字）</div>
              <Typography.Title level={3} style={{ margin: '4px 0' }}>
                {c.summary.peopleCovered} / {c.summary.people}
              </Typography.Title>
              <Progress percent={c.summary.people ? Math.round((c.summary.peopleCovered / c.summary.people) * 100) : 100} size="small" status={c.summary.peopleCovered === c.summary.people ? 'success' : 'active'} />
            </Card>
            <Card size="small">
              <div className="sl-muted">劳务派遣 / 灵活用工未覆盖</div>
              <Typography.Title level={3} style={{ margin: '4px 0', color: c.flexibleNotCovered.length ? '#cf1322' : '#389e0d' }}>
                {c.flexibleNotCovered.length} 人
              </Typography.Title>
            </Card>
          </div>
          {c.summary.postsCovered === c.summary.posts && c.summary.peopleCovered === c.summary.people ? (
            <Result status="success" title="全部覆盖" subTitle={`截至 ${c.today}，范围内 ${c.summary.posts} 个岗位、${c.summary.people} 名在岗人员的责任清单和两单两卡均已现行并签字确认。`} />
          ) : (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`截至 ${c.today}：${c.summary.posts - c.summary.postsCovered} 个岗位、${c.summary.people - c.summary.peopleCovered} 名人员未完全覆盖`} />
          )}
        </>
      )}
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(t) => update({ tab: t === 'posts' ? null : t })}
          items={[
            {
              key: 'posts',
              label: <span>无现行清单的岗位{count(c?.postsWithoutList.length ?? 0)}</span>,
              children: <Table<PostRow> size="small" rowKey="postId" loading={q.isFetching && !c} dataSource={c?.postsWithoutList ?? []} pagination={{ pageSize: 50, hideOnSinglePage: true }} columns={postColumns(false)} locale={{ emptyText: '每个岗位都有现行责任清单' }} data-testid="coverage-posts-table" />,
            },
            {
              key: 'cards',
              label: <span>一线岗位无两单两卡{count(c?.frontlineWithoutCards.length ?? 0)}</span>,
              children: <Table<PostRow> size="small" rowKey="postId" dataSource={c?.frontlineWithoutCards ?? []} pagination={{ pageSize: 50, hideOnSinglePage: true }} columns={postColumns(true)} locale={{ emptyText: '每个一线岗位都已发布两单两卡' }} />,
            },
            {
              key: 'noList',
              label: <span>岗位无清单的人员{count(c?.peopleWithoutList.length ?? 0)}</span>,
              children: <Table<PersonRow> size="small" rowKey="personId" dataSource={c?.peopleWithoutList ?? []} pagination={{ pageSize: 50, hideOnSinglePage: true }} columns={personColumns(false)} locale={{ emptyText: '每个人的岗位都有现行责任清单' }} />,
            },
            {
              key: 'unsigned',
              label: <span>未签字确认的人员{count(c?.peopleNotAcknowledged.length ?? 0)}</span>,
              children: <Table<PersonRow> size="small" rowKey="personId" dataSource={c?.peopleNotAcknowledged ?? []} pagination={{ pageSize: 50, hideOnSinglePage: true }} columns={personColumns(true)} locale={{ emptyText: '所有人员都已签字确认现行版本' }} data-testid="coverage-unsigned-table" />,
            },
            {
              key: 'flexible',
              label: <span>劳务派遣/灵活用工未覆盖{count(c?.flexibleNotCovered.length ?? 0)}</span>,
              children: (
                <>
                  <Typography.Paragraph type="secondary">劳务派遣人员纳入本单位从业人员统一管理（安全生产法第二十八条），灵活用工人员同样要有岗位、有清单、有签字。</Typography.Paragraph>
                  <Table<PersonRow> size="small" rowKey="personId" dataSource={c?.flexibleNotCovered ?? []} pagination={{ pageSize: 50, hideOnSinglePage: true }} columns={personColumns(true)} locale={{ emptyText: '劳务派遣和灵活用工人员均已覆盖' }} />
                </>
              ),
            },
            {
              key: 'all',
              label: '全部岗位',
              children: (
                <Table<Coverage['posts'][number]>
                  size="small"
                  rowKey="postId"
                  dataSource={c?.posts ?? []}
                  pagination={{ pageSize: 50, hideOnSinglePage: true }}
                  data-testid="coverage-all-table"
                  columns={[
                    { title: '单位', dataIndex: 'unitName', width: 140 },
                    { title: '岗位', dataIndex: 'postName', render: (n: string, r) => <Space size={4}>{n}{r.frontline ? <Tag color="blue">一线</Tag> : <Tag>管理</Tag>}</Space> },
                    { title: '责任清单', dataIndex: 'hasList', width: 90, render: (v: boolean) => (v ? <Tag color="green">现行</Tag> : <Tag color="red">无</Tag>) },
                    { title: '两单两卡', width: 90, render: (_, r) => (!r.frontline ? <span className="sl-muted">不适用</span> : r.hasCards ? <Tag color="green">已发布</Tag> : <Tag color="red">无</Tag>) },
                    { title: '签字', width: 90, render: (_, r) => `${r.acknowledged} / ${r.holders}` },
                    { title: '结论', width: 200, render: (_, r) => (r.ok ? <Tag color="green" data-testid={`coverage-ok-${r.postName}`}>已覆盖</Tag> : <Tag color="red">{r.problem}</Tag>) },
                    { title: '', width: 80, render: (_, r) => (r.ok ? null : <Button size="small" onClick={() => navigate(!r.hasList ? `/duties?post=${r.postId}` : r.frontline && !r.hasCards ? `/cards?post=${r.postId}` : `/duties?post=${r.postId}&tab=acks`)}>处理</Button>) },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
