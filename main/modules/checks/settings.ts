/**
 * Settings of the 日周月 scheme and the rectification loop, and the working
 * calendar. All data with defaults: local rules differ.
 */
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { HazardSettings } from '../../../preload/contract/checks.ts';
import type { CheckFrequency, CheckTier } from '../../../preload/contract/enums.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import type { WorkCalendar } from '../../domain/schedule.ts';
import { recordAudit } from '../audit/service.ts';
import { readInternalSetting, writeInternalSetting } from '../app/settings.ts';
import { readContent } from '../print/content.ts';

export const DEFAULT_HAZARD_SETTINGS: HazardSettings = {
  levels: [
    { code: 'GENERAL', label: '一般事故隐患', major: false },
    { code: 'MAJOR', label: '重大事故隐患', major: true },
  ],
  defaultDeadlineDays: 15,
  maxExtensions: 2,
  dueSoonDays: 3,
  escalatePrincipalDays: 7,
  tierFrequency: { DAY: 'DAILY', WEEK: 'WEEKLY', MONTH: 'MONTHLY', SPECIAL: 'ONCE', SEASONAL: 'ONCE', HOLIDAY: 'ONCE', ADHOC: 'ONCE' } satisfies Record<CheckTier, CheckFrequency>,
  principalCheckMonths: 1,
};

const KEY = 'hazardSettings';

export function hazardSettings(app: AppContext): HazardSettings {
  return { ...DEFAULT_HAZARD_SETTINGS, ...(readInternalSetting<Partial<HazardSettings>>(app, KEY) ?? {}) };
}

export function updateHazardSettings(app: AppContext, input: Partial<HazardSettings>): HazardSettings {
  return inTransaction(app.db, () => {
    const before = hazardSettings(app);
    if (input.levels) {
      // A level in use cannot disappear from the set.
      for (const r of app.db.prepare('SELECT level, count(*) AS n FROM hazard GROUP BY level').all() as { level: string; n: number }[]) {
        if (!input.levels.some((l) => l.code === r.level)) {
          fail.rule(`已有 ${r.n} 条隐患使用等级「${before.levels.find((l) => l.code === r.level)?.label ?? r.level}」，不能删除该等级`, 'levels');
        }
      }
      if (!input.levels.find((l) => l.code === 'MAJOR')?.major) fail.field('levels', '「重大事故隐患」必须按重大隐患管理');
    }
    const after = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as HazardSettings;
    writeInternalSetting(app, KEY, after);
    recordAudit(app, { action: 'UPDATE', entityType: 'setting', entityId: null, summary: '修改隐患排查治理设置', before, after });
    return after;
  });
}

export function levelDef(app: AppContext, code: string) {
  return hazardSettings(app).levels.find((l) => l.code === code) ?? null;
}

// ---- Working calendar ----

const CalendarFile = z.object({
  version: z.number(),
  years: z.record(z.string(), z.array(z.object({ day: z.string(), isWorkday: z.boolean(), name: z.string() }))),
});

export function calendarDefaults(app: AppContext, year: number) {
  const file = CalendarFile.parse(readContent<unknown>(app, 'work-calendar.json'));
  return file.years[String(year)] ?? [];
}

export function listCalendar(app: AppContext, year: number) {
  return (app.db.prepare(`SELECT day, isWorkday, name FROM work_calendar WHERE day LIKE ? ORDER BY day`).all(`${year}-%`) as { day: string; isWorkday: number; name: string }[]).map((r) => ({
    day: r.day,
    isWorkday: r.isWorkday === 1,
    name: r.name,
  }));
}

export function saveCalendar(app: AppContext, year: number, days: { day: string; isWorkday: boolean; name: string }[]) {
  return inTransaction(app.db, () => {
    const seen = new Set<string>();
    days.forEach((d, i) => {
      if (!d.day.startsWith(`${year}-`)) fail.field(`days.${i}.day`, `日期 ${d.day} 不在 ${year} 年内`);
      if (seen.has(d.day)) fail.field(`days.${i}.day`, `日期 ${d.day} 重复`);
      seen.add(d.day);
    });
    const before = listCalendar(app, year);
    app.db.prepare('DELETE FROM work_calendar WHERE day LIKE ?').run(`${year}-%`);
    const ins = app.db.prepare('INSERT INTO work_calendar (day, isWorkday, name) VALUES (?, ?, ?)');
    for (const d of days) ins.run(d.day, d.isWorkday ? 1 : 0, d.name);
    const after = listCalendar(app, year);
    recordAudit(app, { action: 'UPDATE', entityType: 'workCalendar', entityId: String(year), summary: `修改 ${year} 年工作日历（${days.length} 天）`, before, after });
    return after;
  });
}

export function workCalendar(app: AppContext, from: string, to: string): WorkCalendar {
  const rows = app.db.prepare('SELECT day, isWorkday FROM work_calendar WHERE day BETWEEN ? AND ?').all(from, to) as { day: string; isWorkday: number }[];
  return new Map(rows.map((r) => [r.day, r.isWorkday === 1]));
}
