import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Col, DatePicker, Form, Input, Radio, Row, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, CheckOutlined, DeleteOutlined, FileSyncOutlined, PlusOutlined, SaveOutlined, WarningOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { DrillOverall, DrillRating, type HazardStatus } from '../../../../preload/contract/enums.ts';
import type { Drill } from '../../../../preload/contract/drills.ts';
import type { InputOf } from '../../../../preload/contract/index.ts';
import { ApiError, useApi, useApiMutation } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { HazardStatusTag } from '../hazards/hazardMeta.tsx';
import { ToHazardModal, ToRevisionModal } from './FollowUpModals.tsx';
import { blank, hazardLink, planLink } from './drillMeta.tsx';

type Rating = (typeof DrillRating.values)[number];
type Overall = (typeof DrillOverall.values)[number];
type Problem = Drill['problems'][number];

interface ProblemValues {
  id?: string | null;
  description?: string;
  cause?: string | null;
  suggestion?: string | null;
}

interface Values {
  evaluatedOn?: dayjs.Dayjs;
  evaluators?: string;
  onSiteComments?: string | null;
  preparation?: string | null;
  performance?: string | null;
  points?: Record<string, { rating?: Rating; comment?: string | null }>;
  objectivesMet?: boolean;
  overall?: Overall;
  needsPlanRevision?: boolean;
  revisionReason?: string | null;
  problems?: ProblemValues[];
}

const RATING_CLASS: Record<Rating, string> = { GOOD: 'is-good', FAIR: 'is-fair', POOR: 'is-poor', NA: 'is-na' };

function toValues(d: Drill, operator: string): Values {
  const e = d.evaluation;
  if (!e) return { evaluatedOn: dayjs(), evaluators: operator, points: {}, objectivesMet: true, overall: 'GOOD', needsPlanRevision: false, problems: [] };
  return {
    evaluatedOn: dayjs(e.evaluatedOn),
    evaluators: e.evaluators,
    onSiteComments: e.onSiteComments,
    preparation: e.preparation,
    performance: e.performance,
    points: Object.fromEntries(e.points.map((p) => [p.code, { rating: p.rating, comment: p.comment }])),
    objectivesMet: e.objectivesMet,
    overall: e.overall,
    needsPlanRevision: e.needsPlanRevision,
    revisionReason: e.revisionReason,
    problems: d.problems.map((p) => ({ id: p.id, description: p.description, cause: p.cause, suggestion: p.suggestion })),
  };
}

/**
 * 演练评估 after AQ/T 9009: every point rated per emergency function, the
 * on-site comments and written findings, objectives and overall result, and
 * the problems, each of which is then followed up as a hazard or a plan revision.
 */
export function EvaluationForm({ drill, onDirtyChange, onSaved }: { drill: Drill; onDirtyChange: (dirty: boolean) => void; onSaved: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const functions = useApi('drill.evaluationPoints', {}, { staleTime: Infinity });
  const status = useApi('app.status', {});
  const evaluate = useApiMutation('drill.evaluate');
  const [dirty, setDirtyState] = useState(false);
  const dirtyRef = useRef(false);
  const [toHazard, setToHazard] = useState<Problem | null>(null);
  const [toRevision, setToRevision] = useState<Problem | null>(null);
  const setDirty = (d: boolean) => {
    dirtyRef.current = d;
    setDirtyState(d);
    onDirtyChange(d);
  };
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const operator = status.data?.operator?.name ?? '';
  const stamp = JSON.stringify([drill.id, drill.evaluation, drill.problems.map((p) => [p.id, p.description, p.cause, p.suggestion])]);
  useEffect(() => {
    if (dirtyRef.current) return;
    form.resetFields();
    form.setFieldsValue(toValues(drill, operator));
  }, [stamp, operator]); // eslint-disable-line react-hooks/exhaustive-deps

  const allPoints = useMemo(() => (functions.data ?? []).flatMap((f) => f.points), [functions.data]);
  const points = Form.useWatch('points', form) as Values['points'];
  const needsRevision = Form.useWatch('needsPlanRevision', form) as boolean | undefined;
  const objectivesMet = Form.useWatch('objectivesMet', form) as boolean | undefined;
  const rated = allPoints.filter((p) => points?.[p.code]?.rating).length;
  const poor = allPoints.filter((p) => points?.[p.code]?.rating === 'POOR').length;

  const restGood = () => {
    for (const p of allPoints) if (!form.getFieldValue(['points', p.code, 'rating'])) form.setFieldValue(['points', p.code, 'rating'], 'GOOD');
    setDirty(true);
  };

  const save = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      void message.warning(rated < allPoints.length ? `还有 ${allPoints.length - rated} 个评估要点没有评价；确实不涉及的选「不涉及」` : '请先补全标红的内容');
      return;
    }
    const input: InputOf<'drill.evaluate'> = {
      drillId: drill.id,
      evaluatedOn: v.evaluatedOn!.format('YYYY-MM-DD'),
      evaluators: v.evaluators?.trim() ?? '',
      onSiteComments: blank(v.onSiteComments),
      preparation: blank(v.preparation),
      performance: blank(v.performance),
      points: allPoints.map((p) => ({ code: p.code, rating: v.points![p.code]!.rating!, comment: blank(v.points?.[p.code]?.comment) })),
      objectivesMet: v.objectivesMet ?? true,
      overall: v.overall!,
      needsPlanRevision: v.needsPlanRevision ?? false,
      revisionReason: v.needsPlanRevision ? blank(v.revisionReason) : null,
      problems: (v.problems ?? []).map((p) => ({ id: p.id ?? null, description: p.description?.trim() ?? '', cause: blank(p.cause), suggestion: blank(p.suggestion) })),
    };
    try {
      const saved = await evaluate.mutateAsync(input);
      setDirty(false);
      form.setFieldsValue(toValues(saved, operator));
      void message.success(saved.problems.length ? `评估已保存，登记问题 ${saved.problems.length} 个；请逐个转为隐患或预案修订事项` : '评估已保存');
      onSaved();
    } catch (e) {
      // Field paths like points.3.comment name the point by its position in the list sent; the form names points by code.
      const mapped =
        e instanceof ApiError
          ? new ApiError({
              code: e.code,
              message: e.message,
              fields: e.fields.map((f) => {
                const m = /^points\.(\d+)\.(.+)$/.exec(f.path);
                const code = m ? allPoints[Number(m[1])]?.code : undefined;
                return code ? { ...f, path: `points.${code}.${m![2]}` } : f;
              }),
            })
          : e;
      showApiError(mapped, (m) => void message.error(m), form);
    }
  };

  const byId = new Map(drill.problems.map((p) => [p.id, p]));
  // Follow-up acts on the saved problem: unsaved edits would not reach the hazard or the task.
  const followUp = (then: () => void) => {
    if (dirty) {
      void message.warning('评估有未保存的修改，请先保存评估');
      return;
    }
    then();
  };

  if (functions.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (functions.isError) return <Alert type="error" showIcon title={functions.error.message} />;

  return (
    <div data-testid="drill-evaluation">
      {!drill.evaluation && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="演练结束后进行现场点评和书面评估"
          description="逐项评价各应急功能的表现（依据 AQ/T 9009《生产安全事故应急演练评估规范》），列出暴露的问题、原因和改进建议；保存后每个问题可转为隐患进入整改闭环，或转为预案修订事项。"
        />
      )}
      <Form form={form} layout="vertical" requiredMark="optional" colon={false} onValuesChange={() => !dirtyRef.current && setDirty(true)}>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item label="评估日期" name="evaluatedOn" rules={[{ required: true, message: '请选择评估日期' }]}>
              <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.format('YYYY-MM-DD') < drill.drillDate} data-testid="drill-eval-date" />
            </Form.Item>
          </Col>
          <Col span={18}>
            <Form.Item label="评估人员" name="evaluators" rules={[{ required: true, whitespace: true, message: '请填写评估人员' }]}>
              <Input maxLength={200} placeholder="多人用顿号分隔，如：王安全、刘工（外聘）" data-testid="drill-eval-evaluators" />
            </Form.Item>
          </Col>
        </Row>

        <div className="sl-drill-section-title" style={{ justifyContent: 'space-between' }}>
          <span>
            评估要点
            <span className="sl-muted" style={{ marginInlineStart: 12 }}>
              已评价 {rated} / {allPoints.length}
              {poor ? `，其中「差」${poor} 项` : ''}
            </span>
          </span>
          <Button size="small" icon={<CheckOutlined />} onClick={restGood} disabled={rated === allPoints.length} data-testid="drill-eval-rest-good">
            未评价的设为「好」
          </Button>
        </div>
        <div className="sl-drill-points" data-testid="drill-eval-points">
          {(functions.data ?? []).map((f) => (
            <div key={f.code} className="sl-drill-fn">
              <div className="sl-drill-fn-name">{f.name}</div>
              <div className="sl-drill-fn-points">
                {f.points.map((p) => {
                  const r = points?.[p.code]?.rating;
                  return (
                    <div key={p.code} className={`sl-drill-point ${r ? RATING_CLASS[r] : ''}`} data-testid={`drill-point-${p.code}`}>
                      <div className="sl-drill-point-text">{p.text}</div>
                      <Form.Item name={['points', p.code, 'rating']} rules={[{ required: true, message: '请评价' }]} className="sl-drill-point-rating">
                        <Radio.Group size="small" optionType="button" options={DrillRating.options} />
                      </Form.Item>
                      <Form.Item
                        name={['points', p.code, 'comment']}
                        className="sl-drill-point-comment"
                        rules={[{ required: r === 'POOR', whitespace: true, message: '评价为「差」时请说明存在的问题' }]}
                      >
                        <Input size="small" maxLength={300} placeholder={r === 'POOR' ? '请说明存在的问题（必填）' : '说明（可不填）'} data-testid={`drill-point-comment-${p.code}`} />
                      </Form.Item>
                    </div>
                  );
                })}
              </div>
            </div>
          ))}
        </div>

        <div className="sl-drill-section-title">现场点评与书面评估</div>
        <Row gutter={12}>
          <Col span={24}>
            <Form.Item label="现场点评" name="onSiteComments">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} placeholder="演练结束后总指挥或评估人员在现场的口头点评要点" data-testid="drill-eval-onsite" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="演练准备情况" name="preparation">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} placeholder="方案、脚本、培训、场地器材和安全保障" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="参演人员表现" name="performance">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} placeholder="响应速度、职责履行、协同配合、器材使用" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="演练目标是否达成" name="objectivesMet" rules={[{ required: true, message: '请选择' }]}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: true, label: '达成' },
                  { value: false, label: '未达成' },
                ]}
                data-testid="drill-eval-objectives"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="总体评价" name="overall" rules={[{ required: true, message: '请选择总体评价' }]}>
              <Radio.Group optionType="button" options={DrillOverall.options} data-testid="drill-eval-overall" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="是否需要修订预案" name="needsPlanRevision">
              <Radio.Group
                optionType="button"
                options={[
                  { value: false, label: '不需要' },
                  { value: true, label: '需要' },
                ]}
                data-testid="drill-eval-revision"
              />
            </Form.Item>
          </Col>
          {needsRevision && (
            <Col span={24}>
              <Form.Item label="修订理由" name="revisionReason" rules={[{ required: true, whitespace: true, message: '请写明修订理由' }]}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} data-testid="drill-eval-revision-reason" />
              </Form.Item>
            </Col>
          )}
        </Row>

        <div className="sl-drill-section-title">
          发现的问题
          <span className="sl-muted">{objectivesMet === false ? '演练目标未达成，必须列出问题' : '每个问题保存后可转为隐患或预案修订事项'}</span>
        </div>
        <Form.List name="problems">
          {(fields, { add, remove, move }) => (
            <div data-testid="drill-problems">
              {fields.map((f, i) => {
                const id = form.getFieldValue(['problems', f.name, 'id']) as string | null | undefined;
                const saved = id ? byId.get(id) : undefined;
                const locked = !!(saved && (saved.hazardId || saved.triggerId));
                return (
                  <div key={f.key} className="sl-drill-problem" data-testid={`drill-problem-${i}`}>
                    <div className="sl-drill-problem-head">
                      <b>问题 {i + 1}</b>
                      <Space size={0}>
                        <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label="上移" />
                        <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label="下移" />
                        <Tooltip title={locked ? '已转为隐患或修订事项的问题不能删除' : '删除这个问题'}>
                          <Button type="text" size="small" danger icon={<DeleteOutlined />} disabled={locked} onClick={() => remove(f.name)} aria-label="删除问题" />
                        </Tooltip>
                      </Space>
                    </div>
                    <Form.Item name={[f.name, 'id']} hidden>
                      <Input />
                    </Form.Item>
                    <Row gutter={12}>
                      <Col span={24}>
                        <Form.Item name={[f.name, 'description']} label="问题描述" rules={[{ required: true, whitespace: true, message: '请描述问题' }]}>
                          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} placeholder="如：疏散集合点清点人数用时 6 分钟，超过预案要求的 3 分钟" data-testid={`drill-problem-desc-${i}`} />
                        </Form.Item>
                      </Col>
                      <Col span={12}>
                        <Form.Item name={[f.name, 'cause']} label="原因分析">
                          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} data-testid={`drill-problem-cause-${i}`} />
                        </Form.Item>
                      </Col>
                      <Col span={12}>
                        <Form.Item name={[f.name, 'suggestion']} label="改进建议">
                          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} data-testid={`drill-problem-suggestion-${i}`} />
                        </Form.Item>
                      </Col>
                    </Row>
                    {saved ? (
                      <ProblemFollowUp drill={drill} p={saved} onHazard={() => followUp(() => setToHazard(saved))} onRevision={() => followUp(() => setToRevision(saved))} />
                    ) : (
                      <div className="sl-muted" style={{ fontSize: 12 }}>
                        保存评估后可转为隐患或预案修订事项
                      </div>
                    )}
                  </div>
                );
              })}
              <Button icon={<PlusOutlined />} onClick={() => add({ id: null, description: '', cause: '', suggestion: '' })} data-testid="drill-problem-add">
                添加问题
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
      <div className="sl-sticky-actions">
        <Button type="primary" icon={<SaveOutlined />} loading={evaluate.isPending} onClick={() => void save()} data-testid="drill-eval-save">
          保存评估
        </Button>
        {dirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
      </div>
      {toHazard && <ToHazardModal drill={drill} problem={toHazard} onClose={() => setToHazard(null)} />}
      {toRevision && <ToRevisionModal drill={drill} problem={toRevision} onClose={() => setToRevision(null)} />}
    </div>
  );
}

/** What became of a saved problem: its hazard (with status) and its plan-revision task, or the buttons to create them. */
function ProblemFollowUp({ drill, p, onHazard, onRevision }: { drill: Drill; p: Problem; onHazard: () => void; onRevision: () => void }) {
  return (
    <div className="sl-drill-followup" data-testid={`drill-followup-${p.seq}`}>
      {p.hazardId ? (
        <Space size={6}>
          <span className="sl-muted">已转为隐患</span>
          <Link to={hazardLink(p.hazardId)} data-testid={`drill-problem-hazard-${p.seq}`}>
            {p.hazardCode}
          </Link>
          {p.hazardStatus && <HazardStatusTag status={p.hazardStatus as HazardStatus} />}
        </Space>
      ) : (
        <Button size="small" icon={<WarningOutlined />} onClick={onHazard} data-testid={`drill-problem-to-hazard-${p.seq}`}>
          转为隐患
        </Button>
      )}
      {p.triggerId ? (
        <Space size={6}>
          <span className="sl-muted">已转为预案修订事项</span>
          <Link to={planLink(drill.planId)} data-testid={`drill-problem-revision-${p.seq}`}>
            {drill.planCode} {drill.planName}
          </Link>
          {p.triggerResolved ? <Tag color="green">已随新版本修订</Tag> : <Tag color="orange">待修订</Tag>}
        </Space>
      ) : (
        <Button size="small" icon={<FileSyncOutlined />} onClick={onRevision} data-testid={`drill-problem-to-revision-${p.seq}`}>
          转为预案修订事项
        </Button>
      )}
    </div>
  );
}
