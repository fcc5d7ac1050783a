// Sign-in for the API: tokens, lockout, expiry, revocation, rate limits and security headers.
import { buildTestApp, bearer, TestApp } from '../support/app';
import { DEMO_PASSWORD } from '../../seeds/demo-data';

let app: TestApp;
beforeAll(async () => { app = await buildTestApp({ SIGN_IN_RATE_LIMIT: '40', LOCKOUT_ATTEMPTS: '5', LOCKOUT_MINUTES: '15', TOKEN_TTL_HOURS: '12' }); });
afterAll(async () => { await app.close(); });

const signIn = (email: string, password: string, remoteAddress = '127.0.0.1') =>
  app.server.inject({ method: 'POST', url: '/api/v1/auth/tokens', payload: { email, password }, remoteAddress });

it('gives the same message for an unknown email and a wrong password', async () => {
  const unknown = await signIn('nobody@demo-borough.example.org', 'whatever-password');
  const wrong = await signIn('team.manager@demo-borough.example.org', 'wrong-password');
  expect(unknown.statusCode).toBe(401);
  expect(wrong.statusCode).toBe(401);
  expect((unknown.result as { message: string }).message).toBe('The email address or password is not right.');
  expect((wrong.result as { message: string }).message).toBe((unknown.result as { message: string }).message);
});

it('locks an account after 5 failures for 15 minutes, then lets the right password in', async () => {
  const email = 'group.member@demo-borough.example.org';
  for (let i = 0; i < 5; i++) expect((await signIn(email, 'wrong-password')).statusCode).toBe(401);
  const locked = await signIn(email, DEMO_PASSWORD);
  expect(locked.statusCode).toBe(429);
  expect((locked.result as { message: string }).message).toMatch(/locked after too many failed sign-in attempts/);
  app.clock.advanceMinutes(16);
  expect((await signIn(email, DEMO_PASSWORD)).statusCode).toBe(201);
});

it('refuses an expired token and a revoked token with a plain sentence', async () => {
  const res = await signIn('social.worker@demo-borough.example.org', DEMO_PASSWORD);
  const { token } = res.result as { token: string };
  expect((await app.server.inject({ method: 'GET', url: '/api/v1/authorities/current', headers: bearer(token) })).statusCode).toBe(200);
  app.clock.advanceHours(13);
  const expired = await app.server.inject({ method: 'GET', url: '/api/v1/authorities/current', headers: bearer(token) });
  expect(expired.statusCode).toBe(401);
  expect((expired.result as { message: string }).message).toBe('Your token has expired, was revoked or is not valid. Request a new one.');

  const fresh = ((await signIn('social.worker@demo-borough.example.org', DEMO_PASSWORD)).result as { token: string }).token;
  expect((await app.server.inject({ method: 'DELETE', url: '/api/v1/auth/tokens/current', headers: bearer(fresh) })).statusCode).toBe(204);
  expect((await app.server.inject({ method: 'GET', url: '/api/v1/authorities/current', headers: bearer(fresh) })).statusCode).toBe(401);
  const tampered = await app.server.inject({ method: 'GET', url: '/api/v1/authorities/current', headers: bearer(`${fresh.slice(0, -2)}xx`) });
  expect(tampered.statusCode).toBe(401);
});

it('stores only a hash of each token', async () => {
  const { token } = (await signIn('admin@demo-borough.example.org', DEMO_PASSWORD)).result as { token: string };
  const rows = await app.db.dataSource.query('SELECT token_hash FROM api_tokens');
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.some((r: { token_hash: string }) => r.token_hash.includes(token) || token.includes(r.token_hash))).toBe(false);
});

it('limits sign-in attempts per address', async () => {
  const from = '203.0.113.9';
  const statuses: number[] = [];
  for (let i = 0; i < 42; i++) statuses.push((await signIn(`nobody${i}@example.org`, 'x', from)).statusCode);
  expect(statuses.slice(0, 40).every((s) => s === 401)).toBe(true);
  expect(statuses.slice(40)).toEqual([429, 429]);
  const other = await signIn('nobody@example.org', 'x', '203.0.113.10');
  expect(other.statusCode).toBe(401);
});

it('sends strict security headers, on errors too, and no stack traces', async () => {
  for (const url of ['/health', '/api/v1/children', '/api/v1/nowhere']) {
    const res = await app.server.inject({ method: 'GET', url });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.payload).not.toMatch(/at .*\.ts:\d+/);
  }
});
