// Administration: the authority's users, and adding one with a temporary password.
import { roleName } from '../admin/admin-words';
import { can } from '../platform/auth/permissions';
import { roles } from '../platform/auth/roles';
import { contextOf } from '../platform/http/context';
import { Joi } from '../platform/http/joi';
import type { AppRoute } from '../platform/http/types';
import { translatorOf } from '../platform/i18n/language.plugin';
import { toE164 } from '../platform/phone';
import { choice, chosen, optionalMobile, orNull, requiredText } from '../platform/views/form-fields';
import { formPage } from '../platform/views/form-page';

const adminBack = { href: '/admin', text: 'Back to administration' };

export const usersPages: AppRoute[] = [
  {
    method: 'GET',
    path: '/admin/users',
    options: {
      auth: 'session',
      app: { action: 'users.read' },
      description: 'Users list',
      handler: async (request, h) => {
        const ctx = contextOf(request);
        const users = await request.server.app.services.users.list(ctx);
        const tr = translatorOf(request);
        return h.view('admin-users', {
          backLink: adminBack,
          canCreate: can(ctx.actor.role, 'users.write'),
          rows: users.map((u) => ({
            name: u.name,
            email: u.email,
            role: roleName(u.role, tr),
            status: tr.t(
              u.disabledAt ? 'admin.users.disabled' : u.lockedUntil ? 'admin.users.locked' : 'admin.common.active',
            ),
          })),
        });
      },
    },
  },
  ...formPage({
    path: '/admin/users/new',
    view: 'admin-user-new',
    action: 'users.write',
    description: 'Add a user',
    fields: {
      name: requiredText(200, 'their full name', 'Full name'),
      email: Joi.string().trim().max(254).email({ tlds: false }).required().messages({
        'any.required': 'Enter their email address',
        'string.empty': 'Enter their email address',
        'string.email': 'Enter an email address in the correct format, like name@example.org',
      }),
      role: choice(roles, 'a role'),
      mobile: optionalMobile('their mobile number'),
      voiceNumber: optionalMobile('a phone number to call'),
      password: Joi.string().min(12).max(200).required().messages({
        'any.required': 'Enter a temporary password',
        'string.empty': 'Enter a temporary password',
        'string.min': 'The temporary password must be 12 characters or more',
      }),
    },
    context: async (request) => ({
      backLink: { href: '/admin/users', text: 'Back to users' },
      roleItems: roles.map((r) => ({ value: r, text: roleName(r, translatorOf(request)) })),
    }),
    submit: async (request, v) => {
      await request.server.app.services.users.create(contextOf(request), {
        name: v.name,
        email: v.email,
        role: chosen(roles, v.role),
        password: v.password,
        mobile: orNull(v.mobile && toE164(v.mobile)),
        voiceNumber: orNull(v.voiceNumber && toE164(v.voiceNumber)),
      });
      return '/admin/users';
    },
  }),
];
