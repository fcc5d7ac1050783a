// Every string the children list and a child's page show. Names and addresses appear only here,
// on pages for signed-in casework staff, never in a text message.
import { presentTodaysChecks } from '../bed-checks/todays-checks.presenter';
import type { Translator } from '../platform/i18n/catalogue';
import { formatDate, formatDateTime } from '../platform/views/format';
import { planMeasures } from '../safeguarding/plan-measures';
import { traffickingIndicators } from '../trafficking/trafficking-indicators';
import type { Child } from './child.entity';
import type { ChildPageData } from './child-page.service';

const traffickingText: Record<string, string> = {
  suspected: 'Suspected',
  confirmed: 'Confirmed',
  not_trafficked: 'Not trafficked',
  unknown: 'Not known yet',
};
const riskText: Record<string, string> = { low: 'Low', medium: 'Medium', high: 'High' };
const row = (key: string, value: string | null | undefined) => ({
  key: { text: key },
  value: { text: value || 'Not recorded' },
});
const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

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
      trafficking: traffickingText[c.traffickingStatus] ? t(`trafficking.${c.traffickingStatus}`) : c.traffickingStatus,
      reportHref: canReport && !c.careEndedAt ? `/children/${c.id}/report-missing` : null,
    })),
  };
}

export function presentChildPage(
  d: ChildPageData,
  tz: string,
  can: { report: boolean; write: boolean; placementDetails: boolean },
) {
  const c = d.child;
  const name = `${c.firstNames} ${c.lastName}`;
  const current = d.placements.find((p) => !p.endedAt) ?? null;
  // A missing child's record opens with the banner (missing-banner.plugin.ts), never with "Report missing".
  const missingNow = d.episodes.some((e) => !e.closedAt && !e.returnedAt);
  return {
    id: c.id,
    name,
    reference: c.reference,
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
          placementText: current ? 'End this placement' : 'Start a placement',
          policeForce: current && !c.careEndedAt ? `/children/${c.id}/placements/police-force` : null,
          endCare: c.careEndedAt ? null : `/children/${c.id}/care/end`,
        }
      : null,
    profile: [
      row('Reference', c.reference),
      row('Local id', c.localId),
      row('Also known as', c.aliases.join(', ')),
      row(
        'Date of birth',
        formatDate(c.dateOfBirth, tz) +
          (c.dobEstimated ? ' (estimated)' : '') +
          (c.ageDisputed ? ', age disputed' : ''),
      ),
      row('Sex', c.sex === 1 ? 'Male' : 'Female'),
      row('Nationality', c.nationality),
      row('First language', c.firstLanguage),
      row('Interpreter needed', yesNo(c.interpreterNeeded)),
      row('Unaccompanied asylum-seeking child', yesNo(c.uasc)),
      row('Arrived', [formatDate(c.arrivalDate, tz), c.arrivalPort].filter(Boolean).join(', ')),
      row('Trafficking', traffickingText[c.traffickingStatus] ?? c.traffickingStatus),
      row('In care since', formatDate(c.careStartedAt, tz)),
      ...(c.careEndedAt
        ? [row('Care ended', `${formatDateTime(c.careEndedAt, tz)}: ${c.careEndReason ?? 'no reason recorded'}`)]
        : []),
    ],
    placement: current && [
      row('Type', current.type.replace(/_/g, ' ')),
      row('Provider', current.provider),
      ...(can.placementDetails ? [row('Address', current.address)] : []),
      row('Since', formatDate(current.startedAt, tz)),
      row(
        'Where the child lives',
        (current.hostName ?? current.hostAuthorityName)
          ? `${current.hostName ?? current.hostAuthorityName} (out of area)`
          : 'In our own area',
      ),
      row('Police force there', current.policeForceName),
      row('Carers', (current.carers ?? []).map((x) => x.name).join(', ')),
    ],
    pastPlacements: d.placements
      .filter((p) => p.endedAt)
      .map((p) => `${p.provider}: ${formatDate(p.startedAt, tz)} to ${formatDate(p.endedAt, tz)}`),
    guardians: d.guardians.map((g) => ({
      editHref: `/guardians/${g.id}/edit`,
      name: g.name,
      kind: g.kind.replace(/_/g, ' '),
      organisation: g.organisation ?? '',
      period: [
        g.allocatedOn && `allocated ${formatDate(g.allocatedOn, tz)}`,
        g.endedOn && `ended ${formatDate(g.endedOn, tz)}`,
      ]
        .filter(Boolean)
        .join(', '),
    })),
    plans: d.plans.map((p, i) => ({
      title: `Version ${p.version}${i === 0 ? ' (in force)' : ''}`,
      risk: riskText[p.riskOfMissing] ?? p.riskOfMissing,
      measures: p.measures.map((m) => planMeasures[m] ?? m),
      agreed: `${p.agreedBy}, ${formatDate(p.agreedOn, tz)}`,
      reviewOn: formatDate(p.reviewOn, tz),
      bedChecks: p.bedChecks
        ? `${p.bedChecks.times.join(', ')} for ${p.bedChecks.days} ${p.bedChecks.days === 1 ? 'day' : 'days'}`
        : 'None',
    })),
    bedChecksToday: presentTodaysChecks(d.bedChecksToday, tz),
    missingProfile:
      d.profile === undefined
        ? undefined
        : d.profile && [
            row('Physical description', d.profile.physicalDescription),
            row('Distinguishing marks', d.profile.distinguishingMarks),
            row('Photograph taken', formatDate(d.profile.photoTakenOn, tz)),
            row('Phones', d.profile.phones.map((p) => [p.number, p.handset].filter(Boolean).join(', ')).join('; ')),
            row('Languages', d.profile.languages.join(', ')),
            row('Medical needs', d.profile.medicalNeeds),
            row('Medication', d.profile.medication),
            row(
              'Known associates',
              d.profile.associates.map((a) => [a.name, a.relationship].filter(Boolean).join(', ')).join('; '),
            ),
            row('Places frequented', d.profile.places.map((p) => p.description).join('; ')),
            row('Travel cards', d.profile.travelCards),
            row('Previous missing history', d.profile.missingHistory),
          ],
    profileHref: can.write ? `/children/${c.id}/missing-profile` : null,
    photo: d.photoUploadedAt
      ? { src: `/children/${c.id}/missing-profile/photo`, uploaded: formatDate(d.photoUploadedAt, tz) }
      : null,
    assessments: d.assessments.map((a) => ({
      heading: `${formatDate(a.assessedOn, tz)}: ${a.outcome.replace(/_/g, ' ')} (${a.assessor})`,
      indicators: a.indicators.map((i) => traffickingIndicators[i] ?? i),
    })),
    nrm: d.nrm.map((r) => ({
      decisionsHref: `/nrm-referrals/${r.id}/decisions`,
      heading: `Referred ${formatDate(r.referredOn, tz)} by ${r.firstResponder}${r.reference ? ` (${r.reference})` : ''}`,
      rg: `Reasonable grounds: ${r.rgDecision}${r.rgDecidedOn ? ` on ${formatDate(r.rgDecidedOn, tz)}` : `, due ${formatDate(r.rgDueOn, tz)}`}`,
      cg: `Conclusive grounds: ${r.cgDecision}${r.cgDecidedOn ? ` on ${formatDate(r.cgDecidedOn, tz)}` : ''}`,
    })),
    episodes: d.episodes.map((e) => ({
      href: `/episodes/${e.id}`,
      reference: e.reference,
      discoveredAt: formatDateTime(e.discoveredAt, tz),
      state: e.closedAt ? 'Closed' : e.returnedAt ? 'Returned' : 'Missing now',
    })),
  };
}
