// Statutory returns: the SSDA903 missing table as the CSV the DfE expects, or as JSON to review.
// A return that would fail the DfE rules is a 422 listing every problem, unless a draft is asked for.
import { contextOf } from '../platform/http/context';
import { tokenOrSession } from '../platform/http/download-auth';
import type { AppRoute } from '../platform/http/types';
import { ssda903Query } from './returns.schemas';
import type { Ssda903Request } from './ssda903-missing.service';

export const returnsRoutes: AppRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/returns/ssda903/missing',
    options: {
      tags: ['api', 'returns'],
      ...tokenOrSession,
      app: { action: 'returns.read' },
      description:
        'SSDA903 missing table for a collection year (year=2025 means 1 April 2025 - 31 March 2026); 422 with the problems unless draft=true',
      validate: { query: ssda903Query },
      handler: async (request, h) => {
        const { format, ...options } = request.query as Ssda903Request & { format: 'csv' | 'json' };
        const result = await request.server.app.services.ssda903Missing.export(contextOf(request), options);
        const name = `ssda903-missing-${result.year}-${String(result.year + 1).slice(2)}${result.draft ? '-draft' : ''}`;
        if (format === 'json') {
          return {
            year: result.year,
            from: result.from,
            to: result.to,
            draft: result.draft,
            rows: result.rows,
            problems: result.problems,
          };
        }
        return h
          .response(result.csv)
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="${name}.csv"`)
          .header('X-Return-Problems', String(result.problems.length));
      },
    },
  },
];
