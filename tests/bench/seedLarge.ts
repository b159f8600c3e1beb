/**
 * A large enterprise for benchmarks: 5,000 people, 800 posts, 3,000
 * certificates, about 120 units. Written straight through the repositories in
 * one transaction (the services' per-row audit would dominate the timing).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../../main/context.ts';
import { inTransaction } from '../../main/db/sql.ts';
import { addDays, addYears } from '../../main/domain/dates.ts';
import { setupEnterprise } from '../../main/modules/app/service.ts';
import { certRule, insertCertificate } from '../../main/modules/certificates/repo.ts';
import { insertUnit } from '../../main/modules/org/repo.ts';
import { insertAssignment, insertPerson, insertStatusEvent } from '../../main/modules/people/repo.ts';
import { insertPost } from '../../main/modules/posts/repo.ts';
import { makeNamer, makePhone, prng } from '../../main/modules/demo/names.ts';
import { idNumberCheckChar } from '../../preload/contract/validators.ts';
import { today } from '../../main/modules/enterprise/service.ts';
import { storeAttachment } from '../../main/modules/attachments/service.ts';
import { demoSitePlanPng } from '../../main/modules/demo/sitePlan.ts';
import { periodsBetween } from '../../main/domain/schedule.ts';
import { importStandard } from '../../main/modules/standards/library.ts';
import { createSession, finishSession } from '../../main/modules/standards/sessions.ts';

export interface LargeSizes {
  people: number;
  posts: number;
  certificates: number;
  departments: number;
  teamsPerDepartment: number;
}

export const LARGE: LargeSizes = { people: 5000, posts: 800, certificates: 3000, departments: 20, teamsPerDepartment: 5 };

const TYPES = ['REGULAR', 'REGULAR', 'REGULAR', 'REGULAR', 'DISPATCHED', 'FLEXIBLE', 'INTERN', 'CONTRACTOR'] as const;

export function seedLarge(app: AppContext, sizes: LargeSizes = LARGE): { unitIds: string[]; postIds: string[]; personIds: string[] } {
  const rand = prng(42);
  const name = makeNamer(rand);
  setupEnterprise(app, { name: '大型测试制造集团有限公司', creditCode: null, industry: 'INDUSTRY_TRADE', industrySector: 'MACHINERY', address: '重庆市', legalRepresentative: null, principalPersonId: null, safetyDeputyPersonId: null, safetyDeptUnitId: null, regulatorName: null, regulatorPhone: null, gridMemberName: null, gridMemberPhone: null, dutyPhone: null, internalReportPhone: null, reportHotline: '12350' }, { name: '基准测试', title: null });
  const now = app.clock.nowMs();
  const todayStr = today(app);
  const db = app.db;
  return inTransaction(db, () => {
    const company = (db.prepare(`SELECT id FROM unit WHERE kind = 'COMPANY'`).get() as { id: string }).id;
    const unitIds: string[] = [];
    for (let d = 0; d < sizes.departments; d++) {
      const dept = app.newId();
      insertUnit(db, dept, { name: `第${d + 1}车间`, kind: 'WORKSHOP', parentId: company, headPersonId: null, phone: null, sortOrder: d, notes: null }, now);
      unitIds.push(dept);
      for (let t = 0; t < sizes.teamsPerDepartment; t++) {
        const team = app.newId();
        insertUnit(db, team, { name: `${d + 1}-${t + 1}班`, kind: 'TEAM', parentId: dept, headPersonId: null, phone: null, sortOrder: t, notes: null }, now);
        unitIds.push(team);
      }
    }
    const special = (db.prepare(`SELECT id FROM cert_type WHERE code = 'SPECIAL_OPERATION'`).get() as { id: string }).id;
    const postIds: string[] = [];
    for (let i = 0; i < sizes.posts; i++) {
      const id = app.newId();
      const isSpecial = i % 10 === 0;
      insertPost(db, id, { name: `岗位${i + 1}${isSpecial ? '（电工）' : ''}`, unitId: unitIds[i % unitIds.length]!, trade: isSpecial ? '电工' : '操作工', category: i % 6 === 0 ? 'MANAGEMENT' : 'FRONTLINE', isSpecialOperation: isSpecial, requiredCertTypeId: null, requiredCertCategory: isSpecial ? '电工作业' : null, notes: null }, now);
      postIds.push(id);
    }
    const personIds: string[] = [];
    for (let i = 0; i < sizes.people; i++) {
      const id = app.newId();
      const gender = rand() < 0.2 ? 'F' : 'M';
      const type = TYPES[i % TYPES.length]!;
      const hireDate = addDays(todayStr, -30 - Math.floor(rand() * 4000));
      const postId = postIds[i % postIds.length]!;
      const unitId = (db.prepare('SELECT unitId FROM post WHERE id = ?').get(postId) as { unitId: string }).unitId;
      insertPerson(db, id, {
        name: i < 1500 ? name(gender) : benchName(i),
        staffNo: `B${String(i + 1).padStart(5, '0')}`,
        unitId,
        employmentType: type,
        employerName: type === 'REGULAR' ? null : '某服务公司',
        gender,
        jobTitle: null,
        phone: makePhone(rand),
        hireDate,
        idNumber: uniqueIdNumber(i, gender),
        notes: null,
      }, now);
      insertStatusEvent(db, { id: app.newId(), personId: id, status: 'ACTIVE', date: hireDate, reason: '入职', nowMs: now });
      insertAssignment(db, app.newId(), id, postId, hireDate);
      personIds.push(id);
    }
    // Every unit gets a head (its first member), as a real plant would have.
    const setHead = db.prepare('UPDATE unit SET headPersonId = (SELECT id FROM person WHERE unitId = unit.id ORDER BY staffNo LIMIT 1) WHERE kind <> ?');
    setHead.run('COMPANY');
    db.prepare(`UPDATE unit SET headPersonId = ? WHERE kind = 'COMPANY'`).run(personIds[0]!);
    db.prepare('UPDATE enterprise SET principalPersonId = ?').run(personIds[0]!);
    const rule = certRule(db, special)!;
    for (let i = 0; i < sizes.certificates; i++) {
      const issueDate = addDays(todayStr, -Math.floor(rand() * 2400));
      insertCertificate(db, app.newId(), { personId: personIds[(i * 7) % personIds.length]!, certTypeId: special, category: '电工作业-低压电工作业', number: `T${String(i).padStart(8, '0')}`, issuer: '应急管理局', issueDate, expiryDate: null, lastReviewDate: null, notes: null }, rule, now);
    }
    return { unitIds, postIds, personIds };
  });
}

/** Distinct, well-formed ID numbers: the birth date steps every 100 people, the sequence is the remainder. */
function uniqueIdNumber(i: number, gender: 'M' | 'F'): string {
  const birth = addDays('1970-01-01', Math.floor(i / 100) * 3).replaceAll('-', '');
  const first17 = `500116${birth}${String(i % 100).padStart(2, '0')}${gender === 'M' ? 1 : 2}`;
  return first17 + idNumberCheckChar(first17)!;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹';
const GIVEN = ['伟', '强', '敏', '静', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建华'];

/** Names may repeat in a 5,000-person plant, as they do in real ones. */
function benchName(i: number): string {
  return SURNAMES[i % SURNAMES.length]! + GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]!;
}

/**
 * The large enterprise's responsibility system: an approved list (10 items) on
 * every post, a published card set from the content library on every post
 * (every 50th with extra-long operation steps, so some cards need A6), and
 * signatures from most holders. Straight SQL in one transaction.
 */
export function seedLargeResponsibility(app: AppContext, postIds: string[], personIds: string[]): void {
  const db = app.db;
  const now = app.clock.nowMs();
  const lib = JSON.parse(readFileSync(join(app.resourcesDir, 'content', 'post-cards.json'), 'utf8')) as { cards: { ppe: unknown; risk: unknown; duty: unknown; operation: { steps: unknown[]; mnemonic: string | null }; emergency: unknown }[] };
  const approver = personIds[0]!;
  inTransaction(db, () => {
    const list = db.prepare(`INSERT INTO duty_list (id, postId, year, revision, status, reason, effectiveFrom, approverPersonId, approverName, approvedAtMs, createdAtMs, updatedAtMs) VALUES (?, ?, 2026, 0, 'APPROVED', '年度编制', '2026-01-06', ?, '基准测试', ?, ?, ?)`);
    const item = db.prepare(`INSERT INTO duty_item (id, listId, itemNo, content, category, legalBasis, scope, assessmentStandard, weight) VALUES (?, ?, ?, ?, 'RULES', NULL, '本岗位', '违反一次扣 2 分', 10)`);
    const card = db.prepare(
      `INSERT INTO card_set (id, postId, version, status, applicableJson, ppeJson, riskJson, dutyJson, operationJson, emergencyJson, compiledBy, reviewedBy, approvedBy, publishedOn, nextReviewOn, approvedAtMs, createdAtMs, updatedAtMs)
       VALUES (?, ?, 1, 'APPROVED', '["REGULAR","DISPATCHED","FLEXIBLE"]', ?, ?, ?, ?, ?, '编制人', '审核人', '批准人', '2026-02-20', '2027-02-20', ?, ?, ?)`,
    );
    const listOf = new Map<string, string>();
    const cardOf = new Map<string, string>();
    postIds.forEach((postId, i) => {
      const listId = app.newId();
      list.run(listId, postId, approver, now, now, now);
      for (let n = 1; n <= 10; n++) item.run(app.newId(), listId, n, `严格执行本岗位安全操作规程第 ${n} 项要求，发现隐患立即报告`);
      listOf.set(postId, listId);
      const c = lib.cards[i % lib.cards.length]!;
      const operation = i % 50 === 0 ? { ...c.operation, steps: [...c.operation.steps, ...c.operation.steps.slice(0, 5)] } : c.operation;
      const cardId = app.newId();
      card.run(cardId, postId, JSON.stringify(c.ppe), JSON.stringify(c.risk), JSON.stringify(c.duty), JSON.stringify(operation), JSON.stringify(c.emergency), now, now, now);
      cardOf.set(postId, cardId);
    });
    const holders = db.prepare(`SELECT personId, postId FROM person_post WHERE endDate IS NULL`).all() as { personId: string; postId: string }[];
    const listAck = db.prepare(`INSERT INTO duty_ack (id, listId, personId, method, signedOn, recordedBy, createdAtMs) VALUES (?, ?, ?, 'PAPER', '2026-01-10', '基准测试', ?)`);
    const cardAck = db.prepare(`INSERT INTO card_ack (id, cardSetId, personId, method, signedOn, recordedBy, createdAtMs) VALUES (?, ?, ?, 'PAPER', '2026-02-25', '基准测试', ?)`);
    holders.forEach((h, i) => {
      if (i % 10 !== 3) listAck.run(app.newId(), listOf.get(h.postId)!, h.personId, now);
      if (i % 10 !== 7) cardAck.run(app.newId(), cardOf.get(h.postId)!, h.personId, now);
    });
  });
}

export const LARGE_RISK = { points: 3000, measuresPerPoint: 5, areas: 300 };

/**
 * The large enterprise's risk register: 3,000 approved points (2 hazards and 5
 * measures each, so 15,000 measures), each assessed by LEC and linked to one or
 * two posts, and a site plan with 300 areas. Straight SQL in one transaction.
 */
export function seedLargeRisk(app: AppContext, unitIds: string[], postIds: string[], personIds: string[]): { planId: string } {
  const db = app.db;
  const now = app.clock.nowMs();
  const rand = prng(7);
  const lib = JSON.parse(readFileSync(join(app.resourcesDir, 'content', 'risk-library.json'), 'utf8')) as {
    entries: { name: string; kind: string; hazards: { description: string; category: string; accidentTypes: string[] }[]; measures: { category: string; content: string }[]; lec: { L: number; E: number; C: number } }[];
  };
  const L = [10, 6, 3, 1, 0.5];
  const E = [10, 6, 3, 2, 1];
  const C = [40, 15, 7, 3, 1];
  const level = (d: number) => (d >= 320 ? 'MAJOR' : d >= 160 ? 'HIGH' : d >= 70 ? 'MEDIUM' : 'LOW');
  const profileId = (db.prepare(`SELECT id FROM risk_profile WHERE method = 'LEC' AND isDefault = 1`).get() as { id: string }).id;
  return inTransaction(db, () => {
    const point = db.prepare(
      `INSERT INTO risk_point (id, code, name, kind, location, unitId, controlLevel, respUnitId, respPersonId, identifiedOn, nextReviewOn, status, approvedBy, approvedOn, currentAssessmentId, level, createdAtMs, updatedAtMs)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-01-10', ?, 'ACTIVE', '基准测试', '2026-01-20', ?, ?, ?, ?)`,
    );
    const hazard = db.prepare('INSERT INTO hazard_factor (id, riskPointId, seq, description, category, accidentTypesJson) VALUES (?, ?, ?, ?, ?, ?)');
    const measure = db.prepare('INSERT INTO control_measure (id, riskPointId, seq, category, content, createdAtMs, updatedAtMs) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const assessment = db.prepare(
      `INSERT INTO risk_assessment (id, riskPointId, method, profileId, profileName, profileVersion, valuesJson, score, level, bandLabel, assessedOn, assessorName, createdAtMs) VALUES (?, ?, 'LEC', ?, 'LEC', 1, ?, ?, ?, NULL, '2026-01-15', '基准测试', ?)`,
    );
    const link = db.prepare('INSERT OR IGNORE INTO risk_point_post (riskPointId, postId) VALUES (?, ?)');
    const pointIds: string[] = [];
    for (let i = 0; i < LARGE_RISK.points; i++) {
      const e = lib.entries[i % lib.entries.length]!;
      const id = app.newId();
      const aid = app.newId();
      const v = { L: L[Math.floor(rand() * L.length)]!, E: E[Math.floor(rand() * E.length)]!, C: C[Math.floor(rand() * C.length)]! };
      const d = Math.round(v.L * v.E * v.C * 1000) / 1000;
      const unitId = unitIds[i % unitIds.length]!;
      point.run(id, `FX-${String(i + 1).padStart(4, '0')}`, `${e.name}（${i + 1}）`, e.kind, `区域 ${i % 97}`, unitId, 'TEAM', unitId, personIds[i % personIds.length]!, i % 50 === 0 ? '2026-06-30' : '2027-01-20', aid, level(d), now, now);
      e.hazards.slice(0, 2).forEach((h, j) => hazard.run(app.newId(), id, j + 1, h.description, h.category, JSON.stringify(h.accidentTypes)));
      for (let j = 0; j < LARGE_RISK.measuresPerPoint; j++) {
        const m = e.measures[j % e.measures.length]!;
        measure.run(app.newId(), id, j + 1, m.category, m.content, now, now);
      }
      assessment.run(aid, id, profileId, JSON.stringify({ values: v, labels: {} }), d, level(d), now);
      link.run(id, postIds[i % postIds.length]!);
      if (i % 3 === 0) link.run(id, postIds[(i * 7) % postIds.length]!);
      pointIds.push(id);
    }
    // A plan with 300 areas in a 20 × 15 grid, each covering ten points.
    const attId = storeAttachment(app, demoSitePlanPng(), '大型厂区总平面图.png', 'image').id;
    const planId = app.newId();
    db.prepare('INSERT INTO site_plan (id, name, attachmentId, compiledBy, reviewedBy, approvedBy, mapDate, createdAtMs, updatedAtMs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(planId, '大型厂区总平面图', attId, '编制人', '审核人', '批准人', '2026-10-01', now, now);
    const area = db.prepare('INSERT INTO risk_area (id, planId, kind, label, pointsJson, seq) VALUES (?, ?, ?, ?, ?, ?)');
    const areaPoint = db.prepare('INSERT INTO risk_area_point (areaId, riskPointId) VALUES (?, ?)');
    for (let i = 0; i < LARGE_RISK.areas; i++) {
      const col = i % 20;
      const row = Math.floor(i / 20);
      const [x0, y0, w, h] = [0.02 + col * 0.048, 0.03 + row * 0.063, 0.04, 0.05];
      const id = app.newId();
      // Irregular hexagons, so the polygons are not simply rectangles.
      const pts = [[x0, y0 + h * 0.3], [x0 + w * 0.4, y0], [x0 + w, y0 + h * 0.1], [x0 + w, y0 + h * 0.8], [x0 + w * 0.6, y0 + h], [x0, y0 + h]];
      area.run(id, planId, 'POLYGON', `区域${i + 1}`, JSON.stringify(pts), i + 1);
      for (let j = 0; j < 10; j++) areaPoint.run(id, pointIds[(i * 10 + j) % pointIds.length]!);
    }
    return { planId };
  });
}

export const LARGE_CHECKS = { years: 3, dailyPlans: 185, weeklyPlans: 12, monthlyPlans: 3, itemsPerDaily: 24, itemsPerOther: 30, failRate: 0.19 };

/**
 * Three years of 日周月 checks for the large enterprise: 200 plans, a record for
 * (almost) every period up to yesterday — about 210,000 records and 5 million
 * item results — and a hazard for each 不合格 item, about 40,000, most closed.
 * Straight SQL through the same tables and compact result format as the service.
 */
export function seedLargeChecks(app: AppContext, unitIds: string[], personIds: string[]): { plans: number; records: number; results: number; hazards: number } {
  const db = app.db;
  const t = today(app);
  const start = addDays(t, -365 * LARGE_CHECKS.years);
  const now = app.clock.nowMs();
  const rand = prng(11);
  const lib = JSON.parse(readFileSync(join(app.resourcesDir, 'content', 'check-items.json'), 'utf8')) as { items: { category: string; content: string; standard: string | null; basis: string | null; method: string }[] };
  let records = 0;
  let results = 0;
  let hazards = 0;
  inTransaction(db, () => {
    const plan = db.prepare(
      `INSERT INTO check_plan (id, name, tier, frequency, skipNonWorkdays, unitId, responsiblePersonId, ledByPrincipal, startsOn, status, createdAtMs, updatedAtMs) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, 'ACTIVE', ?, ?)`,
    );
    const item = db.prepare('INSERT INTO check_item (planId, seq, category, content, standard, basis, method, used) VALUES (?, ?, ?, ?, ?, ?, ?, 1)');
    const task = db.prepare('INSERT INTO check_task (id, planId, periodKey, periodStart, dueOn, missed, recordId, createdAtMs) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const record = db.prepare(
      `INSERT INTO check_record (id, taskId, planId, checkedOn, late, checkerNames, resultsJson, passCount, failCount, naCount, createdAtMs) VALUES (?, ?, ?, ?, 0, '检查员', ?, ?, ?, 0, ?)`,
    );
    const checker = db.prepare('INSERT INTO check_record_checker (recordId, personId) VALUES (?, ?)');
    const finding = db.prepare(`INSERT INTO check_finding (recordId, itemId, result, remark, hazardId) VALUES (?, ?, 'FAIL', '不符合要求', ?)`);
    const hazard = db.prepare(
      `INSERT INTO hazard (id, code, source, checkRecordId, checkItemId, unitId, description, kind, scope, level, foundByName, foundOn, measures, respUnitId, respPersonId, funds, deadline, status, rectifierId, rectifiedOn, closedOn, createdAtMs, updatedAtMs)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'THING', 'SITE', ?, '检查员', ?, '按要求整改', ?, ?, 500, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const seqByYear = new Map<string, number>();
    const specs: { freq: 'DAILY' | 'WEEKLY' | 'MONTHLY'; tier: string; items: number }[] = [
      ...Array.from({ length: LARGE_CHECKS.dailyPlans }, () => ({ freq: 'DAILY' as const, tier: 'DAY', items: LARGE_CHECKS.itemsPerDaily })),
      ...Array.from({ length: LARGE_CHECKS.weeklyPlans }, () => ({ freq: 'WEEKLY' as const, tier: 'WEEK', items: LARGE_CHECKS.itemsPerOther })),
      ...Array.from({ length: LARGE_CHECKS.monthlyPlans }, () => ({ freq: 'MONTHLY' as const, tier: 'MONTH', items: LARGE_CHECKS.itemsPerOther })),
    ];
    specs.forEach((s, n) => {
      const planId = app.newId();
      const unitId = unitIds[n % unitIds.length]!;
      const person = personIds[n % personIds.length]!;
      plan.run(planId, `检查计划 ${n + 1}`, s.tier, s.freq, unitId, person, s.tier === 'MONTH' ? 1 : 0, start, now, now);
      const itemIds: number[] = [];
      for (let k = 0; k < s.items; k++) {
        const li = lib.items[(n * 7 + k) % lib.items.length]!;
        itemIds.push(Number(item.run(planId, k + 1, li.category, li.content, li.standard, li.basis, li.method).lastInsertRowid));
      }
      const periods = periodsBetween({ frequency: s.freq, startsOn: start, endsOn: null, skipNonWorkdays: false }, start, addDays(t, -1), new Map());
      for (const p of periods) {
        const taskId = app.newId();
        if (rand() < 0.02) {
          task.run(taskId, planId, p.key, p.start, p.end, 1, null, now);
          continue;
        }
        const recordId = app.newId();
        const fail = rand() < LARGE_CHECKS.failRate ? Math.floor(rand() * itemIds.length) : -1;
        const compact = itemIds.map((id, k) => `[${id},"${k === fail ? 'FAIL' : 'PASS'}"]`).join(',');
        task.run(taskId, planId, p.key, p.start, p.end, 0, recordId, now);
        record.run(recordId, taskId, planId, p.end, `[${compact}]`, itemIds.length - (fail >= 0 ? 1 : 0), fail >= 0 ? 1 : 0, now);
        checker.run(recordId, person);
        records++;
        results += itemIds.length;
        if (fail >= 0) {
          const hid = app.newId();
          const year = p.end.slice(0, 4);
          const seq = (seqByYear.get(year) ?? 0) + 1;
          seqByYear.set(year, seq);
          const deadline = addDays(p.end, 15);
          const age = Math.round((Date.parse(t) - Date.parse(p.end)) / 86_400_000);
          const status = age > 30 || rand() < 0.3 ? 'CLOSED' : age > 10 ? 'AWAITING_REVIEW' : rand() < 0.5 ? 'IN_PROGRESS' : 'PENDING';
          const fixed = status === 'CLOSED' || status === 'AWAITING_REVIEW' ? addDays(p.end, 5 < age ? 5 : age) : null;
          hazard.run(hid, `YH-${year}-${String(seq).padStart(4, '0')}`, s.tier, recordId, itemIds[fail]!, unitId, `${lib.items[(n * 7 + fail) % lib.items.length]!.content}——不符合要求`, rand() < 0.01 ? 'MAJOR' : 'GENERAL', p.end, unitId, person, deadline, status, fixed ? person : null, fixed, status === 'CLOSED' ? fixed : null, now, now);
          finding.run(recordId, itemIds[fail]!, hid);
          hazards++;
        }
      }
    });
  });
  return { plans: LARGE_CHECKS.dailyPlans + LARGE_CHECKS.weeklyPlans + LARGE_CHECKS.monthlyPlans, records, results, hazards };
}

export const LARGE_ET = { plans: 30, years: 10, drillsPerYear: 52, sessionsPerYear: 200, attendeesPerSession: 100 };

const TRAINING_TYPES = ['ROUTINE', 'ROUTINE', 'ROUTINE', 'INDUCTION_COMPANY', 'INDUCTION_WORKSHOP', 'INDUCTION_TEAM', 'SPECIAL', 'REFRESHER', 'CARDS', 'EMERGENCY', 'SPECIAL_OPERATION'] as const;
const HOURS = [1, 1.5, 2, 2, 2, 4, 8];

/**
 * Ten years of emergency management and training for the large enterprise:
 * 30 plans (1 综合, 9 专项, 20 现场处置方案 with key posts and cards) with four
 * issued versions each and revision triggers; an annual drill plan of 50 items
 * a year and ~500 drills with 20 participants, a timeline, an evaluation with
 * problems and a summary; 200 training sessions a year (~2,000) with 100
 * attendees each (~200,000 attendance rows), every attendee employed on the
 * day. One long-serving person attends every session after their hire date.
 * Straight SQL through prepared statements in one transaction.
 */
export function seedLargeEmergencyTraining(
  app: AppContext,
  unitIds: string[],
  postIds: string[],
  personIds: string[],
): { plans: number; versions: number; drills: number; participants: number; problems: number; sessions: number; attendance: number; heavyPersonId: string } {
  const db = app.db;
  const t = today(app);
  const thisYear = Number(t.slice(0, 4));
  const firstYear = thisYear - LARGE_ET.years + 1;
  const now = app.clock.nowMs();
  const rand = prng(23);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const principal = personIds[0]!;
  // People by hire date: the ones employed on a date are a prefix.
  const people = db.prepare('SELECT id, name, hireDate FROM person ORDER BY hireDate, id').all() as { id: string; name: string; hireDate: string }[];
  const employedCount = (d: string) => {
    let lo = 0;
    let hi = people.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (people[mid]!.hireDate <= d) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** `n` distinct people employed on `d` (fewer if not enough were). */
  const sample = (d: string, n: number): number[] => {
    const pool = employedCount(d);
    const out = new Set<number>();
    const want = Math.min(n, pool);
    while (out.size < want) out.add(Math.floor(rand() * pool));
    return [...out];
  };
  const heavy = people[0]!;
  let versions = 0;
  let drills = 0;
  let participants = 0;
  let problems = 0;
  let sessions = 0;
  let attendance = 0;
  inTransaction(db, () => {
    // ---- plans, versions, triggers, key posts and cards ----
    const plan = db.prepare(
      `INSERT INTO emergency_plan (id, code, name, planType, parentId, accidentTypesJson, unitId, createdAtMs, updatedAtMs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const version = db.prepare(
      `INSERT INTO emergency_plan_version (id, planId, version, status, reviewMethod, reviewedOn, signedById, signedOn, issuedOn, filedOn, filingAuthority, nextRevisionOn,
         changeSummary, riskDescription, scenariosJson, contactsJson, createdAtMs, updatedAtMs)
       VALUES (?, ?, ?, ?, 'REVIEW', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const trigger = db.prepare(
      `INSERT INTO emergency_plan_trigger (id, planId, kind, occurredOn, description, dueOn, ownerId, drillId, resolvedVersionId, resolvedOn, createdAtMs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const planPost = db.prepare('INSERT OR IGNORE INTO emergency_plan_post (planId, postId) VALUES (?, ?)');
    const card = db.prepare(
      `INSERT OR IGNORE INTO emergency_card (id, postId, planId, title, scenariosJson, contactsJson, revision, sourceVersion, createdAtMs, updatedAtMs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const scenarios = JSON.stringify([
      { scenario: '机械伤害', steps: ['立即按下急停按钮', '报告班组长', '拨打 120'], cautions: '未停机不得伸手' },
      { scenario: '触电', steps: ['切断电源', '用绝缘物挑开电线', '心肺复苏'], cautions: null },
    ]);
    const contacts = JSON.stringify([{ role: '车间主任', name: '谢斌', phone: '13800000001' }]);
    const planIds: { id: string; type: 'COMPREHENSIVE' | 'SPECIFIC' | 'ONSITE' }[] = [];
    let comprehensive = '';
    for (let i = 0; i < LARGE_ET.plans; i++) {
      const id = app.newId();
      const type = i === 0 ? 'COMPREHENSIVE' : i < 10 ? 'SPECIFIC' : 'ONSITE';
      if (i === 0) comprehensive = id;
      const code = type === 'COMPREHENSIVE' ? 'YA-01' : type === 'SPECIFIC' ? `ZX-${pad(i)}` : `XC-${pad(i)}`;
      const name = type === 'COMPREHENSIVE' ? '生产安全事故综合应急预案' : type === 'SPECIFIC' ? `专项应急预案 ${i}` : `现场处置方案 ${i}`;
      plan.run(id, code, name, type, i === 0 ? null : comprehensive, JSON.stringify(['火灾', '机械伤害']), type === 'ONSITE' ? unitIds[i % unitIds.length]! : null, now, now);
      planIds.push({ id, type });
      // Four issued versions about three years apart; the last (last year) in force and (mostly) filed; a fifth as a draft on some.
      let lastVersion = '';
      for (let v = 0; v < 4; v++) {
        const vid = app.newId();
        const issued = `${v === 3 ? thisYear - 1 : firstYear + v * 3}-${pad(1 + ((i + v) % 12))}-${pad(1 + ((i * 7 + v) % 27))}`;
        const inForce = v === 3;
        const filed = inForce && i % 7 === 3 ? null : addDays(issued, 10 + (i % 25));
        version.run(vid, id, `V${v + 1}.0`, inForce ? 'IN_FORCE' : 'SUPERSEDED', addDays(issued, -20), principal, addDays(issued, -5), issued, filed, filed ? '区应急管理局' : null, addYears(issued, 3), v ? '定期修订' : null, type === 'ONSITE' ? '设备旋转部件、带电设备' : null, type === 'ONSITE' ? scenarios : '[]', contacts, now, now);
        versions++;
        // A revision trigger closed by this version (after the first one).
        if (v > 0) trigger.run(app.newId(), id, pick(['LAW', 'ORGANISATION', 'RISK', 'RESOURCE', 'DRILL']), addDays(issued, -60), '情况变化需修订预案', addDays(issued, 30), principal, null, vid, issued, now);
        lastVersion = `V${v + 1}.0`;
      }
      if (i % 6 === 0) {
        db.prepare(`INSERT INTO emergency_plan_version (id, planId, version, status, scenariosJson, contactsJson, createdAtMs, updatedAtMs) VALUES (?, ?, 'V5.0', 'DRAFT', '[]', '[]', ?, ?)`).run(app.newId(), id, now, now);
        versions++;
      }
      if (i % 5 === 1) trigger.run(app.newId(), id, 'RISK', addDays(t, -40), '新增生产线', i % 10 === 1 ? addDays(t, -5) : addDays(t, 60), principal, null, null, null, now);
      if (type === 'ONSITE') {
        for (let k = 0; k < 4; k++) {
          const postId = postIds[(i * 13 + k * 29) % postIds.length]!;
          planPost.run(id, postId);
          card.run(app.newId(), postId, id, `岗位${k + 1}应急处置卡`, scenarios, contacts, 1 + (k % 3), k === 3 ? 'V3.0' : lastVersion, now, now);
        }
      }
    }

    // ---- annual drill plans and drills ----
    const item = db.prepare(
      `INSERT INTO drill_plan_item (id, year, planId, scenario, scope, form, plannedMonth, organiserUnitId, participants, budget, cancelledReason, notes, createdAtMs, updatedAtMs)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
    );
    const yearPlan = db.prepare('INSERT INTO drill_year_plan (year, compiledBy, approvedById, approvedOn, updatedAtMs) VALUES (?, ?, ?, ?, ?)');
    const drill = db.prepare(
      `INSERT INTO drill (id, code, planItemId, planId, title, scope, form, purpose, drillDate, startTime, endTime, place, commanderId, commanderName, organiserUnitId, scenario,
         resourcesUsed, observers, interruptions, reportedOn, reportedTo, createdAtMs, updatedAtMs)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'TEST', ?, '09:00', '10:30', ?, ?, ?, ?, ?, '灭火器 10 具、担架 2 副', NULL, NULL, ?, ?, ?, ?)`,
    );
    const participant = db.prepare('INSERT INTO drill_participant (id, drillId, personId, name, role, signMethod) VALUES (?, ?, ?, ?, ?, ?)');
    const step = db.prepare('INSERT INTO drill_step (drillId, seq, time, action, actor) VALUES (?, ?, ?, ?, ?)');
    const evaluation = db.prepare(
      `INSERT INTO drill_evaluation (drillId, evaluatedOn, evaluators, onSiteComments, preparation, performance, pointsJson, objectivesMet, overall, needsPlanRevision, revisionReason, createdAtMs, updatedAtMs)
       VALUES (?, ?, '安全环保部、外聘专家', '响应及时', '准备充分', '表现良好', ?, ?, ?, ?, ?, ?, ?)`,
    );
    const problem = db.prepare('INSERT INTO drill_problem (id, drillId, seq, description, cause, suggestion, hazardId, triggerId) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)');
    const summary = db.prepare(
      `INSERT INTO drill_summary (drillId, purpose, schemeSummary, lessons, improvements, writtenBy, writtenOn, updatedAtMs) VALUES (?, '检验预案', '按预案开展实战演练', '报告程序需熟练', '加强培训', '安全环保部', ?, ?)`,
    );
    const points = JSON.stringify(['PREP-1', 'PREP-2', 'WARN-1', 'MOBILISE-1', 'COMMAND-1', 'HANDLE-1', 'RESOURCE-1', 'COMMS-1'].map((code, k) => ({ code, rating: k === 5 ? 'FAIR' : 'GOOD', comment: null })));
    const steps = ['宣布演练开始', '发现险情并报警', '启动应急响应', '现场处置', '宣布演练结束'];
    for (let y = firstYear; y <= thisYear; y++) {
      yearPlan.run(y, '安全环保部', principal, `${y - 1}-12-28`, now);
      let seq = 0;
      for (let k = 0; k < LARGE_ET.drillsPerYear; k++) {
        const p = planIds[k % planIds.length]!;
        const month = 1 + Math.floor((k * 12) / LARGE_ET.drillsPerYear);
        const itemId = app.newId();
        const unitId = unitIds[k % unitIds.length]!;
        const cancelled = k % 25 === 24;
        item.run(itemId, y, p.id, `演练情景 ${k + 1}`, p.type === 'ONSITE' ? 'SINGLE' : 'FULL', k % 3 ? 'LIVE' : 'TABLETOP', month, unitId, '相关车间、班组', 2000 + (k % 5) * 1000, cancelled ? '计划调整' : null, now, now);
        if (cancelled) continue;
        // Mostly in the planned month, some a month late.
        const dMonth = k % 9 === 4 && month < 12 ? month + 1 : month;
        const date = `${y}-${pad(dMonth)}-${pad(1 + Math.floor(rand() * 27))}`;
        if (date >= t) continue;
        const id = app.newId();
        seq++;
        const commander = people[Math.max(0, employedCount(date) - 1)]!;
        const reported = k % 2 === 0 ? addDays(date, 3) : null;
        drill.run(id, `YL-${y}-${pad(seq, 3)}`, itemId, p.id, `应急演练 ${y}-${k + 1}`, p.type === 'ONSITE' ? 'SINGLE' : 'FULL', k % 3 ? 'LIVE' : 'TABLETOP', date, `车间 ${k % 20 + 1}`, commander.id, commander.name, unitId, '模拟事故情景', reported && reported < t ? reported : null, reported && reported < t ? '区应急管理局' : null, now, now);
        drills++;
        for (const idx of sample(date, 20)) {
          participant.run(app.newId(), id, people[idx]!.id, people[idx]!.name, '参演', 'PAPER');
          participants++;
        }
        participant.run(app.newId(), id, null, '消防站观摩人员', '观摩', null);
        participants++;
        steps.forEach((a, n) => step.run(id, n + 1, `09:${pad(n * 10)}`, a, commander.name));
        const evaluatedOn = addDays(date, 2);
        if (evaluatedOn > t) continue;
        const needsRevision = k % 10 === 0;
        evaluation.run(id, evaluatedOn, points, k % 4 ? 1 : 0, k % 4 ? 'GOOD' : 'FAIR', needsRevision ? 1 : 0, needsRevision ? '处置步骤需调整' : null, now, now);
        for (let n = 1; n <= 2; n++) {
          let triggerId: string | null = null;
          if (needsRevision && n === 1) {
            triggerId = app.newId();
            trigger.run(triggerId, p.id, 'DRILL', evaluatedOn, '演练发现预案问题', addDays(evaluatedOn, 60), principal, id, null, y < thisYear ? addDays(evaluatedOn, 50) : null, now);
          }
          problem.run(app.newId(), id, n, `问题 ${n}：报告不及时`, '培训不足', '加强培训', triggerId);
          problems++;
        }
        if (addDays(evaluatedOn, 3) <= t) summary.run(id, addDays(evaluatedOn, 3), now);
      }
    }

    // ---- training plans, sessions and attendance ----
    const tItem = db.prepare(
      `INSERT INTO training_plan_item (id, year, title, type, audience, plannedMonth, hours, organiserUnitId, notes, createdAtMs, updatedAtMs) VALUES (?, ?, ?, ?, '全体员工', ?, ?, ?, NULL, ?, ?)`,
    );
    const session = db.prepare(
      `INSERT INTO training_session (id, code, planItemId, title, type, sessionDate, hours, trainer, location, organiserUnitId, content, examMethod, passScore, audienceUnitIdsJson, createdAtMs, updatedAtMs)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, '培训中心', ?, ?, ?, ?, ?, ?, ?)`,
    );
    const attend = db.prepare('INSERT INTO training_attendance (sessionId, personId, signMethod, examScore, passed, createdAtMs) VALUES (?, ?, ?, ?, ?, ?)');
    for (let y = firstYear; y <= thisYear; y++) {
      const itemIds: string[] = [];
      for (let m = 1; m <= 12; m++) {
        const id = app.newId();
        tItem.run(id, y, `${m} 月全员安全培训`, 'ROUTINE', m, 2, unitIds[m % unitIds.length]!, now, now);
        itemIds.push(id);
      }
      let seq = 0;
      for (let k = 0; k < LARGE_ET.sessionsPerYear; k++) {
        const dayOfYear = Math.floor((k * 365) / LARGE_ET.sessionsPerYear);
        const date = addDays(`${y}-01-01`, dayOfYear);
        if (date > t || !date.startsWith(`${y}-`)) continue;
        const type = TRAINING_TYPES[k % TRAINING_TYPES.length]!;
        const hours = HOURS[k % HOURS.length]!;
        const exam = k % 3 === 0;
        const id = app.newId();
        seq++;
        const unitId = unitIds[k % unitIds.length]!;
        const month = Number(date.slice(5, 7));
        session.run(id, `PX-${y}-${pad(seq, 4)}`, type === 'ROUTINE' && k % 2 === 0 ? itemIds[month - 1]! : null, `${y} 年第 ${seq} 期安全培训（${type}）`, type, date, hours, `讲师${(k % 12) + 1}`, unitId, '安全生产法律法规、岗位操作规程、应急处置', exam ? 'WRITTEN' : 'NONE', exam ? 60 : null, JSON.stringify([unitId]), now, now);
        sessions++;
        const chosen = new Set(sample(date, LARGE_ET.attendeesPerSession));
        if (heavy.hireDate <= date) chosen.add(0);
        for (const idx of chosen) {
          const score = exam ? 50 + Math.floor(rand() * 51) : null;
          attend.run(id, people[idx]!.id, k % 5 === 0 ? 'ON_SCREEN' : 'PAPER', score, score === null ? null : score >= 60 ? 1 : 0, now);
          attendance++;
        }
      }
    }
  });
  return { plans: LARGE_ET.plans, versions, drills, participants, problems, sessions, attendance, heavyPersonId: heavy.id };
}

export const LARGE_STD = { topElements: 8, subElements: 5, itemsPerSub: 25, deductionRate: 0.2, evidenceRate: 0.2 };

/**
 * 安全生产标准化: a 1,000-item industry sheet (8 × 5 elements, 25 items each,
 * 1,000 points) imported through the import service from a generated JSON
 * file, and two self-assessments on it (this year open, last year finished)
 * with every item answered: about 3 % not applicable, about 20 % with one or
 * two deductions (some followed up as to-dos) and about 20 % with evidence
 * links to drills, training sessions, the hazard ledger and an attachment.
 * Results are written with prepared statements in one transaction (scoring
 * 2,000 items through the service would take the seed minutes).
 */
export async function seedLargeStandard(
  app: AppContext,
  personIds: string[],
): Promise<{ standardId: string; sessionId: string; lastSessionId: string; items: number; results: number; deductions: number; evidence: number; itemId: number; importFile: string }> {
  const db = app.db;
  const t = today(app);
  const year = Number(t.slice(0, 4));
  const rand = prng(77);
  const elements: { code: string; name: string; parent: string | null }[] = [];
  const items: { code: string; element: string; content: string; points: number; method: string; evidence: string }[] = [];
  const POINTS = [2, 1, 0.5, 0.5];
  for (let a = 1; a <= LARGE_STD.topElements; a++) {
    elements.push({ code: `${a}`, name: `一级要素 ${a}`, parent: null });
    for (let b = 1; b <= LARGE_STD.subElements; b++) {
      const sub = `${a}.${b}`;
      elements.push({ code: sub, name: `二级要素 ${sub}`, parent: `${a}` });
      for (let c = 1; c <= LARGE_STD.itemsPerSub; c++) {
        items.push({
          code: `${sub}-${c}`,
          element: sub,
          content: `建立健全第 ${sub} 项管理制度并严格落实：明确责任部门和人员，按规定频次开展检查、记录和考核，发现问题及时整改并闭环（第 ${c} 条）。`,
          points: POINTS[items.length % POINTS.length]!,
          method: '未建立制度的不得分；制度内容不全的，每缺一项扣 0.5 分；未按规定频次开展检查的，扣 0.5 分；记录不全的，每处扣 0.5 分。',
          evidence: '查资料：制度文件、检查记录、考核记录；问人员：随机询问 2～3 名相关人员。',
        });
      }
    }
  }
  const file = { code: 'BENCH-1000', name: '大型企业安全生产标准化评分细则（基准测试）', edition: `${year}`, note: null, elements, items };
  const importFile = Buffer.from(JSON.stringify(file)).toString('base64');
  const std = await importStandard(app, 'bench-standard.json', importFile);
  const rows = db.prepare('SELECT id, code, points FROM std_item WHERE standardId = ? ORDER BY seq').all(std.id) as { id: number; code: string; points: number }[];
  const team = [
    { name: '陈国栋', role: '组长', personId: personIds[0]! },
    { name: '安全环保部', role: '组员', personId: null },
  ];
  const session = (y: number) =>
    createSession(app, { year: y, title: `${y} 年度安全生产标准化自评`, standardId: std.id, gradeProfile: 'MEM2021', team, startsOn: `${y}-10-08`, endsOn: `${y}-11-20`, accidentFreeYears: 3, overview: '大型机械制造企业，职工 5,000 人', process: '对照评分细则逐项查资料、问人员、看现场' }).id;
  const lastSessionId = session(year - 1);
  const sessionId = session(year);
  const drills = db.prepare('SELECT id, code, title FROM drill ORDER BY drillDate DESC LIMIT 200').all() as { id: string; code: string; title: string }[];
  const trainings = db.prepare('SELECT id, code, title FROM training_session ORDER BY sessionDate DESC LIMIT 200').all() as { id: string; code: string; title: string }[];
  const attachment = storeAttachment(app, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'), '检查记录扫描件.png', 'image');
  const now = app.clock.nowMs();
  let results = 0;
  let deductions = 0;
  let evidence = 0;
  let itemId = 0;
  inTransaction(db, () => {
    const result = db.prepare('INSERT INTO std_result (sessionId, itemId, applicable, naReason, description, score, updatedAtMs) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const deduction = db.prepare('INSERT INTO std_deduction (id, sessionId, itemId, seq, points, reason, todoOwnerId, todoDueOn, todoDoneOn, todoNote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const ev = db.prepare('INSERT INTO std_evidence (id, sessionId, itemId, kind, refId, periodFrom, periodTo, label, createdAtMs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const [sid, y] of [
      [lastSessionId, year - 1],
      [sessionId, year],
    ] as const) {
      rows.forEach((it, n) => {
        const na = rand() < 0.03;
        const cut: number[] = [];
        if (!na && rand() < LARGE_STD.deductionRate) {
          cut.push(Math.min(it.points, 0.5));
          if (rand() < 0.3) cut.push(0.5);
        }
        const score = na ? null : Math.max(0, it.points - cut.reduce((a, b) => a + b, 0));
        result.run(sid, it.id, na ? 0 : 1, na ? '本企业无此类设备或作业' : null, na ? null : cut.length ? '制度已建立，但检查记录不全，个别问题未闭环' : '符合要求，记录齐全', score, now);
        results++;
        cut.forEach((p, k) => {
          const todo = k === 0 && n % 3 === 0;
          deduction.run(app.newId(), sid, it.id, k + 1, p, k ? '检查记录缺少整改复查签字' : '未按规定频次开展检查，缺 2 次记录', todo ? personIds[n % personIds.length]! : null, todo ? `${y}-12-31` : null, todo && n % 2 === 0 ? `${y}-12-10` : null, todo && n % 2 === 0 ? '已补充检查并整改' : null);
          deductions++;
        });
        if (!na && rand() < LARGE_STD.evidenceRate) {
          const d = drills.length ? drills[n % drills.length]! : null;
          const tr = trainings.length ? trainings[n % trainings.length]! : null;
          if (d) ev.run(app.newId(), sid, it.id, 'DRILL', d.id, null, null, `${d.code} ${d.title}`, now);
          if (tr) ev.run(app.newId(), sid, it.id, 'TRAINING_SESSION', tr.id, null, null, `${tr.code} ${tr.title}`, now + 1);
          ev.run(app.newId(), sid, it.id, 'HAZARD_LEDGER', null, `${y}-01-01`, `${y}-06-30`, `隐患排查治理台账（${y}-01-01 至 ${y}-06-30）`, now + 2);
          if (n % 4 === 0) ev.run(app.newId(), sid, it.id, 'ATTACHMENT', attachment.id, null, null, attachment.originalName, now + 3);
          evidence += (d ? 1 : 0) + (tr ? 1 : 0) + 1 + (n % 4 === 0 ? 1 : 0);
        }
        // The item the bench re-scores: in the middle of the sheet, with deductions and evidence.
        if (sid === sessionId && n === 500) itemId = it.id;
      });
    }
  });
  finishSession(app, lastSessionId, `${year - 1}-11-25`);
  return { standardId: std.id, sessionId, lastSessionId, items: rows.length, results, deductions, evidence, itemId, importFile };
}
