import { useState } from 'react';
import { Alert, DatePicker, Input, Select, Table, Tag, Typography } from 'antd';
import type dayjs from 'dayjs';
import type { AuditEntry } from '../../../../preload/contract/audit.ts';
import { AuditAction, AuditChannel } from '../../../../preload/contract/enums.ts';
import { useApi } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { AuditDiff } from './diff.tsx';

const ACTION_COLORS: Record<AuditEntry['action'], string> = {
  CREATE: 'green',
  UPDATE: 'blue',
  DELETE: 'red',
  ARCHIVE: 'default',
  RESTORE: 'cyan',
  REVEAL: 'purple',
  IMPORT: 'geekblue',
  SYSTEM: 'gold',
};

export function AuditPage() {
  const [search, setSearch] = useState('');
  const [entityType, setEntityType] = useState<string | null>(null);
  const [action, setAction] = useState<AuditEntry['action'] | undefined>();
  const [range, setRange] = useState<[dayjs.Dayjs | null, dayjs.Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const types = useApi('audit.entityTypes', {});
  const q = useApi(
    'audit.list',
    {
      search: search || null,
      entityType,
      action,
      from: range?.[0]?.format('YYYY-MM-DD') ?? null,
      to: range?.[1]?.format('YYYY-MM-DD') ?? null,
      page,
      pageSize: 50,
    },
    { placeholderData: (prev) => prev },
  );

  return (
    <div className="sl-page" data-testid="audit-page">
      <PageHeader title="操作日志" description="每一项修改都记录了操作员、时间、修改前后的内容。日志只能追加，程序中没有任何修改或删除日志的功能。" />
      <div className="sl-toolbar">
        <Input.Search placeholder="摘要或操作员" allowClear style={{ width: 220 }} onSearch={(v) => { setSearch(v.trim()); setPage(1); }} />
        <Select allowClear placeholder="对象类型" style={{ width: 150 }} value={entityType ?? undefined} onChange={(v) => { setEntityType(v ?? null); setPage(1); }} options={types.data ?? []} />
        <Select allowClear placeholder="操作" style={{ width: 130 }} value={action} onChange={(v) => { setAction(v); setPage(1); }} options={AuditAction.options} />
        <DatePicker.RangePicker value={range} onChange={(v) => { setRange(v as never); setPage(1); }} />
      </div>
      {q.isError && <Alert type="error" title={q.error.message} />}
      <Table<AuditEntry>
        rowKey="seq"
        size="middle"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={{ current: page, pageSize: 50, total: q.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条`, showSizeChanger: false }}
        expandable={{
          rowExpandable: (e) => e.before !== null || e.after !== null,
          expandedRowRender: (e) =>
            e.action === 'UPDATE' ? (
              <AuditDiff before={e.before} after={e.after} />
            ) : (
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>{JSON.stringify(e.after ?? e.before, null, 2)}</Typography.Paragraph>
            ),
        }}
        columns={[
          { title: '时间', dataIndex: 'atMs', width: 170, render: (v: number) => formatDateTime(v) },
          { title: '操作员', dataIndex: 'operatorName', width: 100 },
          { title: '途径', dataIndex: 'channel', width: 70, render: (c: AuditEntry['channel']) => AuditChannel.label[c] },
          { title: '操作', dataIndex: 'action', width: 110, render: (a: AuditEntry['action']) => <Tag color={ACTION_COLORS[a]}>{AuditAction.label[a]}</Tag> },
          { title: '对象', dataIndex: 'entityTypeLabel', width: 100 },
          { title: '摘要', dataIndex: 'summary' },
        ]}
      />
    </div>
  );
}
