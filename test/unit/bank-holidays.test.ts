// The vendored England and Wales bank holidays: read from GOV.UK's format, and a canary that fails a
// year before the table runs out, on the real date, so the table is refreshed before a deadline is wrong.
import {
  bankHolidaysEnglandAndWales,
  englandAndWales,
  lastVendoredBankHoliday,
} from '../../src/platform/bank-holidays';
import vendored from '../../src/platform/bank-holidays-england-and-wales.json';
import { addDays } from '../../src/platform/dates';

it('CANARY: the bank-holiday table reaches at least a year past today (run scripts/refresh-bank-holidays.ts if this fails)', () => {
  // The real date on purpose: this test exists to fail in CI as the table ages.
  const realToday = new Date().toISOString().slice(0, 10);
  expect(lastVendoredBankHoliday >= addDays(realToday, 365)).toBe(true);
});

it('holds every year it covers in full: eight holidays a year, substitute days included', () => {
  const years = new Map<string, number>();
  for (const date of bankHolidaysEnglandAndWales) years.set(date.slice(0, 4), (years.get(date.slice(0, 4)) ?? 0) + 1);
  for (const [, count] of years) expect(count).toBeGreaterThanOrEqual(8);
  expect(bankHolidaysEnglandAndWales.has('2026-12-28')).toBe(true);
  expect(vendored.division).toBe('england-and-wales');
});

it("reads GOV.UK's published file (all divisions) and keeps England and Wales, sorted", () => {
  const govuk = {
    'england-and-wales': {
      division: 'england-and-wales',
      events: [
        { title: 'Boxing Day', date: '2029-12-26', notes: '', bunting: true },
        { title: 'Christmas Day', date: '2029-12-25', notes: '', bunting: true },
      ],
    },
    scotland: {
      division: 'scotland',
      events: [{ title: 'St Andrew’s Day', date: '2029-11-30', notes: '', bunting: true }],
    },
  };
  expect(englandAndWales(govuk).events.map((e) => e.date)).toEqual(['2029-12-25', '2029-12-26']);
});

it.each([
  ['another division', { division: 'scotland', events: [] }],
  ['a date that is not one', { division: 'england-and-wales', events: [{ title: 'x', date: '2029-13-45' }] }],
  ['no events', { division: 'england-and-wales', events: [] }],
])('refuses %s', (_label, json) => {
  expect(() => englandAndWales(json)).toThrow();
});
