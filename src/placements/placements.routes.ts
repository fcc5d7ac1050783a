// Placements of a child, and changing or ending one.
import { contextOf } from '../platform/http/context';
import { idParam } from '../platform/http/schemas';
import { type AppRoute, route } from '../platform/http/types';
import { presentPlacement } from './placement.presenter';
import { changePlacementSchema, endPlacementSchema, startPlacementSchema } from './placements.schemas';
import type { NewPlacement, PlacementChanges } from './placements.service';

const tags = ['api', 'placements'];

export const placementsRoutes: AppRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/placement-options',
    options: {
      tags,
      description:
        'What an out-of-area placement names: the other authorities of this service (hostAuthorityId), the authorities ' +
        'of England and Wales by ONS code (hostAuthority.code) with the force of each, the police forces ' +
        '(policeForceCode), and the source and date of these lists',
      app: { action: 'children.write' },
      handler: async (request) => request.server.app.services.placements.hostOptions(contextOf(request)),
    },
  },
  {
    method: 'GET',
    path: '/api/v1/children/{id}/placements',
    options: {
      tags,
      description: "A child's placements, current first (addresses and carers' numbers: casework staff only)",
      app: { action: 'placements.read' },
      validate: { params: idParam },
      handler: async (request) =>
        (await request.server.app.services.placements.listForChild(contextOf(request), request.params.id)).map(
          presentPlacement,
        ),
    },
  },
  route<{ Payload: NewPlacement }>({
    method: 'POST',
    path: '/api/v1/children/{id}/placements',
    options: {
      tags,
      description: 'Start a placement (409 if the child already has a current one)',
      app: { action: 'children.write' },
      validate: { params: idParam, payload: startPlacementSchema },
      handler: async (request, h) => {
        const placement = await request.server.app.services.placements.start(
          contextOf(request),
          request.params.id,
          request.payload,
        );
        return h.response(presentPlacement(placement)).code(201);
      },
    },
  }),
  route<{ Payload: PlacementChanges }>({
    method: 'PATCH',
    path: '/api/v1/placements/{id}',
    options: {
      tags,
      description: 'Change a placement or replace its carers',
      app: { action: 'children.write' },
      validate: { params: idParam, payload: changePlacementSchema },
      handler: async (request) =>
        presentPlacement(
          await request.server.app.services.placements.change(contextOf(request), request.params.id, request.payload),
        ),
    },
  }),
  route<{ Payload: { endedAt?: Date; reason: string } }>({
    method: 'POST',
    path: '/api/v1/placements/{id}/end',
    options: {
      tags,
      description: 'End a placement; an open missing episode is closed with it',
      app: { action: 'children.write' },
      validate: { params: idParam, payload: endPlacementSchema },
      handler: async (request) => {
        const { endedAt, reason } = request.payload;
        return presentPlacement(
          await request.server.app.services.placements.end(contextOf(request), request.params.id, endedAt, reason),
        );
      },
    },
  }),
];
