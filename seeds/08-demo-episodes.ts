// Seed 08: a past missing episode in Demo Borough (H9PX, found after 30 hours, return interview held,
// closed) so the episode pages, the delivery history and the operational group have something to
// show. K7Q2 is left with no episode so a newcomer can text MISSING for it and watch the ladder.
import { LocalAuthority } from '../src/authorities/local-authority.entity';
import { Child } from '../src/children/child.entity';
import { defaultPolicy } from '../src/escalation/default-policy';
import { EpisodeEvent, MissingEpisode } from '../src/missing/missing-episode.entity';
import type { Clock } from '../src/platform/clock';
import type { Tx } from '../src/platform/database/transaction';
import { DEMO_DELIVERY_EPISODE_ID, DEMO_EPISODE_REFERENCE } from './demo-data';

const HOUR = 3_600_000;

export async function seedDemoEpisodes(tx: Tx, clock: Clock): Promise<void> {
  if (await tx.existsBy(MissingEpisode, { id: DEMO_DELIVERY_EPISODE_ID })) return;
  const demo = await tx.findOneByOrFail(LocalAuthority, { code: 'DEMO' });
  const child = await tx.findOneByOrFail(Child, { authorityId: demo.id, reference: 'H9PX' });
  const discovered = new Date(clock.now().getTime() - 10 * 24 * HOUR);
  const at = (hours: number) => new Date(discovered.getTime() + hours * HOUR);
  await tx.insert(MissingEpisode, {
    id: DEMO_DELIVERY_EPISODE_ID,
    authorityId: demo.id,
    childId: child.id,
    placementId: null,
    reference: DEMO_EPISODE_REFERENCE,
    kind: 'M',
    state: 'closed',
    discoveredAt: discovered,
    lastSeenAt: at(-1),
    lastSeenWhere: 'Bus station',
    lastSeenBy: 'Carer',
    lastSeenClothing: 'Grey hoodie',
    reportedAt: at(0.1),
    reportedVia: 'sms',
    reportedByUserId: null,
    reportedByName: 'Demo Carer',
    reportedByMobile: '+447700900102',
    reportedToPoliceAt: at(0.2),
    policeReference: 'CAD-1234-DEMO',
    riskGrade: 'high',
    riskHighAt: at(0.5),
    highRiskFromStart: true,
    traffickingStatus: child.traffickingStatus,
    placementStartedAt: child.careStartedAt,
    repeatCount: 1,
    returnedAt: at(30),
    returnedWhere: 'Found by police at a car wash',
    returnedBy: 'Police',
    returnInterviewOfferedAt: at(40),
    returnInterviewHeldAt: at(60),
    returnInterviewBy: 'Independent return interviewer',
    closedAt: at(61),
    closeReason: 'Return interview held',
    policyCopy: defaultPolicy as never,
    visibleToRoles: ['police'],
    createdAt: at(0.1),
    updatedAt: at(61),
  } as never);
  const events: [number, string, string][] = [
    [
      0.1,
      'reported',
      'Reported missing by Demo Carer via sms. High risk from the first minute (trafficking suspected).',
    ],
    [0.2, 'police', 'Police informed: reference CAD-1234-DEMO, risk graded high.'],
    [30, 'returned', 'Returned: found by police at a car wash.'],
    [60, 'return_interview', 'Return interview held by an independent return interviewer.'],
    [61, 'closed', 'Closed: return interview held.'],
  ];
  for (const [hours, type, summary] of events) {
    await tx.insert(EpisodeEvent, {
      episodeId: DEMO_DELIVERY_EPISODE_ID,
      authorityId: demo.id,
      at: at(hours),
      type,
      summary,
    } as never);
  }
}
