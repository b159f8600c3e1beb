import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, App as AntApp, Button, Col, Form, Input, Row, Tabs, Tag, type FormInstance } from 'antd';
import { CheckCircleOutlined, DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import type { CardContent, CardSet } from '../../../../preload/contract/cards.ts';
import { ApiError, errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { formatDateTime } from '../../lib/format.ts';
import { LIMITS, PARTS } from './cardMeta.tsx';
import { missingPart, optionalText, sectionOf, toContent, toFormValues, type CardFormValues, type SectionKey } from './cardForm.ts';
import { ApplicableSection, DutySection, EmergencySection, OperationSection, RiskSection } from './CardSections.tsx';
import { ApproveModal, type ApproveValues } from './CardApprove.tsx';
import './cards.css';

/**
 * Editor of a 两单两卡 draft: the four parts and 适用人员 in tabs, saved as a
 * whole. Publishing saves first, then approves; main checks completeness.
 */
export function CardEditor({
  card,
  currentVersion,
  hasList,
  onDirtyChange,
}: {
  card: CardSet;
  /** The version in force while this draft is edited, if any. */
  currentVersion: number | null;
  /** Whether the post has a responsibility list in force (source for 岗位职责清单). */
  hasList: boolean;
  /** Tells the drawer whether closing would lose edits; must be a stable callback. */
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<CardFormValues>();
  const [initial] = useState(() => toFormValues(card));
  const [section, setSection] = useState<SectionKey>('risk');
  const [dirty, setDirtyState] = useState(false);
  const [approving, setApproving] = useState(false);
  const edits = useRef(0);
  const save = useApiMutation('card.saveDraft');
  const approve = useApiMutation('card.approve');
  const fromList = useApiMutation('card.dutiesFromList');
  const fromRegister = useApiMutation('card.riskFromRegister');
  const del = useApiMutation('card.deleteDraft');
  const library = useApi('card.library', {});
  const content = Form.useWatch('content', form) as CardContent | undefined;
  const libraryName = card.libraryKey ? (library.data?.find((l) => l.key === card.libraryKey)?.name ?? null) : null;

  const setDirty = (d: boolean) => {
    setDirtyState(d);
    onDirtyChange(d);
  };
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const notify = (m: string) => void message.error(m);

  /** Opens the tab holding a field and scrolls it into view. */
  const reveal = (name: (string | number)[]) => {
    const s = sectionOf(name);
    if (!s) return;
    setSection(s);
    if (name.length > 2) setTimeout(() => form.scrollToField(name, { block: 'center', behavior: 'smooth' }), 50);
  };

  /** Shows main's error next to its field and opens the tab holding it. */
  const fail = (err: unknown, target: FormInstance = form) => {
    showApiError(err, notify, target);
    const path = err instanceof ApiError ? err.fields[0]?.path : undefined;
    if (path && sectionOf(path)) reveal(path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)));
  };

  const validated = async (): Promise<CardFormValues | null> => {
    try {
      await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) reveal(first.name);
      void message.error('有内容没有填写完整，请按标红的提示修改');
      return null;
    }
    return form.getFieldsValue(true) as CardFormValues;
  };

  const persist = async (): Promise<CardSet | null> => {
    const v = await validated();
    if (!v) return null;
    const at = edits.current;
    try {
      const saved = await save.mutateAsync({
        id: card.id,
        content: toContent(v.content),
        compiledBy: optionalText(v.compiledBy),
        reviewedBy: optionalText(v.reviewedBy),
        changeReason: optionalText(v.changeReason),
      });
      if (edits.current === at) setDirty(false);
      return saved;
    } catch (err) {
      fail(err);
      return null;
    }
  };

  const openApprove = async () => {
    const v = await validated();
    if (!v) return;
    const gap = missingPart(toContent(v.content));
    if (gap) {
      setSection(gap.section);
      void message.error(`${gap.message}，补充后才能发布`);
      return;
    }
    setApproving(true);
  };

  const submitApprove = async (a: ApproveValues, approveForm: FormInstance) => {
    form.setFieldsValue({ compiledBy: a.compiledBy, reviewedBy: a.reviewedBy });
    const saved = await persist();
    if (!saved) {
      setApproving(false);
      return;
    }
    try {
      const r = await approve.mutateAsync({ id: card.id, ...a });
      setDirty(false);
      setApproving(false);
      void message.success(`第 ${r.version} 版两单两卡已批准发布，请组织在岗人员签字确认`);
    } catch (err) {
      const path = err instanceof ApiError ? err.fields[0]?.path : undefined;
      if (path && sectionOf(path)) {
        setApproving(false);
        fail(err);
      } else fail(err, approveForm);
    }
  };

  const confirmFromList = () =>
    modal.confirm({
      title: '从责任清单生成岗位职责清单？',
      content: `用本岗位现行责任清单的条目（最多 ${LIMITS.duties} 条）替换当前的职责条目，顺口溜保留。${dirty ? '当前未保存的修改会先保存。' : ''}生成后请精简为以动词开头的短句。`,
      okText: '生成',
      cancelText: '取消',
      onOk: async () => {
        if (dirty && !(await persist())) return;
        try {
          const r = await fromList.mutateAsync({ id: card.id });
          form.setFieldValue(['content', 'duty', 'items'], r.duty.items);
          setSection('duty');
          void message.success(`已从责任清单生成 ${r.duty.items.length} 条职责`);
        } catch (err) {
          void message.error(errorMessage(err));
        }
      },
    });

  /** Switches the risk list between the register and hand editing; unsaved edits are saved first. */
  const toggleRegister = async (on: boolean) => {
    if (dirty && !(await persist())) return;
    try {
      const r = await fromRegister.mutateAsync({ id: card.id, fromRegister: on });
      form.setFieldValue(['content', 'risk'], r.risk);
      void message.success(on ? `岗位风险清单已改为由风险清单生成（${r.risk.items.length} 条）` : '岗位风险清单已改为手工编辑，可逐条修改');
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const confirmDelete = () =>
    modal.confirm({
      title: `删除第 ${card.version} 版草稿？`,
      content: currentVersion ? `草稿中的内容将被删除，不能恢复；现行第 ${currentVersion} 版不受影响。` : '草稿中的内容将被删除，不能恢复；岗位回到“未编制”状态。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        del.mutateAsync({ id: card.id }).then(
          () => {
            setDirty(false);
            void message.success('草稿已删除');
          },
          (err: unknown) => void message.error(errorMessage(err)),
        ),
    });

  const counts: Record<SectionKey, string> = {
    risk: String(content?.risk?.items?.length ?? 0),
    duty: String(content?.duty?.items?.length ?? 0),
    operation: String(content?.operation?.steps?.length ?? 0),
    emergency: String(content?.emergency?.scenarios?.length ?? 0),
    applicable: String(content?.applicable?.length ?? 0),
  };
  const tabLabel = (title: string, color: string, n: string): ReactNode => (
    <span>
      <span className="sl-cards-tab-dot" style={{ background: color }} />
      {title}
      <span className="sl-muted" style={{ marginInlineStart: 6 }}>
        {n}
      </span>
    </span>
  );
  const section$ = (key: SectionKey, children: ReactNode) => ({ key, children, forceRender: true });

  return (
    <div data-testid="card-editor">
      <div className="sl-cards-editor-bar">
        <Tag color="orange" style={{ marginInlineEnd: 0 }}>
          草稿
        </Tag>
        <strong>第 {card.version} 版</strong>
        <span className="sl-muted">最近保存 {formatDateTime(card.updatedAtMs)}</span>
        {dirty && <Tag color="gold">有未保存的修改</Tag>}
        {currentVersion && <span className="sl-muted">· 现行第 {currentVersion} 版在本草稿发布前继续有效</span>}
        <span style={{ flex: 1 }} />
        <Button danger icon={<DeleteOutlined />} loading={del.isPending} onClick={confirmDelete} data-testid="card-delete-draft">
          删除草稿
        </Button>
        <Button
          icon={<SaveOutlined />}
          loading={save.isPending && !approving}
          onClick={() => void persist().then((s) => s && void message.success('草稿已保存'))}
          data-testid="card-save"
        >
          保存草稿
        </Button>
        <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => void openApprove()} data-testid="card-approve">
          批准发布
        </Button>
      </div>
      {libraryName && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`由内容库「${libraryName}」生成`}
          description="内容库是同类岗位的通用内容，请结合本岗位实际的设备设施、作业环境和风险辨识结果逐条修改后再发布。"
        />
      )}
      <Form
        form={form}
        name="cardDraft"
        layout="vertical"
        initialValues={initial}
        onValuesChange={() => {
          edits.current += 1;
          if (!dirty) setDirty(true);
        }}
        data-testid="card-form"
      >
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item label="编制人" name="compiledBy" extra="发布时必填">
              <Input maxLength={30} placeholder="姓名" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="审核人" name="reviewedBy" extra="发布时必填">
              <Input maxLength={30} placeholder="姓名" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={card.version > 1 ? '修订原因' : '编制原因'} name="changeReason">
              <Input maxLength={200} placeholder="如 年度复审、工艺或设备变更、事故（事件）教训" />
            </Form.Item>
          </Col>
        </Row>
        <Tabs
          type="card"
          activeKey={section}
          onChange={(k) => setSection(k as SectionKey)}
          items={[
            ...PARTS.map((p) => ({
              ...section$(
                p.key,
                p.key === 'risk' ? (
                  <RiskSection fromRegister={content?.risk?.fromRegister ?? card.risk.fromRegister} registerItems={content?.risk?.items ?? card.risk.items} onToggle={(on) => void toggleRegister(on)} toggling={fromRegister.isPending} />
                ) : p.key === 'duty' ? (
                  <DutySection hasList={hasList} onFromList={confirmFromList} fromListLoading={fromList.isPending} />
                ) : p.key === 'operation' ? (
                  <OperationSection />
                ) : (
                  <EmergencySection />
                ),
              ),
              label: tabLabel(p.title, p.color, counts[p.key]),
            })),
            { ...section$('applicable', <ApplicableSection />), label: tabLabel('适用人员', '#595959', counts.applicable) },
          ]}
        />
      </Form>
      {approving && (
        <ApproveModal
          card={card}
          currentVersion={currentVersion}
          compiledBy={optionalText(form.getFieldValue('compiledBy') as string | null)}
          reviewedBy={optionalText(form.getFieldValue('reviewedBy') as string | null)}
          busy={save.isPending || approve.isPending}
          onCancel={() => setApproving(false)}
          onSubmit={(a, f) => void submitApprove(a, f)}
        />
      )}
    </div>
  );
}
