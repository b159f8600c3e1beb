import { Card, Skeleton } from 'antd';
import { RISK_COLORS, RISK_LEVEL_ORDER, type RiskLevel } from '../../../../preload/contract/enums.ts';
import type { RiskStats } from '../../../../preload/contract/risk.ts';
import { levelTitle } from './riskMeta.tsx';

export type CardKey = RiskLevel | 'ALL' | 'DRAFT' | 'OVERDUE';

/**
 * The register's headline: one card per level (colour with its name), plus
 * 待批准 and 评审逾期. A card filters the table; clicking it again clears that filter.
 */
export function RegisterLevelCards({ stats, active, onPick }: { stats: RiskStats | undefined; active: CardKey[]; onPick: (key: CardKey) => void }) {
  if (!stats) {
    return (
      <div className="sl-stat-grid" style={{ marginBottom: 16, gridTemplateColumns: 'repeat(auto-fit, minmax(132px, 1fr))' }}>
        {Array.from({ length: 7 }, (_, i) => (
          <Card size="small" key={i}>
            <Skeleton active paragraph={false} />
          </Card>
        ))}
      </div>
    );
  }
  const count = (l: RiskLevel) => stats.byLevel.find((b) => b.level === l)?.count ?? 0;
  const assessed = stats.total - stats.unassessed;
  const card = (key: CardKey, name: string, value: number, note: string, color: { border: string; bg: string; ink?: string }) => (
    <Card
      key={key}
      size="small"
      className={`sl-risk-level-card${active.includes(key) ? ' is-active' : ''}`}
      style={{ borderLeftColor: color.border, background: color.bg }}
      onClick={() => onPick(key)}
      data-testid={`risk-card-${key}`}
      role="button"
      aria-pressed={active.includes(key)}
    >
      <div className="sl-risk-level-name">{name}</div>
      <div className="sl-risk-level-count" style={color.ink ? { color: color.ink } : undefined}>
        {value}
      </div>
      <div className="sl-risk-level-note">{note}</div>
    </Card>
  );
  return (
    <div className="sl-stat-grid" style={{ marginBottom: 16, gridTemplateColumns: 'repeat(auto-fit, minmax(132px, 1fr))' }} data-testid="risk-level-cards">
      {card('ALL', '风险点合计', stats.total, stats.unassessed ? `已评价 ${assessed} 个，未评价 ${stats.unassessed} 个` : '均已评价（不含已归档）', { border: '#1f5eb8', bg: '#fff' })}
      {RISK_LEVEL_ORDER.map((l) => {
        const n = count(l);
        return card(l, levelTitle(l), n, assessed ? `占已评价的 ${Math.round((n / assessed) * 100)}%` : '尚无评价', { border: RISK_COLORS[l].hex, bg: RISK_COLORS[l].pale });
      })}
      {card('DRAFT', '待批准', stats.draft, stats.draft ? '批准后才生效' : '没有待批准的', { border: '#d46b08', bg: '#fff', ink: stats.draft ? '#d46b08' : undefined })}
      {card('OVERDUE', '评审逾期', stats.reviewOverdue, stats.reviewOverdue ? '已过下次评审日期' : '没有逾期未评审的', { border: '#cf1322', bg: '#fff', ink: stats.reviewOverdue ? '#cf1322' : undefined })}
    </div>
  );
}
