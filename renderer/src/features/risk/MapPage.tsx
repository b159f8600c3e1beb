/**
 * 安全风险四色分布图 (/risks/map): site plans with areas and markers linked to
 * risk points; each area takes the colour of the highest level among its
 * points. The chosen plan is in the URL (?plan=<id>); edits stay in the page
 * until 保存 sends them all (main replaces the plan's areas as a whole).
 */
import { useCallback, useEffect, useEffectEvent, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Dropdown, Form, Input, Modal, Select, Space, Tooltip, Typography } from 'antd';
import { DeleteOutlined, DownOutlined, EditOutlined, PictureOutlined, PrinterOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import type { AttachmentInfo } from '../../../../preload/contract/attachments.ts';
import { RISK_COLORS, type RiskLevel } from '../../../../preload/contract/enums.ts';
import type { RiskRow, SitePlan } from '../../../../preload/contract/risk.ts';
import { ApiError, errorMessage, invoke, useApi, useApiMutation } from '../../lib/api.ts';
import { okButtonTestId, showApiError } from '../../lib/forms.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { FileUpload } from '../../components/FileUpload.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StaleBanner } from '../../components/StaleBanner.tsx';
import { printLink } from '../print/queue.ts';
import { MapEditor, type DraftArea, type MapEditorHandle } from './MapEditor.tsx';
import { AreaDetails, AreaList, KIND_NAME, MapLegend } from './MapAreaPanel.tsx';
import { UNASSESSED_COLOR, highestLevel, type Pt } from './mapGeometry.ts';
import './map.css';

type PlanSummary = Omit<SitePlan, 'areas'>;
type PaperSize = 'A3' | 'A2' | 'A1';

const MAX_AREAS = 1000;

// ---- data ----

/** Plan images by attachment id, as object URLs (attachments never change once stored, so they are kept for the session). */
const imageCache = new Map<string, Promise<string>>();

function dataUrlToObjectUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  const mime = /^data:([^;,]+)/.exec(dataUrl)?.[1] ?? 'image/png';
  const bin = atob(dataUrl.slice(comma + 1));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: mime }));
}

function loadPlanImage(attachmentId: string): Promise<string> {
  let p = imageCache.get(attachmentId);
  if (!p) {
    p = invoke('attachment.dataUrl', { id: attachmentId }).then((r) => dataUrlToObjectUrl(r.dataUrl));
    p.catch(() => imageCache.delete(attachmentId));
    imageCache.set(attachmentId, p);
  }
  return p;
}

/**
 * The plan image, loaded once: not through react-query, whose refresh after
 * every save would send a multi-megabyte image through IPC again.
 */
function usePlanImage(attachmentId: string | null): { url: string | null; error: string | null } {
  const [state, setState] = useState<{ id: string; url: string | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!attachmentId) return;
    let live = true;
    loadPlanImage(attachmentId).then(
      (url) => live && setState({ id: attachmentId, url, error: null }),
      (err: unknown) => live && setState({ id: attachmentId, url: null, error: errorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [attachmentId]);
  return state && state.id === attachmentId ? state : { url: null, error: null };
}

const RISK_PAGE = 200;

/** Every current (not archived) risk point: to offer in the picker and to colour areas before saving. */
async function loadRiskIndex(): Promise<RiskRow[]> {
  const first = await invoke('risk.list', { page: 1, pageSize: RISK_PAGE });
  const pages = Math.min(Math.ceil(first.total / RISK_PAGE), 50);
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => invoke('risk.list', { page: i + 2, pageSize: RISK_PAGE })));
  return [first, ...rest].flatMap((p) => p.items);
}

function toDraft(plan: SitePlan): DraftArea[] {
  return plan.areas.map((a) => ({ key: a.id, id: a.id, kind: a.kind, label: a.label, points: a.points, riskPointIds: a.riskPointIds, savedLevel: a.level }));
}

function payloadOf(areas: readonly DraftArea[]) {
  return areas.map((a) => ({ id: a.id, kind: a.kind, label: a.label.trim(), points: a.points, riskPointIds: a.riskPointIds }));
}

function sameList<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!eq(a[i]!, b[i]!)) return false;
  return true;
}

/**
 * Whether a save would change anything. Unedited areas are the very objects
 * loaded from main, so this is a cheap identity check for most of them.
 */
function hasChanges(base: readonly DraftArea[], areas: readonly DraftArea[]): boolean {
  return !sameList(base, areas, (b, a) =>
    a === b ||
    (a.id === b.id &&
      a.kind === b.kind &&
      a.label.trim() === b.label.trim() &&
      sameList(a.riskPointIds, b.riskPointIds, (x, y) => x === y) &&
      sameList(a.points, b.points, (p, q) => p[0] === q[0] && p[1] === q[1])),
  );
}

let newAreaSeq = 0;

function nextLabel(areas: readonly DraftArea[], kind: DraftArea['kind']): string {
  const used = new Set(areas.map((a) => a.label.trim()));
  const prefix = KIND_NAME[kind];
  let n = areas.filter((a) => a.kind === kind).length + 1;
  while (used.has(`${prefix} ${n}`)) n++;
  return `${prefix} ${n}`;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof Element && Boolean(target.closest('input, textarea, select, [contenteditable="true"], .ant-select, .ant-modal'));
}

// ---- page ----

export function MapPage() {
  const { message, modal } = AntApp.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params, update] = useSearchState();
  const plans = useApi('riskMap.plans', {});
  const list = useMemo(() => plans.data ?? [], [plans.data]);
  const current = list.find((p) => p.id === params.get('plan')) ?? list[0] ?? null;
  const [dirty, setDirty] = useState(false);
  const [creating, setCreating] = useState<AttachmentInfo | null>(null);
  const [editingInfo, setEditingInfo] = useState(false);
  const workspace = useRef<WorkspaceHandle>(null);
  const del = useApiMutation('riskMap.deletePlan');

  const confirmDiscard = (title: string, okText: string, go: () => void) => {
    if (!dirty) {
      go();
      return;
    }
    modal.confirm({
      title,
      content: `「${current?.name ?? ''}」有未保存的区域修改，继续将丢失这些修改。`,
      okText,
      okButtonProps: { danger: true },
      cancelText: '继续编辑',
      onOk: go,
    });
  };

  const switchPlan = (id: string) => {
    if (id === current?.id) return;
    confirmDiscard('放弃未保存的修改？', '放弃修改并切换', () => {
      setDirty(false);
      update({ plan: id });
    });
  };

  const print = (size: PaperSize) => {
    if (!current) return;
    const go = () => navigate(printLink('riskMap', { recordId: current.id, size, orientation: 'landscape' }));
    if (!dirty) {
      go();
      return;
    }
    modal.confirm({
      title: '先保存再打印？',
      content: '打印使用已保存的区域和标记；当前有未保存的修改。',
      okText: '保存并打印',
      cancelText: '取消',
      onOk: async () => {
        if (await workspace.current?.save()) go();
      },
    });
  };

  const remove = () => {
    if (!current) return;
    modal.confirm({
      title: `删除四色分布图「${current.name}」？`,
      content: '平面图及其上的全部区域和标记将被删除（风险点本身不受影响）。已打印的文件仍保留在打印记录中。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        del.mutateAsync({ id: current.id }).then(
          () => {
            qc.setQueryData<PlanSummary[]>(['riskMap.plans', {}], (old) => old?.filter((p) => p.id !== current.id));
            setDirty(false);
            update({ plan: null });
            void message.success(`已删除四色分布图「${current.name}」`);
          },
          (err: unknown) => void message.error(errorMessage(err)),
        ),
    });
  };

  const onCreated = (plan: SitePlan) => {
    const { areas: _areas, ...summary } = plan;
    qc.setQueryData<PlanSummary[]>(['riskMap.plans', {}], (old) => (old && !old.some((p) => p.id === plan.id) ? [...old, summary] : old));
    setCreating(null);
    setDirty(false);
    update({ plan: plan.id });
    void message.success(`已新建四色分布图「${plan.name}」。选择「画区域」或「放置标记」开始标注。`);
  };

  return (
    <div className="sl-page" data-testid="risk-map-page">
      <PageHeader
        title="安全风险四色分布图"
        description="在厂区平面图上画出区域或放置标记并关联风险点，区域颜色自动取其中最高风险等级（红、橙、黄、蓝）；可打印 A3、A2、A1 横版张贴。"
        extra={current ? <FileUpload purpose="image" label="新增平面图" testId="risk-map-add-plan" onUploaded={setCreating} /> : null}
      />
      <StaleBanner types={['riskMap']} what="四色分布图" />
      {plans.isError ? (
        <Alert type="error" showIcon title="无法载入四色分布图" description={errorMessage(plans.error)} action={<Button size="small" onClick={() => void plans.refetch()}>重试</Button>} />
      ) : !plans.data ? (
        <Card loading />
      ) : !current ? (
        <Card>
          <div className="sl-map-empty" data-testid="risk-map-empty">
            <PictureOutlined style={{ fontSize: 44, color: '#9ca3af' }} />
            <Typography.Title level={5} style={{ margin: 0 }}>
              还没有四色分布图
            </Typography.Title>
            <ol>
              <li>把厂区总平面图保存为 PNG 或 JPEG 图片（CAD 总图可导出为图片），不超过 20 MB；</li>
              <li>上传后在图上画出车间、仓库等区域，或在设备、部位处放置标记，并关联风险清单中的风险点；</li>
              <li>区域按所关联风险点的最高等级自动着红、橙、黄、蓝四色，附图例，可打印 A3、A2、A1 横版张贴。</li>
            </ol>
            <FileUpload purpose="image" label="上传厂区平面图" testId="risk-map-upload" onUploaded={setCreating} />
          </div>
        </Card>
      ) : (
        <>
          <div className="sl-toolbar">
            <Select
              value={current.id}
              onChange={switchPlan}
              style={{ width: 260 }}
              options={list.map((p) => ({ value: p.id, label: p.name }))}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="risk-map-plan-select"
              aria-label="选择平面图"
            />
            <span className="sl-muted" style={{ fontSize: 13 }}>
              {planMetaText(current)}
            </span>
            <Button icon={<EditOutlined />} onClick={() => setEditingInfo(true)} data-testid="risk-map-edit-info">
              编辑信息
            </Button>
            <Button danger icon={<DeleteOutlined />} onClick={remove} loading={del.isPending} data-testid="risk-map-delete-plan">
              删除
            </Button>
            <span style={{ flex: 1 }} />
            <Space.Compact>
              <Button icon={<PrinterOutlined />} onClick={() => print('A3')} data-testid="risk-map-print">
                打印（A3 横版）
              </Button>
              <Dropdown
                menu={{
                  items: [
                    { key: 'A2', label: '打印 A2 横版' },
                    { key: 'A1', label: '打印 A1 横版' },
                  ],
                  onClick: ({ key }) => print(key as PaperSize),
                }}
              >
                <Button icon={<DownOutlined />} aria-label="选择其他纸张" data-testid="risk-map-print-more" />
              </Dropdown>
            </Space.Compact>
          </div>
          <PlanWorkspace key={current.id} ref={workspace} planId={current.id} onDirtyChange={setDirty} />
        </>
      )}
      {creating && (
        <PlanInfoModal
          mode="create"
          attachment={creating}
          warnDirty={dirty}
          onCancel={() => setCreating(null)}
          onDone={onCreated}
        />
      )}
      {editingInfo && current && <PlanInfoModal mode="edit" plan={current} onCancel={() => setEditingInfo(false)} onDone={() => setEditingInfo(false)} />}
    </div>
  );
}

function planMetaText(p: PlanSummary): string {
  const parts = [
    `${p.widthPx}×${p.heightPx} 像素`,
    p.compiledBy && `编制 ${p.compiledBy}`,
    p.reviewedBy && `审核 ${p.reviewedBy}`,
    p.approvedBy && `批准 ${p.approvedBy}`,
    p.mapDate && `日期 ${p.mapDate}`,
  ].filter(Boolean);
  return parts.join(' · ');
}

// ---- plan name and sign-off ----

interface PlanInfoValues {
  name: string;
  compiledBy?: string;
  reviewedBy?: string;
  approvedBy?: string;
  mapDate?: Dayjs | null;
}

function PlanInfoModal(
  props:
    | { mode: 'create'; attachment: AttachmentInfo; warnDirty: boolean; onCancel: () => void; onDone: (plan: SitePlan) => void }
    | { mode: 'edit'; plan: PlanSummary; onCancel: () => void; onDone: (plan: SitePlan) => void },
) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PlanInfoValues>();
  const status = useApi('app.status', {});
  const create = useApiMutation('riskMap.createPlan');
  const updatePlan = useApiMutation('riskMap.updatePlan');
  const creatingPlan = props.mode === 'create';
  const preview = usePlanImage(creatingPlan ? props.attachment.id : null);
  const initial: PlanInfoValues = creatingPlan
    ? { name: '厂区总平面图', compiledBy: status.data?.operator?.name ?? undefined, mapDate: dayjs() }
    : {
        name: props.plan.name,
        compiledBy: props.plan.compiledBy ?? undefined,
        reviewedBy: props.plan.reviewedBy ?? undefined,
        approvedBy: props.plan.approvedBy ?? undefined,
        mapDate: props.plan.mapDate ? dayjs(props.plan.mapDate) : null,
      };

  const submit = async () => {
    const v = await form.validateFields();
    const meta = {
      name: v.name,
      compiledBy: v.compiledBy?.trim() || null,
      reviewedBy: v.reviewedBy?.trim() || null,
      approvedBy: v.approvedBy?.trim() || null,
      mapDate: v.mapDate ? v.mapDate.format('YYYY-MM-DD') : null,
    };
    try {
      const plan = props.mode === 'create' ? await create.mutateAsync({ attachmentId: props.attachment.id, ...meta }) : await updatePlan.mutateAsync({ id: props.plan.id, ...meta });
      if (props.mode === 'edit') void message.success('已保存平面图信息');
      props.onDone(plan);
    } catch (err) {
      showApiError(err, (m) => void message.error(m), form);
    }
  };

  const a = creatingPlan ? props.attachment : null;
  const lowRes = a && a.widthPx !== null && a.heightPx !== null && Math.max(a.widthPx, a.heightPx) < 1500;

  return (
    <Modal
      open
      title={creatingPlan ? '新建四色分布图' : '编辑平面图信息'}
      okText={creatingPlan ? '创建' : '保存'}
      cancelText="取消"
      confirmLoading={create.isPending || updatePlan.isPending}
      onCancel={props.onCancel}
      onOk={() => void submit()}
      okButtonProps={okButtonTestId(creatingPlan ? 'risk-map-create-ok' : 'risk-map-info-ok')}
      destroyOnHidden
      width={560}
    >
      {a && (
        <div style={{ display: 'flex', gap: 12, alignItems: 'center', marginBottom: 16 }}>
          <div style={{ width: 120, height: 84, flex: 'none', background: '#f3f5f8', border: '1px solid #e5e7eb', borderRadius: 4, display: 'flex', alignItems: 'center', justifyContent: 'center', overflow: 'hidden' }}>
            {preview.url ? <img src={preview.url} alt="平面图预览" style={{ maxWidth: '100%', maxHeight: '100%' }} /> : <PictureOutlined style={{ fontSize: 28, color: '#9ca3af' }} />}
          </div>
          <div style={{ minWidth: 0 }}>
            <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{a.originalName}</div>
            <div className="sl-muted" style={{ fontSize: 12 }}>
              {a.widthPx ?? '?'}×{a.heightPx ?? '?'} 像素 · {(a.sizeBytes / 1024 / 1024).toFixed(1)} MB
            </div>
          </div>
        </div>
      )}
      {lowRes && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="图片分辨率较低" description="打印到 A3 及以上纸张时可能模糊；建议使用长边 3000 像素以上的图片。" />}
      {creatingPlan && props.warnDirty && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="当前平面图有未保存的修改" description="创建后将切换到新平面图，未保存的修改会丢失。如需保留，请先取消并保存。" />}
      <Form form={form} layout="vertical" initialValues={initial} preserve={false}>
        <Form.Item label="名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写平面图名称' }]}>
          <Input maxLength={60} placeholder="如 厂区总平面图、一期厂区" />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 12 }}>
          <Form.Item label="编制" name="compiledBy">
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item label="审核" name="reviewedBy">
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item label="批准" name="approvedBy">
            <Input maxLength={30} />
          </Form.Item>
        </div>
        <Form.Item label="日期" name="mapDate" extra="编制、审核、批准和日期打印在分布图的标题栏中。">
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ---- the editor for one plan ----

interface WorkspaceHandle {
  /** Saves the areas; false when the save failed (the error is shown). */
  save: () => Promise<boolean>;
}

function PlanWorkspace({ ref, planId, onDirtyChange }: { ref?: Ref<WorkspaceHandle>; planId: string; onDirtyChange: (dirty: boolean) => void }) {
  const plan = useApi('riskMap.get', { id: planId });
  if (plan.isError) return <Alert type="error" showIcon title="无法载入这张四色分布图" description={errorMessage(plan.error)} />;
  if (!plan.data) return <Card loading />;
  return <PlanEditor ref={ref} plan={plan.data} onDirtyChange={onDirtyChange} />;
}

interface Draft {
  /** The plan as main last sent it, and its areas (what 保存 compares with). */
  plan: SitePlan;
  base: DraftArea[];
  areas: DraftArea[];
  past: DraftArea[][];
  /** Consecutive edits with the same key (typing a name) make one undo step. */
  coalesce: string | null;
}

function freshDraft(plan: SitePlan): Draft {
  const areas = toDraft(plan);
  return { plan, base: areas, areas, past: [], coalesce: null };
}

function PlanEditor({ ref, plan, onDirtyChange }: { ref?: Ref<WorkspaceHandle>; plan: SitePlan; onDirtyChange: (dirty: boolean) => void }) {
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const editor = useRef<MapEditorHandle>(null);
  const image = usePlanImage(plan.attachmentId);
  const risks = useQuery({ queryKey: ['risk.list', 'riskMap.index'], queryFn: loadRiskIndex, staleTime: 30_000 });
  const saveAreas = useApiMutation('riskMap.saveAreas');

  const [draft, setDraft] = useState<Draft>(() => freshDraft(plan));
  const areas = draft.areas;
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [editVertices, setEditVertices] = useState(false);
  /** The area just drawn, whose name field takes the focus, and a counter to re-trigger it. */
  const [focus, setFocus] = useState<{ key: string | null; n: number }>({ key: null, n: 0 });

  const dirty = useMemo(() => hasChanges(draft.base, areas), [draft.base, areas]);
  // Main sent a different plan (its info was edited, levels changed, or it changed elsewhere): take it,
  // keeping local edits if any. An older copy (the cache just before a save lands) is ignored.
  if (plan !== draft.plan && plan.updatedAtMs >= draft.plan.updatedAtMs) setDraft(dirty ? { ...draft, plan, base: toDraft(plan) } : freshDraft(plan));

  useEffect(() => {
    onDirtyChange(dirty);
  }, [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const commit = useCallback((change: (areas: DraftArea[]) => DraftArea[], coalesce: string | null = null) => {
    setDraft((d) => {
      const next = change(d.areas);
      if (next === d.areas) return d;
      const push = coalesce === null || coalesce !== d.coalesce;
      return { ...d, areas: next, past: push ? [...d.past.slice(-49), d.areas] : d.past, coalesce };
    });
  }, []);

  const undo = () => {
    setDraft((d) => (d.past.length ? { ...d, areas: d.past[d.past.length - 1]!, past: d.past.slice(0, -1), coalesce: null } : d));
    setEditVertices(false);
  };

  const select = useCallback((key: string | null) => {
    setSelectedKey(key);
    setEditVertices(false);
    setFocus((f) => (f.key === null ? f : { key: null, n: f.n }));
  }, []);

  const pick = useCallback(
    (key: string) => {
      select(key);
      editor.current?.focusArea(key);
    },
    [select],
  );

  const riskRows = risks.data;
  const riskById = useMemo(() => new Map((riskRows ?? []).map((r) => [r.id, r])), [riskRows]);
  const levels = useMemo(() => {
    const m = new Map<string, RiskLevel | null>();
    for (const a of areas) m.set(a.key, riskRows ? highestLevel(a.riskPointIds.map((id) => riskById.get(id)?.level)) : a.savedLevel);
    return m;
  }, [areas, riskRows, riskById]);
  const colors = useMemo(() => {
    const m = new Map<string, string>();
    for (const [k, l] of levels) m.set(k, l ? RISK_COLORS[l].hex : UNASSESSED_COLOR);
    return m;
  }, [levels]);
  const counts = useMemo(() => {
    const c: Record<RiskLevel, number> = { MAJOR: 0, HIGH: 0, MEDIUM: 0, LOW: 0 };
    let grey = 0;
    for (const l of levels.values()) {
      if (l) c[l]++;
      else grey++;
    }
    return { c, grey };
  }, [levels]);

  const selectedIndex = selectedKey ? areas.findIndex((a) => a.key === selectedKey) : -1;
  const selected = selectedIndex >= 0 ? areas[selectedIndex]! : null;
  const editingKey = selected && (selected.kind === 'MARKER' || editVertices) ? selected.key : null;

  const onCreate = useCallback(
    (kind: DraftArea['kind'], points: Pt[]) => {
      if (areas.length >= MAX_AREAS) {
        void message.warning(`一张图最多 ${MAX_AREAS} 个区域和标记`);
        return;
      }
      const key = `new-${++newAreaSeq}`;
      commit((list) => [...list, { key, id: null, kind, label: nextLabel(list, kind), points, riskPointIds: [], savedLevel: null }]);
      select(key);
      setFocus((f) => ({ key, n: f.n + 1 }));
    },
    [areas.length, commit, message, select],
  );

  const onChangePoints = useCallback((key: string, points: Pt[]) => commit((list) => list.map((a) => (a.key === key ? { ...a, points } : a))), [commit]);

  const removeArea = (key: string) => {
    const a = areas.find((x) => x.key === key);
    commit((list) => list.filter((x) => x.key !== key));
    select(null);
    if (a) void message.info(`已删除${KIND_NAME[a.kind]}「${a.label.trim() || '未命名'}」，保存后生效（可撤销）`);
  };

  const save = async (): Promise<boolean> => {
    const blank = areas.findIndex((a) => !a.label.trim());
    if (blank >= 0) {
      const a = areas[blank]!;
      pick(a.key);
      void message.error(`第 ${blank + 1} 个${KIND_NAME[a.kind]}没有名称，请填写名称后再保存`);
      return false;
    }
    const before = areas;
    try {
      const saved = await saveAreas.mutateAsync({ planId: plan.id, areas: payloadOf(before) });
      qc.setQueryData(['riskMap.get', { id: plan.id }], saved);
      const fresh = freshDraft(saved);
      const next = fresh.areas;
      setDraft(fresh);
      // Keep the selection on the same area (new areas got their ids now).
      const i = selectedKey ? before.findIndex((a) => a.key === selectedKey) : -1;
      setSelectedKey(i >= 0 ? (next[i]?.key ?? null) : null);
      void message.success(`已保存 ${saved.areas.length} 个区域和标记`);
      return true;
    } catch (err) {
      const path = err instanceof ApiError ? err.fields[0]?.path : undefined;
      const m = path ? /^areas\.(\d+)/.exec(path) : null;
      const a = m ? before[Number(m[1])] : undefined;
      if (a) pick(a.key);
      void message.error(errorMessage(err));
      // A risk point may have been archived meanwhile: refresh the register so the panel can point it out.
      void risks.refetch();
      return false;
    }
  };
  useImperativeHandle(ref, () => ({ save }));

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 's') {
      e.preventDefault();
      if (dirty && !saveAreas.isPending) void save();
      return;
    }
    if (e.defaultPrevented || isTyping(e.target) || document.querySelector('.ant-modal-wrap:not([style*="display: none"]) .ant-modal')) return;
    if (mod && !e.shiftKey && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      undo();
    } else if (e.key === 'Delete' && selected && !mod) {
      e.preventDefault();
      removeArea(selected.key);
    }
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <div className="sl-map-workspace">
      <MapEditor
        ref={editor}
        width={plan.widthPx}
        height={plan.heightPx}
        imageUrl={image.url}
        imageError={image.error}
        areas={areas}
        colors={colors}
        selectedKey={selectedKey}
        editingKey={editingKey}
        onSelect={select}
        onCreate={onCreate}
        onChangePoints={onChangePoints}
        onEscape={() => (editVertices ? setEditVertices(false) : select(null))}
        legend={<MapLegend counts={counts.c} grey={counts.grey} />}
        toolbarExtra={
          <>
            <Tooltip title="撤销（Ctrl+Z）">
              <Button icon={<UndoOutlined />} disabled={!draft.past.length} onClick={undo} aria-label="撤销" data-testid="risk-map-undo" />
            </Tooltip>
            {dirty ? (
              <span className="sl-map-dirty" data-testid="risk-map-dirty">
                ● 未保存
              </span>
            ) : (
              <span className="sl-map-saved">已保存</span>
            )}
            <Tooltip title="保存（Ctrl+S）">
              <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={saveAreas.isPending} onClick={() => void save()} data-testid="risk-map-save">
                保存
              </Button>
            </Tooltip>
          </>
        }
      />
      <div className="sl-map-side">
        <div className="sl-map-side-top">
          {selected ? (
            <AreaDetails
              key={selected.key}
              area={selected}
              index={selectedIndex}
              level={levels.get(selected.key) ?? null}
              risks={riskRows ?? []}
              riskById={riskById}
              risksLoading={risks.isPending}
              editVertices={editVertices}
              focusToken={focus.key === selected.key ? focus.n : 0}
              onClose={() => select(null)}
              onLabel={(label) => commit((list) => list.map((a) => (a.key === selected.key ? { ...a, label } : a)), `label:${selected.key}`)}
              onRisks={(ids) => commit((list) => list.map((a) => (a.key === selected.key ? { ...a, riskPointIds: ids } : a)))}
              onDelete={() => removeArea(selected.key)}
              onFocus={() => editor.current?.focusArea(selected.key)}
              onToggleVertices={() => setEditVertices((v) => !v)}
            />
          ) : (
            <Card size="small" title="区域信息">
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                单击图上的区域或标记，或在下方列表中选择，可修改名称、关联风险点或删除。用「画区域」画出多边形，用「放置标记」标出设备、部位。
              </Typography.Paragraph>
            </Card>
          )}
          {risks.isError && <Alert type="warning" showIcon title="风险清单载入失败，区域颜色暂按上次保存时显示" description={errorMessage(risks.error)} />}
        </div>
        <AreaList areas={areas} levels={levels} selectedKey={selectedKey} onPick={pick} />
      </div>
    </div>
  );
}
