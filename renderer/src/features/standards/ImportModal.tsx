import { useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Descriptions, Modal, Space, Table, Typography } from 'antd';
import { FileExcelOutlined, ImportOutlined, UploadOutlined } from '@ant-design/icons';
import type { OutputOf } from '../../../../preload/contract/index.ts';
import { errorMessage, invoke, useApiMutation } from '../../lib/api.ts';
import { pts } from './stdMeta.tsx';

type Check = OutputOf<'standard.validateImport'>;
type Problem = Check['problems'][number];

const MAX_BYTES = 20 * 1024 * 1024;

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

const LISTS: Record<string, string> = { elements: '要素', items: '考评项目' };
const FIELDS: Record<string, string> = {
  code: '编号',
  name: '名称',
  parent: '上级编号',
  element: '所属要素',
  content: '考评内容',
  points: '标准分值',
  method: '评分标准',
  evidence: '证据',
  edition: '版本',
  note: '说明',
  file: '文件',
};

/** `items.3.points` → 考评项目 · 标准分值; `code` → 标准代码. */
function fieldLabel(path: string): string {
  const parts = path.split('.');
  const list = LISTS[parts[0] ?? ''];
  if (list) {
    const last = parts.at(-1) ?? '';
    return /^\d+$/.test(last) || parts.length === 1 ? list : `${list} · ${FIELDS[last] ?? last}`;
  }
  if (path === 'code') return '标准代码';
  if (path === 'name') return '标准名称';
  return FIELDS[path] ?? path.replace(/\./g, ' · ');
}

/**
 * 导入评分标准: pick a .json or .xlsx file; main checks it row by row and
 * writes nothing. Problems are listed (row, field, message); a clean file
 * shows its counts and can then be imported.
 */
export function ImportModal({ onClose, onImported }: { onClose: () => void; onImported: (id: string) => void }) {
  const { message } = AntApp.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; dataBase64: string } | null>(null);
  const [check, setCheck] = useState<Check | null>(null);
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = useApiMutation('standard.import');

  const choose = async (f: File) => {
    setCheck(null);
    setProblem(null);
    setFile(null);
    if (f.size > MAX_BYTES) {
      setProblem(`文件「${f.name}」有 ${(f.size / 1024 / 1024).toFixed(1)} MB，超过 20 MB 的上限`);
      return;
    }
    setChecking(true);
    try {
      const dataBase64 = toBase64(await f.arrayBuffer());
      const r = await invoke('standard.validateImport', { fileName: f.name, dataBase64 });
      setFile({ name: f.name, dataBase64 });
      setCheck(r);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setChecking(false);
    }
  };

  const confirm = () => {
    if (!file) return;
    run.mutate(
      { fileName: file.name, dataBase64: file.dataBase64 },
      {
        onSuccess: (s) => {
          void message.success(`已导入评分标准「${s.name}」：${s.itemCount} 个考评项目，满分 ${pts(s.totalPoints)} 分`);
          onImported(s.id);
          onClose();
        },
        onError: (e) => setProblem(errorMessage(e)),
      },
    );
  };

  return (
    <Modal
      open
      width={820}
      title="导入评分标准"
      onCancel={onClose}
      destroyOnHidden
      data-testid="std-import-modal"
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          {check?.ok && (
            <Button type="primary" icon={<ImportOutlined />} loading={run.isPending} onClick={confirm} data-testid="std-import-confirm">
              确认导入
            </Button>
          )}
        </Space>
      }
    >
      <input
        ref={input}
        type="file"
        hidden
        accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="std-import-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void choose(f);
        }}
      />
      <div className="sl-std-import-drop">
        <Typography.Paragraph>
          <FileExcelOutlined style={{ fontSize: 28, color: '#389e0d' }} />
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          选择按「下载 Excel 模板」整理的 .xlsx 文件（工作表：说明、要素、考评项目），或同样结构的 .json 文件。文件先逐行检查，任何一行有问题都不会导入。
        </Typography.Paragraph>
        <Button icon={<UploadOutlined />} loading={checking} onClick={() => input.current?.click()} data-testid="std-import-pick">
          {file ? '重新选择文件' : '选择文件'}
        </Button>
        {file && (
          <div className="sl-muted" style={{ marginTop: 8 }} data-testid="std-import-file">
            {file.name}
          </div>
        )}
      </div>
      {problem && <Alert type="error" showIcon style={{ marginTop: 12 }} title="未能导入" description={problem} data-testid="std-import-error" />}
      {check && !check.ok && (
        <div style={{ marginTop: 12 }} data-testid="std-import-problems">
          <Alert type="error" showIcon style={{ marginBottom: 8 }} title={`文件有 ${check.problems.length} 处问题，未导入任何内容`} description="请按下表逐行修改文件后重新选择。" />
          <Table<Problem & { key: number }>
            size="small"
            bordered
            rowKey="key"
            dataSource={check.problems.map((p, key) => ({ ...p, key })).sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || a.key - b.key)}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { title: '行', dataIndex: 'row', width: 76, render: (r: number | null) => (r === null ? <span className="sl-muted">—</span> : `第 ${r} 行`) },
              { title: '字段', dataIndex: 'field', width: 170, render: (f: string) => fieldLabel(f) },
              { title: '问题', dataIndex: 'message' },
            ]}
          />
        </div>
      )}
      {check?.ok && (
        <div style={{ marginTop: 12 }} data-testid="std-import-ok">
          <Alert type="success" showIcon style={{ marginBottom: 8 }} title="检查通过，可以导入" />
          <Descriptions
            size="small"
            bordered
            column={3}
            items={[
              { key: 'e', label: '要素', children: `${check.elementCount} 个` },
              { key: 'i', label: '考评项目', children: `${check.itemCount} 个` },
              { key: 'p', label: '满分', children: `${pts(check.totalPoints)} 分` },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}
