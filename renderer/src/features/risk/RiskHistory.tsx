import { Table, Tag, Typography } from 'antd';
import { RiskLevel } from '../../../../preload/contract/enums.ts';
import type { Assessment, RiskPoint } from '../../../../preload/contract/risk.ts';
import { formatDateTime } from '../../lib/format.ts';
import { LevelTag, METHOD_SHORT } from './riskMeta.tsx';
import { valuesText } from './scoring.ts';

/** Every assessment of the point, newest first; the current one is marked. */
export function RiskHistory({ point }: { point: RiskPoint }) {
  const rows = [...point.history].sort((a, b) => b.assessedOn.localeCompare(a.assessedOn) || b.createdAtMs - a.createdAtMs);
  const currentId = point.assessment?.id ?? null;
  return (
    <div data-testid="risk-history">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        每次评价都保留所用评价表的名称和版本；评价表修改后，原评价仍按当时的版本显示。
      </Typography.Paragraph>
      <Table<Assessment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: '还没有评价记录' }}
        columns={[
          {
            title: '评价日期',
            dataIndex: 'assessedOn',
            width: 130,
            render: (d: string, a) => (
              <span title={`录入于 ${formatDateTime(a.createdAtMs)}`}>
                {d}
                {a.id === currentId && (
                  <Tag color="blue" style={{ marginInlineStart: 6 }}>
                    现行
                  </Tag>
                )}
              </span>
            ),
          },
          { title: '方法', dataIndex: 'method', width: 90, render: (m: Assessment['method']) => METHOD_SHORT[m] },
          { title: '评价表', key: 'profile', width: 190, render: (_, a) => (a.profileName ? `${a.profileName}（第 ${a.profileVersion ?? 1} 版）` : '—') },
          {
            title: '取值',
            key: 'values',
            render: (_, a) =>
              a.method === 'DIRECT' ? (
                <span>直接判定：{a.directReason ?? '—'}</span>
              ) : (
                <span title={Object.entries(a.valueLabels).map(([k, v]) => `${k} ${a.values[k]}：${v}`).join('\n')}>{valuesText(a.values)}</span>
              ),
          },
          { title: '分值', dataIndex: 'score', width: 80, render: (s: number | null, a) => (s === null ? '—' : `${a.method === 'LEC' ? 'D' : 'R'}=${s}`) },
          {
            title: '等级',
            dataIndex: 'level',
            width: 150,
            render: (l: Assessment['level'], a) => (
              <span>
                <LevelTag level={l} />
                {a.bandLabel && a.method !== 'DIRECT' && a.bandLabel !== RiskLevel.label[l] && (
                  <div className="sl-muted" style={{ fontSize: 12 }}>
                    {a.bandLabel}
                  </div>
                )}
              </span>
            ),
          },
          { title: '评价人', dataIndex: 'assessorName', width: 90 },
          { title: '残余风险说明', dataIndex: 'residualNote', render: (v: string | null) => v ?? <span className="sl-muted">—</span> },
        ]}
      />
    </div>
  );
}
