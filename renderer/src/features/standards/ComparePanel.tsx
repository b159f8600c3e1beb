import { Alert, Card, Skeleton, Table, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import type { OutputOf } from '../../../../preload/contract/index.ts';
import { useApi } from '../../lib/api.ts';
import { GradeTag, ScoreBar, pts, useGradeProfiles } from './stdMeta.tsx';

type Year = OutputOf<'stdSession.compare'>[number];
interface CompareRow {
  key: string;
  label: string;
  total?: boolean;
  scores: Record<string, number | null>;
}

function Delta({ now, before }: { now: number | null | undefined; before: number | null | undefined }) {
  if (now === null || now === undefined || before === null || before === undefined) return <span className="sl-muted">—</span>;
  const d = Math.round((now - before) * 10) / 10;
  if (d === 0) return <span className="sl-muted">持平</span>;
  return d > 0 ? (
    <span className="sl-std-delta-up">
      <ArrowUpOutlined /> {d}
    </span>
  ) : (
    <span className="sl-std-delta-down">
      <ArrowDownOutlined /> {Math.abs(d)}
    </span>
  );
}

/**
 * 历年对比: each element's score (百分制) per self-assessment, oldest first,
 * as a number with a bar, and the change since the one before.
 */
export function ComparePanel() {
  const q = useApi('stdSession.compare', {});
  const profiles = useGradeProfiles();
  const sessions = useApi('stdSession.list', {});
  /** Finished on …, or still being scored (a running score). */
  const stateOf = (id: string) => {
    const r = sessions.data?.find((x) => x.id === id);
    if (!r) return '';
    return r.status === 'OPEN' ? `自评中（已评 ${r.answered} / ${r.items}）` : `${r.finishedOn ?? ''} 完成`;
  };
  const gradeName = (code: string) => profiles.data?.flatMap((p) => p.grades).find((g) => g.code === code)?.label ?? code;
  const years: Year[] = q.data ?? [];
  const rows: CompareRow[] = [{ key: 'total', label: '总得分', total: true, scores: Object.fromEntries(years.map((y) => [y.sessionId, y.score])) }];
  const byCode = new Map<string, CompareRow>();
  for (const y of years) {
    for (const e of y.elements) {
      let row = byCode.get(e.code);
      if (!row) {
        row = { key: e.code, label: `${e.code} ${e.name}`, scores: {} };
        byCode.set(e.code, row);
        rows.push(row);
      }
      row.scores[y.sessionId] = e.score;
    }
  }
  const last = years.at(-1);
  const prev = years.at(-2);

  return (
    <Card size="small" title="历年对比" extra={<span className="sl-muted">各要素得分率（百分制），按年度从早到晚</span>} data-testid="std-compare">
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      {!q.data && q.isPending && <Skeleton active paragraph={{ rows: 4 }} />}
      {q.data && (
        <>
          {years.length < 2 && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              目前只有一次自评；完成下一年度的自评后，这里会显示各要素得分的变化。
            </Typography.Paragraph>
          )}
          <Table<CompareRow>
            size="small"
            bordered
            rowKey="key"
            pagination={false}
            dataSource={rows}
            scroll={{ x: 260 + years.length * 190 + 90 }}
            rowClassName={(r) => (r.total ? 'sl-std-compare-total' : '')}
            data-testid="std-compare-table"
            columns={[
              { title: '要素', dataIndex: 'label', width: 260, fixed: 'left' },
              ...years.map((y) => ({
                title: (
                  <Tooltip title={y.title}>
                    <div>
                      {y.year} 年 <GradeTag grade={y.grade} label={y.grade ? gradeName(y.grade) : y.score === null ? '未评分' : '未达标'} />
                      <div className="sl-muted" style={{ fontSize: 12, fontWeight: 400 }}>
                        {stateOf(y.sessionId)}
                      </div>
                    </div>
                  </Tooltip>
                ),
                key: y.sessionId,
                width: 190,
                render: (_: unknown, r: CompareRow) => {
                  const s = r.scores[y.sessionId];
                  if (s === undefined) return <span className="sl-muted">本次标准无此要素</span>;
                  return (
                    <div className="sl-std-compare-cell" data-testid={`std-compare-${r.key}-${y.year}`}>
                      <ScoreBar score={s} small />
                      <span className="sl-std-compare-num">{pts(s)}</span>
                    </div>
                  );
                },
              })),
              ...(last && prev ? [{ title: '较上次', key: 'delta', width: 90, render: (_: unknown, r: CompareRow) => <Delta now={r.scores[last.sessionId]} before={r.scores[prev.sessionId]} /> }] : []),
            ]}
          />
        </>
      )}
    </Card>
  );
}
