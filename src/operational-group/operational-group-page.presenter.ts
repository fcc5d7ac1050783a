// What the operational group pages show: the group, its meetings and actions, and one meeting with its
// agenda pack, as display strings in the authority's time zone and the page's language.
import type { Translator } from '../platform/i18n/catalogue';
import { formatDate, formatDateTime } from '../platform/views/format';
import type { GroupAction } from './meeting-record.entity';
import { addDaysInEngland } from './meeting-schedule';
import type { GroupMeeting } from './operational-group.entity';
import type { GroupView, MeetingRecord, PackView } from './operational-group.service';
import { packTemplateData } from './pack.presenter';

const STATUSES = ['scheduled', 'held', 'cancelled'];
const ATTENDANCE = ['present', 'apologies', 'absent'];
/** The attendance form's field for one member: attendance-<member id>. */
export const ATTENDANCE_PREFIX = 'attendance-';

function meetingSummary(m: GroupMeeting, zone: string, t: Translator) {
  return {
    id: m.id,
    href: `/operational-group/meetings/${m.id}`,
    when: formatDateTime(m.startsAt, zone, t.lang),
    location: m.location ?? t.t('group.toBeConfirmed'),
    status: STATUSES.includes(m.status) ? t.t(`group.meetingStatus.${m.status}`) : m.status,
    packSent: m.packSentAt ? formatDateTime(m.packSentAt, zone, t.lang) : null,
  };
}

export function presentActionRow(a: GroupAction, today: string, zone: string, t: Translator) {
  const overdue = !a.completedAt && a.dueOn < today;
  return {
    id: a.id,
    description: a.description,
    owner: a.ownerName,
    childRef: a.childReference ?? null,
    due: formatDate(a.dueOn, zone, t.lang),
    overdue,
    done: a.completedAt ? formatDateTime(a.completedAt, zone, t.lang) : null,
    note: a.completionNote,
    meetingHref: `/operational-group/meetings/${a.meetingId}`,
  };
}

export function presentGroupPage(
  g: GroupView,
  meetings: GroupMeeting[],
  next: GroupMeeting | null,
  actions: GroupAction[],
  today: string,
  zone: string,
  t: Translator,
) {
  return {
    group: {
      name: g.group.name,
      cadenceDays: g.group.cadenceDays,
      packDaysBefore: g.group.packDaysBefore,
      location: g.group.location ?? t.t('group.toBeConfirmed'),
      members: g.members.map((m) => ({ name: m.name, organisation: m.organisation ?? '', email: m.email ?? '' })),
    },
    next: next && {
      ...meetingSummary(next, zone, t),
      packGoes: formatDateTime(
        next.packSentAt ?? addDaysInEngland(next.startsAt, -g.group.packDaysBefore),
        zone,
        t.lang,
      ),
    },
    past: meetings
      .filter((m) => m.id !== next?.id && m.startsAt.getTime() <= (next?.startsAt.getTime() ?? Infinity))
      .map((m) => meetingSummary(m, zone, t)),
    actions: actions.map((a) => presentActionRow(a, today, zone, t)),
  };
}

/** The pack's children, for the review form's child select. */
function packChildren(pack: PackView['pack']) {
  const byId = new Map<string, string>();
  const lists = [
    pack.missingSinceLastMeeting,
    pack.stillMissing,
    pack.repeatMissers,
    pack.newArrivalsAtRisk,
    pack.returnInterviewsOverdue,
    pack.plansDueForReview,
    pack.nrmDecisionsDue,
  ];
  for (const list of lists)
    for (const c of list as { childId: string; childRef: string }[]) byId.set(c.childId, c.childRef);
  return [...byId].map(([value, text]) => ({ value, text })).sort((a, b) => a.text.localeCompare(b.text));
}

export function presentMeetingPage(
  r: MeetingRecord,
  p: PackView,
  g: GroupView,
  today: string,
  zone: string,
  t: Translator,
) {
  const recorded = new Map(r.attendance.filter((a) => a.memberId).map((a) => [a.memberId, a.attendance]));
  return {
    meeting: { ...meetingSummary(r.meeting, zone, t), minutes: r.meeting.minutes, statusCode: r.meeting.status },
    pack: {
      ...packTemplateData(p.pack, zone, '/', t),
      frozen: p.frozen,
      sentAt: p.sentAt ? formatDateTime(p.sentAt, zone, t.lang) : null,
      subject: p.subject,
    },
    attendance: r.attendance.map((a) => ({
      name: a.name,
      organisation: a.organisation ?? '',
      attendance: ATTENDANCE.includes(a.attendance) ? t.t(`group.attendance.${a.attendance}`) : a.attendance,
    })),
    // A distribution list is told of the meeting; it does not attend, so the form never asks about it.
    attendanceQuestions: g.members
      .filter((m) => m.role !== 'operational_group_list')
      .map((m) => ({
        name: `${ATTENDANCE_PREFIX}${m.id}`,
        text: m.organisation ? `${m.name} (${m.organisation})` : m.name,
        current: recorded.get(m.id) ?? '',
      })),
    ownerItems: g.members.map((m) => ({ value: m.id, text: m.name })),
    childItems: packChildren(p.pack),
    reviews: r.reviews.map((v) => ({
      childRef: v.childReference ?? '',
      decision: v.decision,
      planChanges: v.planChanges ?? t.t('group.none'),
      debrief: v.debriefArranged
        ? t.t('group.debriefArranged', { who: v.debriefWith ?? t.t('group.someoneNotRecorded') })
        : t.t('group.debriefNotArranged'),
    })),
    actions: r.actions.map((a) => presentActionRow(a, today, zone, t)),
  };
}
