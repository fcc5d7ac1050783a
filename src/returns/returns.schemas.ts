// Query of the statutory returns: the collection year named by the year it starts in.
import { Joi } from '../platform/http/joi';

export const ssda903Query = Joi.object({
  year: Joi.number().integer().min(2000).max(2100).required().messages({
    'any.required': 'year is required: give the year the collection year starts in, like 2025 for 2025-26',
  }),
  draft: Joi.boolean().default(false),
  format: Joi.string().valid('csv', 'json').default('csv'),
});
