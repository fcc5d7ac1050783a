// createServer(deps): plugins and every module's routes. It never listens; main.ts does.
import path from 'node:path';

import Hapi, { Server } from '@hapi/hapi';
import HapiPino from 'hapi-pino';

import type { Config } from './config';
import { missingBannerPlugin } from './missing/missing-banner.plugin';
import { navigationSections } from './navigation';
import { TEMPLATES_DIR } from './notifications/templates';
import { refusalAuditPlugin } from './platform/audit/refusal-audit.plugin';
import { authPlugin } from './platform/auth/auth.plugin';
import { registerSessions } from './platform/auth/session.plugin';
import { Clock, systemClock } from './platform/clock';
import { AddressedRequest, clientAddress } from './platform/http/client-address';
import { registerDocs } from './platform/http/docs.plugin';
import { errorsPlugin } from './platform/http/errors.plugin';
import { rateLimitPlugin } from './platform/http/rate-limit.plugin';
import { securityHeadersPlugin } from './platform/http/security-headers.plugin';
import { failAction, validateOptions } from './platform/http/validation';
import { languagePlugin } from './platform/i18n/language.plugin';
import type { Logger } from './platform/logger';
import { registerViews } from './platform/views/views.plugin';
import { routes } from './routes';
import type { Services } from './services';

declare module '@hapi/hapi' {
  // Every handler reaches the services built once in createServices (platform/ knows nothing of them).
  interface ServerApplicationState {
    services: Services;
  }
}

interface LoggedRequest {
  info?: { id?: string; remoteAddress?: string };
  method?: string;
  path?: string;
  url?: unknown;
  server?: unknown;
}

/** What a log line says about a request: id, method, path (never the query string), the client's address. */
export function requestSummary(req: LoggedRequest): Record<string, unknown> {
  const address = req.server ? clientAddress(req as AddressedRequest) : req.info?.remoteAddress;
  return {
    id: req.info?.id,
    method: req.method,
    path: loggedPath(req.path ?? String(req.url ?? '').split('?')[0]),
    remoteAddress: address,
  };
}

/** The path as logged: a signed profile link's token opens a child's profile, so it is never written down. */
export const loggedPath = (path: string) => path.replace(/^\/p\/[^/]+/, '/p/[token]');

export interface ServerDeps {
  config: Config;
  services: Services;
  logger: Logger;
  clock?: Clock;
}

export async function createServer({ config, services, logger, clock = systemClock }: ServerDeps): Promise<Server> {
  const server = Hapi.server({
    port: config.port,
    host: config.host,
    routes: {
      validate: { failAction, options: validateOptions },
      payload: { maxBytes: 256 * 1024 },
      security: { hsts: config.env === 'production', xframe: 'deny', noSniff: true, referrer: 'same-origin' },
    },
    router: { stripTrailingSlash: true },
  });
  server.app.services = services;
  server.app.config = config;

  await server.register({
    plugin: HapiPino,
    options: {
      instance: logger,
      logPayload: false,
      logRequestStart: false,
      ignorePaths: ['/health', '/health/ready'],
      redact: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-twilio-signature"]',
        'res.headers["set-cookie"]',
      ],
      // Query strings can hold a child's name (a search) or a token: log the path only, and no headers.
      // Read straight from hapi's request (not through pino's generic request copy, which every
      // request's logger would otherwise build and throw away).
      wrapSerializers: false,
      // A response is logged by its status alone: its headers hold cookies and nothing a reader needs.
      serializers: { req: requestSummary, res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }) },
      // request.log(tags, { err }) lands at the top of the line, where the logger's error serializer
      // (platform/logger.ts: codes, never values) applies; hapi's own error line does not quote the error.
      mergeHapiLogData: true,
      customRequestErrorMessage: () => 'the request failed',
      customRequestCompleteMessage: (
        request: { method: string; path: string; raw: { res: { statusCode: number } } },
        ms: number,
      ) => `[response] ${request.method} ${loggedPath(request.path)} ${request.raw.res.statusCode} (${ms}ms)`,
    },
  });
  await server.register(securityHeadersPlugin);
  await server.register(errorsPlugin);
  await server.register({
    plugin: refusalAuditPlugin,
    options: { audit: services.audit, ownerOf: (type, id) => services.recordOwners.ownerOf(type, id) },
  });
  await server.register({
    plugin: rateLimitPlugin,
    options: {
      clock,
      buckets: {
        'sign-in': { limit: config.signInRateLimit, windowMs: 60_000 },
        webhook: { limit: config.webhookRateLimit, windowMs: 60_000 },
      },
    },
  });
  const authenticate = (token: string) => services.tokens.authenticate(token);
  await server.register({ plugin: authPlugin, options: { authenticate } });
  await registerSessions(server, config, authenticate);
  await server.register({
    plugin: languagePlugin,
    options: {
      secure: config.env === 'production',
      cataloguesDir: path.join(TEMPLATES_DIR, 'locales'),
      overridesDir: config.catalogueOverridesDir,
      remember: (actor, lang) => services.users.setOwnLanguage(actor, lang),
    },
  });
  await registerDocs(server);
  await registerViews(server, config, { templatesDir: TEMPLATES_DIR, navigation: navigationSections });
  await server.register(missingBannerPlugin);
  server.route(routes);
  return server;
}
