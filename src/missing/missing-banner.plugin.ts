// A missing child is shown missing at the top of every page about her, before any action: a GOV.UK
// notification banner with the episode, how long she has been missing and the risk, linking to the
// episode for those who may open it. One extension adds it to every page under /children/{id}.
import Boom from '@hapi/boom';
import type { Plugin, Request, ResponseObject, ResponseToolkit } from '@hapi/hapi';

import { can } from '../platform/auth/permissions';
import { contextOf } from '../platform/http/context';
import type { Translator } from '../platform/i18n/catalogue';
import { translatorOf } from '../platform/i18n/language.plugin';
import { durationInWords } from '../platform/views/durations';
import { formatDateTime } from '../platform/views/format';
import { riskText } from './episode-page.presenter';
import type { MissingEpisode } from './missing-episode.entity';

export function presentMissingBanner(e: MissingEpisode, now: Date, tz: string, mayOpen: boolean, tr: Translator) {
  return {
    heading: tr.t(e.kind === 'M' ? 'banner.missingNow' : 'banner.away', { reference: e.reference }),
    missingFor: durationInWords(e.discoveredAt, now, tr),
    since: formatDateTime(e.discoveredAt, tz, tr.lang),
    risk: riskText(e, tr),
    policeReference: e.policeReference,
    href: mayOpen ? `/episodes/${e.id}` : null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A page for bad input (the id is a NUL or a word: the route's own 400) is not about a child, and such an id must
// never reach the database.
const aboutAChild = (request: Request) =>
  request.route.path.startsWith('/children/{id}') && UUID.test(String(request.params.id ?? ''));

export const missingBannerPlugin: Plugin<void> = {
  name: 'app-missing-banner',
  register(server) {
    server.ext('onPreResponse', async (request: Request, h: ResponseToolkit) => {
      const response = request.response as ResponseObject;
      if (Boom.isBoom(response) || (response.variety as string) !== 'view' || !request.auth.isAuthenticated)
        return h.continue;
      // A refusal or an error page is never about the child: only pages that show her (a form error's 400 too).
      if (!aboutAChild(request) || response.statusCode > 400) return h.continue;
      const { services, config } = request.server.app;
      const ctx = contextOf(request);
      const episode = await services.missingEpisodes.missingNow(ctx, String(request.params.id));
      if (!episode) return h.continue;
      const source = response.source as { context?: Record<string, unknown> };
      source.context = {
        ...source.context,
        missingBanner: presentMissingBanner(
          episode,
          services.clock.now(),
          config.displayTimeZone,
          can(ctx.actor.role, 'episodes.read'),
          translatorOf(request),
        ),
      };
      return h.continue;
    });
  },
};
