// What undoing a return reads and rewrites beyond the episode's own row: later episodes (which an
// open-ended episode would overlap), who was told of the return, and the ladder decisions the
// return caused, so that they are taken again now the child is missing.
import type { RecipientType } from '../notifications/notification.entity';
import type { Tx } from '../platform/database/transaction';

export interface ToldOfReturn {
  channel: 'sms' | 'email';
  address: string;
  recipientType: RecipientType;
  recipientId: string | null;
  recipientName: string;
}

export class UndoReturnRepository {
  async laterEpisode(tx: Tx, childId: string, episodeId: string, after: Date): Promise<string | null> {
    const [row] = await tx.query(
      `SELECT reference FROM missing_episodes WHERE child_id = $1 AND id <> $2 AND discovered_at > $3
      ORDER BY discovered_at LIMIT 1`,
      [childId, episodeId, after],
    );
    return row?.reference ?? null;
  }

  /** Everyone sent the "found" notice of this episode (on any channel, fallbacks included), once per address. */
  async toldOfReturn(tx: Tx, episodeId: string, foundSteps: string[]): Promise<ToldOfReturn[]> {
    return tx.query(
      `SELECT DISTINCT ON (channel, address) channel, address, recipient_type AS "recipientType", recipient_id AS "recipientId",
        recipient_name AS "recipientName"
      FROM notifications WHERE episode_id = $1 AND split_part(step_key, '#', 1) = ANY($2) ORDER BY channel, address, created_at`,
      [episodeId, foundSteps],
    );
  }

  /** What a notice may say of the child: its reference and its authority's name, never a name. */
  async references(tx: Tx, childId: string): Promise<{ reference: string; authorityName: string }> {
    const [row] = await tx.query(
      `SELECT c.reference, a.name AS "authorityName" FROM children c JOIN local_authorities a ON a.id = c.authority_id
      WHERE c.id = $1`,
      [childId],
    );
    return row;
  }

  /** How many times this episode's return was undone before (each undo's notices need their own dedupe keys). */
  async undoneBefore(tx: Tx, episodeId: string): Promise<number> {
    const [row] = await tx.query(
      `SELECT count(*)::int AS n FROM episode_events WHERE episode_id = $1 AND type = 'return_undone'`,
      [episodeId],
    );
    return row.n;
  }

  /**
   * Forgets the ladder's decisions since the return was recorded: steps skipped because the child had
   * returned, and the steps measured from the return (the found notice, the interview reminder). The
   * old found notices keep their rows but give up their dedupe keys, so a real return is told again.
   */
  async forgetReturnDecisions(tx: Tx, episodeId: string, returnSteps: string[]): Promise<void> {
    const [row] = await tx.query(
      `SELECT max(at) AS at FROM episode_events WHERE episode_id = $1 AND type = 'returned'`,
      [episodeId],
    );
    await tx.query(
      `DELETE FROM escalation_runs WHERE episode_id = $1 AND (step_key = ANY($2) OR (outcome = 'skipped' AND ran_at >= $3))`,
      [episodeId, returnSteps, row.at ?? new Date(0)],
    );
    await tx.query(
      `UPDATE notifications SET dedupe_key = dedupe_key || ':undone:' || id WHERE episode_id = $1
      AND split_part(step_key, '#', 1) = ANY($2) AND dedupe_key IS NOT NULL`,
      [episodeId, returnSteps],
    );
  }
}
