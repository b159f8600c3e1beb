/**
 * What the emergency and training module puts in the notice centre: plan
 * filing and revision, drill frequency shortfalls, missed drill-plan items,
 * drills without evaluation, and training gaps (三级教育, post changes, hours).
 */
import type { AppContext } from '../../context.ts';
import type { Notice } from '../../../preload/contract/hazards.ts';
import { drillCompliance, getYearPlan, listDrills } from '../drills/service.ts';
import { today } from '../enterprise/service.ts';
import { trainingCompliance } from '../training/archive.ts';
import { listPlans } from './plans.ts';

export function emergencyNotices(app: AppContext): Notice[] {
  const out: Notice[] = [];
  const t = today(app);
  const year = Number(t.slice(0, 4));
  for (const p of listPlans(app, { includeArchived: false, search: null })) {
    const link = `/emergency/plans?id=${p.id}`;
    if (p.filing?.state === 'OVERDUE') out.push({ key: `plan-filing-${p.id}`, severity: 'danger', module: '应急预案', title: `${p.name} 备案已逾期 ${p.filing.workdays} 个工作日`, detail: `应于 ${p.filing.dueOn} 前向应急管理部门告知性备案`, link, dueOn: p.filing.dueOn });
    else if (p.filing?.state === 'PENDING') out.push({ key: `plan-filing-${p.id}`, severity: 'warning', module: '应急预案', title: `${p.name} 待备案`, detail: `还剩 ${p.filing.workdays} 个工作日（${p.filing.dueOn} 前）`, link, dueOn: p.filing.dueOn });
    if (p.revision?.state === 'OVERDUE') out.push({ key: `plan-revision-${p.id}`, severity: 'danger', module: '应急预案', title: `${p.name} 修订已逾期`, detail: `应于 ${p.revision.dueOn} 前完成修订或评估`, link, dueOn: p.revision.dueOn });
    else if (p.revision?.state === 'DUE_SOON') out.push({ key: `plan-revision-${p.id}`, severity: 'info', module: '应急预案', title: `${p.name} 即将到修订（评估）期`, detail: `${p.revision.dueOn} 前`, link, dueOn: p.revision.dueOn });
    else if (p.revision?.state === 'TRIGGERED') out.push({ key: `plan-trigger-${p.id}`, severity: 'warning', module: '应急预案', title: `${p.name} 有 ${p.openTriggers} 项修订事项待处理`, detail: '法规、机构、风险、资源变化或演练中发现问题，须及时修订预案', link, dueOn: p.revision.dueOn });
  }
  const compliance = drillCompliance(app, year);
  for (const [i, s] of compliance.shortfalls.entries()) out.push({ key: `drill-rule-${i}`, severity: s.includes('未满足') ? 'danger' : 'warning', module: '应急演练', title: s.split('：')[0]!, detail: s.split('：').slice(1).join('：'), link: '/drills/plan', dueOn: null });
  for (const item of getYearPlan(app, year).items.filter((x) => x.state === 'MISSED')) {
    out.push({ key: `drill-missed-${item.id}`, severity: 'warning', module: '应急演练', title: `未按计划演练：${item.scenario}`, detail: `计划 ${item.plannedMonth} 月，${item.organiserUnitName}组织`, link: '/drills/plan', dueOn: null });
  }
  for (const d of listDrills(app, { year, planId: null, search: null }).filter((x) => !x.evaluated || !x.summarised || x.openProblemCount > 0 || (x.needsReport && !x.reportedOn))) {
    const what = [!d.evaluated && '评估', d.evaluated && !d.summarised && '总结报告', d.openProblemCount > 0 && `${d.openProblemCount} 个问题的整改`, d.needsReport && !d.reportedOn && '向监管部门报送'].filter(Boolean).join('、');
    out.push({ key: `drill-file-${d.id}`, severity: 'info', module: '应急演练', title: `演练 ${d.code} 待完善：${what}`, detail: d.title, link: `/drills?id=${d.id}`, dueOn: null });
  }
  const training = trainingCompliance(app, year, null, true);
  if (training.summary.inductionMissing) out.push({ key: 'training-induction', severity: 'danger', module: '教育培训', title: `${training.summary.inductionMissing} 名新员工三级安全教育不全`, detail: '未经安全生产教育和培训合格的从业人员不得上岗作业（安全生产法第二十八条）', link: '/training/compliance', dueOn: null });
  if (training.summary.postChangeMissing) out.push({ key: 'training-post-change', severity: 'warning', module: '教育培训', title: `${training.summary.postChangeMissing} 名转岗人员未重新培训`, detail: '调整工作岗位应重新进行车间级和班组级安全教育', link: '/training/compliance', dueOn: null });
  const missedPeriods = training.periods.filter((p) => p.state === 'MISSED');
  if (missedPeriods.length) out.push({ key: 'training-periodic', severity: 'info', module: '教育培训', title: `全员定期培训 ${missedPeriods.map((p) => p.label).join('、')} 未达到参训率目标`, detail: missedPeriods.map((p) => `${p.label} ${p.rate}%`).join('；'), link: '/training/compliance', dueOn: null });
  return out;
}
