import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router';
import { useApi } from '../lib/api.ts';

/**
 * "需重印": printed documents of these types whose data has changed since they
 * were printed. Nothing is shown while every print still matches.
 */
export function StaleBanner({ types, what }: { types: string[]; what: string }) {
  const navigate = useNavigate();
  const q = useApi('print.stale', { types });
  const items = q.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="stale-banner"
      title={`${items.length} 份已打印的${what}内容已变化，需重印`}
      description={items
        .slice(0, 3)
        .map((i) => `${i.document.title}（${i.document.generatedOn} 打印）：${i.message}`)
        .join('；') + (items.length > 3 ? ' 等' : '')}
      action={
        <Button size="small" onClick={() => navigate('/print?tab=stale')}>
          查看并重印
        </Button>
      }
    />
  );
}
