// The client's address behind a load balancer: X-Forwarded-For is believed only from a trusted proxy,
// and the one address it gives feeds the audit trail, the rate limits and the request log alike.
import { DEMO_PASSWORD } from '../../seeds/demo-data';
import { bearer, buildTestApp, TestApp } from '../support/app';
import { cookieHeader, cookiesOf } from '../support/pages';

const PROXY = '10.0.0.7';
const STRANGER = '203.0.113.9';
const logLines: string[] = [];
let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await buildTestApp({ TRUSTED_PROXIES: '10.0.0.0/8', SIGN_IN_RATE_LIMIT: '3' }, { logLines });
  token = await app.tokenFor('social_worker');
});
afterAll(async () => {
  await app.close();
});
// Each test starts with fresh rate-limit windows.
beforeEach(() => {
  app.clock.advance(61_000);
});

const listChildren = (remoteAddress: string, forwardedFor: string) =>
  app.server.inject({
    url: '/api/v1/children',
    headers: { ...bearer(token), 'x-forwarded-for': forwardedFor },
    remoteAddress,
  });
/** A sign-in: with the demo password it succeeds, without it fails as an unknown account (no lockout). */
const signIn = (remoteAddress: string, forwardedFor: string, password?: string) =>
  app.server.inject({
    method: 'POST',
    url: '/api/v1/auth/tokens',
    remoteAddress,
    headers: { 'x-forwarded-for': forwardedFor },
    payload: password
      ? { email: 'social.worker@demo-borough.example.org', password }
      : { email: 'nobody@demo-borough.example.org', password: 'not-it' },
  });
const auditedFrom = async (ip: string) =>
  (await app.db.dataSource.query('SELECT action FROM audit_events WHERE ip = $1 ORDER BY id', [ip])).map(
    (r: { action: string }) => r.action,
  );
/** The address the request log line gave for the request with this id. */
const loggedAddress = (requestId: string) =>
  logLines.map((l) => JSON.parse(l)).find((l) => l.req?.id === requestId && l.res)?.req.remoteAddress;

it('ignores X-Forwarded-For from a peer that is not a trusted proxy, in the audit trail and the log', async () => {
  const res = await listChildren(STRANGER, '198.51.100.1');
  expect(res.statusCode).toBe(200);
  expect(await auditedFrom('198.51.100.1')).toEqual([]);
  expect(await auditedFrom(STRANGER)).toEqual(['list']);
  expect(loggedAddress(res.request.info.id)).toBe(STRANGER);
});

it("records the client a trusted proxy names (its right-most hop), not the proxy's address", async () => {
  const res = await listChildren(PROXY, '192.0.2.50, 198.51.100.2');
  expect(res.statusCode).toBe(200);
  expect(await auditedFrom('198.51.100.2')).toEqual(['list']);
  expect(await auditedFrom(PROXY)).toEqual([]);
  expect(await auditedFrom('192.0.2.50')).toEqual([]);
  expect(loggedAddress(res.request.info.id)).toBe('198.51.100.2');
  const signedIn = await signIn(PROXY, '198.51.100.3', DEMO_PASSWORD);
  expect(signedIn.statusCode).toBe(201);
  expect(await auditedFrom('198.51.100.3')).toEqual(['sign_in']);
});

it('keeps a spoofing client in its own rate-limit bucket whatever it writes in X-Forwarded-For', async () => {
  const statuses = [];
  for (let i = 1; i <= 4; i++) statuses.push((await signIn('203.0.113.10', `198.51.100.${100 + i}`)).statusCode);
  expect(statuses).toEqual([401, 401, 401, 429]);
});

it('gives each client behind a trusted proxy its own bucket, and limits each of them', async () => {
  const clients = ['198.51.100.11', '198.51.100.12', '198.51.100.13', '198.51.100.14', '198.51.100.15'];
  const first = [];
  for (const client of clients) first.push((await signIn(PROXY, client)).statusCode);
  expect(first).toEqual([401, 401, 401, 401, 401]);
  const again = [];
  for (let i = 0; i < 3; i++) again.push((await signIn(PROXY, clients[0])).statusCode);
  expect(again).toEqual([401, 401, 429]);
});

it('records the client a trusted proxy names when signing in on the page', async () => {
  const through = { remoteAddress: PROXY, headers: { 'x-forwarded-for': '198.51.100.60' } };
  const form = await app.server.inject({ url: '/sign-in', ...through });
  const crumb = /name="crumb" value="([^"]+)"/.exec(form.payload)![1];
  const signedIn = await app.server.inject({
    method: 'POST',
    url: '/sign-in',
    remoteAddress: PROXY,
    headers: { ...through.headers, cookie: cookieHeader(cookiesOf(form)) },
    payload: { email: 'social.worker@demo-borough.example.org', password: DEMO_PASSWORD, crumb },
  });
  expect(signedIn.statusCode).toBe(303);
  expect(await auditedFrom('198.51.100.60')).toEqual(['sign_in']);
});
