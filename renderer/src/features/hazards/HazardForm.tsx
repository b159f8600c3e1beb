import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { HazardKind, HazardScope, HazardSource } from '../../../../preload/contract/enums.ts';
import type { Hazard } from '../../../../preload/contract/hazards.ts';
import type { InputOf } from '../../../../preload/contract/index.ts';
import { useApi, useApiMutation } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { PersonSelect, UnitSelect } from '../../components/selects.tsx';
import { PhotoPicker } from './HazardPhotos.tsx';
import { levelOptions, useHazardSettings } from './hazardMeta.tsx';

type KindCode = (typeof HazardKind.values)[number];
type ScopeCode = (typeof HazardScope.values)[number];

interface FormValues {
  source?: HazardSource;
  unitId?: string | null;
  riskPointId?: string | null;
  location?: string | null;
  description?: string;
  kind?: KindCode;
  scope?: ScopeCode;
  level?: string;
  criteriaCode?: string | null;
  foundByName?: string;
  foundOn?: dayjs.Dayjs | null;
  photoIds?: string[];
  measures?: string | null;
  respUnitId?: string | null;
  respPersonId?: string | null;
  funds?: number | null;
  deadline?: dayjs.Dayjs | null;
  interimMeasures?: string | null;
}

type HazardInput = InputOf<'hazard.create'>;

const blank = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

function toValues(h: Hazard): FormValues {
  return {
    source: h.source,
    unitId: h.unitId,
    riskPointId: h.riskPointId,
    location: h.location,
    description: h.description,
    kind: h.kind,
    scope: h.scope,
    level: h.level,
    criteriaCode: h.criteriaCode,
    foundByName: h.foundByName,
    foundOn: dayjs(h.foundOn),
    photoIds: h.photos.filter((p) => p.stage === 'FOUND').map((p) => p.attachmentId),
    measures: h.measures,
    respUnitId: h.respUnitId,
    respPersonId: h.respPersonId,
    funds: h.funds,
    deadline: dayjs(h.deadline),
    interimMeasures: h.interimMeasures,
  };
}

function toInput(v: FormValues): HazardInput {
  return {
    source: v.source as HazardSource,
    unitId: v.unitId ?? '',
    riskPointId: v.riskPointId ?? null,
    location: blank(v.location),
    description: v.description?.trim() ?? '',
    kind: v.kind as KindCode,
    scope: v.scope as ScopeCode,
    level: v.level ?? '',
    criteriaCode: v.criteriaCode ?? null,
    foundByName: v.foundByName?.trim() ?? '',
    foundOn: v.foundOn ? v.foundOn.format('YYYY-MM-DD') : '',
    photoIds: v.photoIds ?? [],
    measures: blank(v.measures),
    respUnitId: v.respUnitId ?? null,
    respPersonId: v.respPersonId ?? null,
    funds: v.funds ?? null,
    deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
    interimMeasures: blank(v.interimMeasures),
  };
}

/** Approved and draft risk points, searched by code, name or location. */
function RiskPointSelect({ value, onChange, id, current, onPicked }: { value?: string | null; onChange?: (v: string | null) => void; id?: string; current: { id: string; label: string } | null; onPicked: (p: { unitId: string; location: string | null }) => void }) {
  const [search, setSearch] = useState('');
  const q = useApi('risk.list', { search: search || null, status: 'CURRENT', page: 1, pageSize: 50 }, { placeholderData: (prev) => prev });
  const rows = q.data?.items ?? [];
  const options = rows.map((r) => ({ value: r.id, label: `${r.code} ${r.name}（${r.unitName}）` }));
  if (current && value === current.id && !options.some((o) => o.value === current.id)) options.unshift({ value: current.id, label: current.label });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      allowClear
      placeholder="输入编号或名称搜索（可不选）"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      loading={q.isFetching}
      notFoundContent={q.isFetching ? '搜索中…' : '没有匹配的风险点'}
      onChange={(v) => {
        const next = (v as string | undefined) ?? null;
        onChange?.(next);
        const r = rows.find((x) => x.id === next);
        if (r) onPicked({ unitId: r.unitId, location: r.location });
      }}
      data-testid="hazard-risk-point"
    />
  );
}

/**
 * Registering or editing a hazard: what and where it is, who found it, its
 * category and level, photos, and the 五落实 (measures, responsibility, funds,
 * deadline, interim measures). Choosing a 重大事故隐患判定标准 item makes it 重大.
 */
export function HazardForm({ hazard, onSaved, onDirtyChange }: { hazard: Hazard | null; onSaved: (h: Hazard, created: boolean) => void; onDirtyChange: (dirty: boolean) => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useApiMutation('hazard.create');
  const update = useApiMutation('hazard.update');
  const settings = useHazardSettings();
  const library = useApi('checkLibrary.get', {}, { staleTime: 300_000 });
  const status = useApi('app.status', {});
  const [dirty, setDirtyState] = useState(false);
  const dirtyRef = useRef(false);
  const setDirty = (d: boolean) => {
    dirtyRef.current = d;
    setDirtyState(d);
    onDirtyChange(d);
  };
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const levels = settings.data?.levels;
  const majorLevel = levels?.find((l) => l.code === 'MAJOR') ?? levels?.find((l) => l.major) ?? null;
  const criteriaCode = Form.useWatch('criteriaCode', form) as string | null | undefined;
  const level = Form.useWatch('level', form) as string | undefined;
  const foundOn = Form.useWatch('foundOn', form) as dayjs.Dayjs | null | undefined;
  const isMajor = !!levels?.find((l) => l.code === level)?.major;
  const days = settings.data?.defaultDeadlineDays ?? 15;
  const defaultDeadline = (foundOn ?? dayjs()).add(days, 'day').format('YYYY-MM-DD');

  const storedPhotos = useMemo(() => (hazard ? hazard.photos.filter((p) => p.stage === 'FOUND').map((p) => p.attachmentId) : []), [hazard]);
  const extended = hazard && hazard.extensionCount > 0 ? hazard : null;
  const stamp = hazard ? `${hazard.id}:${hazard.updatedAtMs}` : 'new';
  const operator = status.data?.operator?.name ?? '';
  useEffect(() => {
    if (dirtyRef.current) return;
    form.resetFields();
    form.setFieldsValue(hazard ? toValues(hazard) : { source: 'ADHOC', foundOn: dayjs(), foundByName: operator, photoIds: [], level: 'GENERAL' });
  }, [stamp, operator]); // eslint-disable-line react-hooks/exhaustive-deps

  // A 重大事故隐患判定标准 item makes the hazard 重大.
  useEffect(() => {
    if (criteriaCode && majorLevel && level !== majorLevel.code) form.setFieldValue('level', majorLevel.code);
  }, [criteriaCode, majorLevel, level, form]);

  const criteriaOptions = useMemo(() => {
    const groups = new Map<string, { label: string; options: { value: string; label: string; title: string }[] }>();
    for (const c of library.data?.criteria ?? []) {
      const g = `${c.groupLabel}${c.industry ? ` · ${c.industry}` : ''}`;
      if (!groups.has(g)) groups.set(g, { label: g, options: [] });
      groups.get(g)!.options.push({ value: c.code, label: `${c.code} ${c.text}`, title: `${c.text}（${c.basis}）` });
    }
    return [...groups.values()];
  }, [library.data]);

  const save = async () => {
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      void message.warning('请先补全标红的内容');
      return;
    }
    try {
      const input = toInput(v);
      const saved = hazard ? await update.mutateAsync({ id: hazard.id, ...input }) : await create.mutateAsync(input);
      setDirty(false);
      form.setFieldsValue(toValues(saved));
      void message.success(hazard ? `隐患 ${saved.code} 已保存` : `已登记隐患 ${saved.code}（${saved.levelLabel}，整改期限 ${saved.deadline}）`);
      onSaved(saved, !hazard);
    } catch (e) {
      showApiError(e, (m) => void message.error(m), form);
    }
  };

  return (
    <div data-testid="hazard-form">
      {!hazard && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="登记隐患"
          description="检查中发现的不合格项会自动生成隐患；这里登记随机发现、应急演练、外部检查和员工举报等其他来源的隐患。编号按 YH-年份-序号 自动编排。五落实可以先空着，下发整改通知前补全。"
        />
      )}
      <Form form={form} layout="vertical" onValuesChange={() => !dirtyRef.current && setDirty(true)} requiredMark="optional" colon={false}>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label="隐患来源" name="source" rules={[{ required: true, message: '请选择隐患来源' }]}>
              <Select options={HazardSource.options} data-testid="hazard-source" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="发现日期" name="foundOn" rules={[{ required: true, message: '请选择发现日期' }]} extra={hazard?.checkRecordId ? '由检查记录生成，发现日期即检查日期' : undefined}>
              <DatePicker style={{ width: '100%' }} disabled={!!hazard?.checkRecordId} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="hazard-found-on" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="排查人（发现人）" name="foundByName" rules={[{ required: true, whitespace: true, message: '请填写排查人' }]}>
              <Input maxLength={60} placeholder="多人用顿号分隔" data-testid="hazard-found-by" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="所在单位" name="unitId" rules={[{ required: true, message: '请选择隐患所在单位' }]}>
              <UnitSelect />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="风险点" name="riskPointId" tooltip="隐患所在的风险点；选了风险点，统计和风险复评时能追溯到它">
              <RiskPointSelect
                current={hazard?.riskPointId ? { id: hazard.riskPointId, label: `${hazard.riskPointCode ?? ''} ${hazard.riskPointName ?? ''}` } : null}
                onPicked={(p) => {
                  if (!form.getFieldValue('unitId')) form.setFieldValue('unitId', p.unitId);
                  if (!form.getFieldValue('location') && p.location) form.setFieldValue('location', p.location);
                }}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="隐患部位" name="location">
              <Input maxLength={100} placeholder="如：二车间 3 号冲床旁" data-testid="hazard-location" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="隐患描述" name="description" rules={[{ required: true, whitespace: true, message: '请填写隐患描述' }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount placeholder="写明具体的不安全状态、不安全行为或管理缺陷，如：3 号冲床光电保护装置被短接失效" data-testid="hazard-description" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="类别" name="kind" rules={[{ required: true, message: '请选择隐患类别（人、物或管理）' }]}>
              <Select options={HazardKind.options} placeholder="人 / 物 / 管理" data-testid="hazard-kind" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="基础 / 现场" name="scope" rules={[{ required: true, message: '请选择基础管理或现场管理' }]}>
              <Select options={HazardScope.options} placeholder="基础管理或现场管理" data-testid="hazard-scope" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              label="隐患等级"
              name="level"
              rules={[{ required: true, message: '请选择隐患等级' }]}
              extra={criteriaCode ? <Typography.Text type="danger">符合重大事故隐患判定标准，按重大事故隐患管理</Typography.Text> : undefined}
            >
              <Select options={levelOptions(levels)} disabled={!!criteriaCode} loading={settings.isPending} data-testid="hazard-level" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              label="重大事故隐患判定标准条目"
              name="criteriaCode"
              tooltip="《工贸企业重大事故隐患判定标准》（应急管理部令第10号）。符合其中任一情形即为重大事故隐患。"
              extra="不符合判定标准的留空"
            >
              <Select
                allowClear
                placeholder="符合判定标准某一情形时选择（选择后自动定为重大事故隐患）"
                options={criteriaOptions}
                showSearch={{ optionFilterProp: 'label' }}
                loading={library.isPending}
                optionRender={(o) => <div style={{ whiteSpace: 'normal' }}>{o.label}</div>}
                data-testid="hazard-criteria"
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="隐患照片" name="photoIds">
              <PhotoPicker testId="hazard-photo" label="上传隐患照片" locked={storedPhotos} />
            </Form.Item>
          </Col>
        </Row>
        <div className="sl-hazard-five" data-testid="hazard-five">
          <div className="sl-hazard-five-title">
            五落实 <span className="sl-muted" style={{ fontWeight: 400 }}>整改措施、责任、资金、时限和预案；下发整改通知前须填写整改措施、责任单位和责任人</span>
          </div>
          <Row gutter={12}>
            <Col span={24}>
              <Form.Item label="整改措施" name="measures">
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} placeholder="具体怎么改，如：恢复光电保护装置并做功能试验，短接行为按制度考核" data-testid="hazard-measures" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="责任单位" name="respUnitId">
                <UnitSelect placeholder="负责整改的单位" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="责任人" name="respPersonId">
                <PersonSelect />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="整改资金" name="funds">
                <InputNumber min={0} step={100} precision={2} style={{ width: '100%' }} suffix="元" placeholder="无需资金可不填" data-testid="hazard-funds" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                label="整改期限"
                name="deadline"
                extra={
                  extended ? (
                    `已延期 ${extended.extensionCount} 次，期限只能通过「申请延期」调整`
                  ) : isMajor ? (
                    '重大隐患按治理方案确定的治理时限填写'
                  ) : (
                    <span data-testid="hazard-default-deadline">
                      留空按默认 {days} 天：{defaultDeadline}
                    </span>
                  )
                }
              >
                <DatePicker style={{ width: '100%' }} disabled={!!extended} disabledDate={(d) => !!foundOn && d.isBefore(foundOn, 'day')} placeholder={isMajor ? '选择治理期限' : `默认 ${defaultDeadline}`} data-testid="hazard-deadline-input" />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item label="临时管控措施 / 应急预案" name="interimMeasures">
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} placeholder="整改完成前防止事故的措施，如：设置警戒、专人监护、停用该设备" data-testid="hazard-interim" />
              </Form.Item>
            </Col>
          </Row>
        </div>
      </Form>
      <div className="sl-sticky-actions">
        <Button type="primary" icon={<SaveOutlined />} loading={create.isPending || update.isPending} onClick={() => void save()} data-testid="hazard-save">
          {hazard ? '保存' : '登记'}
        </Button>
        <span className="sl-muted" style={{ marginInlineStart: 'auto' }}>
          {dirty ? <Typography.Text type="warning">有未保存的修改</Typography.Text> : hazard ? `${hazard.code} · 已保存` : '尚未登记'}
        </span>
      </div>
    </div>
  );
}
