/**
 * Emergency settings: the 备案 deadline, the revision period and the drill
 * frequency rules, as data. Defaults ship in resources/content/emergency-rules.json;
 * the enterprise's changes are stored in app_setting and audited.
 */
import type { AppContext } from '../../context.ts';
import type { EmergencySettings } from '../../../preload/contract/emergency.ts';
import { Industry, IndustrySector } from '../../../preload/contract/enums.ts';
import { inTransaction } from '../../db/sql.ts';
import { industryListed } from '../../domain/emergency.ts';
import { recordAudit } from '../audit/service.ts';
import { readInternalSetting, writeInternalSetting } from '../app/settings.ts';
import { readContent } from '../print/content.ts';

const KEY = 'emergencySettings';

export function defaultEmergencySettings(app: AppContext): EmergencySettings {
  const c = readContent<Omit<EmergencySettings, 'highRiskOverride'>>(app, 'emergency-rules.json');
  return { filingWorkdays: c.filingWorkdays, revisionYears: c.revisionYears, revisionDueSoonDays: c.revisionDueSoonDays, drillRules: c.drillRules, reportIndustries: c.reportIndustries, highRiskOverride: null };
}

export function emergencySettings(app: AppContext): EmergencySettings {
  return { ...defaultEmergencySettings(app), ...(readInternalSetting<Partial<EmergencySettings>>(app, KEY) ?? {}) };
}

/** Names an industry list entry (`CODE` or `SECTOR:CODE`) in Chinese. */
export function industryEntryLabel(code: string): string {
  if (code.startsWith('SECTOR:')) {
    const s = code.slice(7) as keyof typeof IndustrySector.label;
    return IndustrySector.label[s] ?? code;
  }
  return Industry.label[code as keyof typeof Industry.label] ?? code;
}

/** Whether the enterprise falls under a listed-industry rule, and why (in Chinese). */
export function listedIndustry(app: AppContext, list: readonly string[], override: boolean | null, what: string): { highRisk: boolean; highRiskBasis: string } {
  const e = app.db.prepare('SELECT industry, industrySector FROM enterprise').get() as { industry: string; industrySector: string | null } | undefined;
  if (override !== null) return { highRisk: override, highRiskBasis: override ? `已在设置中认定为${what}` : `已在设置中认定为不属于${what}` };
  if (!e) return { highRisk: false, highRiskBasis: '尚未填写企业信息' };
  const hit = industryListed(list, e.industry, e.industrySector);
  const name = [Industry.label[e.industry as keyof typeof Industry.label], e.industrySector ? IndustrySector.label[e.industrySector as keyof typeof IndustrySector.label] : null].filter(Boolean).join(' / ');
  return { highRisk: hit, highRiskBasis: hit ? `企业行业「${name}」属于${what}` : `企业行业「${name}」不属于${what}` };
}

export function emergencyHighRisk(app: AppContext, s = emergencySettings(app)) {
  return listedIndustry(app, s.reportIndustries, s.highRiskOverride, '《生产安全事故应急条例》第八条所列行业（每半年演练并报送）');
}

export function emergencySettingsView(app: AppContext) {
  const s = emergencySettings(app);
  return { ...s, ...emergencyHighRisk(app, s) };
}

export function updateEmergencySettings(app: AppContext, input: Partial<EmergencySettings>) {
  return inTransaction(app.db, () => {
    const before = emergencySettings(app);
    const after = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as EmergencySettings;
    writeInternalSetting(app, KEY, after);
    recordAudit(app, { action: 'UPDATE', entityType: 'setting', entityId: null, summary: '修改应急管理设置（备案期限、修订周期、演练频次规则）', before, after });
    return { ...after, ...emergencyHighRisk(app, after) };
  });
}
