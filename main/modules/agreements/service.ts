import type { AppContext } from '../../context.ts';
import type { AgreementRow, AgreementTemplate } from '../../../preload/contract/agreements.ts';
import { AgreementLevelLabel } from '../../../preload/contract/agreements.ts';
import { fail } from '../../errors.ts';
import { inTransaction, likePattern, Where } from '../../db/sql.ts';
import { sha256Hex } from '../../pdf/fingerprint.ts';
import { currentOperator, recordAudit } from '../audit/service.ts';
import { getAttachment, linkAttachment } from '../attachments/service.ts';
import { storeSignature } from '../commitments/service.ts';
import { getEnterprise, today } from '../enterprise/service.ts';
import { fillTemplate, readContent } from '../print/content.ts';

export type Level = AgreementRow['level'];
type TemplateText = Omit<AgreementTemplate, 'year' | 'saved' | 'updatedAtMs'>;

interface TemplateRow extends TemplateText {
  id: string;
  year: number;
  updatedAtMs: number;
}

export function getTemplate(app: AppContext, year: number): AgreementTemplate {
  const row = app.db.prepare('SELECT * FROM target_agreement_template WHERE year = ?').get(year) as TemplateRow | undefined;
  if (row) {
    return {
      year: row.year,
      saved: true,
      title: row.title,
      preamble: row.preamble,
      targetsCompanyUnit: row.targetsCompanyUnit,
      targetsUnitTeam: row.targetsUnitTeam,
      targetsTeamWorker: row.targetsTeamWorker,
      terms: row.terms,
      updatedAtMs: row.updatedAtMs,
    };
  }
  const d = readContent<TemplateText>(app, 'target-agreement.json');
  const fill = (s: string) => fillTemplate(s, { year });
  return {
    year,
    saved: false,
    title: fill(d.title),
    preamble: fill(d.preamble),
    targetsCompanyUnit: fill(d.targetsCompanyUnit),
    targetsUnitTeam: fill(d.targetsUnitTeam),
    targetsTeamWorker: fill(d.targetsTeamWorker),
    terms: fill(d.terms),
    updatedAtMs: null,
  };
}

function templateId(app: AppContext, year: number): string | null {
  return (app.db.prepare('SELECT id FROM target_agreement_template WHERE year = ?').get(year) as { id: string } | undefined)?.id ?? null;
}

export function agreementText(t: TemplateText, level: Level, partyA: string, partyB: string): string {
  const targets = level === 'COMPANY_UNIT' ? t.targetsCompanyUnit : level === 'UNIT_TEAM' ? t.targetsUnitTeam : t.targetsTeamWorker;
  return [`甲方：${partyA}`, `乙方：${partyB}`, '', t.preamble, '', '一、安全生产目标', targets, '', '二、考核与奖惩', t.terms].join('\n');
}

export function saveTemplate(app: AppContext, year: number, t: TemplateText): AgreementTemplate {
  return inTransaction(app.db, () => {
    const before = getTemplate(app, year);
    const nowMs = app.clock.nowMs();
    app.db
      .prepare(
        `INSERT INTO target_agreement_template (id, year, title, preamble, targetsCompanyUnit, targetsUnitTeam, targetsTeamWorker, terms, createdAtMs, updatedAtMs)
         VALUES (@id, @year, @title, @preamble, @targetsCompanyUnit, @targetsUnitTeam, @targetsTeamWorker, @terms, @nowMs, @nowMs)
         ON CONFLICT(year) DO UPDATE SET title = excluded.title, preamble = excluded.preamble, targetsCompanyUnit = excluded.targetsCompanyUnit,
           targetsUnitTeam = excluded.targetsUnitTeam, targetsTeamWorker = excluded.targetsTeamWorker, terms = excluded.terms, updatedAtMs = excluded.updatedAtMs`,
      )
      .run({ id: app.newId(), year, ...t, nowMs });
    const refreshed = refreshUnsigned(app, year);
    const after = getTemplate(app, year);
    recordAudit(app, { action: before.saved ? 'UPDATE' : 'CREATE', entityType: 'target_agreement', entityId: null, summary: `保存 ${year} 年度目标责任书模板${refreshed ? `，更新 ${refreshed} 份未签署的责任书` : ''}`, before: before.saved ? before : null, after });
    return after;
  });
}

/** Unsigned agreements follow the template; signed ones keep the text they were signed on. */
function refreshUnsigned(app: AppContext, year: number): number {
  const tid = templateId(app, year);
  if (!tid) return 0;
  const t = getTemplate(app, year);
  const rows = app.db
    .prepare(
      `SELECT a.id, a.level, a.partyAName, p.name AS partyBName, a.contentHash FROM target_agreement a JOIN person p ON p.id = a.partyBPersonId
       WHERE a.templateId = ? AND NOT EXISTS (SELECT 1 FROM target_agreement_signature s WHERE s.agreementId = a.id)`,
    )
    .all(tid) as { id: string; level: Level; partyAName: string; partyBName: string; contentHash: string }[];
  let n = 0;
  const upd = app.db.prepare('UPDATE target_agreement SET content = ?, contentHash = ? WHERE id = ?');
  for (const r of rows) {
    const content = agreementText(t, r.level, r.partyAName, r.partyBName);
    const hash = sha256Hex(content);
    if (hash !== r.contentHash) {
      upd.run(content, hash, r.id);
      n++;
    }
  }
  return n;
}

interface Planned {
  level: Level;
  unitId: string;
  partyAName: string;
  partyAPersonId: string | null;
  partyBPersonId: string;
  partyBName: string;
}

/**
 * Who signs with whom, down the organisation: the company with every
 * department/workshop head, each unit head with the team leaders beneath,
 * and each team leader (or unit head) with the staff of the unit.
 */
export function planAgreements(app: AppContext, levels: readonly Level[]): { planned: Planned[]; skipped: { unitName: string; reason: string }[] } {
  const e = getEnterprise(app);
  const units = app.db
    .prepare(`SELECT u.id, u.name, u.kind, u.parentId, u.headPersonId, h.name AS headName, h.status AS headStatus FROM unit u LEFT JOIN person h ON h.id = u.headPersonId`)
    .all() as { id: string; name: string; kind: string; parentId: string | null; headPersonId: string | null; headName: string | null; headStatus: string | null }[];
  const byId = new Map(units.map((u) => [u.id, u]));
  const headOf = (u: (typeof units)[number]) => (u.headPersonId && u.headStatus === 'ACTIVE' ? { id: u.headPersonId, name: u.headName! } : null);
  const planned: Planned[] = [];
  const skipped: { unitName: string; reason: string }[] = [];
  for (const u of units) {
    if (u.kind === 'COMPANY') continue;
    const head = headOf(u);
    if (levels.includes('COMPANY_UNIT') && u.kind !== 'TEAM') {
      if (!head) skipped.push({ unitName: u.name, reason: '未指定负责人，无法与公司签订' });
      else planned.push({ level: 'COMPANY_UNIT', unitId: u.id, partyAName: `${e.name}（主要负责人 ${e.principal?.name ?? '未指定'}）`, partyAPersonId: e.principal?.id ?? null, partyBPersonId: head.id, partyBName: head.name });
    }
    if (levels.includes('UNIT_TEAM') && u.kind === 'TEAM') {
      const parent = u.parentId ? byId.get(u.parentId) : undefined;
      const parentHead = parent ? headOf(parent) : null;
      if (!head) skipped.push({ unitName: u.name, reason: '班组未指定班组长' });
      else if (!parentHead) skipped.push({ unitName: u.name, reason: `上级单位「${parent?.name ?? ''}」未指定负责人` });
      else planned.push({ level: 'UNIT_TEAM', unitId: u.id, partyAName: `${parent!.name}负责人 ${parentHead.name}`, partyAPersonId: parentHead.id, partyBPersonId: head.id, partyBName: head.name });
    }
    if (levels.includes('TEAM_WORKER')) {
      const staff = app.db.prepare(`SELECT id, name FROM person WHERE unitId = ? AND status = 'ACTIVE' AND id IS NOT ? ORDER BY staffNo`).all(u.id, u.headPersonId) as { id: string; name: string }[];
      if (staff.length && !head) skipped.push({ unitName: u.name, reason: `未指定负责人，${staff.length} 名员工的责任书无法生成` });
      else for (const s of staff) planned.push({ level: 'TEAM_WORKER', unitId: u.id, partyAName: `${u.name}${u.kind === 'TEAM' ? '班组长' : '负责人'} ${head!.name}`, partyAPersonId: head!.id, partyBPersonId: s.id, partyBName: s.name });
    }
  }
  return { planned, skipped };
}

export function generateAgreements(app: AppContext, year: number, levels: readonly Level[]) {
  return inTransaction(app.db, () => {
    if (!getEnterprise(app).principal) fail.rule('尚未指定主要负责人：请先在「企业信息」中选择，公司一级的责任书由其签订');
    let tid = templateId(app, year);
    if (!tid) {
      const t = getTemplate(app, year);
      saveTemplate(app, year, t);
      tid = templateId(app, year)!;
    }
    const t = getTemplate(app, year);
    const { planned, skipped } = planAgreements(app, levels);
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const find = app.db.prepare('SELECT a.id, a.contentHash, a.partyAPersonId, (SELECT count(*) FROM target_agreement_signature s WHERE s.agreementId = a.id) AS signed FROM target_agreement a WHERE templateId = ? AND level = ? AND unitId = ? AND partyBPersonId = ?');
    const insert = app.db.prepare(
      `INSERT INTO target_agreement (id, templateId, level, unitId, partyAName, partyAPersonId, partyBPersonId, content, contentHash, createdAtMs)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const update = app.db.prepare('UPDATE target_agreement SET partyAName = ?, partyAPersonId = ?, content = ?, contentHash = ? WHERE id = ?');
    const nowMs = app.clock.nowMs();
    for (const p of planned) {
      const content = agreementText(t, p.level, p.partyAName, p.partyBName);
      const hash = sha256Hex(content);
      const existing = find.get(tid, p.level, p.unitId, p.partyBPersonId) as { id: string; contentHash: string; partyAPersonId: string | null; signed: number } | undefined;
      if (!existing) {
        insert.run(app.newId(), tid, p.level, p.unitId, p.partyAName, p.partyAPersonId, p.partyBPersonId, content, hash, nowMs);
        created++;
      } else if (existing.signed === 0 && existing.contentHash !== hash) {
        update.run(p.partyAName, p.partyAPersonId, content, hash, existing.id);
        updated++;
      } else {
        unchanged++;
      }
    }
    recordAudit(app, {
      action: 'CREATE',
      entityType: 'target_agreement',
      entityId: null,
      summary: `批量生成 ${year} 年度目标责任书：新增 ${created} 份，更新 ${updated} 份${skipped.length ? `，${skipped.length} 个单位未能生成` : ''}`,
      after: { levels, created, updated, unchanged, skipped },
    });
    return { created, updated, unchanged, skipped };
  });
}

interface AgreementDbRow {
  id: string;
  year: number;
  title: string;
  level: Level;
  unitId: string;
  unitName: string;
  partyAName: string;
  partyAPersonId: string | null;
  partyAPersonName: string | null;
  partyBPersonId: string;
  partyBName: string;
  partyBStaffNo: string;
  content: string;
  contentHash: string;
  sigA: string | null;
  sigB: string | null;
}

const SELECT_AGREEMENTS = `
  SELECT a.id, t.year, t.title, a.level, a.unitId, u.name AS unitName, a.partyAName, a.partyAPersonId, pa.name AS partyAPersonName,
    a.partyBPersonId, pb.name AS partyBName, pb.staffNo AS partyBStaffNo, a.content, a.contentHash,
    (SELECT json_object('method', method, 'signerName', signerName, 'signedOn', signedOn) FROM target_agreement_signature s WHERE s.agreementId = a.id AND s.party = 'A') AS sigA,
    (SELECT json_object('method', method, 'signerName', signerName, 'signedOn', signedOn) FROM target_agreement_signature s WHERE s.agreementId = a.id AND s.party = 'B') AS sigB
  FROM target_agreement a
  JOIN target_agreement_template t ON t.id = a.templateId
  JOIN unit u ON u.id = a.unitId
  JOIN person pb ON pb.id = a.partyBPersonId
  LEFT JOIN person pa ON pa.id = a.partyAPersonId`;

const STATUS_SQL = `(CASE (SELECT count(*) FROM target_agreement_signature s WHERE s.agreementId = a.id) WHEN 0 THEN 'UNSIGNED' WHEN 2 THEN 'SIGNED' ELSE 'PARTIAL' END)`;

function toRow(r: AgreementDbRow): AgreementRow {
  const a = r.sigA ? (JSON.parse(r.sigA) as AgreementRow['signatureA']) : null;
  const b = r.sigB ? (JSON.parse(r.sigB) as AgreementRow['signatureB']) : null;
  return {
    id: r.id,
    year: r.year,
    level: r.level,
    unitId: r.unitId,
    unitName: r.unitName,
    partyAName: r.partyAName,
    partyAPerson: r.partyAPersonName,
    partyBPersonId: r.partyBPersonId,
    partyBName: r.partyBName,
    partyBStaffNo: r.partyBStaffNo,
    status: a && b ? 'SIGNED' : a || b ? 'PARTIAL' : 'UNSIGNED',
    signatureA: a,
    signatureB: b,
    contentHash: r.contentHash,
  };
}

export interface AgreementFilter {
  year: number;
  level?: Level | undefined;
  unitId: string | null;
  status?: AgreementRow['status'] | undefined;
  search: string | null;
  page: number;
  pageSize: number;
}

function filterSql(f: Omit<AgreementFilter, 'page' | 'pageSize'>): { cte: string; w: Where } {
  const w = new Where().add('t.year = @year', { year: f.year });
  let cte = '';
  if (f.level) w.add('a.level = @level', { level: f.level });
  if (f.unitId) {
    cte = `WITH RECURSIVE sub(id) AS (SELECT @unitId UNION ALL SELECT x.id FROM unit x JOIN sub ON x.parentId = sub.id)`;
    w.add('a.unitId IN (SELECT id FROM sub)', { unitId: f.unitId });
  }
  if (f.status) w.add(`${STATUS_SQL} = @status`, { status: f.status });
  if (f.search) w.add(`(pb.name LIKE @q ESCAPE '\\' OR pb.staffNo LIKE @q ESCAPE '\\' OR a.partyAName LIKE @q ESCAPE '\\' OR u.name LIKE @q ESCAPE '\\')`, { q: likePattern(f.search) });
  return { cte, w };
}

const LEVEL_ORDER = `CASE a.level WHEN 'COMPANY_UNIT' THEN 1 WHEN 'UNIT_TEAM' THEN 2 ELSE 3 END`;

export function listAgreements(app: AppContext, f: AgreementFilter): { items: AgreementRow[]; total: number } {
  const { cte, w } = filterSql(f);
  const total = (
    app.db
      .prepare(`${cte} SELECT count(*) AS n FROM target_agreement a JOIN target_agreement_template t ON t.id = a.templateId JOIN unit u ON u.id = a.unitId JOIN person pb ON pb.id = a.partyBPersonId ${w.sql}`)
      .get(w.params) as { n: number }
  ).n;
  const rows = app.db
    .prepare(`${cte} ${SELECT_AGREEMENTS} ${w.sql} ORDER BY ${LEVEL_ORDER}, u.sortOrder, u.name, pb.staffNo LIMIT @limit OFFSET @offset`)
    .all({ ...w.params, limit: f.pageSize, offset: (f.page - 1) * f.pageSize }) as AgreementDbRow[];
  return { items: rows.map(toRow), total };
}

/** All agreements matching a filter with their text, for printing. */
export function agreementsForPrint(app: AppContext, f: Omit<AgreementFilter, 'page' | 'pageSize'>) {
  const { cte, w } = filterSql(f);
  const rows = app.db.prepare(`${cte} ${SELECT_AGREEMENTS} ${w.sql} ORDER BY ${LEVEL_ORDER}, u.sortOrder, u.name, pb.staffNo`).all(w.params) as AgreementDbRow[];
  return rows.map((r) => ({ ...toRow(r), content: r.content, title: r.title }));
}

export function getAgreement(app: AppContext, id: string) {
  const r = app.db.prepare(`${SELECT_AGREEMENTS} WHERE a.id = ?`).get(id) as AgreementDbRow | undefined;
  if (!r) return fail.notFound('目标责任书');
  return { ...toRow(r), content: r.content, title: r.title };
}

export function signatureImages(app: AppContext, agreementId: string): { A: string | null; B: string | null } {
  const rows = app.db.prepare('SELECT party, signatureAttachmentId FROM target_agreement_signature WHERE agreementId = ?').all(agreementId) as { party: 'A' | 'B'; signatureAttachmentId: string | null }[];
  return { A: rows.find((r) => r.party === 'A')?.signatureAttachmentId ?? null, B: rows.find((r) => r.party === 'B')?.signatureAttachmentId ?? null };
}

export function agreementProgress(app: AppContext, year: number) {
  const levels = (['COMPANY_UNIT', 'UNIT_TEAM', 'TEAM_WORKER'] as const).map((level) => {
    const r = app.db
      .prepare(
        `SELECT count(*) AS total, sum(${STATUS_SQL} = 'SIGNED') AS signed, sum(${STATUS_SQL} = 'PARTIAL') AS partial
         FROM target_agreement a JOIN target_agreement_template t ON t.id = a.templateId WHERE t.year = ? AND a.level = ?`,
      )
      .get(year, level) as { total: number; signed: number | null; partial: number | null };
    const signed = r.signed ?? 0;
    const partial = r.partial ?? 0;
    return { level, total: r.total, signed, partial, unsigned: r.total - signed - partial };
  });
  const units = app.db
    .prepare(
      `SELECT a.unitId, u.name AS unitName, count(*) AS total, sum(${STATUS_SQL} = 'SIGNED') AS signed
       FROM target_agreement a JOIN target_agreement_template t ON t.id = a.templateId JOIN unit u ON u.id = a.unitId
       WHERE t.year = ? GROUP BY a.unitId ORDER BY u.sortOrder, u.name`,
    )
    .all(year) as { unitId: string; unitName: string; total: number; signed: number | null }[];
  return { year, levels, units: units.map((u) => ({ ...u, signed: u.signed ?? 0 })) };
}

function insertPartySignature(app: AppContext, agreementId: string, party: 'A' | 'B', signer: { id: string | null; name: string }, method: 'ON_SCREEN' | 'WET_SCAN', signedOn: string, contentHash: string, signatureAttachmentId: string | null, scanAttachmentId: string | null) {
  app.db
    .prepare(
      `INSERT INTO target_agreement_signature (id, agreementId, party, signerPersonId, signerName, method, signedOn, signedAtMs, contentHash, signatureAttachmentId, scanAttachmentId, recordedByOperator)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(app.newId(), agreementId, party, signer.id, signer.name, method, signedOn, app.clock.nowMs(), contentHash, signatureAttachmentId, scanAttachmentId, currentOperator(app).name);
}

function partySigner(a: ReturnType<typeof getAgreement>, party: 'A' | 'B') {
  return party === 'A' ? { id: null as string | null, name: a.partyAPerson ?? a.partyAName } : { id: a.partyBPersonId, name: a.partyBName };
}

export function signAgreement(app: AppContext, id: string, party: 'A' | 'B', pngBase64: string, signedOnInput: string | null) {
  return inTransaction(app.db, () => {
    const before = getAgreement(app, id);
    const existing = party === 'A' ? before.signatureA : before.signatureB;
    if (existing) fail.rule(`${party === 'A' ? '甲方' : '乙方'}已于 ${existing.signedOn} 签署，内容未改变，不能重复签署`);
    const signedOn = signedOnInput ?? today(app);
    if (signedOn > today(app)) fail.field('signedOn', '签署日期不能晚于今天');
    const signer = partySigner(before, party);
    const sig = storeSignature(app, pngBase64, `签名-${signer.name}-${before.year}-目标责任书.png`);
    const personId = party === 'A' ? (app.db.prepare('SELECT partyAPersonId FROM target_agreement WHERE id = ?').get(id) as { partyAPersonId: string | null }).partyAPersonId : before.partyBPersonId;
    insertPartySignature(app, id, party, { id: personId, name: signer.name }, 'ON_SCREEN', signedOn, before.contentHash, sig.id, null);
    const after = getAgreement(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'target_agreement', entityId: id, summary: `${signer.name}（${party === 'A' ? '甲方' : '乙方'}）签署 ${before.year} 年度目标责任书（${AgreementLevelLabel[before.level]}，乙方 ${before.partyBName}）` });
    return after;
  });
}

export function signAgreementWithScan(app: AppContext, id: string, scanAttachmentId: string, signedOn: string) {
  return inTransaction(app.db, () => {
    const before = getAgreement(app, id);
    if (before.status === 'SIGNED') fail.rule('双方均已签署，不能重复签署');
    if (signedOn > today(app)) fail.field('signedOn', '签署日期不能晚于今天');
    getAttachment(app, scanAttachmentId);
    const personA = (app.db.prepare('SELECT partyAPersonId FROM target_agreement WHERE id = ?').get(id) as { partyAPersonId: string | null }).partyAPersonId;
    if (!before.signatureA) insertPartySignature(app, id, 'A', { id: personA, name: partySigner(before, 'A').name }, 'WET_SCAN', signedOn, before.contentHash, null, scanAttachmentId);
    if (!before.signatureB) insertPartySignature(app, id, 'B', partySigner(before, 'B'), 'WET_SCAN', signedOn, before.contentHash, null, scanAttachmentId);
    linkAttachment(app, scanAttachmentId, 'target_agreement', id, 'signedScan');
    recordAudit(app, { action: 'UPDATE', entityType: 'target_agreement', entityId: id, summary: `登记 ${before.year} 年度目标责任书（乙方 ${before.partyBName}）的线下签署扫描件` });
    return getAgreement(app, id);
  });
}
