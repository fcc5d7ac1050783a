// The one place domain errors become HTTP. Anything unexpected is logged with the request id and
// the client gets a plain sentence: never a stack trace, never a child's details.
import Boom from '@hapi/boom';
import type { Plugin, Request, ResponseToolkit } from '@hapi/hapi';

import {
  AuditUnavailable,
  Conflict,
  DomainError,
  Forbidden,
  Gone,
  Invalid,
  NotFound,
  TooManyRequests,
  Unauthorized,
  Unprocessable,
} from '../errors';

function toBoom(err: DomainError): Boom.Boom {
  if (err instanceof NotFound) return Boom.notFound(err.message);
  if (err instanceof Conflict) return Boom.conflict(err.message);
  if (err instanceof Forbidden) return Boom.forbidden(err.message);
  if (err instanceof Unauthorized) return Boom.unauthorized(err.message);
  if (err instanceof Gone) return Boom.resourceGone(err.message);
  if (err instanceof TooManyRequests) return Boom.tooManyRequests(err.message);
  if (err instanceof Invalid) return Boom.badRequest(err.message);
  if (err instanceof Unprocessable) return Boom.badData(err.message);
  if (err instanceof AuditUnavailable) return Boom.serverUnavailable(err.message);
  return Boom.badImplementation(err.message);
}

// Postgres errors a person's input can still cause despite validation (e.g. a race on a unique key).
function fromPostgres(err: Error & { code?: string }): Boom.Boom | null {
  if (err.code === '23505') return Boom.conflict('That record already exists or conflicts with a current one.');
  if (err.code === '23503') return Boom.badRequest('The request refers to a record that does not exist.');
  if (err.code === '22P02' || err.code === '22007' || err.code === '22008')
    return Boom.badRequest('A value in the request is not in the expected format.');
  return null;
}

export const errorsPlugin: Plugin<void> = {
  name: 'app-errors',
  register(server) {
    server.ext('onPreResponse', (request: Request, h: ResponseToolkit) => {
      const response = request.response;
      if (!Boom.isBoom(response)) return h.continue;
      const original = response as Boom.Boom & { code?: string };
      let mapped: Boom.Boom | null;
      if (original instanceof AuditUnavailable)
        request.log(['error'], { err: original.cause, requestId: request.info.id });
      if (original instanceof DomainError) mapped = toBoom(original);
      else if (!original.isServer) return h.continue;
      else mapped = fromPostgres(original);
      if (mapped) {
        const details = original instanceof DomainError ? (original as DomainError).details : undefined;
        if (details) Object.assign(mapped.output.payload, details);
        return h.response(mapped.output.payload).code(mapped.output.statusCode);
      }
      request.log(['error'], { err: original, requestId: request.info.id });
      return h
        .response({
          statusCode: 500,
          error: 'Internal Server Error',
          message: `Something went wrong on our side and nothing was saved. Quote reference ${request.info.id} to support.`,
        })
        .code(500);
    });
  },
};
