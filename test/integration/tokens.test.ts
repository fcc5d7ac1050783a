// A bearer token is remembered for TOKEN_RECENT_SECONDS (10) after the database has vouched for it
// (src/users/recent-tokens.ts): a sign-out on this instance counts at once; a token revoked, a user disabled or
// given another role elsewhere (another instance, an administrator in SQL) counts within those seconds; a
// token past its expiry is refused at once; an unknown token always asks the database.
import { createHash } from 'node:crypto';

import { bearer, buildTestApp, TestApp } from '../support/app';

let app: TestApp;
let childId: string;
beforeAll(async () => {
  app = await buildTestApp();
  [{ id: childId }] = await app.db.dataSource.query(`SELECT id FROM children WHERE reference = 'K7Q2'`);
});
afterAll(async () => {
  await app.close();
});

const read = async (token: string) =>
  (await app.server.inject({ method: 'GET', url: `/api/v1/children/${childId}`, headers: bearer(token) })).statusCode;
const sql = (text: string, params: unknown[] = []) => app.db.dataSource.query(text, params);
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

const revokeInSql = (token: string) =>
  sql('UPDATE api_tokens SET revoked_at = now() WHERE token_hash = $1', [hashOf(token)]);

/** A fresh token of that demo user, already used (so this instance remembers it). */
async function usedToken(role: 'social_worker' | 'team_manager'): Promise<string> {
  const token = await app.signIn(role);
  expect(await read(token)).toBe(200);
  return token;
}

it('stops accepting a token revoked outside this instance within the remembered seconds', async () => {
  const token = await usedToken('social_worker');
  await revokeInSql(token);
  app.clock.advance(9_000);
  expect(await read(token)).toBe(200);
  app.clock.advance(1_001);
  expect(await read(token)).toBe(401);
  app.clock.advance(60_000);
  expect(await read(token)).toBe(401);
});

it('stops accepting a token signed out on this instance at once', async () => {
  const token = await usedToken('social_worker');
  const out = await app.server.inject({ method: 'DELETE', url: '/api/v1/auth/tokens/current', headers: bearer(token) });
  expect(out.statusCode).toBe(204);
  expect(await read(token)).toBe(401);
});

it('applies a disabled user and a new role within the remembered seconds', async () => {
  const manager = await usedToken('team_manager');
  const worker = await usedToken('social_worker');
  try {
    await sql(`UPDATE users SET role = 'carer' WHERE email = 'team.manager@demo-borough.example.org'`);
    await sql(`UPDATE users SET disabled_at = now() WHERE email = 'social.worker@demo-borough.example.org'`);
    app.clock.advance(10_001);
    expect(await read(manager)).toBe(403);
    expect(await read(worker)).toBe(401);
  } finally {
    await sql(`UPDATE users SET role = 'team_manager' WHERE email = 'team.manager@demo-borough.example.org'`);
    await sql(`UPDATE users SET disabled_at = NULL WHERE email = 'social.worker@demo-borough.example.org'`);
  }
});

it('refuses a remembered token the moment it expires', async () => {
  const token = await app.signIn('social_worker');
  // Used a few seconds before its expiry: remembered only until the expiry, not for the full 10 seconds.
  app.clock.advance(app.config.tokenTtlHours * 3_600_000 - 3_000);
  expect(await read(token)).toBe(200);
  app.clock.advance(3_001);
  expect(await read(token)).toBe(401);
});

it('asks the database for a token it has not seen, so one issued elsewhere works at once', async () => {
  const token = await app.signIn('social_worker');
  await revokeInSql(token);
  expect(await read(token)).toBe(401);
  expect(await read('mct_not-a-token')).toBe(401);
});
