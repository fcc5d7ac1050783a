// The operational group of the caller's authority: its set-up (members, cadence, first meeting),
// its meetings and each meeting's agenda pack. The meeting record (attendance, reviews, actions)
// comes from MeetingRecordService, so the API and the pages use this one object.
import type { DataSource } from 'typeorm';

import type { ChildrenService } from '../children/children.service';
import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { Conflict, invalidFields, NotFound } from '../platform/errors';
import type { GroupAction, GroupAttendance, GroupReview } from './meeting-record.entity';
import { MeetingRecordService } from './meeting-record.service';
import type { GroupMeeting, MeetingStatus, OperationalGroup } from './operational-group.entity';
import type { MemberView, OperationalGroupRepository } from './operational-group.repository';
import type { OperationalGroupCycle } from './operational-group-cycle.service';
import type { Pack } from './pack.presenter';
import { PackBuilder } from './pack-builder';

export interface GroupInput {
  name?: string;
  cadenceDays?: number;
  packDaysBefore?: number;
  firstMeetingAt?: Date;
  durationMinutes?: number;
  location?: string | null;
}
export interface MeetingChanges {
  startsAt?: Date;
  durationMinutes?: number;
  location?: string | null;
  status?: MeetingStatus;
  minutes?: string | null;
}
export interface GroupView {
  group: OperationalGroup;
  members: MemberView[];
}
export interface MeetingRecord {
  meeting: GroupMeeting;
  attendance: GroupAttendance[];
  reviews: GroupReview[];
  actions: GroupAction[];
}
/** frozen: the pack as sent to members; otherwise as it stands now (the next pack, still growing). */
export interface PackView {
  meeting: GroupMeeting;
  frozen: boolean;
  sentAt: Date | null;
  pack: Pack;
  subject: string;
  html: string;
  text: string;
}

/** Whether these changes alter what a member's calendar holds (not minutes, nor held). */
function calendarChange(meeting: GroupMeeting, changes: MeetingChanges): boolean {
  const cancelled = (status: MeetingStatus) => status === 'cancelled';
  return (
    (changes.startsAt !== undefined && changes.startsAt.getTime() !== meeting.startsAt.getTime()) ||
    (changes.durationMinutes !== undefined && changes.durationMinutes !== meeting.durationMinutes) ||
    (changes.location !== undefined && (changes.location ?? null) !== meeting.location) ||
    (changes.status !== undefined && cancelled(changes.status) !== cancelled(meeting.status))
  );
}

export class OperationalGroupService extends MeetingRecordService {
  constructor(
    db: DataSource,
    clock: Clock,
    audit: AuditService,
    children: ChildrenService,
    repo: OperationalGroupRepository,
    private readonly packs: PackBuilder,
    private readonly cycle: OperationalGroupCycle,
  ) {
    super(db, clock, audit, children, repo);
  }

  async getGroup(ctx: RequestContext): Promise<GroupView> {
    const group = await this.group(this.db.manager, ctx);
    return { group, members: await this.repo.members(this.db.manager, ctx.actor.authorityId, group.id) };
  }

  /**
   * Sets the group up (firstMeetingAt is needed the first time) or changes it; the next meeting is scheduled at once.
   */
  async configure(ctx: RequestContext, input: GroupInput): Promise<GroupView> {
    await this.db.transaction(async (tx) => {
      const now = this.clock.now();
      const existing = await this.repo.findGroup(tx, ctx.actor.authorityId);
      if (!existing && !input.firstMeetingAt)
        throw invalidFields([{ field: 'firstMeetingAt', message: 'firstMeetingAt is required to set the group up' }]);
      const group = await this.repo.saveGroup(tx, {
        name: 'Operational group',
        cadenceDays: 42,
        packDaysBefore: 7,
        durationMinutes: 120,
        location: null,
        createdAt: now,
        ...existing,
        ...input,
        authorityId: ctx.actor.authorityId,
        updatedAt: now,
      });
      await this.audit.record(tx, ctx, {
        action: existing ? 'update' : 'create',
        entityType: 'operational_group',
        entityId: group.id,
        changes: { fields: Object.keys(input) },
      });
      await this.cycle.scheduleNext(tx, group);
    });
    return this.getGroup(ctx);
  }

  async addMember(ctx: RequestContext, who: { userId?: string; contactId?: string }): Promise<MemberView> {
    const id = await this.db.transaction(async (tx) => {
      const group = await this.group(tx, ctx);
      const kind = who.userId ? 'user' : 'contact';
      if (!(await this.records.candidateExists(tx, kind, (who.userId ?? who.contactId)!, ctx.actor.authorityId)))
        throw invalidFields([
          {
            field: who.userId ? 'userId' : 'contactId',
            message: `${who.userId ? 'userId' : 'contactId'} must be a ${who.userId ? 'user' : 'contact'} of your authority`,
          },
        ]);
      if (await this.repo.isMember(tx, group.id, who)) {
        throw new Conflict(`That ${who.userId ? 'user' : 'contact'} is already a member of the group.`);
      }
      const member = await this.repo.addMember(tx, {
        authorityId: group.authorityId,
        groupId: group.id,
        userId: who.userId ?? null,
        contactId: who.contactId ?? null,
        createdAt: this.clock.now(),
      });
      await this.audit.record(tx, ctx, { action: 'create', entityType: 'group_member', entityId: member.id });
      return member.id;
    });
    return (await this.getGroup(ctx)).members.find((m) => m.id === id)!;
  }

  async removeMember(ctx: RequestContext, memberId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const member = await this.repo.findMember(tx, ctx.actor.authorityId, memberId);
      if (!member) throw new NotFound('No group member with that id was found.');
      await this.records.removeMember(tx, memberId);
      await this.audit.record(tx, ctx, { action: 'delete', entityType: 'group_member', entityId: memberId });
    });
  }

  /** Every meeting, latest first. */
  async listMeetings(ctx: RequestContext): Promise<GroupMeeting[]> {
    return this.repo.listMeetings(this.db.manager, ctx.actor.authorityId);
  }

  async nextMeeting(ctx: RequestContext): Promise<GroupMeeting> {
    const next = await this.repo.nextMeeting(this.db.manager, ctx.actor.authorityId, this.clock.now());
    if (!next)
      throw new NotFound(
        'No operational group meeting is scheduled. An administrator sets the group up with its first meeting date.',
      );
    return next;
  }

  async getMeeting(ctx: RequestContext, id: string): Promise<MeetingRecord> {
    return this.db.transaction(async (tx) => {
      const meeting = await this.meeting(tx, ctx, id);
      const record = {
        meeting,
        attendance: await this.repo.attendance(tx, id),
        reviews: await this.repo.reviews(tx, id),
        actions: await this.repo.actions(tx, ctx.actor.authorityId, { meetingId: id }),
      };
      await this.auditReads(
        tx,
        ctx,
        'group_meeting',
        id,
        record.reviews.map((r) => r.childId),
      );
      return record;
    });
  }

  /**
   * Changes a meeting. A change members' calendars must take (time, length, place, cancelled or
   * restored) raises its SEQUENCE and, once the invitation has gone with the pack, sends the update.
   */
  async updateMeeting(ctx: RequestContext, id: string, changes: MeetingChanges): Promise<GroupMeeting> {
    return this.db.transaction(async (tx) => {
      const now = this.clock.now();
      const meeting = await this.meeting(tx, ctx, id, true);
      const moved = changes.startsAt !== undefined && changes.startsAt.getTime() !== meeting.startsAt.getTime();
      if (moved && (meeting.status !== 'scheduled' || meeting.startsAt <= now)) {
        throw new Conflict(
          'This meeting has already taken place or been cancelled, so its time cannot change. Change the time of the next meeting instead.',
        );
      }
      const seen = calendarChange(meeting, changes);
      await this.repo.changeMeeting(tx, id, {
        ...changes,
        ...(seen ? { sequence: meeting.sequence + 1 } : {}),
        updatedAt: now,
      });
      await this.audit.record(tx, ctx, {
        action: 'update',
        entityType: 'group_meeting',
        entityId: id,
        changes: { fields: Object.keys(changes) },
      });
      const updated = await this.meeting(tx, ctx, id);
      if (seen) await this.cycle.sendInviteChange(tx, updated, now);
      return updated;
    });
  }

  /** The meeting's agenda pack: frozen as sent, or (before it goes) as it stands now. */
  async packFor(ctx: RequestContext, meetingId: string): Promise<PackView> {
    return this.db.transaction(async (tx) => {
      const meeting = await this.meeting(tx, ctx, meetingId);
      const frozen = meeting.pack && meeting.packHtml ? (meeting.pack as unknown as Pack) : null;
      const { pack, email } = frozen
        ? { pack: frozen, ...this.packs.render(frozen) }
        : await this.packs.build(tx, await this.group(tx, ctx), meeting, this.clock.now());
      // A frozen pack is shown byte for byte as members received it.
      const html = frozen ? meeting.packHtml! : email.html;
      await this.auditReads(tx, ctx, 'operational_group_pack', meetingId, PackBuilder.childIds(pack));
      return {
        meeting,
        frozen: !!frozen,
        sentAt: meeting.packSentAt,
        pack,
        subject: email.subject,
        html,
        text: email.text,
      };
    });
  }

  private async group(tx: Tx, ctx: RequestContext): Promise<OperationalGroup> {
    const group = await this.repo.findGroup(tx, ctx.actor.authorityId);
    if (!group)
      throw new NotFound(
        'Your authority has no operational group yet. An administrator sets it up with its first meeting date.',
      );
    return group;
  }

  private async auditReads(
    tx: Tx,
    ctx: RequestContext,
    entityType: string,
    entityId: string,
    childIds: string[],
  ): Promise<void> {
    for (const childId of new Set(childIds))
      await this.audit.record(tx, ctx, { action: 'read', entityType, entityId, childId });
  }
}
