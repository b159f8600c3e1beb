import { useMemo } from 'react';
import { Alert, App as AntApp, Button, Card, Col, DatePicker, Descriptions, Form, Input, Radio, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { ControlLevel, RiskLevel, RiskMethod } from '../../../../preload/contract/enums.ts';
import type { Assessment, RiskPoint, RiskProfile } from '../../../../preload/contract/risk.ts';
import { useApi, useApiMutation } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { LevelTag, type RiskMethodCode } from './riskMeta.tsx';
import { SUGGESTED_CONTROL_LEVEL, bandRanges, previewScore, tablesOf } from './scoring.ts';

const DIRECT_REASONS = ['构成重大危险源', '曾发生死亡事故且条件未改变', '可能导致 3 人以上死亡', '严重违反法律法规和标准'];

/** The current assessment and a form for a new one (every assessment is kept in the history). */
export function RiskAssessPanel({ point }: { point: RiskPoint }) {
  const profiles = useApi('riskProfile.list', {});
  const status = useApi('app.status', {});
  const a = point.assessment;
  const suggested = a ? SUGGESTED_CONTROL_LEVEL[a.level] : null;
  return (
    <div data-testid="risk-assess">
      <Card size="small" title="当前评价" style={{ marginBottom: 16 }}>
        {a ? (
          <>
            <AssessmentSummary a={a} />
            {suggested && suggested !== point.controlLevel && point.status !== 'ARCHIVED' && (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 12 }}
                title={`管控层级为「${ControlLevel.label[point.controlLevel]}」，按${RiskLevel.label[a.level]}建议为「${ControlLevel.label[suggested]}」`}
                description="风险越高，管控层级越高。可在「基本信息」页调整管控层级；如确有理由保持现状，可在备注中说明。"
              />
            )}
          </>
        ) : (
          <Alert type="info" showIcon title="尚未评价" description="用下方表单评价后，风险点才有等级，才能批准。" />
        )}
      </Card>
      <Card size="small" title={a ? '重新评价' : '评价'}>
        {point.status === 'ARCHIVED' ? (
          <Alert type="warning" showIcon title="已归档的风险点不能评价，恢复后才能评价" />
        ) : profiles.isError ? (
          <Alert type="error" showIcon title={profiles.error.message} />
        ) : !profiles.data || !status.data ? (
          <Skeleton active />
        ) : (
          <AssessForm key={`${point.id}:${a?.id ?? 'none'}`} point={point} profiles={profiles.data} operator={status.data.operator?.name ?? ''} />
        )}
      </Card>
    </div>
  );
}

function valueLines(a: Assessment) {
  const order = ['L', 'E', 'C', 'S'];
  return Object.keys(a.values)
    .sort((x, y) => order.indexOf(x) - order.indexOf(y))
    .map((k) => (
      <div key={k}>
        {k} = {a.values[k]}
        {a.valueLabels[k] && <span className="sl-muted">（{a.valueLabels[k]}）</span>}
      </div>
    ));
}

export function AssessmentSummary({ a }: { a: Assessment }) {
  return (
    <Descriptions size="small" bordered column={2} data-testid="risk-assessment-current">
      <Descriptions.Item label="评价方法">{RiskMethod.label[a.method]}</Descriptions.Item>
      <Descriptions.Item label="评价表">{a.profileName ? `${a.profileName}（第 ${a.profileVersion ?? 1} 版）` : '—'}</Descriptions.Item>
      {a.method === 'DIRECT' ? (
        <Descriptions.Item label="直接判定理由" span={2}>
          {a.directReason ?? '—'}
        </Descriptions.Item>
      ) : (
        <>
          <Descriptions.Item label="取值">{valueLines(a)}</Descriptions.Item>
          <Descriptions.Item label="分值">
            <Typography.Text strong>
              {a.method === 'LEC' ? 'D' : 'R'} = {Object.values(a.values).join(' × ')} = {a.score ?? '—'}
            </Typography.Text>
          </Descriptions.Item>
        </>
      )}
      <Descriptions.Item label="风险等级">
        <Space size={6}>
          <LevelTag level={a.level} />
          {a.bandLabel && a.bandLabel !== RiskLevel.label[a.level] && <span className="sl-muted">{a.bandLabel}</span>}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label="评价人 / 日期">
        {a.assessorName}，{a.assessedOn}
      </Descriptions.Item>
      <Descriptions.Item label="残余风险说明" span={2}>
        {a.residualNote ?? <span className="sl-muted">—</span>}
      </Descriptions.Item>
    </Descriptions>
  );
}

interface AssessValues {
  method: RiskMethodCode;
  profileId?: string | null;
  values?: Record<string, number | undefined>;
  directReason?: string;
  residualNote?: string;
  assessorName: string;
  assessedOn: dayjs.Dayjs;
}

function defaultProfileOf(profiles: RiskProfile[], method: RiskMethodCode): RiskProfile | null {
  if (method === 'DIRECT') return null;
  const same = profiles.filter((p) => p.method === method);
  return same.find((p) => p.isDefault) ?? same[0] ?? null;
}

function AssessForm({ point, profiles, operator }: { point: RiskPoint; profiles: RiskProfile[]; operator: string }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<AssessValues>();
  const assess = useApiMutation('risk.assess');

  const initial = useMemo<AssessValues>(() => {
    const a = point.assessment;
    const method: RiskMethodCode = a?.method ?? 'LEC';
    const sameProfile = a?.profileId ? profiles.find((p) => p.id === a.profileId && p.method === method) : undefined;
    const profile = sameProfile ?? defaultProfileOf(profiles, method);
    // Start from the current values when they are still in the tables (a re-assessment usually changes one factor).
    const values: Record<string, number | undefined> = {};
    if (a && profile) for (const t of tablesOf(profile)) if (t.rows.some((r) => r.value === a.values[t.key])) values[t.key] = a.values[t.key];
    return { method, profileId: profile?.id ?? null, values, assessorName: operator, assessedOn: dayjs() };
  }, [point.assessment, profiles, operator]);

  const method = (Form.useWatch('method', form) as RiskMethodCode | undefined) ?? initial.method;
  const profileId = (Form.useWatch('profileId', form) as string | null | undefined) ?? null;
  const values = (Form.useWatch('values', form) as Record<string, number | undefined> | undefined) ?? {};
  const profile = method === 'DIRECT' ? null : (profiles.find((p) => p.id === profileId) ?? null);
  const options = profiles.filter((p) => p.method === method);
  const preview = profile ? previewScore(profile, values) : null;

  const onMethod = (m: RiskMethodCode) => {
    const p = defaultProfileOf(profiles, m);
    form.setFieldsValue({ profileId: p?.id ?? null, values: {} });
  };
  const onProfile = (id: string) => {
    const p = profiles.find((x) => x.id === id);
    if (!p) return;
    const kept: Record<string, number | undefined> = {};
    for (const t of tablesOf(p)) if (t.rows.some((r) => r.value === values[t.key])) kept[t.key] = values[t.key];
    form.setFieldValue('values', kept);
  };

  const submit = async () => {
    const v = await form.validateFields();
    const numeric: Record<string, number> = {};
    if (v.method !== 'DIRECT' && profile) for (const t of tablesOf(profile)) if (typeof v.values?.[t.key] === 'number') numeric[t.key] = v.values[t.key]!;
    assess.mutate(
      {
        riskPointId: point.id,
        method: v.method,
        profileId: v.method === 'DIRECT' ? null : (v.profileId ?? null),
        values: numeric,
        directReason: v.method === 'DIRECT' ? v.directReason?.trim() || null : null,
        residualNote: v.residualNote?.trim() || null,
        assessedOn: v.assessedOn.format('YYYY-MM-DD'),
        assessorName: v.assessorName.trim(),
      },
      {
        onSuccess: (p) => {
          const x = p.assessment;
          void message.success(x ? `评价已保存：${RiskLevel.label[x.level]}${x.score !== null ? `（${x.method === 'LEC' ? 'D' : 'R'} = ${x.score}）` : '（直接判定）'}` : '评价已保存');
        },
        onError: (e) => showApiError(e, (m) => void message.error(m), form),
      },
    );
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} requiredMark="optional">
      <Form.Item label="评价方法" name="method" rules={[{ required: true, message: '请选择评价方法' }]}>
        <Radio.Group optionType="button" buttonStyle="solid" options={RiskMethod.options} onChange={(e) => onMethod(e.target.value as RiskMethodCode)} data-testid="risk-assess-method" />
      </Form.Item>
      {method !== 'DIRECT' && (
        <>
          {options.length === 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={`没有可用的${method === 'LEC' ? ' LEC ' : '风险矩阵'}评价表`}
              description={
                <span>
                  请先在 <Link to="/risks/profiles">评价方法</Link> 中新增。
                </span>
              }
            />
          ) : (
            <Form.Item label="评价表" name="profileId" rules={[{ required: true, message: '请选择评价表' }]} extra={<Link to="/risks/profiles">查看或修改评价表的取值和分级</Link>}>
              <Select
                style={{ maxWidth: 420 }}
                onChange={onProfile}
                options={options.map((p) => ({ value: p.id, label: `${p.name}（第 ${p.version} 版）${p.isDefault ? ' · 默认' : ''}` }))}
                data-testid="risk-assess-profile"
              />
            </Form.Item>
          )}
          {profile && (
            <Row gutter={12}>
              {tablesOf(profile).map((t) => (
                <Col span={profile.method === 'LEC' ? 8 : 12} key={`${profile.id}:${t.key}`}>
                  <Form.Item label={`${t.key}（${t.name}）`} name={['values', t.key]} rules={[{ required: true, message: `请选择 ${t.key} 的取值` }]}>
                    <Select placeholder={`选择 ${t.key}`} options={t.rows.map((r) => ({ value: r.value, label: `${r.value} — ${r.label}` }))} data-testid={`risk-assess-${t.key}`} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          )}
          {profile && <ScorePreview profile={profile} preview={preview} />}
        </>
      )}
      {method === 'DIRECT' && (
        <>
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title="直接判定为重大风险"
            description="符合下列情形之一的，不经 LEC 或风险矩阵计算，直接判定为重大风险（红色）：构成重大危险源；曾发生死亡事故且事故条件未改变；可能导致 3 人以上死亡；严重违反法律法规和国家、行业标准。须写明判定理由。"
          />
          <div className="sl-risk-preview" style={{ marginBottom: 12 }} data-testid="risk-assess-preview">
            <span className="sl-risk-formula">判定结果</span>
            <LevelTag level="MAJOR" />
            <span className="sl-muted">直接判定</span>
          </div>
          <Form.Item
            label="判定理由"
            name="directReason"
            rules={[{ required: true, whitespace: true, message: '请写明直接判定为重大风险的理由' }]}
            extra={
              <Space size={[4, 4]} wrap style={{ marginTop: 4 }}>
                <span>常见理由：</span>
                {DIRECT_REASONS.map((r) => (
                  <Tag
                    key={r}
                    style={{ cursor: 'pointer' }}
                    onClick={() => {
                      const cur = (form.getFieldValue('directReason') as string | undefined)?.trim();
                      form.setFieldValue('directReason', cur ? (cur.includes(r) ? cur : `${cur}；${r}`) : r);
                      void form.validateFields(['directReason']).catch(() => undefined);
                    }}
                  >
                    + {r}
                  </Tag>
                ))}
              </Space>
            }
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} placeholder="如：液氨储罐区构成重大危险源" data-testid="risk-assess-reason" />
          </Form.Item>
        </>
      )}
      <Row gutter={12}>
        <Col span={24}>
          <Form.Item label="残余风险说明" name="residualNote" extra="采取现有管控措施后仍存在的风险及其可接受性（可不填）">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="评价人" name="assessorName" rules={[{ required: true, whitespace: true, message: '请填写评价人' }]}>
            <Input maxLength={30} data-testid="risk-assess-assessor" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="评价日期" name="assessedOn" rules={[{ required: true, message: '请选择评价日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" icon={<CalculatorOutlined />} loading={assess.isPending} onClick={() => void submit()} data-testid="risk-assess-submit">
        保存评价
      </Button>
      <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
        历次评价都会保留在「评价记录」中；最新一次决定风险点的等级。
      </Typography.Text>
    </Form>
  );
}

/** D = L×E×C (or R = L×S) as the values are picked, with the level and band of the chosen table. */
function ScorePreview({ profile, preview }: { profile: RiskProfile; preview: ReturnType<typeof previewScore> }) {
  const symbol = profile.method === 'LEC' ? 'D' : 'R';
  const keys = tablesOf(profile).map((t) => t.key);
  const ranges = bandRanges(profile.config.bands, profile.config.boundary, symbol);
  return (
    <div style={{ marginBottom: 16 }}>
      <div className="sl-risk-preview" data-testid="risk-assess-preview">
        {preview ? (
          <>
            <span className="sl-risk-formula">
              {symbol} = {keys.join(' × ')} = {preview.factors.map((f) => f.value).join(' × ')} = {preview.score}
            </span>
            <span>→</span>
            <LevelTag level={preview.band?.level} testId="risk-assess-preview-level" />
            {preview.band?.label && preview.band.label !== RiskLevel.label[preview.band.level] && <span className="sl-muted">{preview.band.label}</span>}
          </>
        ) : (
          <span className="sl-muted">
            选择 {keys.join('、')} 的取值后显示 {symbol} = {keys.join(' × ')} 的分值和风险等级
          </span>
        )}
      </div>
      <div className="sl-muted" style={{ fontSize: 12, marginTop: 6 }}>
        「{profile.name}」分级：
        {ranges.map((r, i) => (
          <span key={i}>
            {i > 0 ? '；' : ''}
            <span style={preview?.band === r.band ? { color: '#1f2937', fontWeight: 600 } : undefined}>
              {r.text} {RiskLevel.label[r.band.level]}
            </span>
          </span>
        ))}
        。{profile.config.boundary === 'LOWER_INCLUSIVE' ? '分值等于下限时归入该级。' : '分值等于下限时归入下一级。'}
      </div>
    </div>
  );
}
