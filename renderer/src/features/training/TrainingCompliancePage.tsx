import { useState } from 'react';
import { Alert, Button, Card, Col, Input, Progress, Row, Select, Skeleton, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { SettingOutlined, UnorderedListOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { ComplianceState } from '../../../../preload/contract/enums.ts';
import type { TrainingCompliance } from '../../../../preload/contract/training.ts';
import { useApi } from '../../lib/api.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/selects.tsx';
import { ArchiveDrawer } from './ArchiveDrawer.tsx';
import { RoleTag, hoursText, useTrainingSettings, type TraineeRoleCode } from './trainingMeta.tsx';

type PersonRow = TrainingCompliance['people'][number];
type Period = TrainingCompliance['periods'][number];

const PERIOD_COLORS: Record<Period['state'], { bar: string; tag: string }> = {
  MET: { bar: '#52c41a', tag: 'green' },
  MISSED: { bar: '#ff4d4f', tag: 'red' },
  DUE: { bar: '#4f8ad8', tag: 'processing' },
  UPCOMING: { bar: '#d9dee7', tag: 'default' },
};

function Kpi({ label, value, unit, sub, tone, testId }: { label: string; value: number | string; unit?: string; sub?: React.ReactNode; tone?: 'danger' | 'ok'; testId?: string }) {
  return (
    <div className={`sl-training-kpi${tone ? ` is-${tone}` : ''}`} data-testid={testId}>
      <div className="sl-training-kpi-label">{label}</div>
      <div className="sl-training-kpi-value">
        {value}
        {unit && <small>{unit}</small>}
      </div>
      {sub && <div className="sl-training-kpi-sub">{sub}</div>}
    </div>
  );
}

/** The all-staff periodic rule: the trained share per month or quarter against the target. */
function PeriodChart({ periods, target }: { periods: Period[]; target: number }) {
  return (
    <div data-testid="training-periods-chart">
      <div className="sl-training-chart">
        <div className="sl-training-chart-axis">
          <span style={{ top: '0%' }}>100%</span>
          <span style={{ top: '50%' }}>50%</span>
          <span style={{ top: '100%' }}>0</span>
        </div>
        <div className="sl-training-chart-target" style={{ top: `${100 - target}%` }}>
          <span>目标 {target}%</span>
        </div>
        {periods.map((p) => (
          <Tooltip
            key={p.key}
            title={
              <div>
                <div>
                  {p.label}：{ComplianceState.label[p.state]}
                </div>
                <div>
                  在职 {p.activeStaff} 人，达到学时 {p.trained} 人（{p.rate}%）
                </div>
              </div>
            }
          >
            <div className="sl-training-chart-col" data-testid={`training-period-${p.key}`} data-state={p.state}>
              {p.state === 'UPCOMING' ? (
                <span className="sl-training-chart-rate sl-muted">未开始</span>
              ) : (
                <>
                  <span className="sl-training-chart-rate">{p.rate}%</span>
                  <div className="sl-training-chart-bar" style={{ height: `${Math.min(100, p.rate)}%`, background: PERIOD_COLORS[p.state].bar }} />
                </>
              )}
            </div>
          </Tooltip>
        ))}
      </div>
      <div className="sl-training-chart-labels">
        {periods.map((p) => (
          <span key={p.key}>{p.label}</span>
        ))}
      </div>
    </div>
  );
}

/**
 * 培训档案与学时: for a year, whether each person reached the hours their role
 * requires, new hires' 三级教育, retraining after a change of post, the
 * all-staff periodic rule and the annual plan. A person opens their 一人一档
 * (`?person=<id>`).
 */
export function TrainingCompliancePage() {
  const navigate = useNavigate();
  const [params, update] = useSearchState();
  const thisYear = dayjs().year();
  const year = Number(params.get('year')) || thisYear;
  const unitId = params.get('unitId');
  const onlyGaps = params.get('gaps') === '1';
  const person = params.get('person');
  const [search, setSearch] = useState('');
  const q = useApi('training.compliance', { year, unitId, onlyGaps }, { placeholderData: (prev) => prev });
  const settings = useTrainingSettings();
  const d = q.data;
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const rule = settings.data?.periodicRule;
  const needle = search.trim();
  const rows = (d?.people ?? []).filter((p) => !needle || p.name.includes(needle) || p.staffNo.includes(needle));
  const yearEnded = year < thisYear;

  return (
    <div className="sl-page" data-testid="training-compliance-page">
      <PageHeader
        title="培训档案与学时"
        description="每人每年的安全培训学时是否达到《生产经营单位安全培训规定》的要求，新员工三级安全教育是否齐全，转岗人员是否重新接受车间级、班组级教育。点击人员查看其一人一档。"
        extra={
          <Space>
            <Select style={{ width: 110 }} value={year} onChange={(v: number) => update({ year: v === thisYear ? null : String(v) })} options={years.map((y) => ({ value: y, label: `${y} 年` }))} data-testid="training-compliance-year" />
            <Button icon={<UnorderedListOutlined />} onClick={() => navigate('/training')}>
              培训记录
            </Button>
            <Button icon={<SettingOutlined />} onClick={() => navigate('/training/settings')}>
              学时要求设置
            </Button>
          </Space>
        }
      />
      {q.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={q.error.message} />}
      {!d && !q.isError && <Skeleton active paragraph={{ rows: 8 }} />}
      {d && (
        <>
          <div className="sl-training-kpis" data-testid="training-kpis">
            <Kpi label={unitId ? '人员（所选单位）' : '人员'} value={d.summary.people} unit="人" sub={`${d.summary.withRequirement} 人有学时要求`} testId="training-kpi-people" />
            <Kpi label="学时达标" value={d.summary.metHours} unit="人" tone="ok" testId="training-kpi-met" />
            <Kpi label={yearEnded ? '学时未达标' : '学时尚未达标'} value={d.summary.shortHours} unit="人" tone={d.summary.shortHours ? 'danger' : undefined} testId="training-kpi-short" />
            <Kpi label="新员工三级教育不全" value={d.summary.inductionMissing} unit="人" tone={d.summary.inductionMissing ? 'danger' : undefined} testId="training-kpi-induction" />
            <Kpi label="转岗未重新培训" value={d.summary.postChangeMissing} unit="人" tone={d.summary.postChangeMissing ? 'danger' : undefined} testId="training-kpi-post" />
            <Kpi label="培训人次学时" value={hoursText(d.summary.totalHours)} unit="学时" sub={`全企业 ${d.summary.sessions} 次培训`} testId="training-kpi-hours" />
            <Kpi
              label="年度计划"
              value={`${d.plan.done} / ${d.plan.planned}`}
              unit="项完成"
              tone={d.plan.missed ? 'danger' : undefined}
              sub={d.plan.missed ? <Link to={`/training/plan${year === thisYear ? '' : `?year=${year}`}`}>{d.plan.missed} 项逾期未完成</Link> : <Link to={`/training/plan${year === thisYear ? '' : `?year=${year}`}`}>查看计划</Link>}
              testId="training-kpi-plan"
            />
          </div>
          <Row gutter={16}>
            <Col span={24}>
              <Card
                size="small"
                style={{ marginBottom: 16 }}
                title={
                  <Space>
                    <span>全员定期培训</span>
                    {rule?.enabled && (
                      <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 13 }}>
                        每{rule.period === 'MONTH' ? '月' : '季度'}每人至少 {rule.minHours} 学时，参训率目标 {rule.attendanceTarget}%
                      </Typography.Text>
                    )}
                  </Space>
                }
                extra={
                  <Tag color={d.highRisk ? 'volcano' : 'default'} data-testid="training-industry-rule">
                    学时按{d.highRisk ? '高危行业' : '一般行业'}要求
                  </Tag>
                }
              >
                {d.periods.length ? (
                  <PeriodChart periods={d.periods} target={rule?.attendanceTarget ?? 90} />
                ) : (
                  <Typography.Text type="secondary">
                    未启用全员定期培训规则。地方要求每月（或每季度）全员培训的，可在 <Link to="/training/settings">培训设置</Link> 中启用。
                  </Typography.Text>
                )}
              </Card>
            </Col>
          </Row>
        </>
      )}
      <Card size="small">
        <div className="sl-toolbar">
          <UnitSelect value={unitId} onChange={(v) => update({ unitId: v })} placeholder="全部单位（含下级）" style={{ width: 220 }} />
          <Input.Search allowClear placeholder="姓名或工号" style={{ width: 200 }} onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} data-testid="training-compliance-search" />
          <Space size={6}>
            <Switch size="small" checked={onlyGaps} onChange={(v) => update({ gaps: v ? '1' : null })} data-testid="training-only-gaps" />
            <span>只看有问题的</span>
          </Space>
          <span style={{ flex: 1 }} />
          <span className="sl-muted">点击人员查看一人一档</span>
        </div>
        <Table<PersonRow>
          size="small"
          rowKey="personId"
          bordered
          loading={q.isFetching && !d}
          dataSource={rows}
          rowClassName={(r) => (r.flags.length ? 'sl-training-row-gap' : '')}
          pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (t) => `共 ${t} 人` }}
          onRow={(r) => ({ onClick: () => update({ person: r.personId }), style: { cursor: 'pointer' } })}
          data-testid="training-people-table"
          locale={{ emptyText: onlyGaps ? '没有存在问题的人员' : '没有人员' }}
          columns={[
            {
              title: '姓名',
              dataIndex: 'name',
              width: 90,
              fixed: 'left',
              render: (v: string, r) => (
                <Typography.Link data-testid={`training-person-${r.staffNo}`}>{v}</Typography.Link>
              ),
            },
            { title: '工号', dataIndex: 'staffNo', width: 84 },
            { title: '单位', dataIndex: 'unitName', width: 110 },
            { title: '人员类别', dataIndex: 'role', width: 130, render: (r: TraineeRoleCode) => <RoleTag role={r} /> },
            {
              title: `${year} 年学时 / 要求`,
              key: 'hours',
              width: 170,
              render: (_, r) =>
                r.required === null ? (
                  <span>
                    {hoursText(r.hours)} <span className="sl-muted">/ 无要求</span>
                  </span>
                ) : (
                  <div data-testid={`training-hours-${r.staffNo}`}>
                    <span>
                      {hoursText(r.hours)} / {hoursText(r.required)}
                    </span>
                    <Progress percent={Math.min(100, (r.hours / r.required) * 100)} size="small" showInfo={false} status={r.met ? 'success' : yearEnded ? 'exception' : 'active'} style={{ margin: 0 }} />
                  </div>
                ),
            },
            {
              title: '达标',
              dataIndex: 'met',
              width: 84,
              render: (m: boolean | null) => (m === null ? <span className="sl-muted">—</span> : m ? <Tag color="green">达标</Tag> : <Tag color={yearEnded ? 'red' : 'orange'}>{yearEnded ? '未达标' : '尚未达标'}</Tag>),
            },
            {
              title: '三级教育',
              dataIndex: 'inductionComplete',
              width: 90,
              render: (c: boolean, r) =>
                c ? (
                  <Tag color="green">齐全</Tag>
                ) : r.flags.some((f) => f.startsWith('新员工')) ? (
                  <Tag color="red">不全</Tag>
                ) : (
                  <Tooltip title={`入职超过 ${settings.data?.inductionLookbackDays ?? 365} 天，不再核查三级教育记录`}>
                    <span className="sl-muted">—</span>
                  </Tooltip>
                ),
            },
            {
              title: '问题',
              dataIndex: 'flags',
              render: (f: string[]) =>
                f.length ? (
                  <ul className="sl-training-flags">
                    {f.map((x) => (
                      <li key={x}>{x}</li>
                    ))}
                  </ul>
                ) : (
                  <span className="sl-muted">—</span>
                ),
            },
          ]}
        />
      </Card>
      {person && <ArchiveDrawer personId={person} onClose={() => update({ person: null })} />}
    </div>
  );
}
