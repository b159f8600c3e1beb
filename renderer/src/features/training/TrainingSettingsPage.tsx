import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Skeleton, Space, Switch, Table, Tag, Typography } from 'antd';
import { Industry, IndustrySector, TraineeRole } from '../../../../preload/contract/enums.ts';
import type { InputOf, OutputOf } from '../../../../preload/contract/index.ts';
import type { HourRule } from '../../../../preload/contract/training.ts';
import { useApi, useApiMutation } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SettingsSaveBar } from '../../components/SettingsSaveBar.tsx';
import type { TraineeRoleCode } from './trainingMeta.tsx';
import './training.css';

type Settings = OutputOf<'trainingSettings.get'>;
type Override = 'FOLLOW' | 'YES' | 'NO';

interface Values {
  hourRules?: HourRule[];
  highRiskIndustries?: string[];
  override?: Override;
  inductionLookbackDays?: number;
  postChangeLookbackDays?: number;
  periodicRule?: Settings['periodicRule'];
  passScore?: number;
}

const INDUSTRY_OPTIONS = [
  ...Industry.options.map((o) => ({ value: o.value as string, label: o.label })),
  ...IndustrySector.options.map((o) => ({ value: `SECTOR:${o.value}`, label: `工贸 · ${o.label}` })),
];

/** Every role × industry combination, in a fixed order, with the stored rule or a blank one. */
function allRules(rules: HourRule[]): HourRule[] {
  const out: HourRule[] = [];
  for (const highRisk of [false, true]) {
    for (const role of TraineeRole.values as readonly TraineeRoleCode[]) {
      out.push(rules.find((r) => r.role === role && r.highRisk === highRisk) ?? { role, highRisk, initialHours: null, yearlyHours: null, basis: '企业规定' });
    }
  }
  return out;
}

function toValues(s: Settings): Values {
  return {
    hourRules: allRules(s.hourRules),
    highRiskIndustries: s.highRiskIndustries,
    override: s.highRiskOverride === null ? 'FOLLOW' : s.highRiskOverride ? 'YES' : 'NO',
    inductionLookbackDays: s.inductionLookbackDays,
    postChangeLookbackDays: s.postChangeLookbackDays,
    periodicRule: { ...s.periodicRule },
    passScore: s.passScore,
  };
}

/** 培训设置: the hour requirements by role and industry, what counts as high-risk, the lookbacks, the all-staff periodic rule and the pass mark. */
export function TrainingSettingsPage() {
  const { message } = AntApp.useApp();
  const q = useApi('trainingSettings.get', {});
  const save = useApiMutation('trainingSettings.update');
  const [form] = Form.useForm<Values>();
  const [dirty, setDirty] = useState(false);
  const [shown, setShown] = useState<Settings | null>(null);
  const periodicEnabled = Form.useWatch(['periodicRule', 'enabled'], form) as boolean | undefined;

  const reset = (s: Settings) => {
    form.resetFields();
    form.setFieldsValue(toValues(s));
    setShown(s);
    setDirty(false);
  };
  useEffect(() => {
    if (q.data && !dirty) reset(q.data);
  }, [q.data]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      void message.warning('请先补全标红的内容');
      return;
    }
    const v = form.getFieldsValue(true) as Values;
    const input: InputOf<'trainingSettings.update'> = {
      hourRules: (v.hourRules ?? []).map((r) => ({ role: r.role, highRisk: r.highRisk, initialHours: r.initialHours ?? null, yearlyHours: r.yearlyHours ?? null, basis: r.basis?.trim() ?? '' })),
      highRiskIndustries: v.highRiskIndustries ?? [],
      highRiskOverride: v.override === 'YES' ? true : v.override === 'NO' ? false : null,
      inductionLookbackDays: v.inductionLookbackDays,
      postChangeLookbackDays: v.postChangeLookbackDays,
      periodicRule: v.periodicRule,
      passScore: v.passScore,
    };
    try {
      const s = await save.mutateAsync(input);
      reset(s);
      void message.success('培训设置已保存');
    } catch (err) {
      showApiError(err, (m) => void message.error(m), form);
    }
  };

  return (
    <div className="sl-page" data-testid="training-settings-page">
      <PageHeader
        title="培训设置"
        description="各类人员的安全培训学时要求（《生产经营单位安全培训规定》，高危行业要求更高）、哪些行业按高危行业计、新员工三级教育和转岗培训的核查范围、地方的全员定期培训规则和考试及格分。修改后立即用于培训档案与学时的核查。"
      />
      {q.isError && <Alert type="error" showIcon title={q.error.message} style={{ marginBottom: 16 }} />}
      {!q.data && !q.isError && (
        <Card size="small">
          <Skeleton active />
        </Card>
      )}
      {q.data && (
        <Form form={form} layout="vertical" colon={false} onValuesChange={() => setDirty(true)} data-testid="training-settings-form">
          <Card size="small" title="学时要求" style={{ marginBottom: 16 }}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              主要负责人：法定代表人或企业信息中登记的主要负责人；安全生产管理人员：分管安全负责人、安全管理部门人员和持有效安全管理人员证书者；其他为从业人员。入职当年按初次培训学时核查，以后每年按再培训学时核查。留空表示无要求。
            </Typography.Paragraph>
            <Form.List name="hourRules">
              {(fields) => {
                const all = (form.getFieldValue('hourRules') as HourRule[] | undefined) ?? [];
                return (
                  <Table
                    size="small"
                    bordered
                    pagination={false}
                    rowKey="key"
                    dataSource={fields}
                    data-testid="training-hour-rules"
                    columns={[
                      {
                        title: '行业',
                        key: 'industry',
                        width: 100,
                        onCell: (f) => ({ rowSpan: f.name % 3 === 0 ? 3 : 0 }),
                        render: (_, f) => {
                          const hr = !!all[f.name]?.highRisk;
                          return (
                            <div>
                              {hr ? <b style={{ color: '#d4380d' }}>高危行业</b> : <b>一般行业</b>}
                              {shown && shown.highRisk === hr && (
                                <div>
                                  <Tag color="blue" style={{ marginTop: 4 }}>
                                    本企业适用
                                  </Tag>
                                </div>
                              )}
                            </div>
                          );
                        },
                      },
                      { title: '人员类别', key: 'role', width: 150, render: (_, f) => TraineeRole.label[all[f.name]?.role ?? 'STAFF'] },
                      {
                        title: '初次培训（学时）',
                        key: 'initial',
                        width: 150,
                        render: (_, f) => (
                          <Form.Item name={[f.name, 'initialHours']} style={{ margin: 0 }}>
                            <InputNumber size="small" min={0} max={500} placeholder="无要求" style={{ width: '100%' }} data-testid={`hour-initial-${f.name}`} />
                          </Form.Item>
                        ),
                      },
                      {
                        title: '每年再培训（学时）',
                        key: 'yearly',
                        width: 160,
                        render: (_, f) => (
                          <Form.Item name={[f.name, 'yearlyHours']} style={{ margin: 0 }}>
                            <InputNumber size="small" min={0} max={500} placeholder="无要求" style={{ width: '100%' }} data-testid={`hour-yearly-${f.name}`} />
                          </Form.Item>
                        ),
                      },
                      {
                        title: '依据',
                        key: 'basis',
                        render: (_, f) => (
                          <Form.Item name={[f.name, 'basis']} style={{ margin: 0 }} rules={[{ required: true, whitespace: true, message: '请填写依据' }]}>
                            <Input size="small" maxLength={200} />
                          </Form.Item>
                        ),
                      },
                    ]}
                  />
                );
              }}
            </Form.List>
          </Card>
          <Row gutter={16}>
            <Col xs={24} xl={12}>
              <Card size="small" title="高危行业" style={{ marginBottom: 16 }}>
                {shown && (
                  <Alert
                    type={shown.highRisk ? 'warning' : 'info'}
                    showIcon
                    style={{ marginBottom: 12 }}
                    title={`当前按${shown.highRisk ? '高危行业' : '一般行业'}的学时要求核查`}
                    description={shown.highRiskBasis}
                    data-testid="training-high-risk"
                  />
                )}
                <Form.Item label="按高危行业学时要求的行业" name="highRiskIndustries" extra="默认：危险化学品、矿山、工贸中的冶金和有色（金属冶炼）；煤矿、烟花爆竹企业请选相应行业或直接认定">
                  <Select mode="multiple" options={INDUSTRY_OPTIONS} showSearch={{ optionFilterProp: 'label' }} placeholder="选择行业" data-testid="training-industries" />
                </Form.Item>
                <Form.Item label="本企业是否按高危行业" name="override">
                  <Radio.Group
                    options={[
                      { value: 'FOLLOW', label: '跟随企业行业' },
                      { value: 'YES', label: '是' },
                      { value: 'NO', label: '否' },
                    ]}
                    data-testid="training-override"
                  />
                </Form.Item>
              </Card>
              <Card size="small" title="核查范围和及格分" style={{ marginBottom: 16 }}>
                <Row gutter={12}>
                  <Col span={8}>
                    <Form.Item label="新员工三级教育" name="inductionLookbackDays" rules={[{ required: true, message: '请填写天数' }]} extra="入职在此天数内的人员须有厂级、车间级、班组级教育记录">
                      <InputNumber min={30} max={3650} precision={0} suffix="天" style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item label="转岗培训" name="postChangeLookbackDays" rules={[{ required: true, message: '请填写天数' }]} extra="此天数内转岗的人员须重新接受车间级、班组级教育">
                      <InputNumber min={30} max={3650} precision={0} suffix="天" style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item label="默认及格分" name="passScore" rules={[{ required: true, message: '请填写及格分' }]} extra="培训未另设及格分时使用">
                      <InputNumber min={0} max={100} suffix="分" style={{ width: '100%' }} data-testid="training-pass-score" />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title="全员定期培训规则" style={{ marginBottom: 16 }}>
                <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                  部分地区要求企业每月（或每季度）对全体从业人员开展安全培训（如班组安全活动、主要负责人每季度讲一次安全课）。启用后，培训档案与学时页面按期统计达到最少学时的在职人员比例。
                </Typography.Paragraph>
                <Form.Item name={['periodicRule', 'enabled']} valuePropName="checked" label="启用">
                  <Switch data-testid="training-periodic-enabled" />
                </Form.Item>
                <Row gutter={12}>
                  <Col span={8}>
                    <Form.Item label="周期" name={['periodicRule', 'period']}>
                      <Radio.Group
                        disabled={!periodicEnabled}
                        options={[
                          { value: 'MONTH', label: '每月' },
                          { value: 'QUARTER', label: '每季度' },
                        ]}
                        optionType="button"
                      />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item label="每人最少学时" name={['periodicRule', 'minHours']} rules={[{ required: true, message: '请填写学时' }]}>
                      <InputNumber disabled={!periodicEnabled} min={0.5} max={40} suffix="学时" style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item label="参训率目标" name={['periodicRule', 'attendanceTarget']} rules={[{ required: true, message: '请填写目标' }]}>
                      <InputNumber disabled={!periodicEnabled} min={1} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
              <Space style={{ marginBottom: 16 }}>
                <SettingsSaveBar saving={save.isPending} dirty={dirty} onSave={() => void submit()} onReset={() => q.data && reset(q.data)} testId="training-settings-save" />
              </Space>
            </Col>
          </Row>
        </Form>
      )}
    </div>
  );
}
