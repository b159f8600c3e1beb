/** Counts of the register by level, unit, accident type and control level. */
import type { AppContext } from '../../context.ts';
import type { RiskStats } from '../../../preload/contract/risk.ts';
import { ControlLevel, RISK_LEVEL_ORDER, type RiskLevel } from '../../../preload/contract/enums.ts';
import { today } from '../enterprise/service.ts';
import { allRisks } from './service.ts';

export function riskStats(app: AppContext, unitId: string | null): RiskStats {
  const rows = allRisks(app, { unitId, status: 'CURRENT', postId: null, search: null });
  const t = today(app);
  const zero = () => ({ MAJOR: 0, HIGH: 0, MEDIUM: 0, LOW: 0 });
  const byUnit = new Map<string, { unitId: string; unitName: string } & Record<RiskLevel, number>>();
  const byAccident = new Map<string, { accidentType: string; count: number; MAJOR: number; HIGH: number }>();
  for (const r of rows) {
    if (r.level) {
      const u = byUnit.get(r.unitId) ?? { unitId: r.unitId, unitName: r.unitName, ...zero() };
      u[r.level]++;
      byUnit.set(r.unitId, u);
    }
    for (const a of r.accidentTypes) {
      const x = byAccident.get(a) ?? { accidentType: a, count: 0, MAJOR: 0, HIGH: 0 };
      x.count++;
      if (r.level === 'MAJOR') x.MAJOR++;
      if (r.level === 'HIGH') x.HIGH++;
      byAccident.set(a, x);
    }
  }
  return {
    total: rows.length,
    draft: rows.filter((r) => r.status === 'DRAFT').length,
    reviewOverdue: rows.filter((r) => r.status === 'ACTIVE' && r.nextReviewOn !== null && r.nextReviewOn < t).length,
    unassessed: rows.filter((r) => !r.level).length,
    byLevel: RISK_LEVEL_ORDER.map((level) => ({ level, count: rows.filter((r) => r.level === level).length })),
    byUnit: [...byUnit.values()].sort((a, b) => b.MAJOR - a.MAJOR || b.HIGH - a.HIGH || b.MEDIUM - a.MEDIUM || a.unitName.localeCompare(b.unitName, 'zh')),
    byAccidentType: [...byAccident.values()].sort((a, b) => b.count - a.count),
    byControlLevel: ControlLevel.values.map((controlLevel) => ({ controlLevel, count: rows.filter((r) => r.controlLevel === controlLevel).length })),
    top: rows.filter((r) => r.level === 'MAJOR' || r.level === 'HIGH').slice(0, 20),
  };
}
