// `?lang=cy|en` on any page: taken off the URL before routes validate their query, remembered in a
// cookie, and stored as the signed-in person's own choice (Welsh Language Standards: asked and recorded).
import type { Plugin, ReqRef, Request } from '@hapi/hapi';

import type { Actor } from '../auth/actor';
import { Catalogues, isLanguage, type Translator } from './catalogue';
import type { AuthorityLanguage, Language } from './language';
import { resolveLanguage } from './request-language';

export const LANGUAGE_COOKIE = 'mc_lang';

declare module '@hapi/hapi' {
  interface ServerApplicationState {
    catalogues: Catalogues;
  }
  interface RequestApplicationState {
    /** The language chosen by ?lang= on this request. */
    languageChoice?: Language;
    /**
     * The setting of the authority whose page someone not signed in is reading (a police alert link): it decides
     * when neither ?lang= nor the cookie does, as a signed-in person's own authority does for them.
     */
    pageAuthorityLanguage?: AuthorityLanguage;
  }
}

export interface LanguagePluginOptions {
  secure: boolean;
  /** The shipped catalogues (en.json, cy.json) and an authority's overriding files. */
  cataloguesDir: string;
  overridesDir?: string | null;
  /** Stores a signed-in person's choice (users.language). */
  remember: (actor: Actor, lang: Language) => Promise<void>;
}

/** The language of this request's page. */
export function languageOf<R extends ReqRef>(request: Request<R> | null | undefined): Language {
  const actor = request?.auth?.credentials?.actor;
  return resolveLanguage({
    chosen: request?.app?.languageChoice,
    cookie: request?.state?.[LANGUAGE_COOKIE],
    user: actor?.language,
    authority: actor?.authorityLanguage ?? request?.app?.pageAuthorityLanguage,
  });
}

/** The page's words for this request, for presenters. */
export function translatorOf<R extends ReqRef>(request: Request<R>): Translator {
  return request.server.app.catalogues.translator(languageOf(request));
}

export const languagePlugin: Plugin<LanguagePluginOptions> = {
  name: 'app-language',
  register(server, options) {
    server.app.catalogues = new Catalogues(options.cataloguesDir, options.overridesDir);
    server.state(LANGUAGE_COOKIE, {
      ttl: 365 * 24 * 3600 * 1000,
      isSecure: options.secure,
      isHttpOnly: true,
      isSameSite: 'Lax',
      path: '/',
      encoding: 'none',
      ignoreErrors: true,
      clearInvalid: true,
    });
    server.ext('onRequest', (request, h) => {
      const url = request.url;
      if (!url.searchParams.has('lang')) return h.continue;
      const value = url.searchParams.get('lang');
      url.searchParams.delete('lang');
      request.setUrl(url.pathname + url.search);
      if (isLanguage(value)) {
        request.app.languageChoice = value;
        h.state(LANGUAGE_COOKIE, value);
      }
      return h.continue;
    });
    server.ext('onPostAuth', async (request, h) => {
      const actor = request.auth.credentials?.actor;
      const choice = request.app.languageChoice;
      if (actor && choice && actor.language !== choice) {
        await options.remember(actor, choice);
        actor.language = choice;
      }
      return h.continue;
    });
  },
};
