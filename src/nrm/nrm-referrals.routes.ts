// A child's NRM referrals, and recording decisions on one.
import { contextOf } from '../platform/http/context';
import { idParam } from '../platform/http/schemas';
import { type AppRoute, route } from '../platform/http/types';
import { presentReferral } from './nrm-referral.presenter';
import { createReferralSchema, updateReferralSchema } from './nrm-referrals.schemas';
import type { ReferralInput } from './nrm-referrals.service';

const tags = ['api', 'nrm'];

export const nrmReferralsRoutes: AppRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/children/{id}/nrm-referrals',
    options: {
      tags,
      description: "A child's NRM referrals with decision due dates, newest first (audited)",
      app: { action: 'children.read' },
      validate: { params: idParam },
      handler: async (request) =>
        (await request.server.app.services.nrmReferrals.listForChild(contextOf(request), request.params.id)).map(
          presentReferral,
        ),
    },
  },
  route<{ Payload: ReferralInput }>({
    method: 'POST',
    path: '/api/v1/children/{id}/nrm-referrals',
    options: {
      tags,
      description: 'Record an NRM referral; the reasonable-grounds due date is computed',
      app: { action: 'children.write' },
      validate: { params: idParam, payload: createReferralSchema },
      handler: async (request, h) => {
        const referral = await request.server.app.services.nrmReferrals.refer(
          contextOf(request),
          request.params.id,
          request.payload,
        );
        return h.response(presentReferral(referral)).code(201);
      },
    },
  }),
  route<{ Payload: Partial<ReferralInput> }>({
    method: 'PATCH',
    path: '/api/v1/nrm-referrals/{id}',
    options: {
      tags,
      description: 'Record decisions or correct an NRM referral',
      app: { action: 'children.write' },
      validate: { params: idParam, payload: updateReferralSchema },
      handler: async (request) =>
        presentReferral(
          await request.server.app.services.nrmReferrals.change(contextOf(request), request.params.id, request.payload),
        ),
    },
  }),
];
