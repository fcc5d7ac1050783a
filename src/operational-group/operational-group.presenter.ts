// The JSON shapes of the group, its meetings and what they record; the pages reuse these.
import type { GroupAction, GroupAttendance, GroupReview } from './meeting-record.entity';
import type { GroupMeeting, OperationalGroup } from './operational-group.entity';
import type { MemberView } from './operational-group.repository';
import type { MeetingRecord, PackView } from './operational-group.service';

export function presentGroup(group: OperationalGroup, members: MemberView[]) {
  return {
    id: group.id,
    name: group.name,
    cadenceDays: group.cadenceDays,
    packDaysBefore: group.packDaysBefore,
    firstMeetingAt: group.firstMeetingAt,
    durationMinutes: group.durationMinutes,
    location: group.location,
    members: members.map(presentMember),
    updatedAt: group.updatedAt,
  };
}

export function presentMember(m: MemberView) {
  return {
    id: m.id,
    kind: m.kind,
    userId: m.userId,
    contactId: m.contactId,
    name: m.name,
    organisation: m.organisation,
    email: m.email,
    active: m.active,
  };
}

export function presentMeeting(m: GroupMeeting) {
  return {
    id: m.id,
    startsAt: m.startsAt,
    endsAt: new Date(m.startsAt.getTime() + m.durationMinutes * 60_000),
    durationMinutes: m.durationMinutes,
    location: m.location,
    status: m.status,
    packSentAt: m.packSentAt,
    coversFrom: m.coversFrom,
    coversTo: m.coversTo,
    minutes: m.minutes,
  };
}

export function presentAttendance(a: GroupAttendance) {
  return { memberId: a.memberId, name: a.name, organisation: a.organisation, attendance: a.attendance };
}

export function presentReview(r: GroupReview) {
  return {
    id: r.id,
    childId: r.childId,
    childReference: r.childReference ?? null,
    episodeIds: r.episodeIds,
    indicatorsConsidered: r.indicatorsConsidered,
    decision: r.decision,
    planChanges: r.planChanges,
    debriefArranged: r.debriefArranged,
    debriefWith: r.debriefWith,
    createdAt: r.createdAt,
  };
}

export function presentAction(a: GroupAction, today?: string) {
  return {
    id: a.id,
    meetingId: a.meetingId,
    childId: a.childId,
    childReference: a.childReference ?? null,
    description: a.description,
    ownerMemberId: a.ownerMemberId,
    ownerName: a.ownerName,
    ownerEmail: a.ownerEmail,
    dueOn: a.dueOn,
    overdue: !a.completedAt && !!today && a.dueOn < today,
    completedAt: a.completedAt,
    completionNote: a.completionNote,
    lastChasedOn: a.lastChasedOn,
  };
}

export function presentMeetingRecord(r: MeetingRecord, today: string) {
  return {
    ...presentMeeting(r.meeting),
    attendance: r.attendance.map(presentAttendance),
    reviews: r.reviews.map(presentReview),
    actions: r.actions.map((a) => presentAction(a, today)),
  };
}

export function presentPack(p: PackView) {
  return { meeting: presentMeeting(p.meeting), frozen: p.frozen, sentAt: p.sentAt, subject: p.subject, pack: p.pack };
}
