// The escalation policy (read by managers, changed by administrators and senior managers). The
// signed missing-profile link police and CEOP open from an alert is in profile-link.routes.ts.
import { contextOf } from '../platform/http/context';
import { type AppRoute, route } from '../platform/http/types';
import { type PolicyDocument, policyDocumentSchema } from './escalation-policy';
import type { EscalationPolicy } from './escalation-policy.entity';

const present = (p: EscalationPolicy) => ({
  version: p.version,
  settings: p.settings,
  steps: p.steps,
  createdBy: p.createdBy,
  createdAt: p.createdAt,
});

export const escalationRoutes: AppRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/escalation-policy',
    options: {
      tags: ['api', 'escalation'],
      description: "The authority's escalation policy in force (the default ladder until changed)",
      app: { action: 'policy.read' },
      handler: async (request) => present(await request.server.app.services.escalationPolicies.get(contextOf(request))),
    },
  },
  route<{ Payload: PolicyDocument }>({
    method: 'PUT',
    path: '/api/v1/escalation-policy',
    options: {
      tags: ['api', 'escalation'],
      description: 'Save a new version of the policy; running episodes keep the version they started with',
      app: { action: 'policy.write' },
      validate: { payload: policyDocumentSchema },
      handler: async (request) =>
        present(await request.server.app.services.escalationPolicies.replace(contextOf(request), request.payload)),
    },
  }),
];
