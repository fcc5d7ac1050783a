// The dashboard: the first page after sign-in. It updates itself every minute (the person can stop
// it) so a screen left open in the duty office keeps "missing for" times and delivery states current.
import { episodeReferencePattern } from '../missing/episode-reference';
import { contextOf } from '../platform/http/context';
import { Joi } from '../platform/http/joi';
import type { AppRoute } from '../platform/http/types';
import { translatorOf } from '../platform/i18n/language.plugin';
import { presentDashboard } from './dashboard-page.presenter';

export const homePages: AppRoute[] = [
  {
    method: 'GET',
    path: '/',
    options: {
      auth: 'session',
      app: { action: 'self.session' },
      description: 'The dashboard',
      validate: { query: Joi.object({ reported: Joi.string().pattern(episodeReferencePattern) }) },
      handler: async (request, h) => {
        const { services, config } = request.server.app;
        const ctx = contextOf(request);
        const authority = await services.authorities.get(ctx.actor.authorityId);
        const dashboard = await services.dashboard.forActor(ctx);
        return h.view('dashboard', {
          ...presentDashboard(dashboard, config.displayTimeZone, authority.name, ctx.actor.role, translatorOf(request)),
          reported: request.query.reported,
          refreshSeconds: 60,
        });
      },
    },
  },
];
