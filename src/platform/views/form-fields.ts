// Joi rules for page forms with the GOV.UK error copy: "Enter ...", "Select ...", "... must be ...".
import { Joi } from '../http/joi';
import { toE164 } from '../phone';

// Text up to 200 characters is one line (a name, a reference); longer text is typed in a textarea.
const text = (max: number) => (max > 200 ? Joi.string().multiline() : Joi.string()).trim().max(max);

export const requiredText = (max: number, enter: string, label: string) =>
  text(max)
    .required()
    .messages({
      'any.required': `Enter ${enter}`,
      'string.empty': `Enter ${enter}`,
      'string.max': `${label} must be ${max} characters or fewer`,
    });

export const optionalText = (max: number, label: string) =>
  text(max)
    .allow('')
    .messages({ 'string.max': `${label} must be ${max} characters or fewer` });

export const choice = (values: readonly string[], select: string) =>
  Joi.string()
    .valid(...values)
    .required()
    .messages({
      'any.required': `Select ${select}`,
      'string.empty': `Select ${select}`,
      'any.only': `Select ${select}`,
    });

export const optionalEmail = (label: string) =>
  Joi.string()
    .trim()
    .max(254)
    .email({ tlds: false })
    .allow('')
    .messages({
      'string.email': `Enter ${label} in the correct format, like name@example.org`,
      'string.max': `${label} must be 254 characters or fewer`,
    });

export const optionalMobile = (label: string) =>
  Joi.string()
    .trim()
    .max(30)
    .allow('')
    .custom((v: string, h) => (!v || toE164(v) ? v : h.error('phone.invalid')))
    .messages({
      'phone.invalid': `Enter ${label} like 07700 900101 or +44 7700 900101`,
      'string.max': `${label} must be 30 characters or fewer`,
    });

/** The form's optional text as the service wants it: absent when blank. */
export const orUndefined = (v: string | undefined) => (v ? v : undefined);
export const orNull = (v: string | null | undefined) => (v ? v : null);

/** A value the form's `choice` already limited to `values`, typed as one of them (a guard, not a cast). */
export function chosen<T extends string>(values: readonly T[], value: string): T {
  const found = values.find((v) => v === value);
  if (found === undefined) throw new Error(`Form value outside its choices: ${values.join(', ')}`);
  return found;
}
