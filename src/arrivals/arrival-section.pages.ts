// The arrival's question pages, one per section of the task list: each shows what the draft holds
// (or sensible starting values), checks the answers with the GOV.UK error copy and saves them to the
// user's draft, then goes on to the next section still to do (303).
import { addDays, today } from '../platform/dates';
import { invalidFields } from '../platform/errors';
import { contextOf } from '../platform/http/context';
import type { AppRoute } from '../platform/http/types';
import { translatorOf } from '../platform/i18n/language.plugin';
import { fieldsFor } from '../platform/views/date-time-fields';
import { formPage, type PageRequest } from '../platform/views/form-page';
import { type PlanMeasure, planMeasureCodes } from '../safeguarding/plan-measures';
import { traffickingIndicatorCodes } from '../trafficking/trafficking-indicators';
import { proposedArrivalBedChecks } from './arrival-bed-checks';
import { type ArrivalSection, arrivalSections, secondCarerProblems } from './arrival-sections';
import { nextTaskPath } from './arrival-tasks';

const services = (r: PageRequest) => r.server.app.services;
const zone = (r: PageRequest) => r.server.app.config.displayTimeZone;
type Values = Record<string, string>;

/** The measures a first plan at the port starts with; the social worker unticks what does not apply. */
const firstMeasures: PlanMeasure[] = [
  'supervision_level',
  'placement_address_restricted',
  'phone_retained_or_checked',
  'photograph_on_file',
  'biometrics_taken_at_port',
  'not_placed_in_hostel_or_bnb',
];

type Starting = Record<string, string | string[]>;
const startingValues: Record<ArrivalSection, (r: PageRequest, draft: Record<string, Values>) => Starting> = {
  child: () => ({}),
  arrival: (r) => ({
    ...fieldsFor(services(r).clock.now(), zone(r), 'arrived'),
    traffickingStatus: 'suspected',
    uasc: 'yes',
  }),
  indicators: () => ({}),
  plan: (r, draft) => {
    const now = services(r).clock.now();
    const [y, m, d] = addDays(today(services(r).clock), 7).split('-');
    return {
      measures: firstMeasures,
      agreedBy: r.auth.credentials.actor?.name ?? '',
      reviewDay: String(Number(d)),
      reviewMonth: String(Number(m)),
      reviewYear: y,
      ...proposedArrivalBedChecks(draft.arrival?.traffickingStatus ?? 'suspected', now),
    };
  },
  placement: (r) => fieldsFor(services(r).clock.now(), zone(r), 'started'),
  referrals: (r) => {
    const [y, m, d] = today(services(r).clock).split('-');
    const on = (p: string) => ({ [`${p}Day`]: String(Number(d)), [`${p}Month`]: String(Number(m)), [`${p}Year`]: y });
    return {
      // The service's usual name, in the page's language: the social worker types the one referred to.
      ictgOrganisation: translatorOf(r).t('arrival.referrals.defaultService'),
      ...on('ictgReferred'),
      ...on('nrmReferred'),
      nrmDecisionMaker: 'single_competent_authority',
    };
  },
};

async function draftOf(request: PageRequest) {
  const draft = await services(request).arrivalDrafts.get(contextOf(request));
  return { sections: (draft?.sections ?? {}) as Record<string, Values>, hasPhoto: !!draft?.photo };
}

function sectionPage(key: ArrivalSection): AppRoute[] {
  const section = arrivalSections[key];
  return formPage({
    path: `/arrivals/new/${key}`,
    view: `arrival-${key}`,
    action: 'children.write',
    description: `Port arrival: ${section.title.toLowerCase()}`,
    fields: section.fields,
    context: async (request) => {
      const { t } = translatorOf(request);
      return {
        draft: await draftOf(request),
        pageTitle: t(`arrival.section.${key}`),
        backLink: { href: '/arrivals/new', text: 'Back to the arrival' },
        indicatorItems: traffickingIndicatorCodes.map((c) => ({ value: c, text: t(`indicator.${c}`) })),
        measureItems: planMeasureCodes.map((c) => ({ value: c, text: t(`measure.${c}`) })),
      };
    },
    defaults: (request, context) => {
      const { sections } = (context as { draft: { sections: Record<string, Values> } }).draft;
      return sections[key] ?? startingValues[key](request, sections);
    },
    submit: async (request, values) => {
      const problems = key === 'placement' ? secondCarerProblems(values) : [];
      if (problems.length) throw invalidFields(problems);
      await services(request).arrivalDrafts.saveSection(contextOf(request), key, values);
      const draft = await draftOf(request);
      return nextTaskPath(draft.sections, draft.hasPhoto, key);
    },
  });
}

export const arrivalSectionPages: AppRoute[] = (Object.keys(arrivalSections) as ArrivalSection[]).flatMap(sectionPage);
