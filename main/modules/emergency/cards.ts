/**
 * 应急处置卡 for key posts, generated from a 现场处置方案's version in force
 * (scenarios, first actions, cautions) with the plan's contacts followed by the
 * enterprise's duty phone and the public numbers; then editable. A card knows
 * when its plan has moved on (stale) and which 两单两卡 card set the post has.
 */
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { EmergencyCard, PlanContact } from '../../../preload/contract/emergency.ts';
import type { CardScenario } from '../../../preload/contract/cards.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { recordAudit } from '../audit/service.ts';
import { currentCards } from '../cards/service.ts';
import { getPlan } from './plans.ts';

type Scenario = z.infer<typeof CardScenario>;

interface CardDb {
  id: string;
  postId: string;
  postName: string;
  unitName: string;
  planId: string;
  planCode: string;
  planName: string;
  title: string;
  scenariosJson: string;
  contactsJson: string;
  revision: number;
  sourceVersion: string;
  currentVersion: string | null;
  updatedAtMs: number;
}

const SELECT = `SELECT c.id, c.postId, po.name AS postName, u.name AS unitName, c.planId, p.code AS planCode, p.name AS planName, c.title,
    c.scenariosJson, c.contactsJson, c.revision, c.sourceVersion, v.version AS currentVersion, c.updatedAtMs
  FROM emergency_card c JOIN post po ON po.id = c.postId JOIN unit u ON u.id = po.unitId JOIN emergency_plan p ON p.id = c.planId
  LEFT JOIN emergency_plan_version v ON v.planId = c.planId AND v.status = 'IN_FORCE'`;

function toCard(app: AppContext, r: CardDb): EmergencyCard {
  const set = currentCards(app, r.postId);
  return {
    id: r.id,
    postId: r.postId,
    postName: r.postName,
    unitName: r.unitName,
    planId: r.planId,
    planCode: r.planCode,
    planName: r.planName,
    title: r.title,
    scenarios: JSON.parse(r.scenariosJson) as Scenario[],
    contacts: JSON.parse(r.contactsJson) as PlanContact[],
    revision: r.revision,
    sourceVersion: r.sourceVersion,
    stale: r.currentVersion !== null && r.currentVersion !== r.sourceVersion,
    linkedCardSet: set ? { id: set.id, version: set.version, scenarioCount: set.emergency.scenarios.length } : null,
    updatedAtMs: r.updatedAtMs,
  };
}

export function listEmergencyCards(app: AppContext, f: { planId: string | null; postId: string | null }): EmergencyCard[] {
  const rows = app.db
    .prepare(`${SELECT} WHERE (@planId IS NULL OR c.planId = @planId) AND (@postId IS NULL OR c.postId = @postId) ORDER BY u.sortOrder, u.name, po.name`)
    .all({ planId: f.planId, postId: f.postId }) as CardDb[];
  return rows.map((r) => toCard(app, r));
}

export function getEmergencyCard(app: AppContext, id: string): EmergencyCard {
  const r = (app.db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as CardDb | undefined) ?? fail.notFound('应急处置卡');
  return toCard(app, r);
}

/** The enterprise's own numbers, then 119/120/110 and the reporting hotline. */
export function enterpriseContacts(app: AppContext): PlanContact[] {
  const e = app.db.prepare('SELECT dutyPhone, internalReportPhone, reportHotline FROM enterprise').get() as { dutyPhone: string | null; internalReportPhone: string | null; reportHotline: string } | undefined;
  const out: PlanContact[] = [];
  if (e?.dutyPhone) out.push({ role: '企业值班电话', name: null, phone: e.dutyPhone });
  if (e?.internalReportPhone) out.push({ role: '内部报告电话', name: null, phone: e.internalReportPhone });
  out.push({ role: '火警', name: null, phone: '119' }, { role: '急救', name: null, phone: '120' }, { role: '报警', name: null, phone: '110' });
  if (e?.reportHotline) out.push({ role: '安全生产举报', name: null, phone: e.reportHotline });
  return out;
}

function mergeContacts(first: PlanContact[], then: PlanContact[], max: number): PlanContact[] {
  const seen = new Set<string>();
  const out: PlanContact[] = [];
  for (const c of [...first, ...then]) {
    if (seen.has(c.phone)) continue;
    seen.add(c.phone);
    out.push(c);
  }
  return out.slice(0, max);
}

export function generateEmergencyCards(app: AppContext, planId: string, postIds: string[]): EmergencyCard[] {
  return inTransaction(app.db, () => {
    const plan = getPlan(app, planId);
    if (plan.planType !== 'ONSITE') fail.field('planId', '应急处置卡由现场处置方案生成，请选择现场处置方案');
    if (plan.archived) fail.rule(`预案「${plan.name}」已废止，不能再生成应急处置卡`);
    const current = plan.versions.find((v) => v.status === 'IN_FORCE');
    if (!current) fail.rule(`现场处置方案「${plan.name}」尚未发布，发布后才能生成应急处置卡`);
    if (!current.scenarios.length) fail.rule(`现场处置方案「${plan.name}」${current.version} 没有处置情形，请先在预案中填写事故情形和处置步骤`);
    const scenarios = current.scenarios.slice(0, 4);
    const contacts = mergeContacts(current.contacts, enterpriseContacts(app), 8);
    const now = app.clock.nowMs();
    const ids: string[] = [];
    for (const [i, postId] of postIds.entries()) {
      // The same post twice in one request is one card, generated once.
      if (postIds.indexOf(postId) !== i) continue;
      const post = app.db.prepare('SELECT name FROM post WHERE id = ? AND archivedAtMs IS NULL').get(postId) as { name: string } | undefined;
      if (!post) fail.field(`postIds.${i}`, '岗位不存在或已停用，请重新选择');
      const title = `${post.name}应急处置卡`.slice(0, 40);
      const existing = app.db.prepare('SELECT id, revision FROM emergency_card WHERE postId = ? AND planId = ?').get(postId, planId) as { id: string; revision: number } | undefined;
      if (existing) {
        const before = getEmergencyCard(app, existing.id);
        app.db
          .prepare('UPDATE emergency_card SET scenariosJson = ?, contactsJson = ?, revision = revision + 1, sourceVersion = ?, updatedAtMs = ? WHERE id = ?')
          .run(JSON.stringify(scenarios), JSON.stringify(contacts), current.version, now, existing.id);
        recordAudit(app, { action: 'UPDATE', entityType: 'emergencyCard', entityId: existing.id, summary: `按「${plan.code}」${current.version} 重新生成「${post.name}」应急处置卡`, before, after: getEmergencyCard(app, existing.id) });
        ids.push(existing.id);
      } else {
        const id = app.newId();
        app.db
          .prepare(
            `INSERT INTO emergency_card (id, postId, planId, title, scenariosJson, contactsJson, revision, sourceVersion, createdAtMs, updatedAtMs) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
          )
          .run(id, postId, planId, title, JSON.stringify(scenarios), JSON.stringify(contacts), current.version, now, now);
        app.db.prepare('INSERT OR IGNORE INTO emergency_plan_post (planId, postId) VALUES (?, ?)').run(planId, postId);
        recordAudit(app, { action: 'CREATE', entityType: 'emergencyCard', entityId: id, summary: `由「${plan.code}」${current.version} 生成「${post.name}」应急处置卡`, after: getEmergencyCard(app, id) });
        ids.push(id);
      }
    }
    return ids.map((id) => getEmergencyCard(app, id));
  });
}

export function updateEmergencyCard(app: AppContext, id: string, x: { title: string; scenarios: Scenario[]; contacts: PlanContact[] }): EmergencyCard {
  return inTransaction(app.db, () => {
    const before = getEmergencyCard(app, id);
    app.db
      .prepare('UPDATE emergency_card SET title = ?, scenariosJson = ?, contactsJson = ?, revision = revision + 1, updatedAtMs = ? WHERE id = ?')
      .run(x.title, JSON.stringify(x.scenarios), JSON.stringify(x.contacts), app.clock.nowMs(), id);
    const after = getEmergencyCard(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'emergencyCard', entityId: id, summary: `修改「${before.postName}」应急处置卡`, before, after });
    return after;
  });
}

export function removeEmergencyCard(app: AppContext, id: string): void {
  inTransaction(app.db, () => {
    const before = getEmergencyCard(app, id);
    app.db.prepare('DELETE FROM emergency_card WHERE id = ?').run(id);
    recordAudit(app, { action: 'DELETE', entityType: 'emergencyCard', entityId: id, summary: `删除「${before.postName}」应急处置卡`, before });
  });
}
