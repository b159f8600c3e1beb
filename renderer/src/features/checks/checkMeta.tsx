/** Shared bits of the check pages: tier, task-state, result and plan-status tags (colour always with text), pickers and links. */
import { useMemo, useRef, useState } from 'react';
import { App as AntApp, Button, Image, Select, Skeleton, Tag, Tooltip, TreeSelect } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { CheckResult, CheckTaskState, CheckTier, HazardStatus } from '../../../../preload/contract/enums.ts';
import type { CheckPlanRow } from '../../../../preload/contract/checks.ts';
import { errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { unitTree } from '../../components/selects.tsx';
import './checks.css';

export type PlanStatus = CheckPlanRow['status'];
export type TaskState = (typeof CheckTaskState.values)[number];
export type ResultCode = (typeof CheckResult.values)[number];

const TIER_COLORS: Record<CheckTier, string> = {
  DAY: 'blue',
  WEEK: 'cyan',
  MONTH: 'geekblue',
  SPECIAL: 'purple',
  SEASONAL: 'green',
  HOLIDAY: 'gold',
  ADHOC: 'default',
};

export function TierTag({ tier }: { tier: CheckTier }) {
  return (
    <Tag color={TIER_COLORS[tier]} data-tier={tier}>
      {CheckTier.label[tier]}
    </Tag>
  );
}

const STATE_COLORS: Record<TaskState, string> = { DUE: 'processing', DONE: 'green', LATE: 'orange', MISSED: 'red', UPCOMING: 'default' };

/** The task's state; a task once flagged 漏检 keeps a red 漏检 tag even after it was made up (补做). */
export function TaskStateTag({ state, missed }: { state: TaskState; missed?: boolean }) {
  return (
    <span className="sl-check-tags">
      <Tag color={STATE_COLORS[state]} data-state={state}>
        {CheckTaskState.label[state]}
      </Tag>
      {missed && state !== 'MISSED' && (
        <Tooltip title="该期检查未在截止日期前完成，已记为漏检；补做后漏检记录保留">
          <Tag color="red" data-testid="missed-flag">
            漏检
          </Tag>
        </Tooltip>
      )}
    </span>
  );
}

const RESULT_COLORS: Record<ResultCode, string> = { PASS: 'green', FAIL: 'red', NA: 'default' };

export function ResultTag({ result }: { result: ResultCode }) {
  return <Tag color={RESULT_COLORS[result]}>{CheckResult.label[result]}</Tag>;
}

export const PLAN_STATUS_LABEL: Record<PlanStatus, string> = { ACTIVE: '执行中', PAUSED: '已暂停', ARCHIVED: '已归档' };
const PLAN_STATUS_COLOR: Record<PlanStatus, string> = { ACTIVE: 'green', PAUSED: 'orange', ARCHIVED: 'default' };

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  return <Tag color={PLAN_STATUS_COLOR[status]}>{PLAN_STATUS_LABEL[status]}</Tag>;
}

const HAZARD_STATUS_COLOR: Record<HazardStatus, string> = { PENDING: 'red', IN_PROGRESS: 'orange', AWAITING_REVIEW: 'blue', CLOSED: 'green' };

export function HazardStatusTag({ status }: { status: string | null }) {
  if (!status) return null;
  const known = (HazardStatus.values as readonly string[]).includes(status) ? (status as HazardStatus) : null;
  return <Tag color={known ? HAZARD_STATUS_COLOR[known] : 'default'}>{known ? HazardStatus.label[known] : status}</Tag>;
}

/** A check record stays open until every hazard it found is closed (销号). */
export function RecordLoopTag({ open, openHazards, failCount }: { open: boolean; openHazards: number; failCount: number }) {
  if (open) {
    return (
      <Tooltip title="该次检查发现的隐患尚未全部销号，记录保持未闭环">
        <Tag color="red" data-testid="record-open">
          未闭环 · {openHazards} 条未销号
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tag color="green" data-testid="record-closed">
      {failCount ? '已闭环' : '无隐患'}
    </Tag>
  );
}

export const hazardLink = (id: string) => `/hazards?id=${encodeURIComponent(id)}`;

/** A period key in words: 2026-11-22 → 11月22日, 2026-W47 → 2026年第47周, 2026-11 → 2026年11月, 2026-Q4 → 2026年第4季度. */
export function periodKeyLabel(key: string): string {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (m) return `${Number(m[2])}月${Number(m[3])}日`;
  m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (m) return `${m[1]}年第${Number(m[2])}周`;
  m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return `${m[1]}年${Number(m[2])}月`;
  m = /^(\d{4})-Q(\d)$/.exec(key);
  if (m) return `${m[1]}年第${m[2]}季度`;
  if (key === 'ONCE') return '一次性检查';
  return key;
}

/** Shares come from main as percentages with one decimal (92.5). "92.5%"; "—" when nothing was due. */
export function percent(share: number | null | undefined): string {
  if (share === null || share === undefined) return '—';
  return `${Number.isInteger(share) ? share : share.toFixed(1)}%`;
}

/** Background and ink of an on-time percentage: red below 60, orange below 80, yellow below 95, green otherwise. */
export function shareColors(share: number | null | undefined): { bg: string; ink: string } {
  if (share === null || share === undefined) return { bg: '#fafafa', ink: '#9ca3af' };
  if (share >= 95) return { bg: '#d9f7be', ink: '#135200' };
  if (share >= 80) return { bg: '#fff1b8', ink: '#614700' };
  if (share >= 60) return { bg: '#ffd8a8', ink: '#873800' };
  return { bg: '#ffccc7', ink: '#820014' };
}

/** Several active people, searched in main by name or staff number; the chosen stay labelled. */
export function PeopleSelect({
  value,
  onChange,
  id,
  placeholder = '输入姓名或工号搜索，可多选',
  testId,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  id?: string;
  placeholder?: string;
  testId?: string;
}) {
  const [search, setSearch] = useState('');
  const ids = (value ?? []).slice(0, 50);
  const q = useApi('person.options', { search: search || null, ids }, { placeholderData: (prev) => prev });
  const options = (q.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.staffNo} · ${p.unitName}）` }));
  return (
    <Select
      id={id}
      mode="multiple"
      value={value ?? []}
      onChange={(v) => {
        onChange?.(v);
        setSearch('');
      }}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      options={options}
      loading={q.isFetching}
      notFoundContent={q.isFetching ? '搜索中…' : '没有匹配的在职人员'}
      data-testid={testId}
    />
  );
}

/** Several units from the organisation tree. */
export function UnitsSelect({ value, onChange, id, placeholder = '选择单位（可多选）', testId }: { value?: string[]; onChange?: (v: string[]) => void; id?: string; placeholder?: string; testId?: string }) {
  const units = useApi('unit.list', {});
  const tree = useMemo(() => unitTree(units.data ?? []), [units.data]);
  return (
    <TreeSelect
      id={id}
      multiple
      value={value ?? []}
      onChange={(v) => onChange?.(v as string[])}
      placeholder={placeholder}
      treeData={tree}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={units.isFetching}
      data-testid={testId}
    />
  );
}

/** A small image attachment that opens large on click. */
export function PhotoThumb({ id, size = 44 }: { id: string; size?: number }) {
  const q = useApi('attachment.dataUrl', { id }, { staleTime: Infinity, retry: false });
  if (q.isError) return <Tag>照片无法显示</Tag>;
  if (!q.data) return <Skeleton.Image active style={{ width: size, height: size }} />;
  return <Image src={q.data.dataUrl} alt="照片" width={size} height={size} style={{ objectFit: 'cover', borderRadius: 4 }} />;
}

/** Today as YYYY-MM-DD in the user's clock. */
export function todayStr(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const MAX_PHOTO_BYTES = 20 * 1024 * 1024;

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** A compact photo button for table rows: picks one or more images and uploads each through attachment.upload. */
export function PhotoUpload({ onUploaded, max, testId, label }: { onUploaded: (ids: string[]) => void; max: number; testId?: string; label?: string }) {
  const { message } = AntApp.useApp();
  const input = useRef<HTMLInputElement>(null);
  const upload = useApiMutation('attachment.upload');
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        style={{ display: 'none' }}
        accept="image/png,image/jpeg"
        data-testid={testId ? `${testId}-input` : undefined}
        onChange={async (e) => {
          const files = [...(e.target.files ?? [])].slice(0, max);
          e.target.value = '';
          const ids: string[] = [];
          for (const file of files) {
            if (file.size > MAX_PHOTO_BYTES) {
              void message.error(`照片「${file.name}」超过 20 MB，请压缩后再上传`);
              continue;
            }
            try {
              const a = await upload.mutateAsync({ fileName: file.name, dataBase64: toBase64(await file.arrayBuffer()), purpose: 'image' });
              ids.push(a.id);
            } catch (err) {
              void message.error(errorMessage(err));
            }
          }
          if (ids.length) onUploaded(ids);
        }}
      />
      <Tooltip title={`添加照片（JPG/PNG，最多 ${max} 张）`}>
        <Button size="small" icon={<CameraOutlined />} loading={upload.isPending} onClick={() => input.current?.click()} data-testid={testId} tabIndex={-1}>
          {label}
        </Button>
      </Tooltip>
    </>
  );
}
