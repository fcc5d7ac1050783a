// The administrator's page for the authority's language: Welsh first, English first or English only.
import { contextOf } from '../platform/http/context';
import { Joi } from '../platform/http/joi';
import type { AppRoute } from '../platform/http/types';
import { AUTHORITY_LANGUAGES, type AuthorityLanguage } from '../platform/i18n/language';
import { formPage } from '../platform/views/form-page';

export const authorityLanguagePages: AppRoute[] = formPage({
  path: '/admin/language',
  view: 'admin-language',
  action: 'authorities.write',
  description: "Set the authority's language (Welsh first, English first or English only)",
  fields: {
    language: Joi.string()
      .valid(...AUTHORITY_LANGUAGES)
      .required()
      .messages({ 'any.required': 'Select how the service speaks', 'any.only': 'Select how the service speaks' }),
  },
  context: async (request) => ({
    current: await request.server.app.services.authorityLanguage.get(contextOf(request)),
    backLink: { href: '/admin', text: 'Back to administration' },
  }),
  defaults: (_request, context) => ({ language: (context as { current: AuthorityLanguage }).current }),
  submit: async (request, v) => {
    await request.server.app.services.authorityLanguage.set(contextOf(request), v.language as AuthorityLanguage);
    return '/admin/language';
  },
});
