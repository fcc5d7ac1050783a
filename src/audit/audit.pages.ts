// Administration: the audit trail, newest first, with the CSV export for the same events.
import type { AppRoute } from '../platform/http/types';
import { contextOf } from '../platform/http/context';
import { formatDateTime } from '../platform/views/format';
import { auditQuery, exportAuditCsv } from './audit.routes';

export const auditPages: AppRoute[] = [
  {
    method: 'GET', path: '/admin/audit',
    options: {
      auth: 'session', app: { action: 'audit.read' }, description: 'Audit trail', validate: { query: auditQuery },
      handler: async (request, h) => {
        const ctx = contextOf(request);
        const tz = request.server.app.config.displayTimeZone;
        const events = await request.server.app.services.audit.list(ctx, request.query as never);
        await request.server.app.services.audit.record(null, ctx, { action: 'read', entityType: 'audit_trail', changes: { filter: request.query } });
        return h.view('admin-audit', {
          backLink: { href: '/admin', text: 'Back to administration' }, csvHref: '/admin/audit.csv',
          rows: events.map((e) => ({ at: formatDateTime(e.at, tz), who: e.actorRole ?? 'system', action: e.action, what: e.entityType, entityId: e.entityId ?? '', ip: e.ip ?? '' })),
        });
      },
    },
  },
  {
    method: 'GET', path: '/admin/audit.csv',
    options: { auth: 'session', app: { action: 'audit.read' }, description: 'Audit trail as CSV', validate: { query: auditQuery }, handler: exportAuditCsv },
  },
];
