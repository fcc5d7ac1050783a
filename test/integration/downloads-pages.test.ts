// The downloads a signed-in browser opens from its pages (SSDA903, figures CSV, audit CSV) answer to
// the page session with the same role rules as an API token; without either they stay a 401.
import { buildTestApp, TestApp } from '../support/app';
import { pageSession } from '../support/pages';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const year = () => {
  const d = app.clock.now();
  return d.getUTCFullYear() - (d.getUTCMonth() < 3 ? 1 : 0);
};

it('downloads the figures CSV and the SSDA903 draft with the page session of a manager', async () => {
  const manager = await pageSession(app, 'team_manager');
  const figures = await manager.get('/api/v1/figures?format=csv');
  expect(figures.statusCode).toBe(200);
  expect(figures.headers['content-type']).toContain('text/csv');
  const draft = await manager.get(`/api/v1/returns/ssda903/missing?year=${year()}&draft=true&format=csv`);
  expect(draft.statusCode).toBe(200);
  expect(draft.payload).toContain('CHILD,DOB,MISSING,MIS_START,MIS_END');
  const page = await manager.get('/returns');
  expect(page.statusCode).toBe(200);
  expect(page.payload).toContain(`/api/v1/returns/ssda903/missing?year=${year()}&amp;draft=true&amp;format=csv`);
  expect((await manager.get('/figures')).payload).not.toContain('needs an API token');
});

it('downloads the audit CSV with the page session of an administrator', async () => {
  const admin = await pageSession(app, 'administrator');
  const csv = await admin.get('/api/v1/audit.csv');
  expect(csv.statusCode).toBe(200);
  expect(csv.headers['content-type']).toContain('text/csv');
});

it('keeps the role rules for the session, and a 401 without any sign-in', async () => {
  const sw = await pageSession(app, 'social_worker');
  expect((await sw.get('/api/v1/figures?format=csv')).statusCode).toBe(403);
  expect((await sw.get(`/api/v1/returns/ssda903/missing?year=${year()}&draft=true`)).statusCode).toBe(403);
  expect((await sw.get('/api/v1/audit.csv')).statusCode).toBe(403);
  expect((await sw.get('/returns')).statusCode).toBe(403);
  const carer = await pageSession(app, 'carer');
  expect((await carer.get('/api/v1/figures?format=csv')).statusCode).toBe(403);
  for (const url of ['/api/v1/figures?format=csv', '/api/v1/audit.csv', `/api/v1/returns/ssda903/missing?year=2025`]) {
    expect((await app.server.inject(url)).statusCode).toBe(401);
  }
});
