// The caller's own authority. Users never see the list of other authorities.
import { contextOf } from '../platform/http/context';
import type { AppRoute } from '../platform/http/types';

export const authoritiesRoutes: AppRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/authorities/current',
    options: {
      tags: ['api', 'authorities'],
      description: "The caller's local authority",
      app: { action: 'self.session' },
      handler: async (request) => {
        const a = await request.server.app.services.authorities.get(contextOf(request).actor.authorityId);
        // language: how messages are written where a person's own is not recorded (issue 29).
        return { id: a.id, code: a.code, name: a.name, language: a.language };
      },
    },
  },
];
