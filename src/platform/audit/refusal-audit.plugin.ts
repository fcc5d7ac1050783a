// Refused requests are audited in this one place rather than in every service: a signed-in caller
// answered 404 (a record of another authority is "not found" by design, or no such record) or 403
// (their role, or later their tie to the child, does not allow it) leaves a 'refused' line in the
// caller's authority, with the route's record type and id but never the URL, query or body. When the
// record holds a child's data and is another authority's, a copy goes on that authority's trail (once an
// hour per caller, record and route), so its data protection officer sees the attempt too and the child's
// subject access request lists it.
import Boom from '@hapi/boom';
import type { Plugin, Request, ResponseObject, ResponseToolkit } from '@hapi/hapi';

import { Forbidden, NotFound } from '../errors';
import { contextOf } from '../http/context';
import { type AuditedSelect, type AuditService, OwnersCopyFailed } from './audit.service';
import { refusedRecord } from './refused-record';

export type RefusalReason = 'not_found' | 'forbidden';

/** A select of the authority holding a record and its child (authority_id, child_id), or null: no child's record. */
export type OwnerLookup = (entityType: string, id: string) => AuditedSelect | null;

/** Why a response refused the caller, or null when it is not a refusal. */
export function refusalReason(response: Request['response']): RefusalReason | null {
  if (response instanceof NotFound) return 'not_found';
  if (response instanceof Forbidden) return 'forbidden';
  const status = Boom.isBoom(response) ? response.output.statusCode : (response as ResponseObject | null)?.statusCode;
  if (status === 404) return 'not_found';
  if (status === 403) return 'forbidden';
  return null;
}

export const refusalAuditPlugin: Plugin<{ audit: AuditService; ownerOf: OwnerLookup }> = {
  name: 'app-refusal-audit',
  register(server, { audit, ownerOf }) {
    // Before app-errors maps domain errors to plain responses, so the error's class is still there.
    server.ext(
      'onPreResponse',
      async (request: Request, h: ResponseToolkit) => {
        // Only signed-in callers: an unauthenticated 401 (or an unknown route) names nobody, and
        // auditing each one would let an anonymous flood fill the append-only trail. Failed sign-ins
        // are audited by the sign-in service, per account.
        const actor = request.auth.isAuthenticated ? request.auth.credentials?.actor : undefined;
        const reason = actor ? refusalReason(request.response) : null;
        if (!actor || !reason) return h.continue;
        const record = refusedRecord(request.route.path, request.params);
        try {
          // contextOf: the same caller and client address as every other audit line.
          const changes = { reason, route: `${request.method.toUpperCase()} ${request.route.path}` };
          const owner = record.entityId ? ownerOf(record.entityType, record.entityId) : null;
          await audit.recordRefusal(contextOf(request), { action: 'refused', ...record, changes }, owner);
        } catch (err) {
          // The refusal still stands (nothing was shown); the failure is logged by code, never with values.
          request.log(['error', 'audit'], {
            requestId: request.info.id,
            auditFailed: err instanceof OwnersCopyFailed ? 'refused_owners_copy' : 'refused',
            code: (err as { code?: string }).code,
          });
        }
        return h.continue;
      },
      { before: ['app-errors'] },
    );
  },
};
