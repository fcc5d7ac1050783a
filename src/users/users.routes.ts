// Sign-in for the API, and user administration.
import { roles } from '../platform/auth/roles';
import { clientAddress } from '../platform/http/client-address';
import { contextOf } from '../platform/http/context';
import { Joi } from '../platform/http/joi';
import { email } from '../platform/http/schemas';
import { type AppRoute, route } from '../platform/http/types';
import { phoneNumber } from '../platform/phone';
import { type NewUser, presentUser } from './users.service';

export const usersRoutes: AppRoute[] = [
  {
    method: 'POST',
    path: '/api/v1/auth/tokens',
    options: {
      auth: false,
      tags: ['api', 'auth'],
      description: 'Exchange email and password for a bearer token',
      app: { rateLimit: 'sign-in' },
      validate: { payload: Joi.object({ email: email.required(), password: Joi.string().max(200).required() }) },
      handler: async (request, h) => {
        const { email: address, password } = request.payload as { email: string; password: string };
        const { token, expiresAt, user } = await request.server.app.services.tokens.signIn(
          address,
          password,
          clientAddress(request),
        );
        return h.response({ token, tokenType: 'Bearer', expiresAt, user: presentUser(user) }).code(201);
      },
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/auth/tokens/current',
    options: {
      tags: ['api', 'auth'],
      description: 'Sign out: revoke the token used for this request',
      app: { action: 'self.session' },
      handler: async (request, h) => {
        const token = (request.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
        await request.server.app.services.tokens.revoke(token);
        return h.response().code(204);
      },
    },
  },
  {
    method: 'GET',
    path: '/api/v1/users',
    options: {
      tags: ['api', 'users'],
      description: "List the users of the caller's authority",
      app: { action: 'users.read' },
      handler: async (request) => (await request.server.app.services.users.list(contextOf(request))).map(presentUser),
    },
  },
  route<{ Payload: NewUser }>({
    method: 'POST',
    path: '/api/v1/users',
    options: {
      tags: ['api', 'users'],
      description: "Create a user in the caller's authority",
      app: { action: 'users.write' },
      validate: {
        payload: Joi.object({
          email: email.required(),
          name: Joi.string().trim().max(200).required(),
          role: Joi.string()
            .valid(...roles)
            .required(),
          password: Joi.string().min(12).max(200).required(),
          mobile: Joi.string().max(30).allow(null),
          voiceNumber: phoneNumber.allow(null),
        }),
      },
      handler: async (request, h) => {
        const user = await request.server.app.services.users.create(contextOf(request), request.payload);
        return h.response(presentUser(user)).code(201);
      },
    },
  }),
];
