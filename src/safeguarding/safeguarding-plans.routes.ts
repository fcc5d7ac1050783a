// A child's safeguarding plan: history, the version in force, and saving a new version.
import { contextOf } from '../platform/http/context';
import { idParam } from '../platform/http/schemas';
import { type AppRoute, route } from '../platform/http/types';
import { presentHistory, presentPlan } from './safeguarding-plan.presenter';
import { createPlanSchema } from './safeguarding-plans.schemas';
import type { PlanInput } from './safeguarding-plans.service';

const tags = ['api', 'safeguarding-plans'];

export const safeguardingPlansRoutes: AppRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/children/{id}/plans',
    options: {
      tags,
      description: "Every version of a child's safeguarding plan, newest first (audited)",
      app: { action: 'children.read' },
      validate: { params: idParam },
      handler: async (request) =>
        presentHistory(
          await request.server.app.services.safeguardingPlans.history(contextOf(request), request.params.id),
        ),
    },
  },
  {
    method: 'GET',
    path: '/api/v1/children/{id}/plans/current',
    options: {
      tags,
      description: 'The safeguarding plan in force (404 if there is none yet)',
      app: { action: 'children.read' },
      validate: { params: idParam },
      handler: async (request) => {
        const plan = await request.server.app.services.safeguardingPlans.current(contextOf(request), request.params.id);
        return presentPlan(plan, plan.version);
      },
    },
  },
  route<{ Payload: PlanInput }>({
    method: 'POST',
    path: '/api/v1/children/{id}/plans',
    options: {
      tags,
      description: 'Save a new version of the safeguarding plan (earlier versions are kept unchanged)',
      app: { action: 'children.write' },
      validate: { params: idParam, payload: createPlanSchema },
      handler: async (request, h) => {
        const plan = await request.server.app.services.safeguardingPlans.create(
          contextOf(request),
          request.params.id,
          request.payload,
        );
        return h
          .response(presentPlan(plan, plan.version))
          .code(201)
          .location(`/api/v1/children/${plan.childId}/plans/current`);
      },
    },
  }),
];
