import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { FormOutlined, SignatureOutlined, UndoOutlined, UserAddOutlined } from '@ant-design/icons';
import { PersonStatus } from '../../../../preload/contract/enums.ts';
import type { InputOf, OutputOf } from '../../../../preload/contract/index.ts';
import type { TrainingSession } from '../../../../preload/contract/training.ts';
import { errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { okButtonTestId } from '../../lib/forms.ts';
import { SignatureModal } from '../../components/SignatureModal.tsx';
import { sessionToInput } from './SessionForm.tsx';
import { PassTag, SignInScanField, SignMethodTag, SignatureThumb, useTrainingSettings } from './trainingMeta.tsx';

type Attendee = TrainingSession['attendees'][number];
type Candidate = OutputOf<'trainingAttendance.candidates'>[number];
type Entry = InputOf<'trainingAttendance.record'>['entries'][number];
type Dialog = 'batch' | 'screen' | 'add' | null;

/** Whether a score passes, as main will decide it (the session's pass mark, else the default). */
function passPreview(score: number | null | undefined, pass: number | null): boolean | null {
  if (score === null || score === undefined || pass === null) return null;
  return score >= pass;
}

/**
 * Attendance of one session: the people who attended, how each signed
 * (on screen or on the paper sheet), their exam scores and results; batch
 * entry from the paper sign-in sheet, an on-screen signature, or one person
 * added by name.
 */
export function AttendancePanel({ session }: { session: TrainingSession }) {
  const { message } = AntApp.useApp();
  const settings = useTrainingSettings();
  const record = useApiMutation('trainingAttendance.record');
  const remove = useApiMutation('trainingAttendance.remove');
  const [dialog, setDialog] = useState<Dialog>(null);
  const exam = session.examMethod !== 'NONE';
  const pass = exam ? (session.passScore ?? settings.data?.passScore ?? null) : null;
  const rows = session.attendees;
  const onScreen = rows.filter((a) => a.signMethod === 'ON_SCREEN').length;
  const passed = rows.filter((a) => a.passed === true).length;
  const failed = rows.filter((a) => a.passed === false).length;

  const saveScore = (a: Attendee, score: number | null) =>
    record.mutate(
      { sessionId: session.id, entries: [{ personId: a.personId, signMethod: a.signMethod, signatureAttachmentId: null, examScore: score, passed: null }] },
      { onSuccess: () => void message.success(`已更新「${a.name}」的成绩`), onError: (e) => void message.error(errorMessage(e)) },
    );

  return (
    <div data-testid="attendance-panel">
      <div className="sl-toolbar">
        <span data-testid="attendance-counts">
          已签到 <b>{rows.length}</b> 人
          {rows.length > 0 && (
            <span className="sl-muted">
              （屏幕签名 {onScreen}，纸质签到表 {rows.length - onScreen}）
            </span>
          )}
          {exam && rows.length > 0 && (
            <>
              ；<span style={{ color: '#389e0d' }}>合格 {passed}</span>
              {failed > 0 && <span style={{ color: '#cf1322' }}>，不合格 {failed}</span>}
            </>
          )}
        </span>
        <span style={{ flex: 1 }} />
        <Button type="primary" icon={<FormOutlined />} onClick={() => setDialog('batch')} data-testid="attendance-batch">
          按纸质签到表录入
        </Button>
        <Button icon={<SignatureOutlined />} onClick={() => setDialog('screen')} data-testid="attendance-screen">
          屏幕签名签到
        </Button>
        <Button icon={<UserAddOutlined />} onClick={() => setDialog('add')} data-testid="attendance-add">
          添加其他人员
        </Button>
      </div>
      <Table<Attendee>
        size="small"
        rowKey="personId"
        bordered
        pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        dataSource={rows}
        data-testid="attendance-table"
        locale={{
          emptyText: (
            <div style={{ padding: 12 }}>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                还没有人签到。可先「打印签到表」供参训人员手写签字，培训后按纸质签到表录入；也可以请参训人员在屏幕上签名。
              </Typography.Paragraph>
            </div>
          ),
        }}
        columns={[
          { title: '序号', key: 'seq', width: 52, align: 'center', render: (_, _a, i) => i + 1 },
          { title: '姓名', dataIndex: 'name', width: 90, render: (v: string, a) => <span data-testid={`attendee-${a.staffNo}`}>{v}</span> },
          { title: '工号', dataIndex: 'staffNo', width: 84 },
          { title: '单位', dataIndex: 'unitName', width: 110 },
          { title: '岗位', dataIndex: 'postNames', render: (v: string) => v || <span className="sl-muted">—</span> },
          { title: '签到方式', dataIndex: 'signMethod', width: 110, render: (m: Attendee['signMethod']) => <SignMethodTag method={m} /> },
          { title: '签名', dataIndex: 'signatureAttachmentId', width: 110, render: (id: string | null) => (id ? <SignatureThumb id={id} /> : <span className="sl-muted">见纸质签到表</span>) },
          ...(exam
            ? [
                {
                  title: `考试成绩${pass !== null ? `（${pass} 分及格）` : ''}`,
                  key: 'score',
                  width: 150,
                  render: (_: unknown, a: Attendee) => <ScoreCell value={a.examScore} onCommit={(v) => saveScore(a, v)} testId={`attendee-score-${a.staffNo}`} />,
                },
              ]
            : []),
          { title: '结果', dataIndex: 'passed', width: 84, render: (p: boolean | null, a) => (exam ? <PassTag passed={p} testId={`attendee-result-${a.staffNo}`} /> : <span className="sl-muted">不考核</span>) },
          {
            title: '',
            key: 'remove',
            width: 84,
            render: (_, a) => (
              <Popconfirm
                title={`撤销「${a.name}」的签到？`}
                description="撤销后其本次学时不再计入培训档案。"
                okText="撤销签到"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() =>
                  remove.mutateAsync({ sessionId: session.id, personId: a.personId }).then(
                    () => void message.success(`已撤销「${a.name}」的签到`),
                    (e: unknown) => void message.error(errorMessage(e)),
                  )
                }
              >
                <Button size="small" type="link" danger icon={<UndoOutlined />} data-testid={`attendee-remove-${a.staffNo}`}>
                  撤销
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {dialog === 'batch' && <BatchModal session={session} pass={pass} onClose={() => setDialog(null)} />}
      {dialog === 'screen' && <ScreenSignModal session={session} pass={pass} onClose={() => setDialog(null)} />}
      {dialog === 'add' && <AddPersonModal session={session} pass={pass} onClose={() => setDialog(null)} />}
    </div>
  );
}

/** An exam score edited in place; saved when it changes (Enter or leaving the box). */
function ScoreCell({ value, onCommit, testId }: { value: number | null; onCommit: (v: number | null) => void; testId: string }) {
  const [v, setV] = useState<number | null>(value);
  useEffect(() => setV(value), [value]);
  const commit = () => {
    if (v !== value) onCommit(v);
  };
  return (
    <InputNumber
      size="small"
      className="sl-training-score"
      min={0}
      max={100}
     
      value={v}
      placeholder="未录"
      suffix="分"
      style={{ width: 100 }}
      onChange={(x) => setV(x)}
      onBlur={commit}
      onPressEnter={commit}
      data-testid={testId}
    />
  );
}

interface Pick {
  score: number | null;
  passed: boolean | null;
}

/**
 * Entry from the printed sign-in sheet: the people of the audience units who
 * were employed on the session date, ticked as on the paper, with their scores.
 */
function BatchModal({ session, pass, onClose }: { session: TrainingSession; pass: number | null; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const exam = session.examMethod !== 'NONE';
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const cands = useApi('trainingAttendance.candidates', { sessionId: session.id, search: search || null }, { placeholderData: (prev) => prev });
  const record = useApiMutation('trainingAttendance.record');
  const update = useApiMutation('trainingSession.update');
  const [picked, setPicked] = useState<Record<string, Pick>>({});
  const [scan, setScan] = useState<{ id: string; name: string | null } | null>(null);
  const rows = cands.data ?? [];
  const count = Object.keys(picked).length;
  const open = rows.filter((c) => !c.attended).length;

  const patch = (id: string, p: Partial<Pick>) => setPicked((prev) => ({ ...prev, [id]: { score: null, passed: null, ...prev[id], ...p } }));

  const submit = async () => {
    if (!count) {
      void message.warning('请勾选在签到表上签了字的人员');
      return;
    }
    const entries: Entry[] = Object.entries(picked).map(([personId, p]) => ({ personId, signMethod: 'PAPER', signatureAttachmentId: null, examScore: exam ? p.score : null, passed: exam ? p.passed : null }));
    try {
      const after = await record.mutateAsync({ sessionId: session.id, entries });
      if (scan && scan.id !== after.signInAttachmentId) await update.mutateAsync({ id: after.id, ...sessionToInput(after), signInAttachmentId: scan.id });
      void message.success(`已按签到表录入 ${entries.length} 人${scan ? '，签到表扫描件已存档' : ''}`);
      onClose();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <Modal
      open
      width={920}
      title={`按纸质签到表录入 · ${session.code} ${session.title}`}
      okText={count ? `录入 ${count} 人` : '录入'}
      cancelText="取消"
      confirmLoading={record.isPending || update.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={okButtonTestId('attendance-batch-ok')}
      destroyOnHidden
      data-testid="attendance-batch-modal"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        列出{session.audienceUnitNames.length ? `参训单位（${session.audienceUnitNames.join('、')}，含下级单位）` : '全企业'}在培训当日（{session.sessionDate}）在职的人员。按签到表勾选签了字的人员{exam ? `，填写考试成绩（${pass ?? '—'} 分及格；口试、实操没有分数的可直接选合格或不合格）` : ''}。
      </Typography.Paragraph>
      <div className="sl-toolbar">
        <Input.Search
          allowClear
          placeholder="姓名或工号"
          style={{ width: 220 }}
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          onSearch={(v) => setSearch(v.trim())}
          data-testid="attendance-batch-search"
        />
        <span className="sl-muted">
          共 {rows.length} 人，{open} 人未签到；已勾选 <b style={{ color: '#1f5eb8' }}>{count}</b> 人
        </span>
        <span style={{ flex: 1 }} />
        <SignInScanField value={scan} onChange={setScan} testId="attendance-batch-scan" />
      </div>
      <Table<Candidate>
        size="small"
        rowKey="personId"
        loading={cands.isFetching && !cands.data}
        dataSource={rows}
        scroll={{ y: 420 }}
        pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false, size: 'small' } : false}
        data-testid="attendance-candidates"
        locale={{ emptyText: search ? '没有匹配的人员' : '参训单位在培训当日没有在职人员' }}
        rowSelection={{
          selectedRowKeys: Object.keys(picked),
          preserveSelectedRowKeys: true,
          onChange: (keys) => setPicked((prev) => Object.fromEntries((keys as string[]).map((k) => [k, prev[k] ?? { score: null, passed: null }]))),
          getCheckboxProps: (c) => ({ disabled: c.attended }),
        }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90, render: (v: string, c) => <span data-testid={`candidate-${c.staffNo}`}>{v}</span> },
          { title: '工号', dataIndex: 'staffNo', width: 84 },
          { title: '单位', dataIndex: 'unitName', width: 110 },
          { title: '岗位', dataIndex: 'postNames', render: (v: string) => v || <span className="sl-muted">—</span> },
          ...(exam
            ? [
                {
                  title: '考试成绩',
                  key: 'score',
                  width: 120,
                  render: (_: unknown, c: Candidate) =>
                    c.attended ? null : (
                      <InputNumber
                        size="small"
                        className="sl-training-score"
                        min={0}
                        max={100}
                       
                        suffix="分"
                        style={{ width: 96 }}
                        value={picked[c.personId]?.score ?? null}
                        onChange={(v) => patch(c.personId, { score: v })}
                        data-testid={`candidate-score-${c.staffNo}`}
                      />
                    ),
                },
                {
                  title: '结果',
                  key: 'passed',
                  width: 150,
                  render: (_: unknown, c: Candidate) => {
                    if (c.attended) return null;
                    const p = picked[c.personId];
                    const preview = passPreview(p?.score, pass);
                    return (
                      <Space size={4}>
                        <Select
                          size="small"
                          allowClear
                          style={{ width: 80 }}
                          placeholder="按分数"
                          value={p?.passed === null || p?.passed === undefined ? undefined : p.passed ? 'Y' : 'N'}
                          onChange={(v?: string) => patch(c.personId, { passed: v === undefined ? null : v === 'Y' })}
                          options={[
                            { value: 'Y', label: '合格' },
                            { value: 'N', label: '不合格' },
                          ]}
                          popupMatchSelectWidth={false}
                        />
                        {(p?.passed ?? null) === null && preview !== null && <PassTag passed={preview} />}
                      </Space>
                    );
                  },
                },
              ]
            : []),
          { title: '', key: 'state', width: 76, render: (_, c) => (c.attended ? <Tag color="green">已签到</Tag> : null) },
        ]}
      />
    </Modal>
  );
}

/** One person signs on screen: choose them among the candidates, then the signature pad. */
function ScreenSignModal({ session, pass, onClose }: { session: TrainingSession; pass: number | null; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const exam = session.examMethod !== 'NONE';
  const [form] = Form.useForm<{ personId?: string; score?: number | null }>();
  const cands = useApi('trainingAttendance.candidates', { sessionId: session.id, search: null });
  const upload = useApiMutation('attachment.upload');
  const record = useApiMutation('trainingAttendance.record');
  const [signer, setSigner] = useState<{ id: string; name: string; score: number | null } | null>(null);
  const score = Form.useWatch('score', form);
  const options = (cands.data ?? []).filter((c) => !c.attended).map((c) => ({ value: c.personId, label: `${c.name}（${c.staffNo} · ${c.unitName}）` }));

  const next = async () => {
    const v = await form.validateFields();
    const c = cands.data?.find((x) => x.personId === v.personId);
    if (c) setSigner({ id: c.personId, name: c.name, score: v.score ?? null });
  };

  const sign = async (png: string) => {
    if (!signer) return;
    try {
      const a = await upload.mutateAsync({ fileName: `培训签到-${session.code}-${signer.name}.png`, dataBase64: png, purpose: 'image' });
      await record.mutateAsync({ sessionId: session.id, entries: [{ personId: signer.id, signMethod: 'ON_SCREEN', signatureAttachmentId: a.id, examScore: exam ? signer.score : null, passed: null }] });
      void message.success(`${signer.name} 已签到`);
      onClose();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Modal
        open={!signer}
        title="屏幕签名签到"
        okText="下一步：签名"
        cancelText="取消"
        onOk={() => void next()}
        onCancel={onClose}
        okButtonProps={okButtonTestId('attendance-screen-next')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" colon={false}>
          <Form.Item label="参训人员" name="personId" rules={[{ required: true, message: '请选择签到的人员' }]} extra="参训单位中培训当日在职、尚未签到的人员">
            <Select showSearch={{ optionFilterProp: 'label' }} options={options} loading={cands.isFetching} placeholder="输入姓名或工号搜索" notFoundContent="没有可签到的人员" data-testid="attendance-screen-person" />
          </Form.Item>
          {exam && (
            <Form.Item label="考试成绩" name="score" extra={pass !== null ? `${pass} 分及格；可在签到后再录入` : undefined}>
              <InputNumber min={0} max={100} suffix="分" style={{ width: 140 }} data-testid="attendance-screen-score" />
            </Form.Item>
          )}
          {exam && passPreview(score, pass) !== null && <PassTag passed={passPreview(score, pass)} />}
        </Form>
      </Modal>
      <SignatureModal
        open={!!signer}
        title="培训签到"
        signer={signer?.name ?? '参训人员'}
        loading={upload.isPending || record.isPending}
        statement={`本人参加了 ${session.sessionDate} 的「${session.title}」培训（${session.hours} 学时，授课人 ${session.trainer}），特此签到。`}
        onCancel={() => setSigner(null)}
        onSign={(png) => void sign(png)}
      />
    </>
  );
}

/**
 * Adds one person found by name, also people outside the audience units
 * (e.g. a visitor from another workshop). Main refuses people who were not
 * employed on the session date, and the refusal is shown here.
 */
function AddPersonModal({ session, pass, onClose }: { session: TrainingSession; pass: number | null; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const exam = session.examMethod !== 'NONE';
  const [form] = Form.useForm<{ personId?: string; score?: number | null }>();
  const [search, setSearch] = useState('');
  const people = useApi('person.list', { search: search || null, sort: 'staffNo', page: 1, pageSize: 30 }, { placeholderData: (prev) => prev });
  const record = useApiMutation('trainingAttendance.record');
  const [error, setError] = useState<string | null>(null);
  const attended = new Set(session.attendees.map((a) => a.personId));
  const options = (people.data?.items ?? []).map((p) => ({
    value: p.id,
    disabled: attended.has(p.id),
    label: `${p.name}（${p.staffNo} · ${p.unitName}）${p.status === 'LEFT' ? ` · ${PersonStatus.label.LEFT}${p.leftDate ? ` ${p.leftDate}` : ''}` : ''}${attended.has(p.id) ? ' · 已签到' : ''}`,
  }));

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      await record.mutateAsync({ sessionId: session.id, entries: [{ personId: v.personId!, signMethod: 'PAPER', signatureAttachmentId: null, examScore: exam ? (v.score ?? null) : null, passed: null }] });
      void message.success('已登记签到');
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Modal
      open
      title="添加其他人员（纸质签到表）"
      okText="登记签到"
      cancelText="取消"
      confirmLoading={record.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={okButtonTestId('attendance-add-ok')}
      destroyOnHidden
      data-testid="attendance-add-modal"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        签到表上有、但不在参训单位名单中的人员，按姓名或工号查找后登记。培训日（{session.sessionDate}）已离职或尚未入职的人员不能登记。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" colon={false} onValuesChange={() => setError(null)}>
        <Form.Item label="人员" name="personId" rules={[{ required: true, message: '请选择人员' }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            options={options}
            loading={people.isFetching}
            placeholder="输入姓名或工号搜索（含已离职人员）"
            notFoundContent={people.isFetching ? '搜索中…' : '没有匹配的人员'}
            data-testid="attendance-add-person"
          />
        </Form.Item>
        {exam && (
          <Form.Item label="考试成绩" name="score" extra={pass !== null ? `${pass} 分及格` : undefined}>
            <InputNumber min={0} max={100} suffix="分" style={{ width: 140 }} data-testid="attendance-add-score" />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="attendance-add-error" />}
    </Modal>
  );
}
