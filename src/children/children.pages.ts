// The children list (with search) and a child's page for casework staff and the operational group.
import { can } from '../platform/auth/permissions';
import { contextOf } from '../platform/http/context';
import { Joi } from '../platform/http/joi';
import { idParam } from '../platform/http/schemas';
import type { AppRoute } from '../platform/http/types';
import { translatorOf } from '../platform/i18n/language.plugin';
import { presentChildPage, presentChildrenList } from './child-page.presenter';

const listQuery = Joi.object({
  search: Joi.string().trim().max(100).allow('').messages({ 'string.max': 'Search must be 100 characters or fewer' }),
  page: Joi.number().integer().min(1).max(1000).default(1),
});
const pageSize = 50;

export const childrenPages: AppRoute[] = [
  {
    method: 'GET',
    path: '/children',
    options: {
      auth: 'session',
      app: { action: 'children.read' },
      description: 'Children list with search',
      validate: { query: listQuery },
      handler: async (request, h) => {
        const ctx = contextOf(request);
        const search = request.query.search || undefined;
        const { items, total } = await request.server.app.services.children.list(ctx, {
          search,
          inCare: search ? undefined : true,
          limit: pageSize,
          offset: (request.query.page - 1) * pageSize,
        });
        return h.view('children', {
          addHref: can(ctx.actor.role, 'children.write') ? '/children/new' : null,
          ...presentChildrenList(
            items,
            total,
            search,
            request.server.app.config.displayTimeZone,
            can(ctx.actor.role, 'episodes.report'),
            translatorOf(request),
          ),
        });
      },
    },
  },
  {
    method: 'GET',
    path: '/children/{id}',
    options: {
      auth: 'session',
      app: { action: 'children.read' },
      description: "A child's record",
      validate: { params: idParam },
      handler: async (request, h) => {
        const ctx = contextOf(request);
        const data = await request.server.app.services.childPage.get(ctx, request.params.id);
        return h.view(
          'child',
          presentChildPage(
            data,
            request.server.app.config.displayTimeZone,
            {
              report: can(ctx.actor.role, 'episodes.report'),
              write: can(ctx.actor.role, 'children.write'),
              placementDetails: can(ctx.actor.role, 'placements.read'),
              correct: can(ctx.actor.role, 'children.correct'),
            },
            translatorOf(request),
          ),
        );
      },
    },
  },
];
