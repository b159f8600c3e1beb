import { useMemo, useState } from 'react';
import { Button, Card, Col, Progress, Row, Space, Table, Tag, Typography } from 'antd';
import { AlertOutlined, CheckOutlined, ScheduleOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Standard } from '../../../../preload/contract/standards.ts';
import type { HazardStatus } from '../../../../preload/contract/enums.ts';
import { HazardStatusTag, ledgerLink } from '../hazards/hazardMeta.tsx';
import { CompleteTodoModal, ToHazardModal, ToTodoModal } from './SessionModals.tsx';
import { ScoreBar, pts, scoreColor, useElementTree, type Deduction, type GradeProfile, type Session, type StdItem } from './stdMeta.tsx';

interface DeductionRow {
  d: Deduction;
  item: StdItem;
}

/** What has been done about a deduction: the hazard and its state, the to-do, or nothing yet. */
function FollowUp({ d }: { d: Deduction }) {
  if (d.hazardId)
    return (
      <Space size={4} wrap data-testid="std-followup" data-kind="hazard">
        <Link to={ledgerLink({ id: d.hazardId })}>隐患 {d.hazardCode}</Link>
        {d.hazardStatus && <HazardStatusTag status={d.hazardStatus as HazardStatus} />}
        {d.closed && <Tag color="green">已整改</Tag>}
      </Space>
    );
  if (d.todoOwnerId)
    return (
      <div data-testid="std-followup" data-kind="todo">
        <div>
          待办：{d.todoOwnerName}，{d.todoDueOn} 前 {d.closed && <Tag color="green">已整改</Tag>}
        </div>
        {d.todoDoneOn && (
          <div className="sl-muted" style={{ fontSize: 12 }}>
            {d.todoDoneOn} 完成：{d.todoNote}
          </div>
        )}
      </div>
    );
  return (
    <Typography.Text type="warning" data-testid="std-followup" data-kind="none">
      尚未跟踪整改
    </Typography.Text>
  );
}

/**
 * 结果与扣分: each element's progress and score as bars (the grade thresholds
 * marked), the weakest elements, and every deduction with its follow-up
 * (转为隐患 / 列为待办 / 完成待办).
 */
export function ResultsPanel({ session, standard, profile, onOpenItem }: { session: Session; standard: Standard; profile: GradeProfile | undefined; onOpenItem: (itemId: number) => void }) {
  const t = session.totals;
  const [action, setAction] = useState<{ kind: 'hazard' | 'todo' | 'done'; row: DeductionRow } | null>(null);
  const itemById = useMemo(() => new Map(standard.items.map((i) => [i.id, i])), [standard.items]);
  const rows: DeductionRow[] = useMemo(
    () => session.results.flatMap((r) => r.deductions.map((d) => ({ d, item: itemById.get(r.itemId)! }))).filter((x) => x.item),
    [session.results, itemById],
  );
  const tree = useElementTree(standard, session.results);
  // Per top-level element, the points of the answered items (the running score's base).
  const answeredPoints = useMemo(() => {
    const out = new Map<number, number>();
    const done = new Set(session.results.filter((r) => r.answered).map((r) => r.itemId));
    for (const i of standard.items) {
      if (!done.has(i.id)) continue;
      const top = tree.chain(i.elementId).at(-1);
      if (top !== undefined) out.set(top, (out.get(top) ?? 0) + i.points);
    }
    return out;
  }, [session.results, standard.items, tree]);
  const due = (e: (typeof t.elements)[number]) => (e.answered === e.items ? e.points : (answeredPoints.get(e.elementId) ?? 0)) - e.naPoints;
  const weakest = t.elements
    .filter((e) => e.score !== null)
    .sort((a, b) => a.score! - b.score! || a.code.localeCompare(b.code))
    .slice(0, 3);

  return (
    <div data-testid="std-results">
      <Row gutter={12}>
        <Col span={16}>
          <Card size="small" title="各要素进度与得分" style={{ marginBottom: 12 }} extra={<span className="sl-muted">得分率 = 实得 ÷（满分 − 不适用）</span>}>
            <div className="sl-std-bars">
              {t.elements.map((e) => (
                <div key={e.elementId} className="sl-std-bar-row" data-testid={`std-el-bar-${e.code}`}>
                  <div>
                    <div className="sl-std-bar-label" title={`${e.code} ${e.name}`}>
                      {e.code} {e.name}
                    </div>
                    <div className="sl-std-bar-sub">
                      {e.answered ? `${e.answered < e.items ? '已评项目' : ''}实得 ${pts(e.earned)} / ${pts(due(e))} 分${e.naPoints ? `（不适用 ${pts(e.naPoints)}）` : ''}` : `满分 ${pts(e.points)} 分`}
                    </div>
                  </div>
                  <div>
                    <ScoreBar score={e.score} profile={profile} />
                    <div className="sl-std-bar-progress">
                      <Progress percent={e.items ? Math.floor((e.answered / e.items) * 100) : 0} size="small" showInfo={false} style={{ width: 120, margin: 0 }} status={e.answered === e.items ? 'success' : 'normal'} />
                      已评 {e.answered} / {e.items} 项
                    </div>
                  </div>
                  <div className="sl-std-bar-value" style={{ color: e.score === null ? undefined : scoreColor(e.score, profile) }}>
                    {e.score === null ? <span className="sl-muted">未评</span> : `${pts(e.score)}`}
                  </div>
                </div>
              ))}
            </div>
            {profile && (
              <div className="sl-std-legend">
                <span>
                  <i style={{ background: '#389e0d' }} />≥ {profile.grades[0]?.minScore}（{profile.grades[0]?.label}）
                </span>
                <span>
                  <i style={{ background: '#4f8ad8' }} />
                  {profile.grades.at(-1)?.minScore}–{profile.grades[0]?.minScore}
                </span>
                <span>
                  <i style={{ background: '#d4380d' }} />低于 {profile.grades.at(-1)?.minScore}（未达{profile.grades.at(-1)?.label}）
                </span>
                <span>虚线：各等级分数线</span>
              </div>
            )}
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small" title="薄弱要素" style={{ marginBottom: 12 }} data-testid="std-weakest">
            {weakest.length === 0 ? (
              <Typography.Text type="secondary">评分后这里列出得分率最低的要素，作为下一步改进的重点。</Typography.Text>
            ) : (
              <div className="sl-std-weak">
                {weakest.map((e, i) => (
                  <div key={e.elementId} className="sl-std-weak-item" style={{ borderLeftColor: scoreColor(e.score, profile) }} data-testid={`std-weak-${i}`}>
                    <div>
                      <b>{i + 1}.</b> {e.code} {e.name}
                    </div>
                    <div>
                      得分率 <b>{pts(e.score)}</b>，失分 {pts(due(e) - e.earned)} 分
                      <span className="sl-muted">
                        （已评 {e.answered}/{e.items}）
                      </span>
                    </div>
                  </div>
                ))}
              </div>
            )}
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title="自评扣分点及整改"
        extra={
          <span className="sl-muted" data-testid="std-deduction-summary">
            扣分点 {t.deductionCount} 个，已整改 {t.deductionsClosed} 个
          </span>
        }
      >
        <Table<DeductionRow>
          size="small"
          bordered
          rowKey={(r) => r.d.id}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 个扣分点` }}
          data-testid="std-deduction-table"
          locale={{ emptyText: '没有扣分点。评分时填写的扣分及原因会汇总在这里，可转为隐患或整改待办。' }}
          columns={[
            {
              title: '考评项目',
              key: 'item',
              width: 300,
              render: (_, r) => (
                <div data-testid={`std-deduction-${r.item.code}`}>
                  <Typography.Link onClick={() => onOpenItem(r.item.id)}>{r.item.code}</Typography.Link>
                  <div className="sl-muted sl-std-clip" style={{ fontSize: 12, WebkitLineClamp: 2 }} title={r.item.content}>
                    {r.item.content}
                  </div>
                </div>
              ),
            },
            { title: '扣分', key: 'points', width: 64, align: 'right', render: (_, r) => <Typography.Text type="danger">−{pts(r.d.points)}</Typography.Text> },
            { title: '扣分原因', key: 'reason', render: (_, r) => r.d.reason },
            { title: '整改跟踪', key: 'follow', width: 220, render: (_, r) => <FollowUp d={r.d} /> },
            {
              title: '操作',
              key: 'actions',
              width: 226,
              render: (_, r) =>
                !r.d.hazardId && !r.d.todoOwnerId ? (
                  <Space size={4}>
                    <Button size="small" icon={<AlertOutlined />} onClick={() => setAction({ kind: 'hazard', row: r })} data-testid={`std-to-hazard-${r.item.code}`}>
                      转为隐患
                    </Button>
                    <Button size="small" icon={<ScheduleOutlined />} onClick={() => setAction({ kind: 'todo', row: r })} data-testid={`std-to-todo-${r.item.code}`}>
                      列为待办
                    </Button>
                  </Space>
                ) : r.d.todoOwnerId && !r.d.todoDoneOn ? (
                  <Button size="small" icon={<CheckOutlined />} onClick={() => setAction({ kind: 'done', row: r })} data-testid={`std-todo-done-${r.item.code}`}>
                    完成待办
                  </Button>
                ) : (
                  <span className="sl-muted">—</span>
                ),
            },
          ]}
        />
      </Card>
      {action?.kind === 'hazard' && <ToHazardModal session={session} item={action.row.item} deduction={action.row.d} onClose={() => setAction(null)} />}
      {action?.kind === 'todo' && <ToTodoModal session={session} item={action.row.item} deduction={action.row.d} onClose={() => setAction(null)} />}
      {action?.kind === 'done' && <CompleteTodoModal session={session} item={action.row.item} deduction={action.row.d} onClose={() => setAction(null)} />}
    </div>
  );
}
