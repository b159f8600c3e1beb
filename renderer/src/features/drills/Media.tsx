import { App as AntApp, Button, Space, Tag } from 'antd';
import { DeleteOutlined, PlayCircleOutlined, VideoCameraAddOutlined, FileSearchOutlined } from '@ant-design/icons';
import type { AttachmentRef } from '../../../../preload/contract/emergency.ts';
import { errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { formatBytes } from '../../lib/format.ts';
import { FileUpload } from '../../components/FileUpload.tsx';
import { PhotoThumb } from '../hazards/HazardPhotos.tsx';

/** Opens a stored file with the computer's own program (video, PDF). */
export function useOpenAttachment() {
  const { message } = AntApp.useApp();
  const open = useApiMutation('attachment.open');
  return (id: string) => open.mutate({ id }, { onError: (e) => void message.error(errorMessage(e)) });
}

/**
 * Drill videos (MP4), chosen in the computer's file dialog (videos are too large
 * to pass through the page), opened with the default player.
 */
export function VideoList({ value, onChange }: { value?: AttachmentRef[]; onChange?: (v: AttachmentRef[]) => void }) {
  const { message } = AntApp.useApp();
  const list = value ?? [];
  const pick = useApiMutation('attachment.pick');
  const openFile = useOpenAttachment();
  const add = () =>
    pick.mutate(
      { purpose: 'video' },
      {
        onSuccess: (r) => {
          if (r.cancelled) return;
          const have = new Set(list.map((v) => v.attachmentId));
          const fresh = r.attachments.filter((a) => !have.has(a.id)).map((a) => ({ attachmentId: a.id, originalName: a.originalName, mimeType: a.mimeType, sizeBytes: a.sizeBytes }));
          onChange?.([...list, ...fresh].slice(0, 10));
        },
        onError: (e) => void message.error(errorMessage(e)),
      },
    );
  return (
    <div data-testid="drill-videos">
      {list.map((v) => (
        <div key={v.attachmentId} className="sl-drill-file">
          <PlayCircleOutlined />
          <span className="sl-drill-file-name">{v.originalName}</span>
          <span className="sl-muted">{formatBytes(v.sizeBytes)}</span>
          <Button size="small" type="link" onClick={() => openFile(v.attachmentId)}>
            播放
          </Button>
          <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => onChange?.(list.filter((x) => x.attachmentId !== v.attachmentId))} aria-label={`移除 ${v.originalName}`} />
        </div>
      ))}
      {list.length < 10 && (
        <Space>
          <Button size="small" icon={<VideoCameraAddOutlined />} loading={pick.isPending} onClick={add} data-testid="drill-video-add">
            添加视频
          </Button>
          <span className="sl-muted" style={{ fontSize: 12 }}>
            MP4 格式，最多 10 段
          </span>
        </Space>
      )}
    </div>
  );
}

/** The scanned paper sign-in sheet (image or PDF). */
export function SignInSheet({ value, onChange }: { value?: string | null; onChange?: (id: string | null) => void }) {
  const info = useApi('attachment.dataUrl', { id: value ?? '' }, { enabled: !!value, retry: false, staleTime: Infinity });
  const openFile = useOpenAttachment();
  if (!value) return <FileUpload purpose="imageOrPdf" size="small" label="上传签到表扫描件" testId="drill-signin-sheet" onUploaded={(a) => onChange?.(a.id)} />;
  // dataUrl only serves images; a PDF scan is opened with the computer's viewer.
  return (
    <Space size={8} data-testid="drill-signin-sheet-stored">
      {info.data ? <PhotoThumb id={value} size={72} /> : <Tag icon={<FileSearchOutlined />}>签到表扫描件</Tag>}
      <Button size="small" type="link" onClick={() => openFile(value)}>
        打开
      </Button>
      <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => onChange?.(null)} aria-label="移除签到表扫描件" />
    </Space>
  );
}
