// The meeting as an iCalendar invitation (RFC 5545, iTIP RFC 5546), written by ical-generator. The
// UID is fixed per meeting and SEQUENCE rises with each change, so a calendar updates (or, with
// METHOD:CANCEL, removes) the event it already holds rather than adding another. Times are in UTC.
// Every value is cleaned of control characters here: the library escapes line breaks, not ESC or NUL.
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

import type { Attachment } from '../notifications/notification.entity';
import { cleanBlock, cleanLine } from '../platform/text/clean-text';

export interface Person {
  name: string;
  email: string;
}

export interface Invite {
  meetingId: string;
  domain: string;
  startsAt: Date;
  endsAt: Date;
  stampedAt: Date;
  summary: string;
  location: string | null;
  description: string;
  sequence: number;
  cancelled: boolean;
  organiser: Person;
  /** Only when the organiser's address receives replies are attendees asked for one (RSVP). */
  repliesWanted: boolean;
  attendees: Person[];
}

/** An address in a calendar user's URI: nothing that could end the line or the value. */
const address = (email: string) => cleanLine(email).replace(/[\s:;,"]/g, '');
/** A CN parameter: one line, and no double quote (some calendars do not read RFC 6868's ^' for it). */
const commonName = (name: string) => cleanLine(name).replace(/"/g, "'");

export function meetingUid(meetingId: string, domain: string): string {
  return `operational-group-meeting-${meetingId}@${domain}`;
}

export function calendarInvite(i: Invite): string {
  const calendar = ical({
    prodId: '//Missing children service//Operational group//EN',
    method: i.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  const event = calendar.createEvent({
    id: meetingUid(i.meetingId, i.domain),
    sequence: i.sequence,
    stamp: i.stampedAt,
    start: i.startsAt,
    end: i.endsAt,
    summary: cleanBlock(i.summary),
    location: i.location ? cleanBlock(i.location) : null,
    description: cleanBlock(i.description),
    status: i.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: commonName(i.organiser.name), email: address(i.organiser.email) },
  });
  for (const a of i.attendees) {
    event.createAttendee({
      name: commonName(a.name),
      email: address(a.email),
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: i.repliesWanted && !i.cancelled,
    });
  }
  // Every content line ends with CRLF, the last one included (RFC 5545 3.1).
  return `${calendar.toString()}\r\n`;
}

export function inviteAttachment(content: string, cancelled = false): Attachment {
  const method = cancelled ? 'CANCEL' : 'REQUEST';
  return {
    filename: cancelled ? 'cancel.ics' : 'invite.ics',
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content,
  };
}
