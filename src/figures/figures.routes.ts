// Management figures for the caller's authority and a period, as JSON or CSV.
import { contextOf } from '../platform/http/context';
import { tokenOrSession } from '../platform/http/download-auth';
import type { AppRoute } from '../platform/http/types';
import { figuresCsv } from './figures.presenter';
import { figuresQuery } from './figures.schemas';

export const figuresRoutes: AppRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/figures',
    options: {
      tags: ['api', 'figures'],
      ...tokenOrSession,
      app: { action: 'figures.read' },
      description:
        'Management figures for a period (from, to as dates; default the collection year so far); format=csv for a spreadsheet',
      validate: { query: figuresQuery },
      handler: async (request, h) => {
        const { format, from, to } = request.query as { format: 'json' | 'csv'; from?: string; to?: string };
        const figures = await request.server.app.services.figures.figures(contextOf(request), { from, to });
        if (format === 'json') return figures;
        return h
          .response(figuresCsv(figures))
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="figures-${figures.from}-to-${figures.to}.csv"`);
      },
    },
  },
];
