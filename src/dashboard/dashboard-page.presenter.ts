// Every string the dashboard shows: who is missing and for how long, the risk, who was alerted and
// whether each alert arrived, and the lists of work waiting. Times are in the authority's zone.
import { presentTodaysChecks } from '../bed-checks/todays-checks.presenter';
import type { Child } from '../children/child.entity';
import { stepName } from '../escalation/step-names';
import { alertStatus, channelName, riskText } from '../missing/episode-page.presenter';
import type { MissingEpisode } from '../missing/missing-episode.entity';
import { timelineText } from '../missing/timeline-page';
import type { NotificationWithHistory } from '../notifications/notifications.service';
import type { Role } from '../platform/auth/roles';
import { englandDate } from '../platform/dates';
import type { Translator } from '../platform/i18n/catalogue';
import { englishTranslator } from '../platform/i18n/shipped';
import { durationInWords } from '../platform/views/durations';
import { formatDate, formatDateTime } from '../platform/views/format';
import type { ChildOnDashboard, Dashboard, EpisodeOnDashboard } from './dashboard.service';

export const childName = (child: Child | null, reference: string | undefined, tr: Translator = englishTranslator()) =>
  child
    ? `${child.firstNames} ${child.lastName} (${child.reference})`
    : tr.t('episode.childRef', { reference: reference ?? '' }).trim();

function alertRow(n: NotificationWithHistory, tr: Translator) {
  const s = alertStatus(n.notification.status, n.notification.channel, tr);
  return {
    recipient: n.notification.recipientName,
    channel: channelName(n.notification.channel, tr),
    status: s.text,
    tagClass: s.tagClass,
  };
}

function missingRow(d: EpisodeOnDashboard, now: Date, tz: string, mayOpen: boolean, tr: Translator) {
  const e = d.episode;
  return {
    href: mayOpen ? `/episodes/${e.id}` : null,
    reference: e.reference,
    child: childName(d.child, e.childReference, tr),
    kind: tr.t(e.kind === 'M' ? 'dashboard.kindM' : 'dashboard.kindA'),
    missingFor: durationInWords(e.discoveredAt, now, tr),
    discoveredAt: formatDateTime(e.discoveredAt, tz, tr.lang),
    risk: riskText(e, tr),
    policeReference: e.policeReference ?? tr.t('dashboard.notGivenYet'),
    alerts: d.alerts?.map((n) => alertRow(n, tr)) ?? null,
    acknowledge: (d.acknowledge ?? []).map((stepKey) => ({
      stepKey,
      name: stepName(stepKey, undefined, tr),
      action: `/episodes/${e.id}/acknowledge`,
    })),
  };
}

/** A carer's or guardian's child: missing now (with the episode) or not, and the report link only when not. */
function childRow(
  c: ChildOnDashboard,
  now: Date,
  tz: string,
  opts: { report: boolean; open: boolean },
  tr: Translator,
) {
  const label = c.name ? `${c.name} (${c.reference})` : c.reference;
  return {
    label,
    name: c.name ?? c.reference,
    reference: c.reference,
    reportHref: opts.report && !c.missing ? `/children/${c.childId}/report-missing` : null,
    missing: c.missing && {
      reference: c.missing.reference,
      missingFor: durationInWords(c.missing.discoveredAt, now, tr),
      since: formatDateTime(c.missing.discoveredAt, tz, tr.lang),
      risk: riskText(c.missing, tr),
      href: opts.open ? `/episodes/${c.missing.id}` : null,
    },
  };
}

/** Where the missing list is empty, say what that means for this person: police and CEOP see only their alerts. */
const emptyMissing: Partial<Record<Role, string>> = {
  police: 'dashboard.emptyPolice',
  ceop: 'dashboard.emptyCeop',
  guardian: 'dashboard.emptyGuardian',
};

function interviewRow(
  e: MissingEpisode,
  child: Child | null,
  now: Date,
  tz: string,
  mayOpen = true,
  tr: Translator = englishTranslator(),
) {
  const due = e.returnedAt ? new Date(e.returnedAt.getTime() + 72 * 3_600_000) : null;
  return {
    href: mayOpen ? `/episodes/${e.id}` : null,
    reference: e.reference,
    child: childName(child, e.childReference, tr),
    returnedAt: formatDateTime(e.returnedAt, tz, tr.lang),
    dueBy: formatDateTime(due, tz, tr.lang),
    overdue: !!due && due < now,
  };
}

export function presentDashboard(
  d: Dashboard,
  tz: string,
  authorityName: string,
  role: Role,
  tr: Translator = englishTranslator(),
) {
  const { t, lang } = tr;
  const dt = (x: Date | null | undefined) => formatDateTime(x, tz, lang);
  const day = (x: string) => formatDate(x, tz, lang);
  const overdueInterviews = d.awaitingReturnInterview.filter(
    (x) => interviewRow(x.episode, x.child, d.now, tz, true, tr).overdue,
  );
  return {
    authorityName,
    shownAt: dt(d.now),
    missingHeading: t(d.alertedOnly ? 'dashboard.missingAlerted' : 'dashboard.missingNow'),
    missingEmpty: t(emptyMissing[role] ?? 'dashboard.emptyMissing'),
    missingNow: d.missingNow.map((x) => missingRow(x, d.now, tz, d.mayOpenEpisodes, tr)),
    // Managers and administrators: what is overdue or failing, counted, before the lists.
    needsYou:
      d.failed === null
        ? null
        : [
            { count: d.missingNow.length, key: 'dashboard.needs.missing', href: '#missing-now' },
            { count: overdueInterviews.length, key: 'dashboard.needs.interviews', href: '#return-interviews' },
            { count: d.plansDue?.length ?? 0, key: 'dashboard.needs.plans', href: '#plans-due' },
            { count: d.overdueActions?.length ?? 0, key: 'dashboard.needs.actions', href: '#actions-overdue' },
            {
              count: (d.failed?.length ?? 0) + (d.unreachedSteps?.length ?? 0),
              key: 'dashboard.needs.failed',
              href: '#failed',
            },
          ]
            .filter((x) => x.count > 0)
            .map(({ count, key, href }) => ({ text: t(key, { count }), href })),
    guarded: d.guarded?.map((c) => childRow(c, d.now, tz, { report: false, open: true }, tr)) ?? null,
    group: d.group && {
      next: d.group.next && {
        when: dt(d.group.next.startsAt),
        href: `/operational-group/meetings/${d.group.next.id}`,
        packSent: d.group.next.packSentAt ? dt(d.group.next.packSentAt) : null,
      },
      myActions: d.group.myActions.map((a) => ({
        description: a.description,
        dueOn: day(a.dueOn),
        overdue: a.dueOn < englandDate(d.now),
        href: `/operational-group/meetings/${a.meetingId}#actions`,
      })),
    },
    awaitingReturnInterview: d.awaitingReturnInterview.map((x) =>
      interviewRow(x.episode, x.child, d.now, tz, d.mayOpenEpisodes, tr),
    ),
    plansDue:
      d.plansDue?.map(({ plan, child }) => ({
        href: `/children/${plan.childId}`,
        child: childName(child, undefined, tr),
        reviewOn: day(plan.reviewOn),
        version: plan.version,
      })) ?? null,
    failed:
      d.failed?.map((n) => ({
        href: n.notification.episodeId && d.mayOpenEpisodes ? `/episodes/${n.notification.episodeId}` : null,
        recipient: n.notification.recipientName,
        channel: channelName(n.notification.channel, tr),
        status: alertStatus(n.notification.status, 'sms', tr).text,
        at: dt(n.notification.createdAt),
        error: n.notification.lastError ?? '',
        fallback: t(n.fallbackId ? 'dashboard.sentAnotherWay' : 'dashboard.noOtherWay'),
      })) ?? null,
    unreachedSteps:
      d.unreachedSteps?.map((r) => ({
        href: d.mayOpenEpisodes ? `/episodes/${r.episodeId}` : null,
        reference: r.episodeReference,
        step: stepName(r.stepKey, r.repeat, tr),
        at: dt(r.ranAt),
        ...(r.summary ? timelineText(r, tr) : { summary: null, english: false }),
      })) ?? null,
    overdueActions:
      d.overdueActions?.map((a) => ({
        description: a.description,
        owner: a.ownerName,
        dueOn: day(a.dueOn),
      })) ?? null,
    missedBedChecks:
      d.missedBedChecks?.map(({ check, child }) => ({
        href: `/children/${check.childId}`,
        child: childName(child, undefined, tr),
        dueAt: dt(check.dueAt),
        status: !check.answeredAt
          ? t('dashboard.noAnswerYet')
          : t(check.answer === 'yes' ? 'dashboard.lateHome' : 'dashboard.lateNotHome', { at: dt(check.answeredAt) }),
      })) ?? null,
    bedChecksToday: d.bedChecksToday.map(({ child, checks }) => ({
      child: childName(child, undefined, tr),
      // A carer has no child's record page to go to; the staff do.
      href: child && !d.caredFor ? `/children/${child.id}#bed-checks` : null,
      rows: presentTodaysChecks(checks, tz, tr),
    })),
    caredFor: d.caredFor?.map((c) => childRow(c, d.now, tz, { report: true, open: false }, tr)) ?? null,
  };
}
