// Twilio's inbound message form (only the fields we use are checked; Twilio sends many more).
import { Joi } from '../platform/http/joi';
import { id, paging } from '../platform/http/schemas';
import { cleanBlock } from '../platform/text/clean-text';

export const inboundSmsForm = Joi.object({
  MessageSid: Joi.string()
    .pattern(/^[A-Z]{2}[0-9a-fA-F]{32}$/)
    .required(),
  From: Joi.string().max(40).required(),
  To: Joi.string().max(40).allow(''),
  // A carer's text is never refused for what is in it: control characters are taken out and the rest kept.
  Body: Joi.any()
    .custom((body: unknown, helpers) => {
      if (typeof body !== 'string') return helpers.error('string.base');
      const kept = cleanBlock(body);
      return kept.length > 1600 ? helpers.error('string.max', { limit: 1600 }) : kept;
    })
    .default(''),
}).unknown(true);

export const inboundListQuery = Joi.object({
  attention: Joi.boolean().description('only messages waiting for the duty worker'),
  ...paging,
});

export const handledPayload = Joi.object({ note: Joi.string().multiline().trim().max(1000).required() });
export const inboundIdParam = Joi.object({ id: id.required() });
