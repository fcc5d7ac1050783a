// The audit trail's filters, validated at the edge: a user, a child, an action, and a range of days
// (from and to inclusive, in the service's display time zone). Empty form fields mean "any". Junk,
// such as an event id too large for the trail, is a 400 with a sentence rather than a database error.
import type { AuditQuery } from '../platform/audit/audit-trail.repository';
import { addDays } from '../platform/dates';
import { Joi } from '../platform/http/joi';
import { id, isoDate } from '../platform/http/schemas';
import { toInstant } from '../platform/views/date-time-fields';

export const auditQuery = Joi.object({
  childId: id.empty(''),
  userId: id.empty(''),
  action: Joi.string()
    .trim()
    .pattern(/^[a-z_]{1,40}$/)
    .empty('')
    .messages({ 'string.pattern.base': 'action must be an audit action, like read or refused' }),
  from: isoDate.empty(''),
  to: isoDate.empty(''),
  limit: Joi.number().integer().min(1).max(10_000).empty('').default(200),
  // A bigint's range: a longer number cannot be an event id.
  before: Joi.string()
    .pattern(/^[1-9]\d{0,17}$/)
    .empty('')
    .messages({ 'string.pattern.base': 'before must be an audit event id (a whole number)' }),
})
  .custom((value: { from?: string; to?: string }, helpers) =>
    value.from && value.to && value.from > value.to ? helpers.error('range.order') : value,
  )
  .messages({ 'range.order': 'from must be on or before to' });

export interface AuditFilters {
  childId?: string;
  userId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
  before?: string;
}

function startOfDay(day: string, timeZone: string): Date {
  const [year, month, date] = day.split('-');
  return toInstant({ year, month, day: date, time: '00:00' }, timeZone)!;
}

/** The validated filters as the trail is searched: days become instants in the display time zone. */
export function toAuditQuery(f: AuditFilters, timeZone: string): AuditQuery {
  return {
    childId: f.childId,
    userId: f.userId,
    action: f.action,
    limit: f.limit,
    before: f.before,
    from: f.from ? startOfDay(f.from, timeZone) : undefined,
    to: f.to ? startOfDay(addDays(f.to, 1), timeZone) : undefined,
  };
}
