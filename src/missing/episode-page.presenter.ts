// Every string the episode page shows: the episode's facts, its timeline, the escalation steps
// fired and skipped with reasons, each message and its delivery, and which forms apply now.
import type { Child } from '../children/child.entity';
import type { EscalationRun } from '../escalation/escalation-run.entity';
import { stepName, withStepNames } from '../escalation/step-names';
import type { Channel, NotificationStatus } from '../notifications/notification.entity';
import type { NotificationWithHistory } from '../notifications/notifications.service';
import type { Translator } from '../platform/i18n/catalogue';
import { englishTranslator } from '../platform/i18n/shipped';
import { durationInWords } from '../platform/views/durations';
import { formatDateTime } from '../platform/views/format';
import { presentCall } from '../voice/call.presenter';
import type { TimelineLine } from './episode-timeline';
import type { EpisodeState, MissingEpisode, RiskGradeChange } from './missing-episode.entity';
import { closeReasonText, stepReason, timelineText } from './timeline-page';

const tagOf: Record<NotificationStatus, string> = {
  queued: 'govuk-tag--grey',
  sending: 'govuk-tag--grey',
  sent: 'govuk-tag--blue',
  delivered: 'govuk-tag--green',
  acknowledged: 'govuk-tag--turquoise',
  undelivered: 'govuk-tag--red',
  failed: 'govuk-tag--red',
  cancelled: 'govuk-tag--grey',
};
// A call is "sent" while it rings and "delivered" once answered; only pressing 1 acknowledges it.
const callStatuses: NotificationStatus[] = ['sent', 'delivered', 'failed'];
export const channelName = (c: Channel, tr: Translator = englishTranslator()) => tr.t(`channel.${c}`);
export const channelNames: Record<Channel, string> = {
  sms: channelName('sms'),
  email: channelName('email'),
  voice: channelName('voice'),
};
// Email has no delivery receipt: "sent" means the mail server accepted it.
export function alertStatus(s: NotificationStatus, channel: Channel = 'sms', tr: Translator = englishTranslator()) {
  if (!(s in tagOf)) return { text: s, tagClass: 'govuk-tag--grey' };
  if (channel === 'email' && s === 'sent') return { text: tr.t('status.emailSent'), tagClass: 'govuk-tag--blue' };
  if (channel === 'voice' && callStatuses.includes(s))
    return { text: tr.t(`callStatus.${s}`), tagClass: s === 'failed' ? 'govuk-tag--red' : 'govuk-tag--blue' };
  return { text: tr.t(`status.${s}`), tagClass: tagOf[s] };
}

const riskGradeNames = ['very_low', 'low', 'medium', 'high'];
const riskName = (grade: string, tr: Translator) => (riskGradeNames.includes(grade) ? tr.t(`risk.${grade}`) : grade);
export function riskText(
  e: Pick<MissingEpisode, 'riskGrade' | 'highRiskFromStart'>,
  tr: Translator = englishTranslator(),
): string {
  if (e.riskGrade) return tr.t('risk.policeGrade', { grade: riskName(e.riskGrade, tr) });
  return tr.t(e.highRiskFromStart ? 'risk.highFromStart' : 'risk.notGraded');
}

const stateText = (s: EpisodeState, tr: Translator) => tr.t(`state.${s}`);

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
  can: { update: boolean; police: boolean; close: boolean; acknowledge?: boolean; undoReturn?: boolean },
  /** For calls: the TwiML of a recorded call names the service's own URLs. */
  publicBaseUrl = '',
  tr: Translator = englishTranslator(),
) {
  const { t } = tr;
  const e = d.episode;
  const dt = (x: Date | null) => formatDateTime(x, tz, tr.lang);
  const missing = e.state === 'reported' || e.state === 'police_informed';
  const row = (key: string, value: string | null | undefined) => ({
    key: { text: t(key) },
    value: { text: value || t('common.notRecorded') },
  });
  const by = (name: string | null | undefined) => name && t('common.byName', { name });
  const runName = (r: EscalationRun) => stepName(r.stepKey, r.repeat, tr);
  return {
    id: e.id,
    reference: e.reference,
    state: stateText(e.state, tr),
    missing,
    shownAt: dt(d.now),
    child: d.child
      ? {
          name: `${d.child.firstNames} ${d.child.lastName}`,
          reference: d.child.reference,
          href: `/children/${d.child.id}`,
        }
      : {
          name: t('episode.childRef', { reference: e.childReference ?? '' }).trim(),
          reference: e.childReference ?? '',
          href: null,
        },
    summary: [
      row('episode.row.kind', t(e.kind === 'M' ? 'episode.kindM' : 'episode.kindA')),
      row('episode.row.state', stateText(e.state, tr)),
      row('episode.row.discovered', dt(e.discoveredAt)),
      row(
        missing ? 'episode.row.missingFor' : 'episode.row.wasMissingFor',
        durationInWords(e.discoveredAt, e.returnedAt ?? d.now, tr),
      ),
      row('episode.row.lastSeen', [dt(e.lastSeenAt), e.lastSeenWhere, by(e.lastSeenBy)].filter(Boolean).join(', ')),
      row('episode.row.clothing', e.lastSeenClothing),
      row('episode.row.reportedBy', `${e.reportedByName} (${t(`via.${e.reportedVia}`)})`),
      row('episode.row.risk', riskText(e, tr)),
      row('episode.row.reportedToPolice', dt(e.reportedToPoliceAt)),
      row('episode.row.policeReference', e.policeReference),
      row(
        'episode.row.returned',
        e.returnedAt ? [dt(e.returnedAt), e.returnedWhere, by(e.returnedBy)].filter(Boolean).join(', ') : null,
      ),
      row('episode.row.returnInterview', returnInterviewText(e, dt, tr)),
      row(
        'episode.row.closed',
        e.closedAt ? [dt(e.closedAt), closeReasonText(e.closeReason, tr)].filter(Boolean).join(': ') : null,
      ),
    ],
    timeline: d.timeline.map((l) => ({ at: dt(l.at), ...timelineText(l, tr), by: l.actorName ?? '' })),
    steps: d.runs.map((r) => ({
      step: runName(r),
      outcome: t(`run.${r.outcome}`),
      failed: r.outcome === 'unreached',
      ...stepReason(r, tr),
      at: dt(r.ranAt),
    })),
    // A step with nobody to send to is a failure shown at the top of the page, never "sent".
    failedSteps: d.runs
      .filter((r) => r.outcome === 'unreached')
      .map((r) => ({ step: runName(r), at: dt(r.ranAt), ...timelineText(r, tr) })),
    riskGrades: d.riskGrades.map((g) => ({
      at: dt(g.gradedAt),
      grade: riskName(g.grade, tr),
      by: g.gradedByName ?? '',
      reason: g.reason,
    })),
    alerts:
      d.alerts?.map(({ notification: n, events }) => ({
        recipient: n.recipientName,
        channel: channelName(n.channel, tr),
        ...alertStatus(n.status, n.channel, tr),
        step: stepName(n.stepKey, undefined, tr),
        history: events.map(
          (ev) =>
            `${dt(ev.at)}: ${alertStatus(ev.status as NotificationStatus, n.channel, tr).text}${eventDetail(ev.detail)}`,
        ),
        call: presentCall(n, publicBaseUrl),
      })) ?? null,
    // One button per step: the alert's repeats stop for everyone, as an SMS ACK stops them.
    acknowledge:
      can.acknowledge && !e.closedAt
        ? d.pendingAcks.map((stepKey) => ({
            stepKey,
            name: stepName(stepKey, undefined, tr),
            action: `/episodes/${e.id}/acknowledge`,
          }))
        : [],
    forms: {
      police: can.police && e.state !== 'closed',
      found: can.update && missing,
      changeToMissing: can.update && missing && e.kind === 'A',
      returnInterview: can.update && (e.state === 'returned' || e.state === 'return_interview_due'),
      close: can.close && e.state !== 'closed',
      // A return recorded by mistake (wrong child, wrong episode) is undone by a manager while no interview is held.
      undoReturn: !!can.undoReturn && (e.state === 'returned' || e.state === 'return_interview_due'),
    },
  };
}

/** A delivery event's note; a bare step key (the row already names the step) is left out. */
function eventDetail(detail: string | null): string {
  if (!detail || /^[a-z0-9_]+(#\d+)?$/.test(detail)) return '';
  return ` (${withStepNames(detail)})`;
}

function returnInterviewText(e: MissingEpisode, dt: (x: Date | null) => string, { t }: Translator): string | null {
  if (e.returnInterviewHeldAt)
    return e.returnInterviewBy
      ? t('ri.heldBy', { at: dt(e.returnInterviewHeldAt), name: e.returnInterviewBy })
      : t('ri.held', { at: dt(e.returnInterviewHeldAt) });
  if (e.returnInterviewDeclined) return t('ri.declined');
  if (e.returnInterviewReasonNotHeld) return t('ri.notHeld', { reason: e.returnInterviewReasonNotHeld });
  if (e.returnInterviewOfferedAt) return t('ri.offered', { at: dt(e.returnInterviewOfferedAt) });
  return e.returnedAt ? t('ri.dueBy', { at: dt(new Date(e.returnedAt.getTime() + 72 * 3_600_000)) }) : null;
}
