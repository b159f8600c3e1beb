import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Drawer, Popconfirm, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, EyeOutlined, ImportOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { OutputOf } from '../../../../preload/contract/index.ts';
import { errorMessage, useApi, useApiMutation } from '../../lib/api.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ImportModal } from './ImportModal.tsx';
import { ElementTree, itemsUnder } from './ScoringPanel.tsx';
import { pts, useElementTree, useStandard, type StdItem } from './stdMeta.tsx';

type Row = OutputOf<'standard.list'>[number];

/**
 * 评分标准库: the built-in GB/T 33000-2016 generic sheet and imported industry
 * rules (JSON or the Excel template, checked row by row, all or nothing).
 * `?view=` opens a standard read-only.
 */
export function LibraryPage() {
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [params, update] = useSearchState();
  const list = useApi('standard.list', {});
  const template = useApiMutation('standard.saveTemplate');
  const remove = useApiMutation('standard.remove');
  const [importing, setImporting] = useState(false);
  const view = params.get('view');

  const saveTemplate = () =>
    template.mutate(
      {},
      {
        onSuccess: (r) => {
          if (!r.cancelled) void message.success(`导入模板已保存到 ${r.path}`);
        },
        onError: (e) => void message.error(errorMessage(e)),
      },
    );

  return (
    <div className="sl-page" data-testid="std-library-page">
      <PageHeader
        title="评分标准库"
        description="内置《企业安全生产标准化基本规范》（GB/T 33000-2016）通用评分表。本行业有评定标准或评分细则的，按 Excel 模板整理后导入，自评时选用。"
        extra={
          <Space>
            <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="std-import">
              导入评分标准
            </Button>
            <Button icon={<DownloadOutlined />} loading={template.isPending} onClick={saveTemplate} data-testid="std-template">
              下载 Excel 模板
            </Button>
            <Button icon={<UnorderedListOutlined />} onClick={() => navigate('/standards')}>
              标准化自评
            </Button>
          </Space>
        }
      />
      <Card size="small">
        {list.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={list.error.message} />}
        <Table<Row>
          size="small"
          rowKey="id"
          bordered
          loading={list.isFetching && !list.data}
          dataSource={list.data ?? []}
          pagination={false}
          data-testid="std-library-table"
          onRow={(r) => ({ onClick: () => update({ view: r.id }), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: '评分标准',
              key: 'name',
              render: (_, r) => (
                <div data-testid={`std-library-row-${r.code}`}>
                  <Space size={6}>
                    <Typography.Text strong>{r.name}</Typography.Text>
                    {r.builtin ? <Tag color="blue">内置</Tag> : <Tag>导入</Tag>}
                  </Space>
                  <div className="sl-muted" style={{ fontSize: 12 }}>
                    代码 {r.code}
                    {r.edition ? ` · 版本 ${r.edition}` : ''}
                    {r.note ? ` · ${r.note}` : ''}
                  </div>
                </div>
              ),
            },
            { title: '要素', dataIndex: 'elementCount', width: 70, align: 'right' },
            { title: '考评项目', dataIndex: 'itemCount', width: 86, align: 'right' },
            { title: '满分', dataIndex: 'totalPoints', width: 80, align: 'right', render: (p: number) => pts(p) },
            { title: '使用的自评', dataIndex: 'sessionCount', width: 96, align: 'right', render: (n: number) => (n ? `${n} 次` : <span className="sl-muted">未使用</span>) },
            {
              title: '操作',
              key: 'actions',
              width: 150,
              render: (_, r) => (
                <Space size={4} onClick={(e) => e.stopPropagation()}>
                  <Button size="small" icon={<EyeOutlined />} onClick={() => update({ view: r.id })}>
                    查看
                  </Button>
                  {!r.builtin && r.sessionCount === 0 && (
                    <Popconfirm
                      title={`删除评分标准「${r.name}」？`}
                      description="该标准还没有被自评使用，删除后可重新导入。"
                      okText="删除"
                      okButtonProps={{ danger: true }}
                      cancelText="保留"
                      onConfirm={() =>
                        remove.mutate(
                          { id: r.id },
                          { onSuccess: () => void message.success(`已删除评分标准「${r.name}」`), onError: (e) => void message.error(errorMessage(e)) },
                        )
                      }
                    >
                      <Button size="small" danger icon={<DeleteOutlined />} data-testid={`std-library-remove-${r.code}`}>
                        删除
                      </Button>
                    </Popconfirm>
                  )}
                  {!r.builtin && r.sessionCount > 0 && (
                    <Tooltip title="已被自评使用的标准不能删除">
                      <span className="sl-muted" style={{ fontSize: 12 }}>
                        使用中
                      </span>
                    </Tooltip>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {view && <StandardDrawer id={view} onClose={() => update({ view: null })} />}
      {importing && <ImportModal onClose={() => setImporting(false)} onImported={(id) => update({ view: id })} />}
    </div>
  );
}

/** A standard read-only: its element tree and the items of the chosen element with their 评分标准. */
function StandardDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const q = useStandard(id);
  const std = q.data;
  const tree = useElementTree(std, undefined);
  const [selected, setSelected] = useState<number | null>(null);
  const items = std ? itemsUnder(std, tree.chain, selected) : [];
  return (
    <Drawer
      open
      size={1180}
      destroyOnHidden
      onClose={onClose}
      data-testid="std-standard-drawer"
      title={
        std ? (
          <Space size={8}>
            <span>{std.name}</span>
            {std.builtin ? <Tag color="blue">内置</Tag> : <Tag>导入</Tag>}
            <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }}>
              {std.elementCount} 个要素，{std.itemCount} 个考评项目，满分 {pts(std.totalPoints)} 分
            </Typography.Text>
          </Space>
        ) : (
          '评分标准'
        )
      }
    >
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      {!std && q.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
      {std && (
        <div className="sl-std-view">
          <Card size="small" className="sl-std-tree-card" title="评价要素" extra={selected !== null && <Typography.Link onClick={() => setSelected(null)}>全部</Typography.Link>}>
            <ElementTree roots={tree.roots} selected={selected} onSelect={setSelected} progress={false} />
          </Card>
          <Table<StdItem>
            size="small"
            bordered
            rowKey="id"
            dataSource={items}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, showTotal: (t) => `共 ${t} 项` }}
            data-testid="std-standard-items"
            columns={[
              { title: '编号', dataIndex: 'code', width: 80 },
              { title: '考评内容', dataIndex: 'content', render: (c: string) => <div style={{ whiteSpace: 'pre-wrap' }}>{c}</div> },
              { title: '分值', dataIndex: 'points', width: 56, align: 'right', render: (p: number) => pts(p) },
              {
                title: '评分标准',
                dataIndex: 'method',
                width: 340,
                render: (m: string | null, i) => (
                  <div style={{ fontSize: 12 }}>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{m ?? <span className="sl-muted">—</span>}</div>
                    {i.evidence && <div className="sl-muted" style={{ marginTop: 4 }}>证据：{i.evidence}</div>}
                  </div>
                ),
              },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}
