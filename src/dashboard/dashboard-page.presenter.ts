// Every string the dashboard shows: who is missing and for how long, the risk, who was alerted and
// whether each alert arrived, and the lists of work waiting. Times are in the authority's zone.
import { presentTodaysChecks } from '../bed-checks/todays-checks.presenter';
import type { Child } from '../children/child.entity';
import { stepName, withStepNames } from '../escalation/step-names';
import { alertStatus, channelNames, riskText } from '../missing/episode-page.presenter';
import type { MissingEpisode } from '../missing/missing-episode.entity';
import type { NotificationWithHistory } from '../notifications/notifications.service';
import { durationInWords } from '../platform/views/durations';
import { formatDate, formatDateTime } from '../platform/views/format';
import type { Dashboard, EpisodeOnDashboard } from './dashboard.service';

export const childName = (child: Child | null, reference: string | undefined) =>
  child ? `${child.firstNames} ${child.lastName} (${child.reference})` : `Child ${reference ?? ''}`.trim();

function alertRow(n: NotificationWithHistory) {
  const s = alertStatus(n.notification.status, n.notification.channel);
  return {
    recipient: n.notification.recipientName,
    channel: channelNames[n.notification.channel],
    status: s.text,
    tagClass: s.tagClass,
  };
}

function missingRow(d: EpisodeOnDashboard, now: Date, tz: string) {
  const e = d.episode;
  return {
    href: `/episodes/${e.id}`,
    reference: e.reference,
    child: childName(d.child, e.childReference),
    kind: e.kind === 'M' ? 'Missing' : 'Away without authorisation',
    missingFor: durationInWords(e.discoveredAt, now),
    discoveredAt: formatDateTime(e.discoveredAt, tz),
    risk: riskText(e),
    policeReference: e.policeReference ?? 'Not given yet',
    alerts: d.alerts?.map(alertRow) ?? null,
  };
}

function interviewRow(e: MissingEpisode, child: Child | null, now: Date, tz: string) {
  const due = e.returnedAt ? new Date(e.returnedAt.getTime() + 72 * 3_600_000) : null;
  return {
    href: `/episodes/${e.id}`,
    reference: e.reference,
    child: childName(child, e.childReference),
    returnedAt: formatDateTime(e.returnedAt, tz),
    dueBy: formatDateTime(due, tz),
    overdue: !!due && due < now,
  };
}

export function presentDashboard(d: Dashboard, tz: string, authorityName: string) {
  return {
    authorityName,
    shownAt: formatDateTime(d.now, tz),
    missingNow: d.missingNow.map((x) => missingRow(x, d.now, tz)),
    awaitingReturnInterview: d.awaitingReturnInterview.map((x) => interviewRow(x.episode, x.child, d.now, tz)),
    plansDue:
      d.plansDue?.map(({ plan, child }) => ({
        href: `/children/${plan.childId}`,
        child: childName(child, undefined),
        reviewOn: formatDate(plan.reviewOn, tz),
        version: plan.version,
      })) ?? null,
    failed:
      d.failed?.map((n) => ({
        href: n.notification.episodeId ? `/episodes/${n.notification.episodeId}` : null,
        recipient: n.notification.recipientName,
        channel: channelNames[n.notification.channel],
        status: alertStatus(n.notification.status).text,
        at: formatDateTime(n.notification.createdAt, tz),
        error: n.notification.lastError ?? '',
        fallback: n.fallbackId ? 'Sent another way' : 'No other way tried',
      })) ?? null,
    unreachedSteps:
      d.unreachedSteps?.map((r) => ({
        href: `/episodes/${r.episodeId}`,
        reference: r.episodeReference,
        step: stepName(r.stepKey, r.repeat),
        at: formatDateTime(r.ranAt, tz),
        summary: withStepNames(r.summary ?? 'FAILED: nobody to send to.'),
      })) ?? null,
    overdueActions:
      d.overdueActions?.map((a) => ({
        description: a.description,
        owner: a.ownerName,
        dueOn: formatDate(a.dueOn, tz),
      })) ?? null,
    missedBedChecks:
      d.missedBedChecks?.map(({ check, child }) => ({
        href: `/children/${check.childId}`,
        child: childName(child, undefined),
        dueAt: formatDateTime(check.dueAt, tz),
        status: !check.answeredAt
          ? 'No answer yet'
          : check.answer === 'yes'
            ? `Answered late (${formatDateTime(check.answeredAt, tz)}): home`
            : `Answered late (${formatDateTime(check.answeredAt, tz)}): not home`,
      })) ?? null,
    bedChecksToday: d.bedChecksToday.map(({ child, checks }) => ({
      child: childName(child, undefined),
      // A carer has no child's record page to go to; the staff do.
      href: child && !d.caredFor ? `/children/${child.id}#bed-checks` : null,
      rows: presentTodaysChecks(checks, tz),
    })),
    caredFor:
      d.caredFor?.map((c) => ({
        name: `${c.firstNames} ${c.lastName}`,
        reference: c.reference,
        reportHref: `/children/${c.id}/report-missing`,
      })) ?? null,
  };
}
