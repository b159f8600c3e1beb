/** Shared bits of the training pages: type, pass, sign-method and role tags (colour always with text), attachments and links. */
import { App as AntApp, Button, Image, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { CloseOutlined, FileTextOutlined, FolderOpenOutlined, PaperClipOutlined } from '@ant-design/icons';
import { CertDueState, SignMethod, TraineeRole, TrainingType, type ExamMethod } from '../../../../preload/contract/enums.ts';
import type { AttachmentRef } from '../../../../preload/contract/emergency.ts';
import type { TrainingPlanItem } from '../../../../preload/contract/training.ts';
import { errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { formatBytes } from '../../lib/format.ts';
import { FileUpload } from '../../components/FileUpload.tsx';
import './training.css';

export type TrainingTypeCode = (typeof TrainingType.values)[number];
export type ExamMethodCode = (typeof ExamMethod.values)[number];
export type SignMethodCode = (typeof SignMethod.values)[number];
export type TraineeRoleCode = (typeof TraineeRole.values)[number];
export type PlanState = TrainingPlanItem['state'];

const TYPE_COLORS: Record<TrainingTypeCode, string> = {
  INDUCTION_COMPANY: 'geekblue',
  INDUCTION_WORKSHOP: 'blue',
  INDUCTION_TEAM: 'cyan',
  ROUTINE: 'default',
  SPECIAL: 'purple',
  REFRESHER: 'gold',
  SPECIAL_OPERATION: 'volcano',
  CARDS: 'green',
  EMERGENCY: 'magenta',
};

export function TrainingTypeTag({ type }: { type: TrainingTypeCode }) {
  return (
    <Tag color={TYPE_COLORS[type]} data-type={type}>
      {TrainingType.label[type]}
    </Tag>
  );
}

/** 合格 / 不合格; no result (no exam, or not scored) as a dash. */
export function PassTag({ passed, testId }: { passed: boolean | null; testId?: string }) {
  if (passed === null) {
    return (
      <span className="sl-muted" data-testid={testId}>
        —
      </span>
    );
  }
  return (
    <Tag color={passed ? 'green' : 'red'} data-testid={testId}>
      {passed ? '合格' : '不合格'}
    </Tag>
  );
}

export function SignMethodTag({ method }: { method: SignMethodCode }) {
  return <Tag color={method === 'ON_SCREEN' ? 'blue' : 'default'}>{SignMethod.label[method]}</Tag>;
}

const ROLE_COLORS: Record<TraineeRoleCode, string> = { PRINCIPAL: 'purple', SAFETY_MANAGER: 'blue', STAFF: 'default' };

export function RoleTag({ role }: { role: TraineeRoleCode }) {
  return <Tag color={ROLE_COLORS[role]}>{TraineeRole.label[role]}</Tag>;
}

export const PLAN_STATE_LABEL: Record<PlanState, string> = { PLANNED: '计划中', DONE: '已完成', MISSED: '未完成' };
const PLAN_STATE_COLOR: Record<PlanState, string> = { PLANNED: 'processing', DONE: 'green', MISSED: 'red' };

export function PlanStateTag({ state, sessions }: { state: PlanState; sessions: number }) {
  return (
    <Tag color={PLAN_STATE_COLOR[state]} data-state={state}>
      {PLAN_STATE_LABEL[state]}
      {sessions > 0 ? `（${sessions} 次）` : ''}
    </Tag>
  );
}

type DueState = (typeof CertDueState.values)[number];
const DUE_COLORS: Record<DueState, string> = { EXPIRED: 'red', REVIEW_OVERDUE: 'red', DUE: 'orange', REVOKED: 'default', VALID: 'green' };

export function CertDueTag({ state }: { state: DueState }) {
  return <Tag color={DUE_COLORS[state]}>{CertDueState.label[state]}</Tag>;
}

/** Hours as the ledger writes them: 4, 2.5. */
export function hoursText(h: number | null | undefined): string {
  if (h === null || h === undefined) return '—';
  return String(Math.round(h * 10) / 10);
}

/** Today as YYYY-MM-DD in the user's clock. */
export function todayStr(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The training settings (hour rules, pass mark, periodic rule); cached, they change rarely. */
export function useTrainingSettings() {
  return useApi('trainingSettings.get', {}, { staleTime: 60_000 });
}

/** A link into the training ledger with one session opened. */
export function sessionLink(id: string): string {
  return `/training?id=${encodeURIComponent(id)}`;
}

/** One stored image, previewable full size. */
export function Thumb({ id, size = 72, alt = '照片' }: { id: string; size?: number; alt?: string }) {
  const q = useApi('attachment.dataUrl', { id }, { staleTime: Infinity, retry: false });
  if (q.isError) return <Tag>图片无法显示</Tag>;
  if (!q.data) return <Skeleton.Image active style={{ width: size, height: (size * 3) / 4 }} />;
  return <Image src={q.data.dataUrl} alt={alt} width={size} height={(size * 3) / 4} style={{ objectFit: 'cover', borderRadius: 4 }} />;
}

/** A signature image on its light paper background. */
export function SignatureThumb({ id, height = 32 }: { id: string; height?: number }) {
  const q = useApi('attachment.dataUrl', { id }, { staleTime: Infinity, retry: false });
  if (q.isError) return <Tag>签名无法显示</Tag>;
  if (!q.data) return <Skeleton.Button active size="small" />;
  return (
    <span className="sl-training-signature">
      <Image src={q.data.dataUrl} alt="签名" height={height} style={{ width: 'auto' }} />
    </span>
  );
}

/** Opens a stored file with the system's program (PDF, Word, images). */
export function useOpenAttachment() {
  const { message } = AntApp.useApp();
  const open = useApiMutation('attachment.open');
  return (id: string) => open.mutate({ id }, { onError: (e) => void message.error(errorMessage(e)) });
}

/**
 * Form control for training materials (PDF, Word, images) picked in main's
 * file dialog: a list with open and remove buttons.
 */
export function MaterialsField({ value, onChange, testId }: { value?: AttachmentRef[]; onChange?: (v: AttachmentRef[]) => void; testId: string }) {
  const { message } = AntApp.useApp();
  const pick = useApiMutation('attachment.pick');
  const openFile = useOpenAttachment();
  const list = value ?? [];
  const add = () =>
    pick.mutate(
      { purpose: 'document' },
      {
        onSuccess: (r) => {
          if (r.cancelled) return;
          const have = new Set(list.map((a) => a.attachmentId));
          const added = r.attachments.filter((a) => !have.has(a.id)).map((a) => ({ attachmentId: a.id, originalName: a.originalName, mimeType: a.mimeType, sizeBytes: a.sizeBytes }));
          onChange?.([...list, ...added].slice(0, 20));
        },
        onError: (e) => void message.error(errorMessage(e)),
      },
    );
  return (
    <div data-testid={testId}>
      {list.length > 0 && (
        <div className="sl-training-files" data-testid={`${testId}-list`}>
          {list.map((a) => (
            <div key={a.attachmentId} className="sl-training-file">
              <FileTextOutlined />
              <Typography.Link onClick={() => openFile(a.attachmentId)} title="用本机程序打开">
                {a.originalName}
              </Typography.Link>
              <span className="sl-muted">{formatBytes(a.sizeBytes)}</span>
              <Tooltip title="移除这份材料">
                <Button size="small" type="text" danger icon={<CloseOutlined />} aria-label="移除材料" onClick={() => onChange?.(list.filter((x) => x.attachmentId !== a.attachmentId))} />
              </Tooltip>
            </div>
          ))}
        </div>
      )}
      {list.length < 20 && (
        <Space>
          <Button size="small" icon={<PaperClipOutlined />} loading={pick.isPending} onClick={add} data-testid={`${testId}-add`}>
            添加材料
          </Button>
          <span className="sl-muted" style={{ fontSize: 12 }}>
            课件、教案、试卷等（PDF、Word 或图片），最多 20 份
          </span>
        </Space>
      )}
    </div>
  );
}

/** Form control holding photo ids: uploads PNG/JPEG and shows them with a remove button. */
export function PhotosField({ value, onChange, testId, max = 20 }: { value?: string[]; onChange?: (ids: string[]) => void; testId: string; max?: number }) {
  const ids = value ?? [];
  return (
    <div className="sl-training-upload">
      <Image.PreviewGroup>
        <div className="sl-training-thumbs" data-testid={`${testId}-list`}>
          {ids.map((id) => (
            <div key={id} className="sl-training-thumb">
              <Thumb id={id} size={88} />
              <Button className="sl-training-thumb-remove" size="small" shape="circle" icon={<CloseOutlined />} title="移除这张照片" onClick={() => onChange?.(ids.filter((x) => x !== id))} />
            </div>
          ))}
        </div>
      </Image.PreviewGroup>
      {ids.length < max && (
        <div style={{ marginTop: ids.length ? 8 : 0 }}>
          <FileUpload purpose="image" size="small" label="上传照片" testId={testId} onUploaded={(a) => onChange?.(ids.includes(a.id) ? ids : [...ids, a.id])} />
          <span className="sl-muted" style={{ marginInlineStart: 8, fontSize: 12 }}>
            培训现场照片，JPG 或 PNG，最多 {max} 张
          </span>
        </div>
      )}
    </div>
  );
}

/** The scanned paper sign-in sheet: an image thumbnail or the file's name, openable. */
export function SignInScanField({ value, onChange, testId }: { value?: { id: string; name: string | null } | null; onChange?: (v: { id: string; name: string | null } | null) => void; testId: string }) {
  const openFile = useOpenAttachment();
  return (
    <Space wrap className="sl-training-upload">
      {value && (
        <>
          <Button size="small" icon={<FolderOpenOutlined />} onClick={() => openFile(value.id)} data-testid={`${testId}-open`}>
            {value.name ?? '查看签到表扫描件'}
          </Button>
          <Button size="small" type="text" danger icon={<CloseOutlined />} aria-label="移除扫描件" onClick={() => onChange?.(null)} />
        </>
      )}
      <FileUpload purpose="imageOrPdf" size="small" label={value ? '重新上传' : '上传签到表扫描件'} testId={testId} onUploaded={(a) => onChange?.({ id: a.id, name: a.originalName })} />
    </Space>
  );
}
