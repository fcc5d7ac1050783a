// What a meeting records: attendance, a review per child and actions with owners and due dates.
// OperationalGroupService extends this, so the pages and the API call one object.
import type { DataSource } from 'typeorm';

import type { ChildrenService } from '../children/children.service';
import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { englandDate } from '../platform/dates';
import { Conflict, invalidFields, NotFound } from '../platform/errors';
import type { TraffickingIndicator } from '../trafficking/trafficking-indicators';
import { GroupRecordsRepository } from './group-records.repository';
import type { AttendanceKind, GroupAction, GroupAttendance, GroupReview } from './meeting-record.entity';
import { MeetingRecordsRepository } from './meeting-records.repository';
import type { GroupMeeting } from './operational-group.entity';
import type { OperationalGroupRepository } from './operational-group.repository';

export interface AttendanceInput {
  memberId?: string;
  name?: string;
  organisation?: string | null;
  attendance: AttendanceKind;
}
export interface ReviewInput {
  childId: string;
  episodeIds?: string[];
  indicatorsConsidered: TraffickingIndicator[];
  decision: string;
  planChanges?: string | null;
  debriefArranged: boolean;
  debriefWith?: string | null;
}
export interface ActionInput {
  description: string;
  dueOn: string;
  childId?: string | null;
  ownerMemberId?: string;
  ownerName?: string;
  ownerEmail?: string | null;
}

export class MeetingRecordService {
  constructor(
    protected readonly db: DataSource,
    protected readonly clock: Clock,
    protected readonly audit: AuditService,
    protected readonly children: ChildrenService,
    readonly repo: OperationalGroupRepository,
    protected readonly records = new GroupRecordsRepository(),
    protected readonly minutes = new MeetingRecordsRepository(),
  ) {}

  /** Replaces the meeting's attendance list with this one. */
  async recordAttendance(
    ctx: RequestContext,
    meetingId: string,
    entries: AttendanceInput[],
  ): Promise<GroupAttendance[]> {
    return this.db.transaction(async (tx) => {
      const meeting = await this.meeting(tx, ctx, meetingId);
      const rows: Partial<GroupAttendance>[] = [];
      for (const [i, e] of entries.entries()) {
        const member = e.memberId ? await this.member(tx, ctx, meeting, e.memberId, `attendance.${i}.memberId`) : null;
        rows.push({
          authorityId: meeting.authorityId,
          meetingId,
          memberId: member?.id ?? null,
          name: e.name ?? member!.name,
          organisation: e.organisation ?? member?.organisation ?? null,
          attendance: e.attendance,
        });
      }
      await this.minutes.replaceAttendance(tx, meetingId, rows);
      await this.audit.record(tx, ctx, {
        action: 'update',
        entityType: 'group_attendance',
        entityId: meetingId,
        changes: { entries: rows.length },
      });
      return this.repo.attendance(tx, meetingId);
    });
  }

  /**
   * Records these members' attendance and leaves every other line as it was: a form that asks about some
   * members must never drop an apology, a guest or a member it did not ask about.
   */
  async updateAttendance(
    ctx: RequestContext,
    meetingId: string,
    changes: { memberId: string; attendance: AttendanceKind }[],
  ): Promise<GroupAttendance[]> {
    return this.db.transaction(async (tx) => {
      const meeting = await this.meeting(tx, ctx, meetingId, true);
      const existing = await this.repo.attendance(tx, meetingId);
      let changed = 0;
      for (const [i, c] of changes.entries()) {
        const row = existing.find((a) => a.memberId === c.memberId);
        if (row?.attendance === c.attendance) continue;
        changed += 1;
        if (row) await this.minutes.changeAttendance(tx, row.id, c.attendance);
        else {
          const member = await this.member(tx, ctx, meeting, c.memberId, `attendance.${i}.memberId`);
          await this.minutes.addAttendance(tx, {
            authorityId: meeting.authorityId,
            meetingId,
            memberId: member.id,
            name: member.name,
            organisation: member.organisation ?? null,
            attendance: c.attendance,
          });
        }
      }
      if (changed)
        await this.audit.record(tx, ctx, {
          action: 'update',
          entityType: 'group_attendance',
          entityId: meetingId,
          changes: { entries: changed },
        });
      return this.repo.attendance(tx, meetingId);
    });
  }

  async addReview(ctx: RequestContext, meetingId: string, input: ReviewInput): Promise<GroupReview> {
    return this.db.transaction(async (tx) => {
      const meeting = await this.meeting(tx, ctx, meetingId);
      const child = await this.children.require(tx, ctx, input.childId);
      const episodeIds = [...new Set(input.episodeIds ?? [])];
      if ((await this.records.countEpisodesOfChild(tx, episodeIds, child.id)) !== episodeIds.length)
        throw invalidFields([{ field: 'episodeIds', message: 'episodeIds must be episodes of this child' }]);
      if (await this.minutes.reviewExists(tx, meetingId, child.id)) {
        throw new Conflict(
          'This meeting already has a review of that child. Change the existing review instead of adding another.',
        );
      }
      const review = await this.minutes.insertReview(tx, {
        authorityId: meeting.authorityId,
        meetingId,
        childId: child.id,
        episodeIds,
        indicatorsConsidered: input.indicatorsConsidered,
        decision: input.decision,
        planChanges: input.planChanges ?? null,
        debriefArranged: input.debriefArranged,
        debriefWith: input.debriefWith ?? null,
        createdBy: ctx.actor.userId,
        createdAt: this.clock.now(),
      });
      await this.audit.record(tx, ctx, {
        action: 'create',
        entityType: 'group_review',
        entityId: review.id,
        childId: child.id,
      });
      return Object.assign(review, { childReference: child.reference });
    });
  }

  async addAction(ctx: RequestContext, meetingId: string, input: ActionInput): Promise<GroupAction> {
    return this.db.transaction(async (tx) => {
      const meeting = await this.meeting(tx, ctx, meetingId);
      const child = input.childId ? await this.children.require(tx, ctx, input.childId) : null;
      const owner = input.ownerMemberId
        ? await this.member(tx, ctx, meeting, input.ownerMemberId, 'ownerMemberId')
        : null;
      const action = await this.minutes.insertAction(tx, {
        authorityId: meeting.authorityId,
        meetingId,
        childId: child?.id ?? null,
        description: input.description,
        ownerMemberId: owner?.id ?? null,
        ownerName: input.ownerName ?? owner!.name,
        ownerEmail: input.ownerEmail ?? owner?.email ?? null,
        dueOn: input.dueOn,
        completedAt: null,
        completedBy: null,
        completionNote: null,
        lastChasedOn: null,
        createdAt: this.clock.now(),
      });
      await this.audit.record(tx, ctx, {
        action: 'create',
        entityType: 'group_action',
        entityId: action.id,
        childId: child?.id ?? null,
      });
      return Object.assign(action, { childReference: child?.reference ?? null });
    });
  }

  async completeAction(ctx: RequestContext, actionId: string, note: string | null = null): Promise<GroupAction> {
    return this.db.transaction(async (tx) => {
      const action = await this.minutes.findAction(tx, ctx.actor.authorityId, actionId);
      if (!action) throw new NotFound('No operational group action with that id was found.');
      if (action.completedAt) throw new Conflict('This action has already been completed.');
      const now = this.clock.now();
      await this.minutes.completeAction(tx, actionId, now, ctx.actor.userId, note);
      await this.audit.record(tx, ctx, {
        action: 'update',
        entityType: 'group_action',
        entityId: actionId,
        childId: action.childId,
        changes: { fields: ['completedAt'] },
      });
      const [saved] = await this.repo
        .actions(tx, ctx.actor.authorityId, { meetingId: action.meetingId })
        .then((all) => all.filter((a) => a.id === actionId));
      return saved;
    });
  }

  /** Every action of the group, or only the open (or completed) ones; earliest due first. */
  async listActions(ctx: RequestContext, filter: { open?: boolean } = {}): Promise<GroupAction[]> {
    return this.repo.actions(this.db.manager, ctx.actor.authorityId, filter);
  }

  /** Today's date in England, for presenters that flag overdue actions. */
  today(): string {
    return englandDate(this.clock.now());
  }

  protected async meeting(tx: Tx, ctx: RequestContext, id: string, lock = false): Promise<GroupMeeting> {
    const meeting = await this.repo.findMeeting(tx, ctx.actor.authorityId, id, lock);
    if (!meeting) throw new NotFound('No operational group meeting with that id was found.');
    return meeting;
  }

  private async member(tx: Tx, ctx: RequestContext, meeting: GroupMeeting, memberId: string, field: string) {
    const member = (await this.repo.members(tx, ctx.actor.authorityId, meeting.groupId)).find((m) => m.id === memberId);
    if (!member) throw invalidFields([{ field, message: `${field} must be a member of the group` }]);
    return member;
  }
}
