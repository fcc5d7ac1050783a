// Every answer but a static file may carry a child's details, so every one (pages, API answers,
// redirects, errors) says Cache-Control: no-store, signed in or not. Walks the whole route table.
import type { RequestRoute, ServerInjectResponse } from '@hapi/hapi';

import { bearer, buildTestApp, TestApp } from '../support/app';
import { PageSession, pageSession } from '../support/pages';
import { examplePayloads } from '../support/route-examples';
import { twilioEnv } from '../support/twilio-sms';

let app: TestApp;
let token: string;
let session: PageSession;
let childId: string;
beforeAll(async () => {
  app = await buildTestApp({ ...twilioEnv, SIGN_IN_RATE_LIMIT: '100000' });
  token = await app.tokenFor('team_manager');
  session = await pageSession(app, 'team_manager');
  [{ id: childId }] = await app.db.dataSource.query('SELECT id::text FROM children ORDER BY id LIMIT 1');
}, 60_000);
afterAll(async () => {
  await app.close();
});

const isStatic = (path: string) => /^\/(assets|app-assets)\//.test(path);
// Sign-out routes end the session or revoke the token the later requests use: they go last.
const signsOut = (r: RequestRoute) => /sign-out|tokens\/current/.test(r.path);

type Auth = 'none' | 'bearer' | 'session';
function inject(route: RequestRoute, auth: Auth): Promise<ServerInjectResponse> {
  const method = route.method.toUpperCase();
  const url = route.path.replace(/\{id\}/g, childId).replace(/\{[^}]+\}/g, 'x');
  const headers: Record<string, string> =
    auth === 'bearer' ? bearer(token) : auth === 'session' ? { cookie: session.cookie() } : {};
  if (method === 'GET') return app.server.inject({ method, url, headers });
  const example = examplePayloads[`${method} ${route.path}`] ?? {};
  const payload = auth === 'session' ? { ...example, crumb: session.crumb } : example;
  return app.server.inject({ method, url, headers, payload });
}

it('sends Cache-Control: no-store on every route, whoever asks and whatever the answer', async () => {
  const routes = app.server
    .table()
    .filter((r) => r.method !== '*' && !isStatic(r.path))
    .sort((a, b) => Number(signsOut(a)) - Number(signsOut(b)));
  expect(routes.length).toBeGreaterThan(50);
  const wrong: string[] = [];
  const kinds = new Set<string>();
  for (const route of routes) {
    for (const auth of ['none', 'bearer', 'session'] as const) {
      const res = await inject(route, auth);
      kinds.add(`${Math.floor(res.statusCode / 100)}xx`);
      if (String(res.headers['content-type']).startsWith('text/html')) kinds.add('html');
      const cacheControl = res.headers['cache-control'];
      if (cacheControl !== 'no-store')
        wrong.push(`${route.method.toUpperCase()} ${route.path} (${auth}) ${res.statusCode}: ${cacheControl}`);
    }
  }
  expect(wrong).toEqual([]);
  // The walk met pages, answers, redirects and errors, not only the sign-in wall.
  expect([...kinds].sort()).toEqual(['2xx', '3xx', '4xx', 'html']);
}, 240_000);

it('sends no-store on an unknown path, and lets static files be cached', async () => {
  expect((await app.server.inject('/no-such-page')).headers['cache-control']).toBe('no-store');
  const css = await app.server.inject('/assets/govuk-frontend.min.css');
  expect(css.statusCode).toBe(200);
  expect(css.headers['cache-control']).not.toBe('no-store');
});
