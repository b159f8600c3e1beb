import { useEffect } from 'react';
import { Alert, Form, Select, Typography } from 'antd';
import type { EmergencyCard } from '../../../../preload/contract/emergency.ts';
import { invoke, useApi } from '../../lib/api.ts';
import { PostMultiSelect } from '../../components/selects.tsx';
import { StepModal } from './emForms.tsx';

interface GenerateValues {
  planId: string;
  postIds: string[];
}

/**
 * 生成应急处置卡: from a 现场处置方案 in force, one card per chosen key post
 * (its scenarios, steps and cautions, the plan's contacts then the enterprise's
 * duty phone and 119/120/110). A post that already has a card from this plan
 * gets it regenerated.
 */
export function GenerateCardsModal({ planId, lockPlan, onClose, onDone }: { planId: string | null; lockPlan?: boolean; onClose: () => void; onDone?: (cards: EmergencyCard[]) => void }) {
  const [form] = Form.useForm<GenerateValues>();
  const plans = useApi('emergencyPlan.list', { planType: 'ONSITE', includeArchived: false, search: null });
  const chosen = Form.useWatch('planId', form) ?? planId;
  const plan = (plans.data ?? []).find((p) => p.id === chosen);
  const existing = useApi('emergencyCard.list', { planId: chosen ?? null, postId: null }, { enabled: !!chosen });
  const postIds = (Form.useWatch('postIds', form) ?? []) as string[];
  const regenerate = (existing.data ?? []).filter((c) => postIds.includes(c.postId));
  const planPosts = plan?.postIds;
  // Opened from a plan: its key posts are the default once the plan list arrives.
  useEffect(() => {
    if (planPosts?.length && !form.isFieldTouched('postIds') && !((form.getFieldValue('postIds') as string[] | undefined) ?? []).length) form.setFieldValue('postIds', planPosts);
  }, [planPosts, form]);
  const options = (plans.data ?? []).map((p) => ({
    value: p.id,
    label: `${p.code} ${p.name}${p.current ? `（${p.current.version}）` : '（未发布）'}`,
    disabled: !p.current,
  }));
  return (
    <StepModal<GenerateValues, EmergencyCard[]>
      title="生成应急处置卡"
      okText="生成"
      testId="card-generate-modal"
      width={680}
      form={form}
      initialValues={{ planId: planId ?? undefined, postIds: [] }}
      run={(v) => invoke('emergencyCard.generate', { planId: v.planId, postIds: v.postIds })}
      done={(cards) => `已生成 ${cards.length} 张应急处置卡`}
      onDone={onDone}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">
        应急处置卡由现场处置方案的现行版本生成：事故情形（前 4 个）、处置步骤和注意事项，方案中的联系电话之后补上企业值班电话和 119、120、110。生成后可以逐张修改。
      </Typography.Paragraph>
      <Form.Item label="现场处置方案" name="planId" rules={[{ required: true, message: '请选择现场处置方案' }]} extra={options.length ? undefined : '还没有现场处置方案；请先在「应急预案」中新建并发布'}>
        <Select
          options={options}
          placeholder="选择已发布的现场处置方案"
          showSearch={{ optionFilterProp: 'label' }}
          loading={plans.isFetching}
          disabled={lockPlan}
          onChange={(id: string) => {
            const p = (plans.data ?? []).find((x) => x.id === id);
            form.setFieldValue('postIds', p?.postIds ?? []);
          }}
          data-testid="card-generate-plan"
        />
      </Form.Item>
      <Form.Item label="岗位" name="postIds" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个岗位' }]} extra="默认带出方案中的关键岗位；选择其他岗位时也会把它加入方案的关键岗位">
        <PostMultiSelect />
      </Form.Item>
      {regenerate.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`${regenerate.length} 个岗位已有本方案的处置卡，将按现行版本重新生成`}
          description={`${regenerate.map((c) => c.postName).join('、')}：卡片上手工修改过的内容会被方案内容替换。`}
          data-testid="card-generate-overwrite"
        />
      )}
    </StepModal>
  );
}
