// The forms on a child's page: change their details, start or end a placement, end their care, add
// a guardian and save a new safeguarding plan version. Each posts, then redirects back to the child (303).
import { guardianKinds } from '../guardians/guardian.entity';
import { hostFormFields, hostInputOf } from '../placements/host-form';
import { placementTypes } from '../placements/placement.entity';
import { Conflict, invalidFields } from '../platform/errors';
import { contextOf } from '../platform/http/context';
import { Joi } from '../platform/http/joi';
import type { AppRoute } from '../platform/http/types';
import { translatorOf } from '../platform/i18n/language.plugin';
import { languageChoice, languageOf } from '../platform/i18n/language-field';
import { toE164 } from '../platform/phone';
import {
  dateFieldsFor,
  dateKeys,
  dateTimeKeys,
  fieldsFor,
  isoDateOf,
  requiredDate,
  requiredInstant,
} from '../platform/views/date-time-fields';
import {
  choice,
  chosen,
  optionalEmail,
  optionalMobile,
  optionalText,
  orNull,
  orUndefined,
  requiredText,
} from '../platform/views/form-fields';
import { formPage, type PageRequest } from '../platform/views/form-page';
import { bedCheckFormValues, bedChecksFromForm, proposeBedChecks } from '../safeguarding/bed-check-form';
import { planFormDefaults } from '../safeguarding/plan-form';
import { planMeasureCodes, risksOfMissing } from '../safeguarding/plan-measures';
import { type Child, traffickingStatuses } from './child.entity';

const services = (r: PageRequest) => r.server.app.services;
const back = (id: string) => `/children/${id}`;

export async function childHeader(request: PageRequest) {
  const child = await services(request).children.get(contextOf(request), request.params.id);
  return {
    child: { id: child.id, name: `${child.firstNames} ${child.lastName}`, reference: child.reference, record: child },
    backLink: { href: back(child.id), text: 'Back to the child' },
  };
}

const done = (request: PageRequest) => back(request.params.id);

/** A child's details as a form: changed by casework staff, or corrected with a reason (corrections.pages.ts). */
export const childDetailFields = {
  firstNames: requiredText(200, 'their first names', 'First names'),
  lastName: requiredText(200, 'their last name', 'Last name'),
  ...dateKeys('dob', 'of birth'),
  dobEstimated: Joi.string().valid('yes').allow(''),
  nationality: optionalText(100, 'Nationality'),
  firstLanguage: optionalText(100, 'First language'),
  traffickingStatus: choice(traffickingStatuses, 'the trafficking status'),
};

export const childDetailValues = (c: Child) => ({
  firstNames: c.firstNames,
  lastName: c.lastName,
  ...dateFieldsFor(c.dateOfBirth, 'dob'),
  dobEstimated: c.dobEstimated ? 'yes' : '',
  nationality: c.nationality ?? '',
  firstLanguage: c.firstLanguage ?? '',
  traffickingStatus: c.traffickingStatus,
});

export const childDetailsOf = (v: Record<string, string>) => ({
  firstNames: v.firstNames,
  lastName: v.lastName,
  dateOfBirth: requiredDate(v, 'dob', 'of birth'),
  dobEstimated: v.dobEstimated === 'yes',
  nationality: orNull(v.nationality),
  firstLanguage: orNull(v.firstLanguage),
  traffickingStatus: chosen(traffickingStatuses, v.traffickingStatus),
});

export const childFormPages: AppRoute[] = [
  ...formPage({
    path: '/children/{id}/edit',
    view: 'child-edit',
    action: 'children.write',
    description: "Change a child's details",
    fields: childDetailFields,
    context: childHeader,
    defaults: (_r, context) => childDetailValues((context as Awaited<ReturnType<typeof childHeader>>).child.record),
    submit: async (request, v) => {
      await services(request).children.update(contextOf(request), request.params.id, childDetailsOf(v));
      return done(request);
    },
  }),
  ...formPage({
    path: '/children/{id}/placements/new',
    view: 'placement-new',
    action: 'children.write',
    description: 'Start a placement',
    fields: {
      type: choice(placementTypes, 'the type of placement'),
      provider: requiredText(200, 'the provider', 'Provider'),
      address: requiredText(500, 'the address', 'Address'),
      ...dateTimeKeys('started', 'the placement started'),
      carerName: requiredText(200, 'the carer’s name', 'Carer’s name'),
      carerMobile: optionalMobile('the carer’s mobile number')
        .invalid('')
        .messages({ 'any.invalid': 'Enter the carer’s mobile number' }),
      carerEmail: optionalEmail('the carer’s email address'),
      carerLanguage: languageChoice,
      ...hostFormFields,
    },
    context: async (request) => ({
      ...(await childHeader(request)),
      ...(await services(request).placements.hostOptions(contextOf(request))),
    }),
    defaults: (request) =>
      fieldsFor(services(request).clock.now(), request.server.app.config.displayTimeZone, 'started'),
    submit: async (request, v) => {
      const startedAt = requiredInstant(
        v,
        'started',
        'the placement started',
        request.server.app.config.displayTimeZone,
      );
      await services(request).placements.start(contextOf(request), request.params.id, {
        type: chosen(placementTypes, v.type),
        provider: v.provider,
        address: v.address,
        startedAt,
        carers: [
          {
            name: v.carerName,
            mobile: toE164(v.carerMobile)!,
            email: orNull(v.carerEmail),
            language: languageOf(v.carerLanguage),
          },
        ],
        ...hostInputOf(v),
      });
      return done(request);
    },
  }),
  ...formPage({
    path: '/children/{id}/placements/end',
    view: 'placement-end',
    action: 'children.write',
    description: 'End the current placement',
    fields: {
      ...dateTimeKeys('ended', 'the placement ended'),
      reason: requiredText(500, 'why the placement ended', 'The reason'),
    },
    context: childHeader,
    defaults: (request) => fieldsFor(services(request).clock.now(), request.server.app.config.displayTimeZone, 'ended'),
    submit: async (request, v) => {
      const ctx = contextOf(request);
      const current = (await services(request).placements.listForChild(ctx, request.params.id)).find((p) => !p.endedAt);
      if (!current) throw new Conflict('This child has no current placement to end.');
      const endedAt = requiredInstant(v, 'ended', 'the placement ended', request.server.app.config.displayTimeZone);
      await services(request).placements.end(ctx, current.id, endedAt, v.reason);
      return done(request);
    },
  }),
  ...formPage({
    path: '/children/{id}/care/end',
    view: 'care-end',
    action: 'children.write',
    description: "End the child's care",
    fields: { ...dateTimeKeys('ended', 'care ended'), reason: requiredText(500, 'why care ended', 'The reason') },
    context: childHeader,
    defaults: (request) => fieldsFor(services(request).clock.now(), request.server.app.config.displayTimeZone, 'ended'),
    submit: async (request, v) => {
      const endedAt = requiredInstant(v, 'ended', 'care ended', request.server.app.config.displayTimeZone);
      await services(request).careEndings.end(contextOf(request), request.params.id, endedAt, v.reason);
      return done(request);
    },
  }),
  ...formPage({
    path: '/children/{id}/guardians/new',
    view: 'guardian-new',
    action: 'children.write',
    description: 'Add a guardian',
    fields: {
      kind: choice(guardianKinds, 'the kind of guardian'),
      name: requiredText(200, 'the guardian’s name', 'Name'),
      organisation: optionalText(200, 'Organisation'),
      mobile: optionalMobile('a mobile number'),
      email: optionalEmail('an email address'),
      ...dateKeys('allocated', 'the guardian was allocated', false),
    },
    context: childHeader,
    submit: async (request, v) => {
      const allocatedOn = isoDateOf(v, 'allocated');
      if (allocatedOn === 'invalid')
        throw invalidFields([
          { field: 'allocatedDay', message: 'The date the guardian was allocated must be a real date' },
        ]);
      await services(request).guardians.add(contextOf(request), request.params.id, {
        kind: chosen(guardianKinds, v.kind),
        name: v.name,
        organisation: orNull(v.organisation),
        mobile: orNull(v.mobile && toE164(v.mobile)),
        email: orNull(v.email),
        allocatedOn,
      });
      return done(request);
    },
  }),
  ...formPage({
    path: '/children/{id}/plans/new',
    view: 'plan-new',
    action: 'children.write',
    description: 'Save a new safeguarding plan version',
    fields: {
      riskOfMissing: choice(risksOfMissing, 'the risk of going missing'),
      measures: Joi.array()
        .items(Joi.string().valid(...planMeasureCodes))
        .single()
        .messages({ 'any.only': 'Select measures from the list' }),
      agenciesToNotify: optionalText(500, 'Agencies to notify'),
      agreedBy: requiredText(200, 'who agreed the plan', 'Who agreed the plan'),
      ...dateKeys('agreed', 'the plan was agreed'),
      ...dateKeys('review', 'the plan is due for review'),
      notes: optionalText(5000, 'Notes'),
      bedCheckTimes: optionalText(100, 'Bed check times'),
      bedCheckDays: optionalText(10, 'Days of bed checks'),
    },
    fieldIds: { reviewOn: 'reviewDay', agreedOn: 'agreedDay' },
    context: async (request) => {
      const header = await childHeader(request);
      const ctx = contextOf(request);
      const placements = await services(request).placements.listForChild(ctx, request.params.id);
      const [current] = await services(request).safeguardingPlans.history(ctx, request.params.id);
      const proposed = proposeBedChecks(
        header.child.record,
        placements,
        current ?? null,
        services(request).clock.now(),
      );
      return {
        ...header,
        proposedBedChecks: bedCheckFormValues(proposed),
        previousVersion: current?.version ?? null,
        planDefaults: planFormDefaults(current ?? null, proposed),
        measureItems: planMeasureCodes.map((m) => ({ value: m, text: translatorOf(request).t(`measure.${m}`) })),
      };
    },
    // Measures are a list: the form's values hold it as the checkboxes send it.
    defaults: (_r, context) => (context as { planDefaults: Record<string, string> }).planDefaults,
    submit: async (request, v) => {
      const bedChecks = bedChecksFromForm(v.bedCheckTimes, v.bedCheckDays);
      const measures = (v as unknown as { measures?: string[] }).measures ?? [];
      await services(request).safeguardingPlans.create(contextOf(request), request.params.id, {
        riskOfMissing: chosen(risksOfMissing, v.riskOfMissing),
        measures: measures.map((m) => chosen(planMeasureCodes, m)),
        agenciesToNotify: (v.agenciesToNotify ?? '')
          .split(/[,\n]/)
          .map((a) => a.trim())
          .filter(Boolean),
        agreedBy: v.agreedBy,
        agreedOn: requiredDate(v, 'agreed', 'the plan was agreed'),
        reviewOn: requiredDate(v, 'review', 'the plan is due for review'),
        notes: orUndefined(v.notes) ?? null,
        bedChecks,
      });
      return done(request);
    },
  }),
];
