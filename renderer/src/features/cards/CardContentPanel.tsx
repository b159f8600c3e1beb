import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Input, Modal, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { EditOutlined, FileAddOutlined, FilePdfOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { CardPostStatus } from '../../../../preload/contract/cards.ts';
import { errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { printLink } from '../print/queue.ts';
import { CardEditor } from './CardEditor.tsx';
import { CardView } from './CardView.tsx';
import './cards.css';

const CREATE_REASON = '按“两单两卡”要求编制';

/** The 内容 tab: create a first draft, edit the draft, or view the version in force. */
export function CardContentPanel({ row, hasList, onDirtyChange }: { row: CardPostStatus; hasList: boolean; onDirtyChange: (dirty: boolean) => void }) {
  if (row.draftId) return <DraftLoader key={row.draftId} id={row.draftId} currentVersion={row.current?.version ?? null} hasList={hasList} onDirtyChange={onDirtyChange} />;
  if (row.current) return <CurrentCards row={row} currentId={row.current.id} />;
  return <CreateFirst row={row} />;
}

function DraftLoader({ id, currentVersion, hasList, onDirtyChange }: { id: string; currentVersion: number | null; hasList: boolean; onDirtyChange: (dirty: boolean) => void }) {
  // Always read the draft afresh: the editor takes its values once, when it opens.
  const q = useApi('card.get', { id }, { refetchOnMount: 'always' });
  if (q.isError) return <Alert type="error" showIcon title="草稿读取失败" description={q.error.message} />;
  if (!q.data || !q.isFetchedAfterMount) return <Skeleton active paragraph={{ rows: 8 }} />;
  return <CardEditor card={q.data} currentVersion={currentVersion} hasList={hasList} onDirtyChange={onDirtyChange} />;
}

function CreateFirst({ row }: { row: CardPostStatus }) {
  const { message } = AntApp.useApp();
  const library = useApi('card.library', {});
  const create = useApiMutation('card.createDraft');
  const [libraryKey, setLibraryKey] = useState<string | null>(row.suggestedLibraryKey);
  const [mode, setMode] = useState<'library' | 'blank' | null>(null);
  const suggested = library.data?.find((l) => l.key === row.suggestedLibraryKey) ?? null;

  const run = (how: 'library' | 'blank') => {
    if (how === 'library' && !libraryKey) {
      void message.warning('请先选择内容库中的工种');
      return;
    }
    setMode(how);
    create.mutate(
      { postId: row.postId, libraryKey: how === 'library' ? libraryKey : null, copyCurrent: false, reason: CREATE_REASON },
      {
        onSuccess: (c) => void message.success(how === 'library' ? `已生成第 ${c.version} 版草稿，请按本岗位实际修改` : `已建立第 ${c.version} 版空白草稿`),
        onError: (e) => void message.error(errorMessage(e)),
        onSettled: () => setMode(null),
      },
    );
  };

  return (
    <div data-testid="card-create">
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`岗位「${row.postName}」还没有两单两卡`}
        description="一线岗位应编制岗位风险清单、岗位职责清单、岗位操作卡和岗位应急处置卡，批准发布后打印发放，并组织在岗人员签字确认。"
      />
      <div className="sl-cards-create">
        <Card
          title={
            <Space>
              <ThunderboltOutlined style={{ color: '#1f5eb8' }} />
              从内容库生成
              <Tag color="blue">推荐</Tag>
            </Space>
          }
        >
          <Typography.Paragraph type="secondary">内容库按工种收录了常见一线岗位的风险、职责、操作要点和应急措施。一键生成草稿后，再按本岗位的设备、工艺和风险辨识结果修改。</Typography.Paragraph>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Select
              style={{ width: '100%' }}
              value={libraryKey ?? undefined}
              onChange={(v: string | undefined) => setLibraryKey(v ?? null)}
              allowClear
              placeholder="选择工种"
              loading={library.isFetching}
              showSearch={{ optionFilterProp: 'label' }}
              options={(library.data ?? []).map((l) => ({ value: l.key, label: l.name }))}
              notFoundContent={library.isError ? library.error.message : '内容库中没有匹配的工种'}
              data-testid="card-library-select"
            />
            <span className="sl-muted">
              {suggested ? `根据岗位名称和工种推荐「${suggested.name}」` : '没有找到与本岗位名称或工种匹配的条目，请选择最接近的工种，或空白编制'}
            </span>
            <Button type="primary" icon={<ThunderboltOutlined />} loading={create.isPending && mode === 'library'} onClick={() => run('library')} data-testid="card-create-library">
              从内容库生成
            </Button>
          </Space>
        </Card>
        <Card
          title={
            <Space>
              <FileAddOutlined />
              空白编制
            </Space>
          }
        >
          <Typography.Paragraph type="secondary">内容库中没有相近工种，或本岗位作业较特殊时，从空白开始逐项填写四个部分。</Typography.Paragraph>
          <Button icon={<FileAddOutlined />} loading={create.isPending && mode === 'blank'} onClick={() => run('blank')} data-testid="card-create-blank">
            空白编制
          </Button>
        </Card>
      </div>
    </div>
  );
}

function CurrentCards({ row, currentId }: { row: CardPostStatus; currentId: string }) {
  const navigate = useNavigate();
  const q = useApi('card.get', { id: currentId });
  const [revising, setRevising] = useState(false);
  const cur = row.current!;
  return (
    <div data-testid="card-current">
      <div className="sl-toolbar">
        <Tag color="green">现行</Tag>
        <span>
          第 {cur.version} 版 · {cur.publishedOn} 发布
        </span>
        <span style={{ flex: 1 }} />
        <Button icon={<EditOutlined />} onClick={() => setRevising(true)} data-testid="card-revise">
          修订
        </Button>
        <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('postCards', { recordId: row.postId }))} data-testid="card-print-pocket">
          打印口袋卡
        </Button>
        <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('postCardBoard', { recordId: row.postId }))} data-testid="card-print-board">
          打印岗位牌
        </Button>
      </div>
      {cur.reviewOverdue && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`已超过下次复审日期（${cur.nextReviewOn ?? ''}）`}
          description="请组织复审：核对风险、职责、操作要点和应急措施是否仍符合现场实际，通过「修订」建立新版本并批准发布，下次复审日期随之更新。"
        />
      )}
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      {q.data ? <CardView card={q.data} /> : !q.isError && <Skeleton active paragraph={{ rows: 8 }} />}
      {revising && <ReviseModal postId={row.postId} version={cur.version} overdue={cur.reviewOverdue} onClose={() => setRevising(false)} />}
    </div>
  );
}

const REASONS = ['年度复审', '工艺或设备变更', '风险辨识结果更新', '事故（事件）教训', '员工反馈'];

function ReviseModal({ postId, version, overdue, onClose }: { postId: string; version: number; overdue: boolean; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const create = useApiMutation('card.createDraft');
  return (
    <Modal
      open
      title={`修订第 ${version} 版两单两卡`}
      okText="建立修订草稿"
      cancelText="取消"
      confirmLoading={create.isPending}
      destroyOnHidden
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'card-revise-ok' }}
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (!v) return;
        create.mutate(
          { postId, libraryKey: null, copyCurrent: true, reason: v.reason.trim() },
          {
            onSuccess: (c) => {
              void message.success(`已建立第 ${c.version} 版修订草稿；批准发布前第 ${version} 版继续有效`);
              onClose();
            },
            onError: (e) => showApiError(e, (m) => void message.error(m), form),
          },
        );
      }}
    >
      <Typography.Paragraph type="secondary">以现行第 {version} 版的内容建立修订草稿。草稿批准发布后成为新的现行版本，旧版本存档可查。</Typography.Paragraph>
      <Form form={form} name="cardRevise" layout="vertical" initialValues={{ reason: overdue ? '年度复审' : '' }}>
        <Form.Item label="修订原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写修订原因' }]}>
          <Input maxLength={200} placeholder="如 工艺或设备变更" data-testid="card-revise-reason" />
        </Form.Item>
        <Space size={4} wrap>
          <span className="sl-muted">常用：</span>
          {REASONS.map((r) => (
            <Tag key={r} style={{ cursor: 'pointer' }} onClick={() => form.setFieldValue('reason', r)}>
              {r}
            </Tag>
          ))}
        </Space>
      </Form>
    </Modal>
  );
}
