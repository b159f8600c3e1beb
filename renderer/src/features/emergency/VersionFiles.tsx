import { App as AntApp, Button, Popconfirm, Space, Tooltip } from 'antd';
import { DeleteOutlined, ExportOutlined, FileImageOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import type { AttachmentRef, EmergencyPlan, PlanVersion } from '../../../../preload/contract/emergency.ts';
import { errorMessage, useApiMutation } from '../../lib/api.ts';
import { formatBytes } from '../../lib/format.ts';
import { PickFilesButton } from './emForms.tsx';

function FileIcon({ mime }: { mime: string }) {
  if (mime === 'application/pdf') return <FilePdfOutlined style={{ color: '#cf1322' }} />;
  if (mime.startsWith('image/')) return <FileImageOutlined style={{ color: '#1677ff' }} />;
  return <FileWordOutlined style={{ color: '#2b579a' }} />;
}

const KIND: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG 图片',
  'image/jpeg': 'JPEG 图片',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word 文档',
};

/** Stored files opened in the system's viewer. */
export function AttachmentRows({ files, onRemove, testId, removing }: { files: AttachmentRef[]; onRemove?: (a: AttachmentRef) => void; testId: string; removing?: boolean }) {
  const { message } = AntApp.useApp();
  const open = useApiMutation('attachment.open');
  if (!files.length) return null;
  return (
    <div className="sl-em-files" data-testid={testId}>
      {files.map((a) => (
        <div className="sl-em-file" key={a.attachmentId} data-testid={`${testId}-row`}>
          <FileIcon mime={a.mimeType} />
          <Tooltip title="用本机默认程序打开">
            <a onClick={() => open.mutate({ id: a.attachmentId }, { onError: (e) => void message.error(errorMessage(e)) })} className="sl-em-file-name" data-testid={`${testId}-open`}>
              {a.originalName}
            </a>
          </Tooltip>
          <span className="sl-muted">
            {KIND[a.mimeType] ?? a.mimeType} · {formatBytes(a.sizeBytes)}
          </span>
          <span style={{ flex: 1 }} />
          <Button size="small" type="text" icon={<ExportOutlined />} onClick={() => open.mutate({ id: a.attachmentId }, { onError: (e) => void message.error(errorMessage(e)) })}>
            打开
          </Button>
          {onRemove && (
            <Popconfirm title={`从草稿中移除「${a.originalName}」？`} okText="移除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => onRemove(a)}>
              <Button size="small" type="text" danger icon={<DeleteOutlined />} loading={removing} data-testid={`${testId}-remove`}>
                移除
              </Button>
            </Popconfirm>
          )}
        </div>
      ))}
    </div>
  );
}

/** A version's files (预案文本、评审意见、签发页…): add any time, remove only while it is a draft. */
export function VersionFiles({ plan, version }: { plan: EmergencyPlan; version: PlanVersion }) {
  const { message } = AntApp.useApp();
  const attach = useApiMutation('planVersion.attach');
  const detach = useApiMutation('planVersion.detach');
  const draft = version.status === 'DRAFT';
  const testId = `version-files-${version.version}`;
  return (
    <div>
      <AttachmentRows
        files={version.files}
        testId={testId}
        removing={detach.isPending}
        onRemove={
          draft && !plan.archived
            ? (a) =>
                detach.mutate(
                  { versionId: version.id, attachmentId: a.attachmentId },
                  { onSuccess: () => void message.success(`已移除「${a.originalName}」`), onError: (e) => void message.error(errorMessage(e)) },
                )
            : undefined
        }
      />
      {!version.files.length && <div className="sl-muted" style={{ marginBottom: 8 }}>还没有文件。请添加预案文本（PDF 或 Word）、评审或论证意见、主要负责人签发页等。</div>}
      {!plan.archived && (
        <Space style={{ marginTop: 8 }}>
          <PickFilesButton
            purpose="document"
            label="添加文件"
            busy={attach.isPending}
            testId={`${testId}-add`}
            onPicked={(files) =>
              attach.mutate(
                { versionId: version.id, attachmentIds: files.map((f) => f.id) },
                { onSuccess: () => void message.success(`已添加 ${files.length} 个文件`), onError: (e) => void message.error(errorMessage(e)) },
              )
            }
          />
          <span className="sl-muted" style={{ fontSize: 12 }}>
            PDF、Word（.docx）或图片，单个不超过 20 MB{draft ? '' : '；已发布版本的文件作为存档，不能移除'}
          </span>
        </Space>
      )}
    </div>
  );
}
