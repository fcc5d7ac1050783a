// The "check your answers" page of an arrival: every answer as a summary list row, grouped by section,
// each section with its Change link. Words only; the values come from the checked arrival.
import { formatDate, formatDateTime } from '../platform/views/format';
import { planMeasures } from '../safeguarding/plan-measures';
import { traffickingIndicators } from '../trafficking/trafficking-indicators';
import type { ArrivalInput } from './arrival-input';
import { sectionTitle } from './arrival-input';
import type { TaskKey } from './arrival-sections';

const identifiedByText: Record<string, string> = {
  border_referral: 'Border Force',
  police: 'Police',
  self_presented: 'Self-presented',
  other: 'Other',
};
const traffickingText: Record<string, string> = {
  suspected: 'Suspected',
  confirmed: 'Confirmed',
  not_trafficked: 'Not trafficked',
  unknown: 'Unknown',
};
const placementText: Record<string, string> = {
  foster: 'Foster care',
  residential: 'Residential home',
  semi_independent: 'Semi-independent',
  supported_lodgings: 'Supported lodgings',
};
const decisionMakerText: Record<string, string> = {
  single_competent_authority: 'Single Competent Authority',
  devolved_panel: 'Devolved local panel',
};
const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
const orNone = (s: string | null | undefined) => s || 'Not given';

const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });

export function presentArrivalCheck(a: ArrivalInput, hasPhoto: boolean, timeZone: string) {
  const card = (k: TaskKey, rows: ReturnType<typeof row>[]) => ({
    card: {
      title: { text: sectionTitle(k) },
      actions: { items: [{ href: `/arrivals/new/${k}`, text: 'Change', visuallyHiddenText: sectionTitle(k) }] },
    },
    rows,
  });
  const c = a.child;
  return [
    card('child', [
      row('Names as given', `${c.firstNames} ${c.lastName}`),
      row('Other names', c.aliases.join(', ') || 'None given'),
      row('Date of birth', `${formatDate(c.dateOfBirth, timeZone)}${c.dobEstimated ? ' (estimated)' : ''}`),
      row('Age disputed', yesNo(c.ageDisputed)),
      row('Sex', c.sex === 1 ? 'Male' : 'Female'),
      row('Nationality', orNone(c.nationality)),
      row('First language', orNone(c.firstLanguage)),
      row('Interpreter needed', yesNo(c.interpreterNeeded)),
    ]),
    card('arrival', [
      row('Airport or port', a.arrival.port),
      row('Identified', formatDateTime(a.arrival.arrivedAt, timeZone)),
      row('Identified by', identifiedByText[a.arrival.identifiedBy]),
      row('Unaccompanied asylum-seeking child', yesNo(c.uasc)),
      row('Trafficking', traffickingText[c.traffickingStatus]),
    ]),
    card('indicators', [
      row('Indicators seen', a.indicators.seen.map((i) => traffickingIndicators[i]).join(', ') || 'None seen yet'),
      row('What you saw', orNone(a.indicators.notes)),
    ]),
    card('photo', [row('Photograph', hasPhoto ? 'Uploaded' : 'None yet')]),
    card('plan', [
      row('Risk of going missing', 'High (a child arriving at a port is high risk from the first minute)'),
      row('Measures', a.plan.measures.map((m) => planMeasures[m]).join(', ') || 'None'),
      row(
        'Bed checks',
        a.plan.bedChecks ? `${a.plan.bedChecks.times.join(', ')} for ${a.plan.bedChecks.days} days` : 'None',
      ),
      row('Agreed by', a.plan.agreedBy),
      row('Review by', formatDate(a.plan.reviewOn, timeZone)),
    ]),
    card('placement', [
      row('Type', placementText[a.placement.type]),
      row('Provider', a.placement.provider),
      row('Address', a.placement.address),
      row('Starts', formatDateTime(a.placement.startedAt ?? null, timeZone)),
      ...a.placement.carers.flatMap((c, n) => [
        row(n ? 'Second carer' : 'Carer', c.name),
        row(n ? 'Second carer’s mobile' : 'Carer’s mobile', c.mobile),
      ]),
    ]),
    card('referrals', [
      row('Guardian service', a.guardian.organisation),
      row('Named guardian', a.guardian.name ?? 'To be allocated'),
      row('Guardian referral made', formatDate(a.guardian.referredOn, timeZone)),
      row('NRM referral made', formatDate(a.nrm.referredOn, timeZone)),
      row('First responder', a.nrm.firstResponder),
      row('NRM reference', orNone(a.nrm.reference)),
      row('NRM decisions by', decisionMakerText[a.nrm.decisionMaker]),
    ]),
  ];
}
