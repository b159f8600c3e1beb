import { useState } from 'react';
import { Alert, Button, Card, Progress, Space, Table, Tooltip, Typography } from 'antd';
import { BookOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { OutputOf } from '../../../../preload/contract/index.ts';
import { useApi } from '../../lib/api.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ComparePanel } from './ComparePanel.tsx';
import { SessionFormModal } from './SessionFormModal.tsx';
import { SessionWorkspace } from './SessionWorkspace.tsx';
import { GradeTag, StatusTag, pts, useGradeProfiles } from './stdMeta.tsx';

type Row = OutputOf<'stdSession.list'>[number];

/**
 * 标准化自评: the yearly self-assessments with their progress, score and grade,
 * a new one, and the year-on-year comparison. `?id=` opens a session's workspace.
 */
export function StandardsPage() {
  const [params, update] = useSearchState();
  const id = params.get('id');
  if (id) return <SessionWorkspace id={id} onBack={() => update({ id: null, el: null })} />;
  return <SessionList onOpen={(s) => update({ id: s })} />;
}

function SessionList({ onOpen }: { onOpen: (id: string) => void }) {
  const navigate = useNavigate();
  const list = useApi('stdSession.list', {});
  const profiles = useGradeProfiles();
  const [creating, setCreating] = useState(false);
  const rows = list.data ?? [];
  const profileName = (key: string) => profiles.data?.find((p) => p.key === key)?.name.replace(/（.*$/, '') ?? key;

  return (
    <div className="sl-page" data-testid="std-sessions-page">
      <PageHeader
        title="安全生产标准化自评"
        description="每年至少开展一次自评：成立自评小组，逐项对照评分标准查证据、打分，不适用项说明理由，扣分点转为隐患或整改待办，得出得分和等级，形成自评报告。"
        extra={
          <Space>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="std-session-new">
              新建自评
            </Button>
            <Button icon={<BookOutlined />} onClick={() => navigate('/standards/library')}>
              评分标准库
            </Button>
          </Space>
        }
      />
      <Card size="small" title="自评记录" style={{ marginBottom: 16 }}>
        {list.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={list.error.message} />}
        <Table<Row>
          size="small"
          rowKey="id"
          bordered
          loading={list.isFetching && !list.data}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 次自评` }}
          onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
          data-testid="std-sessions-table"
          locale={{
            emptyText: (
              <div style={{ padding: 16 }}>
                <Typography.Paragraph>还没有标准化自评。新建一次自评，选择评分标准（内置 GB/T 33000-2016 通用评分表，或导入的行业评分细则）后逐项评分。</Typography.Paragraph>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  新建自评
                </Button>
              </div>
            ),
          }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 70, render: (y: number) => `${y} 年` },
            {
              title: '自评名称',
              key: 'title',
              render: (_, r) => (
                <div data-testid={`std-session-row-${r.id}`}>
                  <Typography.Text strong>{r.title}</Typography.Text>
                  <div className="sl-muted" style={{ fontSize: 12 }}>
                    {r.startsOn} 至 {r.endsOn}
                  </div>
                </div>
              ),
            },
            { title: '评分标准', dataIndex: 'standardName', width: 230 },
            { title: '定级标准', key: 'profile', width: 110, render: (_, r) => <Tooltip title={profiles.data?.find((p) => p.key === r.gradeProfile)?.name}>{profileName(r.gradeProfile)}</Tooltip> },
            { title: '状态', key: 'status', width: 130, render: (_, r) => <StatusTag status={r.status} finishedOn={r.finishedOn} /> },
            {
              title: '评分进度',
              key: 'progress',
              width: 170,
              render: (_, r) => (
                <div>
                  <Progress percent={r.items ? Math.floor((r.answered / r.items) * 100) : 0} size="small" showInfo={false} status={r.answered === r.items ? 'success' : 'active'} />
                  <span className="sl-muted" style={{ fontSize: 12 }}>
                    已评 {r.answered} / {r.items} 项
                  </span>
                </div>
              ),
            },
            { title: '得分', key: 'score', width: 80, align: 'right', render: (_, r) => (r.score === null ? <span className="sl-muted">—</span> : <b>{pts(r.score)}</b>) },
            { title: '等级', key: 'grade', width: 90, render: (_, r) => <GradeTag grade={r.grade} label={r.gradeLabel} /> },
          ]}
        />
      </Card>
      {rows.length > 0 && <ComparePanel />}
      {creating && <SessionFormModal session={null} onClose={() => setCreating(false)} onSaved={(s) => onOpen(s.id)} />}
    </div>
  );
}
