import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Badge, Button, Card, Checkbox, Col, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Radio, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { DeleteOutlined, DownOutlined, FilePdfOutlined, PlusOutlined, PrinterOutlined, SafetyCertificateOutlined, UpOutlined } from '@ant-design/icons';
import { useSearchState } from '../../lib/useSearchState.ts';
import { PAPER_PRESETS } from '../../../../preload/contract/paper.ts';
import { AGREEMENT_LEVELS, AgreementLevelLabel } from '../../../../preload/contract/agreements.ts';
import type { GeneratedDocument, Verification } from '../../../../preload/contract/print.ts';
import { invoke, useApi, useApiMutation, errorMessage } from '../../lib/api.ts';
import { formatBytes, formatDateTime } from '../../lib/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PdfPreview } from '../../components/PdfPreview.tsx';
import { UnitSelect } from '../../components/selects.tsx';
import { printQueue, usePrintQueue, type PrintRequest } from './queue.ts';

const OUTCOME: Record<GeneratedDocument['outcome'], string> = { SAVED: '保存', OPENED: '打开打印', EXPORTED: '合并导出', CLI: '命令行' };

export function PrintCentrePage() {
  const [params, update, setParams] = useSearchState();
  const tab = params.get('tab') ?? 'preview';
  const setTab = (t: string) => update({ tab: t === 'preview' ? null : t });
  const queue = usePrintQueue();
  const stale = useApi('print.stale', {});
  return (
    <div className="sl-page" data-testid="print-centre">
      <PageHeader title="打印中心" description="公示牌、承诺书和责任书都由台账数据生成，每份都带内容指纹；纸面上的指纹可随时核验是否仍与数据一致。" />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'preview', label: '生成与预览', children: <Composer params={params} update={update} replaceAll={(p) => setParams(p, { replace: true })} /> },
          { key: 'queue', label: <Badge count={queue.length} size="small" offset={[8, 0]}>打印队列</Badge>, children: <QueueTab /> },
          {
            key: 'stale',
            label: <Badge count={stale.data?.items.length ?? 0} size="small" offset={[8, 0]}>需重印</Badge>,
            children: <StaleTab onReprint={(p) => setParams(p, { replace: true })} />,
          },
          { key: 'register', label: '生成登记', children: <RegisterTab /> },
          { key: 'verify', label: '指纹核验', children: <VerifyTab /> },
        ]}
      />
    </div>
  );
}

function requestFrom(params: URLSearchParams, defaultPaper: { size: string; orientation: 'portrait' | 'landscape' } | undefined): PrintRequest | null {
  const type = params.get('type');
  if (!type) return null;
  const size = params.get('size') ?? defaultPaper?.size ?? 'A4';
  const orientation = (params.get('orientation') as 'portrait' | 'landscape' | null) ?? defaultPaper?.orientation ?? 'portrait';
  const w = params.get('w');
  const h = params.get('h');
  return {
    type,
    paper: { size, orientation, customWidthMm: size === 'CUSTOM' && w ? Number(w) : null, customHeightMm: size === 'CUSTOM' && h ? Number(h) : null },
    recordId: params.get('recordId'),
    unitId: params.get('unitId'),
    level: params.get('level'),
    onlyUnsigned: params.get('onlyUnsigned') === '1',
    from: params.get('from'),
    to: params.get('to'),
    status: params.get('status'),
    year: numberParam(params.get('year')),
    quarter: numberParam(params.get('quarter')),
  };
}

function numberParam(v: string | null): number | null {
  return v && /^\d+$/.test(v) ? Number(v) : null;
}

const QUARTERS = [
  { value: '', label: '全年（年度统计）' },
  { value: '1', label: '第一季度' },
  { value: '2', label: '第二季度' },
  { value: '3', label: '第三季度' },
  { value: '4', label: '第四季度' },
];

/** The print options that travel in the address, so a link (or 重印) opens the same document. */
const OPTION_PARAMS = ['recordId', 'unitId', 'level', 'from', 'to', 'status', 'year', 'quarter'] as const;

function Composer({ params, update: set, replaceAll }: { params: URLSearchParams; update: (e: Record<string, string | null>) => void; replaceAll: (p: URLSearchParams) => void }) {
  const { message } = AntApp.useApp();
  const types = useApi('print.types', {});
  const type = types.data?.find((t) => t.type === params.get('type')) ?? null;
  const req = useMemo(() => requestFrom(params, type?.defaultPaper), [params, type]);
  const records = useApi('print.records', { type: type?.type ?? '' }, { enabled: Boolean(type?.records) });
  const preview = useApi('print.preview', req ?? { type: '' }, { enabled: Boolean(req && type), placeholderData: (prev) => prev, staleTime: 60_000 });
  const save = useApiMutation('print.save');
  const open = useApiMutation('print.open');
  const size = req?.paper?.size ?? 'A4';
  const presets = type ? [...PAPER_PRESETS].sort((a, b) => Number(!type.suggestedSizes.includes(a.key)) - Number(!type.suggestedSizes.includes(b.key))) : PAPER_PRESETS;
  const done = (r: { cancelled: boolean; filePath?: string; documents?: { fingerprint: string }[] }, verb: string) => {
    if (r.cancelled) return;
    void message.success(`${verb}：${r.filePath}（指纹 ${r.documents?.[0]?.fingerprint ?? ''}）`);
  };

  const groups = [...new Set((types.data ?? []).map((t) => t.group))];
  return (
    <Row gutter={16}>
      <Col flex="380px">
        <Card size="small" title="文件与选项">
          <Form layout="vertical" data-testid="print-options">
            <Form.Item label="文件类型">
              <Select
                data-testid="print-type"
                placeholder="选择要生成的文件"
                value={type?.type}
                onChange={(v: string) => {
                  const t = types.data?.find((x) => x.type === v);
                  replaceAll(new URLSearchParams({ type: v, ...(t ? { size: t.defaultPaper.size, orientation: t.defaultPaper.orientation } : {}) }));
                }}
                options={groups.map((g) => ({ label: g, options: (types.data ?? []).filter((t) => t.group === g).map((t) => ({ value: t.type, label: t.title })) }))}
              />
            </Form.Item>
            {type && <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>{type.description}</Typography.Paragraph>}
            {type?.records && (
              <Form.Item label={type.records.label} required={type.records.required}>
                <Select
                  data-testid="print-record"
                  allowClear={!type.records.required}
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={type.records.required ? `选择${type.records.label}` : (type.records.placeholder ?? '默认')}
                  value={params.get('recordId') ?? undefined}
                  onChange={(v?: string) => set({ recordId: v ?? null })}
                  options={(records.data ?? []).map((r) => ({ value: r.id, label: r.label }))}
                />
              </Form.Item>
            )}
            {type?.options.includes('unit') && (
              <Form.Item label="单位范围">
                <UnitSelect value={params.get('unitId')} onChange={(v) => set({ unitId: v })} placeholder="全企业" />
              </Form.Item>
            )}
            {type?.options.includes('period') && (
              <Form.Item label="期间" extra="不选：本年度 1 月 1 日至 12 月 31 日">
                <DatePicker.RangePicker
                  data-testid="print-period"
                  allowEmpty={[true, true]}
                  value={[params.get('from') ? dayjs(params.get('from')) : null, params.get('to') ? dayjs(params.get('to')) : null]}
                  onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD') ?? null, to: v?.[1]?.format('YYYY-MM-DD') ?? null })}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            )}
            {type?.options.includes('year') && (
              <Form.Item label="年度">
                <InputNumber data-testid="print-year" min={2000} max={2100} precision={0} placeholder="本年" value={numberParam(params.get('year'))} onChange={(v) => set({ year: v === null ? null : String(v) })} style={{ width: '100%' }} />
              </Form.Item>
            )}
            {type?.options.includes('quarter') && (
              <Form.Item label="季度">
                <Select data-testid="print-quarter" value={params.get('quarter') ?? ''} onChange={(v: string) => set({ quarter: v || null })} options={QUARTERS} />
              </Form.Item>
            )}
            {type?.options.includes('level') && (
              <Form.Item label={type.choices.level?.label ?? '层级'}>
                <Select
                  data-testid="print-level"
                  allowClear
                  placeholder={type.choices.level ? '全部等级' : '全部层级'}
                  value={params.get('level') ?? undefined}
                  onChange={(v?: string) => set({ level: v ?? null })}
                  options={type.choices.level?.options ?? AGREEMENT_LEVELS.map((l) => ({ value: l, label: AgreementLevelLabel[l] }))}
                />
              </Form.Item>
            )}
            {type?.options.includes('status') && type.choices.status && (
              <Form.Item label={type.choices.status.label}>
                <Select data-testid="print-status" allowClear placeholder="全部状态" value={params.get('status') ?? undefined} onChange={(v?: string) => set({ status: v ?? null })} options={type.choices.status.options} />
              </Form.Item>
            )}
            {type?.options.includes('onlyUnsigned') && (
              <Form.Item>
                <Checkbox checked={params.get('onlyUnsigned') === '1'} onChange={(e) => set({ onlyUnsigned: e.target.checked ? '1' : null })}>
                  {type.onlyUnsignedLabel}
                </Checkbox>
              </Form.Item>
            )}
            {type && (
              <>
                <Form.Item label="纸张尺寸">
                  <Select
                    data-testid="print-size"
                    virtual={false}
                    listHeight={420}
                    value={size}
                    onChange={(v: string) => set({ size: v })}
                    options={[
                      ...presets.map((p) => ({ value: p.key, label: `${p.label}${type.suggestedSizes.includes(p.key) ? '' : '（不常用）'}` })),
                      { value: 'CUSTOM', label: '自定义尺寸（毫米）' },
                    ]}
                  />
                </Form.Item>
                {size === 'CUSTOM' && <CustomSize initialW={params.get('w')} initialH={params.get('h')} onChange={(w, h) => set({ w, h })} />}
                <Form.Item label="方向">
                  <Radio.Group value={req?.paper?.orientation} onChange={(e) => set({ orientation: e.target.value as string })} optionType="button" options={[{ value: 'portrait', label: '纵向' }, { value: 'landscape', label: '横向' }]} />
                </Form.Item>
              </>
            )}
          </Form>
          {req && type && (
            <Space wrap>
              <Button type="primary" icon={<FilePdfOutlined />} loading={save.isPending} disabled={!preview.data || preview.isError || preview.isFetching} data-testid="print-save" onClick={() => save.mutate(req, { onSuccess: (r) => done(r, '已保存'), onError: (e) => void message.error(errorMessage(e)) })}>
                保存为 PDF
              </Button>
              <Button icon={<PrinterOutlined />} loading={open.isPending} disabled={!preview.data || preview.isError || preview.isFetching} data-testid="print-open" onClick={() => open.mutate(req, { onSuccess: (r) => done(r, '已用系统阅读器打开'), onError: (e) => void message.error(errorMessage(e)) })}>
                打开打印
              </Button>
              <Button
                icon={<PlusOutlined />}
                disabled={!preview.data || preview.isError || preview.isFetching}
                data-testid="print-enqueue"
                onClick={() => {
                  printQueue.add(`${preview.data?.title ?? type.title}（${preview.data?.paper.label ?? ''}）`, req);
                  void message.success('已加入打印队列');
                }}
              >
                加入队列
              </Button>
            </Space>
          )}
        </Card>
        {preview.data && preview.data.warnings.length > 0 && !preview.isError && (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            title="排版提示"
            description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{preview.data.warnings.map((o) => <li key={o}>{o}</li>)}</ul>}
            data-testid="print-warnings"
          />
        )}
        {preview.data && preview.data.omitted.length > 0 && !preview.isError && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            title="以下内容因缺少数据未显示"
            description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{preview.data.omitted.map((o) => <li key={o}>{o}</li>)}</ul>}
            data-testid="print-omitted"
          />
        )}
      </Col>
      <Col flex="auto">
        {!req || !type ? (
          <Card><Empty description="请在左侧选择要生成的文件" /></Card>
        ) : preview.isError ? (
          <Alert type="error" showIcon title="无法生成" description={preview.error.message} data-testid="print-error" />
        ) : preview.data ? (
          <Card
            size="small"
            title={preview.data.title}
            extra={
              <Space size={12}>
                <span className="sl-muted">{preview.data.paper.label} · {preview.data.paper.orientation === 'landscape' ? '横向' : '纵向'} · {preview.data.pageCount} 页</span>
                <Tag icon={<SafetyCertificateOutlined />} color="blue" data-testid="print-fingerprint">指纹 {preview.data.fingerprint}</Tag>
              </Space>
            }
          >
            <PdfPreview pdfBase64={preview.data.pdfBase64} />
          </Card>
        ) : (
          <Card loading />
        )}
      </Col>
    </Row>
  );
}

function QueueTab() {
  const { message } = AntApp.useApp();
  const queue = usePrintQueue();
  const exportQueue = useApiMutation('print.exportQueue');
  return (
    <Card size="small" data-testid="print-queue">
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={queue}
        locale={{ emptyText: '队列是空的：在「生成与预览」中点「加入队列」' }}
        columns={[
          { title: '序号', width: 60, render: (_, __, i) => i + 1 },
          { title: '文件', dataIndex: 'label' },
          {
            title: '',
            width: 150,
            render: (_, item) => (
              <Space>
                <Button size="small" icon={<UpOutlined />} onClick={() => printQueue.move(item.key, -1)} />
                <Button size="small" icon={<DownOutlined />} onClick={() => printQueue.move(item.key, 1)} />
                <Button size="small" danger icon={<DeleteOutlined />} onClick={() => printQueue.remove(item.key)} />
              </Space>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button
          type="primary"
          icon={<FilePdfOutlined />}
          disabled={!queue.length}
          loading={exportQueue.isPending}
          data-testid="queue-export"
          onClick={() =>
            exportQueue.mutate(
              { items: queue.map((q) => q.request) },
              {
                onSuccess: (r) => {
                  if (r.cancelled) return;
                  void message.success(`已合并导出 ${r.documents.length} 份文件：${r.filePath}`);
                  printQueue.clear();
                },
                onError: (e) => void message.error(errorMessage(e)),
              },
            )
          }
        >
          合并导出为一个 PDF
        </Button>
        <Button disabled={!queue.length} onClick={() => printQueue.clear()}>清空队列</Button>
      </Space>
    </Card>
  );
}

/** Prints whose data has changed since: the newest print of each document, with what changed and a one-click reprint. */
function StaleTab({ onReprint }: { onReprint: (p: URLSearchParams) => void }) {
  const q = useApi('print.stale', {});
  const reprint = (d: GeneratedDocument) => {
    const p = (d.params ?? {}) as { type?: string; paper?: { size?: string; orientation?: string; customWidthMm?: number | null; customHeightMm?: number | null }; onlyUnsigned?: boolean } & Partial<Record<(typeof OPTION_PARAMS)[number], string | number | null>>;
    const next = new URLSearchParams({ type: d.type });
    if (p.paper?.size) next.set('size', p.paper.size);
    if (p.paper?.orientation) next.set('orientation', p.paper.orientation);
    if (p.paper?.customWidthMm) next.set('w', String(p.paper.customWidthMm));
    if (p.paper?.customHeightMm) next.set('h', String(p.paper.customHeightMm));
    for (const k of OPTION_PARAMS) if (p[k] !== null && p[k] !== undefined && p[k] !== '') next.set(k, String(p[k]));
    if (p.onlyUnsigned) next.set('onlyUnsigned', '1');
    onReprint(next);
  };
  return (
    <Card size="small" data-testid="print-stale">
      <Typography.Paragraph type="secondary">
        每份文件按最近一次打印与当前数据比对：责任清单、两单两卡、公示牌等的内容在打印后变了，纸面就过时了，需要重印并替换。签字表、考核表等手工填写的底稿不在此列。
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey={(r) => r.document.id}
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: q.data ? `已核对 ${q.data.checked} 份最近打印的文件，均与当前数据一致` : '正在核对…' }}
        columns={[
          { title: '文件', render: (_, r) => r.document.title },
          { title: '上次打印', width: 170, render: (_, r) => `${formatDateTime(r.document.createdAtMs)}（${r.document.operatorName}）` },
          { title: '纸张', width: 160, render: (_, r) => r.document.paperLabel },
          { title: '变化', render: (_, r) => <Typography.Text type="warning">{r.message}</Typography.Text> },
          { title: '', width: 90, render: (_, r) => <Button size="small" type="primary" onClick={() => reprint(r.document)} data-testid="stale-reprint">重印</Button> },
        ]}
      />
    </Card>
  );
}

function RegisterTab() {
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const q = useApi('print.register', { search: search || null, page, pageSize: 30 }, { placeholderData: (p) => p });
  return (
    <Card size="small">
      <Typography.Paragraph type="secondary">每一份保存、打开打印或合并导出的文件都登记在此，包括生成时的参数和内容指纹。登记只能追加，不能修改或删除。</Typography.Paragraph>
      <Input.Search placeholder="标题、指纹或文件名" allowClear style={{ width: 280, marginBottom: 12 }} onSearch={(v) => { setSearch(v.trim()); setPage(1); }} />
      <Table<GeneratedDocument>
        size="small"
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={{ current: page, pageSize: 30, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 份` }}
        columns={[
          { title: '生成时间', dataIndex: 'createdAtMs', width: 170, render: (v: number) => formatDateTime(v) },
          { title: '文件', dataIndex: 'title' },
          { title: '纸张', dataIndex: 'paperLabel', width: 170 },
          { title: '页数', dataIndex: 'pageCount', width: 60 },
          { title: '指纹', dataIndex: 'fingerprint', width: 130, render: (v: string) => <span className="sl-hash">{v}</span> },
          { title: '方式', dataIndex: 'outcome', width: 90, render: (o: GeneratedDocument['outcome']) => OUTCOME[o] },
          { title: '文件名', dataIndex: 'fileName', ellipsis: true },
          { title: '操作员', dataIndex: 'operatorName', width: 90 },
          { title: '大小', dataIndex: 'sizeBytes', width: 90, render: (v: number) => formatBytes(v) },
        ]}
      />
    </Card>
  );
}

function VerifyTab() {
  const [result, setResult] = useState<Verification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = async (fp: string) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await invoke('print.verify', { fingerprint: fp }));
    } catch (e) {
      setResult(null);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" data-testid="print-verify">
      <Typography.Paragraph>输入纸面页脚上的「内容指纹」（12 位），查看它是哪份文件、何时由谁生成，以及生成后数据是否已经变化。</Typography.Paragraph>
      <Input.Search placeholder="例如 3f2a 91c0 5b7e" enterButton="核验" loading={busy} style={{ maxWidth: 420 }} onSearch={(v) => void check(v)} data-testid="verify-input" />
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} />}
      {result && (
        <div style={{ marginTop: 16 }} data-testid="verify-result">
          {result.matches.length === 0 ? (
            <Alert type="warning" showIcon title={`没有找到指纹为 ${result.fingerprint} 的生成记录`} description="这张纸可能不是由本程序生成的，或指纹抄写有误。" />
          ) : (
            result.matches.map((m) => (
              <Card key={m.document.id} size="small" style={{ marginBottom: 12 }}>
                <Alert
                  type={m.status === 'CURRENT' ? 'success' : m.status === 'CHANGED' ? 'warning' : 'error'}
                  showIcon
                  title={m.message}
                  style={{ marginBottom: 12 }}
                />
                <Descriptions size="small" column={2} bordered>
                  <Descriptions.Item label="文件">{m.document.title}</Descriptions.Item>
                  <Descriptions.Item label="纸张">{m.document.paperLabel}（{m.document.pageCount} 页）</Descriptions.Item>
                  <Descriptions.Item label="生成时间">{formatDateTime(m.document.createdAtMs)}</Descriptions.Item>
                  <Descriptions.Item label="操作员">{m.document.operatorName}</Descriptions.Item>
                  <Descriptions.Item label="方式">{OUTCOME[m.document.outcome]}</Descriptions.Item>
                  <Descriptions.Item label="文件名">{m.document.fileName ?? '—'}</Descriptions.Item>
                </Descriptions>
              </Card>
            ))
          )}
        </div>
      )}
    </Card>
  );
}

/** Width and height are edited together and committed as a pair, so neither edit overwrites the other. */
function CustomSize({ initialW, initialH, onChange }: { initialW: string | null; initialH: string | null; onChange: (w: string | null, h: string | null) => void }) {
  const [w, setW] = useState<number | null>(initialW ? Number(initialW) : null);
  const [h, setH] = useState<number | null>(initialH ? Number(initialH) : null);
  const commit = (nw: number | null, nh: number | null) => onChange(nw === null ? null : String(nw), nh === null ? null : String(nh));
  return (
    <Space style={{ marginBottom: 16 }}>
      <InputNumber data-testid="print-custom-w" prefix="宽" suffix="mm" value={w} onChange={(v) => { setW(v); commit(v, h); }} style={{ width: 160 }} />
      <InputNumber data-testid="print-custom-h" prefix="高" suffix="mm" value={h} onChange={(v) => { setH(v); commit(w, v); }} style={{ width: 160 }} />
    </Space>
  );
}
