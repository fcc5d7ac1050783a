// Signing in through the pages: GOV.UK form errors, CSRF protection, session cookie, sign-out.
import { buildTestApp, TestApp } from '../support/app';
import { DEMO_PASSWORD } from '../../seeds/demo-data';
import { cookieHeader, cookiesOf } from '../support/pages';

let app: TestApp;
beforeAll(async () => { app = await buildTestApp(); });
afterAll(async () => { await app.close(); });


async function openForm() {
  const res = await app.server.inject('/sign-in');
  const jar = cookiesOf(res);
  const crumb = /name="crumb" value="([^"]+)"/.exec(res.payload)![1];
  return { res, jar, crumb };
}

it('shows the sign-in form with the GOV.UK layout and a strict CSP nonce', async () => {
  const { res } = await openForm();
  expect(res.statusCode).toBe(200);
  expect(res.payload).toContain('<h1 class="govuk-heading-l">Sign in</h1>');
  const nonce = /'nonce-([^']+)'/.exec(String(res.headers['content-security-policy']))![1];
  expect(res.payload).toContain(`<script nonce="${nonce}">`);
});

it('refuses a form post without the CSRF token', async () => {
  const res = await app.server.inject({ method: 'POST', url: '/sign-in', payload: { email: 'admin@demo-borough.example.org', password: DEMO_PASSWORD } });
  expect(res.statusCode).toBe(403);
});

it('shows GOV.UK error messages for an empty form', async () => {
  const { jar, crumb } = await openForm();
  const res = await app.server.inject({ method: 'POST', url: '/sign-in', payload: { email: '', password: '', crumb }, headers: { cookie: cookieHeader(jar) } });
  expect(res.statusCode).toBe(400);
  expect(res.payload).toContain('There is a problem');
  expect(res.payload).toContain('<a href="#email">Enter your email address</a>');
  expect(res.payload).toContain('<a href="#password">Enter your password</a>');
  expect(res.payload).toMatch(/<title>Error: Sign in/);
});

it('signs in, shows the home page, and signs out so the cookie no longer works', async () => {
  const { jar, crumb } = await openForm();
  const wrong = await app.server.inject({ method: 'POST', url: '/sign-in', payload: { email: 'social.worker@demo-borough.example.org', password: 'nope', crumb }, headers: { cookie: cookieHeader(jar) } });
  expect(wrong.statusCode).toBe(401);
  expect(wrong.payload).toContain('The email address or password is not right.');
  expect(wrong.payload).toContain('value="social.worker@demo-borough.example.org"');

  const ok = await app.server.inject({ method: 'POST', url: '/sign-in', payload: { email: 'social.worker@demo-borough.example.org', password: DEMO_PASSWORD, crumb }, headers: { cookie: cookieHeader(jar) } });
  expect(ok.statusCode).toBe(303);
  expect(ok.headers.location).toBe('/');
  const setCookie = String(ok.headers['set-cookie']);
  expect(setCookie).toMatch(/mc_session=[^;]+;.*HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Lax/);
  Object.assign(jar, cookiesOf(ok));

  const home = await app.server.inject({ url: '/', headers: { cookie: cookieHeader(jar) } });
  expect(home.statusCode).toBe(200);
  expect(home.payload).toContain('Demo Borough');
  expect(home.payload).toContain('Sam Social-Worker');

  const out = await app.server.inject({ method: 'POST', url: '/sign-out', payload: { crumb }, headers: { cookie: cookieHeader(jar) } });
  expect(out.statusCode).toBe(303);
  const stolen = cookieHeader(jar); // the cookie as it was before sign-out, replayed
  const after = await app.server.inject({ url: '/', headers: { cookie: stolen } });
  expect(after.statusCode).toBe(302);
  expect(after.headers.location).toBe('/sign-in?next=%2F');
});

it('sends people who are not signed in to the sign-in page and back afterwards', async () => {
  const res = await app.server.inject('/');
  expect(res.statusCode).toBe(302);
  expect(res.headers.location).toBe('/sign-in?next=%2F');
});

it('serves the GOV.UK assets itself', async () => {
  expect((await app.server.inject('/assets/govuk-frontend.min.css')).statusCode).toBe(200);
  expect((await app.server.inject('/assets/images/favicon.ico')).statusCode).toBe(200);
  expect((await app.server.inject('/app-assets/init.mjs')).statusCode).toBe(200);
});
