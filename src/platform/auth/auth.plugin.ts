// Authentication (bearer tokens for the API) and authorisation (the permission table). A route
// that requires sign-in but names no action is refused at start, so none can slip through unguarded.
import Boom from '@hapi/boom';
import type { Plugin, Request, ResponseToolkit, Server } from '@hapi/hapi';

import type { Actor } from './actor';
import { can } from './permissions';

/** Finds who a bearer token belongs to; null when it is unknown, expired or revoked. */
export type TokenLookup = (token: string) => Promise<Actor | null>;

export interface AuthPluginOptions {
  authenticate: TokenLookup;
}

export const authPlugin: Plugin<AuthPluginOptions> = {
  name: 'app-auth',
  register(server: Server, { authenticate }) {
    server.auth.scheme('api-token', () => ({
      async authenticate(request: Request, h: ResponseToolkit) {
        const header = String(request.headers.authorization ?? '');
        const match = /^Bearer\s+(\S+)$/i.exec(header);
        if (!match) throw Boom.unauthorized('Sign in first: send an Authorization: Bearer <token> header.', 'Bearer');
        const actor = await authenticate(match[1]);
        if (!actor)
          throw Boom.unauthorized('Your token has expired, was revoked or is not valid. Request a new one.', 'Bearer');
        return h.authenticated({ credentials: { actor } });
      },
    }));
    server.auth.strategy('api-token', 'api-token');
    server.auth.default('api-token');

    server.ext('onPostAuth', (request: Request, h: ResponseToolkit) => {
      const actor = request.auth.credentials?.actor;
      const action = request.route.settings.app?.action;
      if (!actor || !action) return h.continue;
      if (!can(actor.role, action)) throw Boom.forbidden('Your role does not allow this.');
      return h.continue;
    });

    server.ext('onPreStart', () => {
      const unguarded = server.table().filter((r) => (r.settings.auth as unknown) !== false && !r.settings.app?.action);
      if (unguarded.length) {
        throw new Error(
          `Routes require sign-in but name no action: ${unguarded.map((r) => `${r.method} ${r.path}`).join(', ')}`,
        );
      }
    });
  },
};
