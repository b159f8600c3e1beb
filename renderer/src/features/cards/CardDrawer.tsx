import { useState } from 'react';
import { useUnsavedGuard } from '../../lib/unsaved.ts';
import { Alert, Drawer, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useApi } from '../../lib/api.ts';
import { HoldersPanel } from '../duties/HoldersPanel.tsx';
import { CardChecks } from './CardChecks.tsx';
import { CardContentPanel } from './CardContentPanel.tsx';
import { CardVersions } from './CardVersions.tsx';

type TabKey = 'content' | 'versions' | 'acks' | 'checks';

/** One front-line post's 两单两卡: content (create / edit / view), versions, signatures and recitation checks. */
export function CardDrawer({ postId, onClose }: { postId: string; onClose: () => void }) {
  const posts = useApi('card.posts', { unitId: null });
  const duties = useApi('duty.posts', { unitId: null, search: null });
  const row = posts.data?.find((p) => p.postId === postId) ?? null;
  const dutyRow = duties.data?.find((p) => p.postId === postId) ?? null;
  const [tab, setTab] = useState<TabKey>('content');
  const { onDirtyChange, guard } = useUnsavedGuard('草稿有未保存的修改，关闭后这些修改会丢失。需要保留请先点击「保存草稿」。');
  const close = () => guard(onClose);

  return (
    <Drawer
      open
      size="min(1120px, calc(100vw - 80px))"
      title={
        row ? (
          <Space size={8}>
            <span>
              {row.unitPath} · {row.postName}
            </span>
            {row.trade && <Typography.Text type="secondary">{row.trade}</Typography.Text>}
            {row.current ? <Tag color="green">现行第 {row.current.version} 版</Tag> : !row.draftId && <Tag>未编制</Tag>}
            {row.draftId && <Tag color="orange">草稿编辑中</Tag>}
          </Space>
        ) : (
          '两单两卡'
        )
      }
      onClose={close}
      data-testid="card-drawer"
    >
      {posts.isError && <Alert type="error" showIcon title={posts.error.message} />}
      {!row && posts.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
      {!row && posts.data && (
        <Alert type="warning" showIcon title="没有找到这个一线岗位" description="岗位可能已归档，或属于管理岗位（两单两卡用于一线岗位）。请在「岗位」中核对岗位类别。" />
      )}
      {row && (
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as TabKey)}
          items={[
            {
              key: 'content',
              label: '内容',
              children: <CardContentPanel row={row} hasList={!!dutyRow?.current} onDirtyChange={onDirtyChange} />,
            },
            { key: 'versions', label: '版本记录', children: <CardVersions postId={row.postId} /> },
            {
              key: 'acks',
              label: row.current ? `签字确认 ${row.acknowledged}/${row.holderCount}` : '签字确认',
              children: (
                <div>
                  <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
                    在岗人员学习本岗位两单两卡后签字确认；发布新版本后需重新签字。可同时确认本岗位的责任清单。
                  </Typography.Paragraph>
                  <HoldersPanel
                    postId={row.postId}
                    postName={row.postName}
                    unitId={dutyRow?.unitId ?? null}
                    focus="CARDS"
                    hasList={!!dutyRow?.current}
                    hasCards={!!row.current}
                    listId={dutyRow?.current?.id ?? null}
                    cardSetId={row.current?.id ?? null}
                  />
                </div>
              ),
            },
            {
              key: 'checks',
              label: row.checks.total ? `背诵抽查 ${row.checks.total}` : '背诵抽查',
              children: <CardChecks row={row} />,
            },
          ]}
        />
      )}
    </Drawer>
  );
}
