// Where the ladder has nobody to send to: steps of open episodes that reached nobody (for the
// dashboard), and the recipient roles of a policy that no active contact or user holds (for the
// policy page). Scoped to one authority; carries references and role names, never personal data.
import type { Tx } from '../platform/database/transaction';
import type { RecipientRole } from './escalation-policy';
import type { EscalationRun } from './escalation-run.entity';

export interface UnreachedStep {
  episodeId: string;
  episodeReference: string;
  stepKey: string;
  repeat: number;
  ranAt: Date;
  summary: string | null;
  /** The line as a catalogue key (runs since migration 1732300001900), so a page shows it in its language. */
  summaryKey: string | null;
  summaryParams: EscalationRun['summaryParams'];
}
type Row = {
  episode_id: string;
  reference: string;
  step_key: string;
  repeat: number;
  ran_at: Date;
  summary: string | null;
  summary_key: string | null;
  summary_params: EscalationRun['summaryParams'];
};

/** Roles held by users rather than contacts (as the recipient resolver reads them). */
const userRoles: readonly string[] = ['team_manager', 'senior_manager'];
/**
 * Roles that mean people of each child's team or placement, who differ episode by episode: no authority-wide gap to
 * find.
 */
const perChildRoles: readonly string[] = [
  'social_worker',
  'ictg',
  'parents_with_pr',
  'carer',
  'alerted',
  'host_police_control_room',
  'host_authority_coordinator',
];

export class EscalationGapsRepository {
  async unreachedSteps(tx: Tx, authorityId: string, limit: number): Promise<UnreachedStep[]> {
    const rows: Row[] = await tx.query(
      `SELECT r.episode_id, e.reference, r.step_key, r.repeat, r.ran_at, r.summary, r.summary_key,
        r.summary_params FROM escalation_runs r
        JOIN missing_episodes e ON e.id = r.episode_id
      WHERE r.outcome = 'unreached' AND e.authority_id = $1 AND e.closed_at IS NULL
      ORDER BY r.ran_at DESC, r.step_key LIMIT $2`,
      [authorityId, limit],
    );
    return rows.map((r) => ({
      episodeId: r.episode_id,
      episodeReference: r.reference,
      stepKey: r.step_key,
      repeat: r.repeat,
      ranAt: r.ran_at,
      summary: r.summary,
      summaryKey: r.summary_key,
      summaryParams: r.summary_params,
    }));
  }

  /**
   * Of these roles, those no active contact (or, for managers, no enabled user) of the authority holds, in the order
   * given.
   */
  async rolesWithNobody(tx: Tx, authorityId: string, roles: RecipientRole[]): Promise<RecipientRole[]> {
    const wide = [...new Set(roles)].filter((r) => !perChildRoles.includes(r));
    if (!wide.length) return [];
    const held: { role: string }[] = await tx.query(
      `
      SELECT role FROM contacts WHERE authority_id = $1 AND role = ANY($2) AND NOT (role = ANY($3)) AND active
      UNION SELECT role FROM users WHERE authority_id = $1 AND role = ANY($2) AND role = ANY($3) AND disabled_at IS NULL`,
      [authorityId, wide, userRoles],
    );
    const holders = new Set(held.map((h) => h.role));
    return wide.filter((r) => !holders.has(r));
  }
}
