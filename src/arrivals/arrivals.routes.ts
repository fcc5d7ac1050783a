// POST /api/v1/arrivals: a port arrival in one request, recorded in one transaction as the page does.
import { presentChild } from '../children/child.presenter';
import { contextOf } from '../platform/http/context';
import type { AppRoute } from '../platform/http/types';
import type { ArrivalInput } from './arrival-input';
import { arrivalSchema } from './arrivals.schemas';

export const arrivalsRoutes: AppRoute[] = [
  {
    method: 'POST',
    path: '/api/v1/arrivals',
    options: {
      tags: ['api', 'arrivals'],
      description:
        'Record a child identified at a port: child, placement, first plan (high risk), indicators, ICTG and NRM ' +
        'referrals; the police and the guardian service are told (reference and port, no name)',
      app: { action: 'children.write' },
      validate: { payload: arrivalSchema },
      handler: async (request, h) => {
        const input = request.payload as ArrivalInput;
        const { child, messagesQueued } = await request.server.app.services.arrivals.record(contextOf(request), {
          ...input,
          plan: { ...input.plan, notes: input.plan.notes || null, bedChecks: input.plan.bedChecks ?? null },
        });
        return h.response({ child: presentChild(child), messagesQueued }).code(201);
      },
    },
  },
];
