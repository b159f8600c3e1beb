import { useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import { CalendarOutlined, ClearOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { TrainingType } from '../../../../preload/contract/enums.ts';
import type { TrainingSessionRow } from '../../../../preload/contract/training.ts';
import { useApi } from '../../lib/api.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/selects.tsx';
import { printLink } from '../print/queue.ts';
import { SessionDrawer } from './SessionDrawer.tsx';
import { TrainingTypeTag, hoursText, type TrainingTypeCode } from './trainingMeta.tsx';

const PAGE_SIZE = 50;
const isDate = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
const asType = (v: string | null): TrainingTypeCode | null => (v && (TrainingType.values as readonly string[]).includes(v) ? (v as TrainingTypeCode) : null);

/**
 * 培训记录台账: every training held, in the columns of the paper ledger (date,
 * content, hours, trainer, attendees, exam results). `?id=` opens a session,
 * `?id=new` registers one (`&plan=<itemId>&planYear=<year>` prefilled from the annual plan).
 */
export function TrainingSessionsPage() {
  const navigate = useNavigate();
  const [params, update] = useSearchState();
  const from = isDate(params.get('from'));
  const to = isDate(params.get('to'));
  const type = asType(params.get('type'));
  const unitId = params.get('unitId');
  const search = params.get('q');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const open = params.get('id');
  const planItemId = params.get('plan');
  const planYear = Number(params.get('planYear')) || null;
  const [searchText, setSearchText] = useState(search ?? '');
  useEffect(() => setSearchText(search ?? ''), [search]);

  const list = useApi('trainingSession.list', { from: from ?? undefined, to: to ?? undefined, type: type ?? undefined, unitId, search, page, pageSize: PAGE_SIZE }, { placeholderData: (prev) => prev });
  const filter = (entries: Record<string, string | null>) => update({ ...entries, page: null });
  const filtered = !!(from || to || type || unitId || search);
  const printYear = String(from ? Number(from.slice(0, 4)) : dayjs().year());

  return (
    <div className="sl-page" data-testid="training-sessions-page">
      <PageHeader
        title="培训记录"
        description="每次安全培训如实记录时间、内容、参加人员和考核结果（《安全生产法》第二十八条）。登记培训后按纸质签到表录入或屏幕签名签到，学时自动计入每人的培训档案。"
        extra={
          <Space>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => update({ id: 'new', plan: null, planYear: null })} data-testid="training-new">
              登记培训
            </Button>
            <Button icon={<CalendarOutlined />} onClick={() => navigate('/training/plan')}>
              年度培训计划
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('trainingLedger', { year: printYear }))} data-testid="training-print-ledger">
              打印 {printYear} 年台账
            </Button>
          </Space>
        }
      />
      <Card size="small">
        <div className="sl-toolbar">
          <DatePicker.RangePicker
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            allowEmpty={[true, true]}
            placeholder={['培训日期起', '培训日期止']}
            onChange={(r) => filter({ from: r?.[0] ? r[0].format('YYYY-MM-DD') : null, to: r?.[1] ? r[1].format('YYYY-MM-DD') : null })}
            presets={[
              { label: '本月', value: [dayjs().startOf('month'), dayjs().endOf('month')] },
              { label: '本季度', value: [dayjs().month(Math.floor(dayjs().month() / 3) * 3).startOf('month'), dayjs().month(Math.floor(dayjs().month() / 3) * 3 + 2).endOf('month')] },
              { label: '今年', value: [dayjs().startOf('year'), dayjs().endOf('year')] },
              { label: '去年', value: [dayjs().subtract(1, 'year').startOf('year'), dayjs().subtract(1, 'year').endOf('year')] },
            ]}
            style={{ width: 250 }}
            data-testid="training-filter-dates"
          />
          <Select<TrainingTypeCode>
            allowClear
            placeholder="培训类型"
            style={{ width: 170 }}
            value={type ?? undefined}
            onChange={(v) => filter({ type: v ?? null })}
            options={TrainingType.options}
            data-testid="training-filter-type"
          />
          <UnitSelect value={unitId} onChange={(v) => filter({ unitId: v })} placeholder="组织部门（含下级）" style={{ width: 210 }} />
          <Input.Search
            placeholder="编号、名称、授课人或内容"
            allowClear
            style={{ width: 240 }}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onSearch={(v) => filter({ q: v.trim() || null })}
            data-testid="training-search"
          />
          {filtered && (
            <Button type="link" icon={<ClearOutlined />} onClick={() => filter({ from: null, to: null, type: null, unitId: null, q: null })}>
              清除筛选
            </Button>
          )}
        </div>
        {list.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={list.error.message} />}
        <Table<TrainingSessionRow>
          size="small"
          rowKey="id"
          bordered
          loading={list.isFetching && !list.data}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1150 }}
          data-testid="training-table"
          locale={{
            emptyText: filtered ? (
              '没有符合筛选条件的培训记录'
            ) : (
              <div style={{ padding: 16 }}>
                <Typography.Paragraph>还没有培训记录。举办培训后在这里登记，再录入签到和考试成绩。</Typography.Paragraph>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => update({ id: 'new' })}>
                  登记培训
                </Button>
              </div>
            ),
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (t) => `共 ${t} 次培训`,
            onChange: (p) => update({ page: p === 1 ? null : String(p) }),
          }}
          onRow={(r) => ({ onClick: () => update({ id: r.id }), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: '编号',
              dataIndex: 'code',
              width: 118,
              fixed: 'left',
              render: (v: string) => (
                <Typography.Text strong data-testid={`training-row-${v}`}>
                  {v}
                </Typography.Text>
              ),
            },
            { title: '培训日期', dataIndex: 'sessionDate', width: 96 },
            {
              title: '培训名称 / 地点',
              key: 'title',
              render: (_, r) => (
                <div>
                  <div>{r.title}</div>
                  {r.location && (
                    <div className="sl-muted" style={{ fontSize: 12 }}>
                      {r.location}
                    </div>
                  )}
                </div>
              ),
            },
            { title: '类型', dataIndex: 'type', width: 140, render: (t: TrainingTypeCode) => <TrainingTypeTag type={t} /> },
            { title: '学时', dataIndex: 'hours', width: 56, align: 'right', render: (h: number) => hoursText(h) },
            {
              title: '授课人 / 组织部门',
              key: 'trainer',
              width: 130,
              render: (_, r) => (
                <div>
                  <div>{r.trainer}</div>
                  <div className="sl-muted" style={{ fontSize: 12 }}>
                    {r.organiserUnitName ?? '—'}
                  </div>
                </div>
              ),
            },
            {
              title: '参训人数',
              dataIndex: 'attendeeCount',
              width: 84,
              align: 'right',
              render: (n: number) => (n ? `${n} 人` : <Typography.Text type="warning">未签到</Typography.Text>),
            },
            {
              title: '考核',
              key: 'exam',
              width: 120,
              render: (_, r) =>
                r.examMethod === 'NONE' ? (
                  <span className="sl-muted">不考核</span>
                ) : r.passedCount + r.failedCount === 0 ? (
                  <span className="sl-muted">未录成绩</span>
                ) : (
                  <span>
                    <span style={{ color: '#389e0d' }}>合格 {r.passedCount}</span>
                    {r.failedCount > 0 && <span style={{ color: '#cf1322', marginInlineStart: 8 }}>不合格 {r.failedCount}</span>}
                  </span>
                ),
            },
            { title: '年度计划项', dataIndex: 'planItemTitle', width: 150, render: (v: string | null) => v ?? <span className="sl-muted">计划外</span> },
          ]}
        />
      </Card>
      {open && (
        <SessionDrawer
          id={open}
          prefillPlan={open === 'new' && planItemId ? { id: planItemId, year: planYear } : null}
          onClose={() => update({ id: null, plan: null, planYear: null })}
          onCreated={(id) => update({ id, plan: null, planYear: null })}
        />
      )}
    </div>
  );
}
