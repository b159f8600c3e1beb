/**
 * What the self-assessment puts in the notice centre: no self-assessment this
 * year (it is due at least once a year), one still open, and rectification
 * to-dos past their deadline.
 */
import type { AppContext } from '../../context.ts';
import type { Notice } from '../../../preload/contract/hazards.ts';
import { today } from '../enterprise/service.ts';

export function standardNotices(app: AppContext): Notice[] {
  const out: Notice[] = [];
  const t = today(app);
  const year = Number(t.slice(0, 4));
  const sessions = app.db.prepare('SELECT id, title, status, endsOn FROM std_session WHERE year = ?').all(year) as { id: string; title: string; status: string; endsOn: string }[];
  if (!sessions.length) {
    out.push({ key: 'std-none', severity: 'warning', module: '标准化', title: `${year} 年尚未开展安全生产标准化自评`, detail: '企业应每年至少开展一次自评，并对扣分点进行整改', link: '/standards', dueOn: `${year}-12-31` });
  }
  for (const s of sessions.filter((x) => x.status === 'OPEN')) {
    out.push({ key: `std-open-${s.id}`, severity: s.endsOn < t ? 'warning' : 'info', module: '标准化', title: `${s.title}${s.endsOn < t ? '已超过计划完成日期' : '进行中'}`, detail: `计划 ${s.endsOn} 完成`, link: `/standards?id=${s.id}`, dueOn: s.endsOn });
  }
  const overdue = app.db
    .prepare(
      `SELECT d.id, d.sessionId, d.reason, d.todoDueOn, p.name FROM std_deduction d JOIN person p ON p.id = d.todoOwnerId
       WHERE d.todoOwnerId IS NOT NULL AND d.todoDoneOn IS NULL AND d.todoDueOn < ? ORDER BY d.todoDueOn LIMIT 20`,
    )
    .all(t) as { id: string; sessionId: string; reason: string; todoDueOn: string; name: string }[];
  for (const d of overdue) out.push({ key: `std-todo-${d.id}`, severity: 'warning', module: '标准化', title: `自评扣分整改逾期：${d.reason.slice(0, 30)}`, detail: `责任人 ${d.name}，期限 ${d.todoDueOn}`, link: `/standards?id=${d.sessionId}`, dueOn: d.todoDueOn });
  return out;
}
