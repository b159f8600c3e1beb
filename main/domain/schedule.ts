/**
 * Check periods for 日周月 plans. Pure date math on `YYYY-MM-DD`: days (optionally
 * working days only, with the user's holidays and adjusted working days), ISO
 * weeks (Monday–Sunday; the ISO week-year at year ends), calendar months,
 * quarters, and one-off plans.
 */
import { addDays, daysInMonth, isoWeekday, type DateStr } from './dates.ts';

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'ONCE';

export interface Period {
  /** Stable key per plan: 2026-11-22, 2026-W47, 2026-11, 2026-Q4, ONCE. */
  key: string;
  start: DateStr;
  /** The last day of the period; the task is due on it. */
  end: DateStr;
}

/** Holidays (isWorkday false) and adjusted working days on weekends (true). */
export type WorkCalendar = ReadonlyMap<DateStr, boolean>;

export function isWorkday(d: DateStr, calendar: WorkCalendar): boolean {
  const set = calendar.get(d);
  if (set !== undefined) return set;
  return isoWeekday(d) <= 5;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** ISO 8601 week of a date: the week-year can differ from the calendar year at year ends. */
export function isoWeek(d: DateStr): { year: number; week: number } {
  // The Thursday of this week decides the week-year.
  const thursday = addDays(d, 4 - isoWeekday(d));
  const year = Number(thursday.slice(0, 4));
  const jan1 = `${year}-01-01`;
  const dayOfYear = Math.round((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${jan1}T00:00:00Z`)) / 86_400_000);
  return { year, week: Math.floor(dayOfYear / 7) + 1 };
}

/** The period of `freq` that contains `d` (ONCE: the plan's whole span). */
export function periodOf(freq: Frequency, d: DateStr, span?: { startsOn: DateStr; endsOn: DateStr | null }): Period {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  switch (freq) {
    case 'DAILY':
      return { key: d, start: d, end: d };
    case 'WEEKLY': {
      const start = addDays(d, 1 - isoWeekday(d));
      const w = isoWeek(d);
      return { key: `${w.year}-W${pad(w.week)}`, start, end: addDays(start, 6) };
    }
    case 'MONTHLY':
      return { key: `${y}-${pad(m)}`, start: `${y}-${pad(m)}-01`, end: `${y}-${pad(m)}-${pad(daysInMonth(y, m))}` };
    case 'QUARTERLY': {
      const q = Math.ceil(m / 3);
      const last = q * 3;
      return { key: `${y}-Q${q}`, start: `${y}-${pad(last - 2)}-01`, end: `${y}-${pad(last)}-${pad(daysInMonth(y, last))}` };
    }
    case 'ONCE': {
      const startsOn = span?.startsOn ?? d;
      return { key: 'ONCE', start: startsOn, end: span?.endsOn ?? startsOn };
    }
  }
}

/**
 * Every period of a plan that has started on or before `until`, from the plan's
 * start (or `from`, whichever is later), clipped to the plan's end. Daily plans
 * that skip non-working days leave those days out.
 */
export function periodsBetween(
  plan: { frequency: Frequency; startsOn: DateStr; endsOn: DateStr | null; skipNonWorkdays: boolean },
  from: DateStr,
  until: DateStr,
  calendar: WorkCalendar,
): Period[] {
  const first = from > plan.startsOn ? from : plan.startsOn;
  const last = plan.endsOn && plan.endsOn < until ? plan.endsOn : until;
  if (first > last) return [];
  if (plan.frequency === 'ONCE') {
    return plan.startsOn <= last ? [periodOf('ONCE', plan.startsOn, plan)] : [];
  }
  const out: Period[] = [];
  let cursor = periodOf(plan.frequency, first).start;
  for (let guard = 0; guard < 5000 && cursor <= last; guard++) {
    const p = periodOf(plan.frequency, cursor);
    if (plan.frequency === 'DAILY') {
      if (!plan.skipNonWorkdays || isWorkday(p.start, calendar)) out.push(p);
    } else {
      // A plan starting mid-period is still due in that period; a plan ending mid-period ends it there.
      out.push({ ...p, end: plan.endsOn && plan.endsOn < p.end ? plan.endsOn : p.end });
    }
    cursor = addDays(p.end, 1);
  }
  return out;
}

const CN_QUARTER = ['一', '二', '三', '四'];

/** 2026年11月22日 · 2026年第47周（11月16日–22日） · 2026年11月 · 2026年第四季度. */
export function periodLabel(freq: Frequency, p: Period): string {
  const md = (d: DateStr) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  switch (freq) {
    case 'DAILY':
      return `${p.start.slice(0, 4)}年${md(p.start)}`;
    case 'WEEKLY': {
      const [wy, w] = p.key.split('-W');
      return `${wy}年第${Number(w)}周（${md(p.start)}–${md(p.end)}）`;
    }
    case 'MONTHLY':
      return `${p.key.slice(0, 4)}年${Number(p.key.slice(5, 7))}月`;
    case 'QUARTERLY':
      return `${p.key.slice(0, 4)}年第${CN_QUARTER[Number(p.key.slice(6)) - 1]}季度`;
    case 'ONCE': {
      const from = `${p.start.slice(0, 4)}年${md(p.start)}`;
      if (p.start === p.end) return from;
      // A span across a year end names the end's year too.
      return `${from}–${p.end.slice(0, 4) === p.start.slice(0, 4) ? '' : `${p.end.slice(0, 4)}年`}${md(p.end)}`;
    }
  }
}
