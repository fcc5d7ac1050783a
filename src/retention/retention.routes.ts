// /api/v1/retention and legal holds: thin handlers over the retention services.
import type { Request } from '@hapi/hapi';

import { contextOf } from '../platform/http/context';
import { recordPost } from '../platform/http/record-post';
import { idParam } from '../platform/http/schemas';
import { type AppRoute, route } from '../platform/http/types';
import { inKindOrder, presentHold, presentReview, presentRule } from './retention.presenter';
import { approveSchema, changeRuleSchema, placeHoldSchema, reasonSchema, reviewsQuery } from './retention.schemas';
import type { RuleChange } from './retention-rule';

const tags = ['api', 'retention'];
const statusesOf = { open: ['due', 'asked'], done: ['done'], kept: ['kept'] } as Record<string, string[]>;
type Reason = { reason: string };
const reviews = (request: Pick<Request, 'server'>) => request.server.app.services.retentionReview;
const holds = (request: Pick<Request, 'server'>) => request.server.app.services.legalHolds;

export const retentionRoutes: AppRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/retention/rules',
    options: {
      tags,
      description: 'How long each kind of record is kept, what happens then, and why (the legal source)',
      app: { action: 'retention.read' },
      handler: async (request) =>
        inKindOrder(await request.server.app.services.retentionRules.list(contextOf(request))).map(presentRule),
    },
  },
  route<{ Payload: RuleChange }>({
    method: 'PUT',
    path: '/api/v1/retention/rules',
    options: {
      tags,
      description: "Change one kind's rule for this authority (data protection officer; reason recorded)",
      app: { action: 'retention.configure' },
      validate: { payload: changeRuleSchema },
      handler: async (request) =>
        presentRule(await request.server.app.services.retentionRules.change(contextOf(request), request.payload)),
    },
  }),
  {
    method: 'GET',
    path: '/api/v1/retention/reviews',
    options: {
      tags,
      description: 'Records past their retention date, waiting for a decision (or decided)',
      app: { action: 'retention.read' },
      validate: { query: reviewsQuery },
      handler: async (request) =>
        (
          await request.server.app.services.retentionReview.list(contextOf(request), statusesOf[request.query.status])
        ).map(presentReview),
    },
  },
  recordPost<Reason>({
    path: '/api/v1/retention/reviews/{id}/ask',
    tags,
    description: 'Ask for the item to be anonymised or shortened (a different person must approve)',
    action: 'retention.review',
    payload: reasonSchema,
    handler: async (request) =>
      presentReview(await reviews(request).ask(contextOf(request), request.params.id, request.payload.reason)),
  }),
  recordPost({
    path: '/api/v1/retention/reviews/{id}/approve',
    tags,
    description: 'Approve what another person asked: it is carried out at once and leaves a tombstone',
    action: 'retention.review',
    payload: approveSchema,
    handler: async (request) => presentReview(await reviews(request).approve(contextOf(request), request.params.id)),
  }),
  recordPost<Reason>({
    path: '/api/v1/retention/reviews/{id}/keep',
    tags,
    description: 'Keep the record for now, with a reason',
    action: 'retention.review',
    payload: reasonSchema,
    handler: async (request) =>
      presentReview(await reviews(request).keep(contextOf(request), request.params.id, request.payload.reason)),
  }),
  {
    method: 'GET',
    path: '/api/v1/retention/tombstones',
    options: {
      tags,
      description: 'What was anonymised or shortened: ids, kinds, dates, who asked and who approved',
      app: { action: 'retention.read' },
      handler: async (request) => request.server.app.services.retentionReview.tombstones(contextOf(request)),
    },
  },
  {
    method: 'GET',
    path: '/api/v1/children/{id}/legal-holds',
    options: {
      tags,
      description: "The legal holds on a child's records, standing and released",
      app: { action: 'legal_holds.read' },
      validate: { params: idParam },
      handler: async (request) =>
        (await request.server.app.services.legalHolds.list(contextOf(request), request.params.id)).map(presentHold),
    },
  },
  recordPost<Reason>({
    path: '/api/v1/children/{id}/legal-holds',
    tags,
    description: "Place a legal hold on a child's records: nothing of theirs is anonymised or removed while it stands",
    action: 'legal_holds.write',
    payload: placeHoldSchema,
    handler: async (request, h) => {
      const hold = await holds(request).place(contextOf(request), request.params.id, request.payload.reason);
      return h.response(presentHold(hold)).code(201);
    },
  }),
  recordPost<Reason>({
    path: '/api/v1/legal-holds/{id}/release',
    tags,
    description: 'Release a legal hold, with a reason',
    action: 'legal_holds.write',
    payload: reasonSchema,
    handler: async (request) =>
      presentHold(await holds(request).release(contextOf(request), request.params.id, request.payload.reason)),
  }),
];
