import type Database from 'better-sqlite3';

export const SPECIAL_OPERATION_TYPE_CODE = 'SPECIAL_OPERATION';

/** Id of the built-in 特种作业操作证 type, the default requirement of a 特种作业 post. */
export function specialOperationTypeId(db: Database.Database): string {
  const r = db.prepare('SELECT id FROM cert_type WHERE code = ?').get(SPECIAL_OPERATION_TYPE_CODE) as { id: string } | undefined;
  if (!r) throw new Error('built-in certificate type SPECIAL_OPERATION is missing');
  return r.id;
}

/** A post needs a certificate when it is a 特种作业 post or names a required certificate type. */
export const POST_NEEDS_CERT_SQL = `(t.isSpecialOperation = 1 OR t.requiredCertTypeId IS NOT NULL)`;

/**
 * SQL condition: the person `personCol` holds a certificate that satisfies post `t` on @today.
 * Needs params @today and @specialOpTypeId.
 */
export function validCertForPostSql(personCol: string): string {
  return `EXISTS (SELECT 1 FROM certificate c
    WHERE c.personId = ${personCol}
      AND c.certTypeId = coalesce(t.requiredCertTypeId, @specialOpTypeId)
      AND (t.requiredCertCategory IS NULL OR instr(ifnull(c.category, ''), t.requiredCertCategory) > 0)
      AND c.status = 'VALID'
      AND (c.effectiveExpiryDate IS NULL OR c.effectiveExpiryDate >= @today)
      AND (c.nextReviewDate IS NULL OR c.nextReviewDate >= @today))`;
}
