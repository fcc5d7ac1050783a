// When bed checks fall: local England times, in GMT and in BST and across the clocks going back,
// for the plan's days from the later of the plan's and the placement's start.
import { bedCheckTimes, checksDue } from '../../src/bed-checks/bed-check-schedule';

const schedule = { times: ['23:00', '02:00', '06:00'], days: 3 };
const iso = (ds: Date[]) => ds.map((d) => d.toISOString());

it('places a child at 18:00 GMT: three nights of checks at 23:00, 02:00 and 06:00 local', () => {
  expect(iso(bedCheckTimes(schedule, new Date('2026-11-23T18:00:00Z')))).toEqual([
    '2026-11-23T23:00:00.000Z',
    '2026-11-24T02:00:00.000Z',
    '2026-11-24T06:00:00.000Z',
    '2026-11-24T23:00:00.000Z',
    '2026-11-25T02:00:00.000Z',
    '2026-11-25T06:00:00.000Z',
    '2026-11-25T23:00:00.000Z',
    '2026-11-26T02:00:00.000Z',
    '2026-11-26T06:00:00.000Z',
  ]);
});

it('reads 23:00 in BST as 22:00 UTC', () => {
  expect(iso(bedCheckTimes(schedule, new Date('2026-07-01T17:00:00Z')).slice(0, 3))).toEqual([
    '2026-07-01T22:00:00.000Z',
    '2026-07-02T01:00:00.000Z',
    '2026-07-02T05:00:00.000Z',
  ]);
});

it('keeps local times across the clocks going back (25 October 2026)', () => {
  expect(iso(bedCheckTimes(schedule, new Date('2026-10-24T17:00:00Z')).slice(0, 6))).toEqual([
    '2026-10-24T22:00:00.000Z',
    '2026-10-25T02:00:00.000Z',
    '2026-10-25T06:00:00.000Z',
    '2026-10-25T23:00:00.000Z',
    '2026-10-26T02:00:00.000Z',
    '2026-10-26T06:00:00.000Z',
  ]);
});

it('sends a check up to 15 minutes late (a restart), never early and never later', () => {
  const start = new Date('2026-11-23T18:00:00Z');
  const grace = 15 * 60_000;
  expect(checksDue(schedule, start, new Date('2026-11-23T22:59:00Z'), grace)).toEqual([]);
  expect(iso(checksDue(schedule, start, new Date('2026-11-23T23:14:00Z'), grace))).toEqual([
    '2026-11-23T23:00:00.000Z',
  ]);
  expect(checksDue(schedule, start, new Date('2026-11-23T23:15:00Z'), grace)).toEqual([]);
});
