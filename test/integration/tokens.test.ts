// A bearer token's actor is looked up again at least every TOKEN_RECHECK_SECONDS (1 s), so a token
// revoked, a user disabled or given another role counts within that time whoever made the change
// (another instance, an administrator in SQL); a token revoked through this instance counts at once,
// and a token past its expiry is refused. With the setting at 0 every request asks the database.
import { createHash } from 'node:crypto';

import { bearer, buildTestApp, TestApp } from '../support/app';

let app: TestApp;
let childId: string;
let recheckMs: number;
beforeAll(async () => {
  app = await buildTestApp();
  recheckMs = app.config.tokenRecheckMs;
  [{ id: childId }] = await app.db.dataSource.query(`SELECT id FROM children WHERE reference = 'K7Q2'`);
});
afterAll(async () => {
  await app.close();
});

const read = async (token: string) =>
  (await app.server.inject({ method: 'GET', url: `/api/v1/children/${childId}`, headers: bearer(token) })).statusCode;
const sql = (text: string, params: unknown[] = []) => app.db.dataSource.query(text, params);

const revokeInSql = (token: string) =>
  sql('UPDATE api_tokens SET revoked_at = now() WHERE token_hash = $1', [
    createHash('sha256').update(token).digest('hex'),
  ]);

/** A fresh token of that demo user, already used once. */
async function usedToken(role: 'social_worker' | 'team_manager'): Promise<string> {
  const token = await app.signIn(role);
  expect(await read(token)).toBe(200);
  expect(await read(token)).toBe(200);
  return token;
}

it('stops accepting a token revoked outside this instance within the recheck time', async () => {
  expect(recheckMs).toBe(1000);
  const token = await usedToken('social_worker');
  await revokeInSql(token);
  app.clock.advance(recheckMs);
  expect(await read(token)).toBe(401);
});

it('stops accepting a token revoked through this instance at once', async () => {
  const token = await usedToken('social_worker');
  const out = await app.server.inject({ method: 'DELETE', url: '/api/v1/auth/tokens/current', headers: bearer(token) });
  expect(out.statusCode).toBe(204);
  expect(await read(token)).toBe(401);
});

it('asks the database on every request when the recheck time is 0', async () => {
  const every = await buildTestApp({ TOKEN_RECHECK_SECONDS: '0' });
  try {
    const token = await every.signIn('social_worker');
    const readThere = async () =>
      (await every.server.inject({ method: 'GET', url: `/api/v1/children/${childId}`, headers: bearer(token) }))
        .statusCode;
    expect(await readThere()).toBe(200);
    await every.db.dataSource.query('UPDATE api_tokens SET revoked_at = now() WHERE token_hash = $1', [
      createHash('sha256').update(token).digest('hex'),
    ]);
    expect(await readThere()).toBe(401);
  } finally {
    await every.close();
  }
});

it('stops accepting the tokens of a user who is disabled, and applies a new role', async () => {
  const manager = await usedToken('team_manager');
  const worker = await usedToken('social_worker');
  try {
    await sql(`UPDATE users SET role = 'carer' WHERE email = 'team.manager@demo-borough.example.org'`);
    app.clock.advance(recheckMs);
    expect(await read(manager)).toBe(403);
    await sql(`UPDATE users SET disabled_at = now() WHERE email = 'social.worker@demo-borough.example.org'`);
    app.clock.advance(recheckMs);
    expect(await read(worker)).toBe(401);
  } finally {
    await sql(`UPDATE users SET role = 'team_manager' WHERE email = 'team.manager@demo-borough.example.org'`);
    await sql(`UPDATE users SET disabled_at = NULL WHERE email = 'social.worker@demo-borough.example.org'`);
  }
});

it('refuses a token once the clock passes its expiry', async () => {
  const token = await usedToken('social_worker');
  app.clock.advanceHours(app.config.tokenTtlHours + 1);
  expect(await read(token)).toBe(401);
});
