// The audit trail for administrators: who read or changed which child's record, when, from where.
// JSON for screens, CSV for export (per child or per user).
import { Joi } from '../platform/http/joi';
import type { Lifecycle } from '@hapi/hapi';
import type { AppRoute } from '../platform/http/types';
import { contextOf } from '../platform/http/context';
import { id } from '../platform/http/schemas';
import { auditCsv, presentAuditEvent } from './audit.presenter';

export const auditQuery = Joi.object({
  childId: id, userId: id,
  limit: Joi.number().integer().min(1).max(10_000).default(200),
  before: Joi.string().pattern(/^\d+$/).messages({ 'string.pattern.base': 'before must be an audit event id' }),
});

export const auditRoutes: AppRoute[] = [
  {
    method: 'GET', path: '/api/v1/audit',
    options: {
      tags: ['api', 'audit'], description: 'Audit trail of the caller\'s authority, newest first (filter by child or user)', app: { action: 'audit.read' },
      validate: { query: auditQuery },
      handler: async (request) => {
        const ctx = contextOf(request);
        const events = await request.server.app.services.audit.list(ctx, request.query as never);
        await request.server.app.services.audit.record(null, ctx, { action: 'read', entityType: 'audit_trail', changes: { filter: request.query } });
        return events.map(presentAuditEvent);
      },
    },
  },
  {
    method: 'GET', path: '/api/v1/audit.csv',
    options: {
      tags: ['api', 'audit'], description: 'The same audit trail as CSV, for export', app: { action: 'audit.read' },
      validate: { query: auditQuery },
      handler: exportAuditCsv,
    },
  },
];

/** The CSV export; the administration page links to the same export through its own session route. */
export async function exportAuditCsv(...[request, h]: Parameters<Lifecycle.Method>): Promise<Lifecycle.ReturnValue> {
  const ctx = contextOf(request);
  const events = await request.server.app.services.audit.list(ctx, request.query as never);
  await request.server.app.services.audit.record(null, ctx, { action: 'export', entityType: 'audit_trail', changes: { filter: request.query, rows: events.length } });
  return h.response(auditCsv(events)).type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="audit-trail.csv"');
}
