import { Button, Image, Skeleton, Tag } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import { HazardPhotoStage } from '../../../../preload/contract/enums.ts';
import type { Hazard } from '../../../../preload/contract/hazards.ts';
import { useApi } from '../../lib/api.ts';
import { FileUpload } from '../../components/FileUpload.tsx';

const MAX_PHOTOS = 9;

/** One stored image, previewable full size. */
export function PhotoThumb({ id, size = 96 }: { id: string; size?: number }) {
  const q = useApi('attachment.dataUrl', { id }, { staleTime: Infinity, retry: false });
  if (q.isError) return <Tag>照片无法读取</Tag>;
  if (!q.data) return <Skeleton.Image active style={{ width: size, height: (size * 3) / 4 }} />;
  return <Image src={q.data.dataUrl} alt={q.data.attachment.originalName} width={size} height={(size * 3) / 4} style={{ objectFit: 'cover', borderRadius: 4 }} />;
}

/**
 * A form control holding attachment ids: uploads images (PNG/JPEG, checked by
 * content in main) and shows them with a remove button.
 */
export function PhotoPicker({
  value,
  onChange,
  testId,
  label = '上传照片',
  disabled,
  locked = [],
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  testId: string;
  label?: string;
  disabled?: boolean;
  /** Photos already on record: evidence, kept (no remove button). */
  locked?: string[];
}) {
  const ids = value ?? [];
  return (
    <div className="sl-hazard-photo-picker">
      <Image.PreviewGroup>
        <div className="sl-hazard-thumbs" data-testid={`${testId}-list`}>
          {ids.map((id) => (
            <div key={id} className="sl-hazard-thumb">
              <PhotoThumb id={id} size={88} />
              {!disabled && !locked.includes(id) && (
                <Button
                  className="sl-hazard-thumb-remove"
                  size="small"
                  shape="circle"
                  icon={<CloseOutlined />}
                  title="移除这张照片"
                  onClick={() => onChange?.(ids.filter((x) => x !== id))}
                />
              )}
            </div>
          ))}
        </div>
      </Image.PreviewGroup>
      {!disabled && ids.length < MAX_PHOTOS && (
        <div style={{ marginTop: ids.length ? 8 : 0 }}>
          <FileUpload purpose="image" size="small" label={label} testId={testId} onUploaded={(a) => onChange?.([...ids, a.id])} />
          <span className="sl-muted" style={{ marginInlineStart: 8, fontSize: 12 }}>
            JPG 或 PNG，最多 {MAX_PHOTOS} 张{locked.length ? '；已保存的照片作为记录保留，不能删除' : ''}
          </span>
        </div>
      )}
    </div>
  );
}

/** Before, after and re-inspection photos side by side, as an inspector compares them. */
export function PhotoComparison({ photos }: { photos: Hazard['photos'] }) {
  return (
    <Image.PreviewGroup>
      <div className="sl-hazard-photos" data-testid="hazard-photos">
        {HazardPhotoStage.values.map((stage) => {
          const list = photos.filter((p) => p.stage === stage);
          return (
            <div key={stage} className="sl-hazard-photo-col">
              <h4>
                {HazardPhotoStage.label[stage]}
                <span className="sl-muted" style={{ fontWeight: 400 }}>
                  {' '}
                  {list.length ? `${list.length} 张` : ''}
                </span>
              </h4>
              {list.length ? (
                <div className="sl-hazard-thumbs">
                  {list.map((p) => (
                    <PhotoThumb key={p.attachmentId} id={p.attachmentId} size={104} />
                  ))}
                </div>
              ) : (
                <span className="sl-muted">无</span>
              )}
            </div>
          );
        })}
      </div>
    </Image.PreviewGroup>
  );
}
