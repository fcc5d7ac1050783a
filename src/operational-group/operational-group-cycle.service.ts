// What the meeting-cycle job does each run: keep the next meeting scheduled, send each meeting's
// agenda pack (with its invitation) to every member once, freezing it into the meeting record, and
// chase overdue actions at most once a day; and, when a meeting whose invitation has gone changes,
// send members the updated invitation or the cancellation. Row locks and dedupe keys make concurrent
// runs on several instances harmless; every email leaves through the outbox.
import type { DataSource } from 'typeorm';

import type { NotificationOutbox } from '../notifications/outbox';
import type { AuditService } from '../platform/audit/audit.service';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { englandDate } from '../platform/dates';
import { formatDate, formatDateTime } from '../platform/views/format';
import { inviteAttachment } from './calendar-invite';
import { GroupRecordsRepository } from './group-records.repository';
import { nextMeetingStart } from './meeting-schedule';
import type { OperationalGroup } from './operational-group.entity';
import type { GroupMeeting } from './operational-group.entity';
import type { OperationalGroupRepository } from './operational-group.repository';
import { BuiltPack, PACK_TEMPLATE, PackBuilder, PackSettings } from './pack-builder';

const MEETING_CHANGE_TEMPLATE = 'operational-group-meeting-change';

export interface CycleCounts {
  scheduled: number;
  packsSent: number;
  packEmails: number;
  actionsChased: number;
}

export class OperationalGroupCycle {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly outbox: NotificationOutbox,
    private readonly repo: OperationalGroupRepository,
    private readonly packs: PackBuilder,
    private readonly settings: PackSettings,
    private readonly records = new GroupRecordsRepository(),
  ) {}

  async run(): Promise<CycleCounts> {
    const counts: CycleCounts = { scheduled: 0, packsSent: 0, packEmails: 0, actionsChased: 0 };
    for (const group of await this.repo.allGroups(this.db.manager)) {
      if (await this.db.transaction((tx) => this.scheduleNext(tx, group))) counts.scheduled += 1;
    }
    for (const due of await this.repo.packsDue(this.db.manager, this.clock.now())) {
      const sent = await this.db.transaction((tx) => this.sendPack(tx, due.authorityId, due.id));
      if (sent !== null) {
        counts.packsSent += 1;
        counts.packEmails += sent;
      }
    }
    for (const due of await this.repo.overdueActions(this.db.manager, englandDate(this.clock.now()))) {
      if (await this.db.transaction((tx) => this.chase(tx, due.id))) counts.actionsChased += 1;
    }
    return counts;
  }

  /** Schedules the next meeting if none is ahead; true if this call added it. */
  async scheduleNext(tx: Tx, group: OperationalGroup, now = this.clock.now()): Promise<boolean> {
    if (await this.repo.nextMeeting(tx, group.authorityId, now)) return false;
    const latest = await this.repo.latestMeeting(tx, group.id);
    const startsAt = nextMeetingStart(group.firstMeetingAt, latest?.startsAt ?? null, group.cadenceDays, now);
    return this.repo.scheduleMeeting(tx, group, startsAt, now);
  }

  /** Freezes the pack and queues it to every reachable member; null if it had already gone. */
  private async sendPack(tx: Tx, authorityId: string, meetingId: string): Promise<number | null> {
    const now = this.clock.now();
    const meeting = await this.repo.findMeeting(tx, authorityId, meetingId, true);
    if (!meeting || meeting.packSentAt || meeting.status !== 'scheduled') return null;
    const group = (await this.repo.findGroup(tx, authorityId))!;
    const members = (await this.repo.members(tx, authorityId, group.id)).filter((m) => m.active && m.email);
    const built = await this.freeze(tx, group, meeting, now);
    const invite = inviteAttachment(this.packs.invite(group, meeting, members, now));
    for (const m of members) {
      await this.outbox.enqueue(tx, {
        authorityId,
        dedupeKey: `group-pack:${meeting.id}:${m.id}`,
        channel: 'email',
        template: PACK_TEMPLATE,
        data: built.data,
        recipient: { type: m.kind, id: m.userId ?? m.contactId, name: m.name, address: m.email! },
        attachments: [invite],
      });
    }
    for (const childId of PackBuilder.childIds(built.pack)) {
      await this.audit.record(tx, null, {
        action: 'export',
        entityType: 'operational_group_pack',
        entityId: meeting.id,
        childId,
        authorityId,
      });
    }
    return members.length;
  }

  /**
   * After a change members' calendars must take (the caller has raised the meeting's SEQUENCE): the
   * updated invitation (METHOD:REQUEST) or the cancellation (METHOD:CANCEL), same UID, to every
   * reachable member. Before the pack goes nobody holds an invitation, and the pack carries the latest.
   */
  async sendInviteChange(tx: Tx, meeting: GroupMeeting, now = this.clock.now()): Promise<number> {
    if (!meeting.packSentAt) return 0;
    const group = (await this.repo.findGroup(tx, meeting.authorityId))!;
    const members = (await this.repo.members(tx, meeting.authorityId, group.id)).filter((m) => m.active && m.email);
    const cancelled = meeting.status === 'cancelled';
    const invite = inviteAttachment(this.packs.invite(group, meeting, members, now), cancelled);
    const tz = this.settings.displayTimeZone;
    const data = {
      groupName: group.name,
      meetingTime: formatDateTime(meeting.startsAt, tz),
      location: meeting.location ?? 'To be confirmed',
      cancelled,
      repliesTo: cancelled ? null : this.settings.groupOrganizerEmail,
      serviceUrl: this.settings.publicBaseUrl,
    };
    for (const m of members) {
      await this.outbox.enqueue(tx, {
        authorityId: meeting.authorityId,
        dedupeKey: `group-invite:${meeting.id}:${meeting.sequence}:${m.id}`,
        channel: 'email',
        template: MEETING_CHANGE_TEMPLATE,
        data,
        attachments: [invite],
        recipient: { type: m.kind, id: m.userId ?? m.contactId, name: m.name, address: m.email! },
      });
    }
    return members.length;
  }

  /** Builds the pack as it stands at `at` and stores it in the meeting record, as sent. */
  async freeze(tx: Tx, group: OperationalGroup, meeting: GroupMeeting, at: Date): Promise<BuiltPack> {
    const built = await this.packs.build(tx, group, meeting, at);
    await this.repo.changeMeeting(tx, meeting.id, {
      pack: built.pack,
      packHtml: built.email.html,
      packSentAt: at,
      coversFrom: built.coversFrom,
      coversTo: built.coversTo,
      updatedAt: at,
    });
    return built;
  }

  /** Marks the action chased today (once, whichever instance gets there) and emails its owner. */
  private async chase(tx: Tx, actionId: string): Promise<boolean> {
    const now = this.clock.now();
    const today = englandDate(now);
    const row = await this.records.markChased(tx, actionId, today);
    if (!row) return false;
    const tz = this.settings.displayTimeZone;
    await this.outbox.enqueue(tx, {
      authorityId: row.authorityId,
      dedupeKey: `group-action-chase:${actionId}:${today}`,
      channel: 'email',
      template: 'group-action-overdue',
      // An owner need not be a user of the service, so the chaser goes to the address recorded on the action.
      recipient: { type: 'contact', id: null, name: row.ownerName, address: row.ownerEmail },
      data: {
        ownerName: row.ownerName,
        groupName: row.groupName,
        agreedAt: formatDateTime(row.startsAt, tz),
        description: row.description,
        childRef: row.childRef ?? null,
        due: formatDate(row.dueOn, tz),
        serviceUrl: this.settings.publicBaseUrl,
      },
    });
    return true;
  }
}
