// The figures page: charts (inline SVG with a table beneath each) for the caller's authority.
import { DomainError } from '../platform/errors';
import { contextOf } from '../platform/http/context';
import { Joi } from '../platform/http/joi';
import type { AppRoute } from '../platform/http/types';
import { translatorOf } from '../platform/i18n/language.plugin';
import { pageErrors } from '../platform/views/forms';
import { figuresPageQuery } from './figures.schemas';
import { figuresPage } from './figures-page.presenter';

export const figuresPages: AppRoute[] = [
  {
    method: 'GET',
    path: '/figures',
    options: {
      auth: 'session',
      app: { action: 'figures.read' },
      validate: {
        query: figuresPageQuery,
        failAction: (request, h, err) => {
          const details =
            err && Joi.isError(err) ? err.details.map((d) => ({ field: String(d.path[0]), message: d.message })) : [];
          return h
            .view('figures', { values: request.query, ...pageErrors(details) })
            .code(400)
            .takeover();
        },
      },
      handler: async (request, h) => {
        const { from, to } = request.query as { from?: string; to?: string };
        try {
          const figures = await request.server.app.services.figures.figures(contextOf(request), { from, to });
          return h.view('figures', {
            figures,
            ...figuresPage(figures, translatorOf(request)),
            values: { from: figures.from, to: figures.to },
            fieldErrors: {},
          });
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          const problems = (err.details?.errors as { field: string; message: string }[] | undefined) ?? [
            { field: 'from', message: err.message },
          ];
          return h.view('figures', { values: request.query, ...pageErrors(problems) }).code(400);
        }
      },
    },
  },
];
