// Server-rendered pages (vision and inert are registered with the API docs): nunjucks with the GOV.UK Design System,
// assets served by the service so
// pages work without JavaScript and without any third-party host.
import path from 'node:path';

import type { Server } from '@hapi/hapi';
import nunjucks from 'nunjucks';

import type { Config } from '../../config';
import { formatDate, formatDateTime } from './format';
import { navigationFor, type NavSection } from './navigation';

const govukDist = path.dirname(require.resolve('govuk-frontend/package.json')) + '/dist';

export interface ViewOptions {
  /** The templates folder: pages/ under it holds the page templates and their assets. */
  templatesDir: string;
  navigation: NavSection[];
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
  env.addFilter('dateTime', (d: Date | string | null) => formatDateTime(d, config.displayTimeZone));
  env.addFilter('date', (d: Date | string | null) => formatDate(d, config.displayTimeZone));
  server.views({
    engines: {
      njk: {
        compile: (src: string, options: { filename: string }) => {
          // nunjucks.compile(src, env, path) is `new Template(...)`; its types name the third argument wrongly.
          const template = new nunjucks.Template(src, env, options.filename);
          return (context: object) => template.render(context);
        },
      },
    },
    relativeTo: templatesDir,
    path: 'pages',
    isCached: config.env !== 'development',
    context: (request) => ({
      serviceName: 'Missing children safeguarding',
      serviceUrl: '/',
      user: request?.auth?.credentials?.actor ?? null,
      cspNonce: request?.plugins['app-security-headers']?.nonce,
      currentPath: request?.path,
      navigation: navigationFor(navigation, request?.auth?.credentials?.actor ?? null, request?.path),
    }),
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
