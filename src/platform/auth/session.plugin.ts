// Page sessions: an encrypted HttpOnly SameSite cookie holding an API token (so pages and API share
// expiry, revocation and lockout), and CSRF tokens (crumb) on every page form. API and webhook
// routes are exempt from crumb: they authenticate with bearer tokens or Twilio signatures instead.
import Cookie from '@hapi/cookie';
import Crumb from '@hapi/crumb';
import type { Server } from '@hapi/hapi';

import type { Config } from '../../config';
import type { TokenLookup } from './auth.plugin';

export const SESSION_COOKIE = 'mc_session';

export async function registerSessions(server: Server, config: Config, authenticate: TokenLookup): Promise<void> {
  await server.register(Cookie);
  server.auth.strategy('session', 'cookie', {
    cookie: {
      name: SESSION_COOKIE,
      password: config.sessionSecret,
      isSecure: config.env === 'production',
      isHttpOnly: true,
      isSameSite: 'Lax',
      path: '/',
      ttl: null,
    },
    redirectTo: '/sign-in',
    appendNext: true,
    validate: async (_request, session) => {
      const token = (session as { token?: string } | undefined)?.token;
      const actor = token ? await authenticate(token) : null;
      return actor ? { isValid: true, credentials: { actor } } : { isValid: false };
    },
  });
  await server.register({
    plugin: Crumb,
    options: {
      key: 'crumb',
      cookieOptions: { isSecure: config.env === 'production', isHttpOnly: true, isSameSite: 'Strict', path: '/' },
      skip: (request) =>
        !!request && /^\/(api|webhooks|p|documentation|swagger|health|assets|app-assets)\b/.test(request.path),
    },
  });
}
