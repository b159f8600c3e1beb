/**
 * The library of typical risk points by industry (resources/content/risk-library.json):
 * a new register is seeded from it, then adjusted.
 */
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { LibraryEntry } from '../../../preload/contract/risk.ts';
import { ACCIDENT_TYPES, HazardCategory, Industry, IndustrySector, MeasureCategory, RiskKind } from '../../../preload/contract/enums.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { SUGGESTED_CONTROL_LEVEL, scoreLec } from '../../domain/risk.ts';
import { recordAudit } from '../audit/service.ts';
import { getEnterprise, today } from '../enterprise/service.ts';
import { readContent } from '../print/content.ts';
import { defaultProfile } from './profiles.ts';
import { assessRisk, createRisk } from './service.ts';
import type { LecConfig } from '../../../preload/contract/risk.ts';

const LibraryFile = z.object({
  version: z.number().int(),
  entries: z.array(
    z.strictObject({
      key: z.string().regex(/^[a-z0-9-]+$/),
      group: z.string().min(1),
      industries: z.array(z.enum(Industry.values)).min(1),
      sectors: z.array(z.enum(IndustrySector.values)),
      name: z.string().min(1).max(30),
      kind: z.enum(RiskKind.values),
      hazards: z.array(z.strictObject({ description: z.string().min(1).max(100), category: z.enum(HazardCategory.values), accidentTypes: z.array(z.enum(ACCIDENT_TYPES)).min(1) })).min(1),
      measures: z.array(z.strictObject({ category: z.enum(MeasureCategory.values), content: z.string().min(1).max(120) })).min(1),
      lec: z.strictObject({ L: z.number(), E: z.number(), C: z.number() }),
      postKeywords: z.array(z.string().min(2)),
    }),
  ),
});
type RawEntry = z.output<typeof LibraryFile>['entries'][number];

function entries(app: AppContext): RawEntry[] {
  return LibraryFile.parse(readContent<unknown>(app, 'risk-library.json')).entries;
}

/** Entries for the enterprise's industry (and 工贸 sector: general entries plus its own). */
function forEnterprise(app: AppContext): RawEntry[] {
  const e = getEnterprise(app);
  return entries(app).filter((x) => x.industries.includes(e.industry) && (e.industry !== 'INDUSTRY_TRADE' || !x.sectors.length || (e.industrySector !== null && x.sectors.includes(e.industrySector))));
}

export function libraryFor(app: AppContext): LibraryEntry[] {
  const used = new Set((app.db.prepare(`SELECT libraryKey FROM risk_point WHERE libraryKey IS NOT NULL AND status <> 'ARCHIVED'`).all() as { libraryKey: string }[]).map((r) => r.libraryKey));
  const lec = defaultProfile(app, 'LEC').config as LecConfig;
  return forEnterprise(app).map((x) => ({
    key: x.key,
    group: x.group,
    name: x.name,
    kind: x.kind,
    hazards: x.hazards,
    measures: x.measures,
    lec: x.lec,
    level: scoreLec(lec, x.lec).level,
    postKeywords: x.postKeywords,
    used: used.has(x.key),
  }));
}

/** Posts whose name or trade contains one of the keywords. */
function matchPosts(app: AppContext, keywords: readonly string[]): { id: string; name: string }[] {
  if (!keywords.length) return [];
  const posts = app.db.prepare('SELECT id, name, trade FROM post WHERE archivedAtMs IS NULL ORDER BY name').all() as { id: string; name: string; trade: string | null }[];
  return posts.filter((p) => keywords.some((k) => p.name.includes(k) || (p.trade ?? '').includes(k))).map(({ id, name }) => ({ id, name }));
}

/**
 * Creates one draft point per chosen entry, with its hazards and measures, the
 * suggested LEC assessment and (optionally) the posts that match its keywords.
 * All or nothing.
 */
export function importFromLibrary(app: AppContext, keys: string[], unitId: string, assessorName: string, linkPosts: boolean) {
  return inTransaction(app.db, () => {
    const all = forEnterprise(app);
    const lec = defaultProfile(app, 'LEC');
    const on = today(app);
    const created: { id: string; code: string; name: string; posts: string[] }[] = [];
    keys.forEach((key, i) => {
      const x = all.find((e) => e.key === key) ?? fail.field(`keys.${i}`, `典型风险点库中没有「${key}」（或它不属于本企业的行业）`);
      const posts = linkPosts ? matchPosts(app, x.postKeywords) : [];
      const level = scoreLec(lec.config as LecConfig, x.lec).level;
      const point = createRisk(
        app,
        {
          code: null,
          name: x.name,
          kind: x.kind,
          location: null,
          unitId,
          postIds: posts.map((p) => p.id),
          controlLevel: SUGGESTED_CONTROL_LEVEL[level],
          respUnitId: unitId,
          respPersonId: null,
          identifiedOn: on,
          nextReviewOn: null,
          notes: null,
          hazards: x.hazards,
          measures: x.measures.map((m) => ({ id: null, ...m })),
        },
        { libraryKey: x.key },
      );
      assessRisk(app, { riskPointId: point.id, method: 'LEC', profileId: lec.id, values: x.lec, directReason: null, residualNote: null, assessedOn: on, assessorName });
      created.push({ id: point.id, code: point.code, name: point.name, posts: posts.map((p) => p.name) });
    });
    recordAudit(app, { action: 'IMPORT', entityType: 'risk_point', entityId: null, summary: `从典型风险点库建立 ${created.length} 个风险点（${created.map((c) => c.name).join('、')}），待调整后批准` });
    return { created };
  });
}
