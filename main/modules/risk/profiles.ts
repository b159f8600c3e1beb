/** Scoring profiles (LEC, LS): tables and bands held as data, versioned on every edit. */
import type { AppContext } from '../../context.ts';
import type { LecConfig, LsConfig, RiskProfile } from '../../../preload/contract/risk.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { profileProblem } from '../../domain/risk.ts';
import { recordAudit } from '../audit/service.ts';

interface ProfileRow {
  id: string;
  name: string;
  method: 'LEC' | 'LS';
  configJson: string;
  version: number;
  isDefault: number;
  updatedAtMs: number;
  usedBy: number;
}

const SELECT = `SELECT p.*, (SELECT count(*) FROM risk_assessment a WHERE a.profileId = p.id) AS usedBy FROM risk_profile p`;

function toProfile(r: ProfileRow): RiskProfile {
  return { id: r.id, name: r.name, method: r.method, config: JSON.parse(r.configJson) as LecConfig | LsConfig, version: r.version, isDefault: r.isDefault === 1, usedBy: r.usedBy, updatedAtMs: r.updatedAtMs };
}

export function listProfiles(app: AppContext): RiskProfile[] {
  return (app.db.prepare(`${SELECT} ORDER BY p.method, p.isDefault DESC, p.name`).all() as ProfileRow[]).map(toProfile);
}

export function getProfile(app: AppContext, id: string): RiskProfile {
  const r = app.db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as ProfileRow | undefined;
  return r ? toProfile(r) : fail.notFound('评价方法');
}

export function defaultProfile(app: AppContext, method: 'LEC' | 'LS'): RiskProfile {
  const r = app.db.prepare(`${SELECT} WHERE p.method = ? ORDER BY p.isDefault DESC, p.createdAtMs LIMIT 1`).get(method) as ProfileRow | undefined;
  return r ? toProfile(r) : fail.rule(`没有可用的${method === 'LEC' ? ' LEC ' : '风险矩阵'}评价表，请在「风险评价方法」中新增`);
}

/** A config must be of the profile's method (LEC has E and C, LS has S) and make sense as tables and bands. */
function checkConfig(method: 'LEC' | 'LS', config: LecConfig | LsConfig): void {
  const isLec = 'E' in config && 'C' in config;
  if (method === 'LEC' && !isLec) fail.field('config', 'LEC 评价表需要 L、E、C 三张取值表');
  if (method === 'LS' && !('S' in config)) fail.field('config', '风险矩阵需要 L、S 两张取值表');
  const problem = profileProblem(config);
  if (problem) fail.field(problem.path, problem.message);
}

export function updateProfile(app: AppContext, id: string, name: string, config: LecConfig | LsConfig): RiskProfile {
  return inTransaction(app.db, () => {
    const before = getProfile(app, id);
    checkConfig(before.method, config);
    if (app.db.prepare('SELECT 1 FROM risk_profile WHERE name = ? AND id <> ?').get(name, id)) fail.conflict(`已有名为「${name}」的评价方法`, 'name');
    app.db.prepare('UPDATE risk_profile SET name = ?, configJson = ?, version = version + 1, updatedAtMs = ? WHERE id = ?').run(name, JSON.stringify(config), app.clock.nowMs(), id);
    const after = getProfile(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'risk_profile', entityId: id, summary: `修改评价方法「${after.name}」（第 ${after.version} 版；已有 ${before.usedBy} 次评价保留第 ${before.version} 版）`, before: before.config, after: after.config });
    return after;
  });
}

export function createProfile(app: AppContext, name: string, method: 'LEC' | 'LS', config: LecConfig | LsConfig): RiskProfile {
  return inTransaction(app.db, () => {
    checkConfig(method, config);
    if (app.db.prepare('SELECT 1 FROM risk_profile WHERE name = ?').get(name)) fail.conflict(`已有名为「${name}」的评价方法`, 'name');
    const id = app.newId();
    const now = app.clock.nowMs();
    app.db.prepare('INSERT INTO risk_profile (id, name, method, configJson, version, isDefault, createdAtMs, updatedAtMs) VALUES (?, ?, ?, ?, 1, 0, ?, ?)').run(id, name, method, JSON.stringify(config), now, now);
    const p = getProfile(app, id);
    recordAudit(app, { action: 'CREATE', entityType: 'risk_profile', entityId: id, summary: `新增评价方法「${name}」`, after: p.config });
    return p;
  });
}

export function setDefaultProfile(app: AppContext, id: string): RiskProfile {
  return inTransaction(app.db, () => {
    const p = getProfile(app, id);
    app.db.prepare('UPDATE risk_profile SET isDefault = 0 WHERE method = ?').run(p.method);
    app.db.prepare('UPDATE risk_profile SET isDefault = 1 WHERE id = ?').run(id);
    recordAudit(app, { action: 'UPDATE', entityType: 'risk_profile', entityId: id, summary: `将「${p.name}」设为默认的${p.method === 'LEC' ? ' LEC ' : '风险矩阵'}评价表` });
    return getProfile(app, id);
  });
}
