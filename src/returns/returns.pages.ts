// The SSDA903 page for managers and administrators: a collection year's missing table checked
// against the DfE rules, every problem with what to fix, and the CSV to download with the page
// session (a final file only when no rule is broken; a draft at any time).
import { today } from '../platform/dates';
import { contextOf } from '../platform/http/context';
import { Joi } from '../platform/http/joi';
import type { AppRoute } from '../platform/http/types';
import { translatorOf } from '../platform/i18n/language.plugin';

/** The collection year (1 April to 31 March) a date falls in, named by the year it starts. */
const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4)) - (Number(isoDate.slice(5, 7)) < 4 ? 1 : 0);
const named = (y: number) => `${y}-${String(y + 1).slice(2)}`;

export const returnsPages: AppRoute[] = [
  {
    method: 'GET',
    path: '/returns',
    options: {
      auth: 'session',
      app: { action: 'returns.read' },
      description: 'The SSDA903 missing return: problems and downloads',
      validate: { query: Joi.object({ year: Joi.number().integer().min(2000).max(2100) }) },
      handler: async (request, h) => {
        const current = yearOf(today(request.server.app.services.clock));
        const year = (request.query.year as number | undefined) ?? current;
        const t = translatorOf(request);
        const result = await request.server.app.services.ssda903Missing.export(contextOf(request), {
          year,
          draft: true,
          words: t,
        });
        const base = `/api/v1/returns/ssda903/missing?year=${year}`;
        return h.view('returns', {
          pageTitle: t.t('returns.title', { year: named(year) }),
          year: named(year),
          rows: result.rows.length,
          problems: result.problems.map((p) => [
            { text: p.child },
            { text: p.code },
            { text: p.message },
            { text: p.fix },
          ]),
          finalHref: result.problems.length ? null : `${base}&format=csv`,
          draftHref: `${base}&draft=true&format=csv`,
          years: [0, 1, 2].map((n) => ({ href: `/returns?year=${current - n}`, text: named(current - n) })),
        });
      },
    },
  },
];
