// What a child's record accepts. Sex uses the SSDA903 codes (1 male, 2 female).
import { Joi } from '../platform/http/joi';
import { id, isoDate, paging, shortText, timestamp } from '../platform/http/schemas';
import { identifiedBy, traffickingStatuses } from './child.entity';

const fields = {
  localId: Joi.string()
    .trim()
    .max(10)
    .pattern(/^[A-Za-z0-9-]+$/)
    .messages({ 'string.pattern.base': 'localId (the 903 CHILD id) may contain only letters, digits and hyphens' }),
  firstNames: shortText,
  lastName: shortText,
  aliases: Joi.array().items(shortText).max(20),
  dateOfBirth: isoDate,
  dobEstimated: Joi.boolean(),
  ageDisputed: Joi.boolean(),
  sex: Joi.number().valid(1, 2).messages({ 'any.only': 'sex must be 1 (male) or 2 (female), as in the SSDA903' }),
  gender: shortText.allow(null, ''),
  nationality: shortText.allow(null, ''),
  firstLanguage: shortText.allow(null, ''),
  interpreterNeeded: Joi.boolean(),
  uasc: Joi.boolean(),
  arrivalDate: isoDate.allow(null),
  arrivalPort: shortText.allow(null, ''),
  identifiedBy: Joi.string()
    .valid(...identifiedBy)
    .allow(null),
  traffickingStatus: Joi.string().valid(...traffickingStatuses),
  socialWorkerId: id.allow(null),
};

export const createChildSchema = Joi.object({
  ...fields,
  localId: fields.localId.required(),
  firstNames: fields.firstNames.required(),
  lastName: fields.lastName.required(),
  dateOfBirth: fields.dateOfBirth.required(),
  sex: fields.sex.required(),
  traffickingStatus: fields.traffickingStatus.required(),
  careStartedAt: timestamp,
}).label('child');

export const endCareSchema = Joi.object({
  endedAt: timestamp.description('When care ended (default: now)'),
  reason: Joi.string()
    .multiline()
    .trim()
    .max(500)
    .required()
    .description('Why care ended, e.g. turned 18, returned home, adopted'),
}).label('careEnding');

export const updateChildSchema = Joi.object(fields).min(1).label('child');

export const listChildrenQuery = Joi.object({
  search: Joi.string().trim().max(100),
  inCare: Joi.boolean(),
  ...paging,
});
