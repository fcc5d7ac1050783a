// The agenda pack shows a trafficked or newly placed child as high risk from the first minute until
// police grade it otherwise, not "Not graded".
import { Pack, packTemplateData } from '../../src/operational-group/pack.presenter';

const episode = (over: object) => ({
  episodeId: 'e',
  episodeRef: 'E-ABCD',
  kind: 'M',
  discoveredAt: '2026-12-01T02:00:00.000Z',
  returnedAt: null,
  closedAt: null,
  durationHours: 5,
  ongoing: true,
  riskGrade: null,
  highRiskFromStart: false,
  policeReference: null,
  ending: 'Still missing',
  ...over,
});
const pack = (stillMissing: object[]) =>
  ({
    startsAt: '2026-12-10T10:00:00.000Z',
    coversFrom: null,
    coversTo: '2026-12-03T10:00:00.000Z',
    location: null,
    missingSinceLastMeeting: [],
    stillMissing,
    returnInterviewsOverdue: [],
    plansDueForReview: [],
    nrmDecisionsDue: [],
    newArrivalsAtRisk: [],
    failedNotifications: [],
    openActions: [],
  }) as unknown as Pack;

it.each([
  [{ highRiskFromStart: true }, 'High from the first minute (not yet graded by police)'],
  [{ highRiskFromStart: true, riskGrade: 'medium' }, 'Medium'],
  [{}, 'Not graded'],
])('%j is shown as %s', (over, label) => {
  expect(packTemplateData(pack([episode(over)]), 'Europe/London', 'https://x').stillMissing[0].risk).toBe(label);
});
