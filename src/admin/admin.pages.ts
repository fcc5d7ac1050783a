// The administration index: links to the sections the person's role may open.
import Boom from '@hapi/boom';

import { contextOf } from '../platform/http/context';
import type { AppRoute } from '../platform/http/types';
import { adminSectionsFor } from './admin-sections';

export const adminPages: AppRoute[] = [
  {
    method: 'GET',
    path: '/admin',
    options: {
      auth: 'session',
      app: { action: 'self.session' },
      description: 'Administration index',
      handler: (request, h) => {
        const sections = adminSectionsFor(contextOf(request).actor.role);
        if (!sections.length) throw Boom.forbidden('Your role does not allow this.');
        return h.view('admin', { sections });
      },
    },
  },
];
