import { Alert, Button, Card, Col, Row, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { FilePdfOutlined, OrderedListOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { ControlLevel, RISK_COLORS, RISK_LEVEL_ORDER, RiskLevel } from '../../../../preload/contract/enums.ts';
import type { RiskRow, RiskStats } from '../../../../preload/contract/risk.ts';
import { useApi } from '../../lib/api.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/selects.tsx';
import { printLink } from '../print/queue.ts';
import { LevelDistribution, MiniBar, type LevelCounts } from './LevelDistribution.tsx';
import { LevelSwatch, LevelTag, methodScore, registerLink } from './riskMeta.tsx';
import { SUGGESTED_CONTROL_LEVEL } from './scoring.ts';

type UnitRow = RiskStats['byUnit'][number];
type AccidentRow = RiskStats['byAccidentType'][number];
type ControlRow = RiskStats['byControlLevel'][number];

const levelHeader = (l: RiskLevel) => (
  <span>
    <LevelSwatch level={l} />
    {RiskLevel.label[l].replace('风险', '')}
  </span>
);

/** A count cell tinted with the level's pale colour when it is not zero; the number is always written. */
const levelCell = (l: RiskLevel) => (n: number) => ({ style: n ? { background: RISK_COLORS[l].pale, fontWeight: 600 } : undefined });

/** 风险统计: the register by level, unit, accident type and control level, with what needs attention. */
export function RiskStatsPage() {
  const navigate = useNavigate();
  const [params, update] = useSearchState();
  const unitId = params.get('unitId');
  const q = useApi('risk.stats', { unitId }, { placeholderData: (prev) => prev });
  const s = q.data;

  return (
    <div className="sl-page" data-testid="risk-stats-page">
      <PageHeader
        title="风险统计"
        description="未归档风险点按等级、单位、可能导致的事故类型和管控层级统计；点击数字进入风险清单查看对应的风险点。"
        extra={
          <Space>
            <Button icon={<OrderedListOutlined />} onClick={() => navigate(registerLink({ unitId }))}>
              风险清单
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('riskRegister', { unitId }))}>
              打印清单
            </Button>
          </Space>
        }
      />
      <div className="sl-toolbar">
        <UnitSelect value={unitId} onChange={(v) => update({ unitId: v })} placeholder="全部单位" style={{ width: 240 }} />
        {s && (
          <span className="sl-muted">
            共 {s.total} 个风险点（不含已归档），已评价 {s.total - s.unassessed} 个
          </span>
        )}
      </div>
      {q.isError && <Alert type="error" showIcon title={q.error.message} style={{ marginBottom: 16 }} />}
      {!s ? <Skeleton active paragraph={{ rows: 14 }} /> : <StatsBody s={s} unitId={unitId} />}
    </div>
  );
}

function StatsBody({ s, unitId }: { s: RiskStats; unitId: string | null }) {
  const counts = Object.fromEntries(RISK_LEVEL_ORDER.map((l) => [l, s.byLevel.find((b) => b.level === l)?.count ?? 0])) as LevelCounts;
  const maxUnit = Math.max(1, ...s.byUnit.map((u) => u.MAJOR + u.HIGH + u.MEDIUM + u.LOW));
  const accidents = [...s.byAccidentType].sort((a, b) => b.count - a.count || b.MAJOR - a.MAJOR || b.HIGH - a.HIGH);
  const maxAccident = Math.max(1, ...accidents.map((a) => a.count));
  const maxControl = Math.max(1, ...s.byControlLevel.map((c) => c.count));
  const levelFor = Object.fromEntries(RISK_LEVEL_ORDER.map((l) => [SUGGESTED_CONTROL_LEVEL[l], l])) as Partial<Record<ControlLevel, RiskLevel>>;

  return (
    <>
      <Row gutter={16}>
        <Col span={17}>
          <Card size="small" title="风险等级分布" style={{ marginBottom: 16, height: 'calc(100% - 16px)' }}>
            <LevelDistribution counts={counts} unitId={unitId} />
          </Card>
        </Col>
        <Col span={7}>
          <Card size="small" title="需要处理" style={{ marginBottom: 16, height: 'calc(100% - 16px)' }} data-testid="risk-stats-todo">
            <TodoLine title="待批准" value={s.draft} to={registerLink({ unitId, status: 'DRAFT' })} note="辨识评价后需批准才进入公告栏、告知卡和两单两卡" />
            <TodoLine title="评审逾期" value={s.reviewOverdue} to={registerLink({ unitId, overdue: true })} note="已过下次评审日期，应重新评审" />
            <TodoLine title="未评价" value={s.unassessed} to={registerLink({ unitId, status: 'DRAFT' })} note="未评价的风险点都在待批准中，评价后才有等级" />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={14}>
          <Card size="small" title="按单位" style={{ marginBottom: 16 }}>
            <Table<UnitRow>
              size="small"
              rowKey="unitId"
              pagination={s.byUnit.length > 15 ? { pageSize: 15, showSizeChanger: false } : false}
              dataSource={s.byUnit}
              locale={{ emptyText: '没有已评价的风险点' }}
              data-testid="risk-stats-units"
              columns={[
                { title: '单位', dataIndex: 'unitName', render: (n: string, u) => <Link to={registerLink({ unitId: u.unitId })}>{n}</Link> },
                ...RISK_LEVEL_ORDER.map((l) => ({
                  title: levelHeader(l),
                  dataIndex: l,
                  width: 72,
                  align: 'center' as const,
                  onCell: (u: UnitRow) => levelCell(l)(u[l]),
                  render: (n: number, u: UnitRow) => (n ? <Link to={registerLink({ unitId: u.unitId, level: l })} style={{ color: '#1f2937' }}>{n}</Link> : <span className="sl-muted">0</span>),
                })),
                {
                  title: '合计',
                  key: 'total',
                  width: 190,
                  render: (_, u) => {
                    const total = u.MAJOR + u.HIGH + u.MEDIUM + u.LOW;
                    return <MiniBar max={maxUnit} text={total} parts={RISK_LEVEL_ORDER.map((l) => ({ value: u[l], color: RISK_COLORS[l].hex, title: `${RiskLevel.label[l]} ${u[l]}` }))} />;
                  },
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title="按管控层级" style={{ marginBottom: 16 }}>
            <Table<ControlRow>
              size="small"
              rowKey="controlLevel"
              pagination={false}
              dataSource={s.byControlLevel}
              data-testid="risk-stats-control"
              columns={[
                { title: '管控层级', dataIndex: 'controlLevel', width: 130, render: (c: ControlLevel) => ControlLevel.label[c] },
                { title: '风险点', dataIndex: 'count', render: (n: number) => <MiniBar max={maxControl} text={n} parts={[{ value: n, color: '#1f5eb8', title: `${n} 个` }]} /> },
                {
                  title: '一般对应',
                  dataIndex: 'controlLevel',
                  key: 'level',
                  width: 100,
                  render: (c: ControlLevel) => {
                    const l = levelFor[c];
                    return l ? <LevelTag level={l} /> : null;
                  },
                },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
              重大风险由公司级管控，较大风险由部门（车间）级，一般风险由班组级，低风险由岗位级管控；上级同时管控下级的风险。
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={10}>
          <Card size="small" title="按可能导致的事故类型（GB 6441）" style={{ marginBottom: 16 }}>
            <Table<AccidentRow>
              size="small"
              rowKey="accidentType"
              pagination={accidents.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              dataSource={accidents}
              locale={{ emptyText: '没有风险点' }}
              data-testid="risk-stats-accidents"
              columns={[
                { title: '事故类型', dataIndex: 'accidentType', width: 110, render: (a: string) => <Link to={registerLink({ unitId, accident: a })}>{a}</Link> },
                {
                  title: '风险点',
                  dataIndex: 'count',
                  render: (n: number, a) => (
                    <MiniBar
                      max={maxAccident}
                      text={n}
                      parts={[
                        { value: a.MAJOR, color: RISK_COLORS.MAJOR.hex, title: `重大风险 ${a.MAJOR}` },
                        { value: a.HIGH, color: RISK_COLORS.HIGH.hex, title: `较大风险 ${a.HIGH}` },
                        { value: n - a.MAJOR - a.HIGH, color: '#9fb3cc', title: `其他 ${n - a.MAJOR - a.HIGH}` },
                      ]}
                    />
                  ),
                },
                { title: levelHeader('MAJOR'), dataIndex: 'MAJOR', width: 64, align: 'center', onCell: (a) => levelCell('MAJOR')(a.MAJOR), render: (n: number) => n || <span className="sl-muted">0</span> },
                { title: levelHeader('HIGH'), dataIndex: 'HIGH', width: 64, align: 'center', onCell: (a) => levelCell('HIGH')(a.HIGH), render: (n: number) => n || <span className="sl-muted">0</span> },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
              一个风险点可能导致多种事故，按每种事故各计一次；条形中红色、橙色部分为其中的重大、较大风险。
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col span={14}>
          <Card size="small" title={`重大和较大风险点${s.top.length >= 20 ? '（前 20 个）' : ''}`} style={{ marginBottom: 16 }}>
            <Table<RiskRow>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={s.top}
              locale={{ emptyText: '没有重大或较大风险点' }}
              data-testid="risk-stats-top"
              columns={[
                { title: '编号', dataIndex: 'code', width: 76 },
                {
                  title: '风险点',
                  dataIndex: 'name',
                  render: (n: string, r) => (
                    <div>
                      <Link to={registerLink({ risk: r.id })}>{n}</Link>
                      <div className="sl-muted" style={{ fontSize: 12 }}>
                        {r.unitName}
                        {r.respPersonName ? ` · 责任人 ${r.respPersonName}` : ''}
                      </div>
                    </div>
                  ),
                },
                { title: '等级', dataIndex: 'level', width: 92, render: (l: RiskRow['level']) => <LevelTag level={l} /> },
                { title: '评价', key: 'score', width: 104, render: (_, r) => methodScore(r.method, r.score) },
                { title: '管控层级', dataIndex: 'controlLevel', width: 118, render: (c: ControlLevel) => ControlLevel.label[c] },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function TodoLine({ title, value, to, note }: { title: string; value: number; to: string; note: string }) {
  return (
    <Link to={to} style={{ display: 'block', color: 'inherit', padding: '6px 0', borderBottom: '1px solid #f0f0f0' }} data-testid={`risk-stats-todo-${title}`}>
      <Statistic title={title} value={value} suffix="个" styles={{ content: { color: value ? '#cf1322' : '#389e0d', fontSize: 22 } }} />
      <div className="sl-muted" style={{ fontSize: 12 }}>
        {note}
      </div>
    </Link>
  );
}
