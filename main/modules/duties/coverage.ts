/**
 * 岗位全覆盖检查: every post has an approved list in force (front-line posts also
 * approved 两单两卡), every holder has signed the current versions, and
 * dispatched and flexible workers are covered like everyone else.
 */
import type { AppContext } from '../../context.ts';
import type { Coverage } from '../../../preload/contract/duties.ts';
import type { EmploymentType } from '../../../preload/contract/enums.ts';
import { inForceOn } from '../../domain/duties.ts';
import { today as todayOf } from '../enterprise/service.ts';

interface PostRow {
  id: string;
  name: string;
  unitName: string;
  category: 'FRONTLINE' | 'MANAGEMENT';
}

interface HolderRow {
  personId: string;
  name: string;
  staffNo: string;
  unitName: string;
  employmentType: EmploymentType;
  postId: string | null;
}

export function coverage(app: AppContext, unitId: string | null): Coverage {
  const today = todayOf(app);
  const db = app.db;
  const scope = `WITH RECURSIVE sub(id) AS (SELECT @unitId UNION ALL SELECT x.id FROM unit x JOIN sub ON x.parentId = sub.id)`;
  const inScope = (col: string) => `(@unitId IS NULL OR ${col} IN (SELECT id FROM sub))`;
  const posts = db
    .prepare(`${scope} SELECT t.id, t.name, u.name AS unitName, t.category FROM post t JOIN unit u ON u.id = t.unitId WHERE t.archivedAtMs IS NULL AND ${inScope('t.unitId')} ORDER BY u.sortOrder, u.name, t.name`)
    .all({ unitId }) as PostRow[];
  const lists = db.prepare(`SELECT id, postId, status, effectiveFrom, approvedAtMs FROM duty_list`).all() as { id: string; postId: string; status: string; effectiveFrom: string | null; approvedAtMs: number | null }[];
  const cards = db.prepare(`SELECT id, postId, status, version FROM card_set`).all() as { id: string; postId: string; status: string; version: number }[];

  const currentList = new Map<string, string>();
  const draftList = new Set<string>();
  const approvedByPost = new Map<string, { id: string; effectiveFrom: string; approvedAtMs: number }[]>();
  for (const l of lists) {
    if (l.status === 'DRAFT') draftList.add(l.postId);
    else approvedByPost.set(l.postId, [...(approvedByPost.get(l.postId) ?? []), { id: l.id, effectiveFrom: l.effectiveFrom!, approvedAtMs: l.approvedAtMs! }]);
  }
  for (const [postId, versions] of approvedByPost) {
    const v = inForceOn(versions, today);
    if (v) currentList.set(postId, v.id);
  }
  const currentCards = new Map<string, { id: string; version: number }>();
  const draftCards = new Set<string>();
  for (const c of cards) {
    if (c.status === 'DRAFT') draftCards.add(c.postId);
    else if ((currentCards.get(c.postId)?.version ?? 0) < c.version) currentCards.set(c.postId, { id: c.id, version: c.version });
  }

  // People in scope: each current post held, plus people without any post.
  const holders = db
    .prepare(
      `${scope}
       SELECT p.id AS personId, p.name, p.staffNo, u.name AS unitName, p.employmentType, pp.postId
       FROM person p JOIN unit u ON u.id = p.unitId
       LEFT JOIN person_post pp ON pp.personId = p.id AND pp.endDate IS NULL
       WHERE p.status = 'ACTIVE' AND ${inScope('p.unitId')}
       ORDER BY p.staffNo`,
    )
    .all({ unitId }) as HolderRow[];
  const listAcks = new Set((db.prepare('SELECT listId, personId FROM duty_ack').all() as { listId: string; personId: string }[]).map((a) => `${a.listId}|${a.personId}`));
  const cardAcks = new Set((db.prepare('SELECT cardSetId, personId FROM card_ack').all() as { cardSetId: string; personId: string }[]).map((a) => `${a.cardSetId}|${a.personId}`));
  const allPosts = new Map((db.prepare('SELECT t.id, t.name, t.category FROM post t').all() as { id: string; name: string; category: string }[]).map((p) => [p.id, p]));

  const perPost = new Map<string, { holders: number; acknowledged: number }>();
  const personMissing = new Map<string, { row: HolderRow; noList: string[]; notSigned: string[]; noPost: boolean; firstPost: string | null }>();
  for (const h of holders) {
    const entry = personMissing.get(h.personId) ?? { row: h, noList: [], notSigned: [], noPost: h.postId === null, firstPost: h.postId };
    personMissing.set(h.personId, entry);
    if (!h.postId) continue;
    const post = allPosts.get(h.postId)!;
    const listId = currentList.get(h.postId);
    const frontline = post.category === 'FRONTLINE';
    const cardId = currentCards.get(h.postId)?.id;
    const stat = perPost.get(h.postId) ?? { holders: 0, acknowledged: 0 };
    stat.holders++;
    const missing: string[] = [];
    if (!listId) entry.noList.push(post.name);
    else if (!listAcks.has(`${listId}|${h.personId}`)) missing.push('责任清单');
    if (frontline && cardId && !cardAcks.has(`${cardId}|${h.personId}`)) missing.push('两单两卡');
    if (missing.length) entry.notSigned.push(`${post.name}的${missing.join('和')}`);
    else if (listId && (!frontline || cardId)) stat.acknowledged++;
    perPost.set(h.postId, stat);
  }

  const postResults = posts.map((p) => {
    const hasList = currentList.has(p.id);
    const frontline = p.category === 'FRONTLINE';
    const hasCards = currentCards.has(p.id);
    const s = perPost.get(p.id) ?? { holders: 0, acknowledged: 0 };
    let problem: string | null = null;
    if (!hasList) problem = draftList.has(p.id) ? '责任清单草稿未批准' : '没有责任清单';
    else if (frontline && !hasCards) problem = draftCards.has(p.id) ? '两单两卡草稿未发布' : '没有两单两卡';
    else if (s.acknowledged < s.holders) problem = `${s.holders - s.acknowledged} 人未签字确认`;
    return { postId: p.id, postName: p.name, unitName: p.unitName, frontline, hasList, hasDraft: draftList.has(p.id), hasCards, holders: s.holders, acknowledged: s.acknowledged, ok: problem === null, problem };
  });

  const asPerson = (row: HolderRow, missing: string, postId: string | null) => ({
    personId: row.personId,
    name: row.name,
    staffNo: row.staffNo,
    unitName: row.unitName,
    employmentType: row.employmentType,
    postId,
    postName: postId ? (allPosts.get(postId)?.name ?? null) : null,
    missing,
  });
  const peopleWithoutList: Coverage['peopleWithoutList'] = [];
  const peopleNotAcknowledged: Coverage['peopleNotAcknowledged'] = [];
  const flexibleNotCovered: Coverage['flexibleNotCovered'] = [];
  let covered = 0;
  for (const { row, noList, notSigned, noPost, firstPost } of personMissing.values()) {
    if (noPost) peopleWithoutList.push(asPerson(row, '未分配岗位，没有适用的责任清单', null));
    else if (noList.length) peopleWithoutList.push(asPerson(row, `岗位「${noList.join('、')}」没有现行责任清单`, firstPost));
    if (notSigned.length) peopleNotAcknowledged.push(asPerson(row, `未签字确认${notSigned.join('；')}`, firstPost));
    const ok = !noPost && !noList.length && !notSigned.length;
    if (ok) covered++;
    if (!ok && (row.employmentType === 'DISPATCHED' || row.employmentType === 'FLEXIBLE')) {
      flexibleNotCovered.push(asPerson(row, noPost ? '未分配岗位，责任清单无法覆盖' : [noList.length ? '岗位无责任清单' : null, notSigned.length ? `未签字确认${notSigned.join('；')}` : null].filter(Boolean).join('；'), firstPost));
    }
  }

  const withoutList = postResults.filter((p) => !p.hasList).map((p) => ({ postId: p.postId, postName: p.postName, unitName: p.unitName, hasDraft: p.hasDraft, holders: p.holders }));
  const withoutCards = postResults
    .filter((p) => p.frontline && !p.hasCards)
    .map((p) => ({ postId: p.postId, postName: p.postName, unitName: p.unitName, hasDraft: draftCards.has(p.postId), holders: p.holders }));
  return {
    today,
    summary: { posts: posts.length, postsCovered: postResults.filter((p) => p.ok).length, people: personMissing.size, peopleCovered: covered },
    posts: postResults,
    postsWithoutList: withoutList,
    frontlineWithoutCards: withoutCards,
    peopleWithoutList,
    peopleNotAcknowledged,
    flexibleNotCovered,
  };
}
