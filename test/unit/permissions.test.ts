// The tie table: which roles need which tie to the child for an action, and that every other role
// is decided by the role table alone.
import { type Action, allows, can, needsTie, type Tie } from '../../src/platform/auth/permissions';
import type { Role } from '../../src/platform/auth/roles';

const none = new Set<Tie>();
const cases: [Role, Action, Tie[], boolean][] = [
  ['carer', 'episodes.report', [], false],
  ['carer', 'episodes.report', ['guardian'], false],
  ['carer', 'episodes.report', ['carer'], true],
  ['social_worker', 'episodes.report', [], true],
  ['guardian', 'episodes.read', [], false],
  ['guardian', 'episodes.read', ['guardian'], true],
  ['police', 'episodes.read', [], false],
  ['police', 'episodes.read', ['alerted'], true],
  ['ceop', 'episodes.read', ['carer'], false],
  ['social_worker', 'children.write', [], true],
  ['social_worker', 'episodes.update', [], true],
  ['guardian', 'episodes.acknowledge', ['guardian'], false],
  ['guardian', 'episodes.acknowledge', ['alerted'], true],
  ['police', 'episodes.acknowledge', [], false],
  ['social_worker', 'episodes.acknowledge', ['allocated_worker'], false],
  ['team_manager', 'episodes.acknowledge', [], true],
  ['senior_manager', 'episodes.acknowledge', [], true],
  ['group_member', 'placements.read', ['carer', 'guardian', 'allocated_worker', 'alerted'], false],
  ['social_worker', 'placements.read', [], true],
];

it.each(cases)('%s %s with ties %j: %s', (role, action, ties, expected) => {
  expect(allows(role, action, new Set(ties))).toBe(expected);
});

it('a role the role table refuses is refused whatever its ties', () => {
  expect(allows('carer', 'episodes.update', new Set<Tie>(['carer']))).toBe(false);
  expect(can('group_member', 'placements.read')).toBe(false);
  expect(needsTie('team_manager', 'episodes.acknowledge')).toBe(false);
  expect(allows('administrator', 'episodes.report', none)).toBe(false);
});
