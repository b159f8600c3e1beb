/** 四色分布图: site plans (images) with polygons and markers, coloured by the highest level they cover. */
import type { AppContext } from '../../context.ts';
import type { MapArea, SitePlan } from '../../../preload/contract/risk.ts';
import { RISK_LEVEL_ORDER, type RiskLevel } from '../../../preload/contract/enums.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { highestLevel } from '../../domain/risk.ts';
import { recordAudit } from '../audit/service.ts';
import { getAttachment } from '../attachments/service.ts';

interface PlanRow {
  id: string;
  name: string;
  attachmentId: string;
  compiledBy: string | null;
  reviewedBy: string | null;
  approvedBy: string | null;
  mapDate: string | null;
  updatedAtMs: number;
  widthPx: number | null;
  heightPx: number | null;
}

const PLAN_SELECT = 'SELECT p.*, a.widthPx, a.heightPx FROM site_plan p JOIN attachment a ON a.id = p.attachmentId';

function areasOf(app: AppContext, planId: string): MapArea[] {
  const rows = app.db.prepare('SELECT id, kind, label, pointsJson FROM risk_area WHERE planId = ? ORDER BY seq').all(planId) as { id: string; kind: 'POLYGON' | 'MARKER'; label: string; pointsJson: string }[];
  const links = app.db
    .prepare(`SELECT ap.areaId, ap.riskPointId, r.level, r.status FROM risk_area_point ap JOIN risk_area a ON a.id = ap.areaId JOIN risk_point r ON r.id = ap.riskPointId WHERE a.planId = ?`)
    .all(planId) as { areaId: string; riskPointId: string; level: RiskLevel | null; status: string }[];
  return rows.map((r) => {
    const mine = links.filter((l) => l.areaId === r.id);
    return {
      id: r.id,
      kind: r.kind,
      label: r.label,
      points: JSON.parse(r.pointsJson) as [number, number][],
      riskPointIds: mine.map((l) => l.riskPointId),
      level: highestLevel(mine.filter((l) => l.status !== 'ARCHIVED').map((l) => l.level)),
    };
  });
}

function toPlan(app: AppContext, r: PlanRow, withAreas: boolean): SitePlan {
  const areas = areasOf(app, r.id);
  return {
    id: r.id,
    name: r.name,
    attachmentId: r.attachmentId,
    widthPx: r.widthPx ?? 1,
    heightPx: r.heightPx ?? 1,
    compiledBy: r.compiledBy,
    reviewedBy: r.reviewedBy,
    approvedBy: r.approvedBy,
    mapDate: r.mapDate,
    areas: withAreas ? areas : [],
    counts: RISK_LEVEL_ORDER.map((level) => ({ level, count: areas.filter((a) => a.level === level).length })),
    updatedAtMs: r.updatedAtMs,
  };
}

export function listPlans(app: AppContext): Omit<SitePlan, 'areas'>[] {
  return (app.db.prepare(`${PLAN_SELECT} ORDER BY p.createdAtMs`).all() as PlanRow[]).map((r) => {
    const { areas: _a, ...rest } = toPlan(app, r, false);
    return rest;
  });
}

export function getPlan(app: AppContext, id: string): SitePlan {
  const r = app.db.prepare(`${PLAN_SELECT} WHERE p.id = ?`).get(id) as PlanRow | undefined;
  return r ? toPlan(app, r, true) : fail.notFound('四色分布图');
}

interface PlanMeta {
  name: string;
  compiledBy: string | null;
  reviewedBy: string | null;
  approvedBy: string | null;
  mapDate: string | null;
}

export function createPlan(app: AppContext, attachmentId: string, meta: PlanMeta): SitePlan {
  return inTransaction(app.db, () => {
    const a = getAttachment(app, attachmentId);
    if (a.mimeType !== 'image/png' && a.mimeType !== 'image/jpeg') fail.field('attachmentId', `「${a.originalName}」不是图片：平面图请上传 PNG 或 JPEG 图片（可把 CAD 总图导出为图片）`);
    if (!a.widthPx || !a.heightPx) fail.field('attachmentId', '无法读取平面图图片的尺寸，请换一张图片');
    const id = app.newId();
    const now = app.clock.nowMs();
    app.db
      .prepare('INSERT INTO site_plan (id, name, attachmentId, compiledBy, reviewedBy, approvedBy, mapDate, createdAtMs, updatedAtMs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, meta.name, attachmentId, meta.compiledBy, meta.reviewedBy, meta.approvedBy, meta.mapDate, now, now);
    recordAudit(app, { action: 'CREATE', entityType: 'site_plan', entityId: id, summary: `新建四色分布图「${meta.name}」（平面图 ${a.widthPx}×${a.heightPx} 像素）` });
    return getPlan(app, id);
  });
}

export function updatePlan(app: AppContext, id: string, meta: PlanMeta): SitePlan {
  return inTransaction(app.db, () => {
    const before = getPlan(app, id);
    app.db.prepare('UPDATE site_plan SET name = ?, compiledBy = ?, reviewedBy = ?, approvedBy = ?, mapDate = ?, updatedAtMs = ? WHERE id = ?').run(meta.name, meta.compiledBy, meta.reviewedBy, meta.approvedBy, meta.mapDate, app.clock.nowMs(), id);
    recordAudit(app, { action: 'UPDATE', entityType: 'site_plan', entityId: id, summary: `修改四色分布图「${meta.name}」的信息`, before: { name: before.name, compiledBy: before.compiledBy, reviewedBy: before.reviewedBy, approvedBy: before.approvedBy, mapDate: before.mapDate }, after: meta });
    return getPlan(app, id);
  });
}

export interface AreaValues {
  id: string | null;
  kind: 'POLYGON' | 'MARKER';
  label: string;
  points: [number, number][];
  riskPointIds: string[];
}

/** Replaces the plan's areas as a whole; each area is checked and named in the error when wrong. */
export function saveAreas(app: AppContext, planId: string, areas: AreaValues[]): SitePlan {
  return inTransaction(app.db, () => {
    const before = getPlan(app, planId);
    areas.forEach((a, i) => {
      if (a.kind === 'POLYGON' && a.points.length < 3) fail.field(`areas.${i}.points`, `区域「${a.label}」只有 ${a.points.length} 个顶点，多边形至少需要 3 个顶点`);
      if (a.kind === 'MARKER' && a.points.length !== 1) fail.field(`areas.${i}.points`, `标记「${a.label}」应只有一个位置点`);
      a.riskPointIds.forEach((rid, j) => {
        const r = app.db.prepare('SELECT code, status FROM risk_point WHERE id = ?').get(rid) as { code: string; status: string } | undefined;
        if (!r) fail.field(`areas.${i}.riskPointIds.${j}`, `区域「${a.label}」关联的风险点不存在，请刷新后重试`);
        if (r.status === 'ARCHIVED') fail.field(`areas.${i}.riskPointIds.${j}`, `区域「${a.label}」关联的风险点 ${r.code} 已归档`);
      });
    });
    app.db.prepare('DELETE FROM risk_area WHERE planId = ?').run(planId);
    const ins = app.db.prepare('INSERT INTO risk_area (id, planId, kind, label, pointsJson, seq) VALUES (?, ?, ?, ?, ?, ?)');
    const link = app.db.prepare('INSERT OR IGNORE INTO risk_area_point (areaId, riskPointId) VALUES (?, ?)');
    areas.forEach((a, i) => {
      const id = a.id ?? app.newId();
      const points = a.points.map(([x, y]) => [Math.round(x * 1e5) / 1e5, Math.round(y * 1e5) / 1e5]);
      ins.run(id, planId, a.kind, a.label, JSON.stringify(points), i + 1);
      for (const rid of a.riskPointIds) link.run(id, rid);
    });
    app.db.prepare('UPDATE site_plan SET updatedAtMs = ? WHERE id = ?').run(app.clock.nowMs(), planId);
    const after = getPlan(app, planId);
    recordAudit(app, {
      action: 'UPDATE',
      entityType: 'site_plan',
      entityId: planId,
      summary: `保存四色分布图「${after.name}」的区域（${before.areas.length} → ${after.areas.length} 个）`,
      before: before.areas.map((a) => ({ label: a.label, kind: a.kind, points: a.points.length, risks: a.riskPointIds.length })),
      after: after.areas.map((a) => ({ label: a.label, kind: a.kind, points: a.points.length, risks: a.riskPointIds.length })),
    });
    return after;
  });
}

export function deletePlan(app: AppContext, id: string): void {
  inTransaction(app.db, () => {
    const p = getPlan(app, id);
    app.db.prepare('DELETE FROM site_plan WHERE id = ?').run(id);
    recordAudit(app, { action: 'DELETE', entityType: 'site_plan', entityId: id, summary: `删除四色分布图「${p.name}」（${p.areas.length} 个区域）` });
  });
}
