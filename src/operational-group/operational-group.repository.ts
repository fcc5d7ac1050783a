// The operational group's SQL. Every read takes the caller's authority; the cycle's cross-authority
// reads (due packs, overdue actions) return rows that carry their own authority.
import { type DeepPartial, LessThan, MoreThan, Not } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import type { Tx } from '../platform/database/transaction';
import { GroupAction, GroupAttendance, GroupReview } from './meeting-record.entity';
import { GroupMeeting, GroupMember, OperationalGroup } from './operational-group.entity';

export interface MemberView {
  id: string;
  kind: 'user' | 'contact';
  userId: string | null;
  contactId: string | null;
  name: string;
  organisation: string | null;
  email: string | null;
  active: boolean;
  /** The user's or the contact's role. */
  role: string;
}

export class OperationalGroupRepository {
  /** Creates or changes the authority's group (one per authority). */
  saveGroup(tx: Tx, group: DeepPartial<OperationalGroup>): Promise<OperationalGroup> {
    return tx.save(OperationalGroup, group);
  }

  isMember(tx: Tx, groupId: string, who: { userId?: string; contactId?: string }): Promise<boolean> {
    const person = who.userId ? { userId: who.userId } : { contactId: who.contactId };
    return tx.existsBy(GroupMember, { groupId, ...person });
  }

  addMember(tx: Tx, member: DeepPartial<GroupMember>): Promise<GroupMember> {
    return tx.save(GroupMember, member);
  }

  findMember(tx: Tx, authorityId: string, id: string): Promise<GroupMember | null> {
    return tx.findOneBy(GroupMember, { id, authorityId });
  }

  /** Writes changed fields of a meeting (its time, status, minutes, or the pack frozen as sent). */
  async changeMeeting(tx: Tx, id: string, changes: QueryDeepPartialEntity<GroupMeeting>): Promise<void> {
    await tx.update(GroupMeeting, { id }, changes);
  }

  findGroup(tx: Tx, authorityId: string): Promise<OperationalGroup | null> {
    return tx.findOneBy(OperationalGroup, { authorityId });
  }

  allGroups(tx: Tx): Promise<OperationalGroup[]> {
    return tx.find(OperationalGroup, { order: { createdAt: 'ASC' } });
  }

  members(tx: Tx, authorityId: string, groupId: string): Promise<MemberView[]> {
    return tx.query(
      `SELECT m.id, CASE WHEN m.user_id IS NULL THEN 'contact' ELSE 'user' END AS kind, m.user_id AS "userId",
        m.contact_id AS "contactId", coalesce(u.name, c.name) AS name, coalesce(u.role, c.role) AS role, c.organisation, coalesce(u.email, c.email) AS email,
        coalesce(u.disabled_at IS NULL, c.active) AS active
      FROM group_members m LEFT JOIN users u ON u.id = m.user_id LEFT JOIN contacts c ON c.id = m.contact_id
      WHERE m.authority_id = $1 AND m.group_id = $2 ORDER BY 5`,
      [authorityId, groupId],
    );
  }

  findMeeting(tx: Tx, authorityId: string, id: string, lock = false): Promise<GroupMeeting | null> {
    return tx.findOne(GroupMeeting, {
      where: { authorityId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  listMeetings(tx: Tx, authorityId: string): Promise<GroupMeeting[]> {
    return tx.find(GroupMeeting, { where: { authorityId }, order: { startsAt: 'DESC' } });
  }

  nextMeeting(tx: Tx, authorityId: string, now: Date): Promise<GroupMeeting | null> {
    return tx.findOne(GroupMeeting, {
      where: { authorityId, startsAt: MoreThan(now), status: 'scheduled' },
      order: { startsAt: 'ASC' },
    });
  }

  latestMeeting(tx: Tx, groupId: string): Promise<GroupMeeting | null> {
    return tx.findOne(GroupMeeting, { where: { groupId }, order: { startsAt: 'DESC' } });
  }

  /** The meeting before this one that was not cancelled: its pack's end is where the next pack starts. */
  previousMeeting(tx: Tx, groupId: string, before: Date): Promise<GroupMeeting | null> {
    return tx.findOne(GroupMeeting, {
      where: { groupId, startsAt: LessThan(before), status: Not('cancelled') },
      order: { startsAt: 'DESC' },
    });
  }

  /** Inserts the meeting unless one already starts then (another instance got there first). */
  async scheduleMeeting(tx: Tx, group: OperationalGroup, startsAt: Date, now: Date): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO group_meetings (authority_id, group_id, starts_at, duration_minutes, location, status, created_at, updated_at)
      VALUES ($1, $2, $3, $4, $5, 'scheduled', $6, $6) ON CONFLICT (group_id, starts_at) DO NOTHING RETURNING id`,
      [group.authorityId, group.id, startsAt, group.durationMinutes, group.location, now],
    );
    return rows.length > 0;
  }

  /** Meetings whose pack is due (packDaysBefore ahead) and not yet sent, before they start. */
  async packsDue(tx: Tx, now: Date): Promise<{ id: string; authorityId: string }[]> {
    return tx.query(
      `SELECT m.id, m.authority_id AS "authorityId" FROM group_meetings m JOIN operational_groups g ON g.id = m.group_id
      WHERE m.pack_sent_at IS NULL AND m.status = 'scheduled' AND m.starts_at > $1
      AND m.starts_at - make_interval(days => g.pack_days_before) <= $1 ORDER BY m.starts_at`,
      [now],
    );
  }

  attendance(tx: Tx, meetingId: string): Promise<GroupAttendance[]> {
    return tx.find(GroupAttendance, { where: { meetingId }, order: { name: 'ASC' } });
  }

  async reviews(tx: Tx, meetingId: string): Promise<GroupReview[]> {
    const reviews = await tx.find(GroupReview, { where: { meetingId }, order: { createdAt: 'ASC' } });
    return this.withChildRefs(tx, reviews) as Promise<GroupReview[]>;
  }

  async actions(tx: Tx, authorityId: string, where: { meetingId?: string; open?: boolean }): Promise<GroupAction[]> {
    const qb = tx
      .createQueryBuilder(GroupAction, 'a')
      .where('a.authority_id = :authorityId', { authorityId })
      .orderBy('a.due_on', 'ASC')
      .addOrderBy('a.created_at', 'ASC');
    if (where.meetingId) qb.andWhere('a.meeting_id = :meetingId', { meetingId: where.meetingId });
    if (where.open !== undefined) qb.andWhere(where.open ? 'a.completed_at IS NULL' : 'a.completed_at IS NOT NULL');
    return this.withChildRefs(tx, await qb.getMany()) as Promise<GroupAction[]>;
  }

  /** Open actions past their due date not yet chased today, with what the chaser needs to say. */
  overdueActions(tx: Tx, today: string): Promise<{ id: string; authorityId: string }[]> {
    return tx.query(
      `SELECT a.id, a.authority_id AS "authorityId" FROM group_actions a
      WHERE a.completed_at IS NULL AND a.due_on < $1::date AND a.owner_email IS NOT NULL
      AND (a.last_chased_on IS NULL OR a.last_chased_on < $1::date) ORDER BY a.due_on`,
      [today],
    );
  }

  private async withChildRefs<T extends { childId: string | null; childReference?: string | null }>(
    tx: Tx,
    rows: T[],
  ): Promise<T[]> {
    const ids = [...new Set(rows.map((r) => r.childId).filter((x): x is string => !!x))];
    if (!ids.length) return rows;
    const refs: { id: string; reference: string }[] = await tx.query(
      'SELECT id, reference FROM children WHERE id = ANY($1)',
      [ids],
    );
    const byId = new Map(refs.map((r) => [r.id, r.reference]));
    return rows.map((r) => Object.assign(r, { childReference: r.childId ? (byId.get(r.childId) ?? null) : null }));
  }
}
