import { Card, Tooltip } from 'antd';
import { Link } from 'react-router';
import { RISK_COLORS, RISK_LEVEL_ORDER, RiskLevel } from '../../../../preload/contract/enums.ts';
import { LevelSwatch, levelInk, levelTitle, registerLink } from './riskMeta.tsx';

export type LevelCounts = Record<RiskLevel, number>;

function pct(n: number, total: number): string {
  return total ? `${Math.round((n / total) * 1000) / 10}%` : '0%';
}

/** Four level cards (colour with the level's name) and a stacked bar of the shares, each segment labelled. */
export function LevelDistribution({ counts, unitId }: { counts: LevelCounts; unitId: string | null }) {
  const total = RISK_LEVEL_ORDER.reduce((a, l) => a + counts[l], 0);
  return (
    <div data-testid="risk-stats-levels">
      <div className="sl-stat-grid" style={{ marginBottom: 14 }}>
        {RISK_LEVEL_ORDER.map((l) => (
          <Link key={l} to={registerLink({ unitId, level: l })} style={{ color: 'inherit' }}>
            <Card size="small" className="sl-risk-level-card" style={{ borderLeftColor: RISK_COLORS[l].hex, background: RISK_COLORS[l].pale }} data-testid={`risk-stats-level-${l}`}>
              <div className="sl-risk-level-name">{levelTitle(l)}</div>
              <div className="sl-risk-level-count">{counts[l]}</div>
              <div className="sl-risk-level-note">占已评价的 {pct(counts[l], total)}</div>
            </Card>
          </Link>
        ))}
      </div>
      {total ? (
        <>
          <div className="sl-risk-bar" role="img" aria-label={RISK_LEVEL_ORDER.map((l) => `${RiskLevel.label[l]} ${counts[l]} 个`).join('，')}>
            {RISK_LEVEL_ORDER.filter((l) => counts[l] > 0).map((l) => {
              const share = counts[l] / total;
              return (
                <Tooltip key={l} title={`${levelTitle(l)}：${counts[l]} 个，${pct(counts[l], total)}`}>
                  <div className="sl-risk-bar-seg" style={{ width: `${share * 100}%`, background: RISK_COLORS[l].hex, color: levelInk(l) }}>
                    {share >= 0.08 ? `${RiskLevel.label[l].replace('风险', '')} ${counts[l]}` : share >= 0.03 ? counts[l] : ''}
                  </div>
                </Tooltip>
              );
            })}
          </div>
          <div className="sl-risk-legend">
            {RISK_LEVEL_ORDER.map((l) => (
              <span key={l}>
                <LevelSwatch level={l} />
                {levelTitle(l)} {counts[l]} 个（{pct(counts[l], total)}）
              </span>
            ))}
          </div>
        </>
      ) : (
        <div className="sl-muted">还没有已评价的风险点。</div>
      )}
    </div>
  );
}

/** A bar of one or more coloured parts scaled to a maximum, with the number beside it. */
export function MiniBar({ parts, max, text }: { parts: { value: number; color: string; title: string }[]; max: number; text: string | number }) {
  return (
    <div className="sl-risk-minibar">
      <div className="sl-risk-minibar-track">
        {parts
          .filter((p) => p.value > 0)
          .map((p) => (
            <span key={p.title} title={p.title} style={{ width: `${max ? (p.value / max) * 100 : 0}%`, background: p.color }} />
          ))}
      </div>
      <span style={{ minWidth: 28, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{text}</span>
    </div>
  );
}
