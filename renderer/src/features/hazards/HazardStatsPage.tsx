import { Alert, Button, Card, Col, Row, Select, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { FilePdfOutlined, OrderedListOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { HazardKind, HazardSource } from '../../../../preload/contract/enums.ts';
import type { HazardStats } from '../../../../preload/contract/hazards.ts';
import { useApi } from '../../lib/api.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/selects.tsx';
import { printLink } from '../print/queue.ts';
import { MiniBar } from '../risk/LevelDistribution.tsx';
import { HazardStatusTag, ledgerLink, useHazardSettings } from './hazardMeta.tsx';

type UnitRow = HazardStats['byUnit'][number];
type MajorRow = HazardStats['majors'][number];

const QUARTERS = [
  { value: 0, label: '全年' },
  { value: 1, label: '第一季度' },
  { value: 2, label: '第二季度' },
  { value: 3, label: '第三季度' },
  { value: 4, label: '第四季度' },
];

const money = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** 隐患排查治理统计: the quarterly or annual table the principal signs, with the 重大 hazards listed. */
export function HazardStatsPage() {
  const navigate = useNavigate();
  const [params, update] = useSearchState();
  const thisYear = dayjs().year();
  const year = Number(params.get('year')) || thisYear;
  const quarter = Number(params.get('quarter')) || 0;
  const unitId = params.get('unitId');
  const q = useApi('hazard.stats', { year, quarter: quarter || undefined, unitId }, { placeholderData: (prev) => prev });
  const s = q.data;
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);

  return (
    <div className="sl-page" data-testid="hazard-stats-page">
      <PageHeader
        title="隐患排查治理统计"
        description="按季度或年度统计排查发现、整改销号和逾期情况。季度统计表于下一季度 15 日前、年度统计表于次年 1 月 31 日前由主要负责人签字后报送。"
        extra={
          <Space>
            <Button icon={<OrderedListOutlined />} onClick={() => navigate(s ? ledgerLink({ from: s.from, to: s.to, unitId }) : '/hazards')}>
              隐患台账
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('hazardStats', { unitId, year: String(year), quarter: quarter ? String(quarter) : null }))} data-testid="hazard-stats-print">
              打印统计表
            </Button>
          </Space>
        }
      />
      <div className="sl-toolbar">
        <Select style={{ width: 110 }} value={year} onChange={(v: number) => update({ year: v === thisYear ? null : String(v) })} options={years.map((y) => ({ value: y, label: `${y} 年` }))} data-testid="hazard-stats-year" />
        <Select style={{ width: 120 }} value={quarter} onChange={(v: number) => update({ quarter: v ? String(v) : null })} options={QUARTERS} data-testid="hazard-stats-quarter" />
        <UnitSelect value={unitId} onChange={(v) => update({ unitId: v })} placeholder="全企业" style={{ width: 220 }} />
        {s && (
          <span className="sl-muted">
            统计期间 {s.from} 至 {s.to}
          </span>
        )}
      </div>
      {q.isError && <Alert type="error" showIcon title={q.error.message} style={{ marginBottom: 16 }} />}
      {!s ? <Skeleton active paragraph={{ rows: 14 }} /> : <StatsBody s={s} unitId={unitId} />}
    </div>
  );
}

function StatsBody({ s, unitId }: { s: HazardStats; unitId: string | null }) {
  const settings = useHazardSettings();
  const levelLabel = (code: string) => settings.data?.levels.find((l) => l.code === code)?.label ?? code;
  const levelMajor = (code: string) => !!settings.data?.levels.find((l) => l.code === code)?.major;
  const period = { from: s.from, to: s.to, unitId };
  const rate = s.closureRate === null ? '—' : `${s.closureRate.toFixed(1)}%`;

  return (
    <>
      <div className="sl-kpi-grid" data-testid="hazard-stats-kpis">
        <Card size="small">
          <Link to={ledgerLink(period)}>
            <Statistic title="排查发现隐患" value={s.found} suffix="项" />
          </Link>
          <div className="sl-muted">其中重大 {s.foundMajor} 项</div>
        </Card>
        <Card size="small">
          <Statistic title="重大事故隐患" value={s.foundMajor} suffix="项" styles={{ content: { color: s.foundMajor ? '#cf1322' : undefined } }} />
          <div className="sl-muted">已销号 {s.closedMajor} 项</div>
        </Card>
        <Card size="small">
          <Link to={ledgerLink({ ...period, status: 'CLOSED' })}>
            <Statistic title="已整改销号" value={s.closed} suffix="项" />
          </Link>
          <div className="sl-muted">期间内发现的隐患中</div>
        </Card>
        <Card size="small">
          <Statistic title="整改率" value={rate} styles={{ content: { color: s.closureRate !== null && s.closureRate < 100 && s.overdue ? '#d46b08' : '#389e0d' } }} />
          <div className="sl-muted">已销号 ÷ 发现</div>
        </Card>
        <Card size="small">
          <Link to={ledgerLink({ ...period, status: 'OPEN' })}>
            <Statistic title="未销号" value={s.open} suffix="项" />
          </Link>
          <div className="sl-muted">正在整改或待复查</div>
        </Card>
        <Card size="small">
          <Link to={ledgerLink({ ...period, status: 'OVERDUE' })}>
            <Statistic title="逾期未整改" value={s.overdue} suffix="项" styles={{ content: { color: s.overdue ? '#cf1322' : undefined } }} />
          </Link>
          <div className="sl-muted">超过整改期限仍未销号</div>
        </Card>
        <Card size="small">
          <Statistic title="整改资金" value={money(s.funds)} suffix="元" />
          <div className="sl-muted">五落实中填写的资金合计</div>
        </Card>
      </div>
      <Row gutter={16}>
        <Col span={8}>
          <CountCard
            title="按等级"
            testId="hazard-stats-level"
            counts={s.byLevel}
            label={levelLabel}
            color={(k) => (levelMajor(k) ? '#cf1322' : '#1f5eb8')}
            link={(k) => ledgerLink({ ...period, level: k })}
          />
          <CountCard title="按类别" testId="hazard-stats-kind" counts={s.byKind} label={(k) => (HazardKind.label as Record<string, string>)[k] ?? k} />
        </Col>
        <Col span={16}>
          <CountCard
            title="按来源"
            testId="hazard-stats-source"
            counts={s.bySource}
            order={HazardSource.values}
            label={(k) => (HazardSource.label as Record<string, string>)[k] ?? k}
            link={(k) => ledgerLink({ ...period, source: k })}
          />
          <Card size="small" title="按单位" style={{ marginBottom: 16 }}>
            <Table<UnitRow>
              size="small"
              rowKey="unitId"
              pagination={s.byUnit.length > 15 ? { pageSize: 15, showSizeChanger: false } : false}
              dataSource={s.byUnit}
              locale={{ emptyText: '期间内没有隐患' }}
              data-testid="hazard-stats-units"
              columns={[
                { title: '单位', dataIndex: 'unitName', render: (n: string, u) => <Link to={ledgerLink({ ...period, unitId: u.unitId })}>{n}</Link> },
                { title: '发现', dataIndex: 'found', width: 70, align: 'center' },
                { title: '已销号', dataIndex: 'closed', width: 70, align: 'center' },
                { title: '未销号', dataIndex: 'open', width: 70, align: 'center' },
                {
                  title: '逾期',
                  dataIndex: 'overdue',
                  width: 70,
                  align: 'center',
                  render: (n: number, u) => (n ? <Link to={ledgerLink({ ...period, unitId: u.unitId, status: 'OVERDUE' })} style={{ color: '#cf1322', fontWeight: 600 }}>{n}</Link> : <span className="sl-muted">0</span>),
                },
                { title: '整改率', key: 'rate', width: 80, align: 'right', render: (_, u) => (u.found ? `${((u.closed / u.found) * 100).toFixed(0)}%` : '—') },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={`重大事故隐患（${s.majors.length} 项）`} style={{ marginBottom: 16 }}>
        <Table<MajorRow>
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={s.majors}
          locale={{ emptyText: '期间内没有重大事故隐患' }}
          data-testid="hazard-stats-majors"
          columns={[
            { title: '编号', dataIndex: 'code', width: 120, render: (c: string) => <Link to={`/hazards?q=${encodeURIComponent(c)}`}>{c}</Link> },
            { title: '隐患描述', dataIndex: 'description' },
            { title: '治理期限', dataIndex: 'deadline', width: 110 },
            { title: '状态', dataIndex: 'status', width: 90, render: (st: MajorRow['status']) => <HazardStatusTag status={st} /> },
            { title: '报告监管部门', dataIndex: 'reportedOn', width: 120, render: (d: string | null) => d ?? <Typography.Text type="danger">未报告</Typography.Text> },
          ]}
        />
      </Card>
    </>
  );
}

function CountCard({
  title,
  counts,
  label,
  color = () => '#1f5eb8',
  link,
  order,
  testId,
}: {
  title: string;
  counts: Record<string, number>;
  label: (k: string) => string;
  color?: (k: string) => string;
  link?: (k: string) => string;
  order?: readonly string[];
  testId: string;
}) {
  const keys = order ? [...order.filter((k) => k in counts), ...Object.keys(counts).filter((k) => !order.includes(k))] : Object.keys(counts).sort((a, b) => counts[b]! - counts[a]!);
  const max = Math.max(1, ...Object.values(counts));
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }} data-testid={testId}>
      {keys.length === 0 ? (
        <span className="sl-muted">期间内没有隐患</span>
      ) : (
        <table style={{ width: '100%', borderCollapse: 'collapse' }}>
          <tbody>
            {keys.map((k) => (
              <tr key={k}>
                <td style={{ padding: '4px 8px 4px 0', whiteSpace: 'nowrap', width: 1 }}>{link && counts[k] ? <Link to={link(k)}>{label(k)}</Link> : label(k)}</td>
                <td style={{ padding: '4px 0' }}>
                  <MiniBar max={max} text={counts[k]!} parts={[{ value: counts[k]!, color: color(k), title: `${label(k)} ${counts[k]}` }]} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
