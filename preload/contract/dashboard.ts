import { z } from 'zod';
import { query } from './define.ts';
import { none } from './fields.ts';
import { EmploymentType } from './enums.ts';
import { Certificate } from './certificates.ts';

export const CertificationGap = z.object({
  postId: z.string(),
  postName: z.string(),
  unitName: z.string(),
  personId: z.string(),
  personName: z.string(),
  staffNo: z.string(),
  requirement: z.string(),
  /** Why the holder is not covered: no certificate, expired, review overdue, revoked. */
  reason: z.string(),
  /** 特种作业 without a valid certificate is a 重大事故隐患; other required certificates are a gap only. */
  majorHazard: z.boolean(),
  basis: z.string().nullable(),
});
export type CertificationGap = z.infer<typeof CertificationGap>;

export const Dashboard = z.object({
  today: z.string(),
  counts: z.object({
    units: z.number().int(),
    posts: z.number().int(),
    frontlinePosts: z.number().int(),
    specialPosts: z.number().int(),
    activePeople: z.number().int(),
    byEmploymentType: z.array(z.object({ type: z.enum(EmploymentType.values), count: z.number().int() })),
    certificates: z.number().int(),
  }),
  certAlertDays: z.array(z.number().int()),
  certificates: z.object({
    expired: z.number().int(),
    reviewOverdue: z.number().int(),
    /** Counts for each alert threshold: due within N days (not yet expired), cumulative. */
    dueWithin: z.array(z.object({ days: z.number().int(), count: z.number().int() })),
    /** The most urgent certificates (expired / overdue / due soon), at most 10. */
    urgent: z.array(Certificate),
  }),
  /** Posts that need a certificate, held by someone without a valid one (特种作业: a 重大事故隐患 under 应急管理部令第10号). */
  certificationGaps: z.object({
    total: z.number().int(),
    /** Of which 特种作业 (each a 重大事故隐患). */
    majorHazards: z.number().int(),
    /** The first 50, 特种作业 first. */
    items: z.array(CertificationGap),
  }),
  postsWithoutHolders: z.object({
    count: z.number().int(),
    items: z.array(z.object({ id: z.string(), name: z.string(), unitName: z.string(), category: z.string() })),
  }),
  peopleWithoutPost: z.number().int(),
  /** The year's principal commitment letter: what needs doing, or null when in order. */
  commitment: z.object({ year: z.number().int(), attention: z.string().nullable() }),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const dashboardContract = {
  'dashboard.get': query('首页：概况与待办（证书到期、特种作业无证上岗、无人在岗岗位）', none, Dashboard),
};
