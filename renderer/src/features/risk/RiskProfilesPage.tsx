import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, Modal, Select, Skeleton, Space, Typography } from 'antd';
import { OrderedListOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { RiskProfile } from '../../../../preload/contract/risk.ts';
import { useApi, useApiMutation } from '../../lib/api.ts';
import { okButtonTestId, showApiError } from '../../lib/forms.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { METHOD_NAME, ProfileCard } from './ProfileCard.tsx';

/** 评价方法: the LEC and risk-matrix profiles (value tables, bands, boundary rule), versioned on every edit. */
export function RiskProfilesPage() {
  const navigate = useNavigate();
  const profiles = useApi('riskProfile.list', {});
  const [copying, setCopying] = useState<RiskProfile | 'pick' | null>(null);
  const list = profiles.data ?? [];
  const byMethod = (m: RiskProfile['method']) => list.filter((p) => p.method === m).sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name, 'zh'));

  return (
    <div className="sl-page" data-testid="risk-profiles-page">
      <PageHeader
        title="风险评价方法"
        description="作业条件危险性评价法（D = L × E × C）和风险矩阵（R = L × S）的取值表、分级下限和边界规则，可按企业或行业要求调整，也可以复制出新的评价方法（如行业风险矩阵）。每次修改版本号加一，已有评价保留当时所用的版本。"
        extra={
          <Space>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => list.length && setCopying('pick')} loading={profiles.isPending} data-testid="risk-profile-new">
              新增评价方法
            </Button>
            <Button icon={<OrderedListOutlined />} onClick={() => navigate('/risks')}>
              风险清单
            </Button>
          </Space>
        }
      />
      {profiles.isError && <Alert type="error" showIcon title={profiles.error.message} />}
      {profiles.isPending && <Skeleton active paragraph={{ rows: 12 }} />}
      {(['LEC', 'LS'] as const).map((m) => {
        const items = byMethod(m);
        if (!items.length) return null;
        return (
          <section key={m}>
            <Typography.Title level={5} style={{ margin: '4px 0 10px' }}>
              {METHOD_NAME[m]}
              <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 13, marginInlineStart: 8 }}>
                {m === 'LEC' ? 'L 可能性 × E 暴露频繁程度 × C 后果 = D' : 'L 可能性 × S 严重性 = R'}
              </Typography.Text>
            </Typography.Title>
            {items.map((p) => (
              <ProfileCard key={`${p.id}:${p.version}`} profile={p} onCopy={setCopying} />
            ))}
          </section>
        );
      })}
      {copying && <CopyProfileModal profiles={list} source={copying === 'pick' ? null : copying} onClose={() => setCopying(null)} />}
    </div>
  );
}

function CopyProfileModal({ profiles, source, onClose }: { profiles: RiskProfile[]; source: RiskProfile | null; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ sourceId: string; name: string }>();
  const create = useApiMutation('riskProfile.create');
  const first = source ?? profiles.find((p) => p.isDefault && p.method === 'LEC') ?? profiles[0]!;
  const nameFor = (p: RiskProfile) => {
    const base = `${p.name}（副本）`;
    let name = base;
    for (let i = 2; profiles.some((x) => x.name === name); i++) name = `${p.name}（副本 ${i}）`;
    return name;
  };

  return (
    <Modal
      open
      title="新增评价方法"
      okText="新增"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={okButtonTestId('risk-profile-create-ok')}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        const src = profiles.find((p) => p.id === v.sourceId);
        if (!src) return;
        create.mutate(
          { name: v.name.trim(), method: src.method, config: src.config },
          {
            onSuccess: (p) => {
              void message.success(`已新增「${p.name}」，可在下方修改其取值表和分级`);
              onClose();
            },
            onError: (e) => showApiError(e, (m) => void message.error(m), form),
          },
        );
      }}
    >
      <Typography.Paragraph type="secondary">以一个现有方法为底稿复制取值表、分级和边界规则，再按需要修改。新方法不会自动成为默认，评价时可以选用。</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ sourceId: first.id, name: nameFor(first) }}>
        <Form.Item label="复制自" name="sourceId" rules={[{ required: true, message: '请选择要复制的评价方法' }]}>
          <Select
            options={profiles.map((p) => ({ value: p.id, label: `${p.name}（${METHOD_NAME[p.method]}，第 ${p.version} 版）` }))}
            onChange={(id: string) => {
              const p = profiles.find((x) => x.id === id);
              if (p) form.setFieldValue('name', nameFor(p));
            }}
          />
        </Form.Item>
        <Form.Item label="新方法名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input maxLength={40} placeholder="如：冶金行业风险矩阵" data-testid="risk-profile-create-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
