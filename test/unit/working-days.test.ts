// Working-day arithmetic for NRM deadlines: weekends and England & Wales bank holidays are skipped.
import { cgEarliestOn, rgDueOn } from '../../src/nrm/nrm-deadlines';
import {
  addWorkingDays,
  addWorkingDaysToInstant,
  isWorkingDay,
  nextWorkingDayFrom,
} from '../../src/platform/working-days';

describe('addWorkingDays', () => {
  it.each([
    ['a Monday, no holidays', '2026-11-23', 5, '2026-11-30'],
    ['a Wednesday crosses one weekend', '2026-11-25', 5, '2026-12-02'],
    ['a Friday', '2026-11-27', 5, '2026-12-04'],
    ['a Saturday counts from Monday', '2026-11-28', 5, '2026-12-04'],
    ['a Sunday counts from Monday', '2026-11-29', 1, '2026-11-30'],
    ['Christmas 2026: 25th and substitute 28th skipped', '2026-12-23', 5, '2027-01-04'],
    ['Easter 2026: Good Friday and Easter Monday skipped', '2026-04-01', 5, '2026-04-10'],
    ['Easter 2027 in March', '2027-03-24', 3, '2027-03-31'],
    ['New Year 2028 substitute Monday 3 January', '2027-12-31', 1, '2028-01-04'],
    ['Christmas 2027: both substitute days skipped', '2027-12-24', 1, '2027-12-29'],
    ['early May 2025 bank holiday', '2025-05-02', 1, '2025-05-06'],
    ['summer bank holiday 2028', '2028-08-25', 1, '2028-08-29'],
    ['across a month end', '2026-01-29', 5, '2026-02-05'],
    ['zero days is the same day', '2026-11-23', 0, '2026-11-23'],
  ])('%s: %s + %i working days = %s', (_label, from, days, expected) => {
    expect(addWorkingDays(from, days)).toBe(expected);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-11-23', true],
    ['2026-11-28', false],
    ['2026-11-29', false],
    ['2026-12-25', false],
    ['2026-12-26', false],
    ['2026-12-28', false],
    ['2026-12-29', true],
    ['2025-08-25', false],
    ['2027-05-31', false],
  ])('%s is a working day: %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
});

describe('NRM deadlines', () => {
  it('gives the Single Competent Authority 5 working days and a devolved panel 45 calendar days', () => {
    expect(rgDueOn('2026-12-23', 'single_competent_authority')).toBe('2027-01-04');
    expect(rgDueOn('2026-12-23', 'devolved_panel')).toBe('2027-02-06');
  });
  it('allows a conclusive grounds decision from 30 days after the reasonable grounds decision', () => {
    expect(cgEarliestOn('2026-01-31')).toBe('2026-03-02');
    expect(cgEarliestOn(null)).toBeNull();
  });
});

describe('addWorkingDaysToInstant (escalation steps timed in working days)', () => {
  it('skips Christmas, the weekend and the substitute Boxing Day, keeping the time of day', () => {
    expect(addWorkingDaysToInstant(new Date('2026-12-24T10:15:00Z'), 1).toISOString()).toBe('2026-12-29T10:15:00.000Z');
  });
  it('counts on the England calendar: 00:30 BST on a Saturday is a Saturday report', () => {
    expect(addWorkingDaysToInstant(new Date('2026-06-05T23:30:00Z'), 5).toISOString()).toBe('2026-06-11T23:30:00.000Z'); // 00:30 BST on Friday 12 June;
  });
});

describe('addWorkingDaysToInstant keeps the England wall-clock time across the clocks changing', () => {
  it.each([
    // Friday 27 March 2026 10:00 GMT; the clocks go forward on Sunday 29th; Good Friday 3 April and Easter Monday 6
    // April skipped.
    ['spring forward', '2026-03-27T10:00:00Z', '2026-04-07T09:00:00.000Z'],
    // Friday 23 October 2026 10:00 BST; the clocks go back on Sunday 25th.
    ['fall back', '2026-10-23T09:00:00Z', '2026-10-30T10:00:00.000Z'],
  ])('%s: +5 working days from a Friday at 10:00 lands at 10:00 local', (_label, from, expected) => {
    const due = addWorkingDaysToInstant(new Date(from), 5);
    expect(due.toISOString()).toBe(expected);
    expect(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(due),
    ).toBe('10:00');
  });
  it('asked twice, answers the same (the cache keys on the instant, not only its date)', () => {
    expect(addWorkingDaysToInstant(new Date('2026-10-23T09:00:00Z'), 5).toISOString()).toBe('2026-10-30T10:00:00.000Z');
    expect(addWorkingDaysToInstant(new Date('2026-10-23T09:30:00Z'), 5).toISOString()).toBe('2026-10-30T10:30:00.000Z');
  });
});

describe('nextWorkingDayFrom', () => {
  it.each([
    ['a working day is itself', '2026-12-24', '2026-12-24'],
    [
      'Christmas Day 2026 (Friday) to Tuesday 29th, past the weekend and the substitute Boxing Day',
      '2026-12-25',
      '2026-12-29',
    ],
    ['Boxing Day 2025 (Friday) to Monday 29th', '2025-12-26', '2025-12-29'],
    ['Easter Monday 2028 to Tuesday', '2028-04-17', '2028-04-18'],
  ])('%s', (_label, from, expected) => {
    expect(nextWorkingDayFrom(from)).toBe(expected);
  });
});
