// The bed checks a new plan (the plan form, the port-arrival intake) proposes: the default for a
// suspected or confirmed trafficked child whose placement is new (7 days), nothing otherwise.
import { proposedBedChecks } from '../../src/bed-checks/proposed-bed-checks';

const now = new Date('2026-11-23T10:00:00Z');
const placedDaysAgo = (d: number, endedAt: Date | null = null) => ({
  startedAt: new Date(now.getTime() - d * 86_400_000),
  endedAt,
});
const DEFAULT = { times: ['23:00', '02:00', '06:00'], days: 3 };

it.each([
  ['suspected', placedDaysAgo(0), DEFAULT],
  ['confirmed', placedDaysAgo(3), DEFAULT],
  ['suspected', placedDaysAgo(7), DEFAULT],
  ['suspected', placedDaysAgo(7.01), null],
  ['confirmed', placedDaysAgo(40), null],
  ['not_trafficked', placedDaysAgo(1), null],
  ['unknown', placedDaysAgo(1), null],
  ['suspected', placedDaysAgo(1, now), null], // the placement has ended
  ['suspected', null, null], // no placement
  ['suspected', { startedAt: new Date(now.getTime() + 3_600_000) }, DEFAULT], // the one about to start (intake)
] as const)('%s child, placement %j: %j', (traffickingStatus, placement, expected) => {
  expect(proposedBedChecks({ traffickingStatus }, placement, now)).toEqual(expected);
});

it('hands out a copy: a caller changing it changes no one else’s proposal', () => {
  const a = proposedBedChecks({ traffickingStatus: 'suspected' }, placedDaysAgo(1), now)!;
  a.times.push('04:00');
  expect(proposedBedChecks({ traffickingStatus: 'suspected' }, placedDaysAgo(1), now)).toEqual(DEFAULT);
});
