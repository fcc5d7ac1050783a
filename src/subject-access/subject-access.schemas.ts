// What the subject access and correction routes accept.
import { updateChildSchema } from '../children/children.schemas';
import { Joi } from '../platform/http/joi';
import { id, isoDate } from '../platform/http/schemas';

const reason = Joi.string().multiline().trim().min(3).max(1000).required();

export const createRequestSchema = Joi.object({
  childId: id.description('The child the request is about (or give carerMobile)'),
  carerMobile: Joi.string()
    .trim()
    .pattern(/^\+?[0-9 ]{10,16}$/)
    .messages({ 'string.pattern.base': 'carerMobile must be a mobile number, like 07700 900101' })
    .description("The carer's registered mobile, for a carer's own request"),
  requester: Joi.string()
    .trim()
    .max(200)
    .required()
    .description('Who asked: the child, a care leaver, a representative'),
  receivedOn: isoDate.required().description('The date the request was received'),
})
  .xor('childId', 'carerMobile')
  .messages({
    'object.xor': 'give either childId or carerMobile',
    'object.missing': 'give either childId or carerMobile',
  })
  .label('subjectAccessRequest');

export const pauseSchema = Joi.object({ reason, on: isoDate }).label('pause');
export const resumeSchema = Joi.object({ on: isoDate }).label('resume');
export const extendSchema = Joi.object({ months: Joi.number().integer().valid(1, 2).required(), reason }).label(
  'extend',
);
export const completeSchema = Joi.object({}).label('complete');

export const markSchema = Joi.object({
  section: Joi.string().trim().max(40).required(),
  itemId: Joi.string()
    .trim()
    .max(64)
    .required()
    .description("The item's id, or * for carers' contact details throughout"),
  field: Joi.string().trim().max(64).allow('').default('').description('One field, or empty for the whole item'),
  reason: Joi.string().valid('other_child', 'carer_contact', 'police_information', 'third_party').required(),
  note: Joi.string().trim().max(500).allow(null, ''),
}).label('redaction');

export const redactionParams = Joi.object({ id: id.required(), redactionId: id.required() });
export const exportQuery = Joi.object({ format: Joi.string().valid('json', 'pdf').default('json') });

export const correctionSchema = Joi.object({
  changes: updateChildSchema.required(),
  reason: reason.description('Why the record was wrong (kept with the correction)'),
}).label('correction');
