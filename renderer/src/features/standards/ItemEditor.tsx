import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Drawer, Form, Input, InputNumber, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, LeftOutlined, PlusOutlined, RightOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { InputOf } from '../../../../preload/contract/index.ts';
import { HazardStatus } from '../../../../preload/contract/enums.ts';
import { ApiError, errorMessage, invoke } from '../../lib/api.ts';
import { useUnsavedGuard } from '../../lib/unsaved.ts';
import { EvidenceField, entryOf, type EvidenceEntry } from './EvidenceField.tsx';
import { pts, useSessionCache, type Deduction, type ItemResult, type ScoreOutput, type Session, type StdItem } from './stdMeta.tsx';

interface Values {
  applicable: boolean;
  naReason?: string | null;
  description?: string | null;
  deductions?: { id?: string | null; points?: number | null; reason?: string }[];
  score?: number | null;
  evidence?: EvidenceEntry[];
}

const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
const round1 = (x: number) => Math.round(Math.round(x * 1000) / 100) / 10;

/**
 * The item editor: the item and its 评分标准 read-only; 适用 (不适用 needs a
 * reason), 自评情况描述, deductions (the score follows live: points less the
 * deductions, never below 0) or an explicit 实得分, and evidence. 保存并下一项
 * (Ctrl+Enter) moves through the sheet.
 */
export function ItemEditor({
  session,
  items,
  item,
  result,
  onGo,
  onClose,
}: {
  session: Session;
  /** The whole sheet in order, for 上一项 / 下一项. */
  items: StdItem[];
  item: StdItem;
  result: ItemResult | undefined;
  onGo: (itemId: number) => void;
  onClose: () => void;
}) {
  const { onDirtyChange, guard } = useUnsavedGuard('这个考评项目有未保存的修改，离开后这些修改会丢失。需要保留请先保存。', '放弃修改');
  const index = items.findIndex((i) => i.id === item.id);
  const prev = index > 0 ? items[index - 1] : undefined;
  const next = index >= 0 ? items[index + 1] : undefined;
  return (
    <Drawer
      open
      size={780}
      destroyOnHidden
      onClose={() => guard(onClose)}
      data-testid="std-item-editor"
      title={
        <Space size={8} wrap>
          <span data-testid="std-item-editor-code">{item.code}</span>
          <span>考评项目评分</span>
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }}>
            第 {index + 1} / {items.length} 项
          </Typography.Text>
        </Space>
      }
      extra={
        <Space>
          <Button size="small" icon={<LeftOutlined />} disabled={!prev} onClick={() => prev && guard(() => onGo(prev.id))} data-testid="std-item-prev">
            上一项
          </Button>
          <Button size="small" disabled={!next} onClick={() => next && guard(() => onGo(next.id))} data-testid="std-item-next">
            下一项 <RightOutlined />
          </Button>
        </Space>
      }
    >
      <ItemForm key={item.id} session={session} item={item} result={result} next={next} onDirtyChange={onDirtyChange} onGo={onGo} onClose={onClose} guard={guard} />
    </Drawer>
  );
}

function ItemForm({
  session,
  item,
  result,
  next,
  onDirtyChange,
  onGo,
  onClose,
  guard,
}: {
  session: Session;
  item: StdItem;
  result: ItemResult | undefined;
  next: StdItem | undefined;
  onDirtyChange: (d: boolean) => void;
  onGo: (itemId: number) => void;
  onClose: () => void;
  guard: (then: () => void) => void;
}) {
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const { applyScore } = useSessionCache(session.id);
  const [problem, setProblem] = useState<string | null>(null);
  const [listErrors, setListErrors] = useState<{ deductions?: string; evidence?: string }>({});
  const finished = session.status === 'FINISHED';
  const save = useMutation<ScoreOutput, ApiError, InputOf<'stdSession.scoreItem'>>({ mutationFn: (input) => invoke('stdSession.scoreItem', input) });
  const byId = new Map<string, Deduction>((result?.deductions ?? []).map((d) => [d.id, d]));

  const applicable = (Form.useWatch('applicable', form) as boolean | undefined) ?? true;
  const deductions = (Form.useWatch('deductions', form) as Values['deductions']) ?? [];
  const explicit = Form.useWatch('score', form) as number | null | undefined;
  const sum = deductions.reduce((a, d) => a + (typeof d?.points === 'number' ? d.points : 0), 0);
  const computed = Math.max(0, round1(item.points - sum));
  const over = typeof explicit === 'number' && (explicit > item.points || explicit < 0);

  useEffect(() => {
    onDirtyChange(false);
  }, [onDirtyChange]);

  const initialValues: Values = {
    applicable: result?.applicable ?? true,
    naReason: result?.naReason ?? null,
    description: result?.description ?? null,
    deductions: (result?.deductions ?? []).map((d) => ({ id: d.id, points: d.points, reason: d.reason })),
    // An explicit score only when it differs from what the deductions give.
    score: result?.answered && result.applicable && result.score !== null && result.deductions.length === 0 && result.score !== item.points ? result.score : null,
    evidence: (result?.evidence ?? []).map(entryOf),
  };

  /** Main's refusal beside the field it concerns, the rest above the buttons. */
  const showError = (e: unknown) => {
    const lists: { deductions?: string; evidence?: string } = {};
    let onField = false;
    if (e instanceof ApiError) {
      for (const f of e.fields) {
        const [head, i, sub] = f.path.split('.');
        if (head === 'evidence' || head === 'attachmentIds') {
          lists.evidence = f.message;
          onField = true;
        } else if (head === 'deductions' && i !== undefined && (sub === 'points' || sub === 'reason')) {
          form.setFields([{ name: ['deductions', Number(i), sub], errors: [f.message] }]);
          onField = true;
        } else if (head === 'deductions') {
          lists.deductions = f.message;
          onField = true;
        } else if (head === 'score' || head === 'naReason' || head === 'description' || head === 'applicable') {
          form.setFields([{ name: head, errors: [f.message] }]);
          onField = true;
        }
      }
    }
    setListErrors(lists);
    setProblem(onField ? null : errorMessage(e));
  };

  const submit = async (andNext: boolean) => {
    if (finished || save.isPending) return;
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const v = form.getFieldsValue(true) as Values;
    setProblem(null);
    setListErrors({});
    const evidence = v.evidence ?? [];
    const input: InputOf<'stdSession.scoreItem'> = {
      sessionId: session.id,
      itemId: item.id,
      applicable: v.applicable,
      naReason: v.applicable ? null : blank(v.naReason),
      description: blank(v.description),
      score: v.applicable && typeof v.score === 'number' ? v.score : null,
      deductions: v.applicable ? (v.deductions ?? []).map((d) => ({ id: d.id ?? null, points: typeof d.points === 'number' ? d.points : Number.NaN, reason: d.reason?.trim() ?? '' })) : [],
      evidence: evidence.filter((x) => x.kind !== 'ATTACHMENT').map((x) => ({ kind: x.kind, refId: x.refId, periodFrom: x.periodFrom, periodTo: x.periodTo })),
      attachmentIds: evidence.filter((x) => x.kind === 'ATTACHMENT' && x.refId).map((x) => x.refId!),
    };
    try {
      const out = await save.mutateAsync(input);
      applyScore(out);
      onDirtyChange(false);
      const r = out.result;
      void message.success(`${item.code} 已保存：${r.applicable ? `${pts(r.score)} / ${pts(item.points)} 分` : '不适用'}；总得分 ${pts(out.totals.score)}，${out.totals.gradeLabel}`);
      if (andNext && next) onGo(next.id);
      else onClose();
    } catch (e) {
      showError(e);
    }
  };

  // Ctrl+Enter (⌘+Enter): 保存并下一项.
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit(true);
    }
  };

  return (
    <div onKeyDown={onKeyDown} data-testid="std-item-form">
      <div className="sl-std-item-facts" data-testid="std-item-facts">
        <div className="sl-std-item-content">{item.content}</div>
        <Space size={12} wrap>
          <span>
            标准分值 <b data-testid="std-item-points">{pts(item.points)}</b> 分
          </span>
          {result?.answered ? (
            <Tag color="green">已评分</Tag>
          ) : (
            <Tag color="orange">未评分</Tag>
          )}
        </Space>
        {item.method && (
          <>
            <div className="sl-std-item-label">评分标准</div>
            <div className="sl-std-item-method">{item.method}</div>
          </>
        )}
        {item.evidence && (
          <>
            <div className="sl-std-item-label">建议查证的资料</div>
            <div className="sl-std-item-method">{item.evidence}</div>
          </>
        )}
      </div>
      {finished && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="自评已完成，评分不能再修改；如需修改，请在页面上方「重新打开」。" />}
      <Form
        form={form}
        layout="vertical"
        colon={false}
        disabled={finished}
        initialValues={initialValues}
        onValuesChange={() => {
          onDirtyChange(true);
          if (problem) setProblem(null);
        }}
      >
        <Form.Item label="是否适用" name="applicable" valuePropName="checked" style={{ marginBottom: 12 }}>
          <Switch checkedChildren="适用" unCheckedChildren="不适用" data-testid="std-item-applicable" />
        </Form.Item>
        {!applicable && (
          <Form.Item
            label="不适用理由"
            name="naReason"
            rules={[{ required: true, whitespace: true, message: '请说明不适用的理由（如：本企业无此类设备或作业）' }]}
            extra="不适用项的分值从满分中扣除，不计入得分。"
          >
            <Input maxLength={300} placeholder="如：本企业无有限空间作业" data-testid="std-item-na-reason" />
          </Form.Item>
        )}
        <Form.Item label="自评情况描述" name="description">
          <Input.TextArea autoFocus rows={3} maxLength={2000} placeholder="查阅的资料、现场检查和询问的情况" data-testid="std-item-description" />
        </Form.Item>
        {applicable && (
          <>
            <div className={`sl-std-live-score${over ? ' is-bad' : ''}`} data-testid="std-item-live-score">
              <span>得分</span>
              <b data-testid="std-item-computed">{typeof explicit === 'number' ? pts(explicit) : pts(computed)}</b>
              <span className="sl-muted">
                / {pts(item.points)} 分
                {over ? '（超过标准分值）' : typeof explicit === 'number' ? '（手工填写的实得分）' : sum > 0 ? `（扣 ${pts(sum)} 分${item.points - sum < 0 ? '，最低为 0 分' : ''}）` : '（未扣分）'}
              </span>
            </div>
            <Typography.Text strong>扣分</Typography.Text>
            <Form.List name="deductions">
              {(fields, { add, remove }) => (
                <div style={{ marginTop: 8, marginBottom: 12 }} data-testid="std-deductions">
                  {fields.map((f, i) => {
                    const id = form.getFieldValue(['deductions', f.name, 'id']) as string | null | undefined;
                    const d = id ? byId.get(id) : undefined;
                    const followed = !!(d && (d.hazardId || d.todoOwnerId));
                    return (
                      <div className="sl-std-deduction-row" key={f.key}>
                        <Form.Item name={[f.name, 'points']} rules={[{ required: true, message: '请填写扣分' }]}>
                          <InputNumber placeholder="扣分" style={{ width: '100%' }} suffix="分" data-testid={`std-deduction-points-${i}`} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'reason']} rules={[{ required: true, whitespace: true, message: '请填写扣分原因' }]}>
                          <Input maxLength={300} placeholder="扣分原因：不符合评分标准的具体事实" data-testid={`std-deduction-reason-${i}`} />
                        </Form.Item>
                        <Space size={4}>
                          {d?.hazardId && <Tag color="orange">隐患 {d.hazardCode}{d.hazardStatus ? ` ${HazardStatus.label[d.hazardStatus as keyof typeof HazardStatus.label] ?? ''}` : ''}</Tag>}
                          {d?.todoOwnerId && <Tag color={d.todoDoneOn ? 'green' : 'blue'}>{d.todoDoneOn ? '待办已完成' : '整改待办'}</Tag>}
                          <Tooltip title={followed ? '已转为隐患或待办的扣分点不能删除' : '删除该扣分'}>
                            <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除该扣分" disabled={followed} onClick={() => remove(f.name)} data-testid={`std-deduction-remove-${i}`} />
                          </Tooltip>
                        </Space>
                      </div>
                    );
                  })}
                  {listErrors.deductions && (
                    <Typography.Text type="danger" data-testid="std-deductions-error">
                      {listErrors.deductions}
                    </Typography.Text>
                  )}
                  {fields.length < 20 && (
                    <div>
                      <Button size="small" icon={<PlusOutlined />} onClick={() => add({ id: null, points: null, reason: '' })} data-testid="std-deduction-add">
                        添加扣分
                      </Button>
                    </div>
                  )}
                </div>
              )}
            </Form.List>
            <Form.Item label="实得分" name="score" extra="一般不填：按标准分值减去扣分计算。仅在评分细则按档次给分时填写，低于标准分值时仍须逐条写明扣分原因。">
              <InputNumber style={{ width: 160 }} placeholder={pts(computed)} suffix="分" data-testid="std-item-score" />
            </Form.Item>
          </>
        )}
        <Form.Item label="证据" name="evidence" validateStatus={listErrors.evidence ? 'error' : undefined} help={listErrors.evidence}>
          <EvidenceField year={session.year} readOnly={finished} onFollow={(route) => guard(() => navigate(route))} />
        </Form.Item>
        {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title="未能保存" description={problem} data-testid="std-item-error" />}
        {!finished && (
          <div className="sl-sticky-actions">
            <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => void submit(true)} data-testid="std-item-save-next">
              保存并下一项
            </Button>
            <Button icon={<SaveOutlined />} loading={save.isPending} onClick={() => void submit(false)} data-testid="std-item-save">
              保存
            </Button>
            <span style={{ flex: 1 }} />
            <span className="sl-std-kbd">
              <kbd>Ctrl</kbd> + <kbd>Enter</kbd> 保存并下一项
            </span>
          </div>
        )}
      </Form>
    </div>
  );
}
