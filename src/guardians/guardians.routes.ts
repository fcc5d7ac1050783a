// Guardians of a child, and changing one (for example recording the end of an allocation).
import { contextOf } from '../platform/http/context';
import { idParam } from '../platform/http/schemas';
import { type AppRoute, route } from '../platform/http/types';
import { presentGuardian } from './guardian.presenter';
import { createGuardianSchema, updateGuardianSchema } from './guardians.schemas';
import type { GuardianInput } from './guardians.service';

const tags = ['api', 'guardians'];

export const guardiansRoutes: AppRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/children/{id}/guardians',
    options: {
      tags,
      description: "A child's guardians, current first (audited)",
      app: { action: 'children.read' },
      validate: { params: idParam },
      handler: async (request) =>
        (await request.server.app.services.guardians.listForChild(contextOf(request), request.params.id)).map(
          presentGuardian,
        ),
    },
  },
  route<{ Payload: GuardianInput }>({
    method: 'POST',
    path: '/api/v1/children/{id}/guardians',
    options: {
      tags,
      description: 'Add a guardian (ICTG or other) to a child',
      app: { action: 'children.write' },
      validate: { params: idParam, payload: createGuardianSchema },
      handler: async (request, h) => {
        const guardian = await request.server.app.services.guardians.add(
          contextOf(request),
          request.params.id,
          request.payload,
        );
        return h.response(presentGuardian(guardian)).code(201);
      },
    },
  }),
  route<{ Payload: Partial<GuardianInput> }>({
    method: 'PATCH',
    path: '/api/v1/guardians/{id}',
    options: {
      tags,
      description: "Change a guardian's details or end the allocation",
      app: { action: 'children.write' },
      validate: { params: idParam, payload: updateGuardianSchema },
      handler: async (request) =>
        presentGuardian(
          await request.server.app.services.guardians.change(contextOf(request), request.params.id, request.payload),
        ),
    },
  }),
];
