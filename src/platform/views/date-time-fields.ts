// GOV.UK date input (day, month, year) plus a 24-hour time, read as the authority's local time.
// Forms are filled in at 3 a.m. in England: the instant is worked out in that zone, not in UTC.
import type { Schema } from 'joi';

import { invalidFields } from '../errors';
import { Joi } from '../http/joi';

export interface DateTimeValues {
  day: string;
  month: string;
  year: string;
  time: string;
}

/** Joi keys for one date-and-time question; `what` completes "Enter the day <what>". */
export function dateTimeKeys(prefix: string, what: string, required = true) {
  const need = (s: Schema) => (required ? s.required() : s.allow(''));
  const msg = (part: string) => ({
    'any.required': `Enter the ${part} ${what}`,
    'string.empty': `Enter the ${part} ${what}`,
  });
  return {
    [`${prefix}Day`]: need(
      Joi.string()
        .trim()
        .pattern(/^(0?[1-9]|[12]\d|3[01])$/),
    ).messages({ ...msg('day'), 'string.pattern.base': `The day ${what} must be a number from 1 to 31` }),
    [`${prefix}Month`]: need(
      Joi.string()
        .trim()
        .pattern(/^(0?[1-9]|1[0-2])$/),
    ).messages({ ...msg('month'), 'string.pattern.base': `The month ${what} must be a number from 1 to 12` }),
    [`${prefix}Year`]: need(
      Joi.string()
        .trim()
        .pattern(/^20\d\d$/),
    ).messages({ ...msg('year'), 'string.pattern.base': `The year ${what} must be 4 digits, like 2026` }),
    [`${prefix}Time`]: need(
      Joi.string()
        .trim()
        .pattern(/^([01]?\d|2[0-3])[:.][0-5]\d$/),
    ).messages({ ...msg('time'), 'string.pattern.base': `The time ${what} must be a 24-hour time, like 21:30` }),
  };
}

export function valuesOf(payload: Record<string, string>, prefix: string): DateTimeValues {
  return {
    day: payload[`${prefix}Day`] ?? '',
    month: payload[`${prefix}Month`] ?? '',
    year: payload[`${prefix}Year`] ?? '',
    time: payload[`${prefix}Time`] ?? '',
  };
}

function offsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .formatToParts(at)
    .reduce<Record<string, number>>(
      (acc, p) => (p.type === 'literal' ? acc : { ...acc, [p.type]: Number(p.value) }),
      {},
    );
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant, or null when the date does not exist (31 February). */
export function toInstant(v: DateTimeValues, timeZone: string): Date | null {
  if (!v.day || !v.month || !v.year || !v.time) return null;
  const [hh, mm] = v.time.split(/[:.]/).map(Number);
  const [y, m, d] = [Number(v.year), Number(v.month), Number(v.day)];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  const check = new Date(naive);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  const guess = new Date(naive - offsetMinutes(new Date(naive), timeZone) * 60_000);
  return new Date(naive - offsetMinutes(guess, timeZone) * 60_000);
}

/** Form values for an instant, shown in the zone (used to prefill "now"). */
export function fieldsFor(at: Date, timeZone: string, prefix: string): Record<string, string> {
  const p = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
    .formatToParts(at)
    .reduce<Record<string, string>>((acc, x) => ({ ...acc, [x.type]: x.value }), {});
  return {
    [`${prefix}Day`]: String(Number(p.day)),
    [`${prefix}Month`]: String(Number(p.month)),
    [`${prefix}Year`]: p.year,
    [`${prefix}Time`]: `${p.hour}:${p.minute}`,
  };
}

/** Joi keys for a date-only question (GOV.UK date input). */
export function dateKeys(prefix: string, what: string, required = true) {
  const { [`${prefix}Time`]: _time, ...keys } = dateTimeKeys(prefix, what, required);
  return keys;
}

/** YYYY-MM-DD from a date-only question; null when blank; 'invalid' when the date does not exist. */
export function isoDateOf(payload: Record<string, string>, prefix: string): string | null | 'invalid' {
  const v = valuesOf(payload, prefix);
  if (!v.day && !v.month && !v.year) return null;
  const at = toInstant({ ...v, time: '12:00' }, 'UTC');
  return at ? at.toISOString().slice(0, 10) : 'invalid';
}

/** Form values for a YYYY-MM-DD date. */
export function dateFieldsFor(date: string | null, prefix: string): Record<string, string> {
  if (!date) return {};
  const [y, m, d] = date.split('-');
  return { [`${prefix}Day`]: String(Number(d)), [`${prefix}Month`]: String(Number(m)), [`${prefix}Year`]: y };
}

/** The instant typed into a date-and-time question, or a field error against its day box. */
export function requiredInstant(payload: Record<string, string>, prefix: string, what: string, timeZone: string): Date {
  const at = toInstant(valuesOf(payload, prefix), timeZone);
  if (!at) throw invalidFields([{ field: `${prefix}Day`, message: `The date ${what} must be a real date` }]);
  return at;
}

/** The date typed into a date-only question, or a field error against its day box. */
export function requiredDate(payload: Record<string, string>, prefix: string, what: string): string {
  const date = isoDateOf(payload, prefix);
  if (!date || date === 'invalid')
    throw invalidFields([{ field: `${prefix}Day`, message: `The date ${what} must be a real date` }]);
  return date;
}
