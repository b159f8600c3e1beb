/**
 * The demo's 安全生产标准化自评 on the built-in GB/T 33000-2016 sheet: last
 * year's finished self-assessment (二级) and this year's in progress — most items
 * scored, deductions with reasons, evidence linked to the demo's own records
 * (drills, training, the hazard ledger, the risk register, duty lists, plans),
 * two deductions already turned into hazards and one into a to-do.
 */
import type { AppContext } from '../../context.ts';
import type { EvidenceKind } from '../../../preload/contract/enums.ts';
import { addDays, dayStartInZone } from '../../domain/dates.ts';
import { enterpriseTimeZone } from '../enterprise/repo.ts';
import { ensureBuiltinStandard, listStandards } from '../standards/library.ts';
import { createSession, deductionToHazard, deductionToTodo, evidenceOptions, finishSession, getSession, scoreItem } from '../standards/sessions.ts';
import { prng } from './names.ts';

/** Deduction reasons by first-level element, as an evaluator would write them. */
const REASONS: Record<string, string[]> = {
  '5.1': ['年度安全生产目标未分解到班组', '安全生产费用台账未按月登记', '安全文化建设活动无记录'],
  '5.2': ['法规标准识别清单未及时更新（缺 2 项新规）', '2 个岗位操作规程未按新设备修订'],
  '5.3': ['2 名新员工三级安全教育记录不全', '相关方入厂安全培训签到不全'],
  '5.4': ['喷漆房地坑警示标志褪色', '1 台砂轮机防护罩缺失', '动火作业票 3 份未填写监护人'],
  '5.5': ['2 个风险点评审逾期', '部分隐患整改未附整改后照片'],
  '5.6': ['应急物资台账与实物不符（缺 2 具灭火器）', '1 个现场处置方案演练未按计划进行'],
  '5.7': ['未遂事件未纳入统计分析'],
  '5.8': ['绩效评定报告未提出量化改进目标'],
};

export function seedStandards(app: AppContext, today: string, unitId: Map<string | null, string>, holdersOf: Map<string, string[]>): void {
  ensureBuiltinStandard(app);
  const zone = enterpriseTimeZone(app.db);
  const on = (date: string, hour = 10): AppContext => ({ ...app, clock: { nowMs: () => dayStartInZone(date, zone) + hour * 3_600_000 } });
  const standard = listStandards(app).find((s) => s.builtin)!;
  const first = (key: string) => holdersOf.get(key)?.[0] ?? null;
  const name = (id: string | null) => (id ? (app.db.prepare('SELECT name FROM person WHERE id = ?').get(id) as { name: string }).name : '');
  const team = [
    { name: name(first('deputy')), role: '组长（分管安全副总经理）', personId: first('deputy') },
    { name: name(first('safetyHead')), role: '副组长（安全环保部部长）', personId: first('safetyHead') },
    { name: name(first('safetyOfficer')), role: '组员（专职安全管理员）', personId: first('safetyOfficer') },
    { name: name(first('equipmentHead')), role: '组员（设备动力部部长）', personId: first('equipmentHead') },
  ];
  const year = Number(today.slice(0, 4));
  const overview = '公司主要从事精密机械零部件的机加工、热处理、表面处理和装配，现有从业人员约 150 人（含劳务派遣和灵活用工），设安全环保部，配备专职安全管理人员 2 名。';
  const kinds: Record<string, EvidenceKind[]> = {
    '5.1': ['DUTY_LIST', 'COMMITMENT'],
    '5.3': ['TRAINING_SESSION'],
    '5.5': ['RISK_REGISTER', 'HAZARD_LEDGER'],
    '5.6': ['EMERGENCY_PLAN', 'DRILL'],
  };

  const run = (y: number, startsOn: string, endsOn: string, share: number, seed: number) => {
    const rand = prng(seed);
    const session = createSession(on(startsOn, 9), {
      year: y,
      title: `${y} 年度安全生产标准化自评`,
      standardId: standard.id,
      gradeProfile: 'MEM2021',
      team,
      startsOn,
      endsOn,
      accidentFreeYears: y === year ? 3 : 2,
      overview,
      process: `${startsOn} 成立自评小组并制定自评方案；${addDays(startsOn, 3)} 至 ${addDays(endsOn, -5)} 按评分表逐项查阅资料、询问人员、查看现场；${addDays(endsOn, -3)} 汇总扣分点，编制自评报告并制定整改计划。`,
    });
    const codes = new Map((app.db.prepare('SELECT i.id, e.code FROM std_item i JOIN std_element e ON e.id = i.elementId WHERE i.standardId = ?').all(standard.id) as { id: number; code: string }[]).map((r) => [r.id, r.code.split('.').slice(0, 2).join('.')]));
    const points = new Map((app.db.prepare('SELECT id, points FROM std_item WHERE standardId = ?').all(standard.id) as { id: number; points: number }[]).map((r) => [r.id, r.points]));
    const deductions: { id: string; top: string }[] = [];
    for (const r of session.results) {
      if (rand() > share) continue;
      const top = codes.get(r.itemId)!;
      const pts = points.get(r.itemId)!;
      const at = on(addDays(startsOn, 3 + Math.floor(rand() * 15)), 15);
      const na = top === '5.4' && rand() < 0.08;
      const deduct = !na && rand() < 0.4;
      const reasonList = REASONS[top] ?? ['记录不完整'];
      const evidence = (kinds[top] ?? [])
        .filter(() => rand() < 0.6)
        .map((kind) => evidenceOptions(app, kind, null, y)[0])
        .filter((o): o is NonNullable<typeof o> => !!o)
        .map((o) => ({ kind: o.kind, refId: o.refId, periodFrom: o.periodFrom, periodTo: o.periodTo }));
      const saved = scoreItem(at, session.id, {
        itemId: r.itemId,
        applicable: !na,
        naReason: na ? '本企业无此类设备设施或作业活动' : null,
        description: na ? null : deduct ? '基本符合要求，存在扣分点' : '符合要求，资料齐全',
        score: null,
        deductions: deduct ? [{ id: null, points: Math.min(pts, 1 + Math.floor(rand() * 6)), reason: reasonList[Math.floor(rand() * reasonList.length)]! }] : [],
        evidence,
        attachmentIds: [],
      });
      for (const d of saved.result.deductions) deductions.push({ id: d.id, top });
    }
    return { id: session.id, deductions };
  };

  // Last year: finished, every item scored.
  const last = run(year - 1, `${year - 1}-11-20`, `${year - 1}-12-15`, 1, 2025);
  finishSession(on(`${year - 1}-12-18`), last.id, `${year - 1}-12-18`);
  // This year: in progress, about four in five items scored.
  const start = addDays(today, -20);
  const current = run(year, start, addDays(today, 10), 0.8, 2026);
  const head = (unit: string) => (app.db.prepare('SELECT headPersonId FROM unit WHERE id = ?').get(unitId.get(unit)!) as { headPersonId: string | null }).headPersonId;
  const site = current.deductions.filter((d) => d.top === '5.4' || d.top === '5.6').slice(0, 2);
  for (const d of site) deductionToHazard(on(addDays(today, -3), 11), { deductionId: d.id, unitId: unitId.get(d.top === '5.4' ? 'heat' : 'safety')!, respPersonId: head(d.top === '5.4' ? 'heat' : 'safety'), level: 'GENERAL', deadline: addDays(today, 20) });
  const paperwork = current.deductions.find((d) => d.top === '5.2' || d.top === '5.1');
  if (paperwork) deductionToTodo(on(addDays(today, -2), 11), { deductionId: paperwork.id, ownerId: first('safetyOfficer')!, dueOn: addDays(today, 25) });
  getSession(app, current.id);
}
