// The JSON shapes of a missing episode: the summary in lists, and the full record with its
// timeline and escalation steps (fired or skipped, with the reason for each).
import type { EscalationRun } from '../escalation/escalation-run.entity';
import type { TimelineLine } from './episode-timeline';
import type { MissingEpisode, RiskGradeChange } from './missing-episode.entity';

export function presentEpisodeSummary(e: MissingEpisode) {
  return {
    id: e.id,
    reference: e.reference,
    childId: e.childId,
    childReference: e.childReference,
    kind: e.kind,
    state: e.state,
    discoveredAt: e.discoveredAt,
    reportedAt: e.reportedAt,
    riskGrade: e.riskGrade,
    highRiskFromStart: e.highRiskFromStart,
    policeReference: e.policeReference,
    returnedAt: e.returnedAt,
    closedAt: e.closedAt,
    nextEscalationAt: e.nextEscalationAt,
  };
}

export function presentEpisode(e: MissingEpisode) {
  return {
    ...presentEpisodeSummary(e),
    lastSeen: { at: e.lastSeenAt, where: e.lastSeenWhere, by: e.lastSeenBy, clothing: e.lastSeenClothing },
    reportedVia: e.reportedVia,
    reportedBy: e.reportedByName,
    reportedToPoliceAt: e.reportedToPoliceAt,
    traffickingStatus: e.traffickingStatus,
    repeatCount: e.repeatCount,
    parentNoticeSuppressedReason: e.parentNoticeSuppressedReason,
    returned: { at: e.returnedAt, where: e.returnedWhere, by: e.returnedBy },
    preventionInterview: { at: e.preventionInterviewAt, by: e.preventionInterviewBy },
    returnInterview: {
      dueBy: e.returnedAt ? new Date(e.returnedAt.getTime() + 72 * 3_600_000) : null,
      offeredAt: e.returnInterviewOfferedAt,
      heldAt: e.returnInterviewHeldAt,
      by: e.returnInterviewBy,
      declined: e.returnInterviewDeclined,
      attempts: e.returnInterviewAttempts,
      reasonNotHeld: e.returnInterviewReasonNotHeld,
    },
    closeReason: e.closeReason,
    policyVersion: e.policy.version,
  };
}

export function presentEpisodeDetail(d: {
  episode: MissingEpisode;
  timeline: TimelineLine[];
  runs: EscalationRun[];
  riskGrades: RiskGradeChange[];
}) {
  return {
    ...presentEpisode(d.episode),
    riskGradeHistory: d.riskGrades.map((g) => ({
      grade: g.grade,
      previousGrade: g.previousGrade,
      reason: g.reason,
      by: g.gradedByName,
      at: g.gradedAt,
    })),
    steps: d.runs.map((r) => ({
      stepKey: r.stepKey,
      repeat: r.repeat,
      outcome: r.outcome,
      reason: r.reason,
      dueAt: r.dueAt,
      ranAt: r.ranAt,
      notifications: r.notifications,
    })),
    timeline: d.timeline.map((t) => ({
      at: t.at,
      type: t.type,
      summary: t.summary,
      by: t.actorName,
      stepKey: t.stepKey,
      repeat: t.repeat,
    })),
  };
}
