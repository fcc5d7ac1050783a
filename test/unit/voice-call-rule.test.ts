// Which runs of a step call (the policy's call rule), how a reference is read out on a call, and
// that a policy cannot ask for a call on a step that needs no acknowledgement.
import { defaultPolicy } from '../../src/escalation/default-policy';
import { callsOn, EpisodeSnapshot } from '../../src/escalation/due-steps';
import { policyDocumentSchema, PolicySnapshot } from '../../src/escalation/escalation-policy';
import { spellOut } from '../../src/notifications/voice/spell-out';

const policy: PolicySnapshot = { version: 1, ...defaultPolicy };
const step = (key: string) => policy.steps.find((s) => s.key === key)!;
const T0 = new Date('2026-11-23T02:00:00Z');
const episode = (over: Partial<EpisodeSnapshot>): EpisodeSnapshot => ({
  kind: 'M',
  missingSince: null,
  discoveredAt: T0,
  reportedAt: T0,
  returnedAt: null,
  closedAt: null,
  riskHighAt: null,
  riskGrade: null,
  highRiskFromStart: false,
  traffickingStatus: 'not_trafficked',
  placementStartedAt: null,
  repeatCount: 1,
  returnInterviewPending: true,
  acknowledgedSteps: [],
  ...over,
});

it.each([
  ['report_police', 0, { highRiskFromStart: true }, true],
  ['report_police', 0, { riskGrade: 'high' as const }, true],
  ['report_police', 0, {}, false],
  ['report_police', 0, { riskGrade: 'medium' as const }, false],
  ['report_police', 1, {}, true],
  ['report_police', 3, { riskGrade: 'low' as const }, true],
  ['plus_48h', 0, {}, true],
  ['plus_72h_next', 0, {}, true],
  ['report_team', 0, { highRiskFromStart: true }, false],
  ['plus_24h', 0, { highRiskFromStart: true }, false],
])('%s run %i with %o calls: %s', (key, repeat, over, calls) => {
  expect(callsOn(step(key), repeat, episode(over), policy)).toBe(calls);
});

it.each([
  ['E-H7KQ', 'Echo, Hotel, Seven, Kilo, Quebec'],
  ['e-x0yz', 'Echo, X-ray, Zero, Yankee, Zulu'],
  ['K7Q2', 'Kilo, Seven, Quebec, Two'],
])('%s is read out as %s', (reference, words) => {
  expect(spellOut(reference)).toBe(words);
});

it('a step that needs no acknowledgement cannot call', () => {
  const doc = {
    ...defaultPolicy,
    steps: defaultPolicy.steps.map((s) => (s.key === 'report_team' ? { ...s, channels: ['sms', 'voice'] } : s)),
  };
  const { error } = policyDocumentSchema.validate(doc, { abortEarly: false });
  expect(error?.details.map((d) => d.message)).toEqual([
    'a step with the voice channel must need acknowledgement (a call asks for a key press)',
  ]);
  expect(policyDocumentSchema.validate(defaultPolicy).error).toBeUndefined();
});
