import type { AppContext } from '../../context.ts';
import { Industry } from '../../../preload/contract/enums.ts';
import { getEnterprise } from '../enterprise/service.ts';
import { readContent } from '../print/content.ts';
import { docType, type Loaded } from '../print/types.ts';
import { buildResponsibilityBoard, type BoardData, type BoardPerson, type RiskSummary } from './docs.ts';

interface DutiesContent {
  basis: string;
  intro: string;
  duties: string[];
  reportingRewardNote: string;
}

interface PersonRow {
  id: string;
  name: string;
  phone: string | null;
  jobTitle: string | null;
  photoSha: string | null;
  photoId: string | null;
}

const MAX_OTHERS = 3;
const MAX_MANAGERS = 4;

/** Extension point: the risk module fills the board's colour counts when risks exist. */
export type RiskSummaryProvider = (app: AppContext) => RiskSummary | null;
let riskSummaryProvider: RiskSummaryProvider = () => null;
export function provideRiskSummary(p: RiskSummaryProvider): void {
  riskSummaryProvider = p;
}

function person(app: AppContext, id: string | null): PersonRow | null {
  if (!id) return null;
  return (
    (app.db
      .prepare(
        `SELECT p.id, p.name, p.phone, p.jobTitle, a.sha256 AS photoSha, a.id AS photoId FROM person p
         LEFT JOIN attachment a ON a.id = p.photoAttachmentId WHERE p.id = ? AND p.status = 'ACTIVE'`,
      )
      .get(id) as PersonRow | undefined) ?? null
  );
}

export function loadBoard(app: AppContext): Loaded<BoardData> {
  const e = getEnterprise(app);
  const content = readContent<DutiesContent>(app, 'principal-duties.json');
  const missing: string[] = [];
  const omitted: string[] = [];
  const imageIds: string[] = [];
  const asBoardPerson = (p: PersonRow, role: string): BoardPerson => {
    if (p.photoId) imageIds.push(p.photoId);
    return { role, name: p.name, phone: p.phone, photo: p.photoSha };
  };

  const principal = person(app, e.principalPersonId);
  if (!principal) missing.push('主要负责人（在「企业信息」中选择）');
  else {
    if (!principal.phone) omitted.push('主要负责人的电话（在「从业人员」中补充）');
    if (!principal.photoSha) omitted.push('主要负责人照片（可选，在「从业人员」中上传）');
  }
  const others: BoardPerson[] = [];
  const deputy = person(app, e.safetyDeputyPersonId);
  if (deputy) others.push(asBoardPerson(deputy, '分管安全负责人'));
  else omitted.push('分管安全负责人（在「企业信息」中选择）');
  const members = app.db.prepare('SELECT personId, role FROM board_member ORDER BY sortOrder, createdAtMs').all() as { personId: string; role: string }[];
  for (const m of members) {
    const p = person(app, m.personId);
    if (p && p.id !== principal?.id && p.id !== deputy?.id) others.push(asBoardPerson(p, m.role));
  }
  if (others.length > MAX_OTHERS) omitted.push(`其他负责人较多，只显示前 ${MAX_OTHERS} 位`);

  let safetyDept: BoardData['safetyDept'] = null;
  if (e.safetyDeptUnitId) {
    const unit = app.db.prepare('SELECT name, headPersonId FROM unit WHERE id = ?').get(e.safetyDeptUnitId) as { name: string; headPersonId: string | null };
    const head = person(app, unit.headPersonId);
    const managers = app.db
      .prepare(
        `SELECT p.id, p.name, p.phone, p.jobTitle, NULL AS photoSha, NULL AS photoId FROM person p
         WHERE p.unitId = ? AND p.status = 'ACTIVE' AND p.id IS NOT ? ORDER BY p.staffNo`,
      )
      .all(e.safetyDeptUnitId, unit.headPersonId) as PersonRow[];
    if (managers.length > MAX_MANAGERS) omitted.push(`安全管理人员较多，只显示前 ${MAX_MANAGERS} 位`);
    safetyDept = {
      name: unit.name,
      head: head ? asBoardPerson(head, '部门负责人') : null,
      managers: managers.slice(0, MAX_MANAGERS).map((m) => ({ role: m.jobTitle ?? '安全管理人员', name: m.name, phone: m.phone, photo: null })),
    };
  } else {
    omitted.push('安全管理机构（在「企业信息」中选择安全管理部门）');
  }

  const hasRegulator = e.regulatorName || e.gridMemberName;
  if (!e.regulatorName) omitted.push('属地监管部门（在「企业信息」中填写）');
  if (!e.gridMemberName) omitted.push('网格员（在「企业信息」中填写）');
  if (!e.dutyPhone) omitted.push('企业值班电话（在「企业信息」中填写）');
  if (!e.internalReportPhone) omitted.push('内部举报电话（在「企业信息」中填写）');
  const riskSummary = riskSummaryProvider(app);
  if (!riskSummary) omitted.push('安全风险分布（风险分级管控模块录入风险后自动显示）');

  const emergency = [
    ...(e.dutyPhone ? [{ label: '企业值班电话', number: e.dutyPhone }] : []),
    { label: '火警', number: '119' },
    { label: '急救', number: '120' },
    { label: '报警', number: '110' },
  ];
  const qrLines = [
    `${e.name} 安全生产责任公示`,
    principal ? `主要负责人：${principal.name}${principal.phone ? ` ${principal.phone}` : ''}` : null,
    deputy ? `分管安全负责人：${deputy.name}${deputy.phone ? ` ${deputy.phone}` : ''}` : null,
    e.dutyPhone ? `值班电话：${e.dutyPhone}` : null,
    e.internalReportPhone ? `内部举报：${e.internalReportPhone}` : null,
    `安全生产举报投诉：${e.reportHotline}`,
    e.regulatorName ? `属地监管：${e.regulatorName}${e.regulatorPhone ? ` ${e.regulatorPhone}` : ''}` : null,
  ].filter(Boolean);

  const data: BoardData = {
    enterprise: { name: e.name, creditCode: e.creditCode, industry: Industry.label[e.industry], address: e.address, legalRepresentative: e.legalRepresentative },
    principal: principal ? asBoardPerson(principal, principal.jobTitle ? `主要负责人（${principal.jobTitle}）` : '主要负责人') : { role: '主要负责人', name: '', phone: null, photo: null },
    others: others.slice(0, MAX_OTHERS),
    duties: { basis: content.basis, intro: content.intro, items: content.duties },
    safetyDept,
    regulator: hasRegulator ? { name: e.regulatorName, phone: e.regulatorPhone, gridMember: e.gridMemberName, gridPhone: e.gridMemberPhone } : null,
    emergency,
    reporting: { internalPhone: e.internalReportPhone, hotline: e.reportHotline, note: content.reportingRewardNote },
    riskSummary,
    qrText: qrLines.join('\n'),
  };
  return { data, imageIds, missing, omitted };
}

export const responsibilityBoardDoc = docType<BoardData>({
  type: 'responsibilityBoard',
  title: '安全生产责任公示牌',
  group: '公示牌',
  description: '多牌合一：企业身份、主要负责人及其他负责人、主要负责人职责、安全管理机构、属地监管、应急电话、举报渠道，附离线二维码。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'BOARD_1200x800', orientation: 'landscape' },
  suggestedSizes: ['BOARD_1200x800', 'BOARD_1500x1000', 'BOARD_2400x1200', 'BOARD_600x800', 'A0', 'A1', 'A2', 'A3'],
  minShortSideMm: 210,
  sectionLabels: {
    enterprise: '企业信息',
    principal: '主要负责人',
    others: '其他负责人',
    duties: '主要负责人职责',
    safetyDept: '安全管理机构',
    regulator: '属地监管',
    emergency: '应急电话',
    reporting: '举报渠道',
    riskSummary: '安全风险分布',
    qrText: '二维码内容',
  },
  load: (app) => loadBoard(app),
  build: buildResponsibilityBoard,
  paging: 'none',
  fit: {
    pagesPerRecord: 1,
    records: () => 1,
    split: (d) => [d],
    join: (singles) => singles[0]!,
    enlarge: (d) => {
      const shrink = Math.min(3, (d.shrink ?? 0) + 1);
      return { data: { ...d, shrink }, warning: shrink < 3 ? null : '公示牌内容较多，已缩小字号排在一页内；如需更醒目，请选用更大的尺寸' };
    },
  },
});
