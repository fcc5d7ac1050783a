// Pages for what the API does on a child's record and had no page: add a child, record a trafficking
// assessment, make an NRM referral and record its decisions, change or end a guardian. Each posts,
// then redirects to the child (303); bad input re-renders with the GOV.UK error summary.
import { type Guardian, guardianKinds } from '../guardians/guardian.entity';
import { decisionMakers, nrmDecisions } from '../nrm/nrm-deadlines';
import type { NrmReferral } from '../nrm/nrm-referral.entity';
import { today } from '../platform/dates';
import { invalidFields } from '../platform/errors';
import { contextOf } from '../platform/http/context';
import { Joi } from '../platform/http/joi';
import type { AppRoute } from '../platform/http/types';
import { translatorOf } from '../platform/i18n/language.plugin';
import { toE164 } from '../platform/phone';
import { dateFieldsFor, dateKeys, isoDateOf, requiredDate } from '../platform/views/date-time-fields';
import {
  choice,
  optionalEmail,
  optionalMobile,
  optionalText,
  orNull,
  requiredText,
} from '../platform/views/form-fields';
import { formPage, type PageRequest } from '../platform/views/form-page';
import {
  assessmentOutcomes,
  type TraffickingIndicator,
  traffickingIndicatorCodes,
} from '../trafficking/trafficking-indicators';
import { traffickingStatuses } from './child.entity';

const services = (r: PageRequest) => r.server.app.services;
const yes = Joi.string().valid('yes').allow('');
const todayFields = (r: PageRequest, prefix: string) => {
  const [y, m, d] = today(services(r).clock).split('-');
  return { [`${prefix}Day`]: String(Number(d)), [`${prefix}Month`]: String(Number(m)), [`${prefix}Year`]: y };
};
/** An optional date question: null when blank; a sentence against its day field when not a real date. */
const optionalDate = (v: Record<string, string>, prefix: string, what: string) => {
  const on = isoDateOf(v, prefix);
  if (on === 'invalid')
    throw invalidFields([{ field: `${prefix}Day`, message: `The date ${what} must be a real date` }]);
  return on;
};

async function childHeader(request: PageRequest, id = request.params.id) {
  const child = await services(request).children.get(contextOf(request), id);
  return {
    child: { id: child.id, name: `${child.firstNames} ${child.lastName}`, reference: child.reference },
    backLink: { href: `/children/${child.id}`, text: 'Back to the child' },
  };
}

export const childRecordPages: AppRoute[] = [
  ...formPage({
    path: '/children/new',
    view: 'child-new',
    action: 'children.write',
    description: 'Add a child',
    fields: {
      firstNames: requiredText(200, 'their first names', 'First names'),
      lastName: requiredText(200, 'their last name', 'Last name'),
      localId: Joi.string()
        .trim()
        .max(10)
        .pattern(/^[A-Za-z0-9-]*$/)
        .allow('')
        .messages({
          'string.pattern.base': 'The local id may contain only letters, digits and hyphens',
          'string.max': 'The local id must be 10 characters or fewer',
        }),
      ...dateKeys('dob', 'of birth'),
      dobEstimated: yes,
      ageDisputed: yes,
      sex: choice(['1', '2'], 'their sex'),
      nationality: optionalText(100, 'Nationality'),
      firstLanguage: optionalText(100, 'First language'),
      interpreterNeeded: yes,
      uasc: yes,
      traffickingStatus: choice(traffickingStatuses, 'the trafficking status'),
    },
    fieldIds: { dateOfBirth: 'dobDay', localId: 'localId' },
    context: async () => ({ backLink: { href: '/children', text: 'Back to children' } }),
    submit: async (request, v) => {
      const child = await services(request).children.create(contextOf(request), {
        firstNames: v.firstNames,
        lastName: v.lastName,
        localId: v.localId || undefined,
        dateOfBirth: requiredDate(v, 'dob', 'of birth'),
        dobEstimated: v.dobEstimated === 'yes',
        ageDisputed: v.ageDisputed === 'yes',
        sex: Number(v.sex) as 1 | 2,
        nationality: orNull(v.nationality),
        firstLanguage: orNull(v.firstLanguage),
        interpreterNeeded: v.interpreterNeeded === 'yes',
        uasc: v.uasc === 'yes',
        traffickingStatus: v.traffickingStatus as (typeof traffickingStatuses)[number],
      });
      return `/children/${child.id}`;
    },
  }),
  ...formPage({
    path: '/children/{id}/trafficking-assessments/new',
    view: 'assessment-new',
    action: 'children.write',
    description: 'Record a trafficking assessment',
    fields: {
      indicators: Joi.array()
        .items(Joi.string().valid(...traffickingIndicatorCodes))
        .single()
        .messages({ 'any.only': 'Select indicators from the list' }),
      outcome: choice(assessmentOutcomes, 'the outcome'),
      assessor: requiredText(200, 'who made the assessment', 'Assessor'),
      ...dateKeys('assessed', 'of the assessment'),
      notes: optionalText(5000, 'Notes'),
    },
    fieldIds: { assessedOn: 'assessedDay' },
    context: async (request) => ({
      ...(await childHeader(request)),
      indicatorItems: traffickingIndicatorCodes.map((c) => ({
        value: c,
        text: translatorOf(request).t(`indicator.${c}`),
      })),
    }),
    defaults: (request) => ({
      assessor: request.auth.credentials.actor?.name ?? '',
      ...todayFields(request, 'assessed'),
    }),
    submit: async (request, v) => {
      await services(request).traffickingAssessments.record(contextOf(request), request.params.id, {
        // One ticked box arrives as a string, several as a list; Joi has checked each is an indicator.
        indicators: ([] as TraffickingIndicator[]).concat(
          (v as unknown as { indicators?: TraffickingIndicator | TraffickingIndicator[] }).indicators ?? [],
        ),
        outcome: v.outcome as (typeof assessmentOutcomes)[number],
        assessor: v.assessor,
        assessedOn: requiredDate(v, 'assessed', 'of the assessment'),
        notes: orNull(v.notes),
      });
      return `/children/${request.params.id}`;
    },
  }),
  ...formPage({
    path: '/children/{id}/nrm-referrals/new',
    view: 'nrm-new',
    action: 'children.write',
    description: 'Record an NRM referral',
    fields: {
      ...dateKeys('referred', 'the referral was made'),
      firstResponder: requiredText(200, 'the first responder organisation', 'First responder organisation'),
      reference: optionalText(100, 'NRM reference'),
      decisionMaker: choice(decisionMakers, 'who makes the decisions'),
    },
    fieldIds: { referredOn: 'referredDay' },
    context: childHeader,
    defaults: (request) => ({ ...todayFields(request, 'referred'), decisionMaker: 'single_competent_authority' }),
    submit: async (request, v) => {
      await services(request).nrmReferrals.refer(contextOf(request), request.params.id, {
        referredOn: requiredDate(v, 'referred', 'the referral was made'),
        firstResponder: v.firstResponder,
        reference: orNull(v.reference),
        decisionMaker: v.decisionMaker as (typeof decisionMakers)[number],
      });
      return `/children/${request.params.id}`;
    },
  }),
  ...formPage({
    path: '/nrm-referrals/{id}/decisions',
    view: 'nrm-decisions',
    action: 'children.write',
    description: 'Record NRM decisions',
    fields: {
      reference: optionalText(100, 'NRM reference'),
      rgDecision: choice(nrmDecisions, 'the reasonable-grounds decision'),
      ...dateKeys('rgDecided', 'of the reasonable-grounds decision', false),
      cgDecision: choice(nrmDecisions, 'the conclusive-grounds decision'),
      ...dateKeys('cgDecided', 'of the conclusive-grounds decision', false),
    },
    fieldIds: { rgDecidedOn: 'rgDecidedDay', cgDecidedOn: 'cgDecidedDay' },
    context: async (request) => {
      const referral = await services(request).nrmReferrals.get(contextOf(request), request.params.id);
      return { ...(await childHeader(request, referral.childId)), referral };
    },
    defaults: (_r, context) => {
      const { referral: r } = context as { referral: NrmReferral };
      return {
        reference: r.reference ?? '',
        rgDecision: r.rgDecision,
        ...dateFieldsFor(r.rgDecidedOn, 'rgDecided'),
        cgDecision: r.cgDecision,
        ...dateFieldsFor(r.cgDecidedOn, 'cgDecided'),
      };
    },
    submit: async (request, v) => {
      const referral = await services(request).nrmReferrals.change(contextOf(request), request.params.id, {
        reference: orNull(v.reference),
        rgDecision: v.rgDecision as (typeof nrmDecisions)[number],
        rgDecidedOn: optionalDate(v, 'rgDecided', 'of the reasonable-grounds decision'),
        cgDecision: v.cgDecision as (typeof nrmDecisions)[number],
        cgDecidedOn: optionalDate(v, 'cgDecided', 'of the conclusive-grounds decision'),
      });
      return `/children/${referral.childId}`;
    },
  }),
  ...formPage({
    path: '/guardians/{id}/edit',
    view: 'guardian-edit',
    action: 'children.write',
    description: 'Change or end a guardian',
    fields: {
      kind: choice(guardianKinds, 'the kind of guardian'),
      name: requiredText(200, 'the guardian’s name', 'Name'),
      organisation: optionalText(200, 'Organisation'),
      mobile: optionalMobile('a mobile number'),
      email: optionalEmail('an email address'),
      ...dateKeys('allocated', 'the guardian was allocated', false),
      ...dateKeys('ended', 'the guardian’s role ended', false),
    },
    fieldIds: { allocatedOn: 'allocatedDay', endedOn: 'endedDay' },
    context: async (request) => {
      const guardian = await services(request).guardians.get(contextOf(request), request.params.id);
      return { ...(await childHeader(request, guardian.childId)), guardian };
    },
    defaults: (_r, context) => {
      const { guardian: g } = context as { guardian: Guardian };
      return {
        kind: g.kind,
        name: g.name,
        organisation: g.organisation ?? '',
        mobile: g.mobile ?? '',
        email: g.email ?? '',
        ...dateFieldsFor(g.allocatedOn, 'allocated'),
        ...dateFieldsFor(g.endedOn, 'ended'),
      };
    },
    submit: async (request, v) => {
      const guardian = await services(request).guardians.change(contextOf(request), request.params.id, {
        kind: v.kind as (typeof guardianKinds)[number],
        name: v.name,
        organisation: orNull(v.organisation),
        mobile: orNull(v.mobile && toE164(v.mobile)),
        email: orNull(v.email),
        allocatedOn: optionalDate(v, 'allocated', 'the guardian was allocated'),
        endedOn: optionalDate(v, 'ended', 'the guardian’s role ended'),
      });
      return `/children/${guardian.childId}`;
    },
  }),
];
