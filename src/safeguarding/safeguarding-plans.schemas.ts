// What a new plan version accepts. Measures come from the fixed list in plan-measures.ts.
import { Joi } from '../platform/http/joi';
import { isoDate, longText, shortText } from '../platform/http/schemas';
import { bedCheckTimePattern, planMeasureCodes, risksOfMissing } from './plan-measures';

export const createPlanSchema = Joi.object({
  riskOfMissing: Joi.string()
    .valid(...risksOfMissing)
    .required(),
  measures: Joi.array()
    .items(Joi.string().valid(...planMeasureCodes))
    .unique()
    .default([]),
  agenciesToNotify: Joi.array().items(shortText).unique().max(20).default([]),
  agreedBy: shortText.required(),
  agreedOn: isoDate.required(),
  reviewOn: isoDate.required(),
  notes: longText.allow(null, ''),
  bedChecks: Joi.object({
    times: Joi.array()
      .items(
        Joi.string()
          .pattern(bedCheckTimePattern)
          .messages({ 'string.pattern.base': 'Each bed check time must be a time like 23:00' }),
      )
      .min(1)
      .max(12)
      .unique()
      .required(),
    days: Joi.number().integer().min(1).max(14).required(),
  }).allow(null),
}).label('plan');
