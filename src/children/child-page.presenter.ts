// Every string the children list and a child's page show. Names and addresses appear only here,
// on pages for signed-in casework staff, never in a text message.
import { presentTodaysChecks } from '../bed-checks/todays-checks.presenter';
import type { Translator } from '../platform/i18n/catalogue';
import { englishTranslator } from '../platform/i18n/shipped';
import { formatDate, formatDateTime } from '../platform/views/format';
import type { Child } from './child.entity';
import type { ChildPageData } from './child-page.service';

export function presentChildrenList(
  items: Child[],
  total: number,
  search: string | undefined,
  tz: string,
  canReport: boolean,
  { t, lang }: Translator,
) {
  return {
    search: search ?? '',
    total,
    rows: items.map((c) => ({
      name: `${c.firstNames} ${c.lastName}`,
      reference: c.reference,
      href: `/children/${c.id}`,
      dateOfBirth: c.dobEstimated
        ? t('childList.estimated', { date: formatDate(c.dateOfBirth, tz, lang) })
        : formatDate(c.dateOfBirth, tz, lang),
      trafficking: t(`trafficking.${c.traffickingStatus}`),
      reportHref: canReport && !c.careEndedAt ? `/children/${c.id}/report-missing` : null,
    })),
  };
}

export function presentChildPage(
  d: ChildPageData,
  tz: string,
  can: { report: boolean; write: boolean; placementDetails: boolean; correct?: boolean },
  tr: Translator = englishTranslator(),
) {
  const { t, lang } = tr;
  const c = d.child;
  const name = `${c.firstNames} ${c.lastName}`;
  const day = (x: Date | string | null | undefined) => formatDate(x, tz, lang);
  const row = (key: string, value: string | null | undefined) => ({
    key: { text: t(key) },
    value: { text: value || t('common.notRecorded') },
  });
  const yesNo = (b: boolean) => t(b ? 'common.yes' : 'common.no');
  const current = d.placements.find((p) => !p.endedAt) ?? null;
  // A missing child's record opens with the banner (missing-banner.plugin.ts), never with "Report missing".
  const missingNow = d.episodes.some((e) => !e.closedAt && !e.returnedAt);
  const dob = [
    c.dobEstimated ? t('childList.estimated', { date: day(c.dateOfBirth) }) : day(c.dateOfBirth),
    c.ageDisputed ? t('child.ageDisputed') : '',
  ].join('');
  return {
    id: c.id,
    name,
    reference: c.reference,
    correctHref: can.correct ? `/children/${c.id}/corrections` : null,
    reportHref: can.report && !c.careEndedAt && !missingNow ? `/children/${c.id}/report-missing` : null,
    links: can.write
      ? {
          edit: `/children/${c.id}/edit`,
          guardian: `/children/${c.id}/guardians/new`,
          plan: `/children/${c.id}/plans/new`,
          assessment: `/children/${c.id}/trafficking-assessments/new`,
          nrm: `/children/${c.id}/nrm-referrals/new`,
          placement: c.careEndedAt
            ? null
            : current
              ? `/children/${c.id}/placements/end`
              : `/children/${c.id}/placements/new`,
          placementText: t(current ? 'child.endPlacement' : 'child.startPlacement'),
          policeForce: current && !c.careEndedAt ? `/children/${c.id}/placements/police-force` : null,
          placementEdit: current && !c.careEndedAt ? `/children/${c.id}/placements/edit` : null,
          carers: current && !c.careEndedAt ? `/children/${c.id}/carers` : null,
          endCare: c.careEndedAt ? null : `/children/${c.id}/care/end`,
        }
      : null,
    profile: [
      row('child.row.reference', c.reference),
      row('child.row.localId', c.localId),
      row('child.row.aliases', c.aliases.join(', ')),
      row('child.row.dateOfBirth', dob),
      row('child.row.sex', t(c.sex === 1 ? 'child.male' : 'child.female')),
      row('child.row.nationality', c.nationality),
      row('child.row.firstLanguage', c.firstLanguage),
      row('child.row.interpreter', yesNo(c.interpreterNeeded)),
      row('child.row.uasc', yesNo(c.uasc)),
      row('child.row.arrived', [day(c.arrivalDate), c.arrivalPort].filter(Boolean).join(', ')),
      row('child.row.trafficking', t(`trafficking.${c.traffickingStatus}`)),
      row('child.row.inCareSince', day(c.careStartedAt)),
      ...(c.careEndedAt
        ? [
            row(
              'child.row.careEnded',
              `${formatDateTime(c.careEndedAt, tz, lang)}: ${c.careEndReason ?? t('child.noReason')}`,
            ),
          ]
        : []),
    ],
    placement: current && [
      row('child.row.placementType', t(`placement.${current.type}`)),
      row('child.row.provider', current.provider),
      ...(can.placementDetails ? [row('child.row.address', current.address)] : []),
      row('child.row.since', day(current.startedAt)),
      row(
        'child.row.whereLives',
        (current.hostName ?? current.hostAuthorityName)
          ? t('child.outOfArea', { name: current.hostName ?? current.hostAuthorityName })
          : t('child.ownArea'),
      ),
      row('child.row.policeForce', current.policeForceName),
      row('child.row.carers', (current.carers ?? []).map((x) => x.name).join(', ')),
    ],
    pastPlacements: d.placements
      .filter((p) => p.endedAt)
      .map((p) => t('child.pastPlacement', { provider: p.provider, from: day(p.startedAt), to: day(p.endedAt) })),
    guardians: d.guardians.map((g) => ({
      editHref: `/guardians/${g.id}/edit`,
      name: g.name,
      kind: t(`guardian.${g.kind}`),
      organisation: g.organisation ?? '',
      period: [
        g.allocatedOn && t('child.allocated', { on: day(g.allocatedOn) }),
        g.endedOn && t('child.ended', { on: day(g.endedOn) }),
      ]
        .filter(Boolean)
        .join(', '),
    })),
    plans: d.plans.map((p, i) => ({
      title: t(i === 0 ? 'child.planInForce' : 'child.planVersion', { version: p.version }),
      risk: t(`risk.${p.riskOfMissing}`),
      measures: p.measures.map((m) => t(`measure.${m}`)),
      agreed: `${p.agreedBy}, ${day(p.agreedOn)}`,
      reviewOn: day(p.reviewOn),
      bedChecks: p.bedChecks
        ? t('child.bedCheckTimes', { times: p.bedChecks.times.join(', '), count: p.bedChecks.days })
        : t('child.none'),
    })),
    bedChecksToday: presentTodaysChecks(d.bedChecksToday, tz, tr),
    missingProfile:
      d.profile === undefined
        ? undefined
        : d.profile && [
            row('profile.row.physical', d.profile.physicalDescription),
            row('profile.row.marks', d.profile.distinguishingMarks),
            row('profile.row.photoTaken', day(d.profile.photoTakenOn)),
            row(
              'profile.row.phones',
              d.profile.phones.map((p) => [p.number, p.handset].filter(Boolean).join(', ')).join('; '),
            ),
            row('profile.row.languages', d.profile.languages.join(', ')),
            row('profile.row.medical', d.profile.medicalNeeds),
            row('profile.row.medication', d.profile.medication),
            row(
              'profile.row.associates',
              d.profile.associates.map((a) => [a.name, a.relationship].filter(Boolean).join(', ')).join('; '),
            ),
            row('profile.row.places', d.profile.places.map((p) => p.description).join('; ')),
            row('profile.row.travelCards', d.profile.travelCards),
            row('profile.row.history', d.profile.missingHistory),
          ],
    profileHref: can.write ? `/children/${c.id}/missing-profile` : null,
    photo: d.photoUploadedAt
      ? { src: `/children/${c.id}/missing-profile/photo`, uploaded: day(d.photoUploadedAt) }
      : null,
    assessments: d.assessments.map((a) => ({
      heading: `${day(a.assessedOn)}: ${t(`assessment.${a.outcome}`)} (${a.assessor})`,
      indicators: a.indicators.map((i) => t(`indicator.${i}`)),
    })),
    nrm: d.nrm.map((r) => ({
      decisionsHref: `/nrm-referrals/${r.id}/decisions`,
      heading: t(r.reference ? 'nrm.referredRef' : 'nrm.referred', {
        on: day(r.referredOn),
        by: r.firstResponder,
        reference: r.reference,
      }),
      rg: r.rgDecidedOn
        ? t('nrm.rgOn', { decision: t(`nrm.decision.${r.rgDecision}`), on: day(r.rgDecidedOn) })
        : t('nrm.rgDue', { decision: t(`nrm.decision.${r.rgDecision}`), on: day(r.rgDueOn) }),
      cg: r.cgDecidedOn
        ? t('nrm.cgOn', { decision: t(`nrm.decision.${r.cgDecision}`), on: day(r.cgDecidedOn) })
        : t('nrm.cg', { decision: t(`nrm.decision.${r.cgDecision}`) }),
    })),
    episodes: d.episodes.map((e) => ({
      href: `/episodes/${e.id}`,
      reference: e.reference,
      discoveredAt: formatDateTime(e.discoveredAt, tz, lang),
      state: t(e.closedAt ? 'state.closed' : e.returnedAt ? 'state.returned' : 'dashboard.missingNow'),
    })),
  };
}
