/**
 * The dashboard card of emergency management and training: plans in force and
 * their filing/revision, this year's drills against the rules for the current
 * period, and training gaps.
 */
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { EmergencyDashboard } from '../../../preload/contract/emergency.ts';
import { drillCompliance, getYearPlan } from '../drills/service.ts';
import { today } from '../enterprise/service.ts';
import { trainingCompliance } from '../training/archive.ts';
import { listPlans } from './plans.ts';

export function emergencyDashboard(app: AppContext): z.infer<typeof EmergencyDashboard> {
  const t = today(app);
  const year = Number(t.slice(0, 4));
  const plans = listPlans(app, { includeArchived: false, search: null });
  const plan = getYearPlan(app, year);
  const compliance = drillCompliance(app, year);
  const training = trainingCompliance(app, year, null, true);
  const month = Number(t.slice(5, 7));
  const next = plan.items.find((i) => i.state === 'PLANNED' || i.state === 'DUE');
  return {
    plans: {
      inForce: plans.filter((p) => p.current).length,
      drafts: plans.filter((p) => !p.current).length,
      filingPending: plans.filter((p) => p.filing?.state === 'PENDING').length,
      filingOverdue: plans.filter((p) => p.filing?.state === 'OVERDUE').length,
      revisionDue: plans.filter((p) => p.revision && p.revision.state !== 'OK').length,
    },
    drills: {
      year,
      done: plan.items.filter((i) => i.state === 'DONE' || i.state === 'LATE').length,
      planned: plan.items.filter((i) => i.state !== 'CANCELLED').length,
      missedItems: plan.items.filter((i) => i.state === 'MISSED').length,
      rules: compliance.rules.map((r) => {
        const p = r.periods.find((x) => x.from <= t && t <= x.to) ?? r.periods.at(-1)!;
        return { label: r.label, periodLabel: p.label, state: p.state, done: p.done, required: p.required };
      }),
      next: next ? { month: next.plannedMonth < month && next.year === year ? month : next.plannedMonth, scenario: next.scenario, planName: next.planName } : null,
    },
    training: {
      sessions: training.summary.sessions,
      personHours: training.summary.totalHours,
      inductionMissing: training.summary.inductionMissing,
      postChangeMissing: training.summary.postChangeMissing,
      shortHours: training.summary.shortHours,
    },
  };
}
