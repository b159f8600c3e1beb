import { Alert, Button, Card, Checkbox, DatePicker, Select, Table, Typography } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { OutputOf } from '../../../../preload/contract/index.ts';
import { useApi } from '../../lib/api.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/selects.tsx';
import { RecordLoopTag, TierTag } from './checkMeta.tsx';
import { CheckRecordDrawer, LateTags } from './CheckRecordDrawer.tsx';

type RecordRow = OutputOf<'checkRecord.list'>['items'][number];
const PAGE_SIZE = 50;

/** 检查记录: every check done, with 补做, results and whether its hazards are all closed. */
export function CheckRecordsPage() {
  const [params, update] = useSearchState();
  const from = params.get('from');
  const to = params.get('to');
  const planId = params.get('planId');
  const unitId = params.get('unitId');
  const openOnly = params.get('open') === '1';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const openRecord = params.get('record');
  const list = useApi('checkRecord.list', { from, to, planId, unitId, openOnly: openOnly || undefined, page, pageSize: PAGE_SIZE }, { placeholderData: (prev) => prev });
  const plans = useApi('checkPlan.list', { status: 'ALL' });
  const filter = (entries: Record<string, string | null>) => update({ ...entries, page: null });
  const filtered = !!(from || to || planId || unitId || openOnly);

  return (
    <div className="sl-page" data-testid="check-records-page">
      <PageHeader
        title="检查记录"
        description="每次隐患排查的检查记录：检查日期、检查人、逐项结果和签名。检查发现的隐患全部整改、复查并销号之前，记录保持未闭环。"
      />
      <Card size="small">
        <div className="sl-toolbar">
          <DatePicker.RangePicker
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            allowEmpty={[true, true]}
            onChange={(r) => filter({ from: r?.[0]?.format('YYYY-MM-DD') ?? null, to: r?.[1]?.format('YYYY-MM-DD') ?? null })}
            placeholder={['开始日期', '结束日期']}
            data-testid="check-records-range"
          />
          <Select
            allowClear
            placeholder="全部检查计划"
            style={{ width: 240 }}
            value={planId ?? undefined}
            onChange={(v) => filter({ planId: (v as string | undefined) ?? null })}
            showSearch={{ optionFilterProp: 'label' }}
            options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            data-testid="check-records-plan"
          />
          <UnitSelect value={unitId} onChange={(v) => filter({ unitId: v })} placeholder="全部单位" style={{ width: 220 }} />
          <Checkbox checked={openOnly} onChange={(e) => filter({ open: e.target.checked ? '1' : null })} data-testid="check-records-open-only">
            只看未闭环
          </Checkbox>
          {filtered && (
            <Button type="link" icon={<ClearOutlined />} onClick={() => filter({ from: null, to: null, planId: null, unitId: null, open: null })}>
              清除筛选
            </Button>
          )}
        </div>
        {list.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={list.error.message} />}
        <Table<RecordRow>
          size="small"
          rowKey="id"
          loading={list.isFetching && !list.data}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1090 }}
          data-testid="check-records-table"
          locale={{ emptyText: filtered ? '没有符合筛选条件的检查记录' : '还没有检查记录。在「排查任务」中登记检查后显示在这里。' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (t) => `共 ${t} 条检查记录`,
            onChange: (p) => update({ page: p === 1 ? null : String(p) }),
          }}
          onRow={(r) => ({ onClick: () => update({ record: r.id }), style: { cursor: 'pointer' }, 'data-testid': `check-record-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: '检查日期',
              key: 'checkedOn',
              width: 124,
              render: (_, r) => (
                <div>
                  {r.checkedOn}
                  {r.late && (
                    <div style={{ marginTop: 2 }}>
                      <LateTags />
                    </div>
                  )}
                </div>
              ),
            },
            {
              title: '检查计划',
              key: 'plan',
              render: (_, r) => (
                <div>
                  <Typography.Text strong>{r.planName}</Typography.Text>
                  <div style={{ marginTop: 2 }}>
                    <TierTag tier={r.tier} />
                  </div>
                </div>
              ),
            },
            { title: '单位', dataIndex: 'unitName', width: 120 },
            { title: '检查期间', dataIndex: 'periodLabel', width: 150 },
            { title: '检查人', dataIndex: 'checkerNames', width: 130 },
            { title: '合格', dataIndex: 'passCount', width: 56, align: 'center' },
            {
              title: '不合格',
              dataIndex: 'failCount',
              width: 64,
              align: 'center',
              render: (n: number) => (n ? <Typography.Text type="danger" strong>{n}</Typography.Text> : 0),
            },
            { title: '不适用', dataIndex: 'naCount', width: 64, align: 'center' },
            { title: '闭环', key: 'loop', width: 160, render: (_, r) => <RecordLoopTag open={r.open} openHazards={r.openHazards} failCount={r.failCount} /> },
          ]}
        />
      </Card>
      {openRecord && <CheckRecordDrawer key={openRecord} recordId={openRecord} onClose={() => update({ record: null })} />}
    </div>
  );
}
