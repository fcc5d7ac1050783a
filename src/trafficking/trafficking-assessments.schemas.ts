// What a trafficking assessment accepts. Indicators come from the fixed list in trafficking-indicators.ts.
import { Joi } from '../platform/http/joi';
import { isoDate, longText, shortText } from '../platform/http/schemas';
import { assessmentOutcomes, traffickingIndicatorCodes } from './trafficking-indicators';

export const createAssessmentSchema = Joi.object({
  indicators: Joi.array()
    .items(Joi.string().valid(...traffickingIndicatorCodes))
    .unique()
    .default([]),
  outcome: Joi.string()
    .valid(...assessmentOutcomes)
    .required(),
  assessor: shortText.required(),
  assessedOn: isoDate.required(),
  notes: longText.empty('').allow(null).default(null),
}).label('assessment');
