import { Alert, Card, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { DrillCompliance } from '../../../../preload/contract/drills.ts';
import { ComplianceTag, PlanTypeTag, drillLink } from './drillMeta.tsx';

type Rule = DrillCompliance['rules'][number];
type Period = Rule['periods'][number];

/**
 * 演练频次合规: per rule (with its legal basis) and per period (年 / 上半年 /
 * 下半年) the state, done/required, the drills that count and what is planned.
 */
export function CompliancePanel({ data, loading, error }: { data: DrillCompliance | undefined; loading: boolean; error: string | null }) {
  return (
    <Card
      size="small"
      title="演练频次合规"
      extra={
        data && (
          <Tooltip title={data.highRiskBasis}>
            {data.highRisk ? (
              <Tag color="red" data-testid="drill-high-risk">
                高危行业：每半年演练并报送
              </Tag>
            ) : (
              <Tag data-testid="drill-high-risk">非《应急条例》第八条所列行业</Tag>
            )}
          </Tooltip>
        )
      }
      data-testid="drill-compliance"
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!data && loading && <Skeleton active paragraph={{ rows: 4 }} />}
      {data && (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }} data-testid="drill-high-risk-basis">
            {data.highRiskBasis}。频次是最低要求，演练安排应与本单位的风险相适应。
          </Typography.Paragraph>
          {data.rules.length === 0 && <Typography.Text type="secondary">没有启用的演练频次规则，可在应急管理设置中配置。</Typography.Text>}
          <div className="sl-drill-rules">
            {data.rules.map((r) => (
              <div key={r.key} className="sl-drill-rule" data-testid={`drill-rule-${r.key}`}>
                <div className="sl-drill-rule-head">
                  <div className="sl-drill-rule-label">
                    {r.label}
                    {r.requireReport && (
                      <Tag color="volcano" style={{ marginInlineStart: 6 }}>
                        须报送监管部门
                      </Tag>
                    )}
                  </div>
                  <div className="sl-drill-rule-basis">{r.basis}</div>
                </div>
                <div className="sl-drill-periods">
                  {r.periods.map((p) => (
                    <PeriodCell key={p.key} rule={r} p={p} />
                  ))}
                </div>
              </div>
            ))}
          </div>
        </>
      )}
    </Card>
  );
}

function PeriodCell({ rule, p }: { rule: Rule; p: Period }) {
  return (
    <div className={`sl-drill-period is-${p.state.toLowerCase()}`} data-testid={`drill-period-${rule.key}-${p.key}`} data-state={p.state}>
      <div className="sl-drill-period-head">
        <span className="sl-drill-period-label">{p.label}</span>
        <ComplianceTag state={p.state} />
      </div>
      <div className="sl-drill-period-count">
        <b data-testid="drill-period-done">{p.done}</b> / {p.required} 次
        <span className="sl-muted" style={{ fontSize: 12, marginInlineStart: 8 }}>
          {p.from.slice(5)} 至 {p.to.slice(5)}
        </span>
      </div>
      {p.drills.length > 0 ? (
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          {p.drills.map((d) => (
            <div key={d.id} className="sl-drill-period-drill">
              <Link to={drillLink(d.id)}>
                {d.drillDate.slice(5)} {d.title}
              </Link>
              {rule.requireReport &&
                (d.reportedOn ? (
                  <Tag color="green" style={{ marginInlineStart: 4 }}>
                    已报送
                  </Tag>
                ) : (
                  <Tag color="orange" style={{ marginInlineStart: 4 }}>
                    未报送
                  </Tag>
                ))}
              <PlanTypeTag type={d.planType} short />
            </div>
          ))}
        </Space>
      ) : (
        <div className="sl-muted" style={{ fontSize: 12 }}>
          尚无演练
        </div>
      )}
      {(p.state === 'DUE' || p.state === 'UPCOMING') && (
        <div style={{ fontSize: 12, marginTop: 4 }}>
          {p.planned ? <span className="sl-muted">计划中 {p.planned} 项</span> : <Typography.Text type="warning">计划中没有安排</Typography.Text>}
        </div>
      )}
      {p.state === 'NOT_REPORTED' && (
        <div style={{ fontSize: 12, marginTop: 4 }}>
          <Typography.Text type="warning">已演练，报送监管部门后才计入</Typography.Text>
        </div>
      )}
    </div>
  );
}

/** The shortfalls, most urgent first, as the page's first warning. */
export function Shortfalls({ items }: { items: string[] }) {
  if (!items.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={`演练频次有 ${items.length} 项需要处理`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {items.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      }
      data-testid="drill-shortfalls"
    />
  );
}
