import { useMemo, useState } from 'react';
import { App as AntApp, Button, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CloseOutlined, DeleteOutlined, FileDoneOutlined, SignatureOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { SignMethod } from '../../../../preload/contract/enums.ts';
import { errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { UnitSelect } from '../../components/selects.tsx';
import { SignatureModal } from '../../components/SignatureModal.tsx';
import { PhotoThumb } from '../hazards/HazardPhotos.tsx';

export interface ParticipantRow {
  key: string;
  personId: string | null;
  name: string;
  unitName: string | null;
  role: string | null;
  signMethod: (typeof SignMethod.values)[number] | null;
  signatureAttachmentId: string | null;
}

let seq = 0;
export const rowKey = () => `p${Date.now().toString(36)}${(seq++).toString(36)}`;

/** Searches active people by name or number and adds the chosen one (the select clears itself). */
function PersonAdder({ taken, onAdd }: { taken: Set<string>; onAdd: (p: { id: string; name: string; unitName: string }) => void }) {
  const [search, setSearch] = useState('');
  const q = useApi('person.options', { search: search || null, ids: [] }, { placeholderData: (prev) => prev });
  const rows = q.data ?? [];
  return (
    <Select
      style={{ width: 260 }}
      value={null}
      placeholder="输入姓名或工号添加参演人员"
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      options={rows.map((p) => ({ value: p.id, label: `${p.name}（${p.staffNo} · ${p.unitName}）`, disabled: taken.has(p.id) }))}
      notFoundContent={q.isFetching ? '搜索中…' : '没有匹配的在职人员'}
      onChange={(v: string | null) => {
        const p = rows.find((x) => x.id === v);
        if (p) onAdd({ id: p.id, name: p.name, unitName: p.unitName });
        setSearch('');
      }}
      data-testid="drill-participant-search"
    />
  );
}

/** Picks people of one unit (with its sub-units) in one go. */
function UnitPicker({ taken, onAdd, onClose }: { taken: Set<string>; onAdd: (people: { id: string; name: string; unitName: string }[]) => void; onClose: () => void }) {
  const [unitId, setUnitId] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const q = useApi('person.list', { unitId, status: 'ACTIVE', includeSubunits: true, page: 1, pageSize: 500, sort: 'unit' }, { enabled: !!unitId });
  const people = (q.data?.items ?? []).filter((p) => !taken.has(p.id));
  return (
    <Modal
      open
      width={640}
      title="按部门添加参演人员"
      okText={picked.length ? `添加 ${picked.length} 人` : '添加'}
      okButtonProps={{ disabled: !picked.length, ...({ 'data-testid': 'drill-unit-picker-ok' } as object) }}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => {
        onAdd(people.filter((p) => picked.includes(p.id)).map((p) => ({ id: p.id, name: p.name, unitName: p.unitName })));
        onClose();
      }}
      destroyOnHidden
      data-testid="drill-unit-picker"
    >
      <Space style={{ marginBottom: 12 }}>
        <span>部门</span>
        <UnitSelect
          value={unitId}
          onChange={(v) => {
            setUnitId(v);
            setPicked([]);
          }}
          placeholder="选择部门（含下级单位）"
          style={{ width: 300 }}
        />
      </Space>
      {unitId && (
        <Table
          size="small"
          rowKey="id"
          loading={q.isFetching}
          dataSource={people}
          pagination={false}
          scroll={{ y: 360 }}
          rowSelection={{ selectedRowKeys: picked, onChange: (keys) => setPicked(keys as string[]) }}
          locale={{ emptyText: q.data?.items.length ? '该部门的人员都已在参演名单中' : '该部门没有在职人员' }}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 100 },
            { title: '工号', dataIndex: 'staffNo', width: 100 },
            { title: '单位', dataIndex: 'unitName' },
            { title: '岗位', dataIndex: 'postNames', render: (v: string[]) => v.join('、') || <span className="sl-muted">—</span> },
          ]}
          data-testid="drill-unit-picker-table"
        />
      )}
    </Modal>
  );
}

/**
 * The participants with their sign-in: people from the roster (one by one or a
 * whole unit) or outsiders by name; each signs on screen or on the paper
 * sign-in sheet, whose scan is kept with the drill.
 */
export function ParticipantsEditor({ value, onChange, drillTitle }: { value?: ParticipantRow[]; onChange?: (rows: ParticipantRow[]) => void; drillTitle: string }) {
  const { message } = AntApp.useApp();
  const rows = useMemo(() => value ?? [], [value]);
  const set = (next: ParticipantRow[]) => onChange?.(next);
  const taken = useMemo(() => new Set(rows.map((r) => r.personId).filter((x): x is string => !!x)), [rows]);
  const [outsider, setOutsider] = useState('');
  const [unitPicker, setUnitPicker] = useState(false);
  const [signing, setSigning] = useState<ParticipantRow | null>(null);
  const upload = useApiMutation('attachment.upload');

  const add = (people: { id: string; name: string; unitName: string }[]) => {
    const fresh = people.filter((p) => !taken.has(p.id));
    if (!fresh.length) return;
    set([...rows, ...fresh.map((p) => ({ key: rowKey(), personId: p.id, name: p.name, unitName: p.unitName, role: null, signMethod: null, signatureAttachmentId: null }))]);
  };
  const addOutsider = () => {
    const name = outsider.trim();
    if (!name) return;
    set([...rows, { key: rowKey(), personId: null, name, unitName: null, role: '外来人员', signMethod: null, signatureAttachmentId: null }]);
    setOutsider('');
  };
  const patch = (key: string, p: Partial<ParticipantRow>) => set(rows.map((r) => (r.key === key ? { ...r, ...p } : r)));
  const unsigned = rows.filter((r) => !r.signMethod).length;

  const sign = async (png: string) => {
    if (!signing) return;
    try {
      const a = await upload.mutateAsync({ fileName: `演练签到-${signing.name}.png`, dataBase64: png, purpose: 'image' });
      patch(signing.key, { signMethod: 'ON_SCREEN', signatureAttachmentId: a.id });
      setSigning(null);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <div data-testid="drill-participants">
      <div className="sl-toolbar">
        <PersonAdder taken={taken} onAdd={(p) => add([p])} />
        <Button icon={<TeamOutlined />} onClick={() => setUnitPicker(true)} data-testid="drill-participant-unit">
          按部门添加
        </Button>
        <Space.Compact>
          <Input style={{ width: 180 }} value={outsider} onChange={(e) => setOutsider(e.target.value)} onPressEnter={(e) => { e.preventDefault(); addOutsider(); }} maxLength={30} placeholder="外来人员姓名（如消防队员）" data-testid="drill-participant-outsider" />
          <Button icon={<UserAddOutlined />} onClick={addOutsider} data-testid="drill-participant-outsider-add">
            添加
          </Button>
        </Space.Compact>
        {unsigned > 0 && rows.length > 0 && (
          <Tooltip title="参演人员已在纸质签到表上签字：把未签到的人员一次记为纸质签到，并上传签到表扫描件">
            <Button icon={<FileDoneOutlined />} onClick={() => set(rows.map((r) => (r.signMethod ? r : { ...r, signMethod: 'PAPER' })))} data-testid="drill-participant-paper-all">
              未签到的 {unsigned} 人记为纸质签到
            </Button>
          </Tooltip>
        )}
      </div>
      <Table<ParticipantRow>
        size="small"
        rowKey="key"
        bordered
        pagination={false}
        dataSource={rows}
        scroll={rows.length > 12 ? { y: 420 } : undefined}
        locale={{ emptyText: '还没有参演人员。从人员名单中搜索添加、按部门批量添加，或添加外来人员姓名。' }}
        data-testid="drill-participant-table"
        columns={[
          { title: '序号', key: 'i', width: 52, align: 'center', render: (_, __, i) => i + 1 },
          {
            title: '姓名',
            dataIndex: 'name',
            width: 110,
            render: (v: string, r) => (
              <span>
                {v}
                {!r.personId && <Tag style={{ marginInlineStart: 4 }}>外来</Tag>}
              </span>
            ),
          },
          { title: '部门', dataIndex: 'unitName', width: 130, render: (v: string | null) => v ?? <span className="sl-muted">—</span> },
          {
            title: '演练角色',
            dataIndex: 'role',
            width: 150,
            render: (v: string | null, r) => <Input size="small" value={v ?? ''} maxLength={30} placeholder="如：灭火组" onChange={(e) => patch(r.key, { role: e.target.value || null })} data-testid={`drill-participant-role-${r.name}`} />,
          },
          {
            title: '签到',
            key: 'sign',
            render: (_, r) =>
              r.signMethod === 'ON_SCREEN' && r.signatureAttachmentId ? (
                <Space size={6} data-testid={`drill-participant-signed-${r.name}`}>
                  <div className="sl-drill-sig">
                    <PhotoThumb id={r.signatureAttachmentId} size={56} />
                  </div>
                  <Tag color="green">{SignMethod.label.ON_SCREEN}</Tag>
                  <Button size="small" type="text" icon={<CloseOutlined />} onClick={() => patch(r.key, { signMethod: null, signatureAttachmentId: null })} aria-label="清除签名" />
                </Space>
              ) : (
                <Space size={6}>
                  <Select
                    size="small"
                    style={{ width: 124 }}
                    value={r.signMethod ?? ''}
                    onChange={(v: string) => patch(r.key, { signMethod: v === 'PAPER' ? 'PAPER' : null, signatureAttachmentId: null })}
                    options={[
                      { value: '', label: '未签到' },
                      { value: 'PAPER', label: SignMethod.label.PAPER },
                    ]}
                    data-testid={`drill-participant-method-${r.name}`}
                  />
                  <Button size="small" icon={<SignatureOutlined />} onClick={() => setSigning(r)} data-testid={`drill-participant-sign-${r.name}`}>
                    屏幕签名
                  </Button>
                  {!r.signMethod && <Typography.Text type="warning">未签到</Typography.Text>}
                </Space>
              ),
          },
          {
            title: '',
            key: 'x',
            width: 44,
            align: 'center',
            render: (_, r) => <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => set(rows.filter((x) => x.key !== r.key))} aria-label={`移除 ${r.name}`} />,
          },
        ]}
      />
      <div className="sl-muted" style={{ fontSize: 12, marginTop: 6 }} data-testid="drill-participant-count">
        共 {rows.length} 人，已签到 {rows.length - unsigned} 人{unsigned ? `，未签到 ${unsigned} 人` : ''}
      </div>
      {unitPicker && <UnitPicker taken={taken} onAdd={add} onClose={() => setUnitPicker(false)} />}
      <SignatureModal
        open={!!signing}
        title="参演人员签到"
        signer={signing?.name ?? ''}
        statement={
          <>
            本人 <b>{signing?.name}</b> 参加了「{drillTitle || '本次应急演练'}」。
          </>
        }
        loading={upload.isPending}
        onCancel={() => setSigning(null)}
        onSign={(png) => void sign(png)}
      />
    </div>
  );
}
