// What a placement accepts. Carers' mobiles are normalised to E.164.
import type { CustomHelpers } from 'joi';

import { Joi } from '../platform/http/joi';
import { email, id, shortText, timestamp } from '../platform/http/schemas';
import { LANGUAGES } from '../platform/i18n/language';
import { phoneNumber } from '../platform/phone';
import { placementTypes } from './placement.entity';

// language: the carer's choice ("en" or "cy"); null for not asked; left out, what was recorded for that mobile stays.
const carer = Joi.object({
  name: shortText.required(),
  mobile: phoneNumber.required(),
  email: email.allow(null),
  language: Joi.string()
    .valid(...LANGUAGES)
    .allow(null)
    .messages({ 'any.only': 'language must be "en" (English), "cy" (Cymraeg) or null (not asked)' }),
});
const carers = Joi.array().items(carer).max(6);
// Out of area: a host authority of this service by id, or one outside it with its missing-children coordinator's
// contact.
const hostAuthority = Joi.object({
  code: Joi.string()
    .trim()
    .uppercase()
    .pattern(/^(E06|E08|E09|E10|W06)[0-9]{6}$/)
    .messages({
      'string.pattern.base': '{{#label}} must be an ONS code such as E09000017 (see GET /api/v1/placement-options)',
    }),
  name: shortText,
  coordinatorEmail: email.allow(null),
  coordinatorPhone: phoneNumber.allow(null),
})
  .or('coordinatorEmail', 'coordinatorPhone')
  .or('code', 'name')
  .messages({
    'object.missing': "hostAuthority needs its ONS code or name, and its missing-children coordinator's email or phone",
  });
const outOfArea = {
  hostAuthorityId: id.allow(null),
  hostAuthority: hostAuthority.allow(null),
  policeForceCode: Joi.string()
    .trim()
    .pattern(/^[a-z-]{2,40}$/)
    .allow(null)
    .messages({ 'string.pattern.base': '{{#label}} must be the code of a police force from the list' }),
};
// One host at most. Not Joi's oxor, which counts a null as given: { hostAuthorityId: null, hostAuthority: null }
// is a placement in our own area, said explicitly.
const oneHost = (v: { hostAuthorityId?: string | null; hostAuthority?: object | null }, h: CustomHelpers) =>
  v.hostAuthorityId != null && v.hostAuthority != null ? h.error('any.oneHost') : v;
const oneHostMessage = { 'any.oneHost': 'give either hostAuthorityId or hostAuthority, not both' };

export const startPlacementSchema = Joi.object({
  type: Joi.string()
    .valid(...placementTypes)
    .required(),
  provider: shortText.required(),
  address: Joi.string().multiline().trim().max(500).required(),
  startedAt: timestamp,
  carers: carers
    .min(1)
    .required()
    .messages({ 'array.min': 'carers must list at least one carer with a mobile number' }),
  ...outOfArea,
})
  .custom(oneHost)
  .messages(oneHostMessage)
  .label('placement');

export const changePlacementSchema = Joi.object({
  type: Joi.string().valid(...placementTypes),
  provider: shortText,
  address: Joi.string().multiline().trim().max(500),
  carers,
  ...outOfArea,
})
  .min(1)
  .custom(oneHost)
  .messages(oneHostMessage)
  .label('placement');

export const endPlacementSchema = Joi.object({
  endedAt: timestamp,
  reason: Joi.string().multiline().trim().max(500).required(),
}).label('ending');
