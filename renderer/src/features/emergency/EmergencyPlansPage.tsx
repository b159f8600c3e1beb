import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Input, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ClearOutlined, IdcardOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { EmergencyPlanRow } from '../../../../preload/contract/emergency.ts';
import { useApi } from '../../lib/api.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PlanDrawer } from './PlanDrawer.tsx';
import { PlanFormModal } from './PlanModals.tsx';
import { FilingTag, PLAN_TYPE_SHORT, PlanTypeTag, RevisionCell, useEmergencySettings, type PlanType } from './emergencyMeta.tsx';

type Chip = 'unissued' | 'filing' | 'filingOverdue' | 'revision';

const CHIPS: { key: Chip; label: string; test: (r: EmergencyPlanRow) => boolean; danger?: boolean }[] = [
  { key: 'unissued', label: '未发布', test: (r) => !r.current },
  { key: 'filing', label: '待备案', test: (r) => r.filing?.state === 'PENDING' },
  { key: 'filingOverdue', label: '备案逾期', test: (r) => r.filing?.state === 'OVERDUE', danger: true },
  { key: 'revision', label: '待修订', test: (r) => !!r.revision && r.revision.state !== 'OK' },
];

const TYPES: PlanType[] = ['COMPREHENSIVE', 'SPECIFIC', 'ONSITE'];

function oneOf<T extends string>(values: readonly T[], v: string | null): T | null {
  return v !== null && (values as readonly string[]).includes(v) ? (v as T) : null;
}

/**
 * 应急预案清单: the 综合 / 专项 / 现场处置方案 system with each plan's version in
 * force, 告知性备案 and revision state. `?id=` opens a plan (other pages link here),
 * `?type=` and `?state=` (unissued / filing / filingOverdue / revision) filter the list.
 */
export function EmergencyPlansPage() {
  const navigate = useNavigate();
  const [params, update] = useSearchState();
  const type = oneOf(TYPES, params.get('type'));
  const chip = oneOf(
    CHIPS.map((c) => c.key),
    params.get('state'),
  );
  const search = params.get('q');
  const archived = params.get('archived') === '1';
  const open = params.get('id');
  const [creating, setCreating] = useState(false);
  const [searchText, setSearchText] = useState(search ?? '');
  useEffect(() => setSearchText(search ?? ''), [search]);
  const settings = useEmergencySettings();

  const list = useApi('emergencyPlan.list', { includeArchived: archived, search }, { placeholderData: (prev) => prev });
  const all = list.data ?? [];
  const ofType = type ? all.filter((r) => r.planType === type) : all;
  const chipDef = CHIPS.find((c) => c.key === chip);
  const rows = chipDef ? ofType.filter((r) => !r.archived && chipDef.test(r)) : ofType;
  const filtered = !!(type || chip || search || archived);

  return (
    <div className="sl-page" data-testid="emergency-plans-page">
      <PageHeader
        title="应急预案"
        description={`综合应急预案、专项应急预案和现场处置方案：评审或论证后由主要负责人签署发布，自发布之日起 ${settings.data?.filingWorkdays ?? 20} 个工作日内告知性备案，每 ${settings.data?.revisionYears ?? 3} 年评估修订，出现法定情形时及时修订。`}
        extra={
          <Space>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-new">
              新建预案
            </Button>
            <Button icon={<IdcardOutlined />} onClick={() => navigate('/emergency/cards')}>
              应急处置卡
            </Button>
            <Button icon={<SettingOutlined />} onClick={() => navigate('/emergency/settings')}>
              设置
            </Button>
          </Space>
        }
      />
      <Card size="small">
        <div className="sl-toolbar">
          <Segmented<PlanType | 'ALL'>
            value={type ?? 'ALL'}
            onChange={(v) => update({ type: v === 'ALL' ? null : v })}
            options={[
              { value: 'ALL', label: `全部（${all.length}）` },
              ...TYPES.map((t) => ({ value: t, label: `${PLAN_TYPE_SHORT[t]}（${all.filter((r) => r.planType === t).length}）` })),
            ]}
            data-testid="plan-filter-type"
          />
          <Input.Search
            placeholder="预案编号或名称"
            allowClear
            style={{ width: 220 }}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onSearch={(v) => update({ q: v.trim() || null })}
            data-testid="plan-search"
          />
          <Checkbox checked={archived} onChange={(e) => update({ archived: e.target.checked ? '1' : null })}>
            显示已废止
          </Checkbox>
          {filtered && (
            <Button type="link" icon={<ClearOutlined />} onClick={() => update({ type: null, state: null, q: null, archived: null })}>
              清除筛选
            </Button>
          )}
        </div>
        <div className="sl-em-chips" data-testid="plan-chips">
          {CHIPS.map((c) => {
            const n = ofType.filter((r) => !r.archived && c.test(r)).length;
            const active = chip === c.key;
            return (
              <button
                type="button"
                key={c.key}
                className={`sl-em-chip${active ? ' is-active' : ''}${c.danger && n ? ' is-danger' : ''}`}
                onClick={() => update({ state: active ? null : c.key })}
                data-testid={`plan-chip-${c.key}`}
              >
                {c.label}
                <b>{list.data ? n : '…'}</b>
              </button>
            );
          })}
        </div>
        {list.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={list.error.message} />}
        <Table<EmergencyPlanRow>
          size="small"
          rowKey="id"
          bordered
          loading={list.isFetching && !list.data}
          dataSource={rows}
          scroll={{ x: 1140 }}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false, showTotal: (t) => `共 ${t} 个预案` } : false}
          data-testid="plan-table"
          rowClassName={(r) => (r.archived ? 'sl-em-row-archived' : r.filing?.state === 'OVERDUE' || r.revision?.state === 'OVERDUE' ? 'sl-em-row-danger' : '')}
          onRow={(r) => ({ onClick: () => update({ id: r.id, tab: null }), style: { cursor: 'pointer' } })}
          locale={{
            emptyText: filtered ? (
              '没有符合筛选条件的预案'
            ) : (
              <div style={{ padding: 16 }}>
                <Typography.Paragraph>
                  还没有应急预案。通常先建综合应急预案，再按事故类型建专项应急预案，按场所、装置或岗位建现场处置方案；关键岗位由现场处置方案生成应急处置卡。
                </Typography.Paragraph>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  新建预案
                </Button>
              </div>
            ),
          }}
          columns={[
            {
              title: '预案编号',
              dataIndex: 'code',
              width: 96,
              fixed: 'left',
              render: (c: string) => (
                <Typography.Text strong data-testid={`plan-row-${c}`}>
                  {c}
                </Typography.Text>
              ),
            },
            {
              title: '预案名称 / 上级预案',
              key: 'name',
              render: (_, r) => (
                <div>
                  <div>
                    {r.name}
                    {r.archived && <Tag style={{ marginInlineStart: 6 }}>已废止</Tag>}
                  </div>
                  <div className="sl-muted" style={{ fontSize: 12 }}>
                    {[r.parentName ? `上级：${r.parentName}` : null, r.unitName, r.postNames.length ? `关键岗位 ${r.postNames.length} 个` : null].filter(Boolean).join(' · ') || '—'}
                  </div>
                </div>
              ),
            },
            { title: '类型', dataIndex: 'planType', width: 104, render: (t: PlanType) => <PlanTypeTag type={t} /> },
            {
              title: '现行版本 / 发布日期',
              key: 'current',
              width: 112,
              render: (_, r) =>
                r.current ? (
                  <div>
                    {r.current.version}
                    {r.draftVersionId && (
                      <Tooltip title="有修订草稿待发布">
                        <Tag color="gold" style={{ marginInlineStart: 6 }}>
                          修订中
                        </Tag>
                      </Tooltip>
                    )}
                    <div className="sl-muted" style={{ fontSize: 12 }}>
                      {r.current.issuedOn} 发布
                    </div>
                  </div>
                ) : (
                  <Tag color="gold">未发布</Tag>
                ),
            },
            { title: '备案状态', key: 'filing', width: 150, render: (_, r) => <FilingTag filing={r.filing} filedOn={r.current?.filedOn} testId={`plan-filing-${r.code}`} /> },
            { title: '下次修订', key: 'revision', width: 104, render: (_, r) => <RevisionCell revision={r.revision} /> },
            {
              title: '修订事项',
              dataIndex: 'openTriggers',
              width: 84,
              align: 'center',
              render: (n: number) => (n ? <Typography.Text type="danger" strong>{`${n} 项`}</Typography.Text> : <span className="sl-muted">—</span>),
            },
            {
              title: '提示',
              dataIndex: 'warnings',
              width: 290,
              render: (w: string[], r) =>
                w.length ? (
                  <ul className="sl-em-warnings" data-testid={`plan-warnings-${r.code}`}>
                    {w.map((x) => (
                      <li key={x}>{x}</li>
                    ))}
                  </ul>
                ) : r.archived ? (
                  <span className="sl-muted">—</span>
                ) : (
                  <Typography.Text type="success">正常</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
      {creating && <PlanFormModal plan={null} onClose={() => setCreating(false)} onSaved={(p) => update({ id: p.id, tab: 'draft' })} />}
      {open && <PlanDrawer id={open} initialTab={params.get('tab')} onClose={() => update({ id: null, tab: null })} />}
    </div>
  );
}
