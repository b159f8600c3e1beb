import { useState } from 'react';
import { Alert, Button, Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { AssessmentRow, Period } from '../../../../preload/contract/assessments.ts';
import { useApi } from '../../lib/api.ts';
import { UnitSelect } from '../../components/selects.tsx';
import { SheetDrawer, type SheetTarget } from './SheetDrawer.tsx';
import { GradeTag, ROW_STATUS_OPTIONS, matchesStatus, type RowStatus } from './shared.tsx';

const PAGE_SIZE = 50;

export function PeopleTab({
  period,
  unitId,
  search,
  status,
  onFilter,
}: {
  period: Period;
  unitId: string | null;
  search: string | null;
  status: RowStatus | null;
  onFilter: (f: Record<string, string | null>) => void;
}) {
  const navigate = useNavigate();
  const [open, setOpen] = useState<SheetTarget | null>(null);
  const q = useApi('assessment.people', { periodId: period.id, unitId, search }, { placeholderData: (prev) => prev });
  const all = q.data ?? [];
  const rows = status ? all.filter((r) => matchesStatus(r, status)) : all;
  const signature = `${period.id}|${unitId ?? ''}|${search ?? ''}|${status ?? ''}`;
  const [paging, setPaging] = useState({ signature, page: 1 });
  const page = paging.signature === signature ? paging.page : 1;

  const count = (s: RowStatus) => all.filter((r) => matchesStatus(r, s)).length;
  const noList = all.filter((r) => !r.listId).length;
  const canEdit = period.status === 'OPEN';

  return (
    <>
      <div className="sl-toolbar">
        <UnitSelect value={unitId} onChange={(v) => onFilter({ unit: v })} placeholder="全部单位" style={{ width: 200 }} />
        <Input.Search
          key={search ?? ''}
          defaultValue={search ?? ''}
          placeholder="姓名、工号或岗位"
          allowClear
          style={{ width: 220 }}
          onSearch={(v) => onFilter({ q: v.trim() || null })}
        />
        <Select<RowStatus | 'ALL'>
          style={{ width: 130 }}
          value={status ?? 'ALL'}
          onChange={(v) => onFilter({ status: v === 'ALL' ? null : v })}
          options={[{ value: 'ALL', label: '全部' }, ...ROW_STATUS_OPTIONS]}
          data-testid="assessment-status-filter"
        />
        <span style={{ flex: 1 }} />
        {q.data && (
          <Space size={12} className="sl-muted" wrap>
            <span>应考核 {all.length} 人次</span>
            <span>未考核 {count('NONE')}</span>
            <span>考核中 {count('PARTIAL')}</span>
            <span>已完成 {count('DONE')}</span>
            <span style={{ color: count('FAIL') ? '#cf1322' : undefined }}>不合格 {count('FAIL')}</span>
            {noList > 0 && <span style={{ color: '#cf1322' }}>无现行清单 {noList}</span>}
          </Space>
        )}
      </div>
      {q.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title="考核人员加载失败" description={q.error.message} />}
      <Table<AssessmentRow>
        size="small"
        rowKey={(r) => `${r.personId}|${r.postId}`}
        loading={q.isFetching}
        dataSource={rows}
        data-testid="assessment-table"
        locale={{ emptyText: all.length === 0 && !unitId && !search ? '没有需要考核的在岗人员：请先在「人员」中为员工分配岗位' : '没有符合条件的人员' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, onChange: (p) => setPaging({ signature, page: p }), showSizeChanger: false, showTotal: (t) => `共 ${t} 人次`, hideOnSinglePage: false }}
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 120, ellipsis: true },
          {
            title: '姓名',
            width: 130,
            render: (_, r) => (
              <span>
                {r.name} <span className="sl-muted">{r.staffNo}</span>
              </span>
            ),
          },
          { title: '岗位', dataIndex: 'postName', width: 130, ellipsis: true },
          {
            title: '考核依据',
            width: 130,
            render: (_, r) => (r.listLabel ? r.listLabel : <Typography.Text type="danger">无现行责任清单</Typography.Text>),
          },
          { title: '得分', width: 100, render: (_, r) => (r.score === null ? <span className="sl-muted">—</span> : `${r.score} / ${r.maxScore}`) },
          { title: '得分率', width: 80, render: (_, r) => (r.percent === null ? <span className="sl-muted">—</span> : `${r.percent}%`) },
          { title: '等级', width: 90, render: (_, r) => <GradeTag grade={r.grade} vetoReason={r.vetoReason} /> },
          {
            title: '进度',
            width: 80,
            render: (_, r) =>
              !r.listId ? (
                <span className="sl-muted">—</span>
              ) : (
                <Typography.Text type={r.scoredItems >= r.totalItems ? 'success' : r.scoredItems > 0 ? 'warning' : 'secondary'}>
                  {r.scoredItems}/{r.totalItems}
                </Typography.Text>
              ),
          },
          { title: '考核人', dataIndex: 'assessorName', width: 90, render: (v: string | null) => v ?? <span className="sl-muted">—</span> },
          {
            title: '操作',
            width: 80,
            fixed: 'right',
            render: (_, r) =>
              r.listId ? (
                <Button size="small" onClick={() => setOpen({ periodId: period.id, personId: r.personId, postId: r.postId })} data-testid={`assessment-open-${r.staffNo}`}>
                  {canEdit ? '评分' : '查看'}
                </Button>
              ) : (
                <Tooltip
                  title={
                    <span>
                      岗位「{r.postName}」在本周期没有现行的安全生产责任清单，无法评分。请先到「全员责任制」编制并批准该岗位的责任清单。
                      <br />
                      <Typography.Link onClick={() => navigate(`/duties?post=${r.postId}`)} style={{ color: '#91caff' }}>
                        去编制责任清单 →
                      </Typography.Link>
                    </span>
                  }
                >
                  <Button size="small" disabled data-testid={`assessment-open-${r.staffNo}`}>
                    {canEdit ? '评分' : '查看'}
                  </Button>
                </Tooltip>
              ),
          },
        ]}
      />
      {open && <SheetDrawer target={open} onClose={() => setOpen(null)} />}
    </>
  );
}
