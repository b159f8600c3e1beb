import { Alert, Card, Progress, Skeleton, Statistic, Table, Typography } from 'antd';
import { useApi } from '../../lib/api.ts';

export function ResultsTab({ periodId, onOpenUnit }: { periodId: string; onOpenUnit: (unitId: string) => void }) {
  const q = useApi('assessment.results', { periodId });
  if (q.isPending) return <Skeleton active />;
  if (q.isError) return <Alert type="error" showIcon title="考核结果加载失败" description={q.error.message} />;
  const { overall, units, grades } = q.data;
  type UnitRow = (typeof units)[number];
  const red = (n: number) => (n > 0 ? '#cf1322' : undefined);
  const completion = (r: UnitRow) => (r.people ? Math.round((r.assessed / r.people) * 100) : 0);

  return (
    <div data-testid="assessment-results">
      <div className="sl-stat-grid" style={{ marginBottom: 16 }}>
        <Card size="small">
          <Statistic title="应考核" value={overall.people} suffix="人次" />
        </Card>
        <Card size="small">
          <Statistic title="已考核" value={overall.assessed} suffix="人次" />
          <Progress percent={completion(overall)} size="small" status={overall.people && overall.assessed === overall.people ? 'success' : 'normal'} />
        </Card>
        <Card size="small">
          <Statistic title="平均得分率" value={overall.averagePercent ?? '—'} suffix={overall.averagePercent === null ? undefined : '%'} />
        </Card>
        <Card size="small">
          <Statistic title={`优秀（≥ ${grades.excellent}%）`} value={overall.excellent} suffix="人" styles={{ content: { color: overall.excellent ? '#389e0d' : undefined } }} />
        </Card>
        <Card size="small">
          <Statistic title={`合格（≥ ${grades.pass}%）`} value={overall.pass} suffix="人" styles={{ content: { color: overall.pass ? '#0958d9' : undefined } }} />
        </Card>
        <Card size="small">
          <Statistic title="不合格" value={overall.fail} suffix="人" styles={{ content: { color: red(overall.fail) } }} />
        </Card>
      </div>
      <Table<UnitRow>
        size="small"
        bordered
        rowKey="unitId"
        pagination={false}
        dataSource={units}
        locale={{ emptyText: '本周期没有需要考核的人员' }}
        columns={[
          {
            title: '单位',
            dataIndex: 'unitName',
            render: (v: string, r) => (
              <Typography.Link onClick={() => onOpenUnit(r.unitId)} title="查看该单位人员的评分">
                {v}
              </Typography.Link>
            ),
          },
          { title: '应考核', dataIndex: 'people', width: 90, align: 'right' },
          { title: '已考核', dataIndex: 'assessed', width: 90, align: 'right' },
          { title: '完成率', width: 160, render: (_, r) => <Progress percent={completion(r)} size="small" status={r.people && r.assessed === r.people ? 'success' : 'normal'} /> },
          { title: '平均得分率', dataIndex: 'averagePercent', width: 110, align: 'right', render: (v: number | null) => (v === null ? <span className="sl-muted">—</span> : `${v}%`) },
          { title: '优秀', dataIndex: 'excellent', width: 80, align: 'right' },
          { title: '合格', dataIndex: 'pass', width: 80, align: 'right' },
          { title: '不合格', dataIndex: 'fail', width: 80, align: 'right', render: (v: number) => <span style={{ color: red(v), fontWeight: v > 0 ? 600 : undefined }}>{v}</span> },
        ]}
        summary={() =>
          units.length > 1 ? (
            <Table.Summary.Row style={{ fontWeight: 600 }}>
              <Table.Summary.Cell index={0}>{overall.unitName}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">{overall.people}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{overall.assessed}</Table.Summary.Cell>
              <Table.Summary.Cell index={3}>
                <Progress percent={completion(overall)} size="small" status={overall.people && overall.assessed === overall.people ? 'success' : 'normal'} />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">{overall.averagePercent === null ? '—' : `${overall.averagePercent}%`}</Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">{overall.excellent}</Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">{overall.pass}</Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                <span style={{ color: red(overall.fail) }}>{overall.fail}</span>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        已考核：全部职责条目已评分或被一票否决的人次；平均得分率只计全部评完的人员。点单位名称可查看该单位的逐人评分。
      </Typography.Paragraph>
    </div>
  );
}
