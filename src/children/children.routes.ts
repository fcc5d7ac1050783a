// /api/v1/children: thin handlers over ChildrenService.
import { contextOf } from '../platform/http/context';
import { idParam } from '../platform/http/schemas';
import { type AppRoute, route } from '../platform/http/types';
import { presentChild } from './child.presenter';
import type { ChildFilter } from './children.repository';
import { createChildSchema, endCareSchema, listChildrenQuery, updateChildSchema } from './children.schemas';
import type { ChildInput } from './children.service';

const tags = ['api', 'children'];

export const childrenRoutes: AppRoute[] = [
  route<{ Query: ChildFilter }>({
    method: 'GET',
    path: '/api/v1/children',
    options: {
      tags,
      description: "List children in the caller's authority",
      app: { action: 'children.read' },
      validate: { query: listChildrenQuery },
      handler: async (request) => {
        const { items, total } = await request.server.app.services.children.list(contextOf(request), request.query);
        return { items: items.map(presentChild), total };
      },
    },
  }),
  route<{ Payload: ChildInput }>({
    method: 'POST',
    path: '/api/v1/children',
    options: {
      tags,
      description: 'Register a child; a short reference for texts is allocated',
      app: { action: 'children.write' },
      validate: { payload: createChildSchema },
      handler: async (request, h) => {
        const child = await request.server.app.services.children.create(contextOf(request), request.payload);
        return h.response(presentChild(child)).code(201).location(`/api/v1/children/${child.id}`);
      },
    },
  }),
  {
    method: 'GET',
    path: '/api/v1/children/{id}',
    options: {
      tags,
      description: "Read a child's record (audited)",
      app: { action: 'children.read' },
      validate: { params: idParam },
      handler: async (request) =>
        presentChild(await request.server.app.services.children.get(contextOf(request), request.params.id)),
    },
  },
  route<{ Payload: ChildInput }>({
    method: 'PATCH',
    path: '/api/v1/children/{id}',
    options: {
      tags,
      description: "Change a child's record (audited)",
      app: { action: 'children.write' },
      validate: { params: idParam, payload: updateChildSchema },
      handler: async (request) =>
        presentChild(
          await request.server.app.services.children.update(contextOf(request), request.params.id, request.payload),
        ),
    },
  }),
  route<{ Payload: { endedAt?: Date; reason: string } }>({
    method: 'POST',
    path: '/api/v1/children/{id}/care/end',
    options: {
      tags,
      description:
        "End the child's care with a reason; the current placement ends with it, an open missing episode stays open",
      app: { action: 'children.write' },
      validate: { params: idParam, payload: endCareSchema },
      handler: async (request) => {
        const { endedAt, reason } = request.payload;
        return presentChild(
          await request.server.app.services.careEndings.end(contextOf(request), request.params.id, endedAt, reason),
        );
      },
    },
  }),
];
