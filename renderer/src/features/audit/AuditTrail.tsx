import { Timeline, Typography } from 'antd';
import { useApi } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { AuditDiff } from './diff.tsx';

/** The audit entries of one record, newest first. */
export function AuditTrail({ entityType, entityId }: { entityType: string; entityId: string }) {
  const q = useApi('audit.list', { entityType, entityId, page: 1, pageSize: 50 });
  if (!q.data) return null;
  if (!q.data.items.length) return <Typography.Text type="secondary">暂无修改记录</Typography.Text>;
  return (
    <Timeline
      items={q.data.items.map((e) => ({
        content: (
          <div>
            <Typography.Text strong>{e.summary}</Typography.Text>
            <div className="sl-muted" style={{ margin: '2px 0 6px' }}>
              {formatDateTime(e.atMs)} · {e.operatorName}
            </div>
            {e.action === 'UPDATE' && <AuditDiff before={e.before} after={e.after} />}
          </div>
        ),
      }))}
    />
  );
}
