// The meeting as an iCalendar invitation (RFC 5545, iTIP METHOD:REQUEST). The UID is fixed per
// meeting, so a calendar updates the same event if it is sent again; times are in UTC. Every value
// is cleaned of control characters here: a raw CR/LF in one would start a property of its own.
import type { Attachment } from '../notifications/notification.entity';
import { cleanBlock, cleanLine } from '../platform/text/clean-text';

export interface Invite {
  meetingId: string; domain: string; startsAt: Date; endsAt: Date; stampedAt: Date; summary: string; location: string | null;
  description: string; organiser: { name: string; email: string }; attendees: { name: string; email: string }[];
}

const utc = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** TEXT values escape backslash, semicolon, comma and newlines; a typed line break stays one (as \\n). */
export function escapeText(value: string): string {
  return cleanBlock(value).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
}

/** Lines longer than 75 octets continue on the next line after CRLF and a space. */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  for (const ch of line) {
    if (Buffer.byteLength(current + ch) > (out.length ? 74 : 75)) { out.push(current); current = ''; }
    current += ch;
  }
  out.push(current);
  return out.join('\r\n ');
}

const quoted = (name: string) => `"${cleanLine(name).replace(/"/g, "'")}"`;
/** An address in a calendar user's URI: nothing that could end the line or the value. */
const mailto = (email: string) => `mailto:${cleanLine(email).replace(/[\s:;,"]/g, '')}`;

export function meetingUid(meetingId: string, domain: string): string {
  return `operational-group-meeting-${meetingId}@${domain}`;
}

export function calendarInvite(i: Invite): string {
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Missing children service//Operational group//EN', 'CALSCALE:GREGORIAN', 'METHOD:REQUEST',
    'BEGIN:VEVENT', `UID:${meetingUid(i.meetingId, i.domain)}`, `DTSTAMP:${utc(i.stampedAt)}`, `DTSTART:${utc(i.startsAt)}`, `DTEND:${utc(i.endsAt)}`,
    'SEQUENCE:0', `SUMMARY:${escapeText(i.summary)}`,
    ...(i.location ? [`LOCATION:${escapeText(i.location)}`] : []),
    `DESCRIPTION:${escapeText(i.description)}`,
    `ORGANIZER;CN=${quoted(i.organiser.name)}:${mailto(i.organiser.email)}`,
    ...i.attendees.map((a) => `ATTENDEE;CN=${quoted(a.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:${mailto(a.email)}`),
    'STATUS:CONFIRMED', 'END:VEVENT', 'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

export function inviteAttachment(content: string): Attachment {
  return { filename: 'invite.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content };
}
