import type { AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { unitPaths } from '../org/repo.ts';
import { byRecords, docType, type Loaded, type PrintTarget } from '../print/types.ts';
import { buildNotice, buildSheets, type NoticeData, type SheetsData } from './docs.ts';
import { assessmentRows, getSheet, listPeriods, results } from './service.ts';

const SHEETS_PER_PART = 30;

const periodRecords = {
  label: '考核周期',
  required: true,
  list: (app: AppContext) => listPeriods(app).map((p) => ({ id: p.id, label: `${p.label}（${p.status === 'OPEN' ? '进行中' : '已结束'}，已考核 ${p.assessed} 人次）` })),
};

function periodOf(app: AppContext, t: PrintTarget) {
  if (!t.recordId) return fail.field('recordId', '请选择考核周期');
  return listPeriods(app).find((p) => p.id === t.recordId) ?? fail.notFound('考核周期');
}

export function loadSheets(app: AppContext, t: PrintTarget): Loaded<SheetsData> {
  const period = periodOf(app, t);
  const rows = assessmentRows(app, period.id, t.unitId, null).filter((r) => r.listId && (!t.onlyUnsigned || r.score === null));
  const sheets = rows.map((r) => {
    const s = getSheet(app, period.id, r.personId, r.postId);
    return {
      name: r.name,
      staffNo: r.staffNo,
      unitName: r.unitName,
      postName: r.postName,
      listLabel: r.listLabel ?? '',
      items: s.items.map((i) => ({ no: i.itemNo, content: i.content, standard: i.assessmentStandard, weight: i.weight, score: i.score, reason: i.deductionReason, evidence: i.evidence })),
      maxScore: r.maxScore,
      score: r.score,
      percent: r.percent,
      grade: r.grade,
      vetoReason: r.vetoReason,
      comment: s.comment,
      assessorName: r.assessorName,
      assessedOn: s.assessedOn,
    };
  });
  return {
    title: `${period.label}责任制考核表`,
    data: { period: period.label, range: `${period.startDate} 至 ${period.endDate}`, scope: t.unitId ? (unitPaths(app.db).get(t.unitId) ?? '') : '全企业', sheets },
    imageIds: [],
    missing: sheets.length ? [] : [t.onlyUnsigned ? '尚未考核的人员（范围内均已考核）' : '范围内有现行责任清单、需要考核的人员'],
    omitted: [],
  };
}

export function loadNotice(app: AppContext, t: PrintTarget): Loaded<NoticeData> {
  const period = periodOf(app, t);
  const r = results(app, period.id);
  const rows = assessmentRows(app, period.id, null, null);
  const assessed = rows.filter((x) => x.grade !== null);
  return {
    title: `${period.label}责任制考核结果通报`,
    data: {
      period: period.label,
      range: `${period.startDate} 至 ${period.endDate}`,
      grades: r.grades,
      overall: r.overall,
      units: r.units.map(({ unitId: _u, ...u }) => u),
      excellent: assessed.filter((x) => x.grade === '优秀').map((x) => ({ name: x.name, unitName: x.unitName, postName: x.postName, percent: x.percent ?? 0 })),
      failed: assessed
        .filter((x) => x.grade === '不合格')
        .map((x) => ({ name: x.name, unitName: x.unitName, postName: x.postName, reason: x.vetoReason ? `一票否决（${x.vetoReason}）` : `得分率 ${x.percent}%，低于合格线` })),
      notAssessed: rows.length - assessed.length,
    },
    imageIds: [],
    missing: assessed.length ? [] : ['已完成的考核（至少一人的考核表全部条目已评分）'],
    omitted: [],
  };
}

export const assessmentSheetDoc = docType<SheetsData>({
  type: 'assessmentSheet',
  title: '责任制考核表',
  group: '全员责任制',
  description: '每人每岗位一页：按责任清单逐条列出分值、得分和扣分原因，考核人与被考核人签字。未评分的人员打印为空白考核表，可手工评分后录入。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A4', orientation: 'portrait' },
  suggestedSizes: ['A4'],
  minShortSideMm: 210,
  records: periodRecords,
  options: ['unit', 'onlyUnsigned'],
  onlyUnsignedLabel: '只打印尚未考核的人员（空白考核表）',
  sectionLabels: { period: '考核周期', range: '起止日期', scope: '范围', sheets: '考核评分' },
  load: loadSheets,
  build: buildSheets,
  chunk: byRecords<SheetsData, 'sheets'>('sheets', SHEETS_PER_PART).chunk,
  trackStale: false,
});

export const assessmentNoticeDoc = docType<NoticeData>({
  type: 'assessmentNotice',
  title: '责任制考核结果通报',
  group: '全员责任制',
  description: '考核周期的结果通报：各单位汇总、优秀与不合格人员、奖惩要求。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A4', orientation: 'portrait' },
  suggestedSizes: ['A4'],
  minShortSideMm: 210,
  records: periodRecords,
  sectionLabels: { period: '考核周期', range: '起止日期', grades: '等级标准', overall: '总体结果', units: '各单位结果', excellent: '优秀人员', failed: '不合格人员', notAssessed: '未考核人数' },
  load: loadNotice,
  build: buildNotice,
});
