/**
 * The print centre's 应急演练 documents: the 年度应急演练计划 and the 应急演练记录
 * of one drill (record, evaluation, summary report). Layouts are in docs.ts.
 */
import type { AppContext } from '../../context.ts';
import type { Drill, DrillPlanItem } from '../../../preload/contract/drills.ts';
import { ComplianceState, DrillForm, DrillItemState, DrillOverall, DrillPurpose, DrillRating, DrillScope, EmergencyPlanType, HazardStatus } from '../../../preload/contract/enums.ts';
import { fail } from '../../errors.ts';
import { today } from '../enterprise/service.ts';
import { docType, type Loaded, type PrintTarget } from '../print/types.ts';
import { buildDrillPlan, buildDrillRecord, type DrillPlanData, type DrillRecordData } from './docs.ts';
import { drillCompliance, evaluationPoints, getDrill, getYearPlan } from './service.ts';

/** How many drills the print centre's picker lists. */
const RECORD_LIST_LIMIT = 500;
/** Photos printed in the record (the rest stay in the archive). */
const PHOTOS_PRINTED = 4;

const money = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const yuan = (n: number | null): string => (n === null ? '—' : money.format(n));

const short = (label: string) => label.replace(/演练$/, '');

// ---------------------------------------------------------------- 年度应急演练计划

function itemState(i: DrillPlanItem): { text: string; late: boolean } {
  const drill = i.drillCode ? `（${i.drillDate?.slice(5) ?? ''}）\n${i.drillCode}` : '';
  switch (i.state) {
    case 'DONE':
      return { text: `已演练${drill}`, late: false };
    case 'LATE':
      return { text: `延后完成${drill}`, late: false };
    case 'CANCELLED':
      return { text: `已取消：${i.cancelledReason ?? ''}`, late: false };
    case 'MISSED':
      return { text: DrillItemState.label.MISSED, late: true };
    default:
      return { text: DrillItemState.label[i.state], late: false };
  }
}

function loadDrillPlan(app: AppContext, t: PrintTarget): Loaded<DrillPlanData> {
  const year = t.year ?? Number(today(app).slice(0, 4));
  const plan = getYearPlan(app, year);
  const c = drillCompliance(app, year);
  const omitted: string[] = [];
  if (!plan.approvedOn) omitted.push('年度演练计划尚未登记编制和批准，签字栏留空');
  return {
    title: `${year}年度应急演练计划`,
    data: {
      year,
      rows: plan.items.map((i, n) => {
        const s = itemState(i);
        return {
          no: n + 1,
          planCode: i.planCode,
          plan: i.planName,
          planType: EmergencyPlanType.label[i.planType],
          scenario: i.scenario,
          scope: short(DrillScope.label[i.scope]),
          form: short(DrillForm.label[i.form]),
          month: `${i.plannedMonth} 月`,
          organiser: i.organiserUnitName,
          participants: i.participants,
          budget: yuan(i.budget),
          state: s.text,
          late: s.late,
          notes: i.notes,
        };
      }),
      budgetTotal: yuan(plan.budgetTotal),
      compiledBy: plan.compiledBy,
      approvedBy: plan.approvedByName,
      approvedOn: plan.approvedOn,
      compliance: {
        highRisk: c.highRisk ? `${c.highRiskBasis}：每半年至少组织一次演练，并将演练情况报送所在地县级以上地方人民政府负有安全生产监督管理职责的部门。` : `${c.highRiskBasis}。`,
        rules: c.rules.map((r) => ({
          label: r.label,
          basis: r.basis,
          periods: r.periods.map((p) => ({
            label: p.label,
            range: `${p.from.slice(5)} 至 ${p.to.slice(5)}`,
            required: p.required,
            done: p.done,
            state: p.state === 'DUE' && p.planned ? `${ComplianceState.label.DUE}（已计划 ${p.planned} 项）` : ComplianceState.label[p.state],
            bad: p.state === 'MISSED' || p.state === 'NOT_REPORTED',
            drills: p.drills.map((x) => `${x.code}（${x.drillDate.slice(5)}${r.requireReport ? (x.reportedOn ? '，已报送' : '，未报送') : ''}）`).join('、'),
          })),
        })),
        shortfalls: c.shortfalls,
      },
    },
    imageIds: [],
    missing: plan.items.length ? [] : [`${year} 年度演练计划项（请先在「应急演练 → 年度计划」中安排）`],
    omitted,
  };
}

export const drillPlanDoc = docType<DrillPlanData>({
  type: 'drillPlan',
  title: '年度应急演练计划',
  group: '应急预案与演练',
  description:
    '年度演练计划表：演练预案、演练情景、演练内容（综合/单项）、演练形式（实战/桌面）、计划月份、组织部门、参演人员、预算和完成情况，预算合计，编制和主要负责人批准；表后列出演练频次要求（每年综合或专项、每半年现场处置方案、高危行业每半年并报送）的落实情况。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A4', orientation: 'landscape' },
  suggestedSizes: ['A4', 'A3'],
  minShortSideMm: 210,
  options: ['year'],
  sectionLabels: { year: '年度', rows: '计划项', budgetTotal: '预算合计', compiledBy: '编制人', approvedBy: '批准人', approvedOn: '批准日期', compliance: '频次落实情况' },
  load: loadDrillPlan,
  build: buildDrillPlan,
  // Completion moves on during the year; the approved plan on paper stays valid.
  trackStale: false,
});

// ---------------------------------------------------------------- 应急演练记录

function shaOf(app: AppContext, attachmentId: string): string {
  return (app.db.prepare('SELECT sha256 FROM attachment WHERE id = ?').get(attachmentId) as { sha256: string }).sha256;
}

function followUp(p: Drill['problems'][number]): string {
  const parts: string[] = [];
  if (p.hazardCode) parts.push(`隐患 ${p.hazardCode}\n（${p.hazardStatus ? (HazardStatus.label[p.hazardStatus as keyof typeof HazardStatus.label] ?? p.hazardStatus) : ''}）`);
  if (p.triggerId) parts.push(`预案修订事项\n（${p.triggerResolved ? '已修订' : '待修订'}）`);
  return parts.length ? parts.join('\n') : '尚未转办';
}

function loadDrillRecord(app: AppContext, t: PrintTarget): Loaded<DrillRecordData> {
  if (!t.recordId) return fail.field('recordId', '请选择演练记录');
  const d = getDrill(app, t.recordId);
  const imageIds: string[] = [];
  const omitted: string[] = [];
  const participants = d.participants.map((p, i) => {
    const sig = p.signatureAttachmentId ? shaOf(app, p.signatureAttachmentId) : null;
    if (p.signatureAttachmentId) imageIds.push(p.signatureAttachmentId);
    return { no: i + 1, name: p.name, unit: p.unitName ?? '外部人员', role: p.role ?? '', signatureSha: sig, signed: p.signMethod };
  });
  const onScreen = d.participants.filter((p) => p.signMethod === 'ON_SCREEN').length;
  const paper = d.participants.filter((p) => p.signMethod === 'PAPER').length;
  const unsigned = d.participants.length - onScreen - paper;
  const photos = d.photos.filter((p) => p.mimeType.startsWith('image/')).slice(0, PHOTOS_PRINTED);
  for (const p of photos) imageIds.push(p.attachmentId);
  const morePhotos = d.photos.length - photos.length;
  const media = [morePhotos ? `另有 ${morePhotos} 张照片` : '', d.videos.length ? `${d.videos.length} 段演练视频` : ''].filter(Boolean);
  if (!d.photos.length && d.form === 'LIVE') omitted.push('现场照片（尚未上传）');
  if (media.length) omitted.push(`${media.join('、')}未打印（已在系统中存档）`);
  if (unsigned) omitted.push(`${unsigned} 名参演人员尚未签到，签名栏留空供手签`);
  if (!d.evaluation) omitted.push('演练评估（尚未登记，第二部分打印为空白评估表）');
  if (!d.summary) omitted.push('演练总结报告（尚未编写，第三部分只列出已登记的时间地点、参演人员和问题）');
  const unplanned = d.problems.filter((p) => !p.hazardId && !p.triggerId).length;
  if (unplanned) omitted.push(`${unplanned} 个问题尚未转为隐患或预案修订事项`);
  if (d.needsReport && !d.reportedOn) omitted.push('尚未登记向监管部门报送演练情况');
  const rated = new Map((d.evaluation?.points ?? []).map((p) => [p.code, p]));
  const units = new Map<string, number>();
  for (const p of participants) units.set(p.unit, (units.get(p.unit) ?? 0) + 1);
  const e = d.evaluation;
  const planItemYear = d.planItemId ? (app.db.prepare('SELECT year, plannedMonth FROM drill_plan_item WHERE id = ?').get(d.planItemId) as { year: number; plannedMonth: number } | undefined) : undefined;
  return {
    title: `应急演练记录（${d.code}）`,
    data: {
      head: {
        code: d.code,
        title: d.title,
        plan: `${d.planCode} ${d.planName}（${EmergencyPlanType.label[d.planType]}）`,
        planItem: planItemYear ? `${planItemYear.year} 年度计划（${planItemYear.plannedMonth} 月）` : '计划外演练',
        kind: `${DrillScope.label[d.scope]} · ${DrillForm.label[d.form]} · ${DrillPurpose.label[d.purpose]}`,
        date: d.drillDate,
        time: `${d.startTime}–${d.endTime}`,
        place: d.place,
        commander: d.commanderName,
        organiser: d.organiserUnitName,
        observers: d.observers,
        report: d.needsReport || d.reportedOn ? (d.reportedOn ? `${d.reportedOn} 报送${d.reportedTo ?? ''}` : '应报送，尚未报送') : null,
      },
      scenario: d.scenario,
      participants,
      signInNote: `共 ${d.participants.length} 人${onScreen ? `，屏幕签名 ${onScreen} 人` : ''}${paper ? `，纸质签到 ${paper} 人` : ''}${unsigned ? `，未签到 ${unsigned} 人` : ''}${d.signInAttachmentId ? '；纸质签到表扫描件已存档' : ''}`,
      steps: d.steps.map((s) => ({ time: s.time, action: s.action, actor: s.actor ?? '' })),
      resources: d.resourcesUsed,
      interruptions: d.interruptions,
      photos: photos.map((p) => shaOf(app, p.attachmentId)),
      mediaNote: media.length ? `${media.join('、')}已在系统中存档。` : null,
      functions: evaluationPoints(app).map((f) => ({
        name: f.name,
        points: f.points.map((p) => {
          const r = rated.get(p.code);
          return { text: p.text, rating: r ? DrillRating.label[r.rating] : null, comment: r?.comment ?? null };
        }),
      })),
      evaluation: e
        ? {
            evaluatedOn: e.evaluatedOn,
            evaluators: e.evaluators,
            onSiteComments: e.onSiteComments,
            preparation: e.preparation,
            performance: e.performance,
            objectivesMet: e.objectivesMet,
            overall: DrillOverall.label[e.overall],
            needsRevision: e.needsPlanRevision,
            revisionReason: e.revisionReason,
          }
        : null,
      problems: d.problems.map((p) => ({ seq: p.seq, description: p.description, cause: p.cause, suggestion: p.suggestion, followUp: followUp(p) })),
      summary: d.summary,
      units: [...units].map(([name, n]) => `${name} ${n} 人`).join('、'),
    },
    imageIds,
    missing: [],
    omitted,
  };
}

export const drillRecordDoc = docType<DrillRecordData>({
  type: 'drillRecord',
  title: '应急演练记录',
  group: '应急预案与演练',
  description:
    '每次演练一份，三部分：演练记录（基本情况、事故情景、参演人员签到和签名、演练过程、使用的应急资源、中断情况、现场照片）；演练评估（依据 AQ/T 9009 按应急功能逐项评价、目标达成、总体评价、是否修订预案、问题及整改跟踪）；演练总结报告（目的、时间地点、参演单位和人员、方案概要、问题和原因、经验教训、改进建议）。尚未评估或总结的，相应部分打印为空白表。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A4', orientation: 'portrait' },
  suggestedSizes: ['A4'],
  minShortSideMm: 210,
  records: {
    label: '演练记录',
    required: true,
    list: (app) =>
      (
        app.db
          .prepare(
            `SELECT d.id, d.code, d.drillDate, d.title, EXISTS (SELECT 1 FROM drill_evaluation e WHERE e.drillId = d.id) AS evaluated,
               EXISTS (SELECT 1 FROM drill_summary s WHERE s.drillId = d.id) AS summarised
             FROM drill d ORDER BY d.drillDate DESC, d.code DESC LIMIT ${RECORD_LIST_LIMIT}`,
          )
          .all() as { id: string; code: string; drillDate: string; title: string; evaluated: number; summarised: number }[]
      ).map((r) => ({ id: r.id, label: `${r.code} ${r.drillDate} ${r.title}${r.evaluated ? (r.summarised ? '' : '（未总结）') : '（未评估）'}` })),
  },
  sectionLabels: {
    head: '演练基本情况',
    scenario: '事故情景',
    participants: '参演人员签到',
    signInNote: '签到情况',
    steps: '演练过程',
    resources: '应急资源',
    interruptions: '中断情况',
    photos: '现场照片',
    mediaNote: '照片和视频',
    functions: '评估要点',
    evaluation: '演练评估',
    problems: '问题及整改跟踪',
    summary: '总结报告',
    units: '参演单位',
  },
  load: loadDrillRecord,
  build: buildDrillRecord,
});
