import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Checkbox, Col, Collapse, Empty, Form, Input, Modal, Row, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { HazardCategory, MeasureCategory, RiskKind } from '../../../../preload/contract/enums.ts';
import type { OutputOf } from '../../../../preload/contract/index.ts';
import type { LibraryEntry } from '../../../../preload/contract/risk.ts';
import { useApi, useApiMutation } from '../../lib/api.ts';
import { okButtonTestId, showApiError } from '../../lib/forms.ts';
import { UnitSelect } from '../../components/selects.tsx';
import { LevelTag } from './riskMeta.tsx';
import { tidy } from './scoring.ts';

type Created = OutputOf<'risk.importLibrary'>['created'];

interface ImportValues {
  unitId: string | null;
  assessorName: string;
  linkPosts: boolean;
}

/**
 * 从典型风险点库建立: pick entries of the enterprise's industry by group; each
 * becomes a draft point with its hazards, measures and the suggested LEC
 * assessment, linked to the posts whose names match its keywords.
 */
export function LibraryImportModal({ defaultUnitId, onClose, onShowDrafts }: { defaultUnitId: string | null; onClose: () => void; onShowDrafts: () => void }) {
  const { message } = AntApp.useApp();
  const library = useApi('risk.library', {});
  const status = useApi('app.status', {});
  const importLib = useApiMutation('risk.importLibrary');
  const [form] = Form.useForm<ImportValues>();
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const [search, setSearch] = useState('');
  const [result, setResult] = useState<Created | null>(null);
  const entries = useMemo(() => library.data ?? [], [library.data]);
  // Everything not yet in the register is chosen until the user changes the choice.
  const selected = useMemo(() => picked ?? new Set(entries.filter((e) => !e.used).map((e) => e.key)), [picked, entries]);
  const operator = status.data?.operator?.name ?? '';

  const needle = search.trim();
  const groups = useMemo(() => {
    const map = new Map<string, LibraryEntry[]>();
    for (const e of entries) {
      if (needle && !`${e.name} ${e.group} ${e.postKeywords.join(' ')}`.includes(needle)) continue;
      map.set(e.group, [...(map.get(e.group) ?? []), e]);
    }
    return [...map.entries()];
  }, [entries, needle]);

  const setKeys = (keys: string[], on: boolean) => {
    const next = new Set(selected);
    for (const k of keys) {
      if (on) next.add(k);
      else next.delete(k);
    }
    setPicked(next);
  };

  const submit = async () => {
    const v = await form.validateFields();
    const keys = entries.filter((e) => selected.has(e.key)).map((e) => e.key);
    if (!keys.length) {
      void message.warning('请勾选要建立的风险点');
      return;
    }
    importLib.mutate(
      { keys, unitId: v.unitId ?? '', assessorName: v.assessorName.trim(), linkPosts: v.linkPosts },
      {
        onSuccess: (r) => setResult(r.created),
        onError: (e) => showApiError(e, (m) => void message.error(m), form),
      },
    );
  };

  if (result) {
    const linked = result.filter((c) => c.posts.length).length;
    return (
      <Modal
        open
        width={860}
        title="已从典型风险点库建立风险点"
        onCancel={onClose}
        data-testid="risk-library-modal"
        footer={
          <Space>
            <Button onClick={onClose}>完成</Button>
            <Button type="primary" onClick={onShowDrafts} data-testid="risk-library-show-drafts">
              在清单中查看待批准的风险点
            </Button>
          </Space>
        }
      >
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={`已建立 ${result.length} 个风险点（待批准），其中 ${linked} 个已关联岗位`}
          description="已按典型取值做了 LEC 评价。请逐个核对位置、危险有害因素、管控措施和 L、E、C 取值，按本企业实际调整并指定责任人后批准；批准后才进入公告栏、告知卡和两单两卡。"
        />
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={result}
          scroll={{ y: 420 }}
          data-testid="risk-library-result"
          columns={[
            { title: '编号', dataIndex: 'code', width: 90 },
            { title: '风险点', dataIndex: 'name', width: 200 },
            {
              title: '关联岗位',
              dataIndex: 'posts',
              render: (p: string[]) => (p.length ? p.join('、') : <span className="sl-muted">未匹配到岗位，可在风险点中手工选择</span>),
            },
          ]}
        />
      </Modal>
    );
  }

  const total = entries.length;
  const chosen = entries.filter((e) => selected.has(e.key)).length;
  return (
    <Modal
      open
      width={1100}
      title="从典型风险点库建立风险清单"
      okText={chosen ? `建立 ${chosen} 个风险点` : '建立风险点'}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={importLib.isPending}
      okButtonProps={okButtonTestId('risk-library-ok')}
      data-testid="risk-library-modal"
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        按本企业行业列出典型风险点，每个都带有危险有害因素、管控措施和建议的 L、E、C 取值。建立后为「待批准」，需结合实际核对调整后批准。已在清单中的条目默认不勾选。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ unitId: defaultUnitId, assessorName: operator, linkPosts: true }} key={operator}>
        <Row gutter={12}>
          <Col span={9}>
            <Form.Item label="所属单位" name="unitId" rules={[{ required: true, message: '请选择这些风险点的所属单位' }]} data-testid="risk-library-unit">
              <UnitSelect placeholder="建立的风险点归属的单位" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="评价人" name="assessorName" rules={[{ required: true, whitespace: true, message: '请填写评价人' }]}>
              <Input maxLength={30} data-testid="risk-library-assessor" />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item label="岗位关联" name="linkPosts" valuePropName="checked" extra="按岗位名称或工种中的关键词（如“车工”“焊工”）关联岗位">
              <Checkbox data-testid="risk-library-link-posts">自动关联岗位</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {library.isError && <Alert type="error" showIcon title={library.error.message} />}
      {library.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : !total ? (
        <Empty description="本企业所属行业暂无典型风险点，请在风险清单中手工新增" />
      ) : (
        <>
          <div className="sl-toolbar">
            <Input.Search placeholder="名称、分组或岗位关键词" allowClear style={{ width: 240 }} onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} />
            <Button size="small" onClick={() => setKeys(entries.filter((e) => !e.used).map((e) => e.key), true)}>
              全选未建立的
            </Button>
            <Button size="small" onClick={() => setPicked(new Set())}>
              全部不选
            </Button>
            <span className="sl-muted" style={{ marginInlineStart: 'auto' }} data-testid="risk-library-count">
              已选 {chosen} / {total} 个{entries.some((e) => e.used) ? `（${entries.filter((e) => e.used).length} 个已在清单中）` : ''}
            </span>
          </div>
          <div style={{ maxHeight: 'calc(100vh - 420px)', minHeight: 240, overflow: 'auto' }}>
            {groups.length === 0 ? (
              <Empty description="没有匹配的风险点" />
            ) : (
              <Collapse
                size="small"
                defaultActiveKey={groups.slice(0, 3).map(([g]) => g)}
                items={groups.map(([group, list]) => {
                  const keys = list.map((e) => e.key);
                  const n = keys.filter((k) => selected.has(k)).length;
                  return {
                    key: group,
                    label: (
                      <span className="sl-risk-group-head">
                        <Checkbox
                          checked={n === keys.length}
                          indeterminate={n > 0 && n < keys.length}
                          onClick={(e) => e.stopPropagation()}
                          onChange={(e) => setKeys(keys, e.target.checked)}
                          data-testid={`risk-library-group-${group}`}
                        />
                        <b>{group}</b>
                        <span className="sl-muted">
                          已选 {n} / {list.length}
                        </span>
                      </span>
                    ),
                    children: <GroupTable list={list} selected={selected} onSelect={setKeys} />,
                  };
                })}
              />
            )}
          </div>
        </>
      )}
    </Modal>
  );
}

function GroupTable({ list, selected, onSelect }: { list: LibraryEntry[]; selected: Set<string>; onSelect: (keys: string[], on: boolean) => void }) {
  return (
    <Table<LibraryEntry>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={list}
      rowSelection={{
        selectedRowKeys: list.filter((e) => selected.has(e.key)).map((e) => e.key),
        onSelect: (e, on) => onSelect([e.key], on),
        onSelectAll: (on) => onSelect(list.map((e) => e.key), on),
      }}
      expandable={{
        expandedRowRender: (e) => (
          <Row gutter={16}>
            <Col span={12}>
              <Typography.Text strong>危险有害因素</Typography.Text>
              <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {e.hazards.map((h, i) => (
                  <li key={i}>
                    {h.description}
                    <span className="sl-muted">
                      （{HazardCategory.label[h.category]}；{h.accidentTypes.join('、')}）
                    </span>
                  </li>
                ))}
              </ol>
            </Col>
            <Col span={12}>
              <Typography.Text strong>管控措施</Typography.Text>
              <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {e.measures.map((m, i) => (
                  <li key={i}>
                    <span className="sl-muted">{MeasureCategory.label[m.category]}：</span>
                    {m.content}
                  </li>
                ))}
              </ol>
            </Col>
          </Row>
        ),
      }}
      columns={[
        {
          title: '风险点',
          dataIndex: 'name',
          render: (n: string, e) => (
            <Space size={6} data-testid={`risk-library-entry-${e.key}`}>
              <span>{n}</span>
              {e.used && <Tag color="green">已在清单中</Tag>}
            </Space>
          ),
        },
        { title: '类型', dataIndex: 'kind', width: 100, render: (k: RiskKind) => RiskKind.label[k] },
        { title: '建议等级', dataIndex: 'level', width: 100, render: (l: LibraryEntry['level']) => <LevelTag level={l} /> },
        {
          title: '建议取值',
          key: 'lec',
          width: 170,
          render: (_, e) => (
            <span>
              L{e.lec.L} × E{e.lec.E} × C{e.lec.C}
              <span className="sl-muted"> = {tidy(e.lec.L * e.lec.E * e.lec.C)}</span>
            </span>
          ),
        },
        {
          title: '危险因素',
          key: 'hazards',
          width: 80,
          align: 'center',
          render: (_, e) => <Tooltip title={e.hazards.map((h) => h.description).join('；')}>{e.hazards.length} 项</Tooltip>,
        },
        {
          title: '措施',
          key: 'measures',
          width: 70,
          align: 'center',
          render: (_, e) => <Tooltip title={e.measures.map((m) => m.content).join('；')}>{e.measures.length} 项</Tooltip>,
        },
        {
          title: '关联岗位关键词',
          dataIndex: 'postKeywords',
          width: 200,
          render: (k: string[]) => (k.length ? k.map((x) => <Tag key={x}>{x}</Tag>) : <span className="sl-muted">—</span>),
        },
      ]}
    />
  );
}
