import { useRef } from 'react';
import { App as AntApp, Button } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { AttachmentInfo } from '../../../preload/contract/attachments.ts';
import { useApiMutation, errorMessage } from '../lib/api.ts';

const MAX_BYTES = 20 * 1024 * 1024;

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/**
 * Picks a file in the page and sends its bytes to main, which checks the type
 * from the content and stores it by hash. The page never passes a path.
 */
export function FileUpload({
  purpose,
  label,
  onUploaded,
  testId,
  size,
}: {
  purpose: 'image' | 'imageOrPdf';
  label: string;
  onUploaded: (a: AttachmentInfo) => void;
  testId?: string;
  size?: 'small' | 'middle';
}) {
  const { message } = AntApp.useApp();
  const input = useRef<HTMLInputElement>(null);
  const upload = useApiMutation('attachment.upload');
  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        data-testid={testId ? `${testId}-input` : undefined}
        accept={purpose === 'image' ? 'image/png,image/jpeg' : 'image/png,image/jpeg,application/pdf'}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          if (file.size > MAX_BYTES) {
            void message.error(`文件「${file.name}」有 ${(file.size / 1024 / 1024).toFixed(1)} MB，超过 20 MB 的上限；请压缩后再上传`);
            return;
          }
          const dataBase64 = toBase64(await file.arrayBuffer());
          upload.mutate({ fileName: file.name, dataBase64, purpose }, { onSuccess: onUploaded, onError: (err) => void message.error(errorMessage(err)) });
        }}
      />
      <Button icon={<UploadOutlined />} size={size} loading={upload.isPending} onClick={() => input.current?.click()} data-testid={testId}>
        {label}
      </Button>
    </>
  );
}
