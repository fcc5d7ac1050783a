// Turns the pack's query rows into the pack record (JSON, frozen when sent) and the pack record into
// what the email templates show. References, ages, nationality, risk, dates and roles only: the pack
// is emailed to a distribution list, so names (children's, carers', professionals') stay in the service.
import { englishTranslator } from '../platform/i18n/shipped';
import { formatDate, formatDateTime } from '../platform/views/format';
import type { PackSections, Row } from './pack.repository';
import { roleLabel, storedRoleLabel } from './role-label';

export interface PackMeta {
  meetingId: string;
  authorityName: string;
  groupName: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  coversFrom: Date;
  coversTo: Date;
  today: string;
}

const iso = (v: unknown) => (v ? new Date(v as string | Date).toISOString() : null);

/** Age in whole years on `today` (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, today: string): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

// Who returned the child and the reason for closing are free text that can name people: the service shows them.
function endingKey(e: { returnedAt?: unknown; closedAt?: unknown }): string {
  if (e.returnedAt) return e.closedAt ? 'group.pack.ending.returnedClosed' : 'group.pack.ending.returned';
  if (e.closedAt) return 'group.pack.ending.closed';
  return 'group.pack.ending.stillMissing';
}
const ending = (e: Row) => englishTranslator().t(endingKey(e));

function childOf(r: Row, today: string) {
  return {
    childId: r.childId as string,
    childRef: r.childRef as string,
    age: ageOn(r.dateOfBirth as string, today),
    nationality: (r.nationality as string | null) ?? null,
    traffickingStatus: r.traffickingStatus as string,
  };
}

function episodeOf(e: Row, now: Date) {
  const end = e.returnedAt ?? e.closedAt;
  const hours = (new Date((end ?? now) as Date).getTime() - new Date(e.discoveredAt as Date).getTime()) / 3_600_000;
  return {
    episodeId: e.episodeId as string,
    episodeRef: e.episodeRef as string,
    kind: e.kind as string,
    discoveredAt: iso(e.discoveredAt)!,
    returnedAt: iso(e.returnedAt),
    closedAt: iso(e.closedAt),
    durationHours: Math.max(0, Math.round(hours)),
    ongoing: !end,
    riskGrade: (e.riskGrade as string | null) ?? null,
    highRiskFromStart: e.highRiskFromStart === true,
    policeReference: (e.policeReference as string | null) ?? null,
    ending: ending(e),
  };
}

export function buildPack(s: PackSections, meta: PackMeta) {
  const byChild = new Map<string, ReturnType<typeof childOf> & { episodes: ReturnType<typeof episodeOf>[] }>();
  for (const e of s.missing) {
    const key = e.childId as string;
    if (!byChild.has(key)) byChild.set(key, { ...childOf(e, meta.today), episodes: [] });
    byChild.get(key)!.episodes.push(episodeOf(e, meta.coversTo));
  }
  return {
    meetingId: meta.meetingId,
    authorityName: meta.authorityName,
    groupName: meta.groupName,
    startsAt: meta.startsAt.toISOString(),
    endsAt: meta.endsAt.toISOString(),
    location: meta.location,
    coversFrom: meta.coversFrom.toISOString(),
    coversTo: meta.coversTo.toISOString(),
    missingSinceLastMeeting: [...byChild.values()],
    stillMissing: s.stillMissing.map((e) => ({ ...childOf(e, meta.today), ...episodeOf(e, meta.coversTo) })),
    repeatMissers: s.repeatMissers.map((r) => ({
      ...childOf(r, meta.today),
      mostEpisodesIn30Days: r.mostInWindow as number,
    })),
    newArrivalsAtRisk: s.newArrivals.map((r) => ({
      ...childOf(r, meta.today),
      arrivalDate: r.arrivalDate as string | null,
      arrivalPort: r.arrivalPort as string | null,
      careStartedAt: iso(r.careStartedAt),
    })),
    returnInterviewsOverdue: s.interviews.map((e) => ({
      ...childOf(e, meta.today),
      episodeId: e.episodeId as string,
      episodeRef: e.episodeRef as string,
      returnedAt: iso(e.returnedAt),
      interviewDueAt: iso(e.interviewDueAt),
    })),
    plansDueForReview: s.plans.map((r) => ({
      ...childOf(r, meta.today),
      version: r.version as number,
      riskOfMissing: r.riskOfMissing as string,
      reviewOn: r.reviewOn as string,
    })),
    nrmDecisionsDue: s.nrm.map((r) => ({
      ...childOf(r, meta.today),
      nrmReference: r.nrmReference as string | null,
      decision: r.decision as string,
      // Only a reasonable-grounds decision has a deadline; a conclusive one has an earliest date.
      dueOn: r.dueOn as string,
      overdue: r.decision === 'reasonable_grounds' && (r.dueOn as string) < meta.today,
    })),
    failedNotifications: s.failed.map((r) => ({
      id: r.id as string,
      at: iso(r.at),
      channel: r.channel as string,
      recipientRole: roleLabel(r.recipientRole as string | null),
      template: r.template as string,
      status: r.status as string,
      reason: r.reason as string | null,
      episodeRef: r.episodeRef as string | null,
      childRef: r.childRef as string | null,
    })),
    openActions: s.actions.map((r) => ({
      id: r.id as string,
      description: r.description as string,
      ownerRole: roleLabel(r.ownerRole as string | null),
      dueOn: r.dueOn as string,
      overdue: r.overdue as boolean,
      childRef: r.childRef as string | null,
      agreedAt: iso(r.agreedAt),
    })),
  };
}

export type Pack = ReturnType<typeof buildPack>;

const DECISIONS = ['reasonable_grounds', 'conclusive_grounds'];

/**
 * The strings the pack shows, in the display time zone: the email's (English; a Welsh email names its
 * codes itself) or a page's in its language. A frozen pack's own English words are read back to codes.
 */
export function packTemplateData(pack: Pack, timeZone: string, serviceUrl: string, t = englishTranslator()) {
  const when = (d: string | null) => formatDateTime(d, timeZone, t.lang);
  const day = (d: string | null) => formatDate(d, timeZone, t.lang);
  const risk = (r: string | null) => (r ? t.t(`risk.${r}`) : t.t('group.pack.notGraded'));
  const episode = (e: Pack['stillMissing'][number] | Pack['missingSinceLastMeeting'][number]['episodes'][number]) => ({
    ...e,
    discovered: when(e.discoveredAt),
    duration: t.t(e.ongoing ? 'group.pack.hoursSoFar' : 'group.pack.hours', { hours: e.durationHours }),
    ending: t.t(endingKey(e)),
    // Trafficked or newly placed: high from the first minute until police grade it otherwise (a pack frozen before this
    // has no flag).
    risk:
      !e.riskGrade && (e as { highRiskFromStart?: boolean }).highRiskFromStart
        ? t.t('risk.highFromStart')
        : risk(e.riskGrade),
    policeReference: e.policeReference ?? t.t('group.noneRecorded'),
  });
  return {
    ...pack,
    serviceUrl,
    meetingTime: when(pack.startsAt),
    coversFromLabel: when(pack.coversFrom),
    coversToLabel: when(pack.coversTo),
    location: pack.location ?? t.t('group.toBeConfirmed'),
    missingSinceLastMeeting: pack.missingSinceLastMeeting.map((c) => ({
      ...c,
      nationality: c.nationality ?? t.t('common.notRecorded'),
      episodes: c.episodes.map(episode),
    })),
    stillMissing: pack.stillMissing.map(episode),
    returnInterviewsOverdue: pack.returnInterviewsOverdue.map((r) => ({
      ...r,
      returned: when(r.returnedAt),
      due: when(r.interviewDueAt),
    })),
    plansDueForReview: pack.plansDueForReview.map((r) => ({
      ...r,
      review: day(r.reviewOn),
      risk: risk(r.riskOfMissing),
    })),
    nrmDecisionsDue: pack.nrmDecisionsDue.map((r) => ({
      ...r,
      due: day(r.dueOn),
      decisionLabel: DECISIONS.includes(r.decision) ? t.t(`group.pack.decision.${r.decision}`) : r.decision,
    })),
    newArrivalsAtRisk: pack.newArrivalsAtRisk.map((r) => ({
      ...r,
      traffickingLabel: t.t(`trafficking.${r.traffickingStatus}`),
      arrived: r.arrivalDate ? day(r.arrivalDate) : t.t('common.notRecorded'),
      placed: when(r.careStartedAt),
    })),
    // Packs frozen before roles replaced names have no role: they render with the placeholder, never the name.
    failedNotifications: pack.failedNotifications.map((r) => ({
      ...r,
      when: when(r.at),
      episodeRef: r.episodeRef ?? '-',
      reason: r.reason ?? (t.lang === 'en' ? r.status : t.t(`status.${r.status}`)),
      channelLabel: t.t(`channel.${r.channel}`),
      recipientRole: storedRoleLabel(r.recipientRole as string | undefined, t),
    })),
    openActions: pack.openActions.map((r) => ({
      ...r,
      due: day(r.dueOn),
      childRef: r.childRef ?? '-',
      ownerRole: storedRoleLabel(r.ownerRole as string | undefined, t),
    })),
  };
}
