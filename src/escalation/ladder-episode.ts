// What the escalation ladder reads of an episode and its child: the runner depends on these fields,
// not on the missing-episode entity (which satisfies them, so a caller may pass the row it read).
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
