/**
 * Certificate schedules: when a certificate expires, when it must next be
 * reviewed (复审), and what state it is in on a given day. Rules are data
 * (validity years, review interval, window) held per certificate type.
 */
import type { CertDueState } from '../../preload/contract/enums.ts';
import { addDays, addYears, diffDays, minDate, type DateStr } from './dates.ts';

export interface CertRule {
  validityYears: number | null;
  reviewIntervalYears: number | null;
  reviewWindowDays: number;
}

export interface CertDates {
  issueDate: DateStr;
  /** Expiry printed on the card, if entered; otherwise derived from the rule. */
  expiryDate: DateStr | null;
  /** Latest passed review, if any. */
  lastReviewDate: DateStr | null;
}

export interface CertSchedule {
  effectiveExpiryDate: DateStr | null;
  nextReviewDate: DateStr | null;
  /** Earliest of the next review and the expiry: the date that matters. */
  dueDate: DateStr | null;
  /** From this day the holder should apply for review or renewal. */
  reviewWindowStart: DateStr | null;
}

/**
 * Next review = (last passed review, or issue date) + interval, but never after
 * the expiry: at the end of validity the certificate is renewed (换证) instead.
 */
export function certSchedule(dates: CertDates, rule: CertRule): CertSchedule {
  const effectiveExpiryDate = dates.expiryDate ?? (rule.validityYears ? addYears(dates.issueDate, rule.validityYears) : null);
  let nextReviewDate: DateStr | null = null;
  if (rule.reviewIntervalYears) {
    const base = dates.lastReviewDate ?? dates.issueDate;
    const candidate = addYears(base, rule.reviewIntervalYears);
    nextReviewDate = effectiveExpiryDate && candidate >= effectiveExpiryDate ? null : candidate;
  }
  const dueDate = minDate(nextReviewDate, effectiveExpiryDate);
  return {
    effectiveExpiryDate,
    nextReviewDate,
    dueDate,
    reviewWindowStart: dueDate ? addDays(dueDate, -rule.reviewWindowDays) : null,
  };
}

export interface CertStateInput {
  status: 'VALID' | 'REVOKED';
  effectiveExpiryDate: DateStr | null;
  nextReviewDate: DateStr | null;
}

/**
 * State on `today`. A printed expiry or review date is the last day on which
 * the certificate is in order; from the next day it is expired / overdue.
 * `alertDays` are the thresholds (default [90, 60, 30]); `alertBucket` is the
 * smallest threshold the remaining days fall within, e.g. 30 for "30 天内到期".
 */
export function certDueState(
  c: CertStateInput,
  today: DateStr,
  alertDays: readonly number[],
): { state: CertDueState; daysLeft: number | null; alertBucket: number | null } {
  if (c.status === 'REVOKED') return { state: 'REVOKED', daysLeft: null, alertBucket: null };
  if (c.effectiveExpiryDate && c.effectiveExpiryDate < today) {
    return { state: 'EXPIRED', daysLeft: diffDays(today, c.effectiveExpiryDate), alertBucket: null };
  }
  if (c.nextReviewDate && c.nextReviewDate < today) {
    return { state: 'REVIEW_OVERDUE', daysLeft: diffDays(today, c.nextReviewDate), alertBucket: null };
  }
  const due = minDate(c.effectiveExpiryDate, c.nextReviewDate);
  if (!due) return { state: 'VALID', daysLeft: null, alertBucket: null };
  const daysLeft = diffDays(today, due);
  const bucket = [...alertDays].sort((a, b) => a - b).find((t) => daysLeft <= t);
  if (bucket === undefined) return { state: 'VALID', daysLeft, alertBucket: null };
  return { state: 'DUE', daysLeft, alertBucket: bucket };
}

/** A certificate counts as valid for holding a post when it is neither expired, overdue for review, nor revoked. */
export function isCertValidOn(c: CertStateInput, today: DateStr): boolean {
  if (c.status === 'REVOKED') return false;
  if (c.effectiveExpiryDate && c.effectiveExpiryDate < today) return false;
  if (c.nextReviewDate && c.nextReviewDate < today) return false;
  return true;
}
