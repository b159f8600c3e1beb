/**
 * The notice centre: what is due, overdue or waiting, across modules, each with
 * a link to where it is fixed. Also the source of desktop notifications.
 */
import type { AppContext } from '../../context.ts';
import type { Notice } from '../../../preload/contract/hazards.ts';
import { getDashboard } from '../dashboard/service.ts';
import { taskBoard } from '../checks/tasks.ts';
import { today } from '../enterprise/service.ts';
import { urgentHazards } from './service.ts';
import { emergencyNotices } from '../emergency/notices.ts';
import { standardNotices } from '../standards/notices.ts';

export function notices(app: AppContext): Notice[] {
  const out: Notice[] = [];
  const t = today(app);
  const open = urgentHazards(app, 300);
  for (const h of open.filter((x) => x.overdue)) {
    out.push({
      key: `hazard-overdue-${h.id}`,
      severity: 'danger',
      module: '隐患治理',
      title: `${h.major ? '重大隐患' : '隐患'} ${h.code} 已逾期 ${h.overdueDays} 天`,
      detail: `${h.description.slice(0, 40)}；责任人 ${h.respPersonName ?? '未指定'}；${h.escalatedTo === 'PRINCIPAL' ? '已上报主要负责人' : '已上报部门负责人'}`,
      link: `/hazards?id=${h.id}`,
      dueOn: h.deadline,
    });
  }
  for (const h of open.filter((x) => x.major && !x.overdue)) {
    out.push({ key: `hazard-major-${h.id}`, severity: 'danger', module: '隐患治理', title: `重大隐患 ${h.code} 未销号`, detail: h.description.slice(0, 60), link: `/hazards?id=${h.id}`, dueOn: h.deadline });
  }
  for (const h of open.filter((x) => x.dueSoon && !x.major)) {
    out.push({ key: `hazard-soon-${h.id}`, severity: 'warning', module: '隐患治理', title: `隐患 ${h.code} 将于 ${h.deadline} 到期`, detail: h.description.slice(0, 60), link: `/hazards?id=${h.id}`, dueOn: h.deadline });
  }
  const review = (app.db.prepare(`SELECT count(*) AS n FROM hazard WHERE status = 'AWAITING_REVIEW'`).get() as { n: number }).n;
  if (review) out.push({ key: 'hazard-review', severity: 'info', module: '隐患治理', title: `${review} 项隐患已整改，待复查验收`, detail: '复查须由整改人以外的人员进行', link: '/hazards?status=AWAITING_REVIEW', dueOn: null });
  const board = taskBoard(app, null);
  for (const k of board.missed.slice(0, 20)) {
    out.push({ key: `check-missed-${k.id}`, severity: 'warning', module: '隐患排查', title: `漏检：${k.planName}`, detail: `${k.periodLabel}，负责人 ${k.responsiblePersonName}`, link: '/checks', dueOn: k.dueOn });
  }
  for (const k of board.dueToday) {
    out.push({ key: `check-due-${k.id}`, severity: 'info', module: '隐患排查', title: `今日应检：${k.planName}`, detail: `${k.unitName} · ${k.periodLabel}`, link: '/checks', dueOn: k.dueOn });
  }
  const d = getDashboard(app);
  if (d.certificates.expired) out.push({ key: 'cert-expired', severity: 'danger', module: '持证管理', title: `${d.certificates.expired} 本证书已过期`, detail: '过期证书不能作为上岗依据', link: '/certificates', dueOn: null });
  if (d.certificates.reviewOverdue) out.push({ key: 'cert-review', severity: 'warning', module: '持证管理', title: `${d.certificates.reviewOverdue} 本证书复审逾期`, detail: '请安排复审', link: '/certificates', dueOn: null });
  if (d.certificationGaps.majorHazards) {
    out.push({ key: 'cert-gap', severity: 'danger', module: '持证管理', title: `${d.certificationGaps.majorHazards} 名特种作业人员无有效证书在岗`, detail: '属于重大事故隐患（应急管理部令第10号第四条）', link: '/', dueOn: null });
  }
  const reviews = (app.db.prepare(`SELECT count(*) AS n FROM risk_point WHERE status = 'ACTIVE' AND nextReviewOn < ?`).get(t) as { n: number }).n;
  if (reviews) out.push({ key: 'risk-review', severity: 'warning', module: '风险管控', title: `${reviews} 个风险点评审逾期`, detail: '风险辨识评价结果应定期评审', link: '/risks', dueOn: null });
  out.push(...emergencyNotices(app), ...standardNotices(app));
  const rank = { danger: 0, warning: 1, info: 2 };
  return out.sort((a, b) => rank[a.severity] - rank[b.severity] || (a.dueOn ?? '9').localeCompare(b.dueOn ?? '9'));
}
