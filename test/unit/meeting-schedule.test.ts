// Meeting dates: the cadence keeps 10:00 in England, and a meeting that would fall on a weekend or a
// bank holiday moves to the next working day, while the series keeps its own days.
import { nextMeetingStart, onWorkingDay } from '../../src/operational-group/meeting-schedule';

const before = (iso: string) => new Date(new Date(iso).getTime() - 1);

it.each([
  // Friday 14 November 2025 10:00 GMT; six weeks on is Boxing Day, a Friday: Monday 29th instead.
  ['Boxing Day 2025 (Friday)', '2025-11-14T10:00:00Z', '2025-12-26T10:00:00Z', '2025-12-29T10:00:00Z'],
  // Saturday Boxing Day 2026, then the substitute Monday 28th: Tuesday 29th.
  [
    'Boxing Day 2026 (Saturday, substitute Monday)',
    '2026-11-14T10:00:00Z',
    '2026-12-26T10:00:00Z',
    '2026-12-29T10:00:00Z',
  ],
  // Easter Monday 2027 is 29 March, the day after the clocks go forward: 10:00 BST on Tuesday.
  [
    'Easter Monday 2027, across the clock change',
    '2027-02-15T10:00:00Z',
    '2027-03-29T09:00:00Z',
    '2027-03-30T09:00:00Z',
  ],
])('a meeting due on %s moves to the next working day at the same time', (_label, first, due, moved) => {
  expect(nextMeetingStart(new Date(first), new Date(first), 42, before(due)).toISOString()).toBe(
    new Date(moved).toISOString(),
  );
});

it('the meeting after a moved one keeps the series day, not the moved one', () => {
  const first = new Date('2025-11-14T10:00:00Z');
  const moved = new Date('2025-12-29T10:00:00Z');
  // 42 days after 26 December 2025: Friday 6 February 2026, not Monday 9th.
  expect(nextMeetingStart(first, moved, 42, moved).toISOString()).toBe('2026-02-06T10:00:00.000Z');
});

it('a first meeting set on a Sunday is held on the Monday', () => {
  expect(
    nextMeetingStart(new Date('2026-11-29T10:00:00Z'), null, 42, new Date('2026-11-23T00:00:00Z')).toISOString(),
  ).toBe('2026-11-30T10:00:00.000Z');
});

it('a working day is left alone', () => {
  expect(onWorkingDay(new Date('2026-12-14T10:00:00Z')).toISOString()).toBe('2026-12-14T10:00:00.000Z');
});
