// Page formatting: durations in words and dates typed into GOV.UK date inputs read as England's local time.
import { fieldsFor, toInstant } from '../../src/platform/views/date-time-fields';
import { durationInWords } from '../../src/platform/views/durations';

const at = (iso: string) => new Date(iso);

it.each([
  ['2026-03-01T10:00:00Z', '2026-03-01T10:00:30Z', 'less than a minute'],
  ['2026-03-01T10:00:00Z', '2026-03-01T10:01:00Z', '1 minute'],
  ['2026-03-01T10:00:00Z', '2026-03-01T13:12:00Z', '3 hours 12 minutes'],
  ['2026-03-01T10:00:00Z', '2026-03-01T11:00:59Z', '1 hour'],
  ['2026-03-01T10:00:00Z', '2026-03-03T15:00:00Z', '2 days 5 hours'],
  ['2026-03-01T10:00:00Z', '2026-03-02T10:40:00Z', '1 day'],
])('from %s to %s is %s', (from, to, words) => {
  expect(durationInWords(at(from), at(to))).toBe(words);
});

it.each([
  [{ day: '1', month: '7', year: '2026', time: '21:30' }, '2026-07-01T20:30:00.000Z'], // BST
  [{ day: '1', month: '1', year: '2026', time: '00:30' }, '2026-01-01T00:30:00.000Z'], // GMT
  [{ day: '29', month: '3', year: '2026', time: '03.15' }, '2026-03-29T02:15:00.000Z'], // the morning the clocks go forward
])('reads %o in Europe/London as %s', (values, iso) => {
  expect(toInstant(values, 'Europe/London')!.toISOString()).toBe(iso);
});

it('refuses a date that does not exist', () => {
  expect(toInstant({ day: '31', month: '2', year: '2026', time: '10:00' }, 'Europe/London')).toBeNull();
});

it('prefills the fields with the local date and time', () => {
  expect(fieldsFor(at('2026-07-01T20:30:00Z'), 'Europe/London', 'found')).toEqual({
    foundDay: '1',
    foundMonth: '7',
    foundYear: '2026',
    foundTime: '21:30',
  });
});
