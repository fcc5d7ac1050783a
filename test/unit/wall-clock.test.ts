// The hand-computed wall clock must read exactly as Intl does, across both clock changes of the
// year and at random instants, or alerts would show the wrong time of a child's disappearance.
import fc from 'fast-check';

import { dayMonthTime, isoDate } from '../../src/platform/wall-clock';

const intlTime = (at: Date, timeZone: string) => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return `${p.day} ${p.month} ${p.hour}:${p.minute}`;
};
const intlDate = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

it.each([
  ['2026-03-29T00:59:59Z', '29 Mar 00:59'],
  ['2026-03-29T01:00:00Z', '29 Mar 02:00'],
  ['2026-10-25T00:59:59Z', '25 Oct 01:59'],
  ['2026-10-25T01:00:00Z', '25 Oct 01:00'],
  ['2026-09-30T23:30:00Z', '1 Oct 00:30'],
])('reads %s in London as %s', (iso, expected) => {
  expect(dayMonthTime(new Date(iso), 'Europe/London')).toBe(expected);
  expect(dayMonthTime(new Date(iso), 'Europe/London')).toBe(intlTime(new Date(iso), 'Europe/London'));
});

// Newfoundland moved its clocks at 00:01 until 2011, inside a quarter hour (random instants found it).
it.each([
  ['2000-04-02T03:30:59Z', '2 Apr 00:00'],
  ['2000-04-02T03:31:00Z', '2 Apr 01:01'],
  ['2000-04-02T03:44:02.181Z', '2 Apr 01:14'],
  ['2000-10-29T02:30:59Z', '29 Oct 00:00'],
  ['2000-10-29T02:31:00Z', '28 Oct 23:01'],
])("reads %s in St John's as %s, across a change made at one minute past midnight", (iso, expected) => {
  expect(dayMonthTime(new Date(iso), 'America/St_Johns')).toBe(expected);
});

it('agrees with Intl at any instant in London, UTC and zones with part-hour offsets', () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date('2000-01-01Z'), max: new Date('2060-01-01Z'), noInvalidDate: true }),
      fc.constantFrom('Europe/London', 'UTC', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns'),
      (at, zone) => {
        expect(dayMonthTime(at, zone)).toBe(intlTime(at, zone));
        expect(isoDate(at, zone)).toBe(intlDate(at, zone));
      },
    ),
    { numRuns: 3000 },
  );
});
