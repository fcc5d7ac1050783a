// Joi at the edge: every problem with a request is reported at once, in sentences a social
// worker understands, with the field named. Never a stack trace.
import Boom from '@hapi/boom';
import Joi from 'joi';

export const joiMessages: Joi.LanguageMessages = {
  'any.required': '{{#label}} is required',
  'any.unknown': '{{#label}} is not a field this accepts',
  'any.only': '{{#label}} must be one of: {{#valids}}',
  'string.base': '{{#label}} must be text',
  'string.empty': '{{#label}} must not be empty',
  'string.max': '{{#label}} must be {{#limit}} characters or fewer',
  'string.min': '{{#label}} must be at least {{#limit}} characters',
  'string.email': '{{#label}} must be an email address, like name@example.org',
  'string.guid': '{{#label}} must be an id (a UUID)',
  'string.pattern.base': '{{#label}} is not in the expected format',
  'number.base': '{{#label}} must be a number',
  'number.integer': '{{#label}} must be a whole number',
  'number.min': '{{#label}} must be {{#limit}} or more',
  'number.max': '{{#label}} must be {{#limit}} or less',
  'boolean.base': '{{#label}} must be true or false',
  'date.base': '{{#label}} must be a date, like 2026-03-31 (or a date and time, like 2026-03-31T02:15:00Z)',
  'date.format': '{{#label}} must be a date, like 2026-03-31',
  'date.max': '{{#label}} cannot be in the future',
  'array.base': '{{#label}} must be a list',
  'array.includesRequiredUnknowns': '{{#label}} is missing a required entry',
  'array.unique': '{{#label}} lists the same entry twice',
  'array.max': '{{#label}} may have at most {{#limit}} entries',
  'object.base': '{{#label}} must be an object',
  'object.unknown': '{{#label}} is not a field this accepts',
  'object.missing': 'give at least one of {{#peersWithLabels}}',
};

// Compiled once: given as strings, Joi would parse every template again on each validation. hapi
// deep-copies the route's validation options into every request's; an object whose prototype says
// isImmutable (as Joi's own schemas do) is shared instead of copied: the messages and the error format.
const sharedNotCopied = Object.defineProperty({}, 'isImmutable', { value: true });
const compiledMessages: Joi.LanguageMessages = Object.assign(
  Object.create(sharedNotCopied) as object,
  Object.fromEntries(Object.entries(joiMessages).map(([code, text]) => [code, Joi.x(text as string)])),
);

export const validateOptions: Joi.ValidationOptions = {
  abortEarly: false,
  stripUnknown: false,
  messages: compiledMessages,
  errors: Object.assign(Object.create(sharedNotCopied) as object, { wrap: { label: false as const } }),
};

export interface FieldError {
  field: string;
  message: string;
}

export function toFieldErrors(error: Joi.ValidationError): FieldError[] {
  return error.details.map((d) => ({ field: d.path.join('.') || 'request', message: d.message }));
}

/** Route failAction: 400 with a sentence naming every field and what it expects. */
export function failAction(_request: unknown, _h: unknown, err?: Error): never {
  if (err && Joi.isError(err)) {
    const errors = toFieldErrors(err);
    const boom = Boom.badRequest(`Please correct the request: ${errors.map((e) => e.message).join('; ')}.`);
    (boom.output.payload as unknown as Record<string, unknown>).errors = errors;
    throw boom;
  }
  throw Boom.badRequest('The request could not be read. Check it is well-formed JSON or form data.');
}
