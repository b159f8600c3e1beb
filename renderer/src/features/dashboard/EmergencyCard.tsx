import { Card, Space, Statistic, Tag } from 'antd';
import { Link } from 'react-router';
import { useApi } from '../../lib/api.ts';

const red = (n: number) => (n ? { content: { color: '#cf1322' } } : undefined);
const orange = (n: number) => (n ? { content: { color: '#d46b08' } } : undefined);

const RULE_STATE: Record<string, { color: string; text: string }> = {
  MET: { color: 'green', text: '已满足' },
  DUE: { color: 'orange', text: '进行中' },
  MISSED: { color: 'red', text: '未满足' },
  UPCOMING: { color: 'default', text: '未开始' },
  NOT_REPORTED: { color: 'red', text: '已演练未报送' },
};

/** 应急预案、演练与培训 at a glance: filing and revision, this period's drill rules, training gaps. */
export function EmergencyCard() {
  const q = useApi('emergency.dashboard', {});
  const d = q.data;
  return (
    <Card title="应急预案、演练与培训" size="small" style={{ marginBottom: 16 }} loading={!d && !q.isError} extra={<Link to="/drills/plan">演练计划</Link>} data-testid="dashboard-emergency">
      {q.isError && <span className="sl-muted">{q.error.message}</span>}
      {d && (
        <>
          <div className="sl-hazard-dash">
            <div className="sl-hazard-dash-group">
              <div className="sl-hazard-dash-caption">应急预案</div>
              <Space size={[24, 8]} wrap>
                <Link to="/emergency/plans">
                  <Statistic title="现行预案" value={d.plans.inForce} suffix={d.plans.drafts ? <span style={{ fontSize: 13 }}>（未发布 {d.plans.drafts}）</span> : undefined} />
                </Link>
                <Link to="/emergency/plans?state=filing">
                  <Statistic title="待备案" value={d.plans.filingPending} styles={orange(d.plans.filingPending)} />
                </Link>
                <Link to="/emergency/plans?state=filingOverdue">
                  <Statistic title="备案逾期" value={d.plans.filingOverdue} styles={red(d.plans.filingOverdue)} />
                </Link>
                <Link to="/emergency/plans?state=revision">
                  <Statistic title="待修订" value={d.plans.revisionDue} styles={orange(d.plans.revisionDue)} />
                </Link>
              </Space>
            </div>
            <div className="sl-hazard-dash-group">
              <div className="sl-hazard-dash-caption">{d.drills.year} 年演练</div>
              <Space size={[24, 8]} wrap>
                <Link to="/drills/plan">
                  <Statistic title="已完成 / 计划" value={d.drills.done} suffix={`/ ${d.drills.planned}`} />
                </Link>
                <Link to="/drills/plan">
                  <Statistic title="未按计划" value={d.drills.missedItems} styles={red(d.drills.missedItems)} />
                </Link>
              </Space>
            </div>
          </div>
          <div className="sl-hazard-dash">
            <div className="sl-hazard-dash-group">
              <div className="sl-hazard-dash-caption">{d.drills.year} 年培训</div>
              <Space size={[24, 8]} wrap>
                <Link to="/training">
                  <Statistic title="培训场次" value={d.training.sessions} />
                </Link>
                <Link to="/training/compliance">
                  <Statistic title="三级教育不全" value={d.training.inductionMissing} styles={red(d.training.inductionMissing)} />
                </Link>
                <Link to="/training/compliance">
                  <Statistic title="学时未达标" value={d.training.shortHours} styles={orange(d.training.shortHours)} />
                </Link>
              </Space>
            </div>
            <div className="sl-hazard-dash-group" style={{ flex: '1 1 300px', minWidth: 0 }}>
              <div className="sl-hazard-dash-caption">演练频次（当前期间）</div>
              {d.drills.rules.map((r) => (
              <div key={r.label} style={{ marginBottom: 4 }}>
                <Tag color={RULE_STATE[r.state]?.color}>{RULE_STATE[r.state]?.text ?? r.state}</Tag>
                <span>
                  {r.periodLabel}：{r.label}（{r.done}/{r.required}）
                </span>
              </div>
            ))}
            </div>
          </div>
          {d.drills.next && (
            <div className="sl-muted">
              下一次演练：{d.drills.next.month} 月 · {d.drills.next.scenario}（{d.drills.next.planName}）
            </div>
          )}
        </>
      )}
    </Card>
  );
}
