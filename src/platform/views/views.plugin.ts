// Server-rendered pages (vision and inert are registered with the API docs): nunjucks with the GOV.UK Design System,
// assets served by the service so
// pages work without JavaScript and without any third-party host.
import path from 'node:path';

import type { Request, Server } from '@hapi/hapi';
import nunjucks from 'nunjucks';

import type { Config } from '../../config';
import type { Translator } from '../i18n/catalogue';
import type { Language } from '../i18n/language';
import { languageOf } from '../i18n/language.plugin';
import { offersSwitch } from '../i18n/request-language';
import { formatDate, formatDateTime } from './format';
import { navigationFor, type NavSection } from './navigation';
import { labelTableCells } from './table-labels';
import { translateView } from './translate-view';

const govukDist = path.dirname(require.resolve('govuk-frontend/package.json')) + '/dist';

export interface ViewOptions {
  /** The templates folder: pages/ under it holds the page templates and their assets. */
  templatesDir: string;
  navigation: NavSection[];
}

/** Links to the same page in the other language, each marked with its own language for screen readers. */
function languageSwitch(request: Request | undefined, lang: Language) {
  const actor = request?.auth?.credentials?.actor ?? null;
  if (!offersSwitch(lang, !!actor, actor?.authorityLanguage)) return null;
  const link = (to: Language, text: string) => {
    const query = new URLSearchParams(request?.url?.search ?? '');
    query.set('lang', to);
    return { lang: to, text, href: `${request?.path ?? '/'}?${query}`, current: to === lang };
  };
  return [link('en', 'English'), link('cy', 'Cymraeg')];
}

export async function registerViews(
  server: Server,
  config: Config,
  { templatesDir, navigation }: ViewOptions,
): Promise<void> {
  const env = nunjucks.configure([path.join(templatesDir, 'pages'), govukDist], {
    autoescape: true,
    throwOnUndefined: false,
    noCache: config.env === 'development',
  });
  // Rendering is synchronous, so the translator of the page being rendered is the one set just before
  // it: `t` and the date filters then work inside imported macros too, which never see the page's context.
  let current: Translator = server.app.catalogues.translator('en');
  env.addGlobal('t', (key: string, vars?: Record<string, string | number>) => current.t(key, vars));
  env.addGlobal('pageLang', () => current.lang);
  env.addFilter('dateTime', (d: Date | string | null) => formatDateTime(d, config.displayTimeZone, current.lang));
  env.addFilter('date', (d: Date | string | null) => formatDate(d, config.displayTimeZone, current.lang));
  server.views({
    engines: {
      njk: {
        compile: (src: string, options: { filename: string }) => {
          // nunjucks.compile(src, env, path) is `new Template(...)`; its types name the third argument wrongly.
          const template = new nunjucks.Template(src, env, options.filename);
          return (context: { lang?: Language }) => {
            current = server.app.catalogues.translator(context.lang ?? 'en');
            return labelTableCells(template.render(translateView(context, current)));
          };
        },
      },
    },
    relativeTo: templatesDir,
    path: 'pages',
    isCached: config.env !== 'development',
    context: (request) => {
      const lang = languageOf(request);
      const t = server.app.catalogues.translator(lang);
      return {
        lang,
        htmlLang: lang,
        languageSwitch: languageSwitch(request, lang),
        serviceName: t.t('service.name'),
        serviceUrl: '/',
        user: request?.auth?.credentials?.actor ?? null,
        cspNonce: request?.plugins['app-security-headers']?.nonce,
        currentPath: request?.path,
        navigation: navigationFor(navigation, request?.auth?.credentials?.actor ?? null, request?.path).map((n) => ({
          ...n,
          text: t.t(n.text),
        })),
      };
    },
  });

  const assets = path.join(govukDist, 'govuk', 'assets');
  server.route([
    {
      method: 'GET',
      path: '/assets/{path*}',
      options: { auth: false, handler: { directory: { path: assets, redirectToSlash: false, index: false } } },
    },
    {
      method: 'GET',
      path: '/assets/govuk-frontend.min.css',
      options: { auth: false, handler: { file: path.join(govukDist, 'govuk', 'govuk-frontend.min.css') } },
    },
    {
      method: 'GET',
      path: '/assets/govuk-frontend.min.js',
      options: { auth: false, handler: { file: path.join(govukDist, 'govuk', 'govuk-frontend.min.js') } },
    },
    {
      method: 'GET',
      path: '/app-assets/{path*}',
      options: {
        auth: false,
        handler: { directory: { path: path.join(templatesDir, 'pages', 'assets'), index: false } },
      },
    },
  ]);
}
