// Sign-in and sign-out pages. A failed sign-in says the same thing whether or not the email exists;
// `next` is followed only as a path on this service (safe-next.ts).
import { DomainError } from '../platform/errors';
import { clientAddress } from '../platform/http/client-address';
import { Joi } from '../platform/http/joi';
import type { AppRoute } from '../platform/http/types';
import { pageErrors, renderFormErrors } from '../platform/views/forms';
import { safeNext } from './safe-next';

const signInForm = Joi.object({
  email: Joi.string().trim().email({ tlds: false }).max(254).required().messages({
    'any.required': 'Enter your email address',
    'string.empty': 'Enter your email address',
    'string.email': 'Enter an email address in the correct format, like name@example.org',
  }),
  password: Joi.string()
    .max(200)
    .required()
    .messages({ 'any.required': 'Enter your password', 'string.empty': 'Enter your password' }),
  crumb: Joi.string(),
});
// `next` is never a reason to refuse a sign-in: safeNext is its validator, and anything other than a
// path on this service (control characters and non-strings included) becomes '/'.
const nextQuery = Joi.object({ next: Joi.any() });
/** The `next` the form posts back with: only a safe one, and none for the home page. */
const formNext = (next: unknown) => (safeNext(next) === '/' ? undefined : safeNext(next));

export const signInPages: AppRoute[] = [
  {
    method: 'GET',
    path: '/sign-in',
    options: {
      auth: { strategy: 'session', mode: 'try' },
      plugins: { cookie: { redirectTo: false } },
      app: { action: 'self.session' },
      validate: { query: nextQuery, failAction: (_r, h) => h.redirect('/sign-in').takeover() },
      handler: (request, h) =>
        request.auth.isAuthenticated
          ? h.redirect(safeNext(request.query.next))
          : h.view('sign-in', { values: {}, fieldErrors: {}, next: formNext(request.query.next) }),
    },
  },
  {
    method: 'POST',
    path: '/sign-in',
    options: {
      auth: false,
      app: { rateLimit: 'sign-in' },
      validate: {
        payload: signInForm,
        query: nextQuery,
        failAction: renderFormErrors('sign-in', (r) => ({ next: formNext(r.query?.next) })),
      },
      handler: async (request, h) => {
        const { email, password } = request.payload as { email: string; password: string };
        try {
          const { token } = await request.server.app.services.tokens.signIn(email, password, clientAddress(request));
          request.cookieAuth.set({ token });
          return h.redirect(safeNext(request.query.next)).code(303);
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          const errors = pageErrors([{ field: 'email', message: err.message }]);
          return h.view('sign-in', { values: { email }, next: formNext(request.query.next), ...errors }).code(401);
        }
      },
    },
  },
  {
    method: 'POST',
    path: '/sign-out',
    options: {
      auth: { strategy: 'session', mode: 'try' },
      plugins: { cookie: { redirectTo: false } },
      app: { action: 'self.session' },
      handler: async (request, h) => {
        const token = (request.state.mc_session as { token?: string } | undefined)?.token;
        if (token) await request.server.app.services.tokens.revoke(token);
        request.cookieAuth.clear();
        return h.redirect('/sign-in').code(303);
      },
    },
  },
];
