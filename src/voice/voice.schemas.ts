// What Twilio's voice webhooks carry that the service reads. Twilio sends many more fields, all of
// which take part in the signature, so unknown fields are allowed.
import { Joi } from '../platform/http/joi';

// A recorded call (no credentials) has the recording provider's id, so the demo can answer it too.
const callSid = Joi.string()
  .pattern(/^(CA[0-9a-fA-F]{32}|recorded-[0-9a-f-]{36})$/)
  .required();
const answeredBy = Joi.string().max(40).allow('');

export const callTwimlForm = Joi.object({ CallSid: callSid, AnsweredBy: answeredBy }).unknown(true).label('call');

export const callKeysForm = Joi.object({
  CallSid: callSid,
  Digits: Joi.string()
    .pattern(/^[0-9*#]{0,5}$/)
    .allow('')
    .default(''),
})
  .unknown(true)
  .label('key press');

export const callStatusForm = Joi.object({
  CallSid: callSid,
  CallStatus: Joi.string().max(32).required(),
  AnsweredBy: answeredBy,
})
  .unknown(true)
  .label('call status callback');
