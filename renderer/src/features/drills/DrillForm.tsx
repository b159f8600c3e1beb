import { useEffect, useMemo, useRef } from 'react';
import { Alert, App as AntApp, Button, Col, DatePicker, Form, Input, Row, Select, Space, TimePicker, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { DrillForm as DrillFormEnum, DrillPurpose, DrillScope } from '../../../../preload/contract/enums.ts';
import type { Drill, DrillPlanItem } from '../../../../preload/contract/drills.ts';
import type { AttachmentRef } from '../../../../preload/contract/emergency.ts';
import type { InputOf } from '../../../../preload/contract/index.ts';
import { invoke, useApi, useApiMutation } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { PersonSelect, UnitSelect } from '../../components/selects.tsx';
import { PhotoPicker } from '../hazards/HazardPhotos.tsx';
import { ParticipantsEditor, rowKey, type ParticipantRow } from './Participants.tsx';
import { SignInSheet, VideoList } from './Media.tsx';
import { PlanOptionLabel, blank, usePlanOptions } from './drillMeta.tsx';

type Scope = (typeof DrillScope.values)[number];
type FormKind = (typeof DrillFormEnum.values)[number];
type Purpose = (typeof DrillPurpose.values)[number];

interface Step {
  time?: string;
  action?: string;
  actor?: string | null;
}

interface Values {
  planItemId?: string | null;
  planId?: string;
  title?: string;
  scope?: Scope;
  form?: FormKind;
  purpose?: Purpose;
  drillDate?: dayjs.Dayjs | null;
  startTime?: dayjs.Dayjs | null;
  endTime?: dayjs.Dayjs | null;
  place?: string;
  commanderId?: string | null;
  commanderName?: string;
  organiserUnitId?: string | null;
  scenario?: string;
  resourcesUsed?: string | null;
  observers?: string | null;
  interruptions?: string | null;
  participants?: ParticipantRow[];
  steps?: Step[];
  photoIds?: string[];
  videos?: AttachmentRef[];
  signInAttachmentId?: string | null;
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "09:30" as a time of today (for the time picker). */
function clock(s: string | null | undefined): dayjs.Dayjs | null {
  if (!s || !CLOCK.test(s)) return null;
  const [h, m] = s.split(':').map(Number);
  return dayjs().hour(h!).minute(m!).second(0).millisecond(0);
}

/** A typed "930", "9:30" or "0930" as "09:30". */
function normaliseClock(v: string): string {
  const t = v.trim().replace('：', ':');
  const m = /^(\d{1,2}):?(\d{2})$/.exec(t);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : t;
}

/** "喷漆房稀释剂泄漏遇静电起火，1 名作业人员被困" → "喷漆房稀释剂泄漏遇静电起火应急演练". */
const titleFrom = (scenario: string) => `${scenario.split(/[，,；;。]/)[0]!.trim().replace(/(应急)?演练$/, '')}应急演练`.slice(0, 60);

function toValues(d: Drill): Values {
  return {
    planItemId: d.planItemId,
    planId: d.planId,
    title: d.title,
    scope: d.scope,
    form: d.form,
    purpose: d.purpose,
    drillDate: dayjs(d.drillDate),
    startTime: clock(d.startTime),
    endTime: clock(d.endTime),
    place: d.place,
    commanderId: d.commanderId,
    commanderName: d.commanderName,
    organiserUnitId: d.organiserUnitId,
    scenario: d.scenario,
    resourcesUsed: d.resourcesUsed,
    observers: d.observers,
    interruptions: d.interruptions,
    participants: d.participants.map((p) => ({ ...p, key: rowKey() })),
    steps: d.steps.map((s) => ({ ...s })),
    photoIds: d.photos.map((p) => p.attachmentId),
    videos: d.videos,
    signInAttachmentId: d.signInAttachmentId,
  };
}

function fromItem(it: DrillPlanItem | null): Values {
  const base: Values = { purpose: 'TEST', drillDate: dayjs(), participants: [], steps: [], photoIds: [], videos: [], signInAttachmentId: null };
  if (!it) return base;
  return { ...base, planItemId: it.id, planId: it.planId, scenario: it.scenario, title: titleFrom(it.scenario), scope: it.scope, form: it.form, organiserUnitId: it.organiserUnitId };
}

function toInput(v: Values): InputOf<'drill.create'> {
  return {
    planItemId: v.planItemId ?? null,
    planId: v.planId ?? '',
    title: v.title?.trim() ?? '',
    scope: v.scope!,
    form: v.form!,
    purpose: v.purpose!,
    drillDate: v.drillDate ? v.drillDate.format('YYYY-MM-DD') : '',
    startTime: v.startTime ? v.startTime.format('HH:mm') : '',
    endTime: v.endTime ? v.endTime.format('HH:mm') : '',
    place: v.place?.trim() ?? '',
    commanderId: v.commanderId ?? null,
    commanderName: v.commanderName?.trim() ?? '',
    organiserUnitId: v.organiserUnitId ?? '',
    scenario: v.scenario?.trim() ?? '',
    resourcesUsed: blank(v.resourcesUsed),
    observers: blank(v.observers),
    interruptions: blank(v.interruptions),
    participants: (v.participants ?? []).map((p) => ({ personId: p.personId, name: p.name, role: blank(p.role), signMethod: p.signMethod, signatureAttachmentId: p.signatureAttachmentId })),
    steps: (v.steps ?? []).map((s) => ({ time: normaliseClock(s.time ?? ''), action: s.action?.trim() ?? '', actor: blank(s.actor) })),
    photoIds: v.photoIds ?? [],
    videoIds: (v.videos ?? []).map((x) => x.attachmentId),
    signInAttachmentId: v.signInAttachmentId ?? null,
  };
}

/** The plan items of the drill's year that it can fulfil (not cancelled, not done by another drill). */
function PlanItemSelect({ value, onChange, id, year, selfId, onPicked }: { value?: string | null; onChange?: (v: string | null) => void; id?: string; year: number; selfId: string | null; onPicked: (it: DrillPlanItem) => void }) {
  const q = useApi('drillPlan.get', { year });
  const items = (q.data?.items ?? []).filter((i) => i.id === value || (i.state !== 'CANCELLED' && (!i.drillId || i.drillId === selfId)));
  return (
    <Select
      id={id}
      allowClear
      value={value ?? undefined}
      placeholder={items.length ? '选择本次演练完成的计划项（计划外演练可不选）' : `${year} 年计划中没有待演练的计划项`}
      loading={q.isFetching}
      options={[
        ...items.map((i) => ({ value: i.id, label: `${i.plannedMonth} 月 · ${i.scenario}（${i.planCode}）` })),
        // The chosen item belongs to another year than the date now set: keep it readable (main then says what is wrong).
        ...(value && q.data && !items.some((i) => i.id === value) ? [{ value, label: `其他年度的计划项（与演练日期 ${year} 年不符）` }] : []),
      ]}
      showSearch={{ optionFilterProp: 'label' }}
      onChange={(v?: string) => {
        onChange?.(v ?? null);
        const it = items.find((i) => i.id === v);
        if (it) onPicked(it);
      }}
      data-testid="drill-plan-item"
    />
  );
}

/**
 * Registering a completed drill or editing its record: which plan (and plan
 * item) it drilled, when and where, who led and organised it, the scenario,
 * participants with their sign-in, the timeline, resources, photos and videos.
 */
export function DrillForm({ drill, item, onSaved, onDirtyChange }: { drill: Drill | null; item: DrillPlanItem | null; onSaved: (d: Drill) => void; onDirtyChange: (dirty: boolean) => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const create = useApiMutation('drill.create');
  const update = useApiMutation('drill.update');
  const { options, plans } = usePlanOptions();
  const dirtyRef = useRef(false);
  const setDirty = (d: boolean) => {
    dirtyRef.current = d;
    onDirtyChange(d);
  };
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const stamp = drill ? JSON.stringify([drill.id, drill.code, drill.drillDate, drill.participants.length, drill.steps.length, drill.photos.length, drill.title]) : `new:${item?.id ?? ''}`;
  useEffect(() => {
    if (dirtyRef.current) return;
    form.resetFields();
    form.setFieldsValue(drill ? toValues(drill) : fromItem(item));
  }, [stamp]); // eslint-disable-line react-hooks/exhaustive-deps

  const drillDate = Form.useWatch('drillDate', form) as dayjs.Dayjs | null | undefined;
  const title = Form.useWatch('title', form) as string | undefined;
  const planId = Form.useWatch('planId', form) as string | undefined;
  const drillForm = Form.useWatch('form', form) as FormKind | undefined;
  const year = drillDate ? drillDate.year() : (item?.year ?? dayjs().year());
  const chosenPlan = useMemo(() => plans.find((p) => p.id === planId), [plans, planId]);

  const pickItem = (it: DrillPlanItem) => {
    form.setFieldsValue({ planId: it.planId, scope: it.scope, form: it.form, organiserUnitId: it.organiserUnitId });
    if (!form.getFieldValue('scenario')) form.setFieldValue('scenario', it.scenario);
    if (!form.getFieldValue('title')) form.setFieldValue('title', titleFrom(it.scenario));
    setDirty(true);
  };

  const pickCommander = async (id: string | null) => {
    if (!id) return;
    try {
      const [p] = await invoke('person.options', { search: null, ids: [id] });
      if (p) form.setFieldValue('commanderName', p.name);
    } catch {
      // The name can be typed by hand.
    }
  };

  const save = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      void message.warning('请先补全标红的内容');
      return;
    }
    try {
      const input = toInput(v);
      const saved = drill ? await update.mutateAsync({ id: drill.id, ...input }) : await create.mutateAsync(input);
      setDirty(false);
      form.setFieldsValue(toValues(saved));
      void message.success(drill ? `演练记录 ${saved.code} 已保存` : `已登记演练 ${saved.code}`);
      onSaved(saved);
    } catch (e) {
      showApiError(e, (m) => void message.error(m), form);
    }
  };

  return (
    <div className="sl-drill-form" data-testid="drill-form">
      <Form form={form} layout="vertical" requiredMark="optional" colon={false} onValuesChange={() => !dirtyRef.current && setDirty(true)}>
        <div className="sl-drill-section-title">演练基本情况</div>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label="年度计划项" name="planItemId" extra={`${year} 年演练计划；选择后带出预案、情景、类型和组织部门`}>
              <PlanItemSelect year={year} selfId={drill?.id ?? null} onPicked={pickItem} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label="演练的应急预案"
              name="planId"
              rules={[{ required: true, message: '请选择演练的应急预案' }]}
              extra={chosenPlan && !chosenPlan.current ? <Typography.Text type="warning">该预案还没有发布的现行版本</Typography.Text> : undefined}
            >
              <Select
                placeholder="选择预案"
                showSearch={{ optionFilterProp: 'label' }}
                options={options}
                optionRender={(o) => <PlanOptionLabel label={o.data.label} planType={o.data.planType} inForce={o.data.inForce} />}
                data-testid="drill-plan"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="演练名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写演练名称' }]}>
              <Input maxLength={60} placeholder="如：涂装车间火灾事故应急演练" data-testid="drill-title" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="演练内容" name="scope" rules={[{ required: true, message: '请选择' }]}>
              <Select options={DrillScope.options} data-testid="drill-scope" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="演练形式" name="form" rules={[{ required: true, message: '请选择' }]}>
              <Select options={DrillFormEnum.options} data-testid="drill-form-kind" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="演练目的" name="purpose" rules={[{ required: true, message: '请选择' }]}>
              <Select options={DrillPurpose.options} data-testid="drill-purpose" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              label="演练日期"
              name="drillDate"
              rules={[{ required: true, message: '请选择演练日期' }]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="drill-date" />
            </Form.Item>
          </Col>
          <Col span={3}>
            <Form.Item label="开始时间" name="startTime" rules={[{ required: true, message: '请填写' }]}>
              <TimePicker format="HH:mm" needConfirm={false} style={{ width: '100%' }} placeholder="09:00" data-testid="drill-start" />
            </Form.Item>
          </Col>
          <Col span={3}>
            <Form.Item label="结束时间" name="endTime" rules={[{ required: true, message: '请填写' }]}>
              <TimePicker format="HH:mm" needConfirm={false} style={{ width: '100%' }} placeholder="10:30" data-testid="drill-end" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="演练地点" name="place" rules={[{ required: true, whitespace: true, message: '请填写演练地点' }]}>
              <Input maxLength={100} placeholder="如：涂装车间喷漆房及东侧空地" data-testid="drill-place" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="总指挥（人员）" name="commanderId" tooltip="从人员名单中选择；本单位以外的人员直接在右侧填写姓名">
              <PersonSelect onChange={(v) => void pickCommander(v)} placeholder="选择本单位人员" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="总指挥姓名" name="commanderName" rules={[{ required: true, whitespace: true, message: '请填写总指挥' }]}>
              <Input maxLength={30} data-testid="drill-commander-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="组织部门" name="organiserUnitId" rules={[{ required: true, message: '请选择组织部门' }]}>
              <UnitSelect />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="观摩人员" name="observers">
              <Input maxLength={300} placeholder="如：区应急管理局 2 人、园区管委会 1 人" data-testid="drill-observers" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="事故情景" name="scenario" rules={[{ required: true, whitespace: true, message: '请填写事故情景' }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} placeholder="模拟的事故：时间、地点、起因、险情发展和受困受伤情况" data-testid="drill-scenario" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="使用的应急资源" name="resourcesUsed">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} placeholder="器材、物资、车辆，如：干粉灭火器 8 具、消防水带 2 盘、担架 1 副" data-testid="drill-resources" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="中断或异常情况" name="interruptions">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} placeholder="演练中断、人员受伤、器材故障等；没有可不填" data-testid="drill-interruptions" />
            </Form.Item>
          </Col>
        </Row>

        <div className="sl-drill-section-title">
          参演人员与签到
          <span className="sl-muted">每位参演人员在屏幕上签名，或在纸质签到表上签字后记为纸质签到并上传签到表扫描件</span>
        </div>
        <Form.Item name="participants" noStyle>
          <ParticipantsEditor drillTitle={title ?? ''} />
        </Form.Item>
        <Form.Item label="纸质签到表扫描件" name="signInAttachmentId" style={{ marginTop: 12 }}>
          <SignInSheet />
        </Form.Item>

        <div className="sl-drill-section-title">
          演练过程记录
          <span className="sl-muted">按时间记录每一步：报警、启动响应、处置、疏散、救护、结束；保存时按时间排序</span>
        </div>
        <Form.List name="steps">
          {(fields, { add, remove, move }) => (
            <div data-testid="drill-steps">
              {fields.length > 0 && (
                <Row gutter={8} className="sl-drill-step-head">
                  <Col flex="96px">时间</Col>
                  <Col flex="auto">行动内容</Col>
                  <Col flex="160px">执行人</Col>
                  <Col flex="100px" />
                </Row>
              )}
              {fields.map((f, i) => (
                <Row key={f.key} gutter={8} align="top" data-testid={`drill-step-${i}`}>
                  <Col flex="96px">
                    <Form.Item
                      name={[f.name, 'time']}
                      normalize={(v: string) => v.replace('：', ':')}
                      rules={[
                        { required: true, message: '请填写时间' },
                        { validator: (_, v: string | undefined) => (!v || CLOCK.test(normaliseClock(v)) ? Promise.resolve() : Promise.reject(new Error('如 09:30'))) },
                      ]}
                    >
                      <Input placeholder="09:30" maxLength={5} data-testid={`drill-step-time-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col flex="auto">
                    <Form.Item name={[f.name, 'action']} rules={[{ required: true, whitespace: true, message: '请填写行动内容' }]}>
                      <Input maxLength={200} placeholder="如：发现火情，按下手动报警按钮并向值班室报告" data-testid={`drill-step-action-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col flex="160px">
                    <Form.Item name={[f.name, 'actor']}>
                      <Input maxLength={40} placeholder="执行人或小组" data-testid={`drill-step-actor-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col flex="100px">
                    <Space size={0}>
                      <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label="上移" />
                      <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label="下移" />
                      <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除这一步" />
                    </Space>
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ time: '', action: '', actor: '' })} data-testid="drill-step-add">
                添加一步
              </Button>
            </div>
          )}
        </Form.List>

        <div className="sl-drill-section-title">
          照片和视频
          {drillForm === 'LIVE' && <span className="sl-muted">实战演练须留存现场照片</span>}
        </div>
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item label="现场照片" name="photoIds">
              <PhotoPicker testId="drill-photo" label="上传照片" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="演练视频" name="videos">
              <VideoList />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {!drill && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="登记的是已经完成的演练" description="保存后可继续在「演练评估」中逐项评估、登记发现的问题，并编写总结报告。" />
      )}
      <div className="sl-sticky-actions">
        <Button type="primary" icon={<SaveOutlined />} loading={create.isPending || update.isPending} onClick={() => void save()} data-testid="drill-save">
          {drill ? '保存演练记录' : '登记演练'}
        </Button>
      </div>
    </div>
  );
}
