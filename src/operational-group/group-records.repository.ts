// The operational group's statements that reach past its own tables: who may join, which episodes
// a review may name, detaching a member from what they attended or owned, and chasing an action.
import type { Tx } from '../platform/database/transaction';
import { GroupMember } from './operational-group.entity';

export interface ChasedAction {
  authorityId: string;
  description: string;
  ownerName: string;
  ownerEmail: string;
  dueOn: string;
  groupName: string;
  startsAt: Date;
  childRef: string | null;
}

export class GroupRecordsRepository {
  /** Whether the user or contact exists in the authority (a member must be one of its own). */
  async candidateExists(tx: Tx, kind: 'user' | 'contact', id: string, authorityId: string): Promise<boolean> {
    const table = kind === 'user' ? 'users' : 'contacts';
    const rows: unknown[] = await tx.query(`SELECT id FROM ${table} WHERE id = $1 AND authority_id = $2`, [
      id,
      authorityId,
    ]);
    return rows.length > 0;
  }

  /** How many of these episodes are the child's. */
  async countEpisodesOfChild(tx: Tx, episodeIds: string[], childId: string): Promise<number> {
    const [{ count }] = await tx.query(
      'SELECT count(*)::int AS count FROM missing_episodes WHERE id = ANY($1) AND child_id = $2',
      [episodeIds, childId],
    );
    return count as number;
  }

  /** Removes a member; past attendance and actions keep the name but lose the link. */
  async removeMember(tx: Tx, memberId: string): Promise<void> {
    await tx.query('UPDATE group_attendance SET member_id = NULL WHERE member_id = $1', [memberId]);
    await tx.query('UPDATE group_actions SET owner_member_id = NULL WHERE owner_member_id = $1', [memberId]);
    await tx.delete(GroupMember, { id: memberId });
  }

  /**
   * Marks an open action with an owner's email chased on `today`, once a day whichever instance gets there;
   * returns what the chase email needs, or null when there is nothing to chase.
   */
  async markChased(tx: Tx, actionId: string, today: string): Promise<ChasedAction | null> {
    // A CTE, so the UPDATE's returned row comes back as a plain SELECT result.
    const [row] = await tx.query(
      `WITH chased AS (
        UPDATE group_actions SET last_chased_on = $2::date WHERE id = $1 AND completed_at IS NULL
        AND owner_email IS NOT NULL AND (last_chased_on IS NULL OR last_chased_on < $2::date) RETURNING *)
      SELECT a.authority_id AS "authorityId", a.description, a.owner_name AS "ownerName",
        a.owner_email AS "ownerEmail", a.due_on::text AS "dueOn",
        g.name AS "groupName", m.starts_at AS "startsAt", c.reference AS "childRef"
      FROM chased a JOIN group_meetings m ON m.id = a.meeting_id JOIN operational_groups g ON g.id = m.group_id
      LEFT JOIN children c ON c.id = a.child_id`,
      [actionId, today],
    );
    return (row as ChasedAction | undefined) ?? null;
  }
}
