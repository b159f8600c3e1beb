import type { CardContent, CardSet } from '../../../../preload/contract/cards.ts';
import type { InputOf } from '../../../../preload/contract/index.ts';
import type { PartKey } from './cardMeta.tsx';

/** What `card.saveDraft` accepts as content. */
export type ContentInput = InputOf<'card.saveDraft'>['content'];

/** The editor form: content nested under `content`, so main's error paths (`content.risk.items.0.statement`) name form fields. */
export interface CardFormValues {
  content: CardContent;
  compiledBy: string | null;
  reviewedBy: string | null;
  changeReason: string | null;
}

/** Editor tabs: the four parts and 适用人员. */
export type SectionKey = PartKey | 'applicable';

export function toFormValues(card: CardSet): CardFormValues {
  return {
    content: {
      applicable: card.applicable,
      ppe: card.ppe,
      risk: card.risk,
      duty: card.duty,
      operation: card.operation,
      emergency: card.emergency,
    },
    compiledBy: card.compiledBy,
    reviewedBy: card.reviewedBy,
    changeReason: card.changeReason,
  };
}

const str = (v: string | null | undefined): string => (v ?? '').trim();
const opt = (v: string | null | undefined): string | null => str(v) || null;

/**
 * Form values as the contract wants them: trimmed, blank optional texts as
 * null. Rows just added may still lack fields; main reports what is missing.
 */
export function toContent(c: Partial<CardContent> | undefined): ContentInput {
  const risk = c?.risk;
  const duty = c?.duty;
  const operation = c?.operation;
  const emergency = c?.emergency;
  return {
    applicable: c?.applicable ?? [],
    ppe: (c?.ppe ?? []).map(str).filter(Boolean),
    risk: {
      items: (risk?.items ?? []).map((r) => ({
        statement: str(r?.statement),
        accidentType: r?.accidentType,
        stage: r?.stage,
        riskPointId: r?.riskPointId ?? null,
        level: r?.level ?? null,
      })),
      mnemonic: opt(risk?.mnemonic),
      fromRegister: risk?.fromRegister ?? false,
    },
    duty: { items: (duty?.items ?? []).map(str), mnemonic: opt(duty?.mnemonic) },
    operation: {
      steps: (operation?.steps ?? []).map((s) => ({ phase: s?.phase, action: str(s?.action), prohibitions: opt(s?.prohibitions), ppe: opt(s?.ppe) })),
      mnemonic: opt(operation?.mnemonic),
    },
    emergency: {
      scenarios: (emergency?.scenarios ?? []).map((s) => ({ scenario: str(s?.scenario), steps: (s?.steps ?? []).map(str), cautions: opt(s?.cautions) })),
      mnemonic: opt(emergency?.mnemonic),
    },
  };
}

export function optionalText(v: string | null | undefined): string | null {
  return opt(v);
}

/** The same completeness rule main applies before publishing. */
export function missingPart(c: ContentInput): { section: SectionKey; message: string } | null {
  if (!c.risk.items.length) return { section: 'risk', message: '岗位风险清单至少要有一条风险' };
  if (!c.duty.items.length) return { section: 'duty', message: '岗位职责清单至少要有一条职责' };
  if (!c.operation.steps.length) return { section: 'operation', message: '岗位操作卡至少要有一个操作步骤' };
  if (!c.emergency.scenarios.length) return { section: 'emergency', message: '岗位应急处置卡至少要有一个事故情形及处置步骤' };
  if (!c.applicable?.length) return { section: 'applicable', message: '请选择适用人员类型' };
  return null;
}

const SECTIONS: readonly SectionKey[] = ['risk', 'duty', 'operation', 'emergency', 'applicable'];

/**
 * The editor tab holding a field, from a form name path or an error path
 * (`content.risk.items.0.statement`, `risk`, `content.ppe`).
 */
export function sectionOf(path: readonly (string | number)[] | string): SectionKey | null {
  const parts = typeof path === 'string' ? path.split('.') : path.map(String);
  const head = parts[0] === 'content' ? parts[1] : parts[0];
  if (head === 'ppe') return 'operation';
  return SECTIONS.find((s) => s === head) ?? null;
}
