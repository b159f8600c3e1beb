import { describe, expect, it } from 'vitest';
import { certDueState, certSchedule, isCertValidOn } from '../../main/domain/certificates.ts';

const specialOp = { validityYears: 6, reviewIntervalYears: 3, reviewWindowDays: 60 };
const equipment = { validityYears: 4, reviewIntervalYears: null, reviewWindowDays: 30 };
const other = { validityYears: null, reviewIntervalYears: null, reviewWindowDays: 30 };

describe('certificate schedule (rules as data)', () => {
  it('特种作业: valid 6 years, reviewed every 3, window 60 days', () => {
    const s = certSchedule({ issueDate: '2024-03-10', expiryDate: null, lastReviewDate: null }, specialOp);
    expect(s).toEqual({ effectiveExpiryDate: '2030-03-10', nextReviewDate: '2027-03-10', dueDate: '2027-03-10', reviewWindowStart: '2027-01-09' });
  });

  it('a passed review moves the next review on; at the end of validity it is a renewal, not a review', () => {
    const s = certSchedule({ issueDate: '2024-03-10', expiryDate: null, lastReviewDate: '2027-02-01' }, specialOp);
    expect(s.nextReviewDate).toBe('2030-02-01');
    expect(s.dueDate).toBe('2030-02-01');
    const late = certSchedule({ issueDate: '2024-03-10', expiryDate: null, lastReviewDate: '2027-04-01' }, specialOp);
    expect(late.nextReviewDate).toBeNull();
    expect(late.dueDate).toBe('2030-03-10');
  });

  it('an expiry printed on the card wins over the rule', () => {
    const s = certSchedule({ issueDate: '2024-03-10', expiryDate: '2028-01-01', lastReviewDate: null }, equipment);
    expect(s.effectiveExpiryDate).toBe('2028-01-01');
    expect(s.dueDate).toBe('2028-01-01');
  });

  it('a certificate without validity has no due date', () => {
    expect(certSchedule({ issueDate: '2024-03-10', expiryDate: null, lastReviewDate: null }, other)).toEqual({
      effectiveExpiryDate: null,
      nextReviewDate: null,
      dueDate: null,
      reviewWindowStart: null,
    });
  });

  it('issued on 29 February: the anniversary falls on 28 February', () => {
    expect(certSchedule({ issueDate: '2024-02-29', expiryDate: null, lastReviewDate: null }, equipment).effectiveExpiryDate).toBe('2028-02-29');
    expect(certSchedule({ issueDate: '2024-02-29', expiryDate: null, lastReviewDate: null }, specialOp).nextReviewDate).toBe('2027-02-28');
  });
});

describe('certificate state on a given day', () => {
  const alert = [90, 60, 30];
  const c = (expiry: string | null, review: string | null = null) => ({ status: 'VALID' as const, effectiveExpiryDate: expiry, nextReviewDate: review });

  it('the printed date is the last valid day', () => {
    expect(certDueState(c('2026-11-22'), '2026-11-22', alert).state).toBe('DUE');
    expect(certDueState(c('2026-11-22'), '2026-11-23', alert)).toEqual({ state: 'EXPIRED', daysLeft: -1, alertBucket: null });
    expect(isCertValidOn(c('2026-11-22'), '2026-11-22')).toBe(true);
    expect(isCertValidOn(c('2026-11-22'), '2026-11-23')).toBe(false);
  });

  it('falls into the smallest alert window that contains it', () => {
    const today = '2026-11-22';
    expect(certDueState(c('2026-12-22'), today, alert)).toEqual({ state: 'DUE', daysLeft: 30, alertBucket: 30 });
    expect(certDueState(c('2026-12-23'), today, alert)).toEqual({ state: 'DUE', daysLeft: 31, alertBucket: 60 });
    expect(certDueState(c('2027-01-21'), today, alert)).toEqual({ state: 'DUE', daysLeft: 60, alertBucket: 60 });
    expect(certDueState(c('2027-02-20'), today, alert)).toEqual({ state: 'DUE', daysLeft: 90, alertBucket: 90 });
    expect(certDueState(c('2027-02-21'), today, alert)).toEqual({ state: 'VALID', daysLeft: 91, alertBucket: null });
  });

  it('thresholds are data: a 120/45/15 profile works the same way', () => {
    expect(certDueState(c('2027-03-01'), '2026-11-22', [120, 45, 15])).toMatchObject({ state: 'DUE', alertBucket: 120 });
    expect(certDueState(c('2026-12-01'), '2026-11-22', [120, 45, 15])).toMatchObject({ state: 'DUE', alertBucket: 15 });
  });

  it('an overdue review makes it invalid even before expiry; revoked is never valid', () => {
    expect(certDueState(c('2030-01-01', '2026-11-21'), '2026-11-22', alert)).toEqual({ state: 'REVIEW_OVERDUE', daysLeft: -1, alertBucket: null });
    expect(isCertValidOn(c('2030-01-01', '2026-11-21'), '2026-11-22')).toBe(false);
    expect(certDueState({ status: 'REVOKED', effectiveExpiryDate: null, nextReviewDate: null }, '2026-11-22', alert).state).toBe('REVOKED');
    expect(isCertValidOn({ status: 'REVOKED', effectiveExpiryDate: '2030-01-01', nextReviewDate: null }, '2026-11-22')).toBe(false);
  });
});
