// The home page after sign-in. The pages work grows this into the dashboard.
import type { AppRoute } from '../platform/http/types';
import { contextOf } from '../platform/http/context';
import { roleLabels } from '../platform/auth/roles';

export const homePages: AppRoute[] = [
  {
    method: 'GET', path: '/',
    options: {
      auth: 'session', app: { action: 'self.session' },
      handler: async (request, h) => {
        const { actor } = contextOf(request);
        const authority = await request.server.app.services.authorities.get(actor.authorityId);
        return h.view('home', { authorityName: authority.name, roleLabel: roleLabels[actor.role] });
      },
    },
  },
];
