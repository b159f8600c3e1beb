import { Empty, Table, Tag, Timeline, Typography } from 'antd';
import { HazardEventKind, HazardStatus } from '../../../../preload/contract/enums.ts';
import type { Hazard } from '../../../../preload/contract/hazards.ts';
import { formatDateTime } from '../../lib/format.ts';

type EventKind = Hazard['events'][number]['kind'];

const COLOR: Partial<Record<EventKind, string>> = {
  REGISTER: 'blue',
  START: 'blue',
  EXTEND: 'orange',
  SUBMIT: 'purple',
  REINSPECT_PASS: 'green',
  REINSPECT_FAIL: 'red',
  CLOSE: 'green',
  REOPEN: 'red',
  APPROVE: 'green',
  REPORT: 'cyan',
};

const statusLabel = (s: string | null) => (s ? (HazardStatus.label[s as HazardStatus] ?? s) : null);

/** 全过程记录: every step from registration to 销号 with who, when and why; nothing is ever removed. */
export function HazardTimeline({ hazard }: { hazard: Hazard }) {
  if (!hazard.events.length) return <Empty description="还没有记录" />;
  return (
    <Timeline
      mode="start"
      titleSpan={5}
      data-testid="hazard-timeline"
      items={hazard.events.map((e, i) => {
        const from = statusLabel(e.fromStatus);
        const to = statusLabel(e.toStatus);
        return {
          key: i,
          color: COLOR[e.kind] ?? 'gray',
          title: <span className="sl-muted" style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(e.atMs)}</span>,
          content: (
            <div>
              <Typography.Text strong>{HazardEventKind.label[e.kind]}</Typography.Text>
              {from && to && from !== to && (
                <Tag style={{ marginInlineStart: 8 }}>
                  {from} → {to}
                </Tag>
              )}
              <span className="sl-muted" style={{ marginInlineStart: 8 }}>
                {e.byName}
              </span>
              {e.note && <div style={{ whiteSpace: 'pre-wrap', marginTop: 2 }}>{e.note}</div>}
            </div>
          ),
        };
      })}
    />
  );
}

/** 延期记录. */
export function ExtensionsTable({ hazard }: { hazard: Hazard }) {
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={hazard.extensions}
      data-testid="hazard-extensions"
      columns={[
        { title: '次', key: 'n', width: 40, render: (_, __, i) => i + 1 },
        { title: '原期限', dataIndex: 'oldDeadline', width: 100 },
        { title: '新期限', dataIndex: 'newDeadline', width: 100 },
        { title: '延期原因', dataIndex: 'reason' },
        { title: '临时管控措施', dataIndex: 'interimMeasures' },
        { title: '申请人', dataIndex: 'requestedByName', width: 80 },
        { title: '批准', key: 'approved', width: 130, render: (_, x) => `${x.approvedByName} ${x.approvedOn}` },
      ]}
    />
  );
}

/** 复查记录, the failed ones too. */
export function ReinspectionsTable({ hazard }: { hazard: Hazard }) {
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={hazard.reinspections}
      data-testid="hazard-reinspections"
      columns={[
        { title: '复查日期', dataIndex: 'inspectedOn', width: 100 },
        { title: '复查人', dataIndex: 'inspectorName', width: 90 },
        { title: '结论', dataIndex: 'passed', width: 80, render: (p: boolean) => (p ? <Tag color="green">合格</Tag> : <Tag color="red">不合格</Tag>) },
        { title: '复查意见', dataIndex: 'opinion' },
      ]}
    />
  );
}
