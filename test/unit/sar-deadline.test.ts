// The subject access deadline: one calendar month (the month's last day where the date does not
// exist), extended by whole months, moved on by the days paused; an open pause counts to today.
import { addMonths, deadlineOf } from '../../src/subject-access/sar-deadline';

it.each([
  ['2026-01-15', 1, '2026-02-15'],
  ['2026-01-31', 1, '2026-02-28'],
  ['2028-01-31', 1, '2028-02-29'],
  ['2026-10-31', 3, '2027-01-31'],
  ['2026-12-20', 1, '2027-01-20'],
])('%s + %i month(s) is %s', (from, months, expected) => {
  expect(addMonths(from, months)).toBe(expected);
});

it('moves the deadline on by closed pauses and, while paused, by the days so far', () => {
  const base = { receivedOn: '2026-03-01', extensionMonths: 0 };
  expect(deadlineOf({ ...base, pauses: [] }, '2026-03-10')).toEqual({
    dueOn: '2026-04-01',
    daysPaused: 0,
    paused: false,
    pausedSince: null,
  });
  const closed = { pausedOn: '2026-03-05', resumedOn: '2026-03-12', reason: 'clarify' };
  expect(deadlineOf({ ...base, pauses: [closed] }, '2026-03-20').dueOn).toBe('2026-04-08');
  const open = { pausedOn: '2026-03-15', resumedOn: null, reason: 'clarify again' };
  expect(deadlineOf({ ...base, extensionMonths: 2, pauses: [closed, open] }, '2026-03-18')).toEqual({
    dueOn: '2026-06-11',
    daysPaused: 10,
    paused: true,
    pausedSince: '2026-03-15',
  });
});
