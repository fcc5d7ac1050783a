// Joi pieces shared by every domain's schemas.
import { Joi } from './joi';

export const id = Joi.string().guid({ version: ['uuidv4', 'uuidv5', 'uuidv7'] });
export const idParam = Joi.object({ id: id.required() });
// Nothing this service records happened before 1990 (the oldest care leaver it could serve was born
// after that) or is planned after 2100: a year 0000 or 9999 is a typing slip, refused at the edge.
// Whether an event is in the future, or before the child's birth, is the services' check (they have the clock).
export const EARLIEST_DATE = '1990-01-01';
export const LATEST_DATE = '2100-12-31';

/** True when the YYYY-MM-DD at the start of `text` is a day the calendar has (not 30 February). */
function realCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return false;
  const [y, m, d] = match.slice(1).map(Number);
  const at = new Date(0);
  at.setUTCFullYear(y, m - 1, d); // not Date.UTC, which reads the years 0 to 99 as 1900 to 1999
  return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d;
}

const dateMessages = {
  'date.unreal': '{{#label}} is not a real date (check the day and month)',
  'date.range': `{{#label}} must be between ${EARLIEST_DATE.slice(0, 4)} and ${LATEST_DATE.slice(0, 4)}`,
};

// A calendar date that exists: 2026-02-30 is refused here rather than failing deeper down.
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
export const isoDate = Joi.string()
  .pattern(datePattern)
  .custom((value: string, helpers) => {
    if (!datePattern.test(value)) return value; // the pattern rule has already said what is wrong
    if (!realCalendarDay(value)) return helpers.error('date.unreal');
    return value < EARLIEST_DATE || value > LATEST_DATE ? helpers.error('date.range') : value;
  })
  .messages({ 'string.pattern.base': '{{#label}} must be a date, like 2026-03-31', ...dateMessages });

// An instant in ISO 8601 form whose date part exists (JavaScript would read 2026-02-30 as 2 March).
export const timestamp = Joi.date()
  .iso()
  .custom((value: Date, helpers) => {
    const typed = helpers.original;
    if (typeof typed === 'string' && !realCalendarDay(typed)) return helpers.error('date.unreal');
    const date = value.toISOString().slice(0, 10);
    return date < EARLIEST_DATE || date > LATEST_DATE ? helpers.error('date.range') : value;
  })
  .messages(dateMessages);
export const shortText = Joi.string().trim().max(200);
export const longText = Joi.string().multiline().trim().max(5000);
export const email = Joi.string().trim().email({ tlds: false }).max(254);
export const paging = {
  limit: Joi.number().integer().min(1).max(200).default(50),
  offset: Joi.number().integer().min(0).default(0),
};
