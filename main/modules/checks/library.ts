/** The check-item library and the 工贸企业重大事故隐患判定标准 criteria (resources/content). */
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { MajorHazardCriterion } from '../../../preload/contract/checks.ts';
import { CheckItemCategory, CheckMethod } from '../../../preload/contract/enums.ts';
import { readContent } from '../print/content.ts';

const ItemsFile = z.object({
  version: z.number(),
  items: z.array(
    z.object({
      key: z.string().regex(/^[a-z0-9-]+$/),
      group: z.string().min(1),
      category: z.enum(CheckItemCategory.values),
      content: z.string().min(1).max(300),
      standard: z.string().max(300).nullable().optional().transform((v) => v ?? null),
      basis: z.string().max(200).nullable().optional().transform((v) => v ?? null),
      method: z.enum(CheckMethod.values),
    }),
  ),
});

const CriteriaFile = z.object({
  version: z.number(),
  source: z.string(),
  criteria: z.array(z.object({ code: z.string().min(1).max(20), group: z.enum(['MANAGEMENT', 'INDUSTRY', 'SPECIAL']), industry: z.string().nullable(), text: z.string().min(1), basis: z.string().min(1) })),
});

const GROUP_LABEL = { MANAGEMENT: '管理类', INDUSTRY: '行业类', SPECIAL: '专项类' } as const;

let cachedItems: z.output<typeof ItemsFile>['items'] | null = null;
let cachedCriteria: MajorHazardCriterion[] | null = null;

export function libraryItems(app: AppContext) {
  cachedItems ??= ItemsFile.parse(readContent<unknown>(app, 'check-items.json')).items;
  return cachedItems;
}

export function majorCriteria(app: AppContext): MajorHazardCriterion[] {
  if (!cachedCriteria) {
    const file = CriteriaFile.parse(readContent<unknown>(app, 'major-hazard-criteria.json'));
    cachedCriteria = file.criteria.map((c) => ({ ...c, groupLabel: GROUP_LABEL[c.group], basis: `${file.source}${c.basis}` }));
  }
  return cachedCriteria;
}

export function criterion(app: AppContext, code: string | null): MajorHazardCriterion | null {
  if (!code) return null;
  return majorCriteria(app).find((c) => c.code === code) ?? null;
}

export function checkLibrary(app: AppContext) {
  return { items: libraryItems(app), criteria: majorCriteria(app) };
}
