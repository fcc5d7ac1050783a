// What the notification routes accept. Twilio's callback carries more fields than these, all of
// which take part in its signature, so unknown fields are allowed there.
import { Joi } from '../platform/http/joi';
import { paging } from '../platform/http/schemas';

export const failedQuery = Joi.object(paging);

export const twilioStatusPayload = Joi.object({
  MessageSid: Joi.string().max(64).required(),
  MessageStatus: Joi.string().max(32).required(),
  ErrorCode: Joi.string().allow('').max(16),
})
  .unknown(true)
  .label('status callback');
