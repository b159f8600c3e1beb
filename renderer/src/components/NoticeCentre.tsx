import { useState } from 'react';
import { Alert, Badge, Button, Drawer, Empty, Skeleton, Tag, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { Notice } from '../../../preload/contract/hazards.ts';
import { useApi } from '../lib/api.ts';
import '../features/hazards/hazards.css';

const GROUPS: { severity: Notice['severity']; title: string; color: string }[] = [
  { severity: 'danger', title: '逾期和紧急', color: '#cf1322' },
  { severity: 'warning', title: '临期和提醒', color: '#d46b08' },
  { severity: 'info', title: '待办', color: '#1f5eb8' },
];

/**
 * 消息中心: the bell in the header. Lists what is due, overdue or waiting in
 * every module (notice.list), grouped by urgency; each entry leads to the page
 * that fixes it. Refreshed whenever data changes and every minute (dates move on).
 */
export function NoticeCentre() {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const q = useApi('notice.list', {}, { refetchInterval: 60_000 });
  const notices = q.data ?? [];
  const danger = notices.filter((n) => n.severity === 'danger').length;
  const urgent = danger + notices.filter((n) => n.severity === 'warning').length;

  const go = (n: Notice) => {
    setOpen(false);
    navigate(n.link);
  };

  return (
    <>
      <Tooltip title={q.isError ? '消息读取失败' : urgent ? `${danger ? `${danger} 项逾期或紧急，` : ''}共 ${notices.length} 条消息` : '消息中心'}>
        <Badge count={urgent} color={danger ? '#cf1322' : '#fa8c16'} size="small" offset={[-4, 4]} overflowCount={99}>
          <Button type="text" shape="circle" icon={<BellOutlined style={{ fontSize: 18 }} />} onClick={() => setOpen(true)} aria-label="消息中心" data-testid="notice-bell" />
        </Badge>
      </Tooltip>
      <Drawer open={open} onClose={() => setOpen(false)} size={460} title={`消息中心${notices.length ? `（${notices.length}）` : ''}`} destroyOnHidden data-testid="notice-drawer">
        {q.isError && <Alert type="error" showIcon title={q.error.message} />}
        {q.isPending && <Skeleton active />}
        {q.data && notices.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有到期、逾期或待办的事项" />}
        {GROUPS.map((g) => {
          const items = notices.filter((n) => n.severity === g.severity);
          if (!items.length) return null;
          return (
            <div key={g.severity} className="sl-notice-group" data-testid={`notice-group-${g.severity}`}>
              <h4 style={{ color: g.color }}>
                {g.title}（{items.length}）
              </h4>
              {items.map((n) => (
                <button type="button" key={n.key} className={`sl-notice-item is-${n.severity}`} onClick={() => go(n)} data-testid="notice-item">
                  <div className="sl-notice-title">
                    <Tag style={{ marginInlineEnd: 6 }}>{n.module}</Tag>
                    {n.title}
                  </div>
                  <div className="sl-notice-detail">
                    {n.detail}
                    {n.dueOn && <span className="sl-muted">（期限 {n.dueOn}）</span>}
                  </div>
                </button>
              ))}
            </div>
          );
        })}
      </Drawer>
    </>
  );
}
