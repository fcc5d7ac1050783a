// A child's missing profile (Philomena Protocol part 1): read it, or create/replace it with PUT.
import { contextOf } from '../platform/http/context';
import { idParam } from '../platform/http/schemas';
import { type AppRoute, route } from '../platform/http/types';
import { presentProfile } from './missing-profile.presenter';
import { missingProfileSchema } from './missing-profile.schemas';
import type { ProfileInput } from './missing-profiles.service';

const tags = ['api', 'missing-profiles'];

export const missingProfileRoutes: AppRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/children/{id}/missing-profile',
    options: {
      tags,
      description: "A child's missing profile (audited; 404 if none yet)",
      app: { action: 'profiles.read' },
      validate: { params: idParam },
      handler: async (request) =>
        presentProfile(await request.server.app.services.missingProfiles.get(contextOf(request), request.params.id)),
    },
  },
  route<{ Payload: ProfileInput }>({
    method: 'PUT',
    path: '/api/v1/children/{id}/missing-profile',
    options: {
      tags,
      description: "Create or replace a child's missing profile (201 when created, 200 when replaced)",
      app: { action: 'profiles.write' },
      validate: { params: idParam, payload: missingProfileSchema },
      handler: async (request, h) => {
        const { profile, created } = await request.server.app.services.missingProfiles.put(
          contextOf(request),
          request.params.id,
          request.payload,
        );
        return h.response(presentProfile(profile)).code(created ? 201 : 200);
      },
    },
  }),
];
