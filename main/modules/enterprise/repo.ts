import type Database from 'better-sqlite3';
import type { Enterprise } from '../../../preload/contract/enterprise.ts';
import type { Industry, IndustrySector } from '../../../preload/contract/enums.ts';

interface EnterpriseRow {
  id: string;
  name: string;
  creditCode: string | null;
  industry: Industry;
  industrySector: IndustrySector | null;
  address: string | null;
  legalRepresentative: string | null;
  principalPersonId: string | null;
  principalName: string | null;
  principalPhone: string | null;
  safetyDeputyPersonId: string | null;
  deputyName: string | null;
  deputyPhone: string | null;
  safetyDeptUnitId: string | null;
  safetyDeptName: string | null;
  regulatorName: string | null;
  regulatorPhone: string | null;
  gridMemberName: string | null;
  gridMemberPhone: string | null;
  dutyPhone: string | null;
  internalReportPhone: string | null;
  reportHotline: string;
  timeZone: string;
  isDemo: number;
  createdAtMs: number;
  updatedAtMs: number;
}

export function findEnterprise(db: Database.Database): Enterprise | null {
  const r = db
    .prepare(
      `SELECT e.*, p.name AS principalName, p.phone AS principalPhone, d.name AS deputyName, d.phone AS deputyPhone, u.name AS safetyDeptName
       FROM enterprise e
       LEFT JOIN person p ON p.id = e.principalPersonId
       LEFT JOIN person d ON d.id = e.safetyDeputyPersonId
       LEFT JOIN unit u ON u.id = e.safetyDeptUnitId`,
    )
    .get() as EnterpriseRow | undefined;
  if (!r) return null;
  return {
    id: r.id,
    name: r.name,
    creditCode: r.creditCode,
    industry: r.industry,
    industrySector: r.industrySector,
    address: r.address,
    legalRepresentative: r.legalRepresentative,
    principalPersonId: r.principalPersonId,
    principal: r.principalPersonId ? { id: r.principalPersonId, name: r.principalName ?? '', phone: r.principalPhone } : null,
    safetyDeputyPersonId: r.safetyDeputyPersonId,
    safetyDeputy: r.safetyDeputyPersonId ? { id: r.safetyDeputyPersonId, name: r.deputyName ?? '', phone: r.deputyPhone } : null,
    safetyDeptUnitId: r.safetyDeptUnitId,
    safetyDeptName: r.safetyDeptName,
    regulatorName: r.regulatorName,
    regulatorPhone: r.regulatorPhone,
    gridMemberName: r.gridMemberName,
    gridMemberPhone: r.gridMemberPhone,
    dutyPhone: r.dutyPhone,
    internalReportPhone: r.internalReportPhone,
    reportHotline: r.reportHotline,
    timeZone: r.timeZone,
    isDemo: r.isDemo === 1,
    createdAtMs: r.createdAtMs,
    updatedAtMs: r.updatedAtMs,
  };
}

export interface EnterpriseProfile {
  name: string;
  creditCode: string | null;
  industry: Industry;
  industrySector: IndustrySector | null;
  address: string | null;
  legalRepresentative: string | null;
  principalPersonId: string | null;
  safetyDeputyPersonId: string | null;
  safetyDeptUnitId: string | null;
  regulatorName: string | null;
  regulatorPhone: string | null;
  gridMemberName: string | null;
  gridMemberPhone: string | null;
  dutyPhone: string | null;
  internalReportPhone: string | null;
  reportHotline: string;
}

const PROFILE_COLUMNS = [
  'name',
  'creditCode',
  'industry',
  'industrySector',
  'address',
  'legalRepresentative',
  'principalPersonId',
  'safetyDeputyPersonId',
  'safetyDeptUnitId',
  'regulatorName',
  'regulatorPhone',
  'gridMemberName',
  'gridMemberPhone',
  'dutyPhone',
  'internalReportPhone',
  'reportHotline',
] as const satisfies readonly (keyof EnterpriseProfile)[];

function profileParams(p: EnterpriseProfile): Record<string, unknown> {
  return Object.fromEntries(PROFILE_COLUMNS.map((c) => [c, p[c]]));
}

export function insertEnterprise(db: Database.Database, id: string, p: EnterpriseProfile, nowMs: number, isDemo: boolean): void {
  db.prepare(
    `INSERT INTO enterprise (id, ${PROFILE_COLUMNS.join(', ')}, isDemo, createdAtMs, updatedAtMs)
     VALUES (@id, ${PROFILE_COLUMNS.map((c) => `@${c}`).join(', ')}, @isDemo, @nowMs, @nowMs)`,
  ).run({ id, ...profileParams(p), isDemo: isDemo ? 1 : 0, nowMs });
}

export function updateEnterpriseRow(db: Database.Database, p: EnterpriseProfile, nowMs: number): void {
  db.prepare(`UPDATE enterprise SET ${PROFILE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updatedAtMs = @nowMs`).run({
    ...profileParams(p),
    nowMs,
  });
}

export function enterpriseTimeZone(db: Database.Database): string {
  const r = db.prepare('SELECT timeZone FROM enterprise').get() as { timeZone: string } | undefined;
  return r?.timeZone ?? 'Asia/Shanghai';
}
