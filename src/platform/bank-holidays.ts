// Bank holidays in England and Wales, vendored from GOV.UK's published bank-holidays.json (its
// "england-and-wales" division) into bank-holidays-england-and-wales.json beside this file (not
// bank-holidays.json: require would pick it over this module); scripts/refresh-bank-holidays.ts
// rewrites it. GOV.UK publishes about two years ahead, so the table is refreshed each year: past its
// last date only weekends are skipped and deadlines come a day early around each holiday.
// test/unit/bank-holidays.test.ts fails a year before the table runs out.
import vendored from './bank-holidays-england-and-wales.json';

export interface BankHoliday {
  title: string;
  date: string;
  notes: string;
  bunting: boolean;
}
export interface BankHolidayDivision {
  division: string;
  events: BankHoliday[];
}

export const DIVISION = 'england-and-wales';

/**
 * The England and Wales division of a GOV.UK bank-holidays.json (all divisions, or the one division
 * as vendored), checked and sorted by date; throws naming what is wrong.
 */
export function englandAndWales(json: unknown): BankHolidayDivision {
  const root = json as Record<string, unknown> | null;
  const division = (
    root && typeof root === 'object' && DIVISION in root ? root[DIVISION] : root
  ) as Partial<BankHolidayDivision> | null;
  if (!division || division.division !== DIVISION || !Array.isArray(division.events)) {
    throw new Error(`expected the "${DIVISION}" division with its events`);
  }
  const events = division.events.map((e: Partial<BankHoliday>) => {
    if (typeof e?.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(e.date) || Number.isNaN(Date.parse(e.date))) {
      throw new Error(`not a date: ${JSON.stringify(e?.date)}`);
    }
    if (typeof e.title !== 'string' || !e.title) throw new Error(`${e.date} has no title`);
    return {
      title: e.title,
      date: e.date,
      notes: typeof e.notes === 'string' ? e.notes : '',
      bunting: e.bunting === true,
    };
  });
  if (!events.length) throw new Error('the division lists no bank holidays');
  events.sort((a, b) => a.date.localeCompare(b.date));
  return { division: DIVISION, events };
}

const table = englandAndWales(vendored);

export const bankHolidaysEnglandAndWales: ReadonlySet<string> = new Set(table.events.map((e) => e.date));

/** The last date the vendored table covers. */
export const lastVendoredBankHoliday: string = table.events[table.events.length - 1].date;
