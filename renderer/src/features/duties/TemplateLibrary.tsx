import { useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import type { TemplateInfo } from '../../../../preload/contract/duties.ts';
import { DutyCategory } from '../../../../preload/contract/enums.ts';
import { useApi, useApiMutation, errorMessage } from '../../lib/api.ts';

const SOURCE: Record<TemplateInfo['source'], { label: string; color: string }> = {
  BUILTIN: { label: '内置', color: 'blue' },
  IMPORTED: { label: '导入', color: 'purple' },
  CUSTOM: { label: '自定义', color: 'green' },
};

/** The responsibility-list templates: built in, imported from a JSON file, or saved from a list. */
export function TemplateLibrary({ onClose }: { onClose: () => void }) {
  const { message } = AntApp.useApp();
  const list = useApi('dutyTemplate.list', {});
  const [open, setOpen] = useState<string | null>(null);
  const detail = useApi('dutyTemplate.get', { key: open ?? '' }, { enabled: !!open });
  const importTemplates = useApiMutation('dutyTemplate.import');
  const [error, setError] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  return (
    <Modal open width={1000} title="责任清单模板库" footer={<Button onClick={onClose}>关闭</Button>} onCancel={onClose} data-testid="duty-library-modal">
      <Typography.Paragraph type="secondary">
        内置模板覆盖主要负责人（安全生产法第二十一条七项职责）、分管安全负责人、安全管理机构/人员（第二十五条）、部门/车间负责人、班组长、一线操作工、电工、焊工、叉车司机、仓管员和劳务派遣/灵活用工人员。建立岗位责任清单时一键套用，再逐条修改。也可以导入本地的模板文件（JSON，格式见使用说明），或把某个岗位的清单另存为模板。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="duty-library-file"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (!f) return;
            setError(null);
            importTemplates.mutate(
              { json: await f.text() },
              { onSuccess: (r) => void message.success(`已导入 ${r.imported.length} 个模板`), onError: (err) => setError(errorMessage(err)) },
            );
          }}
        />
        <Button icon={<ImportOutlined />} loading={importTemplates.isPending} onClick={() => file.current?.click()}>
          导入模板文件
        </Button>
      </Space>
      {error && <Alert type="error" showIcon closable style={{ marginBottom: 12 }} title="导入失败，没有导入任何模板" description={error} data-testid="duty-library-error" />}
      <Table<TemplateInfo>
        size="small"
        rowKey="key"
        dataSource={list.data ?? []}
        pagination={false}
        expandable={{
          expandedRowKeys: open ? [open] : [],
          onExpand: (expanded, r) => setOpen(expanded ? r.key : null),
          expandedRowRender: (r) =>
            detail.data && detail.data.template.key === r.key ? (
              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                {detail.data.items.map((i) => (
                  <li key={i.content}>
                    {i.content} <Tag>{DutyCategory.label[i.category]}</Tag>
                    <span className="sl-muted">{i.weight} 分</span>
                  </li>
                ))}
              </ol>
            ) : (
              <span className="sl-muted">正在读取…</span>
            ),
        }}
        columns={[
          { title: '模板', dataIndex: 'name' },
          { title: '来源', dataIndex: 'source', width: 80, render: (s: TemplateInfo['source']) => <Tag color={SOURCE[s].color}>{SOURCE[s].label}</Tag> },
          { title: '条数', dataIndex: 'itemCount', width: 60, align: 'center' },
          { title: '自动推荐给名称含以下关键词的岗位', dataIndex: 'match', render: (m: string[]) => <span className="sl-muted">{m.join('、') || '—'}</span> },
        ]}
      />
    </Modal>
  );
}
