// What a placement accepts. Carers' mobiles are normalised to E.164.
import { Joi } from '../platform/http/joi';
import { email, shortText, timestamp } from '../platform/http/schemas';
import { phoneNumber } from '../platform/phone';
import { placementTypes } from './placement.entity';

const carer = Joi.object({ name: shortText.required(), mobile: phoneNumber.required(), email: email.allow(null) });
const carers = Joi.array().items(carer).max(6);

export const startPlacementSchema = Joi.object({
  type: Joi.string().valid(...placementTypes).required(),
  provider: shortText.required(),
  address: Joi.string().multiline().trim().max(500).required(),
  startedAt: timestamp,
  carers: carers.min(1).required().messages({ 'array.min': 'carers must list at least one carer with a mobile number' }),
}).label('placement');

export const changePlacementSchema = Joi.object({
  type: Joi.string().valid(...placementTypes),
  provider: shortText,
  address: Joi.string().multiline().trim().max(500),
  carers,
}).min(1).label('placement');

export const endPlacementSchema = Joi.object({
  endedAt: timestamp,
  reason: Joi.string().multiline().trim().max(500).required(),
}).label('ending');
