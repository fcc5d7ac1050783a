// Retention rules: national defaults (authority_id NULL) overlaid by the authority's own.
import type { Tx } from '../platform/database/transaction';
import type { RetentionRule } from './retention-rule';

const COLUMNS = `kind, keep_years AS "keepYears", anchor, action, automatic, inquiry_hold AS "inquiryHold", source,
  change_reason AS "changeReason", authority_id IS NOT NULL AS local, updated_at AS "updatedAt"`;

export class RetentionRulesRepository {
  /** Each kind once: the authority's rule if it has one, else the default. */
  async effective(tx: Tx, authorityId: string): Promise<RetentionRule[]> {
    return tx.query(
      `SELECT DISTINCT ON (kind) ${COLUMNS} FROM retention_rules
        WHERE authority_id = $1 OR authority_id IS NULL
        ORDER BY kind, authority_id NULLS LAST`,
      [authorityId],
    );
  }

  async save(tx: Tx, authorityId: string, userId: string, rule: RetentionRule, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO retention_rules (authority_id, kind, keep_years, anchor, action, automatic, inquiry_hold, source,
         change_reason, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (COALESCE(authority_id, '00000000-0000-0000-0000-000000000000'::uuid), kind) DO UPDATE SET
         keep_years = EXCLUDED.keep_years, automatic = EXCLUDED.automatic, inquiry_hold = EXCLUDED.inquiry_hold,
         change_reason = EXCLUDED.change_reason, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [
        authorityId,
        rule.kind,
        rule.keepYears,
        rule.anchor,
        rule.action,
        rule.automatic,
        rule.inquiryHold,
        rule.source,
        rule.changeReason,
        userId,
        at,
      ],
    );
  }

  async authorities(tx: Tx): Promise<string[]> {
    return (await tx.query('SELECT id FROM local_authorities ORDER BY code')).map((r: { id: string }) => r.id);
  }
}
