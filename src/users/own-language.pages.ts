// Each person's own language (Welsh Language Standards: asked and recorded). Saving goes on through
// ?lang=, which the language plugin stores on the person and remembers in the browser too.
import { contextOf } from '../platform/http/context';
import { Joi } from '../platform/http/joi';
import type { AppRoute } from '../platform/http/types';
import { type Language, LANGUAGES } from '../platform/i18n/language';
import { formPage } from '../platform/views/form-page';

export const ownLanguagePages: AppRoute[] = formPage({
  path: '/account/language',
  view: 'account-language',
  action: 'self.session',
  description: 'Choose your own language for pages and messages',
  fields: {
    language: Joi.string()
      .valid(...LANGUAGES)
      .required()
      .messages({ 'any.required': 'Select your language', 'any.only': 'Select your language' }),
  },
  context: async () => ({ backLink: { href: '/', text: 'Back to the dashboard' } }),
  defaults: (request) => ({ language: request.auth.credentials.actor?.language ?? '' }),
  submit: async (request, v) => {
    await request.server.app.services.users.setOwnLanguage(contextOf(request).actor, v.language as Language);
    return `/account/language?lang=${v.language}`;
  },
});
