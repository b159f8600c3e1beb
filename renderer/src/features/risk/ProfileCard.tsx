import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { CopyOutlined, DeleteOutlined, PlusOutlined, SaveOutlined, StarOutlined, UndoOutlined } from '@ant-design/icons';
import { RISK_LEVEL_ORDER, RiskLevel } from '../../../../preload/contract/enums.ts';
import { BOUNDARY_LABEL, type LecConfig, type LsConfig, type RiskProfile } from '../../../../preload/contract/risk.ts';
import { errorMessage, useApiMutation } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { formatDateTime } from '../../lib/format.ts';
import { LevelSwatch, LevelTag } from './riskMeta.tsx';
import { bandRanges, type Band, type Boundary } from './scoring.ts';

interface RowValues {
  value?: number | null;
  label?: string;
}
interface BandValues {
  min?: number | null;
  level?: RiskLevel;
  label?: string | null;
}
interface ProfileValues {
  name: string;
  config: { L?: RowValues[]; E?: RowValues[]; C?: RowValues[]; S?: RowValues[]; bands?: BandValues[]; boundary?: Boundary };
}

const TABLES: Record<RiskProfile['method'], { key: 'L' | 'E' | 'C' | 'S'; title: string }[]> = {
  LEC: [
    { key: 'L', title: 'L — 事故发生的可能性' },
    { key: 'E', title: 'E — 暴露于危险环境的频繁程度' },
    { key: 'C', title: 'C — 发生事故可能造成的后果' },
  ],
  LS: [
    { key: 'L', title: 'L — 事故发生的可能性' },
    { key: 'S', title: 'S — 后果严重性' },
  ],
};

export const METHOD_NAME: Record<RiskProfile['method'], string> = { LEC: 'LEC 作业条件危险性评价', LS: '风险矩阵（L×S）' };

function toConfig(method: RiskProfile['method'], c: ProfileValues['config']): LecConfig | LsConfig {
  const rows = (r: RowValues[] | undefined) => (r ?? []).map((x) => ({ value: Number(x.value), label: (x.label ?? '').trim() }));
  const bands = (c.bands ?? []).map((b) => ({ min: Number(b.min), level: b.level as RiskLevel, label: b.label?.trim() || null }));
  const boundary = c.boundary ?? 'LOWER_INCLUSIVE';
  return method === 'LEC' ? { L: rows(c.L), E: rows(c.E), C: rows(c.C), bands, boundary } : { L: rows(c.L), S: rows(c.S), bands, boundary };
}

/** One scoring profile, editable: value tables, bands, boundary rule; saving makes a new version. */
export function ProfileCard({ profile, onCopy }: { profile: RiskProfile; onCopy: (p: RiskProfile) => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ProfileValues>();
  const update = useApiMutation('riskProfile.update');
  const setDefault = useApiMutation('riskProfile.setDefault');
  const [dirty, setDirty] = useState(false);
  const symbol = profile.method === 'LEC' ? 'D' : 'R';
  const bands = (Form.useWatch(['config', 'bands'], form) as BandValues[] | undefined) ?? profile.config.bands;
  const boundary = (Form.useWatch(['config', 'boundary'], form) as Boundary | undefined) ?? profile.config.boundary;
  const validBands = bands.filter((b): b is Band => typeof b?.min === 'number' && !!b.level);
  const ranges = bandRanges(validBands, boundary, symbol);

  const save = async () => {
    const v = await form.validateFields();
    update.mutate(
      { id: profile.id, name: v.name.trim(), config: toConfig(profile.method, v.config) },
      {
        onSuccess: (p) => {
          setDirty(false);
          void message.success(`「${p.name}」已保存为第 ${p.version} 版${profile.usedBy ? `；原有 ${profile.usedBy} 次评价仍按第 ${profile.version} 版显示` : ''}`);
        },
        onError: (e) => showApiError(e, (m) => void message.error(m), form),
      },
    );
  };

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={`risk-profile-${profile.id}`}
      title={
        <Space size={8} wrap>
          <span>{profile.name}</span>
          <Tag color={profile.method === 'LEC' ? 'geekblue' : 'purple'}>{METHOD_NAME[profile.method]}</Tag>
          {profile.isDefault && <Tag color="green">默认</Tag>}
          <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 12 }}>
            第 {profile.version} 版 · {profile.version > 1 ? `${formatDateTime(profile.updatedAtMs)} 修改` : '系统内置'}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space>
          {!profile.isDefault && (
            <Button
              size="small"
              icon={<StarOutlined />}
              loading={setDefault.isPending}
              onClick={() => setDefault.mutate({ id: profile.id }, { onSuccess: (p) => void message.success(`「${p.name}」已设为默认的${p.method === 'LEC' ? ' LEC ' : '风险矩阵'}评价表`), onError: (e) => void message.error(errorMessage(e)) })}
              data-testid="risk-profile-default"
            >
              设为默认
            </Button>
          )}
          <Button size="small" icon={<CopyOutlined />} onClick={() => onCopy(profile)}>
            复制为新方法
          </Button>
        </Space>
      }
    >
      {profile.usedBy > 0 ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`已有 ${profile.usedBy} 次评价使用，修改后原评价保留所用版本（第 ${profile.version} 版）`} description="保存修改后版本号加一，之后的评价按新版本计算；已批准风险点的等级不会自动改变，需要时请重新评价。" />
      ) : (
        <Typography.Paragraph type="secondary">尚无评价使用此方法。{profile.isDefault ? '新评价默认使用此表。' : ''}</Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: profile.name, config: profile.config }}
        onValuesChange={() => setDirty(true)}
        requiredMark={false}
      >
        <Form.Item label="名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写名称' }]} style={{ maxWidth: 420 }}>
          <Input maxLength={40} data-testid="risk-profile-name" />
        </Form.Item>
        <Row gutter={16}>
          {TABLES[profile.method].map((t) => (
            <Col key={t.key} span={profile.method === 'LEC' ? 8 : 12}>
              <ValueTable name={t.key} title={t.title} />
            </Col>
          ))}
        </Row>
        <Row gutter={16} style={{ marginTop: 8 }}>
          <Col span={14}>
            <BandTable />
          </Col>
          <Col span={10}>
            <div className="sl-risk-section-title">分级区间（按当前设置）</div>
            <div data-testid="risk-profile-ranges">
              {ranges.map((r, i) => (
                <div key={i} style={{ display: 'flex', gap: 8, alignItems: 'center', padding: '3px 0' }}>
                  <span style={{ width: 150, fontVariantNumeric: 'tabular-nums' }}>{r.text}</span>
                  <LevelTag level={r.band.level} />
                  {r.band.label && r.band.label !== RiskLevel.label[r.band.level] && <span className="sl-muted">{r.band.label}</span>}
                </div>
              ))}
            </div>
            <Form.Item label="边界取值规则" name={['config', 'boundary']} rules={[{ required: true, message: '请选择边界取值规则' }]} style={{ marginTop: 12 }}>
              <Radio.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
                options={(['LOWER_INCLUSIVE', 'UPPER_INCLUSIVE'] as const).map((b) => ({ value: b, label: BOUNDARY_LABEL[b] }))}
                data-testid="risk-profile-boundary"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Space>
        <Button type="primary" icon={<SaveOutlined />} loading={update.isPending} onClick={() => void save()} disabled={!dirty} data-testid="risk-profile-save">
          保存
        </Button>
        {dirty && (
          <Button
            icon={<UndoOutlined />}
            onClick={() => {
              form.resetFields();
              setDirty(false);
            }}
          >
            放弃修改
          </Button>
        )}
        {dirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
      </Space>
    </Card>
  );
}

function ValueTable({ name, title }: { name: string; title: string }) {
  return (
    <Form.List
      name={['config', name]}
      rules={[
        {
          validator: async (_, v: unknown[] | undefined) => {
            if (!v || v.length < 2) throw new Error(`${name} 至少要有两个取值`);
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div>
          <div className="sl-risk-section-title">{title}</div>
          {fields.map((f, i) => (
            <div key={f.key} style={{ display: 'flex', gap: 6, marginBottom: 6 }}>
              <Form.Item name={[f.name, 'value']} style={{ marginBottom: 0, width: 90, flex: 'none' }} rules={[
                  { required: true, message: '请填写取值' },
                  {
                    validator: async (_, v: unknown) => {
                      if (typeof v === 'number' && v <= 0) throw new Error('取值应大于 0');
                    },
                  },
                ]}>
                <InputNumber style={{ width: '100%' }} placeholder="分值" min={0} step={1} data-testid={`risk-profile-${name}-value-${i}`} />
              </Form.Item>
              <Form.Item name={[f.name, 'label']} style={{ marginBottom: 0, flex: 1 }} rules={[{ required: true, whitespace: true, message: '请填写说明' }]}>
                <Input maxLength={60} placeholder="取值说明" />
              </Form.Item>
              <Tooltip title="删除这一行">
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} disabled={fields.length <= 2} aria-label="删除" />
              </Tooltip>
            </div>
          ))}
          <div className="sl-risk-list-error">
            <Form.ErrorList errors={errors} />
          </div>
          {fields.length < 10 && (
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({ value: null, label: '' })} style={{ marginTop: 2 }}>
              添加取值
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}

function BandTable() {
  return (
    <Form.List
      name={['config', 'bands']}
      rules={[
        {
          validator: async (_, v: unknown[] | undefined) => {
            if (!v || v.length < 2) throw new Error('至少要有两个分级');
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div>
          <div className="sl-risk-section-title">
            分级
            <span className="sl-muted">分值达到“下限”即进入该级（等于下限时按右侧边界规则）；最低一级的下限应为 0</span>
          </div>
          <div style={{ display: 'flex', gap: 6, fontSize: 12, color: '#6b7280', marginBottom: 4 }}>
            <span style={{ width: 110 }}>下限</span>
            <span style={{ width: 150 }}>风险等级</span>
            <span>分级说明</span>
          </div>
          {fields.map((f, i) => (
            <div key={f.key} style={{ display: 'flex', gap: 6, marginBottom: 6 }}>
              <Form.Item name={[f.name, 'min']} style={{ marginBottom: 0, width: 110, flex: 'none' }} rules={[{ required: true, message: '请填写下限' }]}>
                <InputNumber style={{ width: '100%' }} min={0} placeholder="下限" data-testid={`risk-profile-band-min-${i}`} />
              </Form.Item>
              <Form.Item name={[f.name, 'level']} style={{ marginBottom: 0, width: 150, flex: 'none' }} rules={[{ required: true, message: '请选择等级' }]}>
                <Select
                  options={RISK_LEVEL_ORDER.map((l) => ({
                    value: l,
                    label: (
                      <span>
                        <LevelSwatch level={l} />
                        {RiskLevel.label[l]}
                      </span>
                    ),
                  }))}
                />
              </Form.Item>
              <Form.Item name={[f.name, 'label']} style={{ marginBottom: 0, flex: 1 }}>
                <Input maxLength={60} placeholder="如：显著危险，需要整改" />
              </Form.Item>
              <Tooltip title="删除这一级">
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} disabled={fields.length <= 2} aria-label="删除" />
              </Tooltip>
            </div>
          ))}
          <div className="sl-risk-list-error">
            <Form.ErrorList errors={errors} />
          </div>
          {fields.length < 8 && (
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({ min: null, level: 'LOW', label: '' })} style={{ marginTop: 2 }}>
              添加分级
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}
