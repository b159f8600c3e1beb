import type { AppContext } from '../../context.ts';
import type { Settings } from '../../../preload/contract/app.ts';
import { recordAudit } from '../audit/service.ts';
import { inTransaction } from '../../db/sql.ts';
import { DEFAULT_GRADES } from '../../domain/duties.ts';

export const DEFAULT_SETTINGS: Settings = {
  certAlertDays: [90, 60, 30],
  assessmentGrades: { ...DEFAULT_GRADES },
  riskReviewMonths: 12,
};

export function readSetting<K extends keyof Settings>(app: AppContext, key: K): Settings[K] {
  const row = app.db.prepare('SELECT value FROM app_setting WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as Settings[K]) : DEFAULT_SETTINGS[key];
}

export function getSettings(app: AppContext): Settings {
  return { certAlertDays: readSetting(app, 'certAlertDays'), assessmentGrades: readSetting(app, 'assessmentGrades'), riskReviewMonths: readSetting(app, 'riskReviewMonths') };
}

export function writeInternalSetting(app: AppContext, key: string, value: unknown): void {
  app.db
    .prepare('INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key, JSON.stringify(value));
}

export function readInternalSetting<T>(app: AppContext, key: string): T | null {
  const row = app.db.prepare('SELECT value FROM app_setting WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : null;
}

export function updateSettings(app: AppContext, input: Partial<Settings>): Settings {
  return inTransaction(app.db, () => {
    const before = getSettings(app);
    if (input.certAlertDays) writeInternalSetting(app, 'certAlertDays', [...input.certAlertDays].sort((a, b) => b - a));
    if (input.assessmentGrades) writeInternalSetting(app, 'assessmentGrades', input.assessmentGrades);
    if (input.riskReviewMonths) writeInternalSetting(app, 'riskReviewMonths', input.riskReviewMonths);
    const after = getSettings(app);
    recordAudit(app, { action: 'UPDATE', entityType: 'setting', entityId: null, summary: '修改系统设置', before, after });
    return after;
  });
}
