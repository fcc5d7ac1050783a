// Query of the management figures: a period of London dates (default: the collection year so far).
import { Joi } from '../platform/http/joi';
import { isoDate } from '../platform/http/schemas';

export const figuresQuery = Joi.object({
  from: isoDate,
  to: isoDate,
  format: Joi.string().valid('json', 'csv').default('json'),
});

export const figuresPageQuery = Joi.object({ from: isoDate, to: isoDate });
