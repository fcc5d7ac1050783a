// Joi pieces shared by every domain's schemas.
import Joi from 'joi';

export const id = Joi.string().guid({ version: ['uuidv4', 'uuidv5', 'uuidv7'] });
export const idParam = Joi.object({ id: id.required() });
// A calendar date that exists: 2026-02-30 is refused here rather than failing deeper down.
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
export const isoDate = Joi.string().pattern(datePattern).custom((value: string, helpers) => {
  if (!datePattern.test(value)) return value; // the pattern rule has already said what is wrong
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value) ? value : helpers.error('date.unreal');
}).messages({ 'string.pattern.base': '{{#label}} must be a date, like 2026-03-31', 'date.unreal': '{{#label}} is not a real date (check the day and month)' });
export const timestamp = Joi.date().iso();
export const shortText = Joi.string().trim().max(200);
export const longText = Joi.string().trim().max(5000);
export const email = Joi.string().trim().email({ tlds: false }).max(254);
export const paging = {
  limit: Joi.number().integer().min(1).max(200).default(50),
  offset: Joi.number().integer().min(0).default(0),
};
export const errorResponse = Joi.object({
  statusCode: Joi.number(), error: Joi.string(), message: Joi.string(),
}).unknown(true).label('Error');
