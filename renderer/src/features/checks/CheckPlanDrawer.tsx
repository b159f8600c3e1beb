import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Checkbox, Col, DatePicker, Drawer, Form, Input, Modal, Row, Select, Skeleton, Space, Switch, Table, Tag, Tooltip, Typography, type FormInstance } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, BookOutlined, DeleteOutlined, NodeIndexOutlined, PlusOutlined, SafetyOutlined, SaveOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { CheckFrequency, CheckItemCategory, CheckMethod, CheckTier, RiskLevel } from '../../../../preload/contract/enums.ts';
import type { CheckPlan, DraftItem, MajorHazardCriterion } from '../../../../preload/contract/checks.ts';
import type { InputOf, OutputOf } from '../../../../preload/contract/index.ts';
import { invoke, errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { useUnsavedGuard } from '../../lib/unsaved.ts';
import { formatDateTime } from '../../lib/format.ts';
import { PersonSelect, UnitSelect } from '../../components/selects.tsx';
import { okButtonTestId } from '../../lib/forms.ts';
import { PlanStatusTag, TierTag, UnitsSelect } from './checkMeta.tsx';

type ItemCategory = (typeof CheckItemCategory.values)[number];
type Method = (typeof CheckMethod.values)[number];
type LibraryItem = OutputOf<'checkLibrary.get'>['items'][number];

interface ItemValues {
  id?: string | null;
  category?: ItemCategory;
  content?: string;
  standard?: string | null;
  basis?: string | null;
  method?: Method;
  measureId?: string | null;
  riskPointId?: string | null;
  riskPointCode?: string | null;
  riskPointName?: string | null;
  riskLevel?: RiskLevel | null;
  criteriaCode?: string | null;
  libraryKey?: string | null;
}

interface PlanValues {
  name?: string;
  tier?: CheckTier;
  frequency?: CheckFrequency;
  skipNonWorkdays?: boolean;
  unitId?: string | null;
  responsiblePersonId?: string | null;
  ledByPrincipal?: boolean;
  startsOn?: dayjs.Dayjs | null;
  endsOn?: dayjs.Dayjs | null;
  notes?: string | null;
  scope?: { unitIds?: string[]; areaIds?: string[]; riskPointIds?: string[] };
  items?: ItemValues[];
}

const blank = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

function toValues(p: CheckPlan): PlanValues {
  return {
    name: p.name,
    tier: p.tier,
    frequency: p.frequency,
    skipNonWorkdays: p.skipNonWorkdays,
    unitId: p.unitId,
    responsiblePersonId: p.responsiblePersonId,
    ledByPrincipal: p.ledByPrincipal,
    startsOn: dayjs(p.startsOn),
    endsOn: p.endsOn ? dayjs(p.endsOn) : null,
    notes: p.notes,
    scope: { unitIds: p.scope.units.map((u) => u.id), areaIds: p.scope.areas.map((a) => a.id), riskPointIds: p.scope.riskPoints.map((r) => r.id) },
    items: p.items.map((it) => ({ ...it })),
  };
}

function fromDraft(d: DraftItem): ItemValues {
  return { ...d, id: null };
}

function toInput(v: PlanValues): InputOf<'checkPlan.create'> {
  return {
    name: v.name?.trim() ?? '',
    tier: v.tier as CheckTier,
    frequency: v.frequency as CheckFrequency,
    skipNonWorkdays: v.frequency === 'DAILY' ? !!v.skipNonWorkdays : false,
    unitId: v.unitId ?? '',
    responsiblePersonId: v.responsiblePersonId ?? '',
    ledByPrincipal: !!v.ledByPrincipal,
    startsOn: v.startsOn ? v.startsOn.format('YYYY-MM-DD') : '',
    endsOn: v.endsOn ? v.endsOn.format('YYYY-MM-DD') : null,
    notes: blank(v.notes),
    scope: { unitIds: v.scope?.unitIds ?? [], areaIds: v.scope?.areaIds ?? [], riskPointIds: v.scope?.riskPointIds ?? [] },
    items: (v.items ?? []).map((it) => ({
      id: it.id || null,
      category: it.category as ItemCategory,
      content: it.content?.trim() ?? '',
      standard: blank(it.standard),
      basis: blank(it.basis),
      method: it.method as Method,
      measureId: it.measureId ?? null,
      riskPointId: it.riskPointId ?? null,
      criteriaCode: it.criteriaCode ?? null,
      libraryKey: it.libraryKey ?? null,
    })),
  };
}

/**
 * A check plan: what tier and frequency, who is responsible, the scope (units,
 * map areas, risk points) and the checklist. `id` 'new' creates one.
 */
export function CheckPlanDrawer({ id, onClose, onCreated, defaultUnitId }: { id: string; onClose: () => void; onCreated: (id: string) => void; defaultUnitId: string | null }) {
  const isNew = id === 'new';
  const q = useApi('checkPlan.get', { id }, { enabled: !isNew });
  const plan = isNew ? null : q.data;
  const { onDirtyChange: onDirty, guard } = useUnsavedGuard('检查计划有未保存的修改，关闭后这些修改会丢失。');
  const close = () => guard(onClose);

  const title = isNew ? (
    '新建检查计划'
  ) : plan ? (
    <Space size={8}>
      <span>{plan.name}</span>
      <TierTag tier={plan.tier} />
      <PlanStatusTag status={plan.status} />
    </Space>
  ) : (
    '检查计划'
  );

  return (
    <Drawer open size={1180} title={title} onClose={close} destroyOnHidden data-testid="check-plan-drawer">
      {!isNew && q.isError && <Alert type="error" showIcon title={q.error.code === 'NOT_FOUND' ? '检查计划不存在或已删除' : q.error.message} />}
      {!isNew && q.isPending && <Skeleton active paragraph={{ rows: 12 }} />}
      {(isNew || plan) && <PlanForm plan={plan ?? null} defaultUnitId={defaultUnitId} onDirty={onDirty} onCreated={onCreated} onClose={onClose} />}
    </Drawer>
  );
}

function PlanForm({
  plan,
  defaultUnitId,
  onDirty,
  onCreated,
  onClose,
}: {
  plan: CheckPlan | null;
  defaultUnitId: string | null;
  onDirty: (d: boolean) => void;
  onCreated: (id: string) => void;
  onClose: () => void;
}) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PlanValues>();
  const settings = useApi('hazardSettings.get', {});
  const create = useApiMutation('checkPlan.create');
  const update = useApiMutation('checkPlan.update');
  const [drafting, setDrafting] = useState(false);
  const [library, setLibrary] = useState(false);
  const [criteria, setCriteria] = useState(false);
  const dirtyRef = useRef(false);
  const frequency = Form.useWatch('frequency', form) as CheckFrequency | undefined;
  const archived = plan?.status === 'ARCHIVED';

  const setDirty = (d: boolean) => {
    dirtyRef.current = d;
    onDirty(d);
  };
  useEffect(() => () => onDirty(false), [onDirty]);

  const stamp = plan ? `${plan.id}:${plan.updatedAtMs}` : 'new';
  useEffect(() => {
    if (dirtyRef.current) return;
    form.resetFields();
    form.setFieldsValue(
      plan
        ? toValues(plan)
        : { unitId: defaultUnitId, skipNonWorkdays: true, ledByPrincipal: false, startsOn: dayjs(), scope: { unitIds: defaultUnitId ? [defaultUnitId] : [], areaIds: [], riskPointIds: [] }, items: [] },
    );
  }, [stamp]); // eslint-disable-line react-hooks/exhaustive-deps

  const items = (): ItemValues[] => (form.getFieldValue('items') as ItemValues[] | undefined) ?? [];
  const append = (add: ItemValues[]) => {
    form.setFieldValue('items', [...items(), ...add]);
    setDirty(true);
  };

  const draft = async () => {
    const scope = (form.getFieldValue('scope') as PlanValues['scope']) ?? {};
    const s = { unitIds: scope.unitIds ?? [], areaIds: scope.areaIds ?? [], riskPointIds: scope.riskPointIds ?? [] };
    if (!s.unitIds.length && !s.areaIds.length && !s.riskPointIds.length) {
      void message.warning('请先在「检查范围」中选择单位、区域或风险点，再由其中风险点的管控措施生成检查项');
      return;
    }
    setDrafting(true);
    try {
      const out = await invoke('checkPlan.draftItems', s);
      const have = new Set(items().map((it) => it.measureId).filter(Boolean));
      const fresh = out.items.filter((d) => !d.measureId || !have.has(d.measureId));
      const skipped = out.items.length - fresh.length;
      if (!out.items.length) {
        void message.warning(out.riskPoints ? `范围内 ${out.riskPoints} 个已批准风险点没有管控措施，请先在风险清单中补充措施` : '范围内没有已批准的风险点；请先在风险清单中批准风险点，或调整检查范围');
        return;
      }
      if (!fresh.length) {
        void message.info(`范围内 ${out.riskPoints} 个风险点的 ${out.items.length} 条管控措施都已在检查表中，没有新增`);
        return;
      }
      append(fresh.map(fromDraft));
      void message.success(`由 ${out.riskPoints} 个风险点的管控措施生成 ${fresh.length} 项检查项${skipped ? `；另有 ${skipped} 项已在检查表中，未重复添加` : ''}`);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setDrafting(false);
    }
  };

  const save = async () => {
    try {
      await form.validateFields();
    } catch {
      void message.warning('请先补全标红的内容');
      return;
    }
    const input = toInput(form.getFieldsValue(true) as PlanValues);
    try {
      const saved = plan ? await update.mutateAsync({ id: plan.id, ...input }) : await create.mutateAsync(input);
      setDirty(false);
      form.setFieldsValue(toValues(saved));
      if (plan) void message.success(`检查计划「${saved.name}」已保存`);
      else {
        void message.success(`已建立检查计划「${saved.name}」（${saved.itemCount} 项检查项），排查任务中将按期生成检查任务`);
        onCreated(saved.id);
      }
    } catch (err) {
      showApiError(err, (m) => void message.error(m), form);
    }
  };

  const tierFrequency = settings.data?.tierFrequency;

  return (
    <div data-testid="check-plan-form">
      {plan && (
        <Alert
          type={archived ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          title={archived ? '该计划已归档，内容只读；需要修改请先在列表中启用' : `已有 ${plan.recordCount} 条检查记录`}
          description={
            archived
              ? undefined
              : `修改检查表不影响已登记的检查记录（已有检查项按编号保留）。建立于 ${formatDateTime(plan.createdAtMs)}，最后修改于 ${formatDateTime(plan.updatedAtMs)}。`
          }
        />
      )}
      <Form
        form={form}
        layout="vertical"
        disabled={archived}
        requiredMark="optional"
        colon={false}
        onValuesChange={(changed: PlanValues) => {
          if (!dirtyRef.current) setDirty(true);
          if (changed.tier && tierFrequency?.[changed.tier]) {
            const f = tierFrequency[changed.tier]!;
            form.setFieldValue('frequency', f);
            if (changed.tier === 'MONTH' && !form.getFieldValue('ledByPrincipal')) form.setFieldValue('ledByPrincipal', true);
          }
        }}
      >
        <div className="sl-check-section-title">基本信息</div>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label="计划名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写计划名称' }]}>
              <Input maxLength={60} placeholder="如：机加工车间班组日检查" data-testid="check-plan-name" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item
              label="检查层级"
              name="tier"
              rules={[{ required: true, message: '请选择检查层级' }]}
              tooltip="日：岗位/班组每班或每天；周：车间（部门）负责人与安全员每周；月：主要负责人或分管负责人带队的综合检查"
            >
              <Select options={CheckTier.options} placeholder="选择层级" data-testid="check-plan-tier" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item label="检查频次" name="frequency" rules={[{ required: true, message: '请选择检查频次' }]} extra={tierFrequency ? '选择层级后按「排查治理设置」自动带出' : undefined}>
              <Select options={CheckFrequency.options} placeholder="选择频次" data-testid="check-plan-frequency" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="节假日" name="skipNonWorkdays" valuePropName="checked" extra={frequency === 'DAILY' ? '按工作日历跳过周末和法定节假日' : '仅对每天检查的计划有效'}>
              <Switch checkedChildren="跳过" unCheckedChildren="照常检查" disabled={frequency !== 'DAILY' || archived} data-testid="check-plan-skip" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label="负责单位" name="unitId" rules={[{ required: true, message: '请选择负责单位' }]}>
              <UnitSelect />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="负责人" name="responsiblePersonId" rules={[{ required: true, message: '请选择负责人' }]}>
              <PersonSelect />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="带队" name="ledByPrincipal" valuePropName="checked" extra="计入主要负责人每月带队检查的要求（检查执行率中核对）">
              <Checkbox data-testid="check-plan-principal">由主要负责人带队</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={5}>
            <Form.Item label="开始日期" name="startsOn" rules={[{ required: true, message: '请选择开始日期' }]} extra={plan ? undefined : '早于今天时，之前未检查的各期记为漏检'}>
              <DatePicker style={{ width: '100%' }} data-testid="check-plan-starts" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item
              label="结束日期"
              name="endsOn"
              dependencies={['startsOn']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, v: dayjs.Dayjs | null) => {
                    const s = getFieldValue('startsOn') as dayjs.Dayjs | null;
                    if (v && s && v.isBefore(s, 'day')) throw new Error('结束日期不能早于开始日期');
                  },
                }),
              ]}
              extra="长期执行的留空"
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item label="备注" name="notes">
              <Input maxLength={300} placeholder="可选：检查路线、参加人员、专项检查的重点等" />
            </Form.Item>
          </Col>
        </Row>

        <div className="sl-check-section-title">
          检查范围
          <span className="sl-muted">用于由风险点的管控措施生成检查项；范围内的单位、四色图区域和风险点</span>
        </div>
        <ScopeFields />

        <ChecklistEditor
          form={form}
          disabled={archived}
          onDraft={() => void draft()}
          drafting={drafting}
          onLibrary={() => setLibrary(true)}
          onCriteria={() => setCriteria(true)}
          onChanged={() => !dirtyRef.current && setDirty(true)}
        />
      </Form>
      {!archived && (
        <div className="sl-sticky-actions">
          <Button type="primary" icon={<SaveOutlined />} loading={create.isPending || update.isPending} onClick={() => void save()} data-testid="check-plan-save">
            {plan ? '保存' : '建立检查计划'}
          </Button>
          <Button onClick={onClose}>取消</Button>
        </div>
      )}
      {library && (
        <LibraryModal
          have={new Set(items().map((it) => it.libraryKey).filter((k): k is string => !!k))}
          onClose={() => setLibrary(false)}
          onAdd={(picked) => {
            append(picked.map((l) => ({ id: null, category: l.category, content: l.content, standard: l.standard, basis: l.basis, method: l.method, libraryKey: l.key })));
            void message.success(`已从检查项库添加 ${picked.length} 项`);
            setLibrary(false);
          }}
        />
      )}
      {criteria && (
        <CriteriaModal
          have={new Set(items().map((it) => it.criteriaCode).filter((k): k is string => !!k))}
          onClose={() => setCriteria(false)}
          onAdd={(picked) => {
            append(
              picked.map((c) => ({
                id: null,
                category: c.group === 'MANAGEMENT' ? 'BASIC' : 'SITE',
                content: c.text,
                standard: '不存在该情形（存在即判定为重大事故隐患）',
                basis: c.basis,
                method: c.group === 'MANAGEMENT' ? 'DOC' : 'LOOK',
                criteriaCode: c.code,
              })),
            );
            void message.success(`已添加 ${picked.length} 项重大事故隐患判定标准检查项`);
            setCriteria(false);
          }}
        />
      )}
    </div>
  );
}

function ScopeFields() {
  const mapPlans = useApi('riskMap.plans', {});
  const maps = useQueries({
    queries: (mapPlans.data ?? []).map((p) => ({ queryKey: ['riskMap.get', { id: p.id }], queryFn: () => invoke('riskMap.get', { id: p.id }) })),
  });
  const risks = useApi('risk.list', { status: 'ACTIVE', page: 1, pageSize: 500 });
  const areaOptions = maps
    .map((m) => m.data)
    .filter((m): m is NonNullable<typeof m> => !!m && m.areas.length > 0)
    .map((m) => ({ label: m.name, title: m.name, options: m.areas.map((a) => ({ value: a.id, label: `${a.label}（${m.name}）` })) }));
  const riskOptions = (risks.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.code} ${r.name}（${r.unitName}${r.level ? ` · ${RiskLevel.label[r.level]}` : ''}）` }));
  return (
    <Row gutter={12}>
      <Col span={8}>
        <Form.Item label="单位" name={['scope', 'unitIds']} extra="含下级单位的风险点">
          <UnitsSelect testId="check-plan-scope-units" />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item label="四色图区域" name={['scope', 'areaIds']} extra={mapPlans.data && !mapPlans.data.length ? '还没有四色分布图' : undefined}>
          <Select mode="multiple" options={areaOptions} placeholder="选择区域（可多选）" showSearch={{ optionFilterProp: 'label' }} loading={mapPlans.isFetching} data-testid="check-plan-scope-areas" />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item label="风险点" name={['scope', 'riskPointIds']} extra="仅列出已批准的风险点">
          <Select mode="multiple" options={riskOptions} placeholder="选择风险点（可多选）" showSearch={{ optionFilterProp: 'label' }} loading={risks.isFetching} data-testid="check-plan-scope-risks" />
        </Form.Item>
      </Col>
    </Row>
  );
}

function ChecklistEditor({
  form,
  disabled,
  onDraft,
  drafting,
  onLibrary,
  onCriteria,
  onChanged,
}: {
  form: FormInstance<PlanValues>;
  disabled: boolean;
  onDraft: () => void;
  drafting: boolean;
  onLibrary: () => void;
  onCriteria: () => void;
  onChanged: () => void;
}) {
  return (
    <Form.List name="items">
      {(fields, { add, remove, move }) => {
        const all = (form.getFieldValue('items') as ItemValues[] | undefined) ?? [];
        const criteriaCount = all.filter((it) => it?.criteriaCode).length;
        return (
          <>
            <div className="sl-check-section-title" style={{ justifyContent: 'space-between', marginTop: 16 }}>
              <span>
                检查表（{fields.length} 项{criteriaCount ? `，其中重大隐患判定标准 ${criteriaCount} 项` : ''}）
                <span className="sl-muted" style={{ marginLeft: 8 }}>
                  每项写明检查内容、标准和依据；现场逐项判定合格、不合格或不适用
                </span>
              </span>
              {!disabled && (
                <Space wrap>
                  <Button icon={<NodeIndexOutlined />} onClick={onDraft} loading={drafting} data-testid="check-plan-draft">
                    由风险点管控措施生成
                  </Button>
                  <Button icon={<BookOutlined />} onClick={onLibrary} data-testid="check-plan-library">
                    从检查项库添加
                  </Button>
                  <Button icon={<SafetyOutlined />} onClick={onCriteria} danger data-testid="check-plan-criteria">
                    添加重大隐患判定标准项
                  </Button>
                </Space>
              )}
            </div>
            {!fields.length && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 8 }}
                title="检查表还是空的"
                description="先在「检查范围」中选择单位或风险点，再点击「由风险点管控措施生成」：每条管控措施生成一项检查项并附依据。也可从检查项库（基础管理类、现场管理类）添加，或手工添加。"
              />
            )}
            {fields.map((field, index) => {
              const it = all[field.name] ?? {};
              return (
                <div className={`sl-check-item-row${it.criteriaCode ? ' is-criteria' : ''}`} key={field.key} data-testid={`check-plan-item-${index}`}>
                  <span className="sl-check-item-no">{index + 1}</span>
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Form.Item name={[field.name, 'content']} rules={[{ required: true, whitespace: true, message: `请填写第 ${index + 1} 项的检查内容` }]}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} placeholder="检查内容" data-testid={`check-plan-item-content-${index}`} />
                    </Form.Item>
                    <Row gutter={6} style={{ marginTop: 6 }}>
                      <Col span={13}>
                        <Form.Item name={[field.name, 'standard']}>
                          <Input.TextArea size="small" autoSize={{ minRows: 1, maxRows: 3 }} maxLength={300} placeholder="检查标准（合格的要求）" />
                        </Form.Item>
                      </Col>
                      <Col span={11}>
                        <Form.Item name={[field.name, 'basis']}>
                          <Input.TextArea size="small" autoSize={{ minRows: 1, maxRows: 3 }} maxLength={200} placeholder="依据（法规、标准条款或制度）" />
                        </Form.Item>
                      </Col>
                    </Row>
                    {(it.riskPointCode || it.measureId || it.criteriaCode || it.libraryKey) && (
                      <div style={{ marginTop: 4 }}>
                        {it.riskPointCode && (
                          <Tag color="blue">
                            风险点 {it.riskPointCode} {it.riskPointName}
                            {it.riskLevel ? ` · ${RiskLevel.label[it.riskLevel]}` : ''}
                          </Tag>
                        )}
                        {it.measureId && <Tag color="geekblue">来自管控措施</Tag>}
                        {it.criteriaCode && (
                          <Tooltip title="检查中判定为不合格的，自动认定为重大事故隐患">
                            <Tag color="red">重大隐患判定标准 {it.criteriaCode}</Tag>
                          </Tooltip>
                        )}
                        {it.libraryKey && <Tag>检查项库</Tag>}
                      </div>
                    )}
                  </div>
                  <div style={{ width: 124, flex: 'none' }}>
                    <Form.Item name={[field.name, 'category']} rules={[{ required: true, message: '请选择类别' }]}>
                      <Select size="small" options={CheckItemCategory.options} placeholder="类别" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'method']} rules={[{ required: true, message: '请选择方法' }]} style={{ marginTop: 6 }}>
                      <Select size="small" options={CheckMethod.options} placeholder="检查方法" />
                    </Form.Item>
                  </div>
                  {!disabled && (
                    <Space size={2} style={{ flex: 'none' }}>
                      <Button
                        size="small"
                        type="text"
                        icon={<ArrowUpOutlined />}
                        disabled={index === 0}
                        onClick={() => {
                          move(index, index - 1);
                          onChanged();
                        }}
                        aria-label="上移"
                      />
                      <Button
                        size="small"
                        type="text"
                        icon={<ArrowDownOutlined />}
                        disabled={index === fields.length - 1}
                        onClick={() => {
                          move(index, index + 1);
                          onChanged();
                        }}
                        aria-label="下移"
                      />
                      <Tooltip title="删除这项检查项">
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => {
                            remove(field.name);
                            onChanged();
                          }}
                          aria-label="删除"
                          data-testid={`check-plan-item-delete-${index}`}
                        />
                      </Tooltip>
                    </Space>
                  )}
                </div>
              );
            })}
            {!disabled && (
              <Button
                icon={<PlusOutlined />}
                style={{ marginTop: 4 }}
                onClick={() => {
                  add({ id: null, category: 'SITE', method: 'LOOK', content: '' });
                  onChanged();
                }}
                data-testid="check-plan-item-add"
              >
                手工添加检查项
              </Button>
            )}
          </>
        );
      }}
    </Form.List>
  );
}

function LibraryModal({ have, onClose, onAdd }: { have: Set<string>; onClose: () => void; onAdd: (items: LibraryItem[]) => void }) {
  const lib = useApi('checkLibrary.get', {});
  const [group, setGroup] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const all = useMemo(() => lib.data?.items ?? [], [lib.data]);
  const groups = useMemo(() => [...new Set(all.map((i) => `${CheckItemCategory.label[i.category]} · ${i.group}`))], [all]);
  const rows = all.filter((i) => (!group || `${CheckItemCategory.label[i.category]} · ${i.group}` === group) && (!search || i.content.includes(search) || (i.standard ?? '').includes(search)));
  return (
    <Modal
      open
      width={1000}
      title="从检查项库添加"
      okText={picked.length ? `添加 ${picked.length} 项` : '添加'}
      okButtonProps={{ disabled: !picked.length, ...okButtonTestId('check-library-ok') }}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => onAdd(all.filter((i) => picked.includes(i.key)))}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">检查项库分基础管理类（制度、培训、证照、档案等）和现场管理类（设备设施、作业行为、消防、用电等），选中后添加到检查表末尾，可再修改。</Typography.Paragraph>
      <div className="sl-toolbar">
        <Select allowClear placeholder="全部分组" style={{ width: 260 }} value={group ?? undefined} onChange={(v) => setGroup(v ?? null)} options={groups.map((g) => ({ value: g, label: g }))} />
        <Input.Search allowClear placeholder="搜索检查内容" style={{ width: 240 }} onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} />
        <Typography.Text type="secondary">已选 {picked.length} 项</Typography.Text>
      </div>
      {lib.isError && <Alert type="error" showIcon title={lib.error.message} />}
      <Table<LibraryItem>
        size="small"
        rowKey="key"
        loading={lib.isPending}
        dataSource={rows}
        pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (t) => `共 ${t} 项` }}
        rowSelection={{
          selectedRowKeys: picked,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setPicked(keys as string[]),
          getCheckboxProps: (i) => ({ disabled: have.has(i.key) }),
        }}
        data-testid="check-library-table"
        columns={[
          { title: '分组', key: 'group', width: 170, render: (_, i) => `${CheckItemCategory.label[i.category]} · ${i.group}` },
          {
            title: '检查内容',
            key: 'content',
            render: (_, i) => (
              <div>
                {i.content}
                {have.has(i.key) && <Tag style={{ marginLeft: 6 }}>已在检查表中</Tag>}
                {i.standard && <div className="sl-check-sub">标准：{i.standard}</div>}
              </div>
            ),
          },
          { title: '依据', dataIndex: 'basis', width: 200, render: (v: string | null) => v ?? '—' },
          { title: '方法', dataIndex: 'method', width: 80, render: (m: Method) => CheckMethod.label[m] },
        ]}
      />
    </Modal>
  );
}

const CRITERIA_GROUP_LABEL: Record<MajorHazardCriterion['group'], string> = { MANAGEMENT: '管理类', INDUSTRY: '行业类', SPECIAL: '专项类' };

function CriteriaModal({ have, onClose, onAdd }: { have: Set<string>; onClose: () => void; onAdd: (items: MajorHazardCriterion[]) => void }) {
  const lib = useApi('checkLibrary.get', {});
  const [group, setGroup] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const all = useMemo(() => lib.data?.criteria ?? [], [lib.data]);
  const groupKey = (c: MajorHazardCriterion) => (c.industry ? `${CRITERIA_GROUP_LABEL[c.group]} · ${c.industry}` : `${CRITERIA_GROUP_LABEL[c.group]}${c.groupLabel && c.groupLabel !== CRITERIA_GROUP_LABEL[c.group] ? ` · ${c.groupLabel}` : ''}`);
  const groups = useMemo(() => [...new Set(all.map(groupKey))], [all]);
  const rows = all.filter((c) => !group || groupKey(c) === group);
  return (
    <Modal
      open
      width={1000}
      title="添加重大事故隐患判定标准检查项"
      okText={picked.length ? `添加 ${picked.length} 项` : '添加'}
      okButtonProps={{ disabled: !picked.length, ...okButtonTestId('check-criteria-ok') }}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => onAdd(all.filter((c) => picked.includes(c.code)))}
      destroyOnHidden
    >
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 12 }}
        title="这些条目判定为不合格的，自动认定为重大事故隐患"
        description="条目来自《工贸企业重大事故隐患判定标准》（应急管理部令第10号，2023年5月15日起施行）：管理类、行业类（冶金、有色、建材、机械、轻工、纺织、烟草）和专项类（粉尘防爆、液氨制冷、有限空间）。检查中判为不合格的，生成的隐患为重大事故隐患，需编制治理方案、经主要负责人批准并报告负有安全生产监督管理职责的部门。只选择与本企业、本检查范围相关的条目。"
      />
      <div className="sl-toolbar">
        <Select allowClear placeholder="全部类别" style={{ width: 260 }} value={group ?? undefined} onChange={(v) => setGroup(v ?? null)} options={groups.map((g) => ({ value: g, label: g }))} />
        <Typography.Text type="secondary">已选 {picked.length} 项</Typography.Text>
      </div>
      {lib.isError && <Alert type="error" showIcon title={lib.error.message} />}
      <Table<MajorHazardCriterion>
        size="small"
        rowKey="code"
        loading={lib.isPending}
        dataSource={rows}
        pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` }}
        rowSelection={{
          selectedRowKeys: picked,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setPicked(keys as string[]),
          getCheckboxProps: (c) => ({ disabled: have.has(c.code) }),
        }}
        data-testid="check-criteria-table"
        columns={[
          { title: '条目', dataIndex: 'code', width: 90 },
          { title: '类别', key: 'group', width: 150, render: (_, c) => groupKey(c) },
          {
            title: '情形',
            dataIndex: 'text',
            render: (v: string, c) => (
              <span>
                {v}
                {have.has(c.code) && <Tag style={{ marginLeft: 6 }}>已在检查表中</Tag>}
              </span>
            ),
          },
          { title: '依据', dataIndex: 'basis', width: 200 },
        ]}
      />
    </Modal>
  );
}
