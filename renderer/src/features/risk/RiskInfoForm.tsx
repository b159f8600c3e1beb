import { useEffect, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Col, DatePicker, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, DeleteOutlined, InboxOutlined, RollbackOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { ControlLevel, RiskKind, RiskLevel, type HazardCategory, type MeasureCategory } from '../../../../preload/contract/enums.ts';
import type { InputOf } from '../../../../preload/contract/index.ts';
import type { RiskPoint } from '../../../../preload/contract/risk.ts';
import { errorMessage, useApiMutation } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { PersonSelect, PostMultiSelect, UnitSelect } from '../../components/selects.tsx';
import { HazardList, MeasureList, type HazardValues, type MeasureValues } from './RiskFormLists.tsx';
import { RiskApproveModal } from './RiskApproveModal.tsx';
import { LevelTag, RiskStatusTag, methodScore } from './riskMeta.tsx';
import { SUGGESTED_CONTROL_LEVEL } from './scoring.ts';

interface InfoValues {
  code?: string | null;
  name?: string;
  kind?: RiskKind;
  location?: string | null;
  unitId?: string | null;
  postIds?: string[];
  controlLevel?: ControlLevel;
  respUnitId?: string | null;
  respPersonId?: string | null;
  identifiedOn?: dayjs.Dayjs | null;
  nextReviewOn?: dayjs.Dayjs | null;
  notes?: string | null;
  hazards?: HazardValues[];
  measures?: MeasureValues[];
}

const blank = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

function toValues(p: RiskPoint): InfoValues {
  return {
    code: p.code,
    name: p.name,
    kind: p.kind,
    location: p.location,
    unitId: p.unitId,
    postIds: p.posts.map((x) => x.id),
    controlLevel: p.controlLevel,
    respUnitId: p.respUnitId,
    respPersonId: p.respPersonId,
    identifiedOn: dayjs(p.identifiedOn),
    nextReviewOn: p.nextReviewOn ? dayjs(p.nextReviewOn) : null,
    notes: p.notes,
    hazards: p.hazards.map((h) => ({ description: h.description, category: h.category, accidentTypes: h.accidentTypes })),
    measures: p.measures.map((m) => ({ id: m.id, category: m.category, content: m.content })),
  };
}

function blankValues(unitId: string | null): InfoValues {
  return {
    unitId,
    respUnitId: unitId,
    postIds: [],
    identifiedOn: dayjs(),
    hazards: [{ description: '', category: 'MATERIAL', accidentTypes: [] }],
    measures: [],
  };
}

type RiskInput = InputOf<'risk.create'>;

function toInput(v: InfoValues): RiskInput {
  return {
    code: blank(v.code),
    name: v.name?.trim() ?? '',
    kind: v.kind as RiskKind,
    location: blank(v.location),
    unitId: v.unitId ?? '',
    postIds: v.postIds ?? [],
    controlLevel: v.controlLevel as ControlLevel,
    respUnitId: v.respUnitId ?? null,
    respPersonId: v.respPersonId ?? null,
    identifiedOn: v.identifiedOn ? v.identifiedOn.format('YYYY-MM-DD') : '',
    nextReviewOn: v.nextReviewOn ? v.nextReviewOn.format('YYYY-MM-DD') : null,
    notes: blank(v.notes),
    hazards: (v.hazards ?? []).map((h) => ({ description: h.description?.trim() ?? '', category: h.category as HazardCategory, accidentTypes: (h.accidentTypes ?? []) as RiskInput['hazards'][number]['accidentTypes'] })),
    measures: (v.measures ?? []).map((m) => ({ id: m.id || null, category: m.category as MeasureCategory, content: m.content?.trim() ?? '' })),
  };
}

/**
 * The point's identification: what and where it is, who controls it at which
 * level, its hazard factors and control measures. Saves as a whole; for a new
 * point it creates it (still 待批准 until assessed and approved).
 */
export function RiskInfoForm({
  point,
  defaultUnitId,
  onCreated,
  onDeleted,
  onDirtyChange,
}: {
  point: RiskPoint | null;
  defaultUnitId: string | null;
  onCreated: (id: string) => void;
  onDeleted: () => void;
  /** Tells the drawer whether closing would lose edits; must be a stable callback. */
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<InfoValues>();
  const create = useApiMutation('risk.create');
  const update = useApiMutation('risk.update');
  const archive = useApiMutation('risk.archive');
  const restore = useApiMutation('risk.restore');
  const del = useApiMutation('risk.delete');
  const [approving, setApproving] = useState(false);
  const [dirty, setDirtyState] = useState(false);
  const dirtyRef = useRef(false);
  const archived = point?.status === 'ARCHIVED';
  const controlLevel = Form.useWatch('controlLevel', form) as ControlLevel | undefined;

  const setDirty = (d: boolean) => {
    dirtyRef.current = d;
    setDirtyState(d);
    onDirtyChange(d);
  };
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  // Take the stored values when the point changes elsewhere (assessment, approval) — unless the user is editing.
  const stamp = point ? `${point.id}:${point.updatedAtMs}` : 'new';
  useEffect(() => {
    if (dirtyRef.current) return;
    form.resetFields();
    form.setFieldsValue(point ? toValues(point) : blankValues(defaultUnitId));
  }, [stamp]); // eslint-disable-line react-hooks/exhaustive-deps

  const notify = (m: string) => void message.error(m);

  /** Validates and saves; resolves with the saved point, or null when the form or main refused. */
  const save = async (): Promise<RiskPoint | null> => {
    let v: InfoValues;
    try {
      v = await form.validateFields();
    } catch {
      void message.warning('请先补全标红的内容');
      return null;
    }
    const input = toInput(v);
    try {
      const saved = point ? await update.mutateAsync({ id: point.id, ...input }) : await create.mutateAsync(input);
      setDirty(false);
      form.setFieldsValue(toValues(saved));
      if (!point) {
        void message.success(`已建立风险点 ${saved.code}（待批准）；下一步：评价风险等级`);
        onCreated(saved.id);
      } else void message.success(`风险点 ${saved.code} 已保存`);
      return saved;
    } catch (e) {
      showApiError(e, notify, form);
      return null;
    }
  };

  const startApproval = async () => {
    if (dirtyRef.current) {
      const saved = await save();
      if (!saved) return;
    }
    setApproving(true);
  };

  const level = point?.assessment?.level ?? null;
  const suggested = level ? SUGGESTED_CONTROL_LEVEL[level] : null;

  return (
    <div data-testid="risk-info">
      {point && archived && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="该风险点已归档"
          description="已归档的风险点不再出现在风险公告栏、告知卡和两单两卡中，内容只读；需要修改时先恢复。"
          data-testid="risk-archived-alert"
        />
      )}
      {point && <PointSummary point={point} />}
      {!point && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="新增风险点"
          description="先填写风险点、危险有害因素和管控措施并保存；再到「评价」页用 LEC 或风险矩阵确定风险等级；最后批准。编号留空时自动编为 FX-NNN。"
        />
      )}
      <Form form={form} layout="vertical" disabled={archived} onValuesChange={() => !dirtyRef.current && setDirty(true)} requiredMark="optional" colon={false}>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item label="编号" name="code" tooltip="留空自动编号（FX-001、FX-002…）">
              <Input maxLength={30} placeholder="留空自动编为 FX-NNN" data-testid="risk-code" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="风险点名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写风险点名称' }]}>
              <Input maxLength={60} placeholder="如：普通车床、配电室、有限空间作业" data-testid="risk-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择风险点类型' }]}>
              <Select options={RiskKind.options} placeholder="场所/区域、设备设施或作业活动" data-testid="risk-kind" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="所属单位" name="unitId" rules={[{ required: true, message: '请选择所属单位' }]}>
              <UnitSelect />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="位置" name="location">
              <Input maxLength={100} placeholder="如：一车间东侧 A 区" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="辨识日期" name="identifiedOn" rules={[{ required: true, message: '请选择辨识日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item label="作业岗位" name="postIds" extra="关联的岗位在告知卡和两单两卡的岗位风险清单中列出本风险点">
              <PostMultiSelect />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              label="管控层级"
              tooltip="重大风险→公司级，较大风险→部门（车间）级，一般风险→班组级，低风险→岗位级"
              name="controlLevel"
              rules={[{ required: true, message: '请选择管控层级' }]}
              extra={
                suggested ? (
                  <span data-testid="risk-control-suggest">
                    按{RiskLevel.label[level!]}建议：{ControlLevel.label[suggested]}
                    {controlLevel && controlLevel !== suggested && !archived && (
                      <Button type="link" size="small" style={{ paddingInline: 4, height: 'auto' }} onClick={() => { form.setFieldValue('controlLevel', suggested); setDirty(true); }}>
                        采用建议
                      </Button>
                    )}
                  </span>
                ) : (
                  '评价后按风险等级给出建议层级'
                )
              }
            >
              <Select options={ControlLevel.options} placeholder="选择管控层级" data-testid="risk-control-level" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="责任单位" name="respUnitId">
              <UnitSelect placeholder="负责管控的单位" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="责任人" name="respPersonId">
              <PersonSelect placeholder="输入姓名或工号搜索" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="下次评审日期" name="nextReviewOn" extra="留空时批准后按设置的评审周期自动排定">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="备注" name="notes">
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <HazardList disabled={archived} />
        <MeasureList form={form} disabled={archived} onEdited={() => setDirty(true)} />
      </Form>
      <div style={{ height: 16 }} />
      <div className="sl-sticky-actions">
        {!archived && (
          <Button type={point ? 'default' : 'primary'} icon={<SaveOutlined />} loading={create.isPending || update.isPending} onClick={() => void save()} data-testid="risk-save">
            {point ? '保存' : '保存并继续评价'}
          </Button>
        )}
        {point && !archived && (
          <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => void startApproval()} data-testid="risk-approve">
            {point.status === 'ACTIVE' ? '重新批准…' : '批准…'}
          </Button>
        )}
        {point && !archived && (
          <Button
            icon={<InboxOutlined />}
            loading={archive.isPending}
            data-testid="risk-archive"
            onClick={() =>
              modal.confirm({
                title: `归档风险点 ${point.code}「${point.name}」？`,
                content: '归档后不再出现在风险清单（未归档）、公告栏、告知卡和两单两卡中；评价记录等历史保留，可以随时恢复。',
                okText: '归档',
                cancelText: '取消',
                onOk: () =>
                  archive.mutateAsync({ id: point.id }).then(
                    () => {
                      setDirty(false);
                      void message.success('已归档');
                    },
                    (e: unknown) => void message.error(errorMessage(e)),
                  ),
              })
            }
          >
            归档
          </Button>
        )}
        {point && archived && (
          <Button
            type="primary"
            icon={<RollbackOutlined />}
            loading={restore.isPending}
            data-testid="risk-restore"
            onClick={() => restore.mutate({ id: point.id }, { onSuccess: (p) => void message.success(`已恢复，状态为「${p.status === 'ACTIVE' ? '已批准' : '待批准'}」`), onError: (e) => void message.error(errorMessage(e)) })}
          >
            恢复
          </Button>
        )}
        {point && (
          <Button
            danger
            icon={<DeleteOutlined />}
            loading={del.isPending}
            data-testid="risk-delete"
            onClick={() =>
              modal.confirm({
                title: `删除风险点 ${point.code}「${point.name}」？`,
                content: '删除后危险有害因素、管控措施和评价记录一并删除，不能恢复。已被检查项、两单两卡或已打印文件引用的风险点不能删除，请改为归档。',
                okText: '删除',
                okButtonProps: { danger: true },
                cancelText: '取消',
                onOk: () =>
                  del.mutateAsync({ id: point.id }).then(
                    () => {
                      setDirty(false);
                      void message.success(`风险点 ${point.code} 已删除`);
                      onDeleted();
                    },
                    (e: unknown) => {
                      modal.warning({ title: '不能删除', content: errorMessage(e), okText: '知道了' });
                    },
                  ),
              })
            }
          >
            删除
          </Button>
        )}
        <span className="sl-muted" style={{ marginInlineStart: 'auto' }}>
          {dirty ? <Typography.Text type="warning">有未保存的修改</Typography.Text> : point ? `${point.code} · 已保存` : '尚未保存'}
        </span>
      </div>
      {approving && point && <RiskApproveModal point={point} onClose={() => setApproving(false)} />}
    </div>
  );
}

/** Where the point stands: unit path, level, approval, the posts it reaches and the four-colour maps that show it. */
function PointSummary({ point }: { point: RiskPoint }) {
  return (
    <div className="sl-risk-meta" data-testid="risk-summary">
      <span>
        <span className="sl-muted">单位 </span>
        {point.unitPath}
      </span>
      <span>
        <span className="sl-muted">等级 </span>
        <LevelTag level={point.level} /> {point.assessment && <span className="sl-muted">{methodScore(point.assessment.method, point.assessment.score)}</span>}
      </span>
      <span>
        <span className="sl-muted">状态 </span>
        <RiskStatusTag status={point.status} />
        {point.approvedBy && (
          <span className="sl-muted">
            {point.approvedBy} {point.approvedOn} 批准
          </span>
        )}
      </span>
      {point.nextReviewOn && (
        <span>
          <span className="sl-muted">下次评审 </span>
          {point.reviewOverdue ? <Typography.Text type="danger">{point.nextReviewOn}（逾期）</Typography.Text> : point.nextReviewOn}
        </span>
      )}
      <span style={{ flexBasis: '100%' }}>
        <span className="sl-muted">关联岗位 </span>
        {point.posts.length ? (
          <Space size={[4, 4]} wrap style={{ display: 'inline-flex' }}>
            {point.posts.map((p) => (
              <Link key={p.id} to={`/posts?open=${p.id}`}>
                <Tag style={{ cursor: 'pointer' }}>
                  {p.unitName} · {p.name}
                </Tag>
              </Link>
            ))}
          </Space>
        ) : (
          <span className="sl-muted">未关联岗位（不会进入任何岗位的告知卡和两单两卡）</span>
        )}
      </span>
      <span style={{ flexBasis: '100%' }} data-testid="risk-areas">
        <span className="sl-muted">四色分布图 </span>
        {point.areas.length ? (
          <Space size={[4, 4]} wrap style={{ display: 'inline-flex' }}>
            {point.areas.map((a) => (
              <Link key={`${a.planId}:${a.label}`} to={`/risks/map?plan=${a.planId}`}>
                <Tag>
                  {a.planName} · {a.label}
                </Tag>
              </Link>
            ))}
          </Space>
        ) : (
          <span className="sl-muted">尚未标在任何四色分布图上</span>
        )}
      </span>
    </div>
  );
}
