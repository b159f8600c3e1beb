import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { InputOf } from '../../../../preload/contract/index.ts';
import { ApiError, errorMessage, invoke, useApi, useApiMutation } from '../../lib/api.ts';
import { okButtonTestId, showApiError } from '../../lib/forms.ts';
import { PersonSelect } from '../../components/selects.tsx';
import { useGradeProfiles, type Session } from './stdMeta.tsx';

interface Values {
  year?: number;
  title?: string;
  standardId?: string;
  gradeProfile?: string;
  team?: { name?: string; role?: string; personId?: string | null }[];
  dates?: [Dayjs | null, Dayjs | null] | null;
  accidentFreeYears?: number | null;
  overview?: string | null;
  process?: string | null;
}

const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** 新建 / 修改 a self-assessment: year, standard, grade profile, the team, dates and the narrative for the report. */
export function SessionFormModal({ session, onClose, onSaved }: { session: Session | null; onClose: () => void; onSaved: (s: Session) => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const standards = useApi('standard.list', {});
  const profiles = useGradeProfiles();
  const create = useApiMutation('stdSession.create');
  const update = useApiMutation('stdSession.update');
  const [problem, setProblem] = useState<string | null>(null);
  const year = dayjs().year();
  const standardId = Form.useWatch('standardId', form) as string | undefined;
  const chosen = standards.data?.find((s) => s.id === standardId);
  const profileKey = Form.useWatch('gradeProfile', form) as string | undefined;
  const profile = profiles.data?.find((p) => p.key === profileKey);
  const locked = !!session && session.totals.answered > 0;

  // A new session starts on the built-in standard and the current grading rules.
  useEffect(() => {
    if (session) return;
    const builtin = standards.data?.find((s) => s.builtin) ?? standards.data?.[0];
    if (builtin && !form.getFieldValue('standardId')) form.setFieldValue('standardId', builtin.id);
    const first = profiles.data?.[0];
    if (first && !form.getFieldValue('gradeProfile')) form.setFieldValue('gradeProfile', first.key);
  }, [session, standards.data, profiles.data, form]);

  const initialValues: Values = session
    ? {
        year: session.year,
        title: session.title,
        standardId: session.standardId,
        gradeProfile: session.gradeProfile,
        team: session.team,
        dates: [dayjs(session.startsOn), dayjs(session.endsOn)],
        accidentFreeYears: session.accidentFreeYears,
        overview: session.overview,
        process: session.process,
      }
    : { year, title: `${year} 年度安全生产标准化自评`, team: [{ name: '', role: '组长', personId: null }], dates: [dayjs(), dayjs().add(30, 'day')], accidentFreeYears: null };

  const save = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setProblem(null);
    const input: InputOf<'stdSession.create'> = {
      year: v.year!,
      title: v.title?.trim() ?? '',
      standardId: v.standardId ?? '',
      gradeProfile: v.gradeProfile ?? '',
      team: (v.team ?? []).map((m) => ({ name: m.name?.trim() ?? '', role: m.role?.trim() ?? '', personId: m.personId ?? null })),
      startsOn: v.dates?.[0]?.format('YYYY-MM-DD') ?? '',
      endsOn: v.dates?.[1]?.format('YYYY-MM-DD') ?? '',
      accidentFreeYears: v.accidentFreeYears ?? null,
      overview: blank(v.overview),
      process: blank(v.process),
    };
    try {
      const s = session ? await update.mutateAsync({ id: session.id, ...input }) : await create.mutateAsync(input);
      void message.success(session ? '自评的基本信息已保存' : `已新建「${s.title}」，可以开始逐项评分`);
      onSaved(s);
      onClose();
    } catch (e) {
      const known = ['year', 'title', 'standardId', 'gradeProfile', 'team', 'accidentFreeYears', 'overview', 'process'];
      const dateField = e instanceof ApiError && e.fields.find((f) => f.path === 'startsOn' || f.path === 'endsOn');
      if (dateField) form.setFields([{ name: 'dates', errors: [dateField.message] }]);
      const onField = e instanceof ApiError && e.fields.some((f) => known.includes(f.path.split('.')[0]!) || f.path === 'startsOn' || f.path === 'endsOn');
      setProblem(onField ? null : errorMessage(e));
      showApiError(e, () => undefined, form);
    }
  };

  // Picking a person from the roster fills the member's name.
  const fillName = async (index: number, personId: string | null) => {
    if (!personId) return;
    const [p] = await invoke('person.options', { search: null, ids: [personId] }).catch(() => []);
    if (p && !form.getFieldValue(['team', index, 'name'])) form.setFieldValue(['team', index, 'name'], p.name);
  };

  return (
    <Modal
      open
      width={860}
      title={session ? `修改自评信息：${session.title}` : '新建标准化自评'}
      okText={session ? '保存' : '新建并开始评分'}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={okButtonTestId('std-session-modal-ok')}
      destroyOnHidden
      data-testid="std-session-modal"
    >
      <Form form={form} layout="vertical" requiredMark="optional" colon={false} initialValues={initialValues} onValuesChange={() => problem && setProblem(null)}>
        <Row gutter={12}>
          <Col span={5}>
            <Form.Item label="自评年度" name="year" rules={[{ required: true, message: '请填写自评年度' }]}>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="std-session-year" />
            </Form.Item>
          </Col>
          <Col span={19}>
            <Form.Item label="自评名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写自评名称' }]}>
              <Input maxLength={60} data-testid="std-session-title" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label="评分标准"
              name="standardId"
              rules={[{ required: true, message: '请选择评分标准' }]}
              extra={locked ? '已开始评分，不能更换评分标准' : chosen ? `${chosen.elementCount} 个要素，${chosen.itemCount} 个考评项目，满分 ${chosen.totalPoints} 分` : '行业评分细则可在「评分标准库」中导入'}
            >
              <Select
                disabled={locked}
                loading={standards.isFetching}
                placeholder="选择评分标准"
                showSearch={{ optionFilterProp: 'label' }}
                options={(standards.data ?? []).map((s) => ({ value: s.id, label: `${s.name}${s.edition ? `（${s.edition}）` : ''}`, builtin: s.builtin }))}
                optionRender={(o) => (
                  <span>
                    {o.data.label} {o.data.builtin && <Tag color="blue">内置</Tag>}
                  </span>
                )}
                data-testid="std-session-standard"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="定级标准" name="gradeProfile" rules={[{ required: true, message: '请选择定级标准' }]} extra={profile?.basis}>
              <Select loading={profiles.isFetching} placeholder="选择定级标准" options={(profiles.data ?? []).map((p) => ({ value: p.key, label: p.name }))} data-testid="std-session-profile" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="自评起止日期" name="dates" rules={[{ required: true, message: '请选择自评的开始和结束日期' }]}>
              <DatePicker.RangePicker style={{ width: '100%' }} data-testid="std-session-dates" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label="连续无生产安全事故年数"
              name="accidentFreeYears"
              extra={profile ? `定级还须满足安全生产绩效条件：${profile.grades.map((g) => `${g.label} ${g.accidentFreeYears} 年`).join('，')}；不填则只按得分核定` : undefined}
            >
              <InputNumber min={0} max={100} precision={1} style={{ width: '100%' }} suffix="年" data-testid="std-session-accident-free" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>自评小组</Typography.Text>
        <Form.List name="team" rules={[{ validator: async (_, v: unknown[]) => (v?.length ? undefined : Promise.reject(new Error('请至少登记一名自评小组成员'))) }]}>
          {(fields, { add, remove }, { errors }) => (
            <div style={{ marginTop: 8 }} data-testid="std-session-team">
              {fields.map((f, i) => (
                <Row gutter={8} key={f.key}>
                  <Col span={7}>
                    <Form.Item name={[f.name, 'personId']} style={{ marginBottom: 8 }}>
                      <PersonSelect placeholder="从人员名册选择（可不选）" onChange={(v) => void fillName(i, v)} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]} style={{ marginBottom: 8 }}>
                      <Input placeholder="姓名" maxLength={30} data-testid={`std-team-name-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col span={9}>
                    <Form.Item name={[f.name, 'role']} rules={[{ required: true, whitespace: true, message: '请填写在小组中的职责' }]} style={{ marginBottom: 8 }}>
                      <Input placeholder="职责，如：组长、成员（负责 5.4 现场管理）" maxLength={40} data-testid={`std-team-role-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label="移除该成员" disabled={fields.length === 1} onClick={() => remove(f.name)} />
                  </Col>
                </Row>
              ))}
              <Form.ErrorList errors={errors} />
              {fields.length < 30 && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', role: '成员', personId: null })} style={{ marginBottom: 16 }} data-testid="std-team-add">
                  添加成员
                </Button>
              )}
            </div>
          )}
        </Form.List>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label="企业概况" name="overview" extra="写入自评报告">
              <Input.TextArea rows={3} maxLength={3000} placeholder="主要产品、规模、人员、主要危险有害因素等" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="自评过程" name="process" extra="写入自评报告">
              <Input.TextArea rows={3} maxLength={3000} placeholder="自评的组织、查阅资料、现场检查和人员询问的情况" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {problem && <Alert type="error" showIcon title="未能保存" description={problem} data-testid="std-session-modal-error" />}
    </Modal>
  );
}
