import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Skeleton, Switch, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { EmergencyPlanType } from '../../../../preload/contract/enums.ts';
import type { DrillRule } from '../../../../preload/contract/emergency.ts';
import type { InputOf, OutputOf } from '../../../../preload/contract/index.ts';
import { errorMessage, useApiMutation } from '../../lib/api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SettingsSaveBar } from '../../components/SettingsSaveBar.tsx';
import { placeFieldErrors } from './emForms.tsx';
import { INDUSTRY_OPTIONS, useEmergencySettings } from './emergencyMeta.tsx';

type Settings = OutputOf<'emergencySettings.get'>;
type Override = 'AUTO' | 'YES' | 'NO';

interface SettingsValues {
  filingWorkdays?: number;
  revisionYears?: number;
  revisionDueSoonDays?: number;
  drillRules?: Partial<DrillRule>[];
  reportIndustries?: string[];
  highRiskOverride?: Override;
}

const PERIOD_OPTIONS = [
  { value: 'YEAR', label: '每年' },
  { value: 'HALF_YEAR', label: '每半年' },
];
const APPLIES_OPTIONS = [
  { value: 'ALL', label: '所有企业' },
  { value: 'HIGH_RISK', label: '仅第八条所列行业' },
];

const toOverride = (v: boolean | null): Override => (v === null ? 'AUTO' : v ? 'YES' : 'NO');
const fromOverride = (v: Override | undefined): boolean | null => (v === 'YES' ? true : v === 'NO' ? false : null);

/** 应急管理设置: 备案期限, 修订周期, the drill frequency rules and the 应急条例第八条 industries. */
export function EmergencySettingsPage() {
  const { message } = AntApp.useApp();
  const q = useEmergencySettings();
  const save = useApiMutation('emergencySettings.update');
  const [form] = Form.useForm<SettingsValues>();
  const [dirty, setDirty] = useState(false);

  const reset = (s: Settings) => {
    form.resetFields();
    form.setFieldsValue({
      filingWorkdays: s.filingWorkdays,
      revisionYears: s.revisionYears,
      revisionDueSoonDays: s.revisionDueSoonDays,
      drillRules: s.drillRules.map((r) => ({ ...r, planTypes: [...r.planTypes] })),
      reportIndustries: [...s.reportIndustries],
      highRiskOverride: toOverride(s.highRiskOverride),
    });
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
    const v = form.getFieldsValue(true) as SettingsValues;
    const input: InputOf<'emergencySettings.update'> = {
      filingWorkdays: v.filingWorkdays,
      revisionYears: v.revisionYears,
      revisionDueSoonDays: v.revisionDueSoonDays,
      drillRules: (v.drillRules ?? []).map((r) => ({
        key: r.key ?? '',
        label: r.label?.trim() ?? '',
        period: r.period ?? 'YEAR',
        minCount: r.minCount ?? 1,
        planTypes: r.planTypes ?? [],
        requireReport: !!r.requireReport,
        appliesTo: r.appliesTo ?? 'ALL',
        basis: r.basis?.trim() ?? '',
        enabled: !!r.enabled,
      })),
      reportIndustries: v.reportIndustries ?? [],
      highRiskOverride: fromOverride(v.highRiskOverride),
    };
    try {
      const s = await save.mutateAsync(input);
      reset({ ...s });
      void message.success('应急管理设置已保存');
    } catch (e) {
      const left = placeFieldErrors(form, e);
      void message.error(left.length ? left.join('；') : errorMessage(e));
    }
  };

  return (
    <div className="sl-page" data-testid="emergency-settings-page">
      <PageHeader
        title="应急管理设置"
        description="预案备案期限、修订（评估）周期和演练频次规则。默认值取自《生产安全事故应急预案管理办法》和《生产安全事故应急条例》；地方或行业另有规定的，在这里调整。"
      />
      {q.isError && <Alert type="error" showIcon title={q.error.message} style={{ marginBottom: 16 }} />}
      {!q.data && !q.isError && (
        <Card size="small">
          <Skeleton active />
        </Card>
      )}
      {q.data && (
        <Form form={form} layout="vertical" colon={false} onValuesChange={() => setDirty(true)} data-testid="emergency-settings-form">
          <Row gutter={16}>
            <Col xs={24} xl={10}>
              <Card size="small" title="备案与修订" style={{ marginBottom: 16 }}>
                <Form.Item
                  label="告知性备案期限"
                  name="filingWorkdays"
                  rules={[{ required: true, message: '请填写工作日数' }]}
                  extra="自预案公布之日起多少个工作日内备案（管理办法第二十六条：20 个工作日）；按「排查治理设置」中的工作日历计算"
                >
                  <InputNumber min={1} max={60} precision={0} suffix="个工作日" style={{ width: 200 }} data-testid="em-settings-filing" />
                </Form.Item>
                <Form.Item label="修订（评估）周期" name="revisionYears" rules={[{ required: true, message: '请填写年数' }]} extra="发布后每隔多少年评估一次（管理办法第三十五条：高危行业和中型以上企业每 3 年）">
                  <InputNumber min={1} max={10} precision={0} suffix="年" style={{ width: 200 }} data-testid="em-settings-years" />
                </Form.Item>
                <Form.Item label="修订提前提醒" name="revisionDueSoonDays" rules={[{ required: true, message: '请填写天数' }]} extra="到期前多少天在清单和工作台提示「临近修订期」">
                  <InputNumber min={1} max={365} precision={0} suffix="天" style={{ width: 200 }} data-testid="em-settings-due-soon" />
                </Form.Item>
              </Card>
              <Card size="small" title="《生产安全事故应急条例》第八条所列行业" style={{ marginBottom: 16 }}>
                <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                  易燃易爆物品、危险化学品等危险物品的生产、经营、储存、运输单位，矿山、金属冶炼、城市轨道交通运营、建筑施工单位，以及宾馆、商场、娱乐场所、旅游景区等人员密集场所经营单位：每半年至少演练一次，并将演练情况报送县级以上监管部门。
                </Typography.Paragraph>
                <Form.Item label="按企业行业判定时，属于第八条的行业" name="reportIndustries">
                  <Select mode="multiple" options={INDUSTRY_OPTIONS} placeholder="选择行业" showSearch={{ optionFilterProp: 'label' }} data-testid="em-settings-industries" />
                </Form.Item>
                <Form.Item label="本企业" name="highRiskOverride" extra="城市轨道交通、宾馆、娱乐场所、旅游景区等不在行业分类中的，请直接认定">
                  <Radio.Group
                    optionType="button"
                    options={[
                      { value: 'AUTO', label: '跟随企业行业' },
                      { value: 'YES', label: '认定为是' },
                      { value: 'NO', label: '认定为否' },
                    ]}
                    data-testid="em-settings-override"
                  />
                </Form.Item>
                <Alert
                  type={q.data.highRisk ? 'warning' : 'info'}
                  showIcon
                  title={q.data.highRisk ? '本企业按第八条管理：每半年演练并报送' : '本企业不属于第八条所列行业'}
                  description={
                    <span data-testid="em-settings-basis">
                      {q.data.highRiskBasis}
                      {dirty && '（保存后按新的设置重新判定）'}
                      {q.data.highRiskOverride === null && (
                        <>
                          。企业行业在 <Link to="/enterprise">企业信息</Link> 中修改。
                        </>
                      )}
                    </span>
                  }
                  data-testid="em-settings-high-risk"
                  data-high-risk={q.data.highRisk ? '1' : '0'}
                />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card size="small" title="演练频次规则" style={{ marginBottom: 16 }}>
                <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                  演练按这些规则逐个周期核对是否达到最少次数。规则是最低要求，可以停用或增加更严格的企业规定。
                </Typography.Paragraph>
                <DrillRules />
              </Card>
            </Col>
          </Row>
          <div className="sl-sticky-actions sl-em-settings-actions">
            <SettingsSaveBar saving={save.isPending} dirty={dirty} onSave={() => void submit()} onReset={() => q.data && reset(q.data)} testId="em-settings-save" />
          </div>
        </Form>
      )}
    </div>
  );
}

function DrillRules() {
  return (
    <Form.List name="drillRules">
      {(fields, { add, remove }) => (
        <div data-testid="em-settings-rules">
          {fields.map((f, i) => (
            <RuleBox key={f.key} name={f.name} index={i} onRemove={() => remove(f.name)} />
          ))}
          {fields.length < 10 && (
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() =>
                add({
                  key: `CUSTOM_${Date.now().toString(36).toUpperCase()}`,
                  label: '',
                  period: 'YEAR',
                  minCount: 1,
                  planTypes: ['COMPREHENSIVE', 'SPECIFIC', 'ONSITE'],
                  requireReport: false,
                  appliesTo: 'ALL',
                  basis: '企业规定',
                  enabled: true,
                })
              }
              data-testid="em-settings-rule-add"
            >
              增加规则
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}

function RuleBox({ name, index, onRemove }: { name: number; index: number; onRemove: () => void }) {
  const form = Form.useFormInstance<SettingsValues>();
  const enabled = Form.useWatch(['drillRules', name, 'enabled'], form) as boolean | undefined;
  const key = Form.useWatch(['drillRules', name, 'key'], form) as string | undefined;
  const custom = !!key?.startsWith('CUSTOM_');
  return (
    <div className={`sl-em-rule${enabled ? '' : ' is-off'}`} data-testid={`em-rule-${index}`}>
      <div className="sl-em-rule-head">
        <Form.Item name={[name, 'enabled']} valuePropName="checked" style={{ margin: 0 }}>
          <Switch size="small" checkedChildren="启用" unCheckedChildren="停用" data-testid={`em-rule-${index}-enabled`} />
        </Form.Item>
        <span className="sl-em-rule-no">规则 {index + 1}</span>
        {!enabled && <Tag>已停用，不参与核对</Tag>}
        <span style={{ flex: 1 }} />
        {custom ? (
          <Tooltip title="删除此规则">
            <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label="删除规则" />
          </Tooltip>
        ) : (
          <Tooltip title="法定规则不能删除；不适用时可停用">
            <Tag color="blue">法定</Tag>
          </Tooltip>
        )}
      </div>
      <Form.Item name={[name, 'label']} label="要求" rules={[{ required: true, whitespace: true, message: '请填写规则内容' }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={200} data-testid={`em-rule-${index}-label`} />
      </Form.Item>
      <Row gutter={10}>
        <Col span={5}>
          <Form.Item name={[name, 'period']} label="周期" rules={[{ required: true, message: '请选择' }]}>
            <Select options={PERIOD_OPTIONS} data-testid={`em-rule-${index}-period`} />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name={[name, 'minCount']} label="至少" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={1} max={12} precision={0} suffix="次" style={{ width: '100%' }} data-testid={`em-rule-${index}-min`} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={[name, 'appliesTo']} label="适用">
            <Select options={APPLIES_OPTIONS} data-testid={`em-rule-${index}-applies`} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={[name, 'requireReport']} label="须报送监管部门" valuePropName="checked" tooltip="开启后，只有已登记报送监管部门的演练才计入">
            <Switch size="small" data-testid={`em-rule-${index}-report`} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={10}>
        <Col span={11}>
          <Form.Item name={[name, 'planTypes']} label="计入的预案类型" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一种预案类型' }]}>
            <Select mode="multiple" options={EmergencyPlanType.options} data-testid={`em-rule-${index}-types`} />
          </Form.Item>
        </Col>
        <Col span={13}>
          <Form.Item name={[name, 'basis']} label="依据" rules={[{ required: true, whitespace: true, message: '请填写依据' }]}>
            <Input maxLength={200} data-testid={`em-rule-${index}-basis`} />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
}
