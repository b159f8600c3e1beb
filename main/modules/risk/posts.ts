/**
 * A post's risks as the 两单两卡 岗位风险清单 shows them: the hazard factors of
 * the post's approved risk points, each with what it can lead to, the most
 * severe points first and taken in turn so every point is represented.
 */
import type { AppContext } from '../../context.ts';
import type { CardContent } from '../../../preload/contract/cards.ts';
import { ACCIDENT_TYPES, type AccidentType } from '../../../preload/contract/enums.ts';
import { risksForPost } from './service.ts';

/** The card keeps to a few short items (domain §1: about 4–6). */
const MAX_ITEMS = 6;
const MAX_STATEMENT = 60;

type Item = CardContent['risk']['items'][number];

export function registerRiskItems(app: AppContext, postId: string): Item[] {
  const points = risksForPost(app, postId);
  if (!points.length) return [];
  const hazards = new Map<string, { description: string; accidentTypes: string[] }[]>();
  const { sql, params } = { sql: points.map((_, i) => `@p${i}`).join(', '), params: Object.fromEntries(points.map((p, i) => [`p${i}`, p.id])) };
  for (const h of app.db.prepare(`SELECT riskPointId, description, accidentTypesJson FROM hazard_factor WHERE riskPointId IN (${sql}) ORDER BY seq`).all(params) as { riskPointId: string; description: string; accidentTypesJson: string }[]) {
    hazards.set(h.riskPointId, [...(hazards.get(h.riskPointId) ?? []), { description: h.description, accidentTypes: JSON.parse(h.accidentTypesJson) as string[] }]);
  }
  const items: Item[] = [];
  for (let round = 0; items.length < MAX_ITEMS; round++) {
    let added = false;
    for (const p of points) {
      const h = hazards.get(p.id)?.[round];
      if (!h || items.length >= MAX_ITEMS) continue;
      added = true;
      const accidents = h.accidentTypes.filter((t): t is AccidentType => (ACCIDENT_TYPES as readonly string[]).includes(t));
      let statement = `${h.description}，可能导致${accidents.join('、') || '伤害'}`;
      if (statement.length > MAX_STATEMENT) statement = `${statement.slice(0, MAX_STATEMENT - 1)}…`;
      items.push({ statement, accidentType: accidents[0] ?? '其它伤害', stage: p.kind === 'AREA' ? '全过程' : '作业中', riskPointId: p.id, level: p.level });
    }
    if (!added) break;
  }
  return items;
}
