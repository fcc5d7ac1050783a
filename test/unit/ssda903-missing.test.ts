// Each DfE rule of the SSDA903 missing table, by its code: a case that breaks it (with every code
// the DfE's validator gives for that case) and one that does not.
import { ReturnChild, returnCsv, returnRows, validateChild } from '../../src/reports/ssda903-missing';

const Y = 2025; // collection year 1 April 2025 - 31 March 2026
const inCare = [{ start: '2020-01-01', end: null, reason: null }];
const child = (missing: ReturnChild['missing'], extra: Partial<ReturnChild> = {}): ReturnChild => ({
  reference: 'K7Q2',
  localId: 'DB1001',
  dob: '2010-05-14',
  care: inCare,
  openLastYear: [],
  missing,
  ...extra,
});
const codes = (c: ReturnChild) => validateChild(c, Y).map((p) => p.code);
const M = (start: string | null, end: string | null = null, kind: string | null = 'M') => ({ kind, start, end });
const care = (...spans: [string, string | null, string?][]) => ({
  care: spans.map(([start, end, reason]) => ({ start, end, reason: reason ?? null })),
});

// [code, what it checks, a child that breaks it, every code the DfE gives that child, a child that passes]
const rules: [string, string, ReturnChild, string[], ReturnChild][] = [
  [
    '564',
    'a type needs a start date',
    child([M(null)]),
    ['564', '581', '1004'],
    child([M('2025-06-01', '2025-06-02')]),
  ],
  [
    '565',
    'a start date needs a type',
    child([M('2025-06-01', null, null)]),
    ['565'],
    child([M('2025-06-01', null, 'A')]),
  ],
  [
    '566',
    'an end date needs a type',
    child([M('2025-06-01', '2025-06-02', null)]),
    ['565', '566'],
    child([M('2025-06-01', '2025-06-02', 'A')]),
  ],
  [
    '567',
    'the end is not before the start',
    child([M('2025-06-03', '2025-06-02')]),
    ['567'],
    child([M('2025-06-03', '2025-06-03')]),
  ],
  ['570', 'the start is not after the year', child([M('2026-04-02')]), ['570'], child([M('2026-03-31')])],
  [
    '571',
    'the end is within the year (after it)',
    child([M('2026-03-30', '2026-04-02')]),
    ['571'],
    child([M('2025-03-30', '2025-04-02')]),
  ],
  [
    '571',
    'the end is within the year (before it)',
    child([M('2025-03-01', '2025-03-20')]),
    ['571'],
    child([M('2026-03-01', '2026-03-31')]),
  ],
  [
    '574',
    'periods do not overlap',
    child([M('2025-06-01', '2025-06-05'), M('2025-06-03', '2025-06-04', 'A')]),
    ['574'],
    child([M('2025-06-01', '2025-06-03'), M('2025-06-03', '2025-06-04', 'A')]),
  ],
  [
    '574',
    'no new period while one is open',
    child([M('2025-06-01'), M('2025-07-01', '2025-07-02')]),
    ['574'],
    child([M('2025-06-01', '2025-06-02'), M('2025-07-01')]),
  ],
  [
    '575',
    'a period ends when the placement it began in ends',
    child([M('2025-06-20')], care(['2020-01-01', '2025-07-01'], ['2025-07-01', null])),
    ['575'],
    child([M('2025-06-20', '2025-07-01'), M('2025-07-02')], care(['2020-01-01', '2025-07-01'], ['2025-07-01', null])),
  ],
  [
    '576',
    "last year's open period is carried on",
    child([M('2025-03-02', '2025-04-03')], { openLastYear: ['2025-03-01'] }),
    ['576'],
    child([M('2025-03-01', '2025-04-03')], { openLastYear: ['2025-03-01'] }),
  ],
  [
    '577',
    '(a) no open period after care ended',
    child([M('2025-08-01')], care(['2020-01-01', '2025-09-01'])),
    ['575', '577'],
    child([M('2025-08-01', '2025-09-01')], care(['2020-01-01', '2025-09-01'])),
  ],
  [
    '577',
    '(b) no open period that began before care',
    child([M('2025-05-01')], care(['2025-06-01', null])),
    ['577', '578', '581'],
    child([M('2025-06-01')], care(['2025-06-01', null])),
  ],
  [
    '577',
    '(c) no period ending after care ended',
    child([M('2025-08-01', '2025-09-05')], care(['2020-01-01', '2025-09-01'])),
    ['577'],
    child([M('2025-08-01', '2025-09-01')], care(['2020-01-01', '2025-09-01'])),
  ],
  [
    '577',
    '(d) no period ending before care began',
    child([M('2025-05-01', '2025-05-03')], care(['2025-06-01', null])),
    ['577', '578', '581'],
    child([M('2025-06-01', '2025-06-03')], care(['2025-06-01', null])),
  ],
  [
    '577',
    'a period fitting any period of care passes',
    child([M('2025-08-01')], care(['2020-01-01', '2025-05-01'])),
    ['577', '578', '581'],
    child([M('2025-09-01')], care(['2020-01-01', '2025-05-01'], ['2025-08-01', null])),
  ],
  [
    '578',
    'no period starting after care ended',
    child([M('2025-09-10', '2025-09-12')], care(['2020-01-01', '2025-09-01'])),
    ['577', '578', '581'],
    child([M('2025-09-01', '2025-09-01')], care(['2020-01-01', '2025-09-01'])),
  ],
  [
    '580',
    'missing when care ended at 18 means reason E8',
    child([M('2025-08-20', '2025-09-01')], { dob: '2007-09-01', ...care(['2020-01-01', '2025-09-01', 'E4A']) }),
    ['580'],
    child([M('2025-08-20', '2025-09-01')], { dob: '2007-09-01', ...care(['2020-01-01', '2025-09-01', 'E8']) }),
  ],
  [
    '581',
    'no period before the child was looked after',
    child([M('2025-05-20', '2025-06-03')], care(['2025-06-01', null])),
    ['578', '581'],
    child([M('2025-06-01', '2025-06-03')], care(['2025-06-01', null])),
  ],
  [
    '586',
    'no period on or before the date of birth',
    child([M('2025-06-01', '2025-06-02')], { dob: '2025-06-01', ...care(['2025-06-01', null]) }),
    ['586'],
    child([M('2025-06-02', '2025-06-03')], { dob: '2025-06-01', ...care(['2025-06-01', null]) }),
  ],
  [
    '1004',
    'the start is a real date',
    child([M('2025-02-30')]),
    ['581', '1004'],
    child([M('2025-02-28', '2025-04-01')]),
  ],
  [
    '1005',
    'the end is a real date',
    child([M('2025-06-01', '2025-13-01')]),
    ['1005'],
    child([M('2025-06-01', '2025-12-01')]),
  ],
  [
    '1006',
    'the type is M or A',
    child([M('2025-06-01', '2025-06-02', 'm')]),
    ['1006'],
    child([M('2025-06-01', '2025-06-02', 'A')]),
  ],
  [
    '1012',
    'no rows for a child with no care in the year',
    child([M('2025-06-01', '2025-06-02')], { care: [] }),
    ['1012'],
    child([M('2025-06-01', '2025-06-02')]),
  ],
];

it.each(rules)('%s: %s', (code, _what, breaks, expected, passes) => {
  expect(codes(breaks)).toEqual(expected);
  expect(expected).toContain(code);
  expect(codes(passes)).toEqual([]);
});

it('580 is not checked when the reason care ended is not held', () => {
  expect(
    codes(child([M('2025-08-20', '2025-09-01')], { dob: '2007-09-01', ...care(['2020-01-01', '2025-09-01']) })),
  ).toEqual([]);
});

it('names each problem by its DfE code beside a sentence and what to fix', () => {
  expect(
    validateChild(child([M('2025-06-01', '2025-06-02')], { dob: '2025-06-01', ...care(['2025-06-01', null]) }), Y),
  ).toEqual([
    {
      child: 'K7Q2',
      code: '586',
      message: "The missing period starting 01/06/2025 starts on or before the child's date of birth (01/06/2025).",
      fix: 'Correct the date the child went missing or the date of birth.',
    },
  ]);
  expect(
    validateChild(child([M('2025-09-10', '2025-09-12')], care(['2020-01-01', '2025-09-01'])), Y).find(
      (p) => p.code === '578',
    )?.message,
  ).toBe('The missing period starting 10/09/2025 began after the child stopped being looked after on 01/09/2025.');
});

it('writes the table with dd/mm/yyyy dates, blank end for open periods, ordered by child', () => {
  const rows = returnRows([
    child([M('2025-06-01', '2025-06-02'), M('2025-09-01', null, 'A')]),
    child([M('2025-07-01', '2025-07-02')], { localId: 'DB0999', reference: 'M4RT', dob: '2009-11-02' }),
  ]);
  expect(returnCsv(rows)).toBe(
    'CHILD,DOB,MISSING,MIS_START,MIS_END\r\nDB0999,02/11/2009,M,01/07/2025,02/07/2025\r\n' +
      'DB1001,14/05/2010,M,01/06/2025,02/06/2025\r\nDB1001,14/05/2010,A,01/09/2025,\r\n',
  );
});
