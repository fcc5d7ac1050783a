// Signing in through the pages: GOV.UK form errors, CSRF protection, session cookie, sign-out,
// `next` followed only within the service, and the add-a-user page's password rule.
import { DEMO_PASSWORD } from '../../seeds/demo-data';
import { buildTestApp, TestApp } from '../support/app';
import { cookieHeader, cookiesOf, pageSession } from '../support/pages';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

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
  const res = await app.server.inject({
    method: 'POST',
    url: '/sign-in',
    payload: { email: 'admin@demo-borough.example.org', password: DEMO_PASSWORD },
  });
  expect(res.statusCode).toBe(403);
});

it('shows GOV.UK error messages for an empty form', async () => {
  const { jar, crumb } = await openForm();
  const res = await app.server.inject({
    method: 'POST',
    url: '/sign-in',
    payload: { email: '', password: '', crumb },
    headers: { cookie: cookieHeader(jar) },
  });
  expect(res.statusCode).toBe(400);
  expect(res.payload).toContain('There is a problem');
  expect(res.payload).toContain('<a href="#email">Enter your email address</a>');
  expect(res.payload).toContain('<a href="#password">Enter your password</a>');
  expect(res.payload).toMatch(/<title>Error: Sign in/);
});

it('signs in, shows the home page, and signs out so the cookie no longer works', async () => {
  const { jar, crumb } = await openForm();
  const wrong = await app.server.inject({
    method: 'POST',
    url: '/sign-in',
    payload: { email: 'social.worker@demo-borough.example.org', password: 'nope', crumb },
    headers: { cookie: cookieHeader(jar) },
  });
  expect(wrong.statusCode).toBe(401);
  expect(wrong.payload).toContain(
    'We could not sign you in. Check your email address and password. After 5 wrong passwords in a row',
  );
  expect(wrong.payload).toContain('value="social.worker@demo-borough.example.org"');

  const ok = await app.server.inject({
    method: 'POST',
    url: '/sign-in',
    payload: { email: 'social.worker@demo-borough.example.org', password: DEMO_PASSWORD, crumb },
    headers: { cookie: cookieHeader(jar) },
  });
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

  const out = await app.server.inject({
    method: 'POST',
    url: '/sign-out',
    payload: { crumb },
    headers: { cookie: cookieHeader(jar) },
  });
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

// Each `next` as the service receives it (the query string encodes it once more).
const offSite = [
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\\/evil.example',
  '\\/evil.example',
  '/%5Cevil.example',
  '/%5cevil.example',
  '%5C%5Cevil.example',
  '%2F%2Fevil.example',
  '/%2F%2Fevil.example',
  '/%2fevil.example',
  '/%252F%252Fevil.example',
  '/%25255Cevil.example',
  '/%2e%2e%2f%2fevil.example',
  'https://evil.example',
  'http:/evil.example',
  'javascript:alert(1)',
  'evil.example',
  '',
  '/\t/evil.example',
  '/%09/evil.example',
  '/\r\n/evil.example',
  '/%0d%0aSet-Cookie:%20x=1',
  '/%0a/evil.example',
  '/\u007f/evil.example',
  '/./%2F/evil.example',
  '/%',
  '/%E0%A4%A',
  `/${'a'.repeat(600)}`,
];
const onSite = [
  '/children',
  '/children?search=K7Q2',
  '/episodes/2b7f3c1e-0c4e-4a39-9a7d-0f5b8c1d2e3f#timeline',
  '/admin/users',
];
const withNext = (next: string) => `/sign-in?next=${encodeURIComponent(next)}`;
const named = (list: string[]) =>
  list.map((next) => [next.length > 60 ? `${next.slice(0, 10)}… (${next.length} characters)` : next, next]);

describe('next after signing in', () => {
  it.each(named(offSite))('POST falls back to the home page for %j', async (_name, next) => {
    const { jar, crumb } = await openForm();
    const res = await app.server.inject({
      method: 'POST',
      url: withNext(next),
      headers: { cookie: cookieHeader(jar) },
      payload: { email: 'social.worker@demo-borough.example.org', password: DEMO_PASSWORD, crumb },
    });
    expect({ next, status: res.statusCode, location: res.headers.location }).toEqual({
      next,
      status: 303,
      location: '/',
    });
  });

  it.each(named(offSite))(
    'GET, signed in, falls back to the home page for %j, and the form never carries it',
    async (_name, next) => {
      const session = await signedInJar();
      const res = await app.server.inject({ url: withNext(next), headers: { cookie: session } });
      expect({ next, status: res.statusCode, location: res.headers.location }).toEqual({
        next,
        status: 302,
        location: '/',
      });
      const form = await app.server.inject(withNext(next));
      expect({ next, status: form.statusCode }).toEqual({ next, status: 200 });
      expect(form.payload).toContain('<form method="post" action="/sign-in" novalidate>');
    },
  );

  it.each(onSite)('follows a path on this service: %j', async (next) => {
    const { jar, crumb } = await openForm();
    const form = await app.server.inject(withNext(next));
    expect(form.payload).toContain(`action="/sign-in?next=${encodeURIComponent(next)}"`);
    const posted = await app.server.inject({
      method: 'POST',
      url: withNext(next),
      headers: { cookie: cookieHeader(jar) },
      payload: { email: 'social.worker@demo-borough.example.org', password: DEMO_PASSWORD, crumb },
    });
    expect(posted.headers.location).toBe(next);
    const again = await app.server.inject({ url: withNext(next), headers: { cookie: await signedInJar() } });
    expect(again.headers.location).toBe(next);
  });
});

let session: string | undefined;
async function signedInJar(): Promise<string> {
  if (session) return session;
  const { jar, crumb } = await openForm();
  const res = await app.server.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { cookie: cookieHeader(jar) },
    payload: { email: 'team.manager@demo-borough.example.org', password: DEMO_PASSWORD, crumb },
  });
  session = cookieHeader({ ...jar, ...cookiesOf(res) });
  return session;
}

it('refuses a common or breached temporary password on the add-a-user page, at the password field', async () => {
  const admin = await pageSession(app, 'administrator');
  const res = await admin.post('/admin/users/new', {
    name: 'Nia New-Worker',
    email: 'nia@demo-borough.example.org',
    role: 'social_worker',
    mobile: '',
    password: 'iloveyou1234',
  });
  expect(res.statusCode).toBe(400);
  expect(res.payload).toContain(
    '<a href="#password">The password is too easy to guess: it is a common password or has appeared in a data breach.',
  );
  expect(res.payload).not.toContain('iloveyou1234');
});
