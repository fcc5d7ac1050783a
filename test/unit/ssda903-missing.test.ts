// Each DfE rule of the SSDA903 missing table: one case that passes and one that fails.
import { returnCsv, returnRows, validateChild, ReturnChild } from '../../src/reports/ssda903-missing';

const Y = 2025; // collection year 1 April 2025 - 31 March 2026
const child = (episodes: ReturnChild['episodes'], extra: Partial<ReturnChild> = {}): ReturnChild =>
  ({ reference: 'K7Q2', localId: 'DB1001', dob: '2010-05-14', careEnd: null, episodes, ...extra });
const rules = (c: ReturnChild) => validateChild(c, Y).map((p) => p.rule);

const cases: [string, ReturnChild, string[]][] = [
  ['start and type together: passes', child([{ kind: 'M', start: '2025-06-01', end: '2025-06-02' }]), []],
  ['start and type together: no type', child([{ kind: '', start: '2025-06-01', end: '2025-06-02' }]), ['start-and-type']],
  ['start and type together: no start', child([{ kind: 'A', start: null, end: '2025-06-02' }]), ['start-and-type']],
  ['end not before start: passes on the same day', child([{ kind: 'A', start: '2025-06-01', end: '2025-06-01' }]), []],
  ['end not before start: fails', child([{ kind: 'M', start: '2025-06-03', end: '2025-06-02' }]), ['end-before-start']],
  ['dates in the year: carried forward from last year passes', child([{ kind: 'M', start: '2025-03-30', end: '2025-04-02' }]), []],
  ['dates in the year: open at year end passes', child([{ kind: 'M', start: '2026-03-30', end: null }]), []],
  ['dates in the year: ends after the year', child([{ kind: 'M', start: '2026-03-30', end: '2026-04-02' }]), ['end-outside-year']],
  ['no overlap: back-to-back passes', child([{ kind: 'M', start: '2025-06-01', end: '2025-06-03' }, { kind: 'A', start: '2025-06-03', end: '2025-06-04' }]), []],
  ['no overlap: fails', child([{ kind: 'M', start: '2025-06-01', end: '2025-06-05' }, { kind: 'A', start: '2025-06-03', end: '2025-06-04' }]), ['overlap']],
  ['no new one while open: fails', child([{ kind: 'M', start: '2025-06-01', end: null }, { kind: 'M', start: '2025-07-01', end: '2025-07-02' }]), ['open-then-new']],
  ['no open period after care ended: open while in care passes', child([{ kind: 'M', start: '2026-01-01', end: null }]), []],
  ['no open period after care ended: fails', child([{ kind: 'M', start: '2026-01-01', end: null }], { careEnd: '2026-02-01' }), ['open-after-care-ended']],
  ['not before date of birth: passes', child([{ kind: 'M', start: '2025-06-01', end: '2025-06-02' }], { dob: '2025-05-31' }), []],
  ['not before date of birth: fails', child([{ kind: 'M', start: '2025-06-01', end: '2025-06-02' }], { dob: '2025-06-10' }), ['before-birth']],
  ['episodes wholly in another year are left out', child([{ kind: 'M', start: '2024-06-01', end: '2024-06-03' }, { kind: 'M', start: '2024-06-02', end: '2024-06-04' }]), []],
];

it.each(cases)('%s', (_name, c, expected) => expect(rules(c)).toEqual(expected));

it('explains each problem with the child reference and what to fix', () => {
  const [problem] = validateChild(child([{ kind: 'M', start: '2025-06-03', end: '2025-06-02' }]), Y);
  expect(problem).toEqual({ child: 'K7Q2', rule: 'end-before-start', message: 'the episode starting 03/06/2025 ends on 02/06/2025, before it started.', fix: 'Correct the start or the return date.' });
});

it('writes the table with dd/mm/yyyy dates, blank end for open episodes, ordered by child and start', () => {
  const rows = returnRows([
    child([{ kind: 'A', start: '2025-09-01', end: null }, { kind: 'M', start: '2025-06-01', end: '2025-06-02' }]),
    child([{ kind: 'M', start: '2024-01-01', end: '2024-01-02' }], { localId: 'DB0999', reference: 'M4RT', dob: '2009-11-02' }),
  ], Y);
  expect(returnCsv(rows)).toBe('CHILD,DOB,MISSING,MIS_START,MIS_END\r\nDB1001,14/05/2010,M,01/06/2025,02/06/2025\r\nDB1001,14/05/2010,A,01/09/2025,\r\n');
});
