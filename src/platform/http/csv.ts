// The one CSV writer for every export. Cells that a spreadsheet would read as a formula (starting
// with =, +, -, @, tab or carriage return) are prefixed with an apostrophe so an export opened in
// Excel or LibreOffice cannot run anything.
import { stringify } from 'csv-stringify/sync';

export interface CsvOptions {
  /** Quote every cell (the audit and figures exports); otherwise only cells that need it (the DfE return). */
  quoteAll?: boolean;
}

export function toCsv(header: string[], rows: unknown[][], { quoteAll = false }: CsvOptions = {}): string {
  return stringify([header, ...rows], {
    record_delimiter: '\r\n',
    escape_formulas: true,
    quoted: quoteAll,
    quoted_empty: quoteAll,
    cast: {
      boolean: (value) => String(value),
      date: (value) => value.toISOString(),
      object: (value) => JSON.stringify(value),
    },
  });
}
