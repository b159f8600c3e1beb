import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { CardContent, type CardPostStatus, type CardSet } from '../../../preload/contract/cards.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { addYears } from '../../domain/dates.ts';
import { recordAudit } from '../audit/service.ts';
import { today } from '../enterprise/service.ts';
import { unitPaths } from '../org/repo.ts';
import { readContent } from '../print/content.ts';
import { getList, listInForce } from '../duties/service.ts';
import { suggestTemplate } from '../duties/templates.ts';
import { registerRiskItems } from '../risk/posts.ts';

/** 两单两卡 content library by trade (resources/content/post-cards.json). */
const LibraryFile = z.object({
  version: z.number().int().optional(),
  cards: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      match: z.array(z.string()),
      ppe: CardContent.shape.ppe,
      risk: CardContent.shape.risk,
      duty: CardContent.shape.duty,
      operation: CardContent.shape.operation,
      emergency: CardContent.shape.emergency,
    }),
  ),
});
export type LibraryCard = z.output<typeof LibraryFile>['cards'][number];

export function cardLibrary(app: AppContext): LibraryCard[] {
  return LibraryFile.parse(readContent<unknown>(app, 'post-cards.json')).cards;
}

const DEFAULT_APPLICABLE: CardContent['applicable'] = ['REGULAR', 'DISPATCHED', 'FLEXIBLE', 'INTERN'];

interface CardRow {
  id: string;
  postId: string;
  version: number;
  status: 'DRAFT' | 'APPROVED';
  libraryKey: string | null;
  applicableJson: string;
  ppeJson: string;
  riskJson: string;
  dutyJson: string;
  operationJson: string;
  emergencyJson: string;
  compiledBy: string | null;
  reviewedBy: string | null;
  approvedBy: string | null;
  publishedOn: string | null;
  nextReviewOn: string | null;
  changeReason: string | null;
  createdAtMs: number;
  updatedAtMs: number;
}

/** A risk list drawn from the register is read from it every time, so a changed risk shows at once. */
function liveRisk(app: AppContext, postId: string, stored: CardSet['risk']): CardSet['risk'] {
  const fromRegister = stored.fromRegister === true;
  return fromRegister ? { items: registerRiskItems(app, postId), mnemonic: stored.mnemonic ?? null, fromRegister } : { items: stored.items, mnemonic: stored.mnemonic ?? null, fromRegister: false };
}

function toCardSet(app: AppContext, r: CardRow, currentId: string | null, todayStr: string): CardSet {
  const post = app.db.prepare('SELECT t.name, t.trade, u.name AS unitName FROM post t JOIN unit u ON u.id = t.unitId WHERE t.id = ?').get(r.postId) as { name: string; trade: string | null; unitName: string };
  return {
    id: r.id,
    postId: r.postId,
    postName: post.name,
    unitName: post.unitName,
    trade: post.trade,
    version: r.version,
    status: r.status,
    state: r.status === 'DRAFT' ? 'DRAFT' : r.id === currentId ? 'CURRENT' : 'SUPERSEDED',
    libraryKey: r.libraryKey,
    applicable: JSON.parse(r.applicableJson) as CardSet['applicable'],
    ppe: JSON.parse(r.ppeJson) as string[],
    risk: liveRisk(app, r.postId, JSON.parse(r.riskJson) as CardSet['risk']),
    duty: JSON.parse(r.dutyJson) as CardSet['duty'],
    operation: JSON.parse(r.operationJson) as CardSet['operation'],
    emergency: JSON.parse(r.emergencyJson) as CardSet['emergency'],
    compiledBy: r.compiledBy,
    reviewedBy: r.reviewedBy,
    approvedBy: r.approvedBy,
    publishedOn: r.publishedOn,
    nextReviewOn: r.nextReviewOn,
    changeReason: r.changeReason,
    reviewOverdue: r.status === 'APPROVED' && r.id === currentId && r.nextReviewOn !== null && r.nextReviewOn < todayStr,
    createdAtMs: r.createdAtMs,
    updatedAtMs: r.updatedAtMs,
  };
}

function currentRow(app: AppContext, postId: string): CardRow | null {
  return (app.db.prepare(`SELECT * FROM card_set WHERE postId = ? AND status = 'APPROVED' ORDER BY version DESC LIMIT 1`).get(postId) as CardRow | undefined) ?? null;
}

export function currentCards(app: AppContext, postId: string): CardSet | null {
  const r = currentRow(app, postId);
  return r ? toCardSet(app, r, r.id, today(app)) : null;
}

export function getCardSet(app: AppContext, id: string): CardSet {
  const r = app.db.prepare('SELECT * FROM card_set WHERE id = ?').get(id) as CardRow | undefined;
  if (!r) return fail.notFound('两单两卡');
  return toCardSet(app, r, currentRow(app, r.postId)?.id ?? null, today(app));
}

export function cardVersions(app: AppContext, postId: string): CardSet[] {
  const cur = currentRow(app, postId)?.id ?? null;
  const t = today(app);
  return (app.db.prepare('SELECT * FROM card_set WHERE postId = ? ORDER BY version DESC').all(postId) as CardRow[]).map((r) => toCardSet(app, r, cur, t));
}

export function cardPosts(app: AppContext, unitId: string | null): CardPostStatus[] {
  const t = today(app);
  const paths = unitPaths(app.db);
  const lib = cardLibrary(app);
  const rows = app.db
    .prepare(
      `WITH RECURSIVE sub(id) AS (SELECT @unitId UNION ALL SELECT x.id FROM unit x JOIN sub ON x.parentId = sub.id)
       SELECT t.id, t.name, t.trade, t.unitId,
         (SELECT count(*) FROM person_post pp JOIN person p ON p.id = pp.personId WHERE pp.postId = t.id AND pp.endDate IS NULL AND p.status = 'ACTIVE') AS holders,
         (SELECT id FROM card_set c WHERE c.postId = t.id AND c.status = 'DRAFT') AS draftId
       FROM post t JOIN unit u ON u.id = t.unitId
       WHERE t.archivedAtMs IS NULL AND t.category = 'FRONTLINE' AND (@unitId IS NULL OR t.unitId IN (SELECT id FROM sub))
       ORDER BY u.sortOrder, u.name, t.name`,
    )
    .all({ unitId }) as { id: string; name: string; trade: string | null; unitId: string; holders: number; draftId: string | null }[];
  const acked = app.db.prepare(
    `SELECT count(*) AS n FROM card_ack a JOIN person_post pp ON pp.personId = a.personId AND pp.postId = ? AND pp.endDate IS NULL JOIN person p ON p.id = a.personId AND p.status = 'ACTIVE' WHERE a.cardSetId = ?`,
  );
  const checks = app.db.prepare(`SELECT count(*) AS total, ifnull(sum(passed), 0) AS passed FROM card_check k JOIN card_set c ON c.id = k.cardSetId WHERE c.postId = ?`);
  return rows.map((p) => {
    const cur = currentRow(app, p.id);
    return {
      postId: p.id,
      postName: p.name,
      unitPath: paths.get(p.unitId) ?? '',
      trade: p.trade,
      holderCount: p.holders,
      current: cur ? { id: cur.id, version: cur.version, publishedOn: cur.publishedOn!, nextReviewOn: cur.nextReviewOn, reviewOverdue: cur.nextReviewOn !== null && cur.nextReviewOn < t } : null,
      draftId: p.draftId,
      acknowledged: cur ? (acked.get(p.id, cur.id) as { n: number }).n : 0,
      checks: checks.get(p.id) as { total: number; passed: number },
      suggestedLibraryKey: suggestTemplate(lib, p.name, p.trade),
    };
  });
}

const EMPTY: CardContent = { applicable: DEFAULT_APPLICABLE, ppe: [], risk: { items: [], mnemonic: null, fromRegister: false }, duty: { items: [], mnemonic: null }, operation: { steps: [], mnemonic: null }, emergency: { scenarios: [], mnemonic: null } };

function insertCard(app: AppContext, postId: string, version: number, content: CardContent, libraryKey: string | null, changeReason: string | null): string {
  const id = app.newId();
  const nowMs = app.clock.nowMs();
  app.db
    .prepare(
      `INSERT INTO card_set (id, postId, version, status, libraryKey, applicableJson, ppeJson, riskJson, dutyJson, operationJson, emergencyJson, changeReason, createdAtMs, updatedAtMs)
       VALUES (?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, postId, version, libraryKey, JSON.stringify(content.applicable), JSON.stringify(content.ppe), JSON.stringify(content.risk), JSON.stringify(content.duty), JSON.stringify(content.operation), JSON.stringify(content.emergency), changeReason, nowMs, nowMs);
  return id;
}

export function createCardDraft(app: AppContext, postId: string, opts: { libraryKey: string | null; copyCurrent: boolean; reason: string }): CardSet {
  return inTransaction(app.db, () => {
    const post = app.db.prepare('SELECT name, category, archivedAtMs FROM post WHERE id = ?').get(postId) as { name: string; category: string; archivedAtMs: number | null } | undefined;
    if (!post) return fail.notFound('岗位');
    if (post.archivedAtMs !== null) fail.rule(`岗位「${post.name}」已归档`);
    if (post.category !== 'FRONTLINE') fail.rule(`「${post.name}」是管理岗位；两单两卡用于一线岗位`);
    if (app.db.prepare(`SELECT 1 FROM card_set WHERE postId = ? AND status = 'DRAFT'`).get(postId)) fail.rule(`岗位「${post.name}」已有未发布的两单两卡草稿，请继续编辑或删除后再建立`);
    let content: CardContent = EMPTY;
    if (opts.libraryKey) {
      const lib = cardLibrary(app).find((c) => c.key === opts.libraryKey) ?? fail.field('libraryKey', `内容库中没有「${opts.libraryKey}」`);
      content = { applicable: DEFAULT_APPLICABLE, ppe: lib.ppe, risk: lib.risk, duty: lib.duty, operation: lib.operation, emergency: lib.emergency };
    } else if (opts.copyCurrent) {
      const cur = currentCards(app, postId) ?? fail.field('copyCurrent', `岗位「${post.name}」还没有已发布的两单两卡`);
      content = { applicable: cur.applicable, ppe: cur.ppe, risk: cur.risk, duty: cur.duty, operation: cur.operation, emergency: cur.emergency };
    }
    const v = (app.db.prepare('SELECT ifnull(max(version), 0) + 1 AS v FROM card_set WHERE postId = ?').get(postId) as { v: number }).v;
    const id = insertCard(app, postId, v, content, opts.libraryKey, opts.reason);
    const card = getCardSet(app, id);
    recordAudit(app, { action: 'CREATE', entityType: 'card_set', entityId: id, summary: `建立岗位「${post.name}」两单两卡草稿（第 ${v} 版，${opts.reason}）` });
    return card;
  });
}

function draftCard(app: AppContext, id: string): CardSet {
  const card = getCardSet(app, id);
  if (card.status !== 'DRAFT') fail.rule(`第 ${card.version} 版两单两卡已于 ${card.publishedOn} 发布，不能再修改；请建立新版本`);
  return card;
}

export function saveCardDraft(app: AppContext, id: string, content: CardContent, compiledBy: string | null, reviewedBy: string | null, changeReason: string | null): CardSet {
  return inTransaction(app.db, () => {
    const before = draftCard(app, id);
    app.db
      .prepare(
        `UPDATE card_set SET applicableJson = ?, ppeJson = ?, riskJson = ?, dutyJson = ?, operationJson = ?, emergencyJson = ?, compiledBy = ?, reviewedBy = ?, changeReason = ifnull(?, changeReason), updatedAtMs = ? WHERE id = ?`,
      )
      .run(JSON.stringify(content.applicable), JSON.stringify(content.ppe), JSON.stringify(content.risk), JSON.stringify(content.duty), JSON.stringify(content.operation), JSON.stringify(content.emergency), compiledBy, reviewedBy, changeReason, app.clock.nowMs(), id);
    const after = getCardSet(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'card_set', entityId: id, summary: `修改岗位「${after.postName}」两单两卡草稿（第 ${after.version} 版）`, before: { risk: before.risk, duty: before.duty, operation: before.operation, emergency: before.emergency }, after: { risk: after.risk, duty: after.duty, operation: after.operation, emergency: after.emergency } });
    return after;
  });
}

/** Replaces the draft's 岗位职责清单 with the post's current responsibility list (its source clauses). */
export function dutiesFromList(app: AppContext, id: string): CardSet {
  const card = draftCard(app, id);
  const list = listInForce(app, card.postId);
  if (!list) fail.rule(`岗位「${card.postName}」还没有现行的责任清单；请先在「全员责任制」中编制并批准`);
  const items = getList(app, list.id).items.map((i) => (i.content.length > 80 ? `${i.content.slice(0, 79)}…` : i.content)).slice(0, 12);
  return saveCardDraft(app, id, { ...card, duty: { items, mnemonic: card.duty.mnemonic } }, card.compiledBy, card.reviewedBy, null);
}

/** Switches the draft's risk list to the register (live) or back to hand-edited items (a copy of what it shows now). */
export function riskFromRegister(app: AppContext, id: string, fromRegister: boolean): CardSet {
  return inTransaction(app.db, () => {
    const card = draftCard(app, id);
    if (fromRegister && !registerRiskItems(app, card.postId).length) {
      fail.rule(`风险清单中还没有关联岗位「${card.postName}」的已批准风险点；请先在风险点上选择作业岗位并批准`);
    }
    const risk = fromRegister ? { items: [], mnemonic: card.risk.mnemonic, fromRegister: true } : { items: card.risk.items, mnemonic: card.risk.mnemonic, fromRegister: false };
    app.db.prepare('UPDATE card_set SET riskJson = ?, updatedAtMs = ? WHERE id = ?').run(JSON.stringify(risk), app.clock.nowMs(), id);
    const after = getCardSet(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'card_set', entityId: id, summary: `岗位「${card.postName}」两单两卡的岗位风险清单${fromRegister ? `改为由风险分级管控清单自动生成（${after.risk.items.length} 条）` : '改为手工编辑'}` });
    return after;
  });
}

export function deleteCardDraft(app: AppContext, id: string): void {
  inTransaction(app.db, () => {
    const card = draftCard(app, id);
    app.db.prepare('DELETE FROM card_set WHERE id = ?').run(id);
    recordAudit(app, { action: 'DELETE', entityType: 'card_set', entityId: id, summary: `删除岗位「${card.postName}」两单两卡草稿（第 ${card.version} 版）` });
  });
}

/** What a card set must contain before it can be published; null when complete. */
export function cardIncomplete(c: CardContent): { path: string; message: string } | null {
  if (!c.risk.items.length) return { path: 'risk', message: '岗位风险清单至少要有一条风险' };
  if (!c.duty.items.length) return { path: 'duty', message: '岗位职责清单至少要有一条职责' };
  if (!c.operation.steps.length) return { path: 'operation', message: '岗位操作卡至少要有一个操作步骤' };
  if (!c.emergency.scenarios.length) return { path: 'emergency', message: '岗位应急处置卡至少要有一个事故情形及处置步骤' };
  return null;
}

export function approveCards(app: AppContext, id: string, a: { compiledBy: string; reviewedBy: string; approverPersonId: string; publishedOn: string; nextReviewOn: string | null }): CardSet {
  return inTransaction(app.db, () => {
    const card = draftCard(app, id);
    const gap = cardIncomplete(card);
    if (gap) fail.field(gap.path, `${gap.message}，补充后才能发布`);
    const approver = app.db.prepare('SELECT name, status FROM person WHERE id = ?').get(a.approverPersonId) as { name: string; status: string } | undefined;
    if (!approver) fail.field('approverPersonId', '请选择批准人');
    if (approver.status !== 'ACTIVE') fail.field('approverPersonId', `批准人「${approver.name}」已离职，请选择在职人员`);
    if (a.publishedOn > today(app)) fail.field('publishedOn', '发布日期不能晚于今天');
    const next = a.nextReviewOn ?? addYears(a.publishedOn, 1);
    if (next <= a.publishedOn) fail.field('nextReviewOn', '下次复审日期应晚于发布日期');
    app.db
      .prepare(`UPDATE card_set SET status = 'APPROVED', compiledBy = ?, reviewedBy = ?, approvedBy = ?, publishedOn = ?, nextReviewOn = ?, approvedAtMs = ?, updatedAtMs = ? WHERE id = ?`)
      .run(a.compiledBy, a.reviewedBy, approver.name, a.publishedOn, next, app.clock.nowMs(), app.clock.nowMs(), id);
    const after = getCardSet(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'card_set', entityId: id, summary: `发布岗位「${after.postName}」两单两卡第 ${after.version} 版（编制 ${a.compiledBy}，审核 ${a.reviewedBy}，批准 ${approver.name}）` });
    return after;
  });
}

export function cardChecks(app: AppContext, postId: string) {
  const rows = app.db
    .prepare(
      `SELECT k.id, k.personId, p.name AS personName, k.checkedOn, k.checkerName, k.passed, k.notes, c.version
       FROM card_check k JOIN card_set c ON c.id = k.cardSetId JOIN person p ON p.id = k.personId
       WHERE c.postId = ? ORDER BY k.checkedOn DESC, k.createdAtMs DESC`,
    )
    .all(postId) as { id: string; personId: string; personName: string; checkedOn: string; checkerName: string; passed: number; notes: string | null; version: number }[];
  return rows.map((r) => ({ ...r, passed: r.passed === 1 }));
}

export function recordCardCheck(app: AppContext, c: { postId: string; personId: string; checkedOn: string; checkerName: string; passed: boolean; notes: string | null }) {
  return inTransaction(app.db, () => {
    const card = currentCards(app, c.postId) ?? fail.rule('该岗位还没有已发布的两单两卡，无法抽查');
    const person = app.db.prepare('SELECT name FROM person WHERE id = ?').get(c.personId) as { name: string } | undefined;
    if (!person) fail.field('personId', '人员不存在');
    if (!app.db.prepare('SELECT 1 FROM person_post WHERE personId = ? AND postId = ? AND endDate IS NULL').get(c.personId, c.postId)) {
      fail.field('personId', `「${person.name}」不在岗位「${card.postName}」`);
    }
    if (c.checkedOn > today(app)) fail.field('checkedOn', '抽查日期不能晚于今天');
    if (!c.passed && !c.notes) fail.field('notes', '未通过时请写明哪一部分没有说清楚，便于复训');
    app.db
      .prepare('INSERT INTO card_check (id, cardSetId, personId, checkedOn, checkerName, passed, notes, createdAtMs) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(app.newId(), card.id, c.personId, c.checkedOn, c.checkerName, c.passed ? 1 : 0, c.notes, app.clock.nowMs());
    recordAudit(app, { action: 'CREATE', entityType: 'card_set', entityId: card.id, summary: `${c.checkerName} 抽查 ${person.name}（${card.postName}）两单两卡背诵：${c.passed ? '通过' : '未通过'}` });
    return cardChecks(app, c.postId);
  });
}
