// Administration: the audit trail, newest first, filtered by user, child, action and days, with the
// CSV export for the same filters. Filters a person got wrong re-render the page with the GOV.UK error
// summary (400), never JSON.
import type { ReqRef, Request, ResponseToolkit } from '@hapi/hapi';
import Joi from 'joi';

import { contextOf } from '../platform/http/context';
import type { AppRoute } from '../platform/http/types';
import { failAction } from '../platform/http/validation';
import { translatorOf } from '../platform/i18n/language.plugin';
import { pageErrors } from '../platform/views/forms';
import { auditPageRow } from './audit.presenter';
import { auditQuery, exportAuditCsv, readTrail } from './audit.routes';

const filterFields = ['userId', 'childId', 'action', 'from', 'to'] as const;

async function renderPage<R extends ReqRef>(
  request: Request<R>,
  h: ResponseToolkit<R>,
  rows: ReturnType<typeof auditPageRow>[] | null,
  problems: { field: string; message: string }[] = [],
) {
  const users = await request.server.app.services.users.list(contextOf(request));
  const raw = request.query as Record<string, unknown>;
  const values = Object.fromEntries(filterFields.map((f) => [f, typeof raw[f] === 'string' ? raw[f] : '']));
  const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v) as [string, string][]).toString();
  return h.view('admin-audit', {
    backLink: { href: '/admin', text: 'Back to administration' },
    csvHref: `/admin/audit.csv${query ? `?${query}` : ''}`,
    values,
    rows,
    ...pageErrors(problems),
    userItems: [
      { value: '', text: translatorOf(request).t('admin.audit.anyone') },
      ...users.map((u) => ({ value: u.id, text: `${u.name} (${u.email})`, selected: u.id === values.userId })),
    ],
  });
}

export const auditPages: AppRoute[] = [
  {
    method: 'GET',
    path: '/admin/audit',
    options: {
      auth: 'session',
      app: { action: 'audit.read' },
      description: 'Audit trail',
      validate: {
        query: auditQuery,
        failAction: async (request, h, err) => {
          if (!err || !Joi.isError(err)) return failAction(request, h, err);
          const problems = err.details.map((d) => ({ field: d.path.join('.') || 'from', message: d.message }));
          return (await renderPage(request, h, null, problems)).code(400).takeover();
        },
      },
      handler: async (request, h) => {
        const tz = request.server.app.config.displayTimeZone;
        const events = await readTrail(request, 'read');
        return renderPage(
          request,
          h,
          events.map((e) => auditPageRow(e, tz, translatorOf(request))),
        );
      },
    },
  },
  {
    method: 'GET',
    path: '/admin/audit.csv',
    options: {
      auth: 'session',
      app: { action: 'audit.read' },
      description: 'Audit trail as CSV',
      validate: { query: auditQuery },
      handler: exportAuditCsv,
    },
  },
];
