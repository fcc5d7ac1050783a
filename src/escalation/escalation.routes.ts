// The escalation policy (read by managers, changed by administrators and senior managers) and the
// signed missing-profile link that police and CEOP open from an alert.
import { Joi } from '../platform/http/joi';
import type { AppRoute } from '../platform/http/types';
import { contextOf } from '../platform/http/context';
import { clientAddress } from '../platform/http/client-address';
import { policyDocumentSchema } from './escalation-policy';
import type { EscalationPolicy } from './escalation-policy.entity';
import { renderProfilePage } from './missing-profile.presenter';

const present = (p: EscalationPolicy) => ({ version: p.version, settings: p.settings, steps: p.steps, createdBy: p.createdBy, createdAt: p.createdAt });

export const escalationRoutes: AppRoute[] = [
  {
    method: 'GET', path: '/api/v1/escalation-policy',
    options: {
      tags: ['api', 'escalation'], description: "The authority's escalation policy in force (the default ladder until changed)", app: { action: 'policy.read' },
      handler: async (request) => present(await request.server.app.services.escalationPolicies.get(contextOf(request))),
    },
  },
  {
    method: 'PUT', path: '/api/v1/escalation-policy',
    options: {
      tags: ['api', 'escalation'], description: 'Save a new version of the policy; running episodes keep the version they started with', app: { action: 'policy.write' },
      validate: { payload: policyDocumentSchema },
      handler: async (request) => present(await request.server.app.services.escalationPolicies.replace(contextOf(request), request.payload as never)),
    },
  },
  {
    method: 'GET', path: '/p/{token}',
    options: {
      auth: false, tags: ['api', 'escalation'],
      description: "Open a child's missing profile from a signed link (HTML, or JSON with Accept: application/json); every opening is audited",
      validate: { params: Joi.object({ token: Joi.string().max(100).required() }) },
      handler: async (request, h) => {
        const view = await request.server.app.services.profileLinks.open(request.params.token, clientAddress(request));
        const json = (request.headers.accept ?? '').includes('application/json');
        const response = json ? h.response(view) : h.response(renderProfilePage(view, request.server.app.services.profileLinks.timeZone)).type('text/html; charset=utf-8');
        return response.header('cache-control', 'no-store').header('x-robots-tag', 'noindex').header('referrer-policy', 'no-referrer');
      },
    },
  },
];
