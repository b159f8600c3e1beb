import { useMemo, useState } from 'react';
import { Button, Card, Segmented, Table, Tag, Tooltip, Tree, Typography } from 'antd';
import { CheckCircleFilled, EditOutlined } from '@ant-design/icons';
import type { Standard } from '../../../../preload/contract/standards.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { ItemEditor } from './ItemEditor.tsx';
import { pts, useElementTree, type ElementNode, type ItemResult, type Session, type StdItem } from './stdMeta.tsx';

type Filter = 'all' | 'open' | 'deducted' | 'na';

interface TreeData {
  key: string;
  title: React.ReactNode;
  children?: TreeData[];
}

/** The element tree (first and second level) with answered / items per element. */
export function ElementTree({ roots, selected, onSelect, progress }: { roots: ElementNode[]; selected: number | null; onSelect: (id: number) => void; progress: boolean }) {
  const data = useMemo(() => {
    const toNode = (n: ElementNode, depth: number): TreeData => ({
      key: String(n.el.id),
      title: (
        <span className="sl-std-tree-title" data-testid={`std-el-${n.el.code}`}>
          <span className="sl-std-tree-name" title={`${n.el.code} ${n.el.name}`}>
            {n.el.code} {n.el.name}
          </span>
          {progress ? (
            <span className={`sl-std-tree-count${n.items > 0 && n.answered === n.items ? ' is-done' : ''}`} data-testid={`std-el-count-${n.el.code}`}>
              {n.items > 0 && n.answered === n.items && <CheckCircleFilled />} {n.answered}/{n.items}
            </span>
          ) : (
            <span className="sl-std-tree-count">{n.items} 项</span>
          )}
        </span>
      ),
      children: depth < 2 && n.children.length ? n.children.map((c) => toNode(c, depth + 1)) : undefined,
    });
    return roots.map((r) => toNode(r, 1));
  }, [roots, progress]);
  return (
    <Tree<TreeData>
      className="sl-std-tree"
      blockNode
      defaultExpandAll
      treeData={data}
      selectedKeys={selected === null ? [] : [String(selected)]}
      onSelect={(keys) => keys[0] !== undefined && onSelect(Number(keys[0]))}
    />
  );
}

/** The items of an element and below, in sheet order. */
export function itemsUnder(standard: Standard, chain: (id: number) => number[], elementId: number | null): StdItem[] {
  if (elementId === null) return standard.items;
  return standard.items.filter((i) => chain(i.elementId).includes(elementId));
}

function AnswerCell({ r }: { r: ItemResult | undefined }) {
  if (!r?.answered) return <Tag color="orange">未评</Tag>;
  if (!r.applicable)
    return (
      <Tooltip title={r.naReason}>
        <Tag>不适用</Tag>
      </Tooltip>
    );
  return <Tag color="green">适用</Tag>;
}

/**
 * 逐项评分: the element tree on the left, the items of the chosen element on
 * the right; a row opens the item editor (`?item=` in the URL).
 */
export function ScoringPanel({ session, standard }: { session: Session; standard: Standard }) {
  const [params, update] = useSearchState();
  const tree = useElementTree(standard, session.results);
  const [filter, setFilter] = useState<Filter>('all');
  const results = useMemo(() => new Map(session.results.map((r) => [r.itemId, r])), [session.results]);
  const itemById = useMemo(() => new Map(standard.items.map((i) => [i.id, i])), [standard.items]);
  const openItem = itemById.get(Number(params.get('item')));
  const elParam = Number(params.get('el'));
  const selected = tree.nodes.has(elParam) ? elParam : (tree.roots[0]?.el.id ?? null);
  const under = useMemo(() => itemsUnder(standard, tree.chain, selected), [standard, tree.chain, selected]);
  const counts = {
    all: under.length,
    open: under.filter((i) => !results.get(i.id)?.answered).length,
    deducted: under.filter((i) => (results.get(i.id)?.deductions.length ?? 0) > 0 || ((results.get(i.id)?.score ?? i.points) < i.points)).length,
    na: under.filter((i) => results.get(i.id)?.answered && !results.get(i.id)?.applicable).length,
  };
  const rows = under.filter((i) => {
    const r = results.get(i.id);
    if (filter === 'open') return !r?.answered;
    if (filter === 'deducted') return (r?.deductions.length ?? 0) > 0 || (r?.score ?? i.points) < i.points;
    if (filter === 'na') return !!r?.answered && !r.applicable;
    return true;
  });
  const selectedNode = selected === null ? undefined : tree.nodes.get(selected);
  const firstOpen = standard.items.find((i) => !results.get(i.id)?.answered);

  /** Opens an item; the tree follows when the item lies outside the chosen element. */
  const go = (itemId: number) => {
    const it = itemById.get(itemId);
    if (!it) return;
    const chain = tree.chain(it.elementId);
    if (selected !== null && chain.includes(selected)) {
      update({ item: String(itemId) });
      return;
    }
    // The ancestor at the level of the chosen element (else the top-level one).
    const level = selectedNode?.el.level ?? 1;
    const target = chain.find((e) => tree.nodes.get(e)?.el.level === level) ?? chain.at(-1);
    update({ item: String(itemId), el: target === undefined ? null : String(target) });
  };

  return (
    <div className="sl-std-scoring" data-testid="std-scoring">
      <Card size="small" className="sl-std-tree-card" title="评价要素" data-testid="std-tree">
        <ElementTree roots={tree.roots} selected={selected} onSelect={(id) => update({ el: String(id) })} progress />
      </Card>
      <Card
        size="small"
        title={selectedNode ? `${selectedNode.el.code} ${selectedNode.el.name}` : '考评项目'}
        extra={
          session.status === 'OPEN' &&
          firstOpen && (
            <Button size="small" type="primary" ghost icon={<EditOutlined />} onClick={() => go(firstOpen.id)} data-testid="std-next-open">
              评下一个未评项目（{firstOpen.code}）
            </Button>
          )
        }
      >
        <div className="sl-toolbar">
          <Segmented<Filter>
            size="small"
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: `全部 ${counts.all}` },
              { value: 'open', label: `未评 ${counts.open}` },
              { value: 'deducted', label: `有扣分 ${counts.deducted}` },
              { value: 'na', label: `不适用 ${counts.na}` },
            ]}
            data-testid="std-item-filter"
          />
          <span style={{ flex: 1 }} />
          <span className="sl-muted" style={{ fontSize: 12 }}>
            点击项目打开评分
          </span>
        </div>
        <Table<StdItem>
          size="small"
          rowKey="id"
          bordered
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, showTotal: (t) => `共 ${t} 项` }}
          rowClassName={(i) => (results.get(i.id)?.answered ? '' : 'sl-std-row-open')}
          onRow={(i) => ({ onClick: () => go(i.id), style: { cursor: 'pointer' } })}
          data-testid="std-items-table"
          locale={{ emptyText: filter === 'all' ? '该要素下没有考评项目' : '没有符合筛选条件的项目' }}
          columns={[
            { title: '编号', dataIndex: 'code', width: 84, render: (c: string) => <span data-testid={`std-item-${c}`}>{c}</span> },
            {
              title: '考评内容',
              dataIndex: 'content',
              render: (c: string) => (
                <div className="sl-std-clip" style={{ WebkitLineClamp: 2 }} title={c}>
                  {c}
                </div>
              ),
            },
            { title: '标准分', dataIndex: 'points', width: 66, align: 'right', render: (p: number) => pts(p) },
            { title: '适用', key: 'applicable', width: 72, render: (_, i) => <AnswerCell r={results.get(i.id)} /> },
            {
              title: '得分',
              key: 'score',
              width: 62,
              align: 'right',
              render: (_, i) => {
                const r = results.get(i.id);
                if (!r?.answered || !r.applicable || r.score === null) return <span className="sl-muted">—</span>;
                return (
                  <Typography.Text type={r.score < i.points ? 'warning' : undefined} strong data-testid={`std-item-score-${i.code}`}>
                    {pts(r.score)}
                  </Typography.Text>
                );
              },
            },
            {
              title: '扣分',
              key: 'deductions',
              width: 62,
              align: 'center',
              render: (_, i) => {
                const n = results.get(i.id)?.deductions.length ?? 0;
                return n ? <Typography.Text type="danger">{n} 处</Typography.Text> : <span className="sl-muted">—</span>;
              },
            },
            {
              title: '证据',
              key: 'evidence',
              width: 62,
              align: 'center',
              render: (_, i) => {
                const ev = results.get(i.id)?.evidence ?? [];
                if (!ev.length) return <span className="sl-muted">—</span>;
                const broken = ev.filter((e) => e.broken).length;
                return broken ? (
                  <Tooltip title={`${broken} 项证据的记录已删除`}>
                    <Typography.Text type="danger">{ev.length} 项</Typography.Text>
                  </Tooltip>
                ) : (
                  <span>{ev.length} 项</span>
                );
              },
            },
          ]}
        />
      </Card>
      {openItem && <ItemEditor session={session} items={standard.items} item={openItem} result={results.get(openItem.id)} onGo={go} onClose={() => update({ item: null })} />}
    </div>
  );
}
