// The sections of a port arrival, each one GOV.UK question page: its fields with the GOV.UK error copy
// (the same Joi rules as the other forms of the service). Saved as typed into the user's draft.
import type { Schema } from 'joi';

import { identifiedBy, traffickingStatuses } from '../children/child.entity';
import { decisionMakers } from '../nrm/nrm-deadlines';
import { placementTypes } from '../placements/placement.entity';
import { Joi } from '../platform/http/joi';
import { dateKeys, dateTimeKeys } from '../platform/views/date-time-fields';
import { choice, optionalEmail, optionalMobile, optionalText, requiredText } from '../platform/views/form-fields';
import { planMeasureCodes } from '../safeguarding/plan-measures';
import { traffickingIndicatorCodes } from '../trafficking/trafficking-indicators';

const yes = Joi.string().valid('yes').allow('');

const list = (codes: readonly string[], message: string) =>
  Joi.array()
    .items(Joi.string().valid(...codes))
    .single()
    .messages({ 'any.only': message });

export const arrivalSections = {
  child: {
    title: 'The child as they present',
    fields: {
      firstNames: requiredText(200, 'the first names they give', 'First names'),
      lastName: requiredText(200, 'the last name they give', 'Last name'),
      aliases: optionalText(1000, 'Other names'),
      ...dateKeys('dob', 'of birth', false),
      estimatedAge: Joi.string()
        .trim()
        .allow('')
        .pattern(/^(1[0-7]|[0-9])$/)
        .messages({ 'string.pattern.base': 'Estimated age must be a whole number of years from 0 to 17' }),
      ageDisputed: yes,
      sex: choice(['1', '2'], 'their sex'),
      nationality: optionalText(100, 'Nationality'),
      firstLanguage: optionalText(100, 'First language'),
      interpreterNeeded: yes,
    },
  },
  arrival: {
    title: 'Where and how they were identified',
    fields: {
      port: requiredText(40, 'the airport or port', 'The airport or port'),
      ...dateTimeKeys('arrived', 'the child was identified'),
      identifiedBy: choice(identifiedBy, 'how the child was identified'),
      uasc: yes,
      traffickingStatus: choice(traffickingStatuses, 'the trafficking status'),
    },
  },
  indicators: {
    title: 'Trafficking indicators seen',
    fields: {
      indicators: list(traffickingIndicatorCodes, 'Select indicators from the list'),
      indicatorNotes: optionalText(2000, 'What you saw'),
    },
  },
  plan: {
    title: 'First protection plan',
    fields: {
      measures: list(planMeasureCodes, 'Select measures from the list'),
      agreedBy: requiredText(200, 'who agreed the plan', 'Who agreed the plan'),
      ...dateKeys('review', 'the plan is due for review'),
      bedCheckTimes: optionalText(100, 'Bed check times'),
      bedCheckDays: optionalText(10, 'Days of bed checks'),
      planNotes: optionalText(5000, 'Notes'),
    },
  },
  placement: {
    title: 'Placement found',
    fields: {
      type: choice(placementTypes, 'the type of placement'),
      provider: requiredText(200, 'the provider', 'Provider'),
      address: requiredText(500, 'the address', 'Address'),
      ...dateTimeKeys('started', 'the placement starts'),
      carerName: requiredText(200, 'the carer’s name', 'Carer’s name'),
      carerMobile: optionalMobile('the carer’s mobile number')
        .invalid('')
        .messages({ 'any.invalid': 'Enter the carer’s mobile number' }),
      carerEmail: optionalEmail('the carer’s email address'),
      // A second carer (a foster couple, a key worker on nights): name and mobile, or neither (secondCarerProblems).
      carer2Name: optionalText(200, 'Second carer’s name'),
      carer2Mobile: optionalMobile('the second carer’s mobile number'),
      carer2Email: optionalEmail('the second carer’s email address'),
    },
  },
  referrals: {
    title: 'Guardian (ICTG) and NRM referrals',
    fields: {
      ictgOrganisation: requiredText(200, 'the guardian service referred to', 'Guardian service'),
      ictgName: optionalText(200, 'Named guardian'),
      ictgMobile: optionalMobile('the guardian service’s mobile number'),
      ictgEmail: optionalEmail('the guardian service’s email address'),
      ...dateKeys('ictgReferred', 'the guardian referral was made'),
      ...dateKeys('nrmReferred', 'the NRM referral was made'),
      nrmFirstResponder: requiredText(200, 'the first responder organisation', 'First responder organisation'),
      nrmReference: optionalText(100, 'NRM reference'),
      nrmDecisionMaker: choice(decisionMakers, 'who makes the NRM decisions'),
    },
  },
} satisfies Record<string, { title: string; fields: Record<string, Schema> }>;

export type ArrivalSection = keyof typeof arrivalSections;
/** The photograph is a section of its own (a multipart form); the order is the order of the task list. */
export const sectionOrder = ['child', 'arrival', 'indicators', 'photo', 'plan', 'placement', 'referrals'] as const;
export type TaskKey = (typeof sectionOrder)[number];
/** The placement section's second carer: a name without a mobile (or the reverse) is named against the blank one. */
export function secondCarerProblems(values: Record<string, unknown>): { field: string; message: string }[] {
  const given = (k: string) => typeof values[k] === 'string' && (values[k] as string).trim() !== '';
  if (given('carer2Name') && !given('carer2Mobile'))
    return [{ field: 'carer2Mobile', message: 'Enter the second carer’s mobile number' }];
  if (given('carer2Mobile') && !given('carer2Name'))
    return [{ field: 'carer2Name', message: 'Enter the second carer’s name' }];
  return [];
}
