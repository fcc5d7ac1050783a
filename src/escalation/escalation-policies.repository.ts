// Reads and writes the versioned escalation policies; a saved version is never changed.
import type { Tx } from '../platform/database/transaction';
import type { PolicyDocument } from './escalation-policy';
import { EscalationPolicy } from './escalation-policy.entity';

export class EscalationPoliciesRepository {
  latest(tx: Tx, authorityId: string): Promise<EscalationPolicy | null> {
    return tx.findOne(EscalationPolicy, { where: { authorityId }, order: { version: 'DESC' } });
  }

  /** Idempotent: safe when several instances (or the seed) race to create version 1. */
  async insertFirst(tx: Tx, authorityId: string, doc: PolicyDocument, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO escalation_policies (authority_id, version, settings, steps, created_at)
      VALUES ($1, 1, $2, $3, $4) ON CONFLICT (authority_id, version) DO NOTHING`,
      [authorityId, JSON.stringify(doc.settings), JSON.stringify(doc.steps), at],
    );
  }

  insert(tx: Tx, policy: Omit<EscalationPolicy, 'id'>): Promise<EscalationPolicy> {
    return tx.save(EscalationPolicy, tx.create(EscalationPolicy, policy));
  }
}
