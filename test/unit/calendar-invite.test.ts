// The invitation a calendar reads: folded lines, escaped text, a stable UID, times in UTC, a SEQUENCE
// that follows the meeting and a CANCEL that removes it (read back by node-ical, a parser we did not
// write, as well as by the test reader); and the meeting cadence keeps the England wall-clock time.
import * as nodeIcal from 'node-ical';

import { calendarInvite } from '../../src/operational-group/calendar-invite';
import { addDaysInEngland, nextMeetingStart } from '../../src/operational-group/meeting-schedule';
import { component, icalUtc, parseIcal } from '../support/ical';

const invite = (over: Partial<Parameters<typeof calendarInvite>[0]> = {}) =>
  calendarInvite({
    meetingId: 'm-1',
    domain: 'alerts.example.org',
    startsAt: new Date('2026-12-14T10:00:00Z'),
    endsAt: new Date('2026-12-14T12:00:00Z'),
    stampedAt: new Date('2026-12-07T10:00:00Z'),
    summary: 'Group; meeting, December',
    location: 'Room 2, Civic Centre',
    description: 'Line one\nLine two with a long tail '.repeat(5),
    organiser: { name: 'Alerts', email: 'alerts@example.org' },
    attendees: [{ name: 'Gil "G" Member', email: 'gil@example.org' }],
    sequence: 0,
    cancelled: false,
    repliesWanted: true,
    ...over,
  });

/** The one event as node-ical reads it, with the calendar's METHOD. */
function readEvent(text: string) {
  const parsed = nodeIcal.sync.parseICS(text);
  const events = Object.values(parsed).filter((c) => c?.type === 'VEVENT') as nodeIcal.VEvent[];
  expect(events).toHaveLength(1);
  return { event: events[0], method: (parsed.vcalendar as unknown as { method?: string }).method };
}

it('reads back as one event with the text, times and people it was given', () => {
  const text = invite();
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  const props = parseIcal(text);
  expect(props.find((p) => p.name === 'METHOD')?.value).toBe('REQUEST');
  const event = component(props, 'VEVENT');
  expect(event.UID[0].value).toBe('operational-group-meeting-m-1@alerts.example.org');
  expect(icalUtc(event.DTSTART[0].value)).toEqual(new Date('2026-12-14T10:00:00Z'));
  expect(event.SUMMARY[0].value).toBe('Group\\; meeting\\, December');
  expect(event.DESCRIPTION[0].value).toContain('Line one\\nLine two');
  expect(event.ATTENDEE[0].value).toMatch(/^mailto:gil@example.org$/i);
  expect(event.ORGANIZER[0].value).toBe('mailto:alerts@example.org');
});

it('the same meeting always has the same UID', () => {
  const uid = (s: string) => component(parseIcal(s), 'VEVENT').UID[0].value;
  expect(uid(invite({ stampedAt: new Date('2026-12-08T00:00:00Z'), attendees: [] }))).toBe(uid(invite()));
});

it.each([
  ['a;b,c\\d', 'a\\;b\\,c\\\\d'],
  ['two\r\nlines', 'two\\nlines'],
])('escapes %j', (raw, escaped) => {
  expect(component(parseIcal(invite({ summary: raw })), 'VEVENT').SUMMARY[0].value).toBe(escaped);
  expect(readEvent(invite({ summary: raw })).event.summary).toBe(raw.replace('\r\n', '\n'));
});

it('folds by octets, never splitting a character', () => {
  const text = invite({ description: 'é'.repeat(60) });
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  expect(readEvent(text).event.description).toBe('é'.repeat(60));
});

describe('invitations that follow the meeting', () => {
  it('an update keeps the UID, raises the SEQUENCE and carries the new time and place (METHOD:REQUEST)', () => {
    const first = readEvent(invite());
    const moved = readEvent(
      invite({
        sequence: 1,
        startsAt: new Date('2026-12-15T10:00:00Z'),
        endsAt: new Date('2026-12-15T12:00:00Z'),
        location: 'Room 5',
      }),
    );
    expect(moved.method).toBe('REQUEST');
    expect(moved.event.uid).toBe(first.event.uid);
    expect(Number(moved.event.sequence)).toBeGreaterThan(Number(first.event.sequence));
    expect(new Date(moved.event.start).toISOString()).toBe('2026-12-15T10:00:00.000Z');
    expect(moved.event.location).toBe('Room 5');
    expect(moved.event.status).toBe('CONFIRMED');
  });

  it('a cancellation is METHOD:CANCEL with the same UID, a higher SEQUENCE and STATUS:CANCELLED', () => {
    const first = readEvent(invite());
    const cancel = readEvent(invite({ sequence: 2, cancelled: true }));
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.event.uid).toBe(first.event.uid);
    expect(Number(cancel.event.sequence)).toBe(2);
    expect(cancel.event.status).toBe('CANCELLED');
  });

  it('asks for replies only when the organiser is an address that receives them', () => {
    const rsvp = (text: string) =>
      String((readEvent(text).event.attendee as unknown as { params: { RSVP: unknown } }).params.RSVP).toUpperCase();
    const organiser = (text: string) => (readEvent(text).event.organizer as unknown as { val: string }).val;
    expect(rsvp(invite({ organiser: { name: 'Coordinator', email: 'coordinator@example.org' } }))).toBe('TRUE');
    expect(organiser(invite({ organiser: { name: 'Coordinator', email: 'coordinator@example.org' } }))).toBe(
      'mailto:coordinator@example.org',
    );
    expect(rsvp(invite({ repliesWanted: false }))).toBe('FALSE');
  });
});

it.each([
  // 10:00 GMT in February, six weeks later is 10:00 BST (09:00 UTC).
  ['2026-02-16T10:00:00Z', 42, '2026-03-30T09:00:00Z'],
  ['2026-09-21T09:00:00Z', 42, '2026-11-02T10:00:00Z'],
  ['2026-06-01T09:00:00Z', 42, '2026-07-13T09:00:00Z'],
])('%s plus %i days in England is %s', (from, n, to) => {
  expect(addDaysInEngland(new Date(from), n).toISOString()).toBe(new Date(to).toISOString());
});

it('the next meeting is the first cadence step after now', () => {
  const first = new Date('2026-01-05T10:00:00Z');
  expect(nextMeetingStart(first, null, 42, new Date('2026-01-01T00:00:00Z'))).toEqual(first);
  expect(nextMeetingStart(first, null, 42, new Date('2026-01-06T00:00:00Z'))).toEqual(new Date('2026-02-16T10:00:00Z'));
  expect(nextMeetingStart(first, new Date('2026-02-16T10:00:00Z'), 14, new Date('2026-02-17T00:00:00Z'))).toEqual(
    new Date('2026-03-02T10:00:00Z'),
  );
});
