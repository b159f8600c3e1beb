import type { ReactNode } from 'react';
import { Card, Col, Row, Tag } from 'antd';
import type { CardSet } from '../../../../preload/contract/cards.ts';
import { EmploymentType, WorkPhase } from '../../../../preload/contract/enums.ts';
import { dash } from '../../lib/format.ts';
import { PARTS, PhaseTag, RiskLevelTag, circled, type PartKey } from './cardMeta.tsx';
import './cards.css';

/** One version of 两单两卡, read-only: a header line and the four parts in a 2×2 grid. */
export function CardView({ card }: { card: CardSet }) {
  return (
    <div data-testid="card-view">
      <CardMeta card={card} />
      <Row gutter={[12, 12]} align="stretch">
        {PARTS.map((p) => (
          <Col xs={24} lg={12} key={p.key}>
            <PartCard part={p.key} card={card} />
          </Col>
        ))}
      </Row>
    </div>
  );
}

function CardMeta({ card }: { card: CardSet }) {
  const item = (label: string, value: ReactNode) => (
    <span>
      <span className="sl-cards-meta-label">{label}</span>
      {value}
    </span>
  );
  return (
    <div className="sl-cards-meta">
      <strong>第 {card.version} 版</strong>
      {card.publishedOn ? item('发布日期', card.publishedOn) : <Tag color="orange">草稿，尚未发布</Tag>}
      {item('编制', dash(card.compiledBy))}
      {item('审核', dash(card.reviewedBy))}
      {item('批准', dash(card.approvedBy))}
      {card.publishedOn &&
        item(
          '下次复审',
          <>
            {dash(card.nextReviewOn)}
            {card.reviewOverdue && (
              <Tag color="red" style={{ marginInlineStart: 6 }}>
                逾期
              </Tag>
            )}
          </>,
        )}
      {item(
        '适用人员',
        card.applicable.length ? card.applicable.map((a) => EmploymentType.label[a]).join('、') : '—',
      )}
      {item(
        '劳动防护用品',
        card.ppe.length ? (
          <span>
            {card.ppe.map((p) => (
              <Tag key={p} style={{ marginInlineEnd: 4 }}>
                {p}
              </Tag>
            ))}
          </span>
        ) : (
          '—'
        ),
      )}
      {card.changeReason && item(card.version > 1 ? '修订原因' : '编制原因', card.changeReason)}
    </div>
  );
}

function countOf(card: CardSet, part: PartKey): string {
  switch (part) {
    case 'risk':
      return `${card.risk.items.length} 条风险`;
    case 'duty':
      return `${card.duty.items.length} 条职责`;
    case 'operation':
      return `${card.operation.steps.length} 个步骤`;
    case 'emergency':
      return `${card.emergency.scenarios.length} 个情形`;
  }
}

function PartCard({ part, card }: { part: PartKey; card: CardSet }) {
  const meta = PARTS.find((p) => p.key === part)!;
  const mnemonic = card[part].mnemonic;
  return (
    <Card
      size="small"
      className="sl-cards-part"
      style={{ borderColor: meta.color }}
      styles={{ header: { background: meta.color }, body: { flex: 1, display: 'flex', flexDirection: 'column' } }}
      title={
        <span>
          {meta.title}
          <span className="sl-cards-slogan">{meta.slogan}</span>
        </span>
      }
      extra={countOf(card, part)}
      data-testid={`card-view-${part}`}
    >
      <PartBody part={part} card={card} />
      {mnemonic && (
        <div className="sl-cards-mnemonic" style={{ color: meta.color, borderTopColor: meta.color }}>
          {mnemonic}
        </div>
      )}
    </Card>
  );
}

/** "禁止：…" unless the text already says so (library texts often start with 禁止 or 严禁). */
function prohibition(text: string): string {
  return /^(禁止|严禁|不得|不准|不要|切勿|不许)/.test(text) ? text : `禁止：${text}`;
}

function Nothing() {
  return <div className="sl-cards-empty-part">（尚未填写）</div>;
}

function PartBody({ part, card }: { part: PartKey; card: CardSet }) {
  switch (part) {
    case 'risk':
      return card.risk.items.length ? (
        <ol className="sl-cards-ol">
          {card.risk.items.map((r, i) => (
            <li key={i}>
              <div>
                {r.statement} <RiskLevelTag level={r.level} />
              </div>
              <div className="sl-cards-sub">
                {r.accidentType} · {r.stage}
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <Nothing />
      );
    case 'duty':
      return card.duty.items.length ? (
        <ol className="sl-cards-ol">
          {card.duty.items.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ol>
      ) : (
        <Nothing />
      );
    case 'operation': {
      if (!card.operation.steps.length) return <Nothing />;
      const numbered = card.operation.steps.map((s, i) => ({ ...s, no: i + 1 }));
      return (
        <div>
          {WorkPhase.values
            .map((phase) => ({ phase, steps: numbered.filter((s) => s.phase === phase) }))
            .filter((g) => g.steps.length)
            .map((g) => (
              <div key={g.phase}>
                <div className="sl-cards-phase">
                  <PhaseTag phase={g.phase} />
                </div>
                <ol className="sl-cards-ol" start={g.steps[0]!.no}>
                  {g.steps.map((s) => (
                    <li key={s.no} value={s.no}>
                      <div>{s.action}</div>
                      {s.prohibitions && <div className="sl-cards-warn">{prohibition(s.prohibitions)}</div>}
                      {s.ppe && <div className="sl-cards-sub">防护：{s.ppe}</div>}
                    </li>
                  ))}
                </ol>
              </div>
            ))}
        </div>
      );
    }
    case 'emergency':
      return card.emergency.scenarios.length ? (
        <div>
          {card.emergency.scenarios.map((s, i) => (
            <div className="sl-cards-scenario" key={i}>
              <div className="sl-cards-scenario-title">
                {i + 1}. {s.scenario}
              </div>
              {s.steps.map((step, j) => (
                <div key={j}>
                  {circled(j + 1)} {step}
                </div>
              ))}
              {s.cautions && <div className="sl-cards-warn">注意：{s.cautions}</div>}
            </div>
          ))}
        </div>
      ) : (
        <Nothing />
      );
  }
}
