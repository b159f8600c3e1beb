import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Skeleton, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { CalendarOutlined, DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { CheckFrequency, CheckTier } from '../../../../preload/contract/enums.ts';
import type { InputOf, OutputOf } from '../../../../preload/contract/index.ts';
import { ApiError, invoke, errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SettingsSaveBar } from '../../components/SettingsSaveBar.tsx';

type Settings = OutputOf<'hazardSettings.get'>;

interface LevelValues {
  code?: string;
  label?: string;
  major?: boolean;
}
interface SettingsValues {
  levels?: LevelValues[];
  defaultDeadlineDays?: number;
  maxExtensions?: number;
  dueSoonDays?: number;
  escalatePrincipalDays?: number;
  tierFrequency?: Partial<Record<CheckTier, CheckFrequency>>;
  principalCheckMonths?: number;
}

const FIXED_LEVELS = new Set(['GENERAL', 'MAJOR']);

/** 排查治理设置: hazard levels and deadlines, reminders, default frequencies, and the working calendar. */
export function HazardSettingsPage() {
  return (
    <div className="sl-page" data-testid="hazard-settings-page">
      <PageHeader
        title="排查治理设置"
        description="隐患等级、整改期限、延期次数、临期提醒和逾期上报，各层级检查的默认频次，以及日检查跳过节假日时使用的工作日历。这些是企业可以调整的规则，修改后对新登记的隐患和新建的计划生效。"
      />
      <SettingsForm />
      <CalendarCard />
    </div>
  );
}

function SettingsForm() {
  const { message } = AntApp.useApp();
  const q = useApi('hazardSettings.get', {});
  const save = useApiMutation('hazardSettings.update');
  const [form] = Form.useForm<SettingsValues>();
  const [dirty, setDirty] = useState(false);

  const reset = (s: Settings) => {
    form.resetFields();
    form.setFieldsValue({ ...s, levels: s.levels.map((l) => ({ ...l })), tierFrequency: { ...s.tierFrequency } as SettingsValues['tierFrequency'] });
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
    const input: InputOf<'hazardSettings.update'> = {
      levels: (v.levels ?? []).map((l) => ({ code: (l.code ?? '').trim().toUpperCase(), label: l.label?.trim() ?? '', major: !!l.major })),
      defaultDeadlineDays: v.defaultDeadlineDays,
      maxExtensions: v.maxExtensions,
      dueSoonDays: v.dueSoonDays,
      escalatePrincipalDays: v.escalatePrincipalDays,
      tierFrequency: v.tierFrequency as Record<CheckTier, CheckFrequency>,
      principalCheckMonths: v.principalCheckMonths,
    };
    try {
      const s = await save.mutateAsync(input);
      reset(s);
      void message.success('排查治理设置已保存');
    } catch (err) {
      showApiError(err, (m) => void message.error(m), form);
    }
  };

  if (q.isError) return <Alert type="error" showIcon title={q.error.message} style={{ marginBottom: 16 }} />;
  if (!q.data) return <Card size="small" style={{ marginBottom: 16 }}><Skeleton active /></Card>;

  return (
    <Form form={form} layout="vertical" colon={false} onValuesChange={() => setDirty(true)} data-testid="hazard-settings-form">
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card size="small" title="隐患等级" style={{ marginBottom: 16 }}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              默认分一般事故隐患和重大事故隐患两级；集团或地方要求的可增加“较大”等级（最多 5 级）。勾选「按重大隐患管理」的等级需编制治理方案、经主要负责人批准并报告监管部门。
            </Typography.Paragraph>
            <Form.List name="levels">
              {(fields, { add, remove }) => {
                const all = (form.getFieldValue('levels') as LevelValues[] | undefined) ?? [];
                return (
                  <>
                    <Table
                      size="small"
                      pagination={false}
                      rowKey="key"
                      dataSource={fields}
                      data-testid="hazard-levels"
                      columns={[
                        {
                          title: '代码',
                          key: 'code',
                          width: 150,
                          render: (_, f) => {
                            const fixed = FIXED_LEVELS.has(all[f.name]?.code ?? '') && !!q.data?.levels.some((l) => l.code === all[f.name]?.code);
                            return (
                              <Form.Item
                                name={[f.name, 'code']}
                                style={{ margin: 0 }}
                                rules={[
                                  { required: true, message: '请填写代码' },
                                  { pattern: /^[A-Za-z][A-Za-z_]{1,19}$/, message: '2–20 位英文字母' },
                                ]}
                                normalize={(v: string) => v?.toUpperCase()}
                              >
                                <Input size="small" disabled={fixed} placeholder="如 SERIOUS" maxLength={20} />
                              </Form.Item>
                            );
                          },
                        },
                        {
                          title: '名称',
                          key: 'label',
                          render: (_, f) => (
                            <Form.Item name={[f.name, 'label']} style={{ margin: 0 }} rules={[{ required: true, whitespace: true, message: '请填写等级名称' }]}>
                              <Input size="small" maxLength={20} placeholder="如 较大事故隐患" data-testid={`hazard-level-label-${f.name}`} />
                            </Form.Item>
                          ),
                        },
                        {
                          title: '按重大隐患管理',
                          key: 'major',
                          width: 130,
                          align: 'center',
                          render: (_, f) => (
                            <Form.Item name={[f.name, 'major']} valuePropName="checked" style={{ margin: 0 }}>
                              <Switch size="small" disabled={all[f.name]?.code === 'MAJOR' || all[f.name]?.code === 'GENERAL'} />
                            </Form.Item>
                          ),
                        },
                        {
                          title: '',
                          key: 'del',
                          width: 44,
                          render: (_, f) =>
                            FIXED_LEVELS.has(all[f.name]?.code ?? '') ? (
                              <Tooltip title="一般事故隐患和重大事故隐患是法定等级，不能删除">
                                <Tag>法定</Tag>
                              </Tooltip>
                            ) : (
                              <Button
                                size="small"
                                type="text"
                                danger
                                icon={<DeleteOutlined />}
                                aria-label="删除等级"
                                onClick={() => {
                                  remove(f.name);
                                  setDirty(true);
                                }}
                              />
                            ),
                        },
                      ]}
                    />
                    {fields.length < 5 && (
                      <Button
                        size="small"
                        icon={<PlusOutlined />}
                        style={{ marginTop: 8 }}
                        onClick={() => {
                          add({ code: '', label: '', major: false });
                          setDirty(true);
                        }}
                        data-testid="hazard-level-add"
                      >
                        增加等级
                      </Button>
                    )}
                  </>
                );
              }}
            </Form.List>
          </Card>
          <Card size="small" title="各层级检查的默认频次" style={{ marginBottom: 16 }}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              新建检查计划选择层级后自动带出，可在计划中再调整。一般为：班组（岗位）每天、车间（部门）每周、公司每月。
            </Typography.Paragraph>
            <Row gutter={12}>
              {CheckTier.values.map((t) => (
                <Col span={8} key={t}>
                  <Form.Item label={CheckTier.label[t]} name={['tierFrequency', t]} rules={[{ required: true, message: '请选择频次' }]}>
                    <Select size="small" options={CheckFrequency.options} data-testid={`hazard-tier-${t}`} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="整改期限与提醒" style={{ marginBottom: 16 }}>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item label="一般隐患默认整改期限" name="defaultDeadlineDays" rules={[{ required: true, message: '请填写天数' }]} extra="自发现之日起计算；登记时可另定期限（地方常见为 15 天）">
                  <InputNumber min={1} max={365} precision={0} suffix="天" style={{ width: '100%' }} data-testid="hazard-deadline-days" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="最多延期次数" name="maxExtensions" rules={[{ required: true, message: '请填写次数' }]} extra="重大隐患延期须经主要负责人批准">
                  <InputNumber min={0} max={10} precision={0} suffix="次" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="临期提醒" name="dueSoonDays" rules={[{ required: true, message: '请填写天数' }]} extra="整改期限前多少天开始在工作台和通知中提醒">
                  <InputNumber min={1} max={30} precision={0} suffix="天" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="逾期上报主要负责人" name="escalatePrincipalDays" rules={[{ required: true, message: '请填写天数' }]} extra="逾期即提醒单位负责人；逾期超过该天数再上报主要负责人">
                  <InputNumber min={0} max={90} precision={0} suffix="天" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="主要负责人带队检查间隔" name="principalCheckMonths" rules={[{ required: true, message: '请填写月数' }]} extra="每隔多少个月至少带队检查一次（检查执行率中核对）">
                  <InputNumber min={1} max={12} precision={0} suffix="个月" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Space style={{ marginBottom: 16 }}>
            <SettingsSaveBar saving={save.isPending} dirty={dirty} onSave={() => void submit()} onReset={() => q.data && reset(q.data)} testId="hazard-settings-save" />
          </Space>
        </Col>
      </Row>
    </Form>
  );
}

interface DayRow {
  key: string;
  day: string | null;
  name: string;
  isWorkday: boolean;
}

let rowSeq = 0;
const newKey = () => `d${++rowSeq}`;

function CalendarCard() {
  const { message, modal } = AntApp.useApp();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const q = useApi('workCalendar.list', { year });
  const save = useApiMutation('workCalendar.save');
  const [rows, setRows] = useState<DayRow[]>([]);
  const [dirty, setDirty] = useState(false);
  const [loadingDefaults, setLoadingDefaults] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!q.data) return;
    setRows(q.data.map((d) => ({ key: newKey(), day: d.day, name: d.name, isWorkday: d.isWorkday })));
    setDirty(false);
    setErrors({});
  }, [q.data]);

  const edit = (key: string, p: Partial<DayRow>) => {
    setRows((prev) => prev.map((r) => (r.key === key ? { ...r, ...p } : r)));
    setDirty(true);
    if (errors[key]) setErrors(({ [key]: _, ...rest }) => rest);
  };

  const switchYear = (y: number) => {
    if (!dirty) {
      setYear(y);
      return;
    }
    modal.confirm({
      title: '放弃未保存的日历修改？',
      content: `${year} 年的节假日还没有保存。`,
      okText: '放弃并切换',
      cancelText: '继续编辑',
      onOk: () => {
        setDirty(false);
        setYear(y);
      },
    });
  };

  const loadDefaults = async () => {
    const run = async () => {
      setLoadingDefaults(true);
      try {
        const d = await invoke('workCalendar.defaults', { year });
        if (!d.length) {
          void message.warning(`没有内置 ${year} 年的法定节假日安排，请按国务院办公厅的通知手工录入`);
          return;
        }
        setRows(d.map((x) => ({ key: newKey(), day: x.day, name: x.name, isWorkday: x.isWorkday })));
        setDirty(true);
        setErrors({});
        void message.success(`已载入 ${year} 年法定节假日安排（${d.filter((x) => !x.isWorkday).length} 天放假、${d.filter((x) => x.isWorkday).length} 天调休上班），核对后点击「保存日历」`);
      } catch (err) {
        void message.error(errorMessage(err));
      } finally {
        setLoadingDefaults(false);
      }
    };
    if (rows.length) {
      modal.confirm({
        title: `用法定节假日安排替换 ${year} 年的日历？`,
        content: '编辑器中现有的日期会被替换（保存前不会生效）。',
        okText: '替换',
        cancelText: '取消',
        onOk: run,
      });
    } else await run();
  };

  const submit = async () => {
    const sorted = [...rows].sort((a, b) => (a.day ?? '').localeCompare(b.day ?? ''));
    const missing = sorted.find((r) => !r.day || !r.name.trim());
    if (missing) {
      setErrors({ [missing.key]: !missing.day ? '请选择日期' : '请填写名称（如 春节、国庆节调休）' });
      void message.warning('有日期或名称没有填写');
      return;
    }
    const seen = new Map<string, string>();
    for (const r of sorted) {
      if (seen.has(r.day!)) {
        setErrors({ [r.key]: `${r.day} 重复了` });
        void message.warning(`${r.day} 出现了两次，请删除其中一行`);
        return;
      }
      seen.set(r.day!, r.key);
    }
    const wrongYear = sorted.find((r) => !r.day!.startsWith(`${year}-`));
    if (wrongYear) {
      setErrors({ [wrongYear.key]: `不在 ${year} 年` });
      void message.warning(`${wrongYear.day} 不在 ${year} 年，请切换到对应年份录入`);
      return;
    }
    try {
      await save.mutateAsync({ year, days: sorted.map((r) => ({ day: r.day!, name: r.name.trim(), isWorkday: r.isWorkday })) });
      setDirty(false);
      void message.success(`${year} 年工作日历已保存`);
    } catch (err) {
      if (err instanceof ApiError) {
        const byRow: Record<string, string> = {};
        for (const f of err.fields) {
          const m = /^days\.(\d+)/.exec(f.path);
          const r = m ? sorted[Number(m[1])] : undefined;
          if (r) byRow[r.key] = f.message;
        }
        setErrors(byRow);
      }
      void message.error(errorMessage(err));
    }
  };

  const holidays = rows.filter((r) => !r.isWorkday).length;
  const workdays = rows.filter((r) => r.isWorkday).length;

  return (
    <Card
      size="small"
      title={
        <Space>
          <CalendarOutlined />
          工作日历
          <Select size="small" style={{ width: 100 }} value={year} onChange={switchYear} options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: `${y} 年` }))} data-testid="calendar-year" />
        </Space>
      }
      extra={
        <Space>
          <Button onClick={() => void loadDefaults()} loading={loadingDefaults} data-testid="calendar-defaults">
            载入法定节假日
          </Button>
          <Button type="primary" icon={<SaveOutlined />} onClick={() => void submit()} loading={save.isPending} disabled={!dirty} data-testid="calendar-save">
            保存日历
          </Button>
        </Space>
      }
      data-testid="calendar-card"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        周一至周五为工作日、周六周日休息；这里只需列出例外：法定节假日放假的工作日，以及周末调休上班的日子。勾选「节假日跳过」的日检查计划在放假日不生成任务、不计漏检。
        {rows.length > 0 && ` 当前 ${holidays} 天放假、${workdays} 天调休上班。`}
      </Typography.Paragraph>
      {dirty && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title="日历有未保存的修改" />}
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      <Table<DayRow>
        size="small"
        rowKey="key"
        loading={q.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 420 }}
        data-testid="calendar-table"
        locale={{ emptyText: `${year} 年还没有设置节假日。点击「载入法定节假日」后核对保存。` }}
        columns={[
          {
            title: '日期',
            key: 'day',
            width: 200,
            render: (_, r) => (
              <div>
                <DatePicker
                  size="small"
                  value={r.day ? dayjs(r.day) : null}
                  onChange={(d) => edit(r.key, { day: d ? d.format('YYYY-MM-DD') : null })}
                  status={errors[r.key] ? 'error' : undefined}
                  allowClear={false}
                  format="YYYY-MM-DD ddd"
                />
                {errors[r.key] && (
                  <div>
                    <Typography.Text type="danger" style={{ fontSize: 12 }}>
                      {errors[r.key]}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
          {
            title: '安排',
            key: 'isWorkday',
            width: 150,
            render: (_, r) => (
              <Select
                size="small"
                style={{ width: 130 }}
                value={r.isWorkday ? 'work' : 'off'}
                onChange={(v) => edit(r.key, { isWorkday: v === 'work' })}
                options={[
                  { value: 'off', label: '放假' },
                  { value: 'work', label: '调休上班' },
                ]}
              />
            ),
          },
          {
            title: '名称',
            key: 'name',
            render: (_, r) => <Input size="small" value={r.name} maxLength={20} placeholder="如 春节、国庆节调休" onChange={(e) => edit(r.key, { name: e.target.value })} />,
          },
          {
            title: '',
            key: 'del',
            width: 44,
            render: (_, r) => (
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label="删除"
                onClick={() => {
                  setRows((prev) => prev.filter((x) => x.key !== r.key));
                  setDirty(true);
                }}
              />
            ),
          },
        ]}
      />
      <Button
        size="small"
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        onClick={() => {
          setRows((prev) => [...prev, { key: newKey(), day: null, name: '', isWorkday: false }]);
          setDirty(true);
        }}
        data-testid="calendar-add"
      >
        添加日期
      </Button>
    </Card>
  );
}
