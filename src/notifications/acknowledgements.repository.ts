// Which alerts of an episode still wait for acknowledgement, and marking alerts acknowledged from
// the episode page (the user's own) or a signed link (those that carried it). An SMS reply marks
// its one message through NotificationsRepository.lockAckable.
import type { Tx } from '../platform/database/transaction';

export interface LinkIdentity {
  episodeId: string;
  audience: string;
  expiresAt: Date;
}
export interface AckableMessage {
  id: string;
  step: string;
  recipientName: string;
  acknowledged: boolean;
}

/** A police or CEOP user acts for their agency: an alert to its contacts went to them. */
const agencyContactRoles: Record<string, string[]> = {
  police: ['police_control_room', 'missing_persons_unit'],
  ceop: ['ceop'],
};

export class AcknowledgementsRepository {
  /**
   * Steps (keys without the repeat) whose alert needed acknowledgement and nobody has acknowledged, in the order they
   * fired.
   */
  async pendingSteps(tx: Tx, episodeId: string): Promise<string[]> {
    // As the escalation runner reads it: one acknowledged message, or an 'acknowledged' event, acknowledges the step.
    const rows: { step: string }[] = await tx.query(
      `SELECT s.step FROM (
        SELECT split_part(n.step_key, '#', 1) AS step, min(n.created_at) AS first,
          bool_or(n.acknowledged_at IS NOT NULL OR n.status = 'acknowledged') AS acknowledged
        FROM notifications n WHERE n.episode_id = $1 AND n.needs_ack AND n.step_key IS NOT NULL GROUP BY 1) s
      WHERE NOT s.acknowledged
        AND NOT EXISTS (SELECT 1 FROM episode_events e WHERE e.episode_id = $1 AND e.type = 'acknowledged' AND e.step_key = s.step)
      ORDER BY s.first`,
      [episodeId],
    );
    return rows.map((r) => r.step);
  }

  /**
   * The alerts needing acknowledgement that carried this very link: its episode, audience and expiry
   * (a link's expiry is kept to the second; the message's data has milliseconds). Locked for update
   * when about to be acknowledged; only read when a page shows them.
   */
  async carryingLink(tx: Tx, link: LinkIdentity, { lock }: { lock: boolean }): Promise<AckableMessage[]> {
    const rows: { id: string; step: string; recipient_name: string; acknowledged: boolean }[] = await tx.query(
      `
      SELECT id, split_part(step_key, '#', 1) AS step, recipient_name, (acknowledged_at IS NOT NULL OR status = 'acknowledged') AS acknowledged
      FROM notifications WHERE episode_id = $1 AND needs_ack AND step_key IS NOT NULL
        AND data->>'linkAudience' = $2 AND left(data->>'linkExpiresAt', 19) = $3
      ORDER BY created_at, seq${lock ? ' FOR UPDATE' : ''}`,
      [link.episodeId, link.audience, link.expiresAt.toISOString().slice(0, 19)],
    );
    return rows.map((r) => ({ id: r.id, step: r.step, recipientName: r.recipient_name, acknowledged: r.acknowledged }));
  }

  /**
   * Whether the step sent any alert needing acknowledgement, and whether one went to this user: to
   * their account, to a guardian record linked to it, or (police, CEOP) to their agency's contacts.
   */
  async stepSentTo(
    tx: Tx,
    episodeId: string,
    step: string,
    user: { userId: string; authorityId: string; role: string },
  ) {
    const [row] = await tx.query(
      `SELECT count(*) > 0 AS sent, coalesce(bool_or(
        (n.recipient_type = 'user' AND n.recipient_id = $3)
        OR (n.recipient_type = 'guardian' AND n.recipient_id IN (SELECT id FROM guardians WHERE user_id = $3 AND authority_id = $4))
        OR (n.recipient_type = 'contact' AND n.recipient_id IN (SELECT id FROM contacts WHERE authority_id = $4 AND role = ANY($5::text[])))
      ), false) AS to_you
      FROM notifications n WHERE n.episode_id = $1 AND split_part(n.step_key, '#', 1) = $2 AND n.needs_ack`,
      [episodeId, step, user.userId, user.authorityId, agencyContactRoles[user.role] ?? []],
    );
    return { sent: row.sent as boolean, toYou: row.to_you as boolean };
  }

  /** The user's own unacknowledged alerts of one step (any repeat), locked for update. */
  async lockForUser(tx: Tx, episodeId: string, step: string, userId: string): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM notifications WHERE episode_id = $1 AND split_part(step_key, '#', 1) = $2
      AND recipient_type = 'user' AND recipient_id = $3 AND needs_ack AND acknowledged_at IS NULL FOR UPDATE`,
      [episodeId, step, userId],
    );
    return rows.map((r) => r.id);
  }

  async markAcknowledged(tx: Tx, ids: string[], at: Date, detail: string): Promise<void> {
    if (!ids.length) return;
    await tx.query(
      `UPDATE notifications SET status = 'acknowledged', acknowledged_at = $2, updated_at = $2
      WHERE id = ANY($1::uuid[]) AND acknowledged_at IS NULL`,
      [ids, at],
    );
    await tx.query(
      `INSERT INTO notification_events (notification_id, at, status, detail)
      SELECT id, $2, 'acknowledged', $3 FROM unnest($1::uuid[]) AS id`,
      [ids, at, detail],
    );
  }
}
