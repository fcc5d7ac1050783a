// What a missing profile accepts. A PUT replaces the whole profile. A social media entry takes a
// platform and a username only: a field that looks like a password is refused with a reason.
import { Joi } from '../platform/http/joi';
import { isoDate, longText, shortText } from '../platform/http/schemas';
import { phoneNumber } from '../platform/phone';

// A PUT replaces everything, so a field left out or blank is stored as null, never kept from before.
const optionalText = longText.empty('').allow(null).default(null);
const optionalShort = shortText.empty('').allow(null).default(null);

const socialMedia = Joi.object({
  platform: shortText.required(),
  username: shortText.required(),
}).pattern(
  /pass|pwd|secret|pin$|credential/i,
  Joi.any().forbidden().messages({
    'any.unknown':
      '{{#label}}: passwords and other secrets are never recorded; give only the platform and the username',
  }),
);

export const missingProfileSchema = Joi.object({
  physicalDescription: optionalText,
  distinguishingMarks: optionalText,
  photoTakenOn: isoDate.empty('').allow(null).default(null),
  phones: Joi.array()
    .items(Joi.object({ number: phoneNumber.required(), handset: optionalShort }))
    .max(10)
    .default([]),
  socialMedia: Joi.array().items(socialMedia).max(20).default([]),
  languages: Joi.array().items(shortText).unique().max(10).default([]),
  medicalNeeds: optionalText,
  medication: optionalText,
  associates: Joi.array()
    .items(
      Joi.object({
        name: shortText.required(),
        relationship: optionalShort,
        phone: phoneNumber.empty('').allow(null).default(null),
      }),
    )
    .max(30)
    .default([]),
  places: Joi.array()
    .items(Joi.object({ description: shortText.required(), risk: optionalText }))
    .max(30)
    .default([]),
  travelCards: optionalText,
  missingHistory: optionalText,
}).label('profile');
