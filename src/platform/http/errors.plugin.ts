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
import { isPageRequest, presentErrorPage } from '../views/error-page';

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

/** A failed page request as a GOV.UK page with the same status (and headers, such as Retry-After). */
function errorPage(request: Request, h: ResponseToolkit, boom: Boom.Boom) {
  const status = boom.output.statusCode;
  const { message: said, error: name } = boom.output.payload;
  // A bare status name ("Forbidden") or an API's token hint says nothing a person can act on.
  const message = status < 500 && status !== 401 && said && said !== name ? said : null;
  // The layout's sign-out form needs the CSRF token, which crumb adds only to views routes return.
  const crumb = request.auth.isAuthenticated
    ? (
        request.server.plugins as { crumb?: { generate?: (r: Request, t: ResponseToolkit) => string } }
      ).crumb?.generate?.(request, h)
    : undefined;
  const response = h
    .view('error', { ...presentErrorPage(status, message, request.path, request.info.id), crumb })
    .code(status);
  for (const [name, value] of Object.entries(boom.output.headers))
    if (value !== undefined) response.header(name, String(value));
  return response;
}

export const errorsPlugin: Plugin<void> = {
  name: 'app-errors',
  register(server) {
    server.ext('onPreResponse', (request: Request, h: ResponseToolkit) => {
      const response = request.response;
      if (!Boom.isBoom(response)) return h.continue;
      const original = response as Boom.Boom & { code?: string };
      if (original instanceof AuditUnavailable)
        request.log(['error'], { err: original.cause, requestId: request.info.id });
      const mapped =
        original instanceof DomainError ? toBoom(original) : original.isServer ? fromPostgres(original) : original;
      if (!mapped) request.log(['error'], { err: original, requestId: request.info.id });
      const final =
        mapped ??
        Boom.badImplementation(
          `Something went wrong on our side and nothing was saved. Quote reference ${request.info.id} to support.`,
        );
      if (isPageRequest(request)) return errorPage(request, h, final);
      if (mapped === original) return h.continue;
      if (mapped) {
        const details = original instanceof DomainError ? (original as DomainError).details : undefined;
        if (details) Object.assign(mapped.output.payload, details);
        return h.response(mapped.output.payload).code(mapped.output.statusCode);
      }
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
