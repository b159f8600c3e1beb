import { useState } from 'react';
import { Alert, Button, Checkbox, Input, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSearchState } from '../../lib/useSearchState.ts';
import type { PersonRow } from '../../../../preload/contract/people.ts';
import { EmploymentType, PersonStatus } from '../../../../preload/contract/enums.ts';
import { useApi } from '../../lib/api.ts';
import { dash, shortPath } from '../../lib/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/selects.tsx';
import { EmploymentTag, PersonStatusTag } from '../../components/tags.tsx';
import { PersonDrawer } from './PersonDrawer.tsx';
import { PersonEditor } from './PersonEditor.tsx';

export function PeoplePage() {
  const [params, update] = useSearchState();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const status = params.get('status') ?? 'ACTIVE';
  const filter = {
    search: search || null,
    unitId: params.get('unitId'),
    includeSubunits: true,
    employmentType: (params.get('employmentType') as PersonRow['employmentType'] | null) ?? undefined,
    status: status === 'ALL' ? undefined : (status as PersonRow['status']),
    postId: params.get('postId'),
    withoutPost: params.get('withoutPost') === '1',
    sort: 'staffNo' as const,
    page,
    pageSize: 50,
  };
  const q = useApi('person.list', filter, { placeholderData: (prev) => prev });
  const openId = params.get('open');
  const setParam = (key: string, value: string | null) => {
    update({ [key]: value });
    if (key !== 'open') setPage(1);
  };

  return (
    <div className="sl-page" data-testid="people-page">
      <PageHeader
        title="从业人员"
        description="含劳务派遣、灵活用工、实习和外包/相关方人员。身份证号在列表和导出中一律脱敏显示。"
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="person-new">新增人员</Button>}
      />
      <div className="sl-toolbar">
        <Input.Search placeholder="姓名、工号或手机号" allowClear style={{ width: 220 }} onSearch={(v) => { setSearch(v.trim()); setPage(1); }} data-testid="people-search" />
        <UnitSelect value={filter.unitId} onChange={(v) => setParam('unitId', v)} placeholder="全部单位" style={{ width: 220 }} />
        <Select allowClear placeholder="用工类型" style={{ width: 140 }} value={filter.employmentType} onChange={(v) => setParam('employmentType', v ?? null)} options={EmploymentType.options} />
        <Select style={{ width: 110 }} value={status} onChange={(v) => setParam('status', v === 'ACTIVE' ? null : v)} options={[...PersonStatus.options, { value: 'ALL', label: '全部' }]} />
        <Checkbox checked={filter.withoutPost} onChange={(e) => setParam('withoutPost', e.target.checked ? '1' : null)}>只看未分配岗位</Checkbox>
      </div>
      {q.isError && <Alert type="error" title={q.error.message} />}
      <Table<PersonRow>
        rowKey="id"
        size="middle"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={{ current: page, pageSize: 50, total: q.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 人`, showSizeChanger: false }}
        onRow={(p) => ({ onClick: () => setParam('open', p.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '工号', dataIndex: 'staffNo', width: 90 },
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '单位', dataIndex: 'unitPath', ellipsis: true, render: shortPath },
          { title: '岗位', dataIndex: 'postNames', render: (v: string[]) => (v.length ? v.join('、') : <span className="sl-muted">未分配</span>), ellipsis: true },
          { title: '用工类型', dataIndex: 'employmentType', width: 110, render: (t: PersonRow['employmentType']) => <EmploymentTag type={t} /> },
          { title: '手机号', dataIndex: 'phone', width: 120, render: dash },
          { title: '身份证号', dataIndex: 'idNumberMasked', width: 180, render: dash },
          { title: '入职日期', dataIndex: 'hireDate', width: 110, render: dash },
          { title: '状态', dataIndex: 'status', width: 80, render: (s: PersonRow['status']) => <PersonStatusTag status={s} /> },
          { title: '证书', dataIndex: 'certificateCount', width: 60, align: 'right' },
        ]}
      />
      {openId && <PersonDrawer id={openId} onClose={() => setParam('open', null)} />}
      {creating && <PersonEditor person={null} defaultUnitId={filter.unitId} onClose={(id) => { setCreating(false); if (id) setParam('open', id); }} />}
    </div>
  );
}
