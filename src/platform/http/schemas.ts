// Joi pieces shared by every domain's schemas.
import Joi from 'joi';

export const id = Joi.string().guid({ version: ['uuidv4', 'uuidv5', 'uuidv7'] });
export const idParam = Joi.object({ id: id.required() });
export const isoDate = Joi.string().pattern(/^\d{4}-\d{2}-\d{2}$/).messages({ 'string.pattern.base': '{{#label}} must be a date, like 2026-03-31' });
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
