import { useEffect, useState } from 'react';
import { useUnsavedGuard } from '../../lib/unsaved.ts';
import { Alert, Descriptions, Drawer, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { HazardKind, HazardScope, HazardSource } from '../../../../preload/contract/enums.ts';
import type { Hazard } from '../../../../preload/contract/hazards.ts';
import { useApi } from '../../lib/api.ts';
import { dash, shortPath } from '../../lib/format.ts';
import { HazardForm } from './HazardForm.tsx';
import { HazardActions } from './HazardActions.tsx';
import { TreatmentForm } from './TreatmentForm.tsx';
import { ExtensionsTable, HazardTimeline, ReinspectionsTable } from './HazardTimeline.tsx';
import { PhotoComparison } from './HazardPhotos.tsx';
import { DeadlineCell, HazardLevelTag, HazardStatusTag } from './hazardMeta.tsx';

type Tab = 'overview' | 'edit' | 'treatment' | 'events';

const LABEL_STYLES = { label: { whiteSpace: 'nowrap' as const, width: 96 } };

/**
 * One hazard: 概况 (everything, read-only, with before and after photos side by
 * side), 登记信息 (the form, while it is not closed), 治理方案 (重大 only) and
 * 全过程记录. The footer holds the next steps and the print-outs.
 * `id` 'new' opens the empty form that registers a hazard.
 */
export function HazardDrawer({ id, onClose, onCreated }: { id: string; onClose: () => void; onCreated: (id: string) => void }) {
  const isNew = id === 'new';
  const q = useApi('hazard.get', { id }, { enabled: !isNew });
  const h = isNew ? null : q.data;
  const [tab, setTab] = useState<Tab>('overview');
  useEffect(() => setTab('overview'), [id]);
  const { onDirtyChange, guard } = useUnsavedGuard('登记信息有未保存的修改，离开后这些修改会丢失。需要保留请先点击「保存」。', '放弃修改');

  const closed = h?.status === 'CLOSED';
  const title = isNew ? (
    '登记隐患'
  ) : h ? (
    <Space size={8} wrap>
      <span data-testid="hazard-drawer-code">{h.code}</span>
      <HazardLevelTag label={h.levelLabel} major={h.major} />
      <HazardStatusTag status={h.status} testId="hazard-drawer-status" />
      {h.status !== 'CLOSED' && h.overdue && <Tag color="red">逾期 {h.overdueDays} 天</Tag>}
      {h.status !== 'CLOSED' && !h.overdue && h.dueSoon && <Tag color="orange">临期</Tag>}
      <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }}>
        {h.unitName}
      </Typography.Text>
    </Space>
  ) : (
    '隐患'
  );

  return (
    <Drawer
      open
      size={1080}
      title={title}
      onClose={() => guard(onClose)}
      destroyOnHidden
      data-testid="hazard-drawer"
      footer={h ? <HazardActions hazard={h} onGoTab={(t) => setTab(t)} /> : undefined}
    >
      {!isNew && q.isError && <Alert type="error" showIcon title={q.error.code === 'NOT_FOUND' ? '隐患不存在或已删除' : q.error.message} />}
      {!isNew && q.isPending && <Skeleton active paragraph={{ rows: 12 }} />}
      {isNew && <HazardForm hazard={null} onDirtyChange={onDirtyChange} onSaved={(x) => onCreated(x.id)} />}
      {h && (
        <Tabs
          activeKey={tab}
          onChange={(k) => guard(() => setTab(k as Tab))}
          items={[
            { key: 'overview', label: '概况', children: <HazardOverview h={h} /> },
            ...(closed ? [] : [{ key: 'edit', label: '登记信息和五落实', children: <HazardForm hazard={h} onDirtyChange={onDirtyChange} onSaved={() => setTab('overview')} /> }]),
            ...(h.major ? [{ key: 'treatment', label: h.treatment?.approvedOn ? '治理方案' : h.treatment ? '治理方案（待批准）' : '治理方案（未编制）', children: <TreatmentForm hazard={h} /> }] : []),
            { key: 'events', label: `全过程记录（${h.events.length}）`, children: <HazardTimeline hazard={h} /> },
          ]}
        />
      )}
    </Drawer>
  );
}

/** Everything about the hazard as the ledger, the notice and the acceptance form show it. */
function HazardOverview({ h }: { h: Hazard }) {
  const closed = h.status === 'CLOSED';
  const lastCheck = h.reinspections[h.reinspections.length - 1];
  return (
    <div data-testid="hazard-overview">
      {closed && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={`已于 ${h.closedOn ?? '—'} 销号`}
          description={`${h.reinspectorName ? `${h.reinspectorName} 复查验收合格` : '复查验收合格'}${h.reinspectionOpinion ? `：${h.reinspectionOpinion}` : ''}。已销号的隐患不能修改；确需更正请「重新打开」并说明原因。`}
          data-testid="hazard-closed-alert"
        />
      )}
      {!closed && h.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="下一步之前还需要"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {h.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
          data-testid="hazard-missing"
        />
      )}
      {!closed && h.overdue && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`已超过整改期限 ${h.overdueDays} 天`}
          description={h.escalatedTo === 'PRINCIPAL' ? '已逐级上报至主要负责人。请督促责任单位立即整改，或按规定申请延期并落实临时管控措施。' : '已上报责任单位负责人。逾期时间再长将上报主要负责人。'}
        />
      )}
      <div className="sl-hazard-section-title">隐患信息</div>
      <Descriptions size="small" bordered column={3} styles={LABEL_STYLES} data-testid="hazard-info">
        <Descriptions.Item label="编号">{h.code}</Descriptions.Item>
        <Descriptions.Item label="来源">
          {HazardSource.label[h.source]}
          {h.checkRecord && (
            <div>
              <Link to={`/checks/records?id=${h.checkRecord.id}`} data-testid="hazard-check-link">
                {h.checkRecord.planName} · {h.checkRecord.periodLabel}（{h.checkRecord.checkedOn}）
              </Link>
            </div>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="发现">
          {h.foundOn} · {h.foundByName}
        </Descriptions.Item>
        <Descriptions.Item label="所在单位">{shortPath(h.unitPath)}</Descriptions.Item>
        <Descriptions.Item label="风险点">{h.riskPointId ? <Link to={`/risks?risk=${h.riskPointId}`}>{`${h.riskPointCode ?? ''} ${h.riskPointName ?? ''}`}</Link> : '—'}</Descriptions.Item>
        <Descriptions.Item label="部位">{dash(h.location)}</Descriptions.Item>
        <Descriptions.Item label="隐患描述" span={3}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{h.description}</span>
        </Descriptions.Item>
        <Descriptions.Item label="类别">
          {HazardKind.label[h.kind]} · {HazardScope.label[h.scope]}
        </Descriptions.Item>
        <Descriptions.Item label="等级" span={2}>
          <HazardLevelTag label={h.levelLabel} major={h.major} />
          {h.criteriaText && (
            <span style={{ marginInlineStart: 6 }}>
              符合判定标准 {h.criteriaCode}：{h.criteriaText}
            </span>
          )}
        </Descriptions.Item>
      </Descriptions>

      <div className="sl-hazard-section-title">五落实</div>
      <Descriptions size="small" bordered column={3} styles={LABEL_STYLES} data-testid="hazard-five-view">
        <Descriptions.Item label="整改措施" span={3}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{dash(h.measures)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="责任单位">{dash(h.respUnitName)}</Descriptions.Item>
        <Descriptions.Item label="责任人">{dash(h.respPersonName)}</Descriptions.Item>
        <Descriptions.Item label="整改资金">{h.funds === null ? '—' : `${h.funds.toLocaleString('zh-CN')} 元`}</Descriptions.Item>
        <Descriptions.Item label="整改期限">
          <DeadlineCell h={h} block />
        </Descriptions.Item>
        <Descriptions.Item label="临时措施 / 预案" span={2}>
          {dash(h.interimMeasures)}
        </Descriptions.Item>
      </Descriptions>

      <div className="sl-hazard-section-title">整改和复查验收</div>
      <Descriptions size="small" bordered column={3} styles={LABEL_STYLES} data-testid="hazard-rectify-view">
        <Descriptions.Item label="整改人">{dash(h.rectifierName)}</Descriptions.Item>
        <Descriptions.Item label="完成日期">{dash(h.rectifiedOn)}</Descriptions.Item>
        <Descriptions.Item label="销号日期">{dash(h.closedOn)}</Descriptions.Item>
        <Descriptions.Item label="整改情况" span={3}>
          {dash(h.rectifyNote)}
        </Descriptions.Item>
        <Descriptions.Item label="复查人">{lastCheck ? lastCheck.inspectorName : '—'}</Descriptions.Item>
        <Descriptions.Item label="复查意见" span={2}>
          {lastCheck ? (
            <span>
              {lastCheck.passed ? <Tag color="green">合格</Tag> : <Tag color="red">不合格</Tag>}
              {lastCheck.inspectedOn} {lastCheck.opinion}
            </span>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        {h.major && (
          <Descriptions.Item label="治理方案">
            {h.treatment?.approvedOn ? (
              `${h.treatment.approvedByName ?? ''} ${h.treatment.approvedOn} 批准`
            ) : h.treatment ? (
              <Typography.Text type="warning">待主要负责人批准</Typography.Text>
            ) : (
              <Typography.Text type="danger">尚未编制</Typography.Text>
            )}
          </Descriptions.Item>
        )}
        {h.major && (
          <Descriptions.Item label="报告监管部门" span={2}>
            {h.reportedOn ? `${h.reportedOn} 报告${h.reportedTo ?? ''}` : <Typography.Text type="danger">尚未报告</Typography.Text>}
          </Descriptions.Item>
        )}
      </Descriptions>

      <div className="sl-hazard-section-title">照片对比</div>
      <PhotoComparison photos={h.photos} />

      {h.extensions.length > 0 && (
        <>
          <div className="sl-hazard-section-title">延期记录（{h.extensions.length} 次）</div>
          <ExtensionsTable hazard={h} />
        </>
      )}
      {h.reinspections.length > 0 && (
        <>
          <div className="sl-hazard-section-title">复查记录（{h.reinspections.length} 次）</div>
          <ReinspectionsTable hazard={h} />
        </>
      )}
    </div>
  );
}
