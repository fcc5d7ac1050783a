// A hostile or careless path: every GET route with a path parameter, given a NUL, a word or a
// right-to-left override where an id belongs, answers with a 4xx (a page or a sentence), never a 500,
// for a signed-in page session and for an API token alike. Such a value must never reach the database.
import { bearer, buildTestApp, TestApp } from '../support/app';
import { PageSession, pageSession } from '../support/pages';

let app: TestApp;
let sw: PageSession;
let admin: PageSession;
let token: string;
beforeAll(async () => {
  app = await buildTestApp();
  sw = await pageSession(app, 'social_worker');
  admin = await pageSession(app, 'administrator');
  token = await app.tokenFor('social_worker');
});
afterAll(async () => {
  await app.close();
});

const HOSTILE = ['%00', 'not-an-id', '%E2%80%AE'];

it('answers every GET route with a bad path parameter with a 4xx, never a 500', async () => {
  const paths = app.server
    .table()
    .filter((r) => r.method === 'get' && /\{\w+\??\}/.test(r.path))
    .map((r) => r.path);
  expect(paths.length).toBeGreaterThan(20);
  const failures: string[] = [];
  for (const path of paths)
    for (const bad of HOSTILE) {
      const url = path.replace(/\{\w+\??\}/g, bad);
      const responses = path.startsWith('/api/')
        ? [await app.server.inject({ url, headers: bearer(token) })]
        : [await sw.get(url), await admin.get(url)];
      for (const res of responses) if (res.statusCode >= 500) failures.push(`${url} ${res.statusCode}`);
    }
  expect(failures).toEqual([]);
});
