// Every string the episode page shows: the episode's facts, its timeline, the escalation steps
// fired and skipped with reasons, each message and its delivery, and which forms apply now.
import type { Child } from '../children/child.entity';
import type { EscalationRun } from '../escalation/escalation-run.entity';
import { stepName, withStepNames } from '../escalation/step-names';
import type { Channel, NotificationStatus } from '../notifications/notification.entity';
import type { NotificationWithHistory } from '../notifications/notifications.service';
import { durationInWords } from '../platform/views/durations';
import { formatDateTime } from '../platform/views/format';
import { presentCall } from '../voice/call.presenter';
import type { TimelineLine } from './episode-timeline';
import type { EpisodeState, MissingEpisode, RiskGradeChange } from './missing-episode.entity';

const statusText: Record<NotificationStatus, { text: string; tagClass: string }> = {
  queued: { text: 'Waiting to send', tagClass: 'govuk-tag--grey' },
  sending: { text: 'Sending', tagClass: 'govuk-tag--grey' },
  sent: { text: 'Sent, not yet delivered', tagClass: 'govuk-tag--blue' },
  delivered: { text: 'Delivered', tagClass: 'govuk-tag--green' },
  acknowledged: { text: 'Acknowledged', tagClass: 'govuk-tag--turquoise' },
  undelivered: { text: 'Not delivered', tagClass: 'govuk-tag--red' },
  failed: { text: 'Failed', tagClass: 'govuk-tag--red' },
  cancelled: { text: 'Cancelled', tagClass: 'govuk-tag--grey' },
};
// A call is "sent" while it rings and "delivered" once answered; only pressing 1 acknowledges it.
const callStatusText: Partial<Record<NotificationStatus, { text: string; tagClass: string }>> = {
  sent: { text: 'Calling', tagClass: 'govuk-tag--blue' },
  delivered: { text: 'Answered, not yet accepted', tagClass: 'govuk-tag--blue' },
  failed: { text: 'Not accepted (no answer, busy, voicemail or no key)', tagClass: 'govuk-tag--red' },
};
export const channelNames: Record<Channel, string> = { sms: 'Text message', email: 'Email', voice: 'Phone call' };
// Email has no delivery receipt: "sent" means the mail server accepted it.
export const alertStatus = (s: NotificationStatus, channel: Channel = 'sms') =>
  channel === 'email' && s === 'sent'
    ? { text: 'Accepted by the mail server', tagClass: 'govuk-tag--blue' }
    : ((channel === 'voice' ? callStatusText[s] : undefined) ??
      statusText[s] ?? { text: s, tagClass: 'govuk-tag--grey' });

const runOutcomeText: Record<EscalationRun['outcome'], string> = {
  fired: 'Sent',
  skipped: 'Skipped',
  unreached: 'FAILED: nobody to send to',
};
const runName = (r: EscalationRun) => stepName(r.stepKey, r.repeat);

const riskNames: Record<string, string> = { very_low: 'Very low', low: 'Low', medium: 'Medium', high: 'High' };
export function riskText(e: Pick<MissingEpisode, 'riskGrade' | 'highRiskFromStart'>): string {
  if (e.riskGrade) return `${riskNames[e.riskGrade] ?? e.riskGrade} (police grade)`;
  return e.highRiskFromStart ? 'High from the first minute (not yet graded by police)' : 'Not yet graded by police';
}

const stateText: Record<EpisodeState, string> = {
  reported: 'Missing: reported',
  police_informed: 'Missing: police informed',
  returned: 'Returned',
  return_interview_due: 'Returned: return interview due',
  return_interview_held: 'Return interview held',
  closed: 'Closed',
};

export interface EpisodePageData {
  episode: MissingEpisode;
  child: Child | null;
  timeline: TimelineLine[];
  runs: EscalationRun[];
  riskGrades: RiskGradeChange[];
  alerts: NotificationWithHistory[] | null;
  now: Date;
  /** Steps whose alert waits for acknowledgement; empty unless the caller may acknowledge. */
  pendingAcks: string[];
}

export function presentEpisodePage(
  d: EpisodePageData,
  tz: string,
  can: { update: boolean; police: boolean; close: boolean; acknowledge?: boolean },
  /** For calls: the TwiML of a recorded call names the service's own URLs. */
  publicBaseUrl = '',
) {
  const e = d.episode;
  const dt = (x: Date | null) => formatDateTime(x, tz);
  const missing = e.state === 'reported' || e.state === 'police_informed';
  const row = (key: string, value: string | null | undefined) => ({
    key: { text: key },
    value: { text: value || 'Not recorded' },
  });
  return {
    id: e.id,
    reference: e.reference,
    state: stateText[e.state],
    missing,
    shownAt: dt(d.now),
    child: d.child
      ? {
          name: `${d.child.firstNames} ${d.child.lastName}`,
          reference: d.child.reference,
          href: `/children/${d.child.id}`,
        }
      : { name: `Child ${e.childReference ?? ''}`.trim(), reference: e.childReference ?? '', href: null },
    summary: [
      row('Kind', e.kind === 'M' ? 'Missing (whereabouts unknown)' : 'Away without authorisation (whereabouts known)'),
      row('State', stateText[e.state]),
      row('Discovered', dt(e.discoveredAt)),
      row(missing ? 'Missing for' : 'Was missing for', durationInWords(e.discoveredAt, e.returnedAt ?? d.now)),
      row(
        'Last seen',
        [dt(e.lastSeenAt), e.lastSeenWhere, e.lastSeenBy && `by ${e.lastSeenBy}`].filter(Boolean).join(', '),
      ),
      row('Clothing', e.lastSeenClothing),
      row('Reported by', `${e.reportedByName} (${e.reportedVia === 'sms' ? 'text message' : e.reportedVia})`),
      row('Risk', riskText(e)),
      row('Reported to police', dt(e.reportedToPoliceAt)),
      row('Police reference', e.policeReference),
      row(
        'Returned',
        e.returnedAt
          ? [dt(e.returnedAt), e.returnedWhere, e.returnedBy && `by ${e.returnedBy}`].filter(Boolean).join(', ')
          : null,
      ),
      row('Return interview', returnInterviewText(e, dt)),
      row('Closed', e.closedAt ? [dt(e.closedAt), e.closeReason].filter(Boolean).join(': ') : null),
    ],
    timeline: d.timeline.map((t) => ({ at: dt(t.at), summary: withStepNames(t.summary), by: t.actorName ?? '' })),
    steps: d.runs.map((r) => ({
      step: runName(r),
      outcome: runOutcomeText[r.outcome],
      failed: r.outcome === 'unreached',
      reason: withStepNames((r.outcome === 'unreached' ? r.summary : r.reason) ?? ''),
      at: dt(r.ranAt),
    })),
    // A step with nobody to send to is a failure shown at the top of the page, never "sent".
    failedSteps: d.runs
      .filter((r) => r.outcome === 'unreached')
      .map((r) => ({ step: runName(r), at: dt(r.ranAt), summary: withStepNames(r.summary ?? '') })),
    riskGrades: d.riskGrades.map((g) => ({
      at: dt(g.gradedAt),
      grade: riskNames[g.grade] ?? g.grade,
      by: g.gradedByName ?? '',
      reason: g.reason,
    })),
    alerts:
      d.alerts?.map(({ notification: n, events }) => ({
        recipient: n.recipientName,
        channel: channelNames[n.channel],
        ...alertStatus(n.status, n.channel),
        step: stepName(n.stepKey),
        history: events.map(
          (ev) =>
            `${dt(ev.at)}: ${alertStatus(ev.status as NotificationStatus, n.channel).text}${eventDetail(ev.detail)}`,
        ),
        call: presentCall(n, publicBaseUrl),
      })) ?? null,
    // One button per step: the alert's repeats stop for everyone, as an SMS ACK stops them.
    acknowledge:
      can.acknowledge && !e.closedAt
        ? d.pendingAcks.map((stepKey) => ({
            stepKey,
            name: stepName(stepKey),
            action: `/episodes/${e.id}/acknowledge`,
          }))
        : [],
    forms: {
      police: can.police && e.state !== 'closed',
      found: can.update && missing,
      changeToMissing: can.update && missing && e.kind === 'A',
      returnInterview: can.update && (e.state === 'returned' || e.state === 'return_interview_due'),
      close: can.close && e.state !== 'closed',
    },
  };
}

/** A delivery event's note; a bare step key (the row already names the step) is left out. */
function eventDetail(detail: string | null): string {
  if (!detail || /^[a-z0-9_]+(#\d+)?$/.test(detail)) return '';
  return ` (${withStepNames(detail)})`;
}

function returnInterviewText(e: MissingEpisode, dt: (x: Date | null) => string): string | null {
  if (e.returnInterviewHeldAt)
    return `Held ${dt(e.returnInterviewHeldAt)}${e.returnInterviewBy ? ` by ${e.returnInterviewBy}` : ''}`;
  if (e.returnInterviewDeclined) return 'Declined by the child';
  if (e.returnInterviewReasonNotHeld) return `Not held: ${e.returnInterviewReasonNotHeld}`;
  if (e.returnInterviewOfferedAt) return `Offered ${dt(e.returnInterviewOfferedAt)}`;
  return e.returnedAt ? `Due by ${dt(new Date(e.returnedAt.getTime() + 72 * 3_600_000))}` : null;
}
