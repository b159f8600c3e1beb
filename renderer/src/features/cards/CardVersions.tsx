import { Alert, Table, Tag } from 'antd';
import type { CardSet } from '../../../../preload/contract/cards.ts';
import { useApi } from '../../lib/api.ts';
import { dash } from '../../lib/format.ts';
import { CardStateTag } from './cardMeta.tsx';
import { CardView } from './CardView.tsx';

/** Every version of a post's 两单两卡, newest first; a row expands to the version itself. */
export function CardVersions({ postId }: { postId: string }) {
  const q = useApi('card.versions', { postId });
  return (
    <div data-testid="card-versions">
      {q.isError && <Alert type="error" showIcon title={q.error.message} style={{ marginBottom: 12 }} />}
      <p className="sl-muted" style={{ marginTop: 0 }}>
        每次修订形成一个新版本；已发布的版本不能修改，被新版本替代后存档备查。点击一行查看该版本的内容。
      </p>
      <Table<CardSet>
        size="small"
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data ?? []}
        pagination={false}
        locale={{ emptyText: '还没有任何版本' }}
        expandable={{ expandRowByClick: true, expandedRowRender: (c) => <CardView card={c} /> }}
        columns={[
          { title: '版本', dataIndex: 'version', width: 80, render: (v: number) => `第 ${v} 版` },
          { title: '状态', dataIndex: 'state', width: 80, render: (s: CardSet['state']) => <CardStateTag state={s} /> },
          { title: '发布日期', dataIndex: 'publishedOn', width: 110, render: dash },
          {
            title: '编制 / 审核 / 批准',
            width: 200,
            render: (_, c) => (c.status === 'APPROVED' ? `${dash(c.compiledBy)} / ${dash(c.reviewedBy)} / ${dash(c.approvedBy)}` : <span className="sl-muted">尚未批准</span>),
          },
          {
            title: '下次复审',
            dataIndex: 'nextReviewOn',
            width: 140,
            render: (d: string | null, c) =>
              c.state === 'CURRENT' ? (
                <span>
                  {dash(d)}
                  {c.reviewOverdue && (
                    <Tag color="red" style={{ marginInlineStart: 6 }}>
                      逾期
                    </Tag>
                  )}
                </span>
              ) : (
                <span className="sl-muted">—</span>
              ),
          },
          { title: '修订原因', dataIndex: 'changeReason', render: dash },
        ]}
      />
    </div>
  );
}
