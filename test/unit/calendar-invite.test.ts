// The invitation a calendar reads: folded lines, escaped text, a stable UID, times in UTC; and the
// meeting cadence keeps the England wall-clock time across the clocks changing.
import { calendarInvite, escapeText, fold } from '../../src/operational-group/calendar-invite';
import { addDaysInEngland, nextMeetingStart } from '../../src/operational-group/meeting-schedule';
import { component, icalUtc, parseIcal } from '../support/ical';

const invite = (over: Partial<Parameters<typeof calendarInvite>[0]> = {}) => calendarInvite({
  meetingId: 'm-1', domain: 'alerts.example.org', startsAt: new Date('2026-12-14T10:00:00Z'), endsAt: new Date('2026-12-14T12:00:00Z'),
  stampedAt: new Date('2026-12-07T10:00:00Z'), summary: 'Group; meeting, December', location: 'Room 2, Civic Centre',
  description: 'Line one\nLine two with a long tail '.repeat(5), organiser: { name: 'Alerts', email: 'alerts@example.org' },
  attendees: [{ name: 'Gil "G" Member', email: 'gil@example.org' }], ...over,
});

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
  expect(event.ATTENDEE[0].value).toBe('mailto:gil@example.org');
  expect(event.ORGANIZER[0].value).toBe('mailto:alerts@example.org');
});

it('the same meeting always has the same UID', () => {
  const uid = (s: string) => component(parseIcal(s), 'VEVENT').UID[0].value;
  expect(uid(invite({ stampedAt: new Date('2026-12-08T00:00:00Z'), attendees: [] }))).toBe(uid(invite()));
});

it.each([
  ['a;b,c\\d', 'a\\;b\\,c\\\\d'],
  ['two\r\nlines', 'two\\nlines'],
])('escapes %j', (raw, escaped) => { expect(escapeText(raw)).toBe(escaped); });

it('free text with ESC, NUL and CR/LF adds no property and no control character to the file', () => {
  const hostile = 'Room 2\u001b[2J\u0000\r\nATTENDEE:mailto:evil@example.org\r\nEND:VEVENT';
  const text = invite({ summary: hostile, location: hostile, description: `Agenda\r\n${hostile}`,
    organiser: { name: hostile, email: 'alerts@example.org\r\nX-EVIL:1' }, attendees: [{ name: hostile, email: 'gil@example.org\r\nX-EVIL:1' }] });
  // Only the folding CRLF (followed by a space) and the line ends remain.
  expect(text.replace(/\r\n /g, '').replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/);
  const props = parseIcal(text);
  expect(props.map((p) => p.name)).not.toContain('X-EVIL');
  const event = component(props, 'VEVENT');
  expect(event.ATTENDEE.map((a) => a.value)).toEqual(['mailto:gil@example.orgX-EVIL1']);
  expect(event.ATTENDEE[0].params.CN).toBe('Room 2[2J ATTENDEE:mailto:evil@example.org END:VEVENT');
  expect(event.SUMMARY[0].value).toBe('Room 2[2J\\nATTENDEE:mailto:evil@example.org\\nEND:VEVENT');
  // A line break typed in the description stays one, escaped.
  expect(event.DESCRIPTION[0].value).toBe('Agenda\\nRoom 2[2J\\nATTENDEE:mailto:evil@example.org\\nEND:VEVENT');
});

it('folds by octets, never splitting a character', () => {
  const folded = fold(`DESCRIPTION:${'é'.repeat(60)}`);
  expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'é'.repeat(60)}`);
  for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
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
  expect(nextMeetingStart(first, new Date('2026-02-16T10:00:00Z'), 14, new Date('2026-02-17T00:00:00Z'))).toEqual(new Date('2026-03-02T10:00:00Z'));
});
