// Phone numbers are stored in E.164 so an inbound text's From matches the registered carer.
// UK formats people actually type (07700 900101, +44 (0)7700 900101, 0044 7700 900101) are accepted.
import { Joi } from './http/joi';

export function toE164(input: string): string | null {
  let s = input.replace(/[\s().-]/g, '');
  if (s.startsWith('+44(0)') || s.startsWith('+440')) s = `+44${s.replace(/^\+44(\(0\)|0)/, '')}`;
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  else if (s.startsWith('0')) s = `+44${s.slice(1)}`;
  else if (/^44\d{10}$/.test(s)) s = `+${s}`;
  if (/^\+44\d{10}$/.test(s)) return s;
  if (/^\+(?!44)[1-9]\d{6,14}$/.test(s)) return s;
  return null;
}

/** Joi rule: a phone number in any common UK or international form, normalised to E.164. */
export const phoneNumber = Joi.string()
  .trim()
  .max(30)
  .custom((value: string, helpers) => {
    const e164 = toE164(value);
    return e164 ?? helpers.error('phone.invalid');
  })
  .messages({ 'phone.invalid': '{{#label}} must be a phone number, like 07700 900101 or +447700900101' });
