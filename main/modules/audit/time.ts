import type { AppContext } from '../../context.ts';
import { dayStartInZone } from '../../domain/dates.ts';
import { enterpriseTimeZone } from '../enterprise/repo.ts';

/** Start of a calendar day in the enterprise's zone, as epoch ms. */
export function dayStartMs(app: AppContext, date: string, plusDays = 0): number {
  return dayStartInZone(date, enterpriseTimeZone(app.db), plusDays);
}
