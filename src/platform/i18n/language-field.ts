// The "language" question of the contact and carer forms (Welsh Language Standards: each person's
// choice asked and recorded): English, Cymraeg, or not asked yet (blank: the authority's setting decides).
import { Joi } from '../http/joi';
import { Language, LANGUAGES } from './language';

export const languageChoice = Joi.string()
  .valid('', ...LANGUAGES)
  .default('')
  .messages({ 'any.only': 'Select English, Cymraeg or not asked' });

/** The form's answer as stored: blank (not asked) is null. */
export const languageOf = (value: string | undefined): Language | null => LANGUAGES.find((l) => l === value) ?? null;
