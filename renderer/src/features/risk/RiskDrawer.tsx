import { useUnsavedGuard } from '../../lib/unsaved.ts';
import { Alert, Drawer, Skeleton, Space, Tabs, Typography } from 'antd';
import { useApi } from '../../lib/api.ts';
import { LevelTag, RiskStatusTag } from './riskMeta.tsx';
import { RiskInfoForm } from './RiskInfoForm.tsx';
import { RiskAssessPanel } from './RiskAssessPanel.tsx';
import { RiskHistory } from './RiskHistory.tsx';

export type RiskDrawerTab = 'info' | 'assess' | 'history';

/**
 * One risk point: 基本信息 (identification, hazards, measures, approval),
 * 评价 (LEC / 风险矩阵 / 直接判定 with a live preview) and 评价记录.
 * `id` 'new' opens an empty form that creates the point.
 */
export function RiskDrawer({
  id,
  tab,
  onTab,
  onClose,
  onCreated,
  defaultUnitId = null,
}: {
  id: string;
  tab: RiskDrawerTab;
  onTab: (tab: RiskDrawerTab) => void;
  onClose: () => void;
  onCreated: (id: string) => void;
  defaultUnitId?: string | null;
}) {
  const isNew = id === 'new';
  const q = useApi('risk.get', { id }, { enabled: !isNew });
  const p = isNew ? null : q.data;
  const { onDirtyChange, guard } = useUnsavedGuard('基本信息有未保存的修改，关闭后这些修改会丢失。需要保留请先点击「保存」。');
  const close = () => guard(onClose);

  const title = isNew ? (
    '新增风险点'
  ) : p ? (
    <Space size={8}>
      <span>{p.code}</span>
      <span>{p.name}</span>
      <LevelTag level={p.level} />
      <RiskStatusTag status={p.status} />
      <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }}>
        {p.unitName}
      </Typography.Text>
    </Space>
  ) : (
    '风险点'
  );

  return (
    <Drawer open size={1100} title={title} onClose={close} destroyOnHidden data-testid="risk-drawer">
      {!isNew && q.isError && <Alert type="error" showIcon title={q.error.code === 'NOT_FOUND' ? '风险点不存在或已删除' : q.error.message} />}
      {!isNew && q.isPending && <Skeleton active paragraph={{ rows: 12 }} />}
      {isNew && <RiskInfoForm point={null} defaultUnitId={defaultUnitId} onCreated={onCreated} onDeleted={onClose} onDirtyChange={onDirtyChange} />}
      {p && (
        <Tabs
          activeKey={tab}
          onChange={(k) => onTab(k as RiskDrawerTab)}
          items={[
            { key: 'info', label: '基本信息', children: <RiskInfoForm point={p} defaultUnitId={defaultUnitId} onCreated={onCreated} onDeleted={onClose} onDirtyChange={onDirtyChange} /> },
            { key: 'assess', label: p.assessment ? '评价' : '评价（未评价）', children: <RiskAssessPanel point={p} /> },
            { key: 'history', label: `评价记录（${p.history.length}）`, children: <RiskHistory point={p} /> },
          ]}
        />
      )}
    </Drawer>
  );
}
