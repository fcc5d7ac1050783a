// What the escalation ladder reads of an episode and its child: the runner depends on these fields,
// not on the missing-episode entity (which satisfies them, so a caller may pass the row it read).
import type { EpisodeSnapshot } from './due-steps';
import type { PolicySnapshot, RiskGrade } from './escalation-policy';

export interface LadderEpisode {
  id: string;
  authorityId: string;
  childId: string;
  placementId: string | null;
  reference: string;
  kind: 'M' | 'A';
  discoveredAt: Date;
  lastSeenAt: Date | null;
  reportedAt: Date;
  missingSince: Date | null;
  reportedByMobile: string | null;
  policeReference: string | null;
  riskGrade: RiskGrade | null;
  riskHighAt: Date | null;
  highRiskFromStart: boolean;
  traffickingStatus: string;
  placementStartedAt: Date | null;
  repeatCount: number;
  parentNoticeSuppressedReason: string | null;
  returnedAt: Date | null;
  returnInterviewHeldAt: Date | null;
  returnInterviewDeclined: boolean;
  returnInterviewReasonNotHeld: string | null;
  closedAt: Date | null;
  visibleToRoles: string[];
  /** The policy it runs under: its own copy, or the saved version it names. */
  policy: PolicySnapshot;
  /** There when the episode was read with its child (a sweep's batch); otherwise the runner reads it. */
  child?: LadderChild;
}

/** What the ladder reads of the child and its authority: a reference and names for messages, never the child's name. */
export interface LadderChild {
  id: string;
  reference: string;
  social_worker_id: string | null;
  authority_name: string;
}

/**
 * The risk a message states: the police grade once police have graded it (a repeat after a medium
 * grade must not still say HIGH RISK), and high before that for a child high risk from the first minute.
 * The ladder's own conditions keep effectiveRisk: a child high risk from the start stays on the high-risk ladder.
 */
export function messageRisk(e: Pick<LadderEpisode, 'riskGrade' | 'highRiskFromStart'>): RiskGrade | null {
  return e.riskGrade ?? (e.highRiskFromStart ? 'high' : null);
}

export function snapshotOf(e: LadderEpisode, acknowledgedSteps: string[]): EpisodeSnapshot {
  return {
    kind: e.kind,
    missingSince: e.missingSince,
    discoveredAt: e.discoveredAt,
    reportedAt: e.reportedAt,
    returnedAt: e.returnedAt,
    closedAt: e.closedAt,
    riskHighAt: e.riskHighAt,
    riskGrade: e.riskGrade,
    highRiskFromStart: e.highRiskFromStart,
    traffickingStatus: e.traffickingStatus,
    placementStartedAt: e.placementStartedAt,
    repeatCount: e.repeatCount,
    returnInterviewPending: !e.returnInterviewHeldAt && !e.returnInterviewDeclined && !e.returnInterviewReasonNotHeld,
    acknowledgedSteps,
  };
}
