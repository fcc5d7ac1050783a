// What POST /api/v1/arrivals accepts: the API's own schemas for a child, a placement and a plan,
// trimmed to what is known at the port, with the arrival, the indicators seen and the two referrals.
import { identifiedBy } from '../children/child.entity';
import { createChildSchema } from '../children/children.schemas';
import { decisionMakers } from '../nrm/nrm-deadlines';
import { startPlacementSchema } from '../placements/placements.schemas';
import { Joi } from '../platform/http/joi';
import { email, isoDate, longText, shortText, timestamp } from '../platform/http/schemas';
import { phoneNumber } from '../platform/phone';
import { createPlanSchema } from '../safeguarding/safeguarding-plans.schemas';
import { traffickingIndicatorCodes } from '../trafficking/trafficking-indicators';

// Set by the arrival itself, so not accepted on the child.
const setByArrival = ['arrivalDate', 'arrivalPort', 'identifiedBy', 'careStartedAt', 'socialWorkerId'];

export const arrivalSchema = Joi.object({
  child: createChildSchema
    .fork(['localId'], (s) => s.optional())
    .fork(setByArrival, (s) => s.forbidden())
    .required(),
  arrival: Joi.object({
    port: shortText.max(40).required().description('The airport or port, e.g. Heathrow Airport'),
    arrivedAt: timestamp.required().description('When the child was identified'),
    identifiedBy: Joi.string()
      .valid(...identifiedBy)
      .required(),
  }).required(),
  indicators: Joi.object({
    seen: Joi.array()
      .items(Joi.string().valid(...traffickingIndicatorCodes))
      .unique()
      .default([]),
    notes: longText.allow(null, '').default(null),
  }).default({ seen: [], notes: null }),
  plan: createPlanSchema
    .fork(['riskOfMissing', 'agreedOn'], (s) => s.forbidden())
    .fork(['agenciesToNotify'], (s) => s.strip())
    .required()
    .description('The first protection plan: risk of going missing is high, agreed today'),
  placement: startPlacementSchema.required(),
  guardian: Joi.object({
    organisation: shortText.required(),
    name: shortText.allow(null).default(null),
    mobile: phoneNumber.allow(null).default(null),
    email: email.allow(null).default(null),
    referredOn: isoDate.required(),
  }).required(),
  nrm: Joi.object({
    referredOn: isoDate.required(),
    firstResponder: shortText.required(),
    reference: shortText.empty('').allow(null).default(null),
    decisionMaker: Joi.string()
      .valid(...decisionMakers)
      .required(),
  }).required(),
}).label('arrival');
