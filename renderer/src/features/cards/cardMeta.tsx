import { Tag } from 'antd';
import type { CardSet } from '../../../../preload/contract/cards.ts';
import { WorkPhase } from '../../../../preload/contract/enums.ts';

/** The four parts of 两单两卡, in print order, with the colours the printed card uses. */
export const PARTS = [
  { key: 'risk', title: '岗位风险清单', short: '风险清单', slogan: '知风险', color: '#c0392b' },
  { key: 'duty', title: '岗位职责清单', short: '职责清单', slogan: '明职责', color: '#1f5eb8' },
  { key: 'operation', title: '岗位操作卡', short: '操作卡', slogan: '会操作', color: '#237804' },
  { key: 'emergency', title: '岗位应急处置卡', short: '应急处置卡', slogan: '能应急', color: '#d46b08' },
] as const;
export type PartKey = (typeof PARTS)[number]['key'];

export const PART_COLOR: Record<PartKey, string> = Object.fromEntries(PARTS.map((p) => [p.key, p.color])) as Record<PartKey, string>;

export const LIMITS = {
  risks: 12,
  duties: 12,
  steps: 15,
  scenarios: 4,
  scenarioSteps: 10,
  ppe: 12,
} as const;

type RiskLevel = NonNullable<CardSet['risk']['items'][number]['level']>;

const LEVELS: Record<RiskLevel, { label: string; color: string }> = {
  MAJOR: { label: '重大风险', color: 'red' },
  HIGH: { label: '较大风险', color: 'orange' },
  MEDIUM: { label: '一般风险', color: 'yellow' },
  LOW: { label: '低风险', color: 'blue' },
};

export function RiskLevelTag({ level }: { level: RiskLevel | null | undefined }) {
  if (!level) return null;
  const l = LEVELS[level];
  return (
    <Tag color={l.color} style={{ marginInlineEnd: 0 }}>
      {l.label}
    </Tag>
  );
}

const PHASE_COLORS: Record<WorkPhase, string> = { BEFORE: 'blue', DURING: 'green', AFTER: 'purple' };

export function PhaseTag({ phase }: { phase: WorkPhase }) {
  return (
    <Tag color={PHASE_COLORS[phase]} style={{ marginInlineEnd: 0 }}>
      {WorkPhase.label[phase]}
    </Tag>
  );
}

const STATE: Record<CardSet['state'], { label: string; color: string }> = {
  CURRENT: { label: '现行', color: 'green' },
  SUPERSEDED: { label: '已替代', color: 'default' },
  DRAFT: { label: '草稿', color: 'orange' },
};

export function CardStateTag({ state }: { state: CardSet['state'] }) {
  return <Tag color={STATE[state].color}>{STATE[state].label}</Tag>;
}

/** Circled numbers for emergency steps (① ②…), plain numbers beyond twenty. */
export function circled(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `${n}.`;
}
