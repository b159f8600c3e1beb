/**
 * Checks on people referenced by other records: still employed, the principal.
 */
import type { AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';

/** A person who exists and is still employed, or a field error naming them. */
export function activePerson(app: AppContext, id: string, field: string, label: string): { id: string; name: string } {
  const p = app.db.prepare('SELECT id, name, status FROM person WHERE id = ?').get(id) as { id: string; name: string; status: string } | undefined;
  if (!p) return fail.field(field, `${label}不存在，请重新选择`);
  if (p.status !== 'ACTIVE') fail.field(field, `${label}「${p.name}」已离职，请选择在职人员`);
  return p;
}

export function principalId(app: AppContext): string | null {
  return (app.db.prepare('SELECT principalPersonId AS id FROM enterprise').get() as { id: string | null } | undefined)?.id ?? null;
}

/** `what` must be approved (or signed) by the enterprise's principal. */
export function requirePrincipal(app: AppContext, personId: string, field: string, what: string, verb = '批准'): void {
  const principal = principalId(app);
  if (!principal) fail.rule(`${what}须由主要负责人${verb}，但企业信息中尚未设置主要负责人：请先在「企业信息」中选择主要负责人`, field);
  if (personId !== principal) {
    const name = (app.db.prepare('SELECT name FROM person WHERE id = ?').get(principal) as { name: string } | undefined)?.name ?? '';
    fail.field(field, `${what}须由主要负责人（${name}）${verb}`);
  }
}
