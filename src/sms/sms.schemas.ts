// Twilio's inbound message form (only the fields we use are checked; Twilio sends many more).
import Joi from 'joi';
import { id, paging } from '../platform/http/schemas';

export const inboundSmsForm = Joi.object({
  MessageSid: Joi.string().pattern(/^[A-Z]{2}[0-9a-fA-F]{32}$/).required(),
  From: Joi.string().max(40).required(),
  To: Joi.string().max(40).allow(''),
  Body: Joi.string().max(1600).allow('').default(''),
}).unknown(true);

export const inboundListQuery = Joi.object({
  attention: Joi.boolean().description('only messages waiting for the duty worker'),
  ...paging,
});

export const handledPayload = Joi.object({ note: Joi.string().trim().max(1000).required() });
export const inboundIdParam = Joi.object({ id: id.required() });
