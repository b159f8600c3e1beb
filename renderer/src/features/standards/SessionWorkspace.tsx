import { useMemo, useState } from 'react';
import { Alert, Button, Card, Descriptions, Progress, Skeleton, Space, Table, Tabs, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleOutlined, EditOutlined, FilePdfOutlined, RollbackOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { Standard } from '../../../../preload/contract/standards.ts';
import { useApi } from '../../lib/api.ts';
import { useSearchState } from '../../lib/useSearchState.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { printLink } from '../print/queue.ts';
import { ResultsPanel } from './ResultsPanel.tsx';
import { ScoringPanel } from './ScoringPanel.tsx';
import { SessionFormModal } from './SessionFormModal.tsx';
import { FinishModal, ReopenModal } from './SessionModals.tsx';
import { GradeTag, StatusTag, pts, useGradeProfiles, useSessionCache, useStandard, type GradeProfile, type Session } from './stdMeta.tsx';

type Tab = 'score' | 'results' | 'info';

/**
 * One self-assessment: the score, grade and progress on top; 逐项评分 (the
 * element tree and the items), 结果与扣分 (per element, weakest first, the
 * deductions and their follow-up) and 基本信息 (team, dates, report text).
 */
export function SessionWorkspace({ id, onBack }: { id: string; onBack: () => void }) {
  const q = useApi('stdSession.get', { id });
  const s = q.data;
  const std = useStandard(s?.standardId);
  const profiles = useGradeProfiles();
  const profile = profiles.data?.find((p) => p.key === s?.gradeProfile);
  const [params, update] = useSearchState();
  const tab = (params.get('tab') as Tab | null) ?? 'score';

  return (
    <div className="sl-page" data-testid="std-workspace">
      <PageHeader
        title={s ? s.title : '标准化自评'}
        description={s ? `${s.year} 年 · ${s.standardName} · 定级：${profile?.name ?? s.gradeProfile}` : undefined}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="std-back">
            返回自评清单
          </Button>
        }
      />
      {q.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={q.error.code === 'NOT_FOUND' ? '该自评不存在或已删除' : q.error.message} />}
      {std.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={std.error.message} />}
      {(!s || !std.data) && !q.isError && !std.isError && <Skeleton active paragraph={{ rows: 10 }} />}
      {s && std.data && (
        <>
          <SessionHeader session={s} standard={std.data} profile={profile} />
          <Tabs
            activeKey={tab}
            onChange={(k) => update({ tab: k === 'score' ? null : k })}
            items={[
              { key: 'score', label: `逐项评分（${s.totals.answered} / ${s.totals.items}）`, children: <ScoringPanel session={s} standard={std.data} /> },
              {
                key: 'results',
                label: `结果与扣分${s.totals.deductionCount ? `（扣分点 ${s.totals.deductionCount}）` : ''}`,
                children: <ResultsPanel session={s} standard={std.data} profile={profile} onOpenItem={(itemId) => update({ tab: null, item: String(itemId) })} />,
              },
              { key: 'info', label: '基本信息', children: <InfoPanel session={s} standard={std.data} profile={profile} /> },
            ]}
          />
        </>
      )}
    </div>
  );
}

function SessionHeader({ session: s, standard, profile }: { session: Session; standard: Standard; profile: GradeProfile | undefined }) {
  const navigate = useNavigate();
  const [modal, setModal] = useState<'finish' | 'reopen' | 'edit' | null>(null);
  const { setSession } = useSessionCache(s.id);
  const t = s.totals;
  const percent = t.items ? Math.floor((t.answered / t.items) * 100) : 0;
  const finished = s.status === 'FINISHED';
  const complete = t.answered === t.items;
  // While scoring, the score covers the answered items only.
  const answeredPoints = useMemo(() => {
    const points = new Map(standard.items.map((i) => [i.id, i.points]));
    return s.results.reduce((a, r) => a + (r.answered ? (points.get(r.itemId) ?? 0) : 0), 0);
  }, [standard.items, s.results]);
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="std-header">
      <div className="sl-std-head">
        <div>
          <div className="sl-std-score">
            <span className="sl-std-score-value" data-testid="std-score">
              {t.score === null ? '—' : pts(t.score)}
              <small>分</small>
            </span>
            <GradeTag grade={t.grade} label={t.gradeLabel} testId="std-grade" large />
          </div>
          <div className="sl-muted" style={{ fontSize: 12 }} data-testid="std-points">
            {complete
              ? `实得 ${pts(t.earned)} / 应得 ${pts(t.totalPoints - t.naPoints)} 分${t.naPoints ? `（满分 ${pts(t.totalPoints)}，不适用 ${pts(t.naPoints)} 分不计）` : ''}`
              : t.answered
                ? `已评项目实得 ${pts(t.earned)} / 应得 ${pts(answeredPoints - t.naPoints)} 分${t.naPoints ? `（不适用 ${pts(t.naPoints)} 分不计）` : ''}`
                : `满分 ${pts(t.totalPoints)} 分`}
          </div>
        </div>
        <div>
          <Space size={8} style={{ marginBottom: 4 }}>
            <StatusTag status={s.status} finishedOn={s.finishedOn} />
            <span data-testid="std-progress">
              已评 {t.answered} / {t.items} 项
            </span>
            {t.deductionCount > 0 && (
              <span className="sl-muted">
                · 扣分点 {t.deductionCount} 个，已整改 {t.deductionsClosed} 个
              </span>
            )}
          </Space>
          <Progress percent={percent} size="small" status={complete ? 'success' : 'active'} />
          <div className="sl-std-explain" data-testid="std-grade-explanation">
            {t.gradeExplanation}
          </div>
        </div>
        <div className="sl-std-head-actions">
          <Space wrap>
            {finished ? (
              <Button icon={<RollbackOutlined />} onClick={() => setModal('reopen')} data-testid="std-reopen">
                重新打开
              </Button>
            ) : (
              <Tooltip title={complete ? undefined : `还有 ${t.items - t.answered} 项未评分`}>
                <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setModal('finish')} data-testid="std-finish">
                  完成自评
                </Button>
              </Tooltip>
            )}
            <Button icon={<EditOutlined />} onClick={() => setModal('edit')} data-testid="std-edit">
              修改基本信息
            </Button>
          </Space>
          <Space wrap>
            <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('stdReport', { recordId: s.id }))} data-testid="std-print-report">
              打印自评报告
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => navigate(printLink('stdScoreSheet', { recordId: s.id }))} data-testid="std-print-sheet">
              打印评分表
            </Button>
          </Space>
        </div>
      </div>
      {profile && (
        <div className="sl-muted" style={{ fontSize: 12, marginTop: 8 }}>
          定级：{profile.grades.map((g) => `${g.label} ≥ ${g.minScore} 分且连续 ${g.accidentFreeYears} 年无事故`).join('；')}。得分 = 实得分 ÷（满分 − 不适用项分值）× 100。
        </div>
      )}
      {modal === 'finish' && <FinishModal session={s} onClose={() => setModal(null)} />}
      {modal === 'reopen' && <ReopenModal session={s} onClose={() => setModal(null)} />}
      {modal === 'edit' && <SessionFormModal session={s} onClose={() => setModal(null)} onSaved={setSession} />}
    </Card>
  );
}

function InfoPanel({ session: s, standard, profile }: { session: Session; standard: Standard; profile: GradeProfile | undefined }) {
  return (
    <Card size="small" data-testid="std-info">
      <Descriptions
        size="small"
        bordered
        column={2}
        styles={{ label: { width: 130, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'year', label: '自评年度', children: `${s.year} 年` },
          { key: 'dates', label: '自评起止', children: `${s.startsOn} 至 ${s.endsOn}` },
          { key: 'std', label: '评分标准', children: `${standard.name}${standard.edition ? `（${standard.edition}）` : ''}，${standard.itemCount} 项，满分 ${standard.totalPoints} 分` },
          { key: 'profile', label: '定级标准', children: profile ? `${profile.name}；${profile.basis}` : s.gradeProfile },
          { key: 'afy', label: '连续无事故年数', children: s.accidentFreeYears === null ? <span className="sl-muted">未填写（只按得分核定等级）</span> : `${s.accidentFreeYears} 年` },
          { key: 'status', label: '状态', children: <StatusTag status={s.status} finishedOn={s.finishedOn} /> },
          { key: 'overview', label: '企业概况', span: 2, children: s.overview ? <div style={{ whiteSpace: 'pre-wrap' }}>{s.overview}</div> : <span className="sl-muted">未填写</span> },
          { key: 'process', label: '自评过程', span: 2, children: s.process ? <div style={{ whiteSpace: 'pre-wrap' }}>{s.process}</div> : <span className="sl-muted">未填写</span> },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        自评小组
      </Typography.Title>
      <Table
        size="small"
        bordered
        rowKey="n"
        pagination={false}
        dataSource={s.team.map((m, i) => ({ ...m, n: i + 1 }))}
        columns={[
          { title: '序号', dataIndex: 'n', width: 60 },
          { title: '姓名', dataIndex: 'name', width: 160 },
          { title: '职责', dataIndex: 'role' },
        ]}
      />
    </Card>
  );
}
