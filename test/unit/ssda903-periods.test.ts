// The missing periods and episodes of care the 903 return derives from a safeguarding episode,
// placements and care dates: split or ended where the DfE's rules require, so the return passes
// while the search for the child goes on.
import { validateChild } from '../../src/reports/ssda903-missing';
import { type ChildRecord, returnChild } from '../../src/reports/ssda903-periods';

const Y = 2025;
const record = (extra: Partial<ChildRecord>): ChildRecord => ({
  reference: 'K7Q2',
  localId: 'DB1001',
  dob: '2010-05-14',
  careStart: '2024-01-10',
  careEnd: null,
  placements: [{ start: '2024-01-10', end: null }],
  episodes: [],
  ...extra,
});
const M = (start: string, end: string | null = null) => ({ kind: 'M', start, end });

it('cuts a period where the placement the child went missing from ended, and carries on from the next day', () => {
  const child = returnChild(
    record({
      placements: [
        { start: '2024-01-10', end: '2025-07-01' },
        { start: '2025-09-01', end: null },
      ],
      episodes: [M('2025-06-20')],
    }),
    Y,
  );
  expect(child.care).toEqual([
    { start: '2024-01-10', end: '2025-07-01', reason: null },
    { start: '2025-07-01', end: '2025-09-01', reason: null },
    { start: '2025-09-01', end: null, reason: null },
  ]);
  expect(child.missing).toEqual([M('2025-06-20', '2025-07-01'), M('2025-07-02', '2025-09-01'), M('2025-09-02')]);
  expect(validateChild(child, Y)).toEqual([]);
});

it('ends the period on the day care ended while the safeguarding episode stays open', () => {
  const child = returnChild(
    record({
      careEnd: '2025-09-01',
      placements: [{ start: '2024-01-10', end: '2025-09-01' }],
      episodes: [M('2025-08-20')],
    }),
    Y,
  );
  expect(child.missing).toEqual([M('2025-08-20', '2025-09-01')]);
  expect(validateChild(child, Y)).toEqual([]);
});

it('leaves out a period that ended with care in an earlier year', () => {
  const child = returnChild(record({ careEnd: '2025-02-01', episodes: [M('2025-01-20')] }), Y);
  expect(child.missing).toEqual([]);
});

it('describes the year as it stood on 31 March: a later return, placement end or care end had not happened', () => {
  const child = returnChild(
    record({
      careEnd: '2026-05-01',
      placements: [{ start: '2024-01-10', end: '2026-04-20' }],
      episodes: [M('2026-03-20', '2026-04-05')],
    }),
    Y,
  );
  expect(child.missing).toEqual([M('2026-03-20')]);
  expect(child.care).toEqual([{ start: '2024-01-10', end: null, reason: null }]);
});

it("carries last year's open period with its start date, so 576 passes", () => {
  const child = returnChild(record({ episodes: [M('2025-03-20', '2025-04-03')] }), Y);
  expect(child.openLastYear).toEqual(['2025-03-20']);
  expect(child.missing).toEqual([M('2025-03-20', '2025-04-03')]);
  expect(validateChild(child, Y)).toEqual([]);
});

it('a stretch of care with no placement recorded is an episode of care, so a period in it is not 581', () => {
  const child = returnChild(
    record({
      placements: [{ start: '2024-03-01', end: '2025-05-01' }],
      episodes: [M('2024-02-01', '2024-02-02'), M('2025-06-01', '2025-06-02')],
    }),
    Y,
  );
  expect(child.care.map((c) => [c.start, c.end])).toEqual([
    ['2024-03-01', '2025-05-01'],
    ['2025-05-01', null],
  ]);
  expect(child.missing).toEqual([M('2025-06-01', '2025-06-02')]);
  expect(validateChild(child, Y)).toEqual([]);
});

it('leaves an episode that began outside care as it is, for the rules to name (578, 581; 1012 with no care in the year)', () => {
  const after = returnChild(
    record({ careEnd: '2025-05-01', placements: [], episodes: [M('2025-06-01', '2025-06-02')] }),
    Y,
  );
  expect(after.missing).toEqual([M('2025-06-01', '2025-06-02')]);
  expect(validateChild(after, Y).map((p) => p.code)).toEqual(['577', '578', '581']);
  const noCare = returnChild(
    record({ careEnd: '2025-03-01', placements: [], episodes: [M('2025-06-01', '2025-06-02')] }),
    Y,
  );
  expect(validateChild(noCare, Y).map((p) => p.code)).toEqual(['1012']);
});
