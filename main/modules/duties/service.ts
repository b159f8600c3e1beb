import type { AppContext } from '../../context.ts';
import type { DutyItem, DutyList, DutyListSummary, Holder, PostDutyStatus } from '../../../preload/contract/duties.ts';
import type { DutyCategory } from '../../../preload/contract/enums.ts';
import { AppError, fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { dateInZone } from '../../domain/dates.ts';
import { describeChanges, diffItems, inForceOn, nextVersion, versionLabel, type ItemChanges } from '../../domain/duties.ts';
import { currentOperator, recordAudit } from '../audit/service.ts';
import { storeSignature } from '../commitments/service.ts';
import { enterpriseTimeZone } from '../enterprise/repo.ts';
import { today } from '../enterprise/service.ts';
import { unitPaths } from '../org/repo.ts';
import { allTemplates, getTemplate, suggestTemplate, type TemplateItem } from './templates.ts';

interface ListRow {
  id: string;
  postId: string;
  year: number;
  revision: number;
  status: 'DRAFT' | 'APPROVED';
  reason: string;
  templateKey: string | null;
  effectiveFrom: string | null;
  approverPersonId: string | null;
  approverName: string | null;
  approvedAtMs: number | null;
  changesJson: string | null;
  createdAtMs: number;
  updatedAtMs: number;
}

interface ApprovedRow extends ListRow {
  effectiveFrom: string;
  approvedAtMs: number;
}

function approvedOf(app: AppContext, postId: string): ApprovedRow[] {
  return app.db.prepare(`SELECT * FROM duty_list WHERE postId = ? AND status = 'APPROVED'`).all(postId) as ApprovedRow[];
}

/** The approved list of a post in force on a date (default today). */
export function listInForce(app: AppContext, postId: string, date = today(app)): ApprovedRow | null {
  return inForceOn(approvedOf(app, postId), date);
}

function itemsOf(app: AppContext, listId: string): DutyItem[] {
  return app.db
    .prepare('SELECT id, itemNo, content, category, legalBasis, scope, assessmentStandard, weight FROM duty_item WHERE listId = ? ORDER BY itemNo')
    .all(listId) as DutyItem[];
}

function summary(app: AppContext, r: ListRow, inForceId: string | null, todayStr: string): DutyListSummary {
  const agg = app.db.prepare('SELECT count(*) AS n, ifnull(sum(weight), 0) AS w FROM duty_item WHERE listId = ?').get(r.id) as { n: number; w: number };
  const changes = r.changesJson ? (JSON.parse(r.changesJson) as ItemChanges) : null;
  return {
    id: r.id,
    postId: r.postId,
    year: r.year,
    revision: r.revision,
    label: versionLabel(r),
    status: r.status,
    state: r.status === 'DRAFT' ? 'DRAFT' : r.id === inForceId ? 'IN_FORCE' : (r.effectiveFrom ?? '') > todayStr ? 'FUTURE' : 'SUPERSEDED',
    reason: r.reason,
    templateKey: r.templateKey,
    effectiveFrom: r.effectiveFrom,
    approverName: r.approverName,
    approvedAtMs: r.approvedAtMs,
    changes,
    changesText: changes ? describeChanges(changes) : null,
    itemCount: agg.n,
    totalWeight: agg.w,
    createdAtMs: r.createdAtMs,
    updatedAtMs: r.updatedAtMs,
  };
}

export function listVersions(app: AppContext, postId: string): DutyListSummary[] {
  const t = today(app);
  const inForce = listInForce(app, postId, t);
  const rows = app.db.prepare('SELECT * FROM duty_list WHERE postId = ? ORDER BY year DESC, revision DESC').all(postId) as ListRow[];
  return rows.map((r) => summary(app, r, inForce?.id ?? null, t));
}

export function getList(app: AppContext, id: string): DutyList {
  const r = app.db.prepare('SELECT * FROM duty_list WHERE id = ?').get(id) as ListRow | undefined;
  if (!r) return fail.notFound('责任清单');
  const t = today(app);
  const post = app.db.prepare('SELECT t.name AS postName, t.unitId, u.name AS unitName FROM post t JOIN unit u ON u.id = t.unitId WHERE t.id = ?').get(r.postId) as { postName: string; unitId: string; unitName: string };
  return {
    ...summary(app, r, listInForce(app, r.postId, t)?.id ?? null, t),
    postName: post.postName,
    unitName: post.unitName,
    unitPath: unitPaths(app.db).get(post.unitId) ?? post.unitName,
    items: itemsOf(app, id),
  };
}

function postOrFail(app: AppContext, postId: string) {
  const p = app.db.prepare('SELECT id, name, trade, archivedAtMs FROM post WHERE id = ?').get(postId) as { id: string; name: string; trade: string | null; archivedAtMs: number | null } | undefined;
  if (!p) return fail.notFound('岗位');
  return p;
}

function insertItems(app: AppContext, listId: string, items: readonly TemplateItem[]): void {
  const ins = app.db.prepare(
    'INSERT INTO duty_item (id, listId, itemNo, content, category, legalBasis, scope, assessmentStandard, weight) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  items.forEach((it, i) => ins.run(app.newId(), listId, i + 1, it.content, it.category, it.legalBasis, it.scope, it.assessmentStandard, it.weight));
}

export function createDraft(app: AppContext, postId: string, opts: { templateKey: string | null; copyCurrent: boolean; reason: string }): DutyList {
  return inTransaction(app.db, () => {
    const post = postOrFail(app, postId);
    if (post.archivedAtMs !== null) fail.rule(`岗位「${post.name}」已归档，不能再编制责任清单`);
    const draft = app.db.prepare(`SELECT year, revision FROM duty_list WHERE postId = ? AND status = 'DRAFT'`).get(postId) as { year: number; revision: number } | undefined;
    if (draft) fail.rule(`岗位「${post.name}」已有未批准的草稿（${versionLabel(draft)}），请继续编辑或删除后再建立`);
    if (opts.templateKey && opts.copyCurrent) fail.field('templateKey', '请选择「从模板」或「从现行版本修订」其中一种');
    let items: TemplateItem[] = [];
    if (opts.templateKey) items = getTemplate(app, opts.templateKey).items;
    else if (opts.copyCurrent) {
      const cur = listInForce(app, postId) ?? (approvedOf(app, postId).sort((a, b) => b.approvedAtMs - a.approvedAtMs)[0] ?? null);
      if (!cur) fail.field('copyCurrent', `岗位「${post.name}」还没有已批准的责任清单，请从模板或空白建立`);
      items = itemsOf(app, cur.id).map(({ id: _id, itemNo: _n, ...rest }) => rest);
    }
    const existing = app.db.prepare('SELECT year, revision FROM duty_list WHERE postId = ?').all(postId) as { year: number; revision: number }[];
    const v = nextVersion(existing, Number(today(app).slice(0, 4)));
    const id = app.newId();
    const nowMs = app.clock.nowMs();
    app.db
      .prepare(`INSERT INTO duty_list (id, postId, year, revision, status, reason, templateKey, createdAtMs, updatedAtMs) VALUES (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?)`)
      .run(id, postId, v.year, v.revision, opts.reason, opts.templateKey, nowMs, nowMs);
    insertItems(app, id, items);
    const list = getList(app, id);
    recordAudit(app, { action: 'CREATE', entityType: 'duty_list', entityId: id, summary: `建立岗位「${post.name}」责任清单草稿（${list.label}，${opts.templateKey ? `模板「${getTemplate(app, opts.templateKey).name}」` : opts.copyCurrent ? '从现行版本修订' : '空白'}）`, after: list });
    return list;
  });
}

function draftOrFail(app: AppContext, id: string): DutyList {
  const list = getList(app, id);
  if (list.status !== 'DRAFT') fail.rule(`${list.label}已于 ${list.effectiveFrom} 批准生效，不能再修改；请建立新的修订版本`);
  return list;
}

export function saveDraft(app: AppContext, id: string, reason: string, items: readonly TemplateItem[]): DutyList {
  return inTransaction(app.db, () => {
    const before = draftOrFail(app, id);
    app.db.prepare('DELETE FROM duty_item WHERE listId = ?').run(id);
    insertItems(app, id, items);
    app.db.prepare('UPDATE duty_list SET reason = ?, updatedAtMs = ? WHERE id = ?').run(reason, app.clock.nowMs(), id);
    const after = getList(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'duty_list', entityId: id, summary: `修改岗位「${after.postName}」责任清单草稿（${after.label}，${after.items.length} 条）`, before: { reason: before.reason, items: before.items.map((i) => i.content) }, after: { reason: after.reason, items: after.items.map((i) => i.content) } });
    return after;
  });
}

export function deleteDraft(app: AppContext, id: string): void {
  inTransaction(app.db, () => {
    const list = draftOrFail(app, id);
    app.db.prepare('DELETE FROM duty_list WHERE id = ?').run(id);
    recordAudit(app, { action: 'DELETE', entityType: 'duty_list', entityId: id, summary: `删除岗位「${list.postName}」责任清单草稿（${list.label}）`, before: list });
  });
}

export function approveList(app: AppContext, id: string, approverPersonId: string, effectiveFrom: string): DutyList {
  return inTransaction(app.db, () => {
    const draft = draftOrFail(app, id);
    if (!draft.items.length) fail.rule('责任清单没有任何职责条目，不能批准');
    if (draft.totalWeight <= 0) fail.rule('职责条目的分值合计为 0，考核无法计分；请为条目设置分值后再批准');
    const approver = app.db.prepare('SELECT name, status FROM person WHERE id = ?').get(approverPersonId) as { name: string; status: string } | undefined;
    if (!approver) fail.field('approverPersonId', '请选择批准人（一般为主要负责人或分管负责人）');
    if (approver.status !== 'ACTIVE') fail.field('approverPersonId', `批准人「${approver.name}」已离职，请选择在职人员`);
    const approved = approvedOf(app, draft.postId);
    const latest = approved.reduce<ApprovedRow | null>((a, b) => (!a || b.effectiveFrom > a.effectiveFrom ? b : a), null);
    if (latest && effectiveFrom < latest.effectiveFrom) {
      fail.field('effectiveFrom', `生效日期不能早于现有版本（${versionLabel(latest)}，${latest.effectiveFrom} 生效）`);
    }
    const changes = latest ? diffItems(itemsOf(app, latest.id), draft.items) : null;
    app.db
      .prepare(`UPDATE duty_list SET status = 'APPROVED', effectiveFrom = ?, approverPersonId = ?, approverName = ?, approvedAtMs = ?, changesJson = ?, updatedAtMs = ? WHERE id = ?`)
      .run(effectiveFrom, approverPersonId, approver.name, app.clock.nowMs(), changes ? JSON.stringify(changes) : null, app.clock.nowMs(), id);
    const after = getList(app, id);
    recordAudit(app, {
      action: 'UPDATE',
      entityType: 'duty_list',
      entityId: id,
      summary: `${approver.name} 批准岗位「${after.postName}」责任清单 ${after.label}，${effectiveFrom} 起执行${changes ? `（${describeChanges(changes)}）` : ''}`,
      after: { label: after.label, effectiveFrom, approver: approver.name, changes },
    });
    return after;
  });
}

/** Every post with its list status; `unitId` limits to a unit and the units beneath it. */
export function postStatuses(app: AppContext, unitId: string | null, search: string | null): PostDutyStatus[] {
  const t = today(app);
  const paths = unitPaths(app.db);
  const posts = app.db
    .prepare(
      `WITH RECURSIVE sub(id) AS (SELECT @unitId UNION ALL SELECT x.id FROM unit x JOIN sub ON x.parentId = sub.id)
       SELECT t.id, t.name, t.trade, t.unitId, t.category,
         (SELECT count(*) FROM person_post pp JOIN person p ON p.id = pp.personId WHERE pp.postId = t.id AND pp.endDate IS NULL AND p.status = 'ACTIVE') AS holders
       FROM post t JOIN unit u ON u.id = t.unitId
       WHERE t.archivedAtMs IS NULL AND (@unitId IS NULL OR t.unitId IN (SELECT id FROM sub))
         AND (@q IS NULL OR t.name LIKE @q ESCAPE '\\' OR u.name LIKE @q ESCAPE '\\')
       ORDER BY u.sortOrder, u.name, t.name`,
    )
    .all({ unitId, q: search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null }) as { id: string; name: string; trade: string | null; unitId: string; category: 'FRONTLINE' | 'MANAGEMENT'; holders: number }[];
  const lists = app.db.prepare(`SELECT * FROM duty_list`).all() as ListRow[];
  const byPost = new Map<string, ListRow[]>();
  for (const l of lists) byPost.set(l.postId, [...(byPost.get(l.postId) ?? []), l]);
  const templates = allTemplates(app);
  const acked = app.db.prepare(
    `SELECT count(*) AS n FROM duty_ack a JOIN person_post pp ON pp.personId = a.personId AND pp.postId = ? AND pp.endDate IS NULL JOIN person p ON p.id = a.personId AND p.status = 'ACTIVE' WHERE a.listId = ?`,
  );
  return posts.map((p) => {
    const versions = byPost.get(p.id) ?? [];
    const current = inForceOn(versions.filter((v): v is ApprovedRow => v.status === 'APPROVED'), t);
    const draft = versions.find((v) => v.status === 'DRAFT') ?? null;
    return {
      postId: p.id,
      postName: p.name,
      unitId: p.unitId,
      unitPath: paths.get(p.unitId) ?? '',
      category: p.category,
      holderCount: p.holders,
      current: current ? { id: current.id, label: versionLabel(current), effectiveFrom: current.effectiveFrom } : null,
      draft: draft ? { id: draft.id, label: versionLabel(draft) } : null,
      acknowledged: current ? (acked.get(p.id, current.id) as { n: number }).n : 0,
      suggestedTemplate: suggestTemplate(templates, p.name, p.trade),
    };
  });
}

/** The approved card set in force for a post: the newest approved version. */
export function currentCardSetId(app: AppContext, postId: string): string | null {
  const r = app.db.prepare(`SELECT id FROM card_set WHERE postId = ? AND status = 'APPROVED' ORDER BY version DESC LIMIT 1`).get(postId) as { id: string } | undefined;
  return r?.id ?? null;
}

export function holdersOf(app: AppContext, postId: string): Holder[] {
  postOrFail(app, postId);
  const list = listInForce(app, postId);
  const cards = currentCardSetId(app, postId);
  const rows = app.db
    .prepare(
      `SELECT p.id AS personId, p.name, p.staffNo, u.name AS unitName, p.employmentType,
         (SELECT json_object('signedOn', signedOn, 'method', method, 'recordedBy', recordedBy) FROM duty_ack WHERE listId = @listId AND personId = p.id) AS listAck,
         (SELECT json_object('signedOn', signedOn, 'method', method, 'recordedBy', recordedBy) FROM card_ack WHERE cardSetId = @cardSetId AND personId = p.id) AS cardAck
       FROM person_post pp JOIN person p ON p.id = pp.personId JOIN unit u ON u.id = p.unitId
       WHERE pp.postId = @postId AND pp.endDate IS NULL AND p.status = 'ACTIVE' ORDER BY p.staffNo`,
    )
    .all({ postId, listId: list?.id ?? null, cardSetId: cards }) as (Omit<Holder, 'listAck' | 'cardAck'> & { listAck: string | null; cardAck: string | null })[];
  return rows.map((r) => ({ ...r, listAck: r.listAck ? (JSON.parse(r.listAck) as Holder['listAck']) : null, cardAck: r.cardAck ? (JSON.parse(r.cardAck) as Holder['cardAck']) : null }));
}

export interface AckRequest {
  personId: string;
  postId: string;
  targets: readonly ('LIST' | 'CARDS')[];
  listId: string | null;
  cardSetId: string | null;
  method: 'ON_SCREEN' | 'PAPER';
  signaturePngBase64: string | null;
  signedOn: string | null;
  sheetAttachmentId?: string | null;
}

/**
 * Records that a person acknowledged the current list and/or card set of their
 * post. A superseded version cannot be acknowledged; already signed targets are
 * skipped. Returns how many acknowledgements were written.
 */
export function acknowledge(app: AppContext, r: AckRequest, path = ''): number {
  return inTransaction(app.db, () => {
    const at = (f: string) => (path ? `${path}.${f}` : f);
    const person = app.db.prepare('SELECT name, status FROM person WHERE id = ?').get(r.personId) as { name: string; status: string } | undefined;
    if (!person) fail.field(at('personId'), '人员不存在');
    const post = postOrFail(app, r.postId);
    const holds = app.db.prepare('SELECT 1 FROM person_post WHERE personId = ? AND postId = ? AND endDate IS NULL').get(r.personId, r.postId);
    if (!holds || person.status !== 'ACTIVE') fail.field(at('personId'), `「${person.name}」目前不在岗位「${post.name}」，不能确认该岗位的责任清单和两单两卡`);
    const t = today(app);
    const signedOn = r.signedOn ?? t;
    if (signedOn > t) fail.field(at('signedOn'), '签字日期不能晚于今天');
    const zone = enterpriseTimeZone(app.db);
    const list = r.targets.includes('LIST') ? listInForce(app, r.postId, t) : null;
    const cards = r.targets.includes('CARDS') ? currentCardSetId(app, r.postId) : null;
    if (r.targets.includes('LIST')) {
      if (!list) fail.field(at('targets'), `岗位「${post.name}」还没有现行的责任清单，无法签字确认`);
      if (r.listId && r.listId !== list.id) {
        const old = app.db.prepare('SELECT year, revision FROM duty_list WHERE id = ?').get(r.listId) as { year: number; revision: number } | undefined;
        fail.field(at('listId'), `${old ? versionLabel(old) : '该版本'}已被现行的${versionLabel(list)}取代，请确认现行版本`);
      }
      const approvedOn = dateInZone(list.approvedAtMs, zone);
      if (signedOn < approvedOn) fail.field(at('signedOn'), `签字日期不能早于该版本的批准日期（${approvedOn}）`);
    }
    if (r.targets.includes('CARDS')) {
      if (!cards) fail.field(at('targets'), `岗位「${post.name}」还没有已发布的两单两卡，无法签字确认`);
      if (r.cardSetId && r.cardSetId !== cards) fail.field(at('cardSetId'), '该版本的两单两卡已被新版本取代，请确认现行版本');
    }
    const listDone = list ? app.db.prepare('SELECT 1 FROM duty_ack WHERE listId = ? AND personId = ?').get(list.id, r.personId) : true;
    const cardsDone = cards ? app.db.prepare('SELECT 1 FROM card_ack WHERE cardSetId = ? AND personId = ?').get(cards, r.personId) : true;
    if ((!list || listDone) && (!cards || cardsDone)) return 0;
    let signatureId: string | null = null;
    if (r.method === 'ON_SCREEN') {
      if (!r.signaturePngBase64) fail.field(at('signature'), '屏幕签名时请先手写签名');
      signatureId = storeSignature(app, r.signaturePngBase64, `签名-${person.name}-${post.name}.png`).id;
    }
    const recordedBy = currentOperator(app).name;
    const nowMs = app.clock.nowMs();
    let n = 0;
    if (list && !listDone) {
      app.db
        .prepare('INSERT INTO duty_ack (id, listId, personId, method, signedOn, signatureAttachmentId, sheetAttachmentId, recordedBy, createdAtMs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(app.newId(), list.id, r.personId, r.method, signedOn, signatureId, r.sheetAttachmentId ?? null, recordedBy, nowMs);
      n++;
    }
    if (cards && !cardsDone) {
      app.db
        .prepare('INSERT INTO card_ack (id, cardSetId, personId, method, signedOn, signatureAttachmentId, recordedBy, createdAtMs) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(app.newId(), cards, r.personId, r.method, signedOn, signatureId, recordedBy, nowMs);
      n++;
    }
    recordAudit(app, {
      action: 'CREATE',
      entityType: 'duty_list',
      entityId: list?.id ?? cards,
      summary: `${person.name} 签字确认岗位「${post.name}」的${[list && !listDone ? `责任清单（${versionLabel(list)}）` : null, cards && !cardsDone ? '两单两卡' : null].filter(Boolean).join('和')}（${r.method === 'ON_SCREEN' ? '屏幕签名' : '纸质签字录入'}，${signedOn}）`,
    });
    return n;
  });
}

/**
 * Paper sign-off entered in one go: all rows are recorded or none, and every
 * row that cannot be recorded is reported by its number and name.
 */
export function acknowledgeBatch(app: AppContext, entries: { personId: string; postId: string }[], targets: readonly ('LIST' | 'CARDS')[], signedOn: string, sheetAttachmentId: string | null) {
  return inTransaction(app.db, () => {
    let recorded = 0;
    let alreadySigned = 0;
    const problems: { path: string; message: string }[] = [];
    entries.forEach((e, i) => {
      try {
        const n = acknowledge(app, { ...e, targets, listId: null, cardSetId: null, method: 'PAPER', signaturePngBase64: null, signedOn, sheetAttachmentId }, `entries.${i}`);
        if (n === 0) alreadySigned++;
        recorded += n;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const name = (app.db.prepare('SELECT name FROM person WHERE id = ?').get(e.personId) as { name: string } | undefined)?.name ?? '（未知人员）';
        problems.push({ path: err.fields?.[0]?.path ?? `entries.${i}`, message: `第 ${i + 1} 行 ${name}：${err.message}` });
      }
    });
    if (problems.length) {
      throw new AppError('VALIDATION', `有 ${problems.length} 行不能录入，本次未录入任何签字：${problems.map((p) => p.message).join('；')}`, problems);
    }
    return { recorded, alreadySigned };
  });
}

export type { DutyCategory };
