import { Alert, Card, Col, Empty, Row, Skeleton, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { ItemList } from '../../components/ItemList.tsx';
import { WarningOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useApi } from '../../lib/api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CertStateTag } from '../../components/tags.tsx';
import { HazardCard } from './HazardCard.tsx';
import { EmergencyCard } from './EmergencyCard.tsx';
import { EmploymentType, PostCategory, RISK_COLORS, RiskLevel } from '../../../../preload/contract/enums.ts';

export function DashboardPage() {
  const q = useApi('dashboard.get', {});
  if (q.isPending) return <div className="sl-page"><Skeleton active /></div>;
  if (q.isError) return <div className="sl-page"><Alert type="error" title={q.error.message} /></div>;
  const d = q.data;
  const gaps = d.certificationGaps;
  const attention = d.certificates.expired + d.certificates.reviewOverdue + gaps.total + d.postsWithoutHolders.count + (d.commitment.attention ? 1 : 0);

  return (
    <div className="sl-page" data-testid="dashboard">
      <PageHeader title="工作台" description={`今天是 ${d.today}。以下是当前的基础数据概况和需要处理的事项。`} />
      {gaps.majorHazards > 0 && (
        <Alert
          type="error"
          showIcon
          icon={<WarningOutlined />}
          style={{ marginBottom: 16 }}
          title={`发现 ${gaps.majorHazards} 名特种作业人员无有效证书在岗，属于重大事故隐患`}
          description="依据《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第四条第（二）项。请立即安排持证人员顶岗或停止其作业，并办理取证/复审。"
        />
      )}
      {d.commitment.attention && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={d.commitment.attention}
          action={<Link to="/commitments">去处理</Link>}
          data-testid="dashboard-commitment"
        />
      )}
      <div className="sl-stat-grid" style={{ marginBottom: 16 }}>
        <Card size="small"><Link to="/org"><Statistic title="组织单位" value={d.counts.units} suffix="个" /></Link></Card>
        <Card size="small"><Link to="/posts"><Statistic title="岗位" value={d.counts.posts} suffix="个" /></Link><div className="sl-muted">一线 {d.counts.frontlinePosts} · 需持证 {d.counts.specialPosts}</div></Card>
        <Card size="small"><Link to="/people"><Statistic title="在职人员" value={d.counts.activePeople} suffix="人" /></Link><div className="sl-muted">{d.counts.byEmploymentType.map((t) => `${EmploymentType.label[t.type]} ${t.count}`).join(' · ')}</div></Card>
        <Card size="small"><Link to="/certificates"><Statistic title="在职人员证书" value={d.counts.certificates} suffix="本" /></Link></Card>
        <Card size="small"><Statistic title="待处理事项" value={attention} suffix="项" styles={{ content: { color: attention ? '#cf1322' : '#389e0d' } }} /></Card>
      </div>

      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <HazardCard />
          <EmergencyCard />
          <Card title={`持证上岗缺口${gaps.total ? `（${gaps.total} 人）` : ''}`} size="small" style={{ marginBottom: 16 }} extra={<Link to="/posts?specialOnly=1">查看需持证岗位</Link>} data-testid="cert-gaps">
            {gaps.total === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="所有需持证岗位的在岗人员均持有有效证书" />
            ) : (
              <Table
                size="small"
                rowKey={(g) => `${g.postId}-${g.personId}`}
                pagination={false}
                dataSource={gaps.items}
                columns={[
                  { title: '人员', render: (_, g) => <Link to={`/people?open=${g.personId}`}>{g.personName}</Link>, width: 80 },
                  { title: '岗位', render: (_, g) => `${g.unitName} · ${g.postName}`, width: 150 },
                  { title: '要求', dataIndex: 'requirement' },
                  { title: '问题', dataIndex: 'reason' },
                  {
                    title: '性质',
                    width: 116,
                    render: (_, g) =>
                      g.majorHazard ? (
                        <Tooltip title={g.basis}>
                          <Tag color="red">重大事故隐患</Tag>
                        </Tooltip>
                      ) : (
                        <Tag color="orange">无证上岗</Tag>
                      ),
                  },
                ]}
              />
            )}
          </Card>
          <Card title="证书到期提醒" size="small" extra={<Link to="/certificates?state=ATTENTION">全部待办证书</Link>} data-testid="cert-alerts">
            <Space size={32} wrap style={{ marginBottom: 12 }}>
              <Link to="/certificates?state=EXPIRED"><Statistic title="已过期" value={d.certificates.expired} styles={{ content: { color: d.certificates.expired ? '#cf1322' : undefined } }} /></Link>
              <Link to="/certificates?state=REVIEW_OVERDUE"><Statistic title="复审逾期" value={d.certificates.reviewOverdue} styles={{ content: { color: d.certificates.reviewOverdue ? '#cf1322' : undefined } }} /></Link>
              {[...d.certificates.dueWithin].reverse().map((b) => (
                <Link key={b.days} to={`/certificates?state=DUE&within=${b.days}`}>
                  <Statistic title={`${b.days} 天内到期`} value={b.count} styles={{ content: { color: b.count ? '#d46b08' : undefined } }} />
                </Link>
              ))}
            </Space>
            <ItemList
              items={d.certificates.urgent}
              empty="近期没有到期或逾期的证书"
              render={(c) => ({
                key: c.id,
                extra: <CertStateTag cert={c} />,
                title: <Link to={`/certificates?open=${c.id}`}>{c.personName}（{c.unitName}）</Link>,
                description: `${c.certTypeName}${c.category ? ` · ${c.category}` : ''} · ${c.dueState !== 'EXPIRED' && c.nextReviewDate && c.dueDate === c.nextReviewDate ? `应于 ${c.nextReviewDate} 前复审` : `有效期至 ${c.effectiveExpiryDate}`}`,
              })}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <RiskCard />
          <ResponsibilityCard />
          <Card title="无人在岗的岗位" size="small" style={{ marginBottom: 16 }} extra={<Link to="/posts?withoutHolders=1">全部 {d.postsWithoutHolders.count} 个</Link>} data-testid="posts-without-holders">
            <ItemList
              items={d.postsWithoutHolders.items}
              empty="每个岗位都有人在岗"
              render={(p) => ({
                key: p.id,
                extra: <Tag>{PostCategory.label[p.category as keyof typeof PostCategory.label] ?? p.category}</Tag>,
                title: <Link to={`/posts?open=${p.id}`}>{p.unitName} · {p.name}</Link>,
              })}
            />
          </Card>
          <Card title="人员" size="small">
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              {d.peopleWithoutPost > 0 ? (
                <Link to="/people?withoutPost=1">
                  <Tag color="orange">{d.peopleWithoutPost} 名在职人员尚未分配岗位</Tag>
                </Link>
              ) : (
                <Tag color="green">所有在职人员都已分配岗位</Tag>
              )}
            </Typography.Paragraph>
            <ItemList
              items={d.counts.byEmploymentType}
              empty="暂无在职人员"
              render={(t) => ({ key: t.type, title: EmploymentType.label[t.type], extra: <Link to={`/people?employmentType=${t.type}`}>{t.count} 人</Link> })}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

/** 全员责任制 at a glance: the coverage check's summary, each gap a link to its list. */
function ResponsibilityCard() {
  const q = useApi('duty.coverage', {});
  const c = q.data;
  const gap = (n: number, label: string, tab: string) => (
    <Link to={`/duties/coverage${tab ? `?tab=${tab}` : ''}`}>
      <Tag color={n ? 'red' : 'green'}>
        {label} {n}
      </Tag>
    </Link>
  );
  return (
    <Card title="全员责任制覆盖" size="small" style={{ marginBottom: 16 }} loading={!c} extra={<Link to="/duties/coverage">岗位全覆盖检查</Link>} data-testid="dashboard-responsibility">
      {c && (
        <>
          <Space size={32} style={{ marginBottom: 8 }}>
            <Statistic title="岗位已覆盖" value={c.summary.postsCovered} suffix={`/ ${c.summary.posts}`} />
            <Statistic title="人员已覆盖" value={c.summary.peopleCovered} suffix={`/ ${c.summary.people}`} />
          </Space>
          <Space size={[4, 8]} wrap>
            {gap(c.postsWithoutList.length, '无清单岗位', '')}
            {gap(c.frontlineWithoutCards.length, '无两单两卡', 'cards')}
            {gap(c.peopleNotAcknowledged.length, '未签字确认', 'unsigned')}
            {gap(c.flexibleNotCovered.length, '派遣/灵活用工未覆盖', 'flexible')}
          </Space>
        </>
      )}
    </Card>
  );
}

/** 重大 and 较大 risks and overdue reviews: what a regulator looks at first. */
function RiskCard() {
  const q = useApi('risk.stats', {});
  const s = q.data;
  const serious = (s?.top ?? []).slice(0, 6);
  return (
    <Card title="安全风险" size="small" style={{ marginBottom: 16 }} loading={!s} extra={<Link to="/risks">风险清单</Link>} data-testid="dashboard-risk">
      {s && (
        <>
          <Space size={[6, 8]} wrap style={{ marginBottom: 8 }}>
            {s.byLevel.map((l) => (
              <Link key={l.level} to={`/risks?level=${l.level}`}>
                <Tag style={{ background: RISK_COLORS[l.level].hex, color: l.level === 'MEDIUM' ? '#1f2937' : '#fff', border: 0 }}>
                  {RiskLevel.label[l.level]} {l.count}
                </Tag>
              </Link>
            ))}
            {s.reviewOverdue > 0 && (
              <Link to="/risks?overdue=1">
                <Tag color="red">评审逾期 {s.reviewOverdue}</Tag>
              </Link>
            )}
            {s.draft > 0 && (
              <Link to="/risks?status=DRAFT">
                <Tag color="orange">待批准 {s.draft}</Tag>
              </Link>
            )}
          </Space>
          <ItemList
            items={serious}
            empty="没有较大及以上风险"
            render={(r) => ({
              key: r.id,
              title: <Link to={`/risks?risk=${r.id}`}>{r.code} {r.name}</Link>,
              description: `${r.unitName}${r.respPersonName ? ` · 责任人 ${r.respPersonName}` : ''}${r.reviewOverdue ? ' · 评审逾期' : ''}`,
              extra: r.level ? <Tag style={{ background: RISK_COLORS[r.level].hex, color: '#fff', border: 0 }}>{RiskLevel.label[r.level]}</Tag> : null,
            })}
          />
        </>
      )}
    </Card>
  );
}
