import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, App as AntApp, Button, Col, DatePicker, Descriptions, Drawer, Form, Input, Radio, Row, Select, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined, DeleteOutlined, FilePdfOutlined, SaveOutlined, SignatureOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { CheckItemCategory, CheckMethod, CheckResult } from '../../../../preload/contract/enums.ts';
import type { CheckItem } from '../../../../preload/contract/checks.ts';
import type { InputOf, OutputOf } from '../../../../preload/contract/index.ts';
import { ApiError, errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { dash, formatDateTime } from '../../lib/format.ts';
import { SignatureModal } from '../../components/SignatureModal.tsx';
import { printLink } from '../print/queue.ts';
import { HazardStatusTag, PeopleSelect, PhotoThumb, PhotoUpload, RecordLoopTag, ResultTag, TaskStateTag, TierTag, hazardLink, todayStr, type ResultCode } from './checkMeta.tsx';

type TaskDetail = OutputOf<'checkTask.get'>;
type RecordDetail = OutputOf<'checkRecord.get'>;
type Settings = OutputOf<'hazardSettings.get'>;

/**
 * One check: entry for a task (`taskId`, from the board or a scanned sheet code)
 * or the read-only record (`recordId`). A task that already has its record opens
 * the record. After saving, the drawer shows the record with the hazards it created.
 */
export function CheckRecordDrawer({ taskId, recordId, onClose }: { taskId?: string | null; recordId?: string | null; onClose: () => void }) {
  const [saved, setSaved] = useState<{ recordId: string; hazardIds: string[] } | null>(null);
  const task = useApi('checkTask.get', { id: taskId ?? '' }, { enabled: !!taskId && !recordId && !saved });
  const shownRecordId = saved?.recordId ?? recordId ?? task.data?.recordId ?? null;
  const record = useApi('checkRecord.get', { id: shownRecordId ?? '' }, { enabled: !!shownRecordId });
  const dirty = useRef(false);
  const { modal } = AntApp.useApp();

  const close = () => {
    if (!dirty.current || saved) {
      onClose();
      return;
    }
    modal.confirm({
      title: '放弃未保存的检查结果？',
      content: '已填写的检查结果还没有保存，关闭后会丢失。',
      okText: '放弃并关闭',
      okButtonProps: { danger: true },
      cancelText: '继续填写',
      onOk: onClose,
    });
  };

  const t = task.data;
  const r = record.data;
  const title = r ? (
    <Space size={8} wrap>
      <span>检查记录</span>
      <span>{r.planName}</span>
      <TierTag tier={r.tier} />
      <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }}>
        {r.unitName} · {r.periodLabel}
      </Typography.Text>
    </Space>
  ) : t ? (
    <Space size={8} wrap>
      <span>登记检查</span>
      <span>{t.planName}</span>
      <TierTag tier={t.tier} />
      <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }}>
        {t.unitName} · {t.periodLabel}
      </Typography.Text>
    </Space>
  ) : (
    '检查记录'
  );

  const error = shownRecordId ? record.error : task.error;
  const pending = shownRecordId ? record.isPending : task.isPending;

  return (
    <Drawer open size={1240} title={title} onClose={close} destroyOnHidden data-testid="check-record-drawer">
      {error && <Alert type="error" showIcon title={error.code === 'NOT_FOUND' ? (shownRecordId ? '检查记录不存在或已删除' : '没有找到这个检查任务，请核对任务码') : error.message} />}
      {!error && pending && <Skeleton active paragraph={{ rows: 12 }} />}
      {r ? (
        <RecordView record={r} justSaved={saved?.hazardIds ?? null} fromTask={!!taskId && !saved && !recordId} />
      ) : t && !t.recordId && !saved ? (
        <RecordEntry
          task={t}
          onDirty={(d) => {
            dirty.current = d;
          }}
          onSaved={(id, hazardIds) => {
            dirty.current = false;
            setSaved({ recordId: id, hazardIds });
          }}
        />
      ) : null}
    </Drawer>
  );
}

// ---------------------------------------------------------------------------
// Entry
// ---------------------------------------------------------------------------

interface Answer {
  result?: ResultCode;
  remark: string;
  photoIds: string[];
  hazardLevel?: string | null;
  hazardDeadline?: dayjs.Dayjs | null;
}

const EMPTY: Answer = { remark: '', photoIds: [] };

interface HeadValues {
  checkedOn: dayjs.Dayjs;
  checkerIds: string[];
  summary?: string;
}

const RESULT_KEYS: Record<string, ResultCode> = { '1': 'PASS', Enter: 'PASS', '2': 'FAIL', '3': 'NA' };

function RecordEntry({ task, onSaved, onDirty }: { task: TaskDetail; onSaved: (recordId: string, hazardIds: string[]) => void; onDirty: (d: boolean) => void }) {
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<HeadValues>();
  const settings = useApi('hazardSettings.get', {});
  const create = useApiMutation('checkRecord.create');
  const upload = useApiMutation('attachment.upload');
  const items = task.plan.items;
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [cursor, setCursor] = useState(0);
  const [flagged, setFlagged] = useState(false);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [signature, setSignature] = useState<string | null>(null);
  const [signing, setSigning] = useState(false);
  const gridRef = useRef<HTMLDivElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  const checkerIds = Form.useWatch('checkerIds', form) as string[] | undefined;
  const checkedOn = Form.useWatch('checkedOn', form) as dayjs.Dayjs | undefined;
  const checkers = useApi('person.options', { search: null, ids: checkerIds ?? [] }, { enabled: !!checkerIds?.length });
  const checkerNames = (checkerIds ?? []).map((id) => checkers.data?.find((p) => p.id === id)?.name).filter(Boolean).join('、');

  const today = todayStr();
  const notStarted = task.state === 'UPCOMING' || task.periodStart > today;

  const counts = useMemo(() => {
    const c = { PASS: 0, FAIL: 0, NA: 0, open: 0 };
    for (const it of items) {
      const r = answers[it.id]?.result;
      if (r) c[r] += 1;
      else c.open += 1;
    }
    return c;
  }, [answers, items]);

  useEffect(() => {
    onDirty(Object.keys(answers).length > 0 || !!signature);
  }, [answers, signature, onDirty]);

  const focusRow = useCallback(
    (i: number) => {
      if (i >= items.length) {
        saveRef.current?.focus();
        return;
      }
      const idx = Math.max(0, i);
      const id = items[idx]?.id;
      if (!id) return;
      const row = gridRef.current?.querySelector<HTMLElement>(`tr[data-row-key="${CSS.escape(id)}"]`);
      row?.focus();
      setCursor(idx);
    },
    [items],
  );

  const focusRemark = (i: number) => {
    setCursor(i);
    // After the FAIL extras have rendered.
    setTimeout(() => document.getElementById(`check-remark-${i}`)?.focus(), 0);
  };

  // Start on the first row, ready for keys.
  useEffect(() => {
    if (notStarted || !items.length) return;
    const t = setTimeout(() => focusRow(0), 300);
    return () => clearTimeout(t);
  }, [focusRow, notStarted, items.length]);

  const patch = (itemId: string, p: Partial<Answer>) => {
    setAnswers((prev) => ({ ...prev, [itemId]: { ...EMPTY, ...prev[itemId], ...p } }));
    if (rowErrors[itemId]) setRowErrors(({ [itemId]: _, ...rest }) => rest);
  };

  const setResult = (i: number, result: ResultCode | undefined, advance: boolean) => {
    const it = items[i];
    if (!it) return;
    patch(it.id, { result });
    if (result === 'FAIL') focusRemark(i);
    else if (advance) focusRow(i + 1);
  };

  const onRowKey = (i: number) => (e: KeyboardEvent<HTMLElement>) => {
    if (e.target !== e.currentTarget || e.ctrlKey || e.altKey || e.metaKey) return;
    const result = RESULT_KEYS[e.key];
    if (result) {
      e.preventDefault();
      setResult(i, result, true);
      return;
    }
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        focusRow(Math.min(i + 1, items.length - 1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        focusRow(i - 1);
        break;
      case 'Home':
        e.preventDefault();
        focusRow(0);
        break;
      case 'End':
        e.preventDefault();
        focusRow(items.length - 1);
        break;
      case '0':
      case 'Backspace':
      case 'Delete':
        e.preventDefault();
        setResult(i, undefined, false);
        break;
      case 'r':
      case 'R':
        e.preventDefault();
        focusRemark(i);
        break;
    }
  };

  const allPass = () => {
    setAnswers((prev) => {
      const next = { ...prev };
      for (const it of items) if (!next[it.id]?.result) next[it.id] = { ...EMPTY, ...next[it.id], result: 'PASS' };
      return next;
    });
    setFlagged(false);
    void message.success(counts.PASS + counts.FAIL + counts.NA ? `其余 ${counts.open} 项已设为合格；不合格的项请逐项改为「不合格」并写明情况` : `${items.length} 项已全部设为合格；有问题的项按 2 改为不合格`);
    focusRow(0);
  };

  const firstOpen = () => items.findIndex((it) => !answers[it.id]?.result);

  const submit = async () => {
    if (counts.open) {
      setFlagged(true);
      const i = firstOpen();
      void message.warning(`还有 ${counts.open} 项没有填写检查结果（已标黄），从第 ${i + 1} 项开始。确实不涉及的项请选「不适用」`);
      focusRow(i);
      return;
    }
    const missingRemark = items.findIndex((it) => answers[it.id]?.result === 'FAIL' && !answers[it.id]?.remark.trim());
    if (missingRemark >= 0) {
      const it = items[missingRemark]!;
      setRowErrors((prev) => ({ ...prev, [it.id]: '请写明不合格的具体情况，它将作为隐患描述' }));
      void message.warning(`第 ${missingRemark + 1} 项判为不合格，请写明不合格的具体情况（将作为隐患描述）`);
      focusRemark(missingRemark);
      return;
    }
    let v: HeadValues;
    try {
      v = await form.validateFields();
    } catch {
      void message.warning('请先补全标红的内容');
      return;
    }
    const input: InputOf<'checkRecord.create'> = {
      taskId: task.id,
      checkedOn: v.checkedOn.format('YYYY-MM-DD'),
      checkerIds: v.checkerIds,
      signatureAttachmentId: signature,
      summary: v.summary?.trim() || null,
      results: items.map((it) => {
        const a = answers[it.id]!;
        const fail = a.result === 'FAIL';
        return {
          itemId: it.id,
          result: a.result!,
          remark: a.remark.trim() || null,
          photoIds: a.photoIds,
          hazardLevel: fail ? (a.hazardLevel ?? null) : null,
          hazardDeadline: fail && a.hazardDeadline ? a.hazardDeadline.format('YYYY-MM-DD') : null,
        };
      }),
    };
    try {
      const out = await create.mutateAsync(input);
      void message.success(out.hazardIds.length ? `检查记录已保存，已生成 ${out.hazardIds.length} 条隐患` : '检查记录已保存，全部合格');
      onSaved(out.record.id, out.hazardIds);
    } catch (err) {
      if (err instanceof ApiError) {
        const byRow: Record<string, string> = {};
        for (const f of err.fields) {
          const m = /^results\.(\d+)(?:\.|$)/.exec(f.path);
          const it = m ? items[Number(m[1])] : undefined;
          if (it) byRow[it.id] = f.message;
        }
        if (Object.keys(byRow).length) {
          setRowErrors(byRow);
          const first = items.findIndex((it) => byRow[it.id]);
          if (first >= 0) focusRow(first);
        }
      }
      showApiError(err, (m) => void message.error(m), form);
    }
  };

  const sign = async (png: string) => {
    try {
      const a = await upload.mutateAsync({ fileName: `检查签名-${task.periodKey}.png`, dataBase64: png, purpose: 'image' });
      setSignature(a.id);
      setSigning(false);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const late = checkedOn ? checkedOn.format('YYYY-MM-DD') > task.dueOn : false;
  const levels = settings.data?.levels ?? [];

  return (
    <div data-testid="check-entry">
      <TaskSummary task={task} />
      {notStarted ? (
        <Alert type="info" showIcon title={`本期检查尚未开始（${task.periodStart} 起），到期后再登记`} />
      ) : (
        <>
          {task.missed && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={`本期检查已于 ${task.dueOn} 后记为漏检`}
              description="现在登记的检查按补做记录，检查日期填实际检查的日期；漏检记录保留在台账和执行率中。"
              data-testid="check-entry-missed"
            />
          )}
          <Form
            form={form}
            layout="vertical"
            requiredMark="optional"
            colon={false}
            initialValues={{ checkedOn: dayjs(), checkerIds: task.plan.responsiblePersonId ? [task.plan.responsiblePersonId] : [] }}
          >
            <Row gutter={12}>
              <Col span={5}>
                <Form.Item
                  label="检查日期"
                  name="checkedOn"
                  rules={[{ required: true, message: '请选择检查日期' }]}
                  extra={late ? <Typography.Text type="warning">晚于截止日期 {task.dueOn}，记为补做</Typography.Text> : `截止 ${task.dueOn}`}
                >
                  <DatePicker
                    style={{ width: '100%' }}
                    allowClear={false}
                    disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.format('YYYY-MM-DD') < task.periodStart}
                    data-testid="check-date"
                  />
                </Form.Item>
              </Col>
              <Col span={11}>
                <Form.Item label="检查人" name="checkerIds" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一名检查人' }]}>
                  <PeopleSelect testId="check-checkers" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label="检查人签名" extra={signature ? null : '可在屏幕上手写签名；纸质检查表已签字的可不签'}>
                  {signature ? (
                    <Space>
                      <div style={{ border: '1px solid #e5e7eb', borderRadius: 4, background: '#fffef7' }}>
                        <PhotoThumb id={signature} size={64} />
                      </div>
                      <Button size="small" onClick={() => setSigning(true)}>
                        重新签名
                      </Button>
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => setSignature(null)} aria-label="清除签名" />
                    </Space>
                  ) : (
                    <Button icon={<SignatureOutlined />} onClick={() => setSigning(true)} data-testid="check-sign">
                      手写签名
                    </Button>
                  )}
                </Form.Item>
              </Col>
            </Row>

            <div className="sl-check-section-title" style={{ justifyContent: 'space-between' }}>
              <Space wrap>
                <span>检查项（{items.length} 项）</span>
                <Button size="small" icon={<CheckOutlined />} onClick={allPass} disabled={!counts.open} data-testid="check-all-pass">
                  {counts.open === items.length ? '全部合格' : '其余全部合格'}
                </Button>
                <Button size="small" icon={<FilePdfOutlined />} onClick={() => navigate(printLink('checkSheet', { recordId: task.id }))}>
                  打印空白检查表
                </Button>
              </Space>
              <div className="sl-check-keys" data-testid="check-keys-help">
                <span>
                  <kbd>1</kbd>或<kbd>Enter</kbd>合格
                </span>
                <span>
                  <kbd>2</kbd>不合格（转到情况说明，<kbd>Enter</kbd>回到下一项）
                </span>
                <span>
                  <kbd>3</kbd>不适用
                </span>
                <span>
                  <kbd>↑</kbd>
                  <kbd>↓</kbd>换行
                </span>
                <span>
                  <kbd>0</kbd>清除
                </span>
              </div>
            </div>
            {!items.length && <Alert type="warning" showIcon title="该计划的检查表还没有检查项，请先在「检查计划」中编辑检查表" />}
            <div ref={gridRef} className="sl-check-items">
              <Table<CheckItem>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={items}
                data-testid="check-items"
                rowClassName={(it, i) => {
                  const a = answers[it.id];
                  return [
                    'sl-check-row',
                    i === cursor ? 'is-cursor' : '',
                    !a?.result ? 'is-unanswered' : '',
                    flagged ? 'is-flagged' : '',
                    a?.result === 'FAIL' ? 'is-fail' : '',
                  ]
                    .filter(Boolean)
                    .join(' ');
                }}
                onRow={(it, i) =>
                  ({
                    tabIndex: 0,
                    onKeyDown: onRowKey(i ?? 0),
                    onFocus: (e: React.FocusEvent) => {
                      if (e.target === e.currentTarget) setCursor(i ?? 0);
                    },
                    onMouseDown: () => setCursor(i ?? 0),
                    'data-testid': `check-row-${i ?? 0}`,
                    'data-result': answers[it.id]?.result ?? '',
                  }) as React.HTMLAttributes<HTMLElement>
                }
                columns={[
                  { title: '序号', key: 'seq', width: 52, align: 'center', render: (_, _it, i) => <span className="sl-check-seq">{i + 1}</span> },
                  { title: '检查内容与标准', key: 'content', render: (_, it) => <ItemText item={it} /> },
                  {
                    title: '检查结果',
                    key: 'result',
                    width: 176,
                    render: (_, it, i) => (
                      <Radio.Group
                        size="small"
                        optionType="button"
                        buttonStyle="solid"
                        value={answers[it.id]?.result}
                        onChange={(e) => setResult(i, e.target.value as ResultCode, false)}
                        options={CheckResult.values.map((v) => ({ value: v, label: CheckResult.label[v], className: `sl-check-radio-${v}` }))}
                        data-testid={`check-result-${i}`}
                      />
                    ),
                  },
                  {
                    title: '情况说明',
                    key: 'remark',
                    width: 330,
                    render: (_, it, i) => {
                      const a = answers[it.id] ?? EMPTY;
                      const fail = a.result === 'FAIL';
                      const err = rowErrors[it.id];
                      return (
                        <div>
                          <Input
                            id={`check-remark-${i}`}
                            size="small"
                            value={a.remark}
                            maxLength={300}
                            status={err ? 'error' : undefined}
                            placeholder={fail ? '写明不合格情况（作为隐患描述）' : '可选'}
                            onChange={(e) => patch(it.id, { remark: e.target.value })}
                            onFocus={() => setCursor(i)}
                            onKeyDown={(e) => {
                              if (e.key === 'Enter') {
                                e.preventDefault();
                                e.stopPropagation();
                                focusRow(i + 1);
                              } else if (e.key === 'Escape') {
                                e.preventDefault();
                                e.stopPropagation();
                                focusRow(i);
                              }
                            }}
                            data-testid={`check-remark-${i}`}
                          />
                          {err && (
                            <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`check-row-error-${i}`}>
                              {err}
                            </Typography.Text>
                          )}
                          {fail && <FailExtras item={it} answer={a} levels={levels} settings={settings.data} onChange={(p) => patch(it.id, p)} index={i} />}
                        </div>
                      );
                    },
                  },
                  {
                    title: '照片',
                    key: 'photos',
                    width: 100,
                    render: (_, it, i) => {
                      const a = answers[it.id] ?? EMPTY;
                      return (
                        <Space size={4} wrap>
                          {a.photoIds.map((p) => (
                            <span key={p} style={{ position: 'relative', display: 'inline-block' }}>
                              <PhotoThumb id={p} size={36} />
                              <Tooltip title="移除这张照片">
                                <Button
                                  size="small"
                                  type="text"
                                  danger
                                  icon={<DeleteOutlined />}
                                  style={{ position: 'absolute', top: -8, right: -10, minWidth: 18, width: 18, height: 18, padding: 0 }}
                                  onClick={() => patch(it.id, { photoIds: a.photoIds.filter((x) => x !== p) })}
                                  aria-label="移除照片"
                                />
                              </Tooltip>
                            </span>
                          ))}
                          {a.photoIds.length < 9 && (
                            <PhotoUpload
                              max={9 - a.photoIds.length}
                              label={a.photoIds.length ? undefined : '照片'}
                              testId={`check-photo-${i}`}
                              onUploaded={(ids) => setAnswers((prev) => ({ ...prev, [it.id]: { ...EMPTY, ...prev[it.id], photoIds: [...(prev[it.id]?.photoIds ?? []), ...ids].slice(0, 9) } }))}
                            />
                          )}
                        </Space>
                      );
                    },
                  },
                ]}
              />
            </div>
            <Form.Item label="检查小结" name="summary" style={{ marginTop: 12 }}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} placeholder="可选：本次检查的总体情况、现场已立即整改的问题等" data-testid="check-summary" />
            </Form.Item>
          </Form>
          <div className="sl-sticky-actions" style={{ justifyContent: 'space-between' }} data-testid="check-entry-footer">
            <div className="sl-check-summary" data-testid="check-counts">
              <span>
                共<b>{items.length}</b>项
              </span>
              <span style={{ color: '#389e0d' }}>
                合格<b>{counts.PASS}</b>
              </span>
              <span style={{ color: counts.FAIL ? '#cf1322' : undefined }}>
                不合格<b>{counts.FAIL}</b>
              </span>
              <span className="sl-muted">
                不适用<b>{counts.NA}</b>
              </span>
              {counts.open > 0 ? (
                <Button size="small" type="link" style={{ color: '#d48806', paddingInline: 0 }} onClick={() => focusRow(firstOpen())} data-testid="check-goto-open">
                  未填 {counts.open} 项，定位到第 {firstOpen() + 1} 项
                </Button>
              ) : (
                <Tag color="green">已全部填写</Tag>
              )}
              {counts.FAIL > 0 && <Typography.Text type="danger">保存后将生成 {counts.FAIL} 条隐患</Typography.Text>}
            </div>
            <Button ref={saveRef} type="primary" icon={<SaveOutlined />} loading={create.isPending} onClick={() => void submit()} data-testid="check-save">
              保存检查记录
            </Button>
          </div>
        </>
      )}
      <SignatureModal
        open={signing}
        title="检查人签名"
        signer={checkerNames || '检查人'}
        loading={upload.isPending}
        statement={`本人确认以上 ${items.length} 项检查结果如实填写（${task.planName}，${task.periodLabel}）。`}
        onCancel={() => setSigning(false)}
        onSign={(png) => void sign(png)}
      />
    </div>
  );
}

function FailExtras({
  item,
  answer,
  levels,
  settings,
  onChange,
  index,
}: {
  item: CheckItem;
  answer: Answer;
  levels: Settings['levels'];
  settings: Settings | undefined;
  onChange: (p: Partial<Answer>) => void;
  index: number;
}) {
  if (item.criteriaCode) {
    return (
      <div className="sl-check-fail-extra">
        <Tooltip title={`属于《工贸企业重大事故隐患判定标准》${item.criteriaCode} 所列情形，不合格即判定为重大事故隐患，需编制治理方案并报告监管部门`}>
          <Tag color="red">将登记为重大事故隐患</Tag>
        </Tooltip>
        <span>期限</span>
        <DeadlinePicker answer={answer} settings={settings} onChange={onChange} index={index} />
      </div>
    );
  }
  const defaultLevel = levels.find((l) => l.code === 'GENERAL');
  return (
    <div className="sl-check-fail-extra">
      <span>等级</span>
      <Select
        size="small"
        allowClear
        style={{ width: 108 }}
        value={answer.hazardLevel ?? undefined}
        placeholder={defaultLevel ? `默认${defaultLevel.label.replace(/事故隐患$/, '')}` : '默认等级'}
        onChange={(v) => onChange({ hazardLevel: (v as string | undefined) ?? null })}
        options={levels.map((l) => ({ value: l.code, label: l.label }))}
        popupMatchSelectWidth={false}
        data-testid={`check-hazard-level-${index}`}
      />
      <span>期限</span>
      <DeadlinePicker answer={answer} settings={settings} onChange={onChange} index={index} />
    </div>
  );
}

function DeadlinePicker({ answer, settings, onChange, index }: { answer: Answer; settings: Settings | undefined; onChange: (p: Partial<Answer>) => void; index: number }) {
  return (
    <DatePicker
      size="small"
      style={{ width: 120 }}
      value={answer.hazardDeadline ?? null}
      placeholder={settings ? `默认${settings.defaultDeadlineDays}天` : '默认期限'}
      onChange={(d) => onChange({ hazardDeadline: d })}
      disabledDate={(d) => d.isBefore(dayjs(), 'day')}
      data-testid={`check-hazard-deadline-${index}`}
    />
  );
}

function ItemText({ item }: { item: Pick<CheckItem, 'content' | 'standard' | 'basis' | 'method' | 'category' | 'riskPointCode' | 'riskPointName' | 'criteriaCode'> }) {
  const sub = [item.standard && `标准：${item.standard}`, item.basis && `依据：${item.basis}`].filter(Boolean).join('；');
  return (
    <div>
      <div className="sl-check-content">
        {item.criteriaCode && (
          <Tooltip title="《工贸企业重大事故隐患判定标准》条目：检查不合格即为重大事故隐患">
            <Tag color="red" style={{ marginInlineEnd: 6 }}>
              重大隐患判定 {item.criteriaCode}
            </Tag>
          </Tooltip>
        )}
        {item.content}
      </div>
      <div className="sl-check-sub">
        <span className="sl-check-meta">
          {CheckMethod.label[item.method]} · {CheckItemCategory.label[item.category]}
          {item.riskPointCode && ` · ${item.riskPointCode}`}
        </span>
        {sub && ` ${sub}`}
      </div>
    </div>
  );
}

function TaskSummary({ task }: { task: TaskDetail }) {
  return (
    <Descriptions size="small" column={4} style={{ marginBottom: 12 }} data-testid="check-task-summary">
      <Descriptions.Item label="检查计划">{task.planName}</Descriptions.Item>
      <Descriptions.Item label="负责单位">{task.unitName}</Descriptions.Item>
      <Descriptions.Item label="负责人">{task.responsiblePersonName}</Descriptions.Item>
      <Descriptions.Item label="状态">
        <TaskStateTag state={task.state} missed={task.missed} />
      </Descriptions.Item>
      <Descriptions.Item label="检查期间">{task.periodLabel}</Descriptions.Item>
      <Descriptions.Item label="截止日期">{task.dueOn}</Descriptions.Item>
      <Descriptions.Item label="任务码">
        <Typography.Text copyable className="sl-hash">
          {task.sheetCode}
        </Typography.Text>
      </Descriptions.Item>
      {task.plan.ledByPrincipal && (
        <Descriptions.Item label="带队">
          <Tag color="purple">主要负责人带队</Tag>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** A record made after its due date: the period was flagged 漏检, and the flag stays beside 补做. */
export function LateTags() {
  return (
    <Tooltip title="本期检查未在截止日期前完成，已记为漏检；这是之后补做的检查，漏检记录保留">
      <span className="sl-check-tags">
        <Tag color="red">漏检</Tag>
        <Tag color="orange">补做</Tag>
      </span>
    </Tooltip>
  );
}

// ---------------------------------------------------------------------------
// Read-only record
// ---------------------------------------------------------------------------

type ResultRow = RecordDetail['results'][number];

function RecordView({ record, justSaved, fromTask }: { record: RecordDetail; justSaved: string[] | null; fromTask: boolean }) {
  const hazards = record.results.filter((x) => x.hazardId);
  return (
    <div data-testid="check-record-view">
      {justSaved && (
        <Alert
          type={justSaved.length ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="check-saved-alert"
          title={justSaved.length ? `检查记录已保存。${justSaved.length} 项不合格，已自动登记 ${justSaved.length} 条隐患，请及时下发整改` : '检查记录已保存，本次检查全部合格（或不适用）'}
          description={
            justSaved.length ? (
              <Space wrap size={[12, 4]}>
                {hazards.map((h) => (
                  <Link key={h.hazardId} to={hazardLink(h.hazardId!)} data-testid={`check-saved-hazard-${h.hazardCode ?? h.hazardId}`}>
                    {h.hazardCode ?? '隐患'}：第 {h.seq} 项 {h.remark ?? h.content}
                  </Link>
                ))}
              </Space>
            ) : undefined
          }
        />
      )}
      {fromTask && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`本期检查已于 ${record.checkedOn} 登记，以下为检查记录`} />}
      <Descriptions size="small" column={3} bordered style={{ marginBottom: 12 }} data-testid="check-record-summary">
        <Descriptions.Item label="检查计划">
          <Space size={4}>
            {record.planName}
            <TierTag tier={record.tier} />
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="单位">{record.unitName}</Descriptions.Item>
        <Descriptions.Item label="检查期间">{record.periodLabel}</Descriptions.Item>
        <Descriptions.Item label="检查日期">
          <Space size={4}>
            {record.checkedOn}
            {record.late && <LateTags />}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="检查人">{dash(record.checkerNames)}</Descriptions.Item>
        <Descriptions.Item label="闭环状态">
          <RecordLoopTag open={record.open} openHazards={record.openHazards} failCount={record.failCount} />
        </Descriptions.Item>
        <Descriptions.Item label="检查结果">
          <Space size={12}>
            <span style={{ color: '#389e0d' }}>合格 {record.passCount}</span>
            <span style={{ color: record.failCount ? '#cf1322' : undefined }}>不合格 {record.failCount}</span>
            <span className="sl-muted">不适用 {record.naCount}</span>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="签名">{record.signatureAttachmentId ? <PhotoThumb id={record.signatureAttachmentId} size={56} /> : <span className="sl-muted">未在屏幕签名</span>}</Descriptions.Item>
        <Descriptions.Item label="登记时间">{formatDateTime(record.createdAtMs)}</Descriptions.Item>
        {record.summary && (
          <Descriptions.Item label="检查小结" span={3}>
            {record.summary}
          </Descriptions.Item>
        )}
      </Descriptions>
      {record.open && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`本次检查发现的隐患还有 ${record.openHazards} 条未销号，检查记录保持未闭环`}
          description="隐患经整改、由整改人以外的人员复查合格并销号后，记录自动闭环。"
        />
      )}
      <Table<ResultRow>
        size="small"
        rowKey="seq"
        pagination={false}
        dataSource={record.results}
        data-testid="check-record-results"
        rowClassName={(x) => (x.result === 'FAIL' ? 'sl-check-row-fail' : '')}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 56, align: 'center' },
          { title: '检查内容', dataIndex: 'content' },
          { title: '结果', dataIndex: 'result', width: 90, render: (v: ResultCode) => <ResultTag result={v} /> },
          { title: '情况说明', dataIndex: 'remark', width: 260, render: (v: string | null) => v ?? <span className="sl-muted">—</span> },
          {
            title: '照片',
            dataIndex: 'photoIds',
            width: 140,
            render: (ids: string[]) =>
              ids.length ? (
                <Space size={4} wrap>
                  {ids.map((p) => (
                    <PhotoThumb key={p} id={p} size={36} />
                  ))}
                </Space>
              ) : (
                <span className="sl-muted">—</span>
              ),
          },
          {
            title: '隐患',
            key: 'hazard',
            width: 190,
            render: (_, x) =>
              x.hazardId ? (
                <Space size={4}>
                  <Link to={hazardLink(x.hazardId)} data-testid={`check-hazard-link-${x.seq}`}>
                    {x.hazardCode ?? '查看隐患'}
                  </Link>
                  <HazardStatusTag status={x.hazardStatus} />
                </Space>
              ) : (
                <span className="sl-muted">—</span>
              ),
          },
        ]}
      />
    </div>
  );
}
