import { Alert, App as AntApp, Button, Card, Col, DatePicker, Descriptions, Drawer, Empty, Form, Input, InputNumber, Row, Skeleton, Switch, Table, Tag, Typography } from 'antd';
import { CheckSquareOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import type { Sheet } from '../../../../preload/contract/assessments.ts';
import { ApiError, useApi, useApiMutation } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { dash } from '../../lib/format.ts';
import { GradeTag, gradeOf, percentOf, round1, type Grades } from './shared.tsx';

type Item = Sheet['items'][number];

interface ScoreValue {
  score?: number | null;
  deductionReason?: string | null;
  evidence?: string | null;
}

interface Values {
  assessorName: string;
  assessedOn: Dayjs;
  veto: boolean;
  vetoReason?: string | null;
  comment?: string | null;
  scores: ScoreValue[];
}

export interface SheetTarget {
  periodId: string;
  personId: string;
  postId: string;
}

export function SheetDrawer({ target, onClose }: { target: SheetTarget; onClose: () => void }) {
  const q = useApi('assessment.sheet', target);
  const status = useApi('app.status', {});
  const results = useApi('assessment.results', { periodId: target.periodId });
  const s = q.data;
  const ready = !!s && !status.isPending;
  return (
    <Drawer
      open
      size={1100}
      title={s ? `${s.row.name} · ${s.row.postName} · ${s.period.label}` : '考核评分'}
      onClose={onClose}
      destroyOnHidden
      data-testid="assessment-drawer"
    >
      {q.isError && <Alert type="error" showIcon title="考核表无法打开" description={q.error.message} />}
      {!q.isError && !ready && <Skeleton active />}
      {ready && <SheetForm key={`${s.period.id}|${s.row.personId}|${s.row.postId}`} sheet={s} operatorName={status.data?.operator?.name ?? null} grades={results.data?.grades ?? null} onClose={onClose} />}
    </Drawer>
  );
}

function SheetForm({ sheet, operatorName, grades, onClose }: { sheet: Sheet; operatorName: string | null; grades: Grades | null; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation('assessment.saveSheet');
  const { period, row, items, editable } = sheet;

  const initialValues: Values = {
    assessorName: row.assessorName ?? operatorName ?? '',
    assessedOn: sheet.assessedOn ? dayjs(sheet.assessedOn) : dayjs(),
    veto: !!row.vetoReason,
    vetoReason: row.vetoReason,
    comment: sheet.comment,
    scores: items.map((i) => ({ score: i.score, deductionReason: i.deductionReason, evidence: i.evidence })),
  };

  const watchedScores = Form.useWatch('scores', form) as ScoreValue[] | undefined;
  const watchedVeto = Form.useWatch('veto', form) as boolean | undefined;
  const scores = watchedScores ?? initialValues.scores;
  const veto = editable ? (watchedVeto ?? initialValues.veto) : !!row.vetoReason;

  const maxScore = round1(items.reduce((a, i) => a + i.weight, 0));
  const scored = items.filter((_, idx) => typeof scores[idx]?.score === 'number');
  const total = round1(items.reduce((a, _, idx) => a + (scores[idx]?.score ?? 0), 0));
  const complete = items.length > 0 && scored.length === items.length;
  const pct = percentOf(total, maxScore);
  const emptyCount = items.length - scored.length;

  const fillFullMarks = () => {
    items.forEach((item, idx) => {
      if (typeof form.getFieldValue(['scores', idx, 'score']) !== 'number') form.setFieldValue(['scores', idx, 'score'], item.weight);
    });
    void message.success(`已将 ${emptyCount} 条未评分的职责按满分填入，请核对有扣分的条目`);
  };

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[]; errors: string[] }[] }).errorFields?.[0];
      if (first) {
        void message.error(first.errors[0] ?? '请检查填写的内容');
        form.scrollToField(first.name, { block: 'center' });
      }
      return;
    }
    // Only scored items are sent; remember where each one sits in the form to map errors back.
    const sent: number[] = [];
    const payloadScores = items.flatMap((item, idx) => {
      const sc = v.scores[idx];
      if (typeof sc?.score !== 'number') return [];
      sent.push(idx);
      const reason = sc.deductionReason?.trim() || null;
      return [{ itemId: item.itemId, score: sc.score, deductionReason: sc.score < item.weight ? reason : null, evidence: sc.evidence?.trim() || null }];
    });
    if (payloadScores.length === 0) {
      void message.error('请至少为一条职责评分（可点「全部满分」后再逐条扣分）');
      return;
    }
    save.mutate(
      {
        periodId: period.id,
        personId: row.personId,
        postId: row.postId,
        assessorName: v.assessorName.trim(),
        assessedOn: v.assessedOn.format('YYYY-MM-DD'),
        vetoReason: v.veto ? (v.vetoReason?.trim() ?? null) : null,
        comment: v.comment?.trim() || null,
        scores: payloadScores,
      },
      {
        onSuccess: (after) => {
          const r = after.row;
          const done = r.totalItems > 0 && r.scoredItems === r.totalItems;
          void message.success(
            done || r.vetoReason
              ? `已保存：${r.name} ${r.score ?? 0} / ${r.maxScore} 分${r.grade ? `，${r.grade}` : ''}${r.vetoReason ? '（一票否决）' : ''}`
              : `已保存：已评 ${r.scoredItems} / ${r.totalItems} 条，全部评完后计算等级`,
          );
          onClose();
        },
        onError: (e) => showApiError(remapScoreErrors(e, sent), (m) => void message.error(m), form),
      },
    );
  };

  const columns = [
    { title: '序号', dataIndex: 'itemNo', width: 56, align: 'center' as const },
    {
      title: '职责内容',
      render: (_: unknown, i: Item) => (
        <div>
          <div style={{ whiteSpace: 'pre-wrap' }}>{i.content}</div>
          {i.assessmentStandard && (
            <div className="sl-muted" style={{ fontSize: 12, marginTop: 4, whiteSpace: 'pre-wrap' }}>
              考核标准：{i.assessmentStandard}
            </div>
          )}
        </div>
      ),
    },
    { title: '分值', dataIndex: 'weight', width: 60, align: 'center' as const },
    {
      title: '得分',
      width: 110,
      render: (_: unknown, i: Item, idx: number) =>
        editable ? (
          <Form.Item
            name={['scores', idx, 'score']}
            style={{ margin: 0 }}
            rules={[{ validator: async (_r, val: unknown) => { if (typeof val === 'number' && (val < 0 || val > i.weight)) throw new Error(`第 ${i.itemNo} 条得分应在 0–${i.weight} 之间`); } }]}
          >
            <InputNumber min={0} max={i.weight} step={0.5} formatter={trimZero} style={{ width: 92 }} placeholder="未评" aria-label={`第 ${i.itemNo} 条得分`} />
          </Form.Item>
        ) : (
          <ScoreText score={i.score} weight={i.weight} />
        ),
    },
    {
      title: '扣分原因',
      width: 230,
      render: (_: unknown, i: Item, idx: number) => {
        if (!editable) return <span style={{ whiteSpace: 'pre-wrap' }}>{dash(i.deductionReason)}</span>;
        const sc = scores[idx]?.score;
        const full = typeof sc === 'number' && sc >= i.weight;
        return (
          <Form.Item
            name={['scores', idx, 'deductionReason']}
            style={{ margin: 0 }}
            dependencies={[['scores', idx, 'score']]}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_r, val: unknown) => {
                  const score: unknown = getFieldValue(['scores', idx, 'score']);
                  if (typeof score === 'number' && score < i.weight && !(typeof val === 'string' && val.trim())) {
                    throw new Error(`第 ${i.itemNo} 条扣了 ${round1(i.weight - score)} 分，请写明扣分原因`);
                  }
                },
              }),
            ]}
          >
            <Input maxLength={300} disabled={full} placeholder={full ? '满分，无需填写' : '扣分时必填'} />
          </Form.Item>
        );
      },
    },
    {
      title: '依据/证据',
      width: 200,
      render: (_: unknown, i: Item, idx: number) =>
        editable ? (
          <Form.Item name={['scores', idx, 'evidence']} style={{ margin: 0 }}>
            <Input maxLength={300} placeholder="如 检查记录编号（选填）" />
          </Form.Item>
        ) : (
          <span style={{ whiteSpace: 'pre-wrap' }}>{dash(i.evidence)}</span>
        ),
    },
  ];

  const notEditableReason = !row.listId
    ? `岗位「${row.postName}」在${period.label}没有现行的责任清单，无法考核。请先在「全员责任制」中编制并批准该岗位的责任清单。`
    : period.status === 'CLOSED'
      ? `「${period.label}」考核已结束，评分已锁定，只能查看。`
      : null;

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initialValues} disabled={save.isPending}>
      {!editable && notEditableReason && (
        <Alert
          type={row.listId ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={row.listId ? '只读' : '无法考核'}
          description={notEditableReason}
          action={
            !row.listId ? (
              <Button size="small" onClick={() => navigate(`/duties?post=${row.postId}`)}>
                去编制责任清单
              </Button>
            ) : undefined
          }
        />
      )}
      <Descriptions size="small" bordered column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="单位">{row.unitName}</Descriptions.Item>
        <Descriptions.Item label="工号">{row.staffNo}</Descriptions.Item>
        <Descriptions.Item label="岗位">{row.postName}</Descriptions.Item>
        <Descriptions.Item label="考核依据">{row.listLabel ? `${row.postName}安全生产责任清单 ${row.listLabel}` : <Typography.Text type="danger">无现行责任清单</Typography.Text>}</Descriptions.Item>
        <Descriptions.Item label="满分">{maxScore} 分（{items.length} 条）</Descriptions.Item>
        <Descriptions.Item label="考核期间">
          {period.startDate} 至 {period.endDate}
        </Descriptions.Item>
      </Descriptions>

      {items.length === 0 ? (
        <Empty description="没有可评分的职责条目" />
      ) : (
        <>
          {editable && (
            <div className="sl-toolbar">
              <Button icon={<CheckSquareOutlined />} onClick={fillFullMarks} disabled={emptyCount === 0} data-testid="assessment-full-marks">
                全部满分
              </Button>
              <span className="sl-muted">{emptyCount > 0 ? `把 ${emptyCount} 条未评分的职责填为满分，再对有问题的条目扣分` : '所有条目均已评分'}</span>
            </div>
          )}
          <Table<Item> size="small" bordered rowKey="itemId" pagination={false} dataSource={items} columns={columns} style={{ marginBottom: 16 }} />
        </>
      )}

      <Card size="small" title="考核信息" style={{ marginBottom: 16 }}>
        {editable ? (
          <>
            <Row gutter={16}>
              <Col span={6}>
                <Form.Item label="考核人" name="assessorName" rules={[{ required: true, whitespace: true, message: '请填写考核人' }]}>
                  <Input maxLength={30} placeholder="考核人姓名" />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item label="考核日期" name="assessedOn" rules={[{ required: true, message: '请选择考核日期' }]} tooltip={`不早于周期开始日 ${period.startDate}，不晚于今天`}>
                  <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(period.startDate), 'day')} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item label="一票否决" name="veto" valuePropName="checked" tooltip="发生责任事故、严重违章等情形时，无论得分多少，考核结果均为不合格">
                  <Switch checkedChildren="否决" unCheckedChildren="无" />
                </Form.Item>
              </Col>
              <Col span={8}>
                {veto && (
                  <Form.Item name="vetoReason" label="否决原因" rules={[{ required: true, whitespace: true, message: '请写明一票否决的原因' }]}>
                    <Input maxLength={200} placeholder="如 本季度发生轻伤事故" />
                  </Form.Item>
                )}
              </Col>
            </Row>
            <Form.Item label="考核评语" name="comment" style={{ marginBottom: 0 }}>
              <Input.TextArea rows={2} maxLength={300} showCount placeholder="选填：履职情况综合评价、改进要求" />
            </Form.Item>
          </>
        ) : (
          <Descriptions size="small" column={2}>
            <Descriptions.Item label="考核人">{dash(row.assessorName)}</Descriptions.Item>
            <Descriptions.Item label="考核日期">{dash(sheet.assessedOn)}</Descriptions.Item>
            <Descriptions.Item label="一票否决" span={2}>
              {row.vetoReason ? <Typography.Text type="danger">{row.vetoReason}</Typography.Text> : '无'}
            </Descriptions.Item>
            <Descriptions.Item label="考核评语" span={2}>
              {dash(sheet.comment)}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>

      <div style={{ position: 'sticky', bottom: 0, zIndex: 2, background: '#fff', borderTop: '1px solid #f0f0f0', margin: '0 -24px -24px', padding: '12px 24px', display: 'flex', alignItems: 'center', gap: 24, flexWrap: 'wrap' }}>
        <span data-testid="assessment-total">
          <span className="sl-muted">得分 </span>
          <Typography.Text strong style={{ fontSize: 18 }}>
            {scored.length === 0 ? '—' : total}
          </Typography.Text>
          <span className="sl-muted"> / {maxScore} 分</span>
        </span>
        <span>
          <span className="sl-muted">得分率 </span>
          {scored.length === 0 ? '—' : `${pct}%`}
          {scored.length > 0 && !complete && <span className="sl-muted">（暂计）</span>}
        </span>
        <span>
          <span className="sl-muted">已评 </span>
          <Typography.Text type={complete ? 'success' : undefined}>
            {scored.length} / {items.length} 条
          </Typography.Text>
        </span>
        <span>
          <span className="sl-muted">{editable ? '预计等级 ' : '等级 '}</span>
          {veto ? (
            <Tag color="red">不合格（一票否决）</Tag>
          ) : complete && grades ? (
            <GradeTag grade={gradeOf(pct, grades)} />
          ) : (
            <span className="sl-muted">全部条目评分后确定</span>
          )}
        </span>
        <span style={{ flex: 1 }} />
        <Button onClick={onClose}>{editable ? '取消' : '关闭'}</Button>
        {editable && (
          <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="assessment-save">
            保存评分
          </Button>
        )}
      </div>
    </Form>
  );
}

/** step 0.5 makes InputNumber show one decimal; whole points read better without ".0". */
function trimZero(v: string | number | undefined): string {
  return v === undefined ? '' : String(v).replace(/\.0$/, '');
}

function ScoreText({ score, weight }: { score: number | null; weight: number }) {
  if (score === null) return <span className="sl-muted">未评</span>;
  return <Typography.Text type={score < weight ? 'danger' : undefined}>{score}</Typography.Text>;
}

/**
 * main reports `scores.N.*` against the array it received (scored items only);
 * the form holds every item, so N is translated back to the form's row.
 */
function remapScoreErrors(err: unknown, sent: number[]): unknown {
  if (!(err instanceof ApiError) || !err.fields.length) return err;
  const fields = err.fields.map((f) => {
    const m = /^scores\.(\d+)\.(\w+)$/.exec(f.path);
    if (!m) return f;
    const formIdx = sent[Number(m[1])];
    if (formIdx === undefined) return f;
    const leaf = m[2] === 'itemId' ? 'score' : m[2];
    return { ...f, path: `scores.${formIdx}.${leaf}` };
  });
  return new ApiError({ code: err.code, message: err.message, fields });
}
