// What a contact accepts: a mobile (normalised to E.164), an email, or both, but never neither.
import { Joi } from '../platform/http/joi';
import { email, shortText } from '../platform/http/schemas';
import { LANGUAGES } from '../platform/i18n/language';
import { phoneNumber } from '../platform/phone';
import { contactRoles } from './contact.entity';

const fields = {
  name: shortText,
  organisation: shortText,
  role: Joi.string().valid(...contactRoles),
  mobile: phoneNumber.allow(null),
  email: email.allow(null),
  voiceNumber: phoneNumber.allow(null),
  active: Joi.boolean(),
  /** The language the contact chose (Welsh Language Standards); null: not asked, the authority's setting decides. */
  language: Joi.string()
    .valid(...LANGUAGES)
    .allow(null)
    .messages({ 'any.only': 'language must be "en" (English), "cy" (Cymraeg) or null (not asked)' }),
};

const reachable = { 'object.missing': 'give at least one of mobile or email, so the contact can be reached' };

export const createContactSchema = Joi.object({
  ...fields,
  name: fields.name.required(),
  organisation: fields.organisation.required(),
  role: fields.role.required(),
})
  .or('mobile', 'email')
  .messages(reachable)
  .label('contact');

export const updateContactSchema = Joi.object(fields).min(1).label('contact');

export const listContactsQuery = Joi.object({
  role: Joi.string().valid(...contactRoles),
  active: Joi.boolean(),
});
