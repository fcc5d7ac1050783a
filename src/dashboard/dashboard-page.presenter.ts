// Every string the dashboard shows: who is missing and for how long, the risk, who was alerted and
// whether each alert arrived, and the lists of work waiting. Times are in the authority's zone.
import { presentTodaysChecks } from '../bed-checks/todays-checks.presenter';
import type { Child } from '../children/child.entity';
import { stepName, withStepNames } from '../escalation/step-names';
import { alertStatus, channelNames, riskText } from '../missing/episode-page.presenter';
import type { MissingEpisode } from '../missing/missing-episode.entity';
import type { NotificationWithHistory } from '../notifications/notifications.service';
import { type Role, roleLabels } from '../platform/auth/roles';
import { englandDate } from '../platform/dates';
import { durationInWords } from '../platform/views/durations';
import { formatDate, formatDateTime } from '../platform/views/format';
import type { ChildOnDashboard, Dashboard, EpisodeOnDashboard } from './dashboard.service';

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

function missingRow(d: EpisodeOnDashboard, now: Date, tz: string, mayOpen: boolean) {
  const e = d.episode;
  return {
    href: mayOpen ? `/episodes/${e.id}` : null,
    reference: e.reference,
    child: childName(d.child, e.childReference),
    kind: e.kind === 'M' ? 'Missing' : 'Away without authorisation',
    missingFor: durationInWords(e.discoveredAt, now),
    discoveredAt: formatDateTime(e.discoveredAt, tz),
    risk: riskText(e),
    policeReference: e.policeReference ?? 'Not given yet',
    alerts: d.alerts?.map(alertRow) ?? null,
    acknowledge: (d.acknowledge ?? []).map((stepKey) => ({
      stepKey,
      name: stepName(stepKey),
      action: `/episodes/${e.id}/acknowledge`,
    })),
  };
}

/** A carer's or guardian's child: missing now (with the episode) or not, and the report link only when not. */
function childRow(c: ChildOnDashboard, now: Date, tz: string, opts: { report: boolean; open: boolean }) {
  const label = c.name ? `${c.name} (${c.reference})` : c.reference;
  return {
    label,
    name: c.name ?? c.reference,
    reference: c.reference,
    reportHref: opts.report && !c.missing ? `/children/${c.childId}/report-missing` : null,
    missing: c.missing && {
      reference: c.missing.reference,
      missingFor: durationInWords(c.missing.discoveredAt, now),
      since: formatDateTime(c.missing.discoveredAt, tz),
      risk: riskText(c.missing),
      href: opts.open ? `/episodes/${c.missing.id}` : null,
    },
  };
}

/** Where the missing list is empty, say what that means for this person: police and CEOP see only their alerts. */
const emptyMissing: Partial<Record<Role, string>> = {
  police:
    'No missing child has been alerted to the police from this service. Alerts reach you the moment a child is reported missing.',
  ceop:
    'No missing child has been escalated to CEOP. The service alerts CEOP when a child is still missing after 48 hours, ' +
    'or sooner if the authority’s policy says so.',
  guardian: 'None of the children you guard is missing.',
};

function interviewRow(e: MissingEpisode, child: Child | null, now: Date, tz: string, mayOpen = true) {
  const due = e.returnedAt ? new Date(e.returnedAt.getTime() + 72 * 3_600_000) : null;
  return {
    href: mayOpen ? `/episodes/${e.id}` : null,
    reference: e.reference,
    child: childName(child, e.childReference),
    returnedAt: formatDateTime(e.returnedAt, tz),
    dueBy: formatDateTime(due, tz),
    overdue: !!due && due < now,
  };
}

export function presentDashboard(d: Dashboard, tz: string, authorityName: string, role: Role) {
  const overdueInterviews = d.awaitingReturnInterview.filter(
    (x) => interviewRow(x.episode, x.child, d.now, tz).overdue,
  );
  return {
    authorityName,
    roleName: roleLabels[role],
    shownAt: formatDateTime(d.now, tz),
    missingHeading: d.alertedOnly ? 'Missing children alerted to you' : 'Missing now',
    missingEmpty: emptyMissing[role] ?? 'No child is missing.',
    missingNow: d.missingNow.map((x) => missingRow(x, d.now, tz, d.mayOpenEpisodes)),
    // Managers and administrators: what is overdue or failing, counted, before the lists.
    needsYou:
      d.failed === null
        ? null
        : [
            { count: d.missingNow.length, text: 'missing now', href: '#missing-now' },
            { count: overdueInterviews.length, text: 'return interviews overdue', href: '#return-interviews' },
            { count: d.plansDue?.length ?? 0, text: 'safeguarding plans due for review', href: '#plans-due' },
            {
              count: d.overdueActions?.length ?? 0,
              text: 'operational group actions overdue',
              href: '#actions-overdue',
            },
            {
              count: (d.failed?.length ?? 0) + (d.unreachedSteps?.length ?? 0),
              text: 'messages or alerts that failed',
              href: '#failed',
            },
          ].filter((x) => x.count > 0),
    guarded: d.guarded?.map((c) => childRow(c, d.now, tz, { report: false, open: true })) ?? null,
    group: d.group && {
      next: d.group.next && {
        when: formatDateTime(d.group.next.startsAt, tz),
        href: `/operational-group/meetings/${d.group.next.id}`,
        packSent: d.group.next.packSentAt ? formatDateTime(d.group.next.packSentAt, tz) : null,
      },
      myActions: d.group.myActions.map((a) => ({
        description: a.description,
        dueOn: formatDate(a.dueOn, tz),
        overdue: a.dueOn < englandDate(d.now),
        href: `/operational-group/meetings/${a.meetingId}#actions`,
      })),
    },
    awaitingReturnInterview: d.awaitingReturnInterview.map((x) =>
      interviewRow(x.episode, x.child, d.now, tz, d.mayOpenEpisodes),
    ),
    plansDue:
      d.plansDue?.map(({ plan, child }) => ({
        href: `/children/${plan.childId}`,
        child: childName(child, undefined),
        reviewOn: formatDate(plan.reviewOn, tz),
        version: plan.version,
      })) ?? null,
    failed:
      d.failed?.map((n) => ({
        href: n.notification.episodeId && d.mayOpenEpisodes ? `/episodes/${n.notification.episodeId}` : null,
        recipient: n.notification.recipientName,
        channel: channelNames[n.notification.channel],
        status: alertStatus(n.notification.status).text,
        at: formatDateTime(n.notification.createdAt, tz),
        error: n.notification.lastError ?? '',
        fallback: n.fallbackId ? 'Sent another way' : 'No other way tried',
      })) ?? null,
    unreachedSteps:
      d.unreachedSteps?.map((r) => ({
        href: d.mayOpenEpisodes ? `/episodes/${r.episodeId}` : null,
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
    caredFor: d.caredFor?.map((c) => childRow(c, d.now, tz, { report: true, open: false })) ?? null,
  };
}
