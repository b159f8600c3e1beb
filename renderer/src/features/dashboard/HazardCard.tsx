import { Card, Space, Statistic, Tag } from 'antd';
import { Link } from 'react-router';
import { ItemList } from '../../components/ItemList.tsx';
import { useApi } from '../../lib/api.ts';
import { DeadlineCell, HazardLevelTag, ledgerLink, useHazardSettings } from '../hazards/hazardMeta.tsx';

const red = (n: number) => (n ? { content: { color: '#cf1322' } } : undefined);
const orange = (n: number) => (n ? { content: { color: '#d46b08' } } : undefined);

/** 隐患排查治理 at a glance: checks due, hazards open, due soon, overdue and escalated, and the most urgent ones. */
export function HazardCard() {
  const q = useApi('hazard.dashboard', {});
  const d = q.data;
  const soonDays = useHazardSettings().data?.dueSoonDays;
  return (
    <Card title="隐患排查治理" size="small" style={{ marginBottom: 16 }} loading={!d && !q.isError} extra={<Link to="/hazards">隐患台账</Link>} data-testid="dashboard-hazards">
      {q.isError && <span className="sl-muted">{q.error.message}</span>}
      {d && (
        <>
          <div className="sl-hazard-dash">
            <div className="sl-hazard-dash-group">
              <div className="sl-hazard-dash-caption">排查任务</div>
              <Space size={[24, 8]} wrap>
                <Link to="/checks">
                  <Statistic title="今日应检" value={d.checksDueToday} />
                </Link>
                <Link to="/checks">
                  <Statistic title="本周应检" value={d.checksDueThisWeek} />
                </Link>
                <Link to="/checks">
                  <Statistic title="本月漏检" value={d.missedThisMonth} styles={red(d.missedThisMonth)} />
                </Link>
              </Space>
            </div>
            <div className="sl-hazard-dash-group">
              <div className="sl-hazard-dash-caption">隐患治理</div>
              <Space size={[24, 8]} wrap>
                <Link to={ledgerLink({ status: 'OPEN' })}>
                  <Statistic title="未销号" value={d.open} suffix={d.openMajor ? <span style={{ fontSize: 13, color: '#cf1322' }}>（重大 {d.openMajor}）</span> : undefined} />
                </Link>
                <Link to={ledgerLink({ status: 'OVERDUE' })}>
                  <Statistic title="逾期" value={d.overdue} styles={red(d.overdue)} />
                </Link>
                <Link to={ledgerLink({ status: 'DUE_SOON' })}>
                  <Statistic title={soonDays ? `临期（${soonDays} 天内）` : '临期'} value={d.dueSoon} styles={orange(d.dueSoon)} />
                </Link>
                <Link to={ledgerLink({ status: 'AWAITING_REVIEW' })}>
                  <Statistic title="待复查" value={d.awaitingReview} />
                </Link>
                <Link to={ledgerLink({ status: 'CLOSED' })}>
                  <Statistic title="本月销号" value={d.closedThisMonth} />
                </Link>
              </Space>
            </div>
          </div>
          {d.escalatedToPrincipal > 0 && (
            <div style={{ marginBottom: 8 }}>
              <Link to={ledgerLink({ status: 'OVERDUE' })}>
                <Tag color="red">{d.escalatedToPrincipal} 项逾期隐患已上报主要负责人</Tag>
              </Link>
            </div>
          )}
          <ItemList
            items={d.urgent}
            empty="没有逾期或临期的隐患"
            render={(h) => ({
              key: h.id,
              title: (
                <Link to={ledgerLink({ id: h.id })}>
                  {h.code} {h.description.length > 26 ? `${h.description.slice(0, 26)}…` : h.description}
                </Link>
              ),
              description: (
                <span>
                  <HazardLevelTag label={h.levelLabel} major={h.major} />
                  <span style={{ marginInlineStart: 6 }}>{h.unitName}</span>
                  {h.respPersonName ? ` · 责任人 ${h.respPersonName}` : ''}
                </span>
              ),
              extra: <DeadlineCell h={h} />,
            })}
          />
        </>
      )}
    </Card>
  );
}
