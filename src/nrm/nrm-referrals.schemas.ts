// What an NRM referral accepts. Dates and decisions are checked against each other by the service.
import { Joi } from '../platform/http/joi';
import { isoDate, shortText } from '../platform/http/schemas';
import { decisionMakers, nrmDecisions } from './nrm-deadlines';

const fields = {
  referredOn: isoDate,
  firstResponder: shortText,
  reference: shortText.empty('').allow(null),
  decisionMaker: Joi.string().valid(...decisionMakers),
  rgDecision: Joi.string().valid(...nrmDecisions),
  rgDecidedOn: isoDate.allow(null),
  cgDecision: Joi.string().valid(...nrmDecisions),
  cgDecidedOn: isoDate.allow(null),
};

export const createReferralSchema = Joi.object({
  ...fields,
  referredOn: fields.referredOn.required(),
  firstResponder: fields.firstResponder.required(),
  decisionMaker: fields.decisionMaker.required(),
}).label('referral');

export const updateReferralSchema = Joi.object(fields).min(1).label('referral');
