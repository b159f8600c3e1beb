import type { AppContext } from '../../context.ts';
import type { CertificationGap, Dashboard } from '../../../preload/contract/dashboard.ts';
import type { EmploymentType } from '../../../preload/contract/enums.ts';
import { addDays } from '../../domain/dates.ts';
import { readSetting } from '../app/settings.ts';
import { today as todayOf } from '../enterprise/service.ts';
import { listCertificates } from '../certificates/service.ts';
import { POST_NEEDS_CERT_SQL, specialOperationTypeId, validCertForPostSql } from '../certificates/validity.ts';
import { letterAttention, lettersOfYear } from '../commitments/service.ts';

export const MAJOR_HAZARD_BASIS_UNCERTIFIED = '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第四条第（二）项：特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业';

/**
 * Holders of certificate-requiring posts who have no valid certificate today:
 * the counts, and the first `limit` with the reason spelled out.
 */
export function certificationGaps(app: AppContext, today: string, limit = 50): { total: number; majorHazards: number; items: CertificationGap[] } {
  const specialOpTypeId = specialOperationTypeId(app.db);
  const rows = app.db
    .prepare(
      `SELECT t.id AS postId, t.name AS postName, u.name AS unitName, p.id AS personId, p.name AS personName, p.staffNo,
         t.isSpecialOperation, coalesce(t.requiredCertTypeId, @specialOpTypeId) AS certTypeId, ct.name AS certTypeName, t.requiredCertCategory
       FROM person_post pp
       JOIN person p ON p.id = pp.personId
       JOIN post t ON t.id = pp.postId
       JOIN unit u ON u.id = t.unitId
       JOIN cert_type ct ON ct.id = coalesce(t.requiredCertTypeId, @specialOpTypeId)
       WHERE pp.endDate IS NULL AND p.status = 'ACTIVE' AND t.archivedAtMs IS NULL AND ${POST_NEEDS_CERT_SQL}
         AND NOT ${validCertForPostSql('p.id')}
       ORDER BY t.isSpecialOperation DESC, u.sortOrder, u.name, t.name, p.staffNo`,
    )
    .all({ today, specialOpTypeId }) as {
    postId: string;
    postName: string;
    unitName: string;
    personId: string;
    personName: string;
    staffNo: string;
    isSpecialOperation: number;
    certTypeId: string;
    certTypeName: string;
    requiredCertCategory: string | null;
  }[];
  const latestCert = app.db.prepare(
    `SELECT status, effectiveExpiryDate, nextReviewDate, number FROM certificate
     WHERE personId = @personId AND certTypeId = @certTypeId AND (@category IS NULL OR instr(ifnull(category, ''), @category) > 0)
     ORDER BY status = 'VALID' DESC, ifnull(dueDate, '9999') DESC LIMIT 1`,
  );
  const items = rows.slice(0, limit).map((r) => {
    const cert = latestCert.get({ personId: r.personId, certTypeId: r.certTypeId, category: r.requiredCertCategory }) as
      | { status: string; effectiveExpiryDate: string | null; nextReviewDate: string | null; number: string }
      | undefined;
    let reason: string;
    if (!cert) reason = '未登记相应证书';
    else if (cert.status === 'REVOKED') reason = `证书（${cert.number}）已注销`;
    else if (cert.effectiveExpiryDate && cert.effectiveExpiryDate < today) reason = `证书（${cert.number}）已于 ${cert.effectiveExpiryDate} 过期`;
    else reason = `证书（${cert.number}）应于 ${cert.nextReviewDate} 前复审，已逾期`;
    const special = r.isSpecialOperation === 1;
    return {
      postId: r.postId,
      postName: r.postName,
      unitName: r.unitName,
      personId: r.personId,
      personName: r.personName,
      staffNo: r.staffNo,
      requirement: r.requiredCertCategory ? `${r.certTypeName}（${r.requiredCertCategory}）` : r.certTypeName,
      reason,
      majorHazard: special,
      basis: special ? MAJOR_HAZARD_BASIS_UNCERTIFIED : null,
    };
  });
  return { total: rows.length, majorHazards: rows.filter((r) => r.isSpecialOperation === 1).length, items };
}

export function getDashboard(app: AppContext): Dashboard {
  const today = todayOf(app);
  const alertDays = [...readSetting(app, 'certAlertDays')].sort((a, b) => b - a);
  const db = app.db;
  const count = (sql: string, params: Record<string, unknown> = {}) => (db.prepare(sql).get(params) as { n: number }).n;

  const byType = db
    .prepare(`SELECT employmentType AS type, count(*) AS count FROM person WHERE status = 'ACTIVE' GROUP BY employmentType ORDER BY count DESC`)
    .all() as { type: EmploymentType; count: number }[];

  const certBase = `FROM certificate c JOIN person p ON p.id = c.personId WHERE p.status = 'ACTIVE' AND c.status = 'VALID'`;
  const expired = count(`SELECT count(*) AS n ${certBase} AND c.effectiveExpiryDate < @today`, { today });
  const reviewOverdue = count(`SELECT count(*) AS n ${certBase} AND ifnull(c.effectiveExpiryDate, '9999') >= @today AND c.nextReviewDate < @today`, { today });
  const dueWithin = alertDays.map((days) => ({
    days,
    count: count(`SELECT count(*) AS n ${certBase} AND c.dueDate >= @today AND c.dueDate <= @horizon`, { today, horizon: addDays(today, days) }),
  }));
  const urgent = listCertificates(app, { search: null, personId: null, certTypeId: null, unitId: null, dueState: 'ATTENTION', includeLeft: false, page: 1, pageSize: 10 }).items;

  const withoutHolders = db
    .prepare(
      `SELECT t.id, t.name, u.name AS unitName, t.category FROM post t JOIN unit u ON u.id = t.unitId
       WHERE t.archivedAtMs IS NULL AND NOT EXISTS (
         SELECT 1 FROM person_post pp JOIN person p ON p.id = pp.personId WHERE pp.postId = t.id AND pp.endDate IS NULL AND p.status = 'ACTIVE')
       ORDER BY u.sortOrder, u.name, t.name`,
    )
    .all() as { id: string; name: string; unitName: string; category: string }[];

  return {
    today,
    counts: {
      units: count('SELECT count(*) AS n FROM unit'),
      posts: count('SELECT count(*) AS n FROM post WHERE archivedAtMs IS NULL'),
      frontlinePosts: count(`SELECT count(*) AS n FROM post WHERE archivedAtMs IS NULL AND category = 'FRONTLINE'`),
      specialPosts: count(`SELECT count(*) AS n FROM post t WHERE archivedAtMs IS NULL AND ${POST_NEEDS_CERT_SQL}`),
      activePeople: count(`SELECT count(*) AS n FROM person WHERE status = 'ACTIVE'`),
      byEmploymentType: byType,
      certificates: count(`SELECT count(*) AS n ${certBase}`),
    },
    certAlertDays: alertDays,
    certificates: { expired, reviewOverdue, dueWithin, urgent },
    certificationGaps: certificationGaps(app, today),
    postsWithoutHolders: { count: withoutHolders.length, items: withoutHolders.slice(0, 20) },
    commitment: (() => {
      const year = Number(today.slice(0, 4));
      return { year, attention: letterAttention(app, year, lettersOfYear(app, year)[0] ?? null) };
    })(),
    peopleWithoutPost: count(`SELECT count(*) AS n FROM person p WHERE p.status = 'ACTIVE' AND NOT EXISTS (SELECT 1 FROM person_post pp WHERE pp.personId = p.id AND pp.endDate IS NULL)`),
  };
}
