// Every value the signed-link pages show: the missing profile for officers (photograph first, the
// duty number to call back, sightings and carers' updates, the current police grade), and the page
// that says a link no longer works and whom to call instead.
import { riskText } from '../missing/episode-page.presenter';
import { timelineText } from '../missing/timeline-page';
import type { Translator } from '../platform/i18n/catalogue';
import type { ProfileView, RefusalDetails } from './missing-profile-link.service';

/** A UK number as people dial it (07700 900203); anything else as stored. */
export function dialled(e164: string | null | undefined): { text: string; href: string } | null {
  if (!e164) return null;
  const uk = /^\+44(\d{4})(\d{6})$/.exec(e164);
  return { text: uk ? `0${uk[1]} ${uk[2]}` : e164, href: `tel:${e164}` };
}

const locales = { en: 'en-GB', cy: 'cy' } as const;

export function presentProfilePage(view: ProfileView, timeZone: string, token: string, tr: Translator) {
  const fmt = (d: Date | null) =>
    d ? d.toLocaleString(locales[tr.lang], { timeZone, dateStyle: 'medium', timeStyle: 'short' }) : null;
  // Each line in the page's language from its key; an older line as written, marked English on a Welsh page.
  const notes = (v: ProfileView, type: string) =>
    v.notes
      .filter((n) => n.type === type)
      .map((n) => {
        const { summary, english } = timelineText(n, tr);
        return { at: fmt(n.at), text: summary, english };
      });
  return {
    ...view,
    pageTitle: tr.t('profile.link.title', { child: String(view.child.reference), episode: view.episode.reference }),
    discoveredAt: fmt(view.episode.discoveredAt),
    lastSeenAt: fmt(view.episode.lastSeen.at),
    expires: fmt(view.expiresAt),
    risk: riskText(view.episode, tr),
    highRisk: view.episode.riskGrade ? view.episode.riskGrade === 'high' : view.episode.highRiskFromStart,
    photo: view.photoUploadedAt ? { src: `/p/${token}/photo`, uploadedAt: fmt(view.photoUploadedAt) } : null,
    duty: { authorityName: view.duty.authorityName, number: dialled(view.duty.dutyNumber) },
    sightings: notes(view, 'sighting'),
    carerUpdates: notes(view, 'carer_update'),
    acknowledge: view.acknowledgement && {
      action: `/p/${token}/acknowledge`,
      pending: view.acknowledgement.pending,
      done: !view.acknowledgement.pending.length,
    },
  };
}

export function presentRefusal(details: RefusalDetails | undefined) {
  return {
    reason: details?.reason ?? 'not_valid',
    authorityName: details?.authorityName ?? null,
    dutyNumber: dialled(details?.dutyNumber),
  };
}
