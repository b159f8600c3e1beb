/**
 * The print centre's 教育培训 documents: the 培训签到表 of a session, the yearly
 * 安全教育培训台账 and the 个人安全培训档案（一人一档）. Layouts are in docs.ts.
 */
import type { AppContext } from '../../context.ts';
import type { TrainingSession } from '../../../preload/contract/training.ts';
import { CertDueState, EmploymentType, ExamMethod, SignMethod, TraineeRole, TrainingType } from '../../../preload/contract/enums.ts';
import { fail } from '../../errors.ts';
import { sumHours } from '../../domain/training.ts';
import { today } from '../enterprise/service.ts';
import { unitPaths } from '../org/repo.ts';
import { docType, type Loaded, type PrintTarget } from '../print/types.ts';
import { trainingArchive, trainingCompliance } from './archive.ts';
import { buildRecordCard, buildSignIn, buildTrainingLedger, type RecordCardData, type SignInData, type TrainingLedgerData } from './docs.ts';
import { attendanceCandidates, getSession, listSessions, trainingSettings } from './service.ts';

/** How many sessions the print centre's picker lists. */
const RECORD_LIST_LIMIT = 500;
/** Sign-in rows per laid-out part (each row may carry a signature image). */
export const SIGN_IN_ROWS_PER_PART = 400;
/** Ledger rows per laid-out part. */
export const LEDGER_ROWS_PER_PART = 1000;

const hoursText = (h: number) => `${h}`;

// ---------------------------------------------------------------- 培训签到表

function scoreText(score: number | null, passed: boolean | null): string {
  if (score === null) return passed === null ? '' : passed ? '合格' : '不合格';
  return `${score}${passed === false ? ' 不合格' : ''}`;
}

function sessionHead(app: AppContext, s: TrainingSession): SignInData['head'] {
  const content = s.content?.replace(/\s+/g, ' ').trim() ?? null;
  const pass = s.passScore ?? trainingSettings(app).passScore;
  return {
    code: s.code,
    title: s.title,
    type: TrainingType.label[s.type],
    date: s.sessionDate,
    hours: `${hoursText(s.hours)} 学时`,
    trainer: s.trainer,
    location: s.location ?? '',
    organiser: s.organiserUnitName ?? '',
    exam: s.examMethod === 'NONE' ? ExamMethod.label.NONE : `${ExamMethod.label[s.examMethod]}，${pass} 分及格`,
    audience: s.audienceUnitNames.length ? s.audienceUnitNames.join('、') : '全企业',
    content: content && content.length > 260 ? `${content.slice(0, 260)}…` : content,
  };
}

function loadSignIn(app: AppContext, t: PrintTarget): Loaded<SignInData> {
  if (!t.recordId) return fail.field('recordId', '请选择培训记录');
  const s = getSession(app, t.recordId);
  const candidates = attendanceCandidates(app, s.id, null);
  const imageIds: string[] = [];
  const omitted: string[] = [];
  const sha = (id: string) => (app.db.prepare('SELECT sha256 FROM attachment WHERE id = ?').get(id) as { sha256: string }).sha256;
  let rows: SignInData['rows'];
  let mode: SignInData['mode'];
  let totals: string;
  if (s.attendees.length) {
    mode = 'ATTENDEES';
    rows = s.attendees.map((a, i) => {
      if (a.signatureAttachmentId) imageIds.push(a.signatureAttachmentId);
      return {
        no: i + 1,
        name: a.name,
        staffNo: a.staffNo,
        unit: a.unitName,
        posts: a.postNames,
        signatureSha: a.signatureAttachmentId ? sha(a.signatureAttachmentId) : null,
        signed: a.signMethod,
        score: scoreText(a.examScore, a.passed),
        failed: a.passed === false,
      };
    });
    // 应到 is known only when the session names its audience units.
    const absent = candidates.filter((c) => !c.attended).length;
    const expected = s.audienceUnitIds.length ? `应到 ${candidates.length} 人，实到 ${s.attendees.length} 人${absent ? `，缺席 ${absent} 人` : ''}` : `实到 ${s.attendees.length} 人`;
    totals = `${expected}${s.examMethod !== 'NONE' ? `；考核合格 ${s.passedCount} 人，不合格 ${s.failedCount} 人` : ''}。`;
    const paperOnly = s.attendees.filter((a) => a.signMethod === 'PAPER' && !a.signatureAttachmentId).length;
    if (paperOnly) omitted.push(`${paperOnly} 人按纸质签到表登记，签名见纸质签到表${s.signInAttachmentId ? '（扫描件已存档）' : ''}`);
  } else {
    mode = 'CANDIDATES';
    rows = candidates.map((c, i) => ({ no: i + 1, name: c.name, staffNo: c.staffNo, unit: c.unitName, posts: c.postNames, signatureSha: null, signed: null, score: '', failed: false }));
    totals = `应到 ${candidates.length} 人，实到 ______ 人。`;
    omitted.push('尚未登记签到：列出参训单位培训当日在职的人员，签名栏留空供本人签名');
  }
  const blankRows = Math.max(3, Math.ceil(rows.length * 0.1));
  return {
    title: `培训签到表（${s.code}）`,
    data: { head: sessionHead(app, s), withExam: s.examMethod !== 'NONE', mode, rows, blankRows, totals },
    imageIds,
    missing: [],
    omitted,
  };
}

function chunkRows<D extends { rows: unknown[]; part?: { first: boolean; last: boolean } }>(d: D, per: number): D[] {
  if (d.rows.length <= per) return [d];
  const parts: D[] = [];
  for (let i = 0; i < d.rows.length; i += per) parts.push({ ...d, rows: d.rows.slice(i, i + per), part: { first: i === 0, last: i + per >= d.rows.length } });
  return parts;
}

export const trainingSignInDoc = docType<SignInData>({
  type: 'trainingSignIn',
  title: '培训签到表',
  group: '教育培训',
  description:
    '每次培训一份：培训名称、类型、日期、学时、授课人、地点、考核方式和内容摘要；签到表列出序号、姓名、工号、部门、岗位、签名和考试成绩。已登记签到的印出屏幕签名；尚未签到的列出参训单位当日在职人员供签名，表末留空行。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A4', orientation: 'portrait' },
  suggestedSizes: ['A4'],
  minShortSideMm: 210,
  records: {
    label: '培训记录',
    required: true,
    list: (app) =>
      (
        app.db
          .prepare(
            `SELECT s.id, s.code, s.sessionDate, s.title, (SELECT count(*) FROM training_attendance a WHERE a.sessionId = s.id) AS n
             FROM training_session s ORDER BY s.sessionDate DESC, s.code DESC LIMIT ${RECORD_LIST_LIMIT}`,
          )
          .all() as { id: string; code: string; sessionDate: string; title: string; n: number }[]
      ).map((r) => ({ id: r.id, label: `${r.code} ${r.sessionDate} ${r.title}（${r.n ? `${r.n} 人已签到` : '未签到'}）` })),
  },
  sectionLabels: { head: '培训情况', withExam: '考核', mode: '签到方式', rows: '参训人员和签名', blankRows: '空行', totals: '应到实到' },
  load: loadSignIn,
  build: buildSignIn,
  chunk: (d) => chunkRows(d, SIGN_IN_ROWS_PER_PART),
  // Printed before the session as a form to sign; signing it is not a change that needs a reprint.
  trackStale: false,
});

// ---------------------------------------------------------------- 安全教育培训台账

function loadLedger(app: AppContext, t: PrintTarget): Loaded<TrainingLedgerData> {
  const year = t.year ?? Number(today(app).slice(0, 4));
  const sessions = listSessions(app, { from: `${year}-01-01`, to: `${year}-12-31`, unitId: t.unitId, search: null }, 1, 1_000_000).items.reverse();
  const c = trainingCompliance(app, year, t.unitId, true);
  const settings = trainingSettings(app);
  const attendees = sessions.reduce((a, s) => a + s.attendeeCount, 0);
  const personHours = sumHours(sessions.map((s) => s.hours * s.attendeeCount));
  const examined = sessions.filter((s) => s.examMethod !== 'NONE');
  const passed = examined.reduce((a, s) => a + s.passedCount, 0);
  const scored = examined.reduce((a, s) => a + s.passedCount + s.failedCount, 0);
  const pct = (a: number, b: number) => `${Math.round((a / b) * 1000) / 10}%`;
  const rule = settings.periodicRule;
  const STATE = { MET: '达标', MISSED: '未达标', DUE: '进行中', UPCOMING: '未开始' } as const;
  return {
    title: `${year}年度安全教育培训台账`,
    data: {
      year,
      scope: t.unitId ? `${unitPaths(app.db).get(t.unitId) ?? ''}（按组织部门）` : '全企业',
      rows: sessions.map((s, i) => {
        const n = s.passedCount + s.failedCount;
        return {
          no: i + 1,
          code: s.code,
          date: s.sessionDate,
          title: s.title,
          type: TrainingType.label[s.type],
          hours: hoursText(s.hours),
          trainer: s.trainer,
          count: String(s.attendeeCount),
          passRate: s.examMethod === 'NONE' ? '不考核' : n ? `${pct(s.passedCount, n)}（${s.passedCount}/${n}）` : '成绩未登记',
          low: n > 0 && s.passedCount / n < 0.8,
        };
      }),
      totals:
        `全年共培训 ${sessions.length} 期，合计 ${sumHours(sessions.map((s) => s.hours))} 学时，参训 ${attendees} 人次、${personHours} 人·学时` +
        (examined.length ? `；考核 ${examined.length} 期 ${scored} 人次，合格 ${passed} 人次（合格率 ${scored ? pct(passed, scored) : '—'}）。` : '。'),
      people: c.summary.withRequirement
        ? `年度学时：有学时要求的 ${c.summary.withRequirement} 人中，已达标 ${c.summary.metHours} 人，未达标 ${c.summary.shortHours} 人；新员工三级安全教育不全 ${c.summary.inductionMissing} 人，转岗后未重新培训 ${c.summary.postChangeMissing} 人。`
        : null,
      periodic: c.periods.length
        ? {
            title: `全员定期培训（每${rule.period === 'MONTH' ? '月' : '季度'}每人不少于 ${rule.minHours} 学时，参训率目标 ${rule.attendanceTarget}%）`,
            rows: c.periods.map((p) => ({ label: p.label, active: p.activeStaff, trained: p.trained, rate: p.state === 'UPCOMING' ? '—' : `${p.rate}%`, state: STATE[p.state], bad: p.state === 'MISSED' })),
          }
        : null,
    },
    imageIds: [],
    missing: [],
    omitted: sessions.length ? [] : [`${year} 年度还没有登记的培训`],
  };
}

export const trainingLedgerDoc = docType<TrainingLedgerData>({
  type: 'trainingLedger',
  title: '安全教育培训台账',
  group: '教育培训',
  description: '年度培训台账：序号、编号、日期、培训名称、类型、学时、授课人、参训人数和考核合格率，全年合计；其后为年度学时达标情况和全员定期培训规则（每月或每季度）的参训率。可按组织部门筛选。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A4', orientation: 'landscape' },
  suggestedSizes: ['A4', 'A3'],
  minShortSideMm: 210,
  options: ['year', 'unit'],
  sectionLabels: { year: '年度', scope: '范围', rows: '培训记录', totals: '合计', people: '学时达标', periodic: '全员定期培训' },
  load: loadLedger,
  build: buildTrainingLedger,
  chunk: (d) => chunkRows(d, LEDGER_ROWS_PER_PART),
  // A ledger of a year: sessions keep being added.
  trackStale: false,
});

// ---------------------------------------------------------------- 个人安全培训档案

/** What each level of 三级安全教育 covers when the session recorded no content of its own. */
const INDUCTION_CONTENT: Record<string, string> = {
  厂级: '本单位安全生产情况及安全生产基本知识；安全生产规章制度和劳动纪律；从业人员安全生产权利和义务；有关事故案例等。',
  车间级: '工作环境及危险因素；所从事工种可能遭受的职业伤害和伤亡事故；岗位安全职责、操作技能及强制性标准；自救互救、急救方法、疏散和现场紧急情况的处理；安全设备设施、个人防护用品的使用和维护；车间安全生产状况及规章制度；事故案例等。',
  班组级: '岗位安全操作规程；岗位之间工作衔接配合的安全与职业卫生事项；有关事故案例等。',
};

function loadRecordCard(app: AppContext, t: PrintTarget): Loaded<RecordCardData> {
  if (!t.recordId) return fail.field('recordId', '请选择人员');
  const a = trainingArchive(app, t.recordId);
  const p = a.person;
  const thisYear = Number(today(app).slice(0, 4));
  const content = (sessionId: string) => (app.db.prepare('SELECT content FROM training_session WHERE id = ?').get(sessionId) as { content: string | null }).content;
  const level = (name: string, x: (typeof a.induction)['company']) => {
    const own = x ? content(x.sessionId)?.replace(/\s+/g, ' ').trim() : null;
    return {
      level: name,
      date: x?.date ?? null,
      hours: x ? hoursText(x.hours) : null,
      trainer: x?.trainer ?? null,
      content: own ? (own.length > 150 ? `${own.slice(0, 150)}…` : own) : INDUCTION_CONTENT[name]!,
      code: x?.code ?? null,
    };
  };
  const missingLevels = [
    ['厂级', a.induction.company],
    ['车间级', a.induction.workshop],
    ['班组级', a.induction.team],
  ]
    .filter(([, x]) => !x)
    .map(([n]) => n as string);
  const rule = a.rule;
  const ruleText = rule
    ? [rule.initialHours !== null ? `初次（上岗前）不少于 ${rule.initialHours} 学时` : null, rule.yearlyHours !== null ? `每年再培训不少于 ${rule.yearlyHours} 学时` : null].filter(Boolean).join('，') || '无学时要求'
    : '未设置学时要求';
  const omitted: string[] = [];
  if (missingLevels.length) omitted.push(`三级安全教育缺${missingLevels.join('、')}记录，教育卡相应行留空`);
  return {
    title: `个人安全培训档案（${p.name} ${p.staffNo}）`,
    data: {
      person: {
        name: p.name,
        staffNo: p.staffNo,
        idNumber: p.idNumberMasked ?? '未登记',
        unit: p.unitName,
        posts: p.postNames,
        employment: EmploymentType.label[p.employmentType as keyof typeof EmploymentType.label] ?? p.employmentType,
        employer: p.employerName,
        hireDate: p.hireDate ?? '未登记',
        status: p.status === 'LEFT' ? `已离职（${p.leftDate ?? ''}）` : '在职',
        role: TraineeRole.label[a.role],
        rule: ruleText,
        ruleBasis: rule?.basis ?? null,
      },
      induction: [level('厂级', a.induction.company), level('车间级', a.induction.workshop), level('班组级', a.induction.team)],
      inductionNote: a.induction.complete
        ? '新入厂人员须经厂级、车间级、班组级三级安全教育，经考核合格后方可上岗。本人三级安全教育已全部完成，请在各级教育后本人签名。'
        : `新入厂人员须经厂级、车间级、班组级三级安全教育，经考核合格后方可上岗。本人尚缺${missingLevels.join('、')}安全教育记录，补充教育后填写相应行并签名。`,
      years: a.years.map((y) => {
        const ongoing = y.year === thisYear && p.status === 'ACTIVE';
        const met = y.met === null ? '—' : y.met ? '达标' : ongoing ? `进行中，尚差 ${sumHours([y.required ?? 0, -y.hours])} 学时` : '未达标';
        return {
          year: y.year,
          hours: hoursText(y.hours),
          required: y.required === null ? '—' : hoursText(y.required),
          kind: y.kind === 'INITIAL' ? '初次培训' : y.kind === 'YEARLY' ? '年度再培训' : '—',
          met,
          bad: y.met === false && !ongoing,
        };
      }),
      postChanges: a.postChanges.map((c) => ({ date: c.startDate, post: c.postName, unit: c.unitName, retrained: c.retrained ? '已完成' : '未完成', bad: !c.retrained })),
      // In date order, as a paper file is kept.
      sessions: [...a.sessions].reverse().map((s, i) => ({
        no: i + 1,
        date: s.sessionDate,
        code: s.code,
        title: s.title,
        type: TrainingType.label[s.type],
        hours: hoursText(s.hours),
        trainer: s.trainer,
        score: s.examScore === null ? (s.passed === null ? '—' : s.passed ? '合格' : '不合格') : `${s.examScore}${s.passed === false ? '（不合格）' : ''}`,
        sign: s.signMethod === 'ON_SCREEN' ? '屏幕' : SignMethod.label.PAPER.replace('签到表', ''),
      })),
      drills: a.drills.map((x) => ({ date: x.drillDate, code: x.code, title: x.title, role: x.role ?? '参演人员' })),
      certificates: a.certificates.map((c) => ({
        type: c.category ? `${c.certTypeName}（${c.category}）` : c.certTypeName,
        number: c.number,
        due: c.dueDate ?? '—',
        state: CertDueState.label[c.dueState],
        bad: c.dueState === 'EXPIRED' || c.dueState === 'REVIEW_OVERDUE',
      })),
      flags: a.flags,
    },
    imageIds: [],
    missing: [],
    omitted,
  };
}

export const trainingRecordCardDoc = docType<RecordCardData>({
  type: 'trainingRecordCard',
  title: '个人安全培训档案',
  group: '教育培训',
  description:
    '一人一档：人员信息（身份证号部分隐藏）、人员类别和学时要求，三级安全教育卡（厂级、车间级、班组级：日期、学时、授课人、教育内容和受教育者签名栏），各年度学时与要求对照，转岗情况，培训记录，参加的应急演练，持证情况和需关注事项。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A4', orientation: 'portrait' },
  suggestedSizes: ['A4'],
  minShortSideMm: 210,
  records: {
    label: '人员',
    required: true,
    // One query for every person (a 5,000-person list stays fast); the picker searches by 工号, name and unit.
    list: (app) => {
      const paths = unitPaths(app.db);
      return (
        app.db
          .prepare(`SELECT p.id, p.staffNo, p.name, p.unitId, p.status FROM person p JOIN unit u ON u.id = p.unitId ORDER BY p.status = 'LEFT', u.sortOrder, u.name, p.staffNo`)
          .all() as { id: string; staffNo: string; name: string; unitId: string; status: string }[]
      ).map((r) => ({ id: r.id, label: `${r.staffNo} ${r.name} · ${paths.get(r.unitId) ?? ''}${r.status === 'LEFT' ? '（已离职）' : ''}` }));
    },
  },
  sectionLabels: {
    person: '人员信息',
    induction: '三级安全教育',
    inductionNote: '三级安全教育情况',
    years: '年度学时',
    postChanges: '转岗情况',
    sessions: '培训记录',
    drills: '参加演练',
    certificates: '持证情况',
    flags: '需关注事项',
  },
  load: loadRecordCard,
  build: buildRecordCard,
});
