// Page requests that fail get a GOV.UK page saying what to do next, with the right status; the API
// keeps its JSON errors. One extension (platform/http/errors.plugin.ts) decides both.
import { Unauthorized } from '../../src/platform/errors';
import { bearer, buildTestApp, TestApp } from '../support/app';
import { pageSession } from '../support/pages';
import { demoChildId } from '../support/records';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const isPage = (res: { headers: Record<string, unknown>; payload: string }) => {
  expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
  expect(res.payload).toContain('<h1 class="govuk-heading-l">');
  expect(res.payload).not.toMatch(/"statusCode":/);
};

it('answers an unknown path with a GOV.UK "Page not found" page and what to do next', async () => {
  const res = await app.server.inject('/no-such-page');
  expect(res.statusCode).toBe(404);
  isPage(res);
  expect(res.payload).toContain('Page not found');
  expect(res.payload).toContain('If you typed the web address, check it is correct.');
  expect(res.payload).toContain('<title>Page not found – Missing children safeguarding</title>');
});

it('keeps JSON errors for the API, with the same statuses', async () => {
  const unknown = await app.server.inject('/api/v1/no-such-thing');
  expect(unknown.statusCode).toBe(404);
  expect(String(unknown.headers['content-type'])).toMatch(/^application\/json/);
  const unsigned = await app.server.inject('/api/v1/children');
  expect(unsigned.statusCode).toBe(401);
  expect(JSON.parse(unsigned.payload).message).toContain('Bearer');
  const carer = await app.server.inject({ url: '/api/v1/children', headers: bearer(await app.tokenFor('carer')) });
  expect(carer.statusCode).toBe(403);
  expect(JSON.parse(carer.payload).error).toBe('Forbidden');
});

it('tells a carer who opens the children list that their role does not allow it, signed in, with a way back', async () => {
  const carer = await pageSession(app, 'carer');
  const res = await carer.get('/children');
  expect(res.statusCode).toBe(403);
  isPage(res);
  expect(res.payload).toContain('You cannot see this page');
  expect(res.payload).toContain('Your role does not allow this.');
  expect(res.payload).toContain('ask your manager or an administrator');
  // Still signed in: the sign-out form carries its CSRF token.
  expect(res.payload).toMatch(/Signed in as [\s\S]*?name="crumb" value="[^"]+"/);
});

it("says a record of another authority is not found, in the service's own words", async () => {
  const sw = await pageSession(app, 'social_worker');
  const res = await sw.get(`/children/${await demoChildId(app, 'W3FC')}`);
  expect(res.statusCode).toBe(404);
  isPage(res);
  expect(res.payload).toContain('Page not found');
  expect(res.payload).toContain('No child with that id was found.');
});

describe('pages that fail on a route of their own', () => {
  beforeAll(() => {
    // Routes only this test adds, so each status reaches the one extension as a real handler's would.
    app.server.route([
      {
        method: 'GET',
        path: '/test-only/expired',
        options: { auth: false, handler: () => Promise.reject(new Unauthorized('The link has expired.')) },
      },
      {
        method: 'GET',
        path: '/test-only/crash',
        options: { auth: false, handler: () => Promise.reject(new Error('boom with Amira Example')) },
      },
      {
        method: 'GET',
        path: '/api/v1/test-only/crash',
        options: { auth: false, handler: () => Promise.reject(new Error('boom')) },
      },
    ]);
  });

  it('answers a 401 with "sign in again", linking back to where the person was', async () => {
    const res = await app.server.inject('/test-only/expired?x=1');
    expect(res.statusCode).toBe(401);
    isPage(res);
    expect(res.payload).toContain('Your link has expired or you are signed out');
    expect(res.payload).toContain('href="/sign-in?next=%2Ftest-only%2Fexpired"');
    expect(res.payload).toContain('call the duty team who sent it for a new one');
  });

  it('answers a 500 with "Sorry, there is a problem", a reference and no detail of the error', async () => {
    const res = await app.server.inject('/test-only/crash');
    expect(res.statusCode).toBe(500);
    isPage(res);
    expect(res.payload).toContain('Sorry, there is a problem with the service');
    expect(res.payload).toMatch(/quote reference <strong>[^<]+<\/strong>/);
    expect(res.payload).not.toContain('Amira');
    const api = await app.server.inject('/api/v1/test-only/crash');
    expect(api.statusCode).toBe(500);
    expect(JSON.parse(api.payload).message).toMatch(/^Something went wrong on our side/);
  });
});
