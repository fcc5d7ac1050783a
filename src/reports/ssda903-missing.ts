// The SSDA903 missing table (CHILD, DOB, MISSING, MIS_START, MIS_END) for one collection year
// (1 April - 31 March), and every DfE validation rule that reads it. Pure: the caller derives each
// child's rows (ssda903-periods.ts); this decides what the file says and what is wrong with it.
import { toCsv } from '../platform/http/csv';
import type { Translator } from '../platform/i18n/catalogue';
import { englishTranslator } from '../platform/i18n/shipped';
import { careRules } from './ssda903-care-rules';
import { tableRules } from './ssda903-table-rules';
import { collectionYear, ddmmyyyy, type ReturnChild, type ReturnProblem, type Rule } from './ssda903-types';

export { collectionYear };
export type { ReturnChild, ReturnProblem } from './ssda903-types';
export interface ReturnRow {
  CHILD: string;
  DOB: string;
  MISSING: string;
  MIS_START: string;
  MIS_END: string;
}

/**
 * The rules touching the missing table in the DfE's 2025-26 and 2026-27 rule sets, in code order.
 * INT04 and INT13 (the child and date of birth match the Header table) cannot differ here: this
 * file's CHILD and DOB come from the same child record the Header would.
 */
export const ssda903MissingRules: Rule[] = [...tableRules, ...careRules].sort(
  (a, b) => Number(a.code) - Number(b.code),
);

/** What is wrong with one child's rows, worded in English unless another language's words are given. */
export function validateChild(
  child: ReturnChild,
  startYear: number,
  t: Translator = englishTranslator(),
): ReturnProblem[] {
  const year = collectionYear(startYear);
  return ssda903MissingRules.flatMap((rule) =>
    rule
      .check(child, year, t)
      .map((f) => ({ child: child.reference, code: rule.code, message: f.message, fix: f.fix })),
  );
}

export function returnRows(children: ReturnChild[]): ReturnRow[] {
  return children
    .flatMap((c) =>
      c.missing.map((p) => ({
        CHILD: c.localId,
        DOB: ddmmyyyy(c.dob),
        MISSING: p.kind ?? '',
        MIS_START: p.start ? ddmmyyyy(p.start) : '',
        MIS_END: p.end ? ddmmyyyy(p.end) : '',
      })),
    )
    .sort((a, b) => a.CHILD.localeCompare(b.CHILD));
}

export function returnCsv(rows: ReturnRow[]): string {
  return toCsv(
    ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
    rows.map((r) => [r.CHILD, r.DOB, r.MISSING, r.MIS_START, r.MIS_END]),
  );
}
