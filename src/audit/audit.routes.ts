// The audit trail for administrators: who read or changed which child's record (or was refused),
// when, from where. JSON for screens, CSV for export; both filter by user, child, action and days.
import type { Lifecycle, ReqRef, Request } from '@hapi/hapi';

import { contextOf } from '../platform/http/context';
import { tokenOrSession } from '../platform/http/download-auth';
import type { AppRoute } from '../platform/http/types';
import { auditCsv, presentAuditEvent } from './audit.presenter';
import { AuditFilters, auditQuery, toAuditQuery } from './audit.schemas';

export { auditQuery } from './audit.schemas';

export const auditRoutes: AppRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/audit',
    options: {
      tags: ['api', 'audit'],
      app: { action: 'audit.read' },
      description:
        "Audit trail of the caller's authority, newest first (filter by user, child, action, from and to days)",
      validate: { query: auditQuery },
      handler: async (request) => (await readTrail(request, 'read')).map(presentAuditEvent),
    },
  },
  {
    method: 'GET',
    path: '/api/v1/audit.csv',
    options: {
      tags: ['api', 'audit'],
      ...tokenOrSession,
      description: 'The same audit trail as CSV, for export',
      app: { action: 'audit.read' },
      validate: { query: auditQuery },
      handler: exportAuditCsv,
    },
  },
];

/**
 * The trail as the request's filters narrow it; reading the trail is itself audited (filters are ids and days only).
 */
export async function readTrail<R extends ReqRef>(request: Request<R>, action: 'read' | 'export') {
  const ctx = contextOf(request);
  const filters = request.query as unknown as AuditFilters;
  const events = await request.server.app.services.audit.list(
    ctx,
    toAuditQuery(filters, request.server.app.config.displayTimeZone),
  );
  await request.server.app.services.audit.record(null, ctx, {
    action,
    entityType: 'audit_trail',
    childId: filters.childId ?? null,
    changes: { filter: filters, rows: events.length },
  });
  return events;
}

/** The CSV export; the administration page links to the same export through its own session route. */
export async function exportAuditCsv(...[request, h]: Parameters<Lifecycle.Method>): Promise<Lifecycle.ReturnValue> {
  const events = await readTrail(request, 'export');
  return h
    .response(auditCsv(events))
    .type('text/csv; charset=utf-8')
    .header('Content-Disposition', 'attachment; filename="audit-trail.csv"');
}
