import { useState } from 'react';
import { App as AntApp, Button, DatePicker, Select, Tag, Tooltip, Typography } from 'antd';
import { CloseOutlined, LinkOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { EvidenceKind } from '../../../../preload/contract/enums.ts';
import { useMutation } from '@tanstack/react-query';
import { errorMessage, invoke, useApi } from '../../lib/api.ts';
import { useOpenAttachment, type Evidence } from './stdMeta.tsx';

export type EvidenceEntry = Omit<Evidence, 'id'> & { key: string };

export const entryOf = (e: Evidence): EvidenceEntry => ({ ...e, key: e.id });

const sameRef = (a: Pick<EvidenceEntry, 'kind' | 'refId' | 'periodFrom' | 'periodTo'>, b: Pick<EvidenceEntry, 'kind' | 'refId' | 'periodFrom' | 'periodTo'>) =>
  a.kind === b.kind && a.refId === b.refId && a.periodFrom === b.periodFrom && a.periodTo === b.periodTo;

const KIND_OPTIONS = EvidenceKind.options.filter((o) => o.value !== 'ATTACHMENT');
let seq = 0;
const newKey = () => `new-${Date.now()}-${++seq}`;

/**
 * Form control for an item's evidence: records in the app (picked by kind and
 * searched in main), a period of the hazard ledger, and attached files. Saved
 * evidence shows its label and opens the record (red when it no longer exists).
 */
export function EvidenceField({
  value,
  onChange,
  year,
  readOnly,
  onFollow,
}: {
  value?: EvidenceEntry[];
  onChange?: (v: EvidenceEntry[]) => void;
  year: number;
  readOnly?: boolean;
  /** Opens an in-app route (the editor checks for unsaved changes first). */
  onFollow: (route: string) => void;
}) {
  const { message } = AntApp.useApp();
  const list = value ?? [];
  const [kind, setKind] = useState<EvidenceKind | null>(null);
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState(0);
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>([dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)]);
  const options = useApi('stdSession.evidenceOptions', { kind: kind ?? 'DRILL', search: search || null, year }, { enabled: !!kind && kind !== 'HAZARD_LEDGER', placeholderData: (prev) => prev });
  // Not useApiMutation: picking a file must not refetch the whole sheet.
  const pick = useMutation({ mutationFn: () => invoke('attachment.pick', { purpose: 'document' }) });
  const openFile = useOpenAttachment();

  const add = (e: Omit<EvidenceEntry, 'key' | 'link' | 'broken'>) => {
    if (list.some((x) => sameRef(x, e))) {
      void message.info('该证据已在列表中');
      return;
    }
    if (list.length >= 30) {
      void message.warning('每个考评项目最多关联 30 项证据');
      return;
    }
    onChange?.([...list, { ...e, key: newKey(), link: null, broken: false }]);
  };

  const attach = () =>
    pick.mutate(undefined, {
      onSuccess: (r) => {
        if (r.cancelled) return;
        const have = list.filter((x) => x.kind === 'ATTACHMENT').length;
        const added = r.attachments
          .filter((a) => !list.some((x) => x.kind === 'ATTACHMENT' && x.refId === a.id))
          .slice(0, Math.max(0, 20 - have))
          .map((a) => ({ key: newKey(), kind: 'ATTACHMENT' as const, refId: a.id, periodFrom: null, periodTo: null, label: a.originalName, link: null, broken: false }));
        onChange?.([...list, ...added]);
      },
      onError: (e) => void message.error(errorMessage(e)),
    });

  // The previous kind's options stay on screen while the new ones load: never offer them.
  const opts = (kind && kind !== 'HAZARD_LEDGER' ? options.data : undefined)?.filter((o) => o.kind === kind) ?? [];
  const optionValue = (o: { refId: string | null; periodTo: string | null }) => o.refId ?? `period:${o.periodTo ?? ''}`;

  return (
    <div data-testid="std-evidence">
      {list.length > 0 ? (
        <div className="sl-std-evidence-list" data-testid="std-evidence-list">
          {list.map((e) => (
            <div key={e.key} className={`sl-std-evidence${e.broken ? ' is-broken' : ''}`} data-testid="std-evidence-entry" data-kind={e.kind}>
              <Tag color={e.kind === 'ATTACHMENT' ? 'default' : 'blue'}>{e.kind === 'ATTACHMENT' ? '附件' : EvidenceKind.label[e.kind].replace('（期间）', '')}</Tag>
              <span className="sl-std-evidence-label">
                {e.kind === 'ATTACHMENT' && e.refId ? (
                  <Typography.Link onClick={() => openFile(e.refId!)} title="用本机程序打开">
                    <PaperClipOutlined /> {e.label}
                  </Typography.Link>
                ) : e.broken ? (
                  <Typography.Text type="danger" data-testid="std-evidence-broken">
                    {e.label}（记录已删除，请重新选择）
                  </Typography.Text>
                ) : e.link ? (
                  <Typography.Link onClick={() => onFollow(e.link!)} title="打开该记录">
                    <LinkOutlined /> {e.label}
                  </Typography.Link>
                ) : (
                  <span>
                    {e.label} <span className="sl-muted">（保存后可打开）</span>
                  </span>
                )}
              </span>
              {!readOnly && (
                <Tooltip title="移除该证据">
                  <Button size="small" type="text" danger icon={<CloseOutlined />} aria-label="移除证据" onClick={() => onChange?.(list.filter((x) => x.key !== e.key))} />
                </Tooltip>
              )}
            </div>
          ))}
        </div>
      ) : (
        <div className="sl-muted" style={{ fontSize: 12, marginBottom: 8 }}>
          尚未关联证据。系统内的培训、演练、检查、台账等记录可直接作为证据，评审时据此查证。
        </div>
      )}
      {!readOnly && (
        <div className="sl-std-evidence-add">
          <Select
            style={{ width: 220 }}
            placeholder="证据类型"
            value={kind ?? undefined}
            onChange={(k: EvidenceKind) => {
              setKind(k);
              setSearch('');
            }}
            options={KIND_OPTIONS}
            data-testid="std-evidence-kind"
          />
          {kind === 'HAZARD_LEDGER' && (
            <>
              <DatePicker.RangePicker value={period} allowClear={false} onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])} style={{ width: 250 }} data-testid="std-evidence-period" />
              <Button
                icon={<PlusOutlined />}
                onClick={() => {
                  const from = period[0].format('YYYY-MM-DD');
                  const to = period[1].format('YYYY-MM-DD');
                  add({ kind: 'HAZARD_LEDGER', refId: null, periodFrom: from, periodTo: to, label: `隐患排查治理台账（${from} 至 ${to}）` });
                }}
                data-testid="std-evidence-period-add"
              >
                添加
              </Button>
            </>
          )}
          {kind && kind !== 'HAZARD_LEDGER' && (
            <Select
              key={`${kind}-${picked}`}
              style={{ width: 340 }}
              placeholder={`搜索并选择${EvidenceKind.label[kind]}`}
              showSearch={{ filterOption: false, onSearch: setSearch }}
              loading={options.isFetching}
              notFoundContent={options.isFetching ? '搜索中…' : `没有找到${EvidenceKind.label[kind]}`}
              options={opts.map((o) => ({ value: optionValue(o), label: o.label, detail: o.detail }))}
              optionRender={(o) => (
                <div>
                  <div>{o.data.label}</div>
                  <div className="sl-muted" style={{ fontSize: 12 }}>
                    {o.data.detail}
                  </div>
                </div>
              )}
              onChange={(v: string) => {
                const o = opts.find((x) => optionValue(x) === v);
                if (o) add({ kind: o.kind, refId: o.refId, periodFrom: o.periodFrom, periodTo: o.periodTo, label: o.label });
                // A fresh, empty picker for the next record.
                setPicked((n) => n + 1);
                setSearch('');
              }}
              data-testid="std-evidence-record"
            />
          )}
          <Button icon={<PaperClipOutlined />} loading={pick.isPending} onClick={attach} data-testid="std-evidence-attach">
            附加文件
          </Button>
        </div>
      )}
    </div>
  );
}
