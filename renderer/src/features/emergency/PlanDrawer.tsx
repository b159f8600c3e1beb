import { useEffect, useState } from 'react';
import { Alert, Button, Card, Collapse, Descriptions, Drawer, Empty, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, FileAddOutlined, FlagOutlined, IdcardOutlined, PlusOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { EmergencyPlanType, PlanReviewMethod, PlanTriggerKind } from '../../../../preload/contract/enums.ts';
import type { EmergencyPlan, PlanTrigger, PlanVersion } from '../../../../preload/contract/emergency.ts';
import { useApi } from '../../lib/api.ts';
import { dash } from '../../lib/format.ts';
import { useUnsavedGuard } from '../../lib/unsaved.ts';
import { ArchiveModal, FilingModal, IssueModal, PlanFormModal, TriggerModal } from './PlanModals.tsx';
import { GenerateCardsModal } from './GenerateCardsModal.tsx';
import { VersionForm } from './VersionForm.tsx';
import { VersionFiles, AttachmentRows } from './VersionFiles.tsx';
import { ContactView, ScenarioView } from './ScenarioFields.tsx';
import { FilingTag, PlanTypeTag, RevisionCell, VersionStatusTag, cardLink, drillLink, planLink, postCardsLink } from './emergencyMeta.tsx';

const TABS = ['overview', 'versions', 'draft', 'triggers', 'drills', 'cards'] as const;
type Tab = (typeof TABS)[number];

type Dialog = { kind: 'edit' } | { kind: 'trigger' } | { kind: 'archive' } | { kind: 'generate' } | { kind: 'issue'; plan: EmergencyPlan; versionId: string } | { kind: 'file'; versionId: string };

const LABELS = { label: { whiteSpace: 'nowrap' as const, width: 110 } };

/**
 * One emergency plan: 概况 (scope, the version in force, filing and revision),
 * 版本与备案 (every version with its review, signature, filing and files),
 * the draft being edited, 修订事项, 演练 and, for a 现场处置方案, its 应急处置卡.
 */
export function PlanDrawer({ id, onClose, initialTab }: { id: string; onClose: () => void; initialTab?: string | null }) {
  const q = useApi('emergencyPlan.get', { id });
  const plan = q.data;
  const first: Tab = TABS.includes(initialTab as Tab) ? (initialTab as Tab) : 'overview';
  const [tab, setTab] = useState<Tab>(first);
  const [newDraft, setNewDraft] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  useEffect(() => {
    setTab(first);
    setNewDraft(false);
  }, [id]); // eslint-disable-line react-hooks/exhaustive-deps
  const { onDirtyChange, guard } = useUnsavedGuard('预案草稿有未保存的修改，离开后这些修改会丢失。需要保留请先点击「保存草稿」。', '放弃修改');

  const draft = plan?.versions.find((v) => v.status === 'DRAFT') ?? null;
  const current = plan?.versions.find((v) => v.status === 'IN_FORCE') ?? null;
  const showDraft = !!plan && !plan.archived && (!!draft || newDraft);
  const openTriggers = plan?.triggers.filter((t) => !t.resolvedOn).length ?? 0;

  const goTab = (t: Tab) =>
    guard(() => {
      if (t !== 'draft' && newDraft) setNewDraft(false);
      setTab(t);
    });

  const startRevision = () => {
    setNewDraft(true);
    setTab('draft');
  };

  const title = plan ? (
    <Space size={8} wrap>
      <span data-testid="plan-drawer-code">{plan.code}</span>
      <span>{plan.name}</span>
      <PlanTypeTag type={plan.planType} />
      {plan.archived ? <Tag>已废止</Tag> : current ? <Tag color="green">现行 {current.version}</Tag> : <Tag color="gold">未发布</Tag>}
      {!plan.archived && plan.filing && <FilingTag filing={plan.filing} filedOn={current?.filedOn} testId="plan-drawer-filing" />}
    </Space>
  ) : (
    '应急预案'
  );

  const footer = plan && !plan.archived && (
    <Space wrap>
      <Button icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit' })} data-testid="plan-edit">
        修改预案信息
      </Button>
      {current && !draft && !newDraft && (
        <Button icon={<FileAddOutlined />} onClick={() => guard(startRevision)} data-testid="plan-new-revision">
          新建修订草稿
        </Button>
      )}
      <Button icon={<FlagOutlined />} onClick={() => setDialog({ kind: 'trigger' })} data-testid="plan-add-trigger">
        登记修订事项
      </Button>
      {plan.planType === 'ONSITE' && current && (
        <Button icon={<IdcardOutlined />} onClick={() => setDialog({ kind: 'generate' })} data-testid="plan-generate-cards">
          生成应急处置卡
        </Button>
      )}
      <Button danger icon={<StopOutlined />} onClick={() => setDialog({ kind: 'archive' })} data-testid="plan-archive">
        废止预案
      </Button>
    </Space>
  );

  const issueTarget = dialog?.kind === 'issue' ? (dialog.plan.versions.find((v) => v.id === dialog.versionId) ?? null) : null;
  const fileTarget = dialog?.kind === 'file' ? (plan?.versions.find((v) => v.id === dialog.versionId) ?? null) : null;

  return (
    <Drawer open size={1100} title={title} onClose={() => guard(onClose)} destroyOnHidden data-testid="plan-drawer" footer={footer || undefined}>
      {q.isError && <Alert type="error" showIcon title={q.error.code === 'NOT_FOUND' ? '应急预案不存在或已删除' : q.error.message} />}
      {q.isPending && <Skeleton active paragraph={{ rows: 12 }} />}
      {plan && (
        <Tabs
          activeKey={(tab === 'draft' && !showDraft) || (tab === 'cards' && plan.planType !== 'ONSITE') ? 'overview' : tab}
          onChange={(k) => goTab(k as Tab)}
          destroyOnHidden
          items={[
            { key: 'overview', label: '概况', children: <Overview plan={plan} onGo={goTab} /> },
            { key: 'versions', label: `版本与备案（${plan.versions.length}）`, children: <Versions plan={plan} onDialog={setDialog} onEditDraft={() => goTab('draft')} onNewRevision={() => guard(startRevision)} newDraft={newDraft} /> },
            ...(showDraft
              ? [
                  {
                    key: 'draft' as const,
                    label: draft ? `编辑草稿 ${draft.version}` : '新修订草稿',
                    children: (
                      <VersionForm
                        key={draft?.id ?? 'new'}
                        plan={plan}
                        draft={draft}
                        onDirtyChange={onDirtyChange}
                        onSaved={() => setNewDraft(false)}
                        onIssue={(p, v) => setDialog({ kind: 'issue', plan: p, versionId: v.id })}
                      />
                    ),
                  },
                ]
              : []),
            { key: 'triggers', label: openTriggers ? `修订事项（${openTriggers} 项待处理）` : `修订事项（${plan.triggers.length}）`, children: <Triggers plan={plan} onAdd={() => setDialog({ kind: 'trigger' })} /> },
            { key: 'drills', label: `演练（${plan.drills.length}）`, children: <Drills plan={plan} /> },
            ...(plan.planType === 'ONSITE' ? [{ key: 'cards' as const, label: `应急处置卡（${plan.cardCount}）`, children: <PlanCards plan={plan} onGenerate={() => setDialog({ kind: 'generate' })} /> }] : []),
          ]}
        />
      )}
      {plan && dialog?.kind === 'edit' && <PlanFormModal plan={plan} onClose={() => setDialog(null)} onSaved={() => undefined} />}
      {plan && dialog?.kind === 'trigger' && <TriggerModal plan={plan} onClose={() => setDialog(null)} />}
      {plan && dialog?.kind === 'archive' && <ArchiveModal plan={plan} onClose={() => setDialog(null)} />}
      {plan && dialog?.kind === 'generate' && <GenerateCardsModal planId={plan.id} lockPlan onClose={() => setDialog(null)} onDone={() => setTab('cards')} />}
      {dialog?.kind === 'issue' && issueTarget && (
        <IssueModal
          plan={dialog.plan}
          version={issueTarget}
          onClose={() => setDialog(null)}
          onDone={() => {
            onDirtyChange(false);
            setNewDraft(false);
            setTab('versions');
          }}
        />
      )}
      {plan && fileTarget && <FilingModal plan={plan} version={fileTarget} onClose={() => setDialog(null)} />}
    </Drawer>
  );
}

function Overview({ plan, onGo }: { plan: EmergencyPlan; onGo: (t: Tab) => void }) {
  const current = plan.versions.find((v) => v.status === 'IN_FORCE');
  const draft = plan.versions.find((v) => v.status === 'DRAFT');
  return (
    <div data-testid="plan-overview">
      {plan.archived && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="本预案已废止" description="各版本、备案、演练记录和应急处置卡作为存档保留，不能再修改。" />}
      {plan.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="需要处理"
          description={
            <ul className="sl-em-bullets" style={{ margin: 0 }}>
              {plan.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
          action={
            draft && !current ? (
              <Button size="small" type="primary" onClick={() => onGo('draft')}>
                编辑草稿 {draft.version}
              </Button>
            ) : undefined
          }
          data-testid="plan-warnings"
        />
      )}
      <div className="sl-em-section-title">预案信息</div>
      <Descriptions size="small" bordered column={2} styles={LABELS} data-testid="plan-info">
        <Descriptions.Item label="预案编号">{plan.code}</Descriptions.Item>
        <Descriptions.Item label="预案类型">{EmergencyPlanType.label[plan.planType]}</Descriptions.Item>
        <Descriptions.Item label="预案名称" span={2}>
          {plan.name}
        </Descriptions.Item>
        <Descriptions.Item label="上级预案">{plan.parentId ? <Link to={planLink(plan.parentId)}>{plan.parentName}</Link> : '—'}</Descriptions.Item>
        <Descriptions.Item label="适用单位">{plan.unitName ?? '全企业'}</Descriptions.Item>
        <Descriptions.Item label="事故类型" span={2}>
          {plan.accidentTypes.length ? plan.accidentTypes.map((t) => <Tag key={t}>{t}</Tag>) : '—'}
        </Descriptions.Item>
        {plan.planType === 'ONSITE' && (
          <Descriptions.Item label="关键岗位" span={2}>
            {plan.postIds.length ? (
              plan.postIds.map((pid, i) => (
                <Tag key={pid}>
                  <Link to={postCardsLink(pid)}>{plan.postNames[i]}</Link>
                </Tag>
              ))
            ) : (
              <Typography.Text type="warning">尚未关联岗位（在「修改预案信息」中选择）</Typography.Text>
            )}
          </Descriptions.Item>
        )}
      </Descriptions>

      <div className="sl-em-section-title">现行版本</div>
      {current ? (
        <Descriptions size="small" bordered column={2} styles={LABELS} data-testid="plan-current">
          <Descriptions.Item label="版本">{current.version}</Descriptions.Item>
          <Descriptions.Item label="发布日期">{current.issuedOn}</Descriptions.Item>
          <Descriptions.Item label="评审/论证">{current.reviewMethod ? `${PlanReviewMethod.label[current.reviewMethod]} ${current.reviewedOn ?? ''}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="签署">{current.signedByName ? `${current.signedByName} ${current.signedOn ?? ''}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="告知性备案">
            <Space size={4} wrap>
              <FilingTag filing={current.filing} filedOn={current.filedOn} />
              {current.filedOn ? (
                <span>
                  {current.filedOn} · {current.filingAuthority}
                  {current.filingReceiptNo ? ` · 回执 ${current.filingReceiptNo}` : ''}
                </span>
              ) : (
                current.filing && <span className="sl-muted">期限 {current.filing.dueOn}</span>
              )}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="下次修订（评估）">
            <RevisionCell revision={plan.revision} inline />
          </Descriptions.Item>
          <Descriptions.Item label="修订事项">{plan.openTriggers ? <Typography.Text type="danger">{plan.openTriggers} 项待处理</Typography.Text> : '无待处理'}</Descriptions.Item>
          <Descriptions.Item label="最近演练">{plan.lastDrillOn ?? <Typography.Text type="warning">尚无演练记录</Typography.Text>}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={draft ? `尚未发布。草稿 ${draft.version} 经评审或论证、主要负责人签署后即可发布。` : '没有现行版本'} />
      )}

      {plan.planType === 'ONSITE' && current && (
        <>
          <div className="sl-em-section-title">处置内容（{current.version}）</div>
          <Descriptions size="small" bordered column={1} styles={LABELS}>
            <Descriptions.Item label="事故风险描述">
              <span style={{ whiteSpace: 'pre-wrap' }}>{dash(current.riskDescription)}</span>
            </Descriptions.Item>
            <Descriptions.Item label="处置步骤">
              <ScenarioView scenarios={current.scenarios} />
            </Descriptions.Item>
            <Descriptions.Item label="联系电话">
              <ContactView contacts={current.contacts} />
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
    </div>
  );
}

function Versions({
  plan,
  onDialog,
  onEditDraft,
  onNewRevision,
  newDraft,
}: {
  plan: EmergencyPlan;
  onDialog: (d: Dialog) => void;
  onEditDraft: () => void;
  onNewRevision: () => void;
  newDraft: boolean;
}) {
  const hasDraft = plan.versions.some((v) => v.status === 'DRAFT');
  const current = plan.versions.find((v) => v.status === 'IN_FORCE');
  return (
    <div data-testid="plan-versions">
      {!plan.archived && current && !hasDraft && !newDraft && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="需要修订时，先建立修订草稿"
          description="修订草稿的内容取自现行版本；修订后重新评审或论证、签署并发布，原版本自动变为「已被替代」。"
          action={
            <Button size="small" icon={<PlusOutlined />} onClick={onNewRevision}>
              新建修订草稿
            </Button>
          }
        />
      )}
      {plan.versions.map((v) => (
        <VersionCard key={v.id} plan={plan} v={v} onDialog={onDialog} onEditDraft={onEditDraft} />
      ))}
    </div>
  );
}

function VersionCard({ plan, v, onDialog, onEditDraft }: { plan: EmergencyPlan; v: PlanVersion; onDialog: (d: Dialog) => void; onEditDraft: () => void }) {
  const active = !plan.archived;
  const extra = active && (
    <Space size={6}>
      {v.status === 'DRAFT' && (
        <>
          <Button size="small" icon={<EditOutlined />} onClick={onEditDraft} data-testid={`version-${v.version}-edit`}>
            编辑草稿
          </Button>
          <Button size="small" type="primary" icon={<SendOutlined />} onClick={() => onDialog({ kind: 'issue', plan, versionId: v.id })} data-testid={`version-${v.version}-issue`}>
            发布…
          </Button>
        </>
      )}
      {v.status !== 'DRAFT' && (v.status === 'IN_FORCE' || !v.filedOn) && (
        <Button size="small" type={v.filedOn ? 'default' : 'primary'} onClick={() => onDialog({ kind: 'file', versionId: v.id })} data-testid={`version-${v.version}-file`}>
          {v.filedOn ? '修改备案登记' : '登记备案'}
        </Button>
      )}
    </Space>
  );
  return (
    <Card
      size="small"
      className={`sl-em-version sl-em-version-${v.status.toLowerCase()}`}
      title={
        <Space size={8}>
          <span>{v.version}</span>
          <VersionStatusTag status={v.status} />
          {v.status !== 'DRAFT' && <FilingTag filing={v.filing} filedOn={v.filedOn} testId={`version-${v.version}-filing`} />}
        </Space>
      }
      extra={extra}
      data-testid={`version-${v.version}`}
      style={{ marginBottom: 12 }}
    >
      <Descriptions size="small" column={3} styles={LABELS}>
        <Descriptions.Item label="评审/论证">
          {v.reviewMethod ? `${PlanReviewMethod.label[v.reviewMethod]}${v.reviewedOn ? ` ${v.reviewedOn}` : ''}` : <Typography.Text type={v.status === 'DRAFT' ? 'warning' : undefined}>未填写</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label="主要负责人签署">
          {v.signedByName && v.signedOn ? `${v.signedByName} ${v.signedOn}` : <Typography.Text type={v.status === 'DRAFT' ? 'warning' : undefined}>{v.signedByName ? `${v.signedByName}（未填签署日期）` : '未签署'}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label="发布日期">{dash(v.issuedOn)}</Descriptions.Item>
        {v.status !== 'DRAFT' && (
          <Descriptions.Item label="备案" span={2}>
            {v.filedOn ? (
              `${v.filedOn} · ${v.filingAuthority ?? ''}${v.filingReceiptNo ? ` · 回执 ${v.filingReceiptNo}` : ''}`
            ) : v.filing ? (
              <span className="sl-muted">未登记（期限 {v.filing.dueOn}）</span>
            ) : (
              '—'
            )}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="下次修订" span={v.status === 'DRAFT' ? 3 : 1}>{v.nextRevisionOn ?? (v.status === 'DRAFT' ? '发布时计算' : '—')}</Descriptions.Item>
        {v.reviewNote && (
          <Descriptions.Item label="评审/论证意见" span={3}>
            {v.reviewNote}
          </Descriptions.Item>
        )}
        {v.changeSummary && (
          <Descriptions.Item label="修订说明" span={3}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{v.changeSummary}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {v.receipts.length > 0 && (
        <>
          <div className="sl-em-sub-title">备案回执</div>
          <AttachmentRows files={v.receipts} testId={`version-receipts-${v.version}`} />
        </>
      )}
      <div className="sl-em-sub-title">文件</div>
      <VersionFiles plan={plan} version={v} />
      {plan.planType === 'ONSITE' && v.status !== 'DRAFT' && (
        <Collapse
          size="small"
          style={{ marginTop: 12 }}
          items={[
            {
              key: 'content',
              label: `处置内容：${v.scenarios.length} 个事故情形、${v.contacts.length} 个联系电话`,
              children: (
                <div>
                  {v.riskDescription && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{v.riskDescription}</Typography.Paragraph>}
                  <ScenarioView scenarios={v.scenarios} />
                  <div style={{ marginTop: 8 }}>
                    <ContactView contacts={v.contacts} />
                  </div>
                </div>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function Triggers({ plan, onAdd }: { plan: EmergencyPlan; onAdd: () => void }) {
  return (
    <div data-testid="plan-triggers">
      <div className="sl-em-bar">
        <Typography.Text type="secondary" style={{ flex: 1 }}>
          法律法规变化、机构调整、重大风险或应急资源变化，以及演练、救援中发现问题时，应及时修订预案（《生产安全事故应急条例》第六条）。发布新版本后，之前登记的事项自动关闭。
        </Typography.Text>
        {!plan.archived && (
          <Button icon={<PlusOutlined />} onClick={onAdd} data-testid="plan-trigger-add">
            登记修订事项
          </Button>
        )}
      </div>
      <Table<PlanTrigger>
        size="small"
        rowKey="id"
        bordered
        pagination={false}
        dataSource={plan.triggers}
        data-testid="plan-trigger-table"
        locale={{ emptyText: '没有修订事项' }}
        rowClassName={(t) => (t.overdue ? 'sl-em-row-danger' : '')}
        columns={[
          { title: '修订情形', dataIndex: 'kind', width: 190, render: (k: PlanTrigger['kind']) => PlanTriggerKind.label[k] },
          { title: '发生日期', dataIndex: 'occurredOn', width: 104 },
          {
            title: '情况说明',
            dataIndex: 'description',
            render: (text: string, t) => (
              <div>
                <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>
                {t.drillId && (
                  <div style={{ fontSize: 12 }}>
                    来自演练 <Link to={drillLink(t.drillId)}>{t.drillCode ?? '查看演练'}</Link>
                  </div>
                )}
              </div>
            ),
          },
          {
            title: '完成期限',
            key: 'due',
            width: 150,
            render: (_, t) =>
              t.dueOn ? (
                <span>
                  {t.dueOn}
                  {t.overdue && (
                    <Tag color="red" style={{ marginInlineStart: 4 }}>
                      已逾期
                    </Tag>
                  )}
                </span>
              ) : (
                <span className="sl-muted">未定</span>
              ),
          },
          { title: '负责人', dataIndex: 'ownerName', width: 90, render: (v: string | null) => dash(v) },
          {
            title: '状态',
            key: 'state',
            width: 150,
            render: (_, t) =>
              t.resolvedOn ? (
                <span>
                  <Tag color="green">已修订</Tag>
                  <span className="sl-muted" style={{ fontSize: 12 }}>
                    {t.resolvedVersion} · {t.resolvedOn}
                  </span>
                </span>
              ) : (
                <Tag color="volcano" data-testid="trigger-open">
                  待修订
                </Tag>
              ),
          },
        ]}
      />
    </div>
  );
}

function Drills({ plan }: { plan: EmergencyPlan }) {
  return (
    <div data-testid="plan-drills">
      <Typography.Paragraph type="secondary">按本预案组织的演练。演练评估提出需要修订预案的，会在「修订事项」中登记并标明来源演练。</Typography.Paragraph>
      <Table
        size="small"
        rowKey="id"
        bordered
        pagination={false}
        dataSource={plan.drills}
        locale={{ emptyText: plan.lastDrillOn ? '—' : '还没有按本预案组织的演练记录' }}
        columns={[
          { title: '演练编号', dataIndex: 'code', width: 160, render: (c: string, d) => <Link to={drillLink(d.id)}>{c}</Link> },
          { title: '演练名称', dataIndex: 'title', render: (t: string, d) => <Link to={drillLink(d.id)}>{t}</Link> },
          { title: '演练日期', dataIndex: 'drillDate', width: 120 },
        ]}
      />
    </div>
  );
}

function PlanCards({ plan, onGenerate }: { plan: EmergencyPlan; onGenerate: () => void }) {
  const cards = useApi('emergencyCard.list', { planId: plan.id, postId: null });
  const withCard = new Set((cards.data ?? []).map((c) => c.postId));
  const missing = plan.postIds.map((id, i) => ({ id, name: plan.postNames[i] ?? '' })).filter((p) => !withCard.has(p.id));
  const current = plan.versions.find((v) => v.status === 'IN_FORCE');
  return (
    <div data-testid="plan-cards">
      {!current && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="方案发布后才能生成应急处置卡" />}
      {current && missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${missing.length} 个关键岗位还没有应急处置卡`}
          description={missing.map((p) => p.name).join('、')}
          action={
            !plan.archived && (
              <Button size="small" type="primary" onClick={onGenerate}>
                生成
              </Button>
            )
          }
        />
      )}
      <Table
        size="small"
        rowKey="id"
        bordered
        pagination={false}
        loading={cards.isFetching && !cards.data}
        dataSource={cards.data ?? []}
        locale={{ emptyText: '还没有由本方案生成的应急处置卡' }}
        columns={[
          { title: '岗位', key: 'post', render: (_, c) => <Link to={cardLink(c.id)}>{`${c.unitName} · ${c.postName}`}</Link> },
          { title: '卡片标题', dataIndex: 'title' },
          {
            title: '来源版本',
            key: 'src',
            width: 170,
            render: (_, c) => (
              <span>
                {c.sourceVersion}
                {c.stale && (
                  <Tag color="orange" style={{ marginInlineStart: 6 }}>
                    需重新生成
                  </Tag>
                )}
              </span>
            ),
          },
          { title: '修改次数', dataIndex: 'revision', width: 90, render: (n: number) => `第 ${n} 版` },
        ]}
      />
    </div>
  );
}
