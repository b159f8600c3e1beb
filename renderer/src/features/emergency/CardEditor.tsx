import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Col, Drawer, Form, Input, Popconfirm, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, FilePdfOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { EmergencyCard } from '../../../../preload/contract/emergency.ts';
import { errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useUnsavedGuard } from '../../lib/unsaved.ts';
import { printLink } from '../print/queue.ts';
import { placeFieldErrors } from './emForms.tsx';
import { ContactFields, ContactView, ScenarioFields, ScenarioView, contactsOut, scenariosOut, type ContactValues, type ScenarioValues } from './ScenarioFields.tsx';
import { planLink, postCardsLink } from './emergencyMeta.tsx';

interface CardValues {
  title?: string;
  scenarios?: ScenarioValues[];
  contacts?: ContactValues[];
}

function toValues(c: EmergencyCard): CardValues {
  return { title: c.title, scenarios: c.scenarios.map((s) => ({ ...s, steps: [...s.steps] })), contacts: c.contacts.map((x) => ({ ...x })) };
}

/** The post's two-lists-two-cards set: its 岗位应急处置卡 lives there too. */
export function LinkedCardSet({ card }: { card: Pick<EmergencyCard, 'postId' | 'linkedCardSet'> }) {
  if (!card.linkedCardSet)
    return (
      <Link to={postCardsLink(card.postId)} data-testid="card-linked-set">
        <Typography.Text type="warning">尚未发布，去编制</Typography.Text>
      </Link>
    );
  return (
    <Link to={postCardsLink(card.postId)} data-testid="card-linked-set">
      第 {card.linkedCardSet.version} 版 · {card.linkedCardSet.scenarioCount} 个处置情形
    </Link>
  );
}

/**
 * One 应急处置卡: title, up to 4 scenarios with their steps and cautions, up to
 * 8 phone numbers, with a preview as printed. Stale cards (the plan has a newer
 * version in force) can be regenerated from the plan.
 */
export function CardEditor({ id, onClose }: { id: string; onClose: () => void }) {
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const q = useApi('emergencyCard.get', { id });
  const card = q.data;
  const [form] = Form.useForm<CardValues>();
  const save = useApiMutation('emergencyCard.update');
  const remove = useApiMutation('emergencyCard.remove');
  const regenerate = useApiMutation('emergencyCard.generate');
  const [dirty, setDirtyState] = useState(false);
  const { onDirtyChange, guard } = useUnsavedGuard('处置卡有未保存的修改，关闭后这些修改会丢失。需要保留请先点击「保存」。', '放弃修改');
  const setDirty = (d: boolean) => {
    setDirtyState(d);
    onDirtyChange(d);
  };
  const values = (Form.useWatch([], form) ?? {}) as CardValues;

  const loadedAt = card?.updatedAtMs;
  useEffect(() => {
    if (card && !dirty) form.setFieldsValue(toValues(card));
  }, [loadedAt]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      void message.warning('请先补全标红的内容');
      return;
    }
    const v = form.getFieldsValue(true) as CardValues;
    try {
      const saved = await save.mutateAsync({ id, title: v.title?.trim() ?? '', scenarios: scenariosOut(v.scenarios), contacts: contactsOut(v.contacts) });
      form.setFieldsValue(toValues(saved));
      setDirty(false);
      void message.success(`「${saved.title}」已保存（第 ${saved.revision} 版）`);
    } catch (e) {
      const left = placeFieldErrors(form, e);
      void message.error(left.length ? left.join('；') : errorMessage(e));
    }
  };

  const title = card ? (
    <Space size={8} wrap>
      <span data-testid="card-editor-title">{card.title}</span>
      <Tag>第 {card.revision} 版</Tag>
      {card.stale ? <Tag color="orange">需重新生成</Tag> : <Tag color="green">与现行方案一致</Tag>}
      <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }}>
        {card.unitName} · {card.postName}
      </Typography.Text>
    </Space>
  ) : (
    '应急处置卡'
  );

  const footer = card && (
    <div className="sl-em-footer">
      <Space>
        <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => void submit()} data-testid="card-save">
          保存
        </Button>
        <Button icon={<FilePdfOutlined />} onClick={() => guard(() => navigate(printLink('emergencyCard', { recordId: card.id })))} data-testid="card-print">
          打印
        </Button>
        {dirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
      </Space>
      <Popconfirm
        title={`删除「${card.title}」？`}
        description="删除后可由现场处置方案重新生成。"
        okText="删除"
        cancelText="取消"
        okButtonProps={{ danger: true }}
        onConfirm={() =>
          remove.mutate(
            { id: card.id },
            {
              onSuccess: () => {
                void message.success('处置卡已删除');
                setDirty(false);
                onClose();
              },
              onError: (e) => void message.error(errorMessage(e)),
            },
          )
        }
      >
        <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="card-delete">
          删除
        </Button>
      </Popconfirm>
    </div>
  );

  return (
    <Drawer open size={1180} title={title} onClose={() => guard(onClose)} destroyOnHidden data-testid="card-editor" footer={footer || undefined}>
      {q.isError && <Alert type="error" showIcon title={q.error.code === 'NOT_FOUND' ? '应急处置卡不存在或已删除' : q.error.message} />}
      {q.isPending && <Skeleton active paragraph={{ rows: 12 }} />}
      {card && (
        <>
          <div className="sl-em-meta">
            <span>
              <span className="sl-muted">岗位</span> {card.unitName} · {card.postName}
            </span>
            <span>
              <span className="sl-muted">现场处置方案</span> <Link to={planLink(card.planId)}>{`${card.planCode} ${card.planName}`}</Link>
            </span>
            <span>
              <span className="sl-muted">生成自</span> {card.sourceVersion}
            </span>
            <span>
              <span className="sl-muted">最后修改</span> {formatDateTime(card.updatedAtMs)}
            </span>
            <span>
              <span className="sl-muted">两单两卡</span> <LinkedCardSet card={card} />
            </span>
          </div>
          {card.stale && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="现场处置方案已发布新版本，本卡需重新生成"
              description={`本卡由 ${card.sourceVersion} 生成。重新生成会按方案的现行版本替换情形、步骤和联系电话（卡片上手工修改的内容会被替换）。`}
              action={
                <Popconfirm
                  title="按现行版本重新生成本卡？"
                  okText="重新生成"
                  cancelText="取消"
                  onConfirm={() =>
                    regenerate.mutate(
                      { planId: card.planId, postIds: [card.postId] },
                      {
                        onSuccess: (r) => {
                          setDirty(false);
                          if (r[0]) form.setFieldsValue(toValues(r[0]));
                          void message.success('已按现行版本重新生成');
                        },
                        onError: (e) => void message.error(errorMessage(e)),
                      },
                    )
                  }
                >
                  <Button size="small" type="primary" icon={<ReloadOutlined />} loading={regenerate.isPending} data-testid="card-regenerate">
                    重新生成
                  </Button>
                </Popconfirm>
              }
              data-testid="card-stale"
            />
          )}
          <Row gutter={20}>
            <Col span={14}>
              <Form<CardValues> form={form} layout="vertical" colon={false} initialValues={toValues(card)} onValuesChange={() => !dirty && setDirty(true)} data-testid="card-form">
                <Form.Item label="卡片标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写卡片标题' }]}>
                  <Input maxLength={40} showCount data-testid="card-title" />
                </Form.Item>
                <ScenarioFields name="scenarios" max={4} testId="card-scenarios" hint="口袋卡篇幅有限：不超过 4 个情形，每步一句，员工一看就懂。" />
                <div style={{ height: 16 }} />
                <ContactFields name="contacts" max={8} testId="card-contacts" hint="按拨打顺序：现场负责人、班组长、企业值班电话，然后 119、120、110。" />
              </Form>
            </Col>
            <Col span={10}>
              <div className="sl-em-preview-wrap">
                <div className="sl-muted" style={{ fontSize: 12, marginBottom: 6 }}>
                  预览（打印时的内容）
                </div>
                <CardPreview values={values} postName={card.postName} unitName={card.unitName} />
              </div>
            </Col>
          </Row>
        </>
      )}
    </Drawer>
  );
}

function CardPreview({ values, postName, unitName }: { values: CardValues; postName: string; unitName: string }) {
  const scenarios = scenariosOut(values.scenarios).filter((s) => s.scenario || s.steps.length);
  const contacts = contactsOut(values.contacts).filter((c) => c.role || c.phone);
  return (
    <div className="sl-em-preview" data-testid="card-preview">
      <div className="sl-em-preview-head">
        <div className="sl-em-preview-kicker">应急处置卡</div>
        <div className="sl-em-preview-title">{values.title || '（未填写标题）'}</div>
        <div className="sl-em-preview-post">
          {unitName} · {postName}
        </div>
      </div>
      <div className="sl-em-preview-body">
        <ScenarioView scenarios={scenarios} />
        <div className="sl-em-preview-contacts-title">应急联系电话</div>
        <ContactView contacts={contacts} />
      </div>
    </div>
  );
}
