// Bearer tokens are looked up once and then remembered, but a token that is revoked, a user who is
// disabled or given another role, is honoured the moment the change commits, whoever made it
// (another instance, an administrator in SQL): database triggers announce it and every instance forgets.
import { createHash } from 'node:crypto';

import { bearer, buildTestApp, TestApp } from '../support/app';
import { eventually } from '../support/wait';

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

const revokeInSql = (token: string) =>
  sql('UPDATE api_tokens SET revoked_at = now() WHERE token_hash = $1', [
    createHash('sha256').update(token).digest('hex'),
  ]);

/** A fresh token of that demo user, used so its lookup is cached. */
async function cachedToken(role: 'social_worker' | 'team_manager'): Promise<string> {
  const token = await app.signIn(role);
  expect(await read(token)).toBe(200);
  expect(await read(token)).toBe(200);
  return token;
}

it('hears revocations once the server has started (and only then caches lookups)', async () => {
  await eventually(() => (app.services.tokens.cache.listening ? true : null), 'the revocation listener');
});

it('stops accepting a token revoked outside this instance', async () => {
  const token = await cachedToken('social_worker');
  await revokeInSql(token);
  await eventually(async () => ((await read(token)) === 401 ? true : null), 'the revoked token to be refused');
});

it('stops accepting the tokens of a user who is disabled, and applies a new role', async () => {
  const manager = await cachedToken('team_manager');
  const worker = await cachedToken('social_worker');
  try {
    await sql(`UPDATE users SET role = 'carer' WHERE email = 'team.manager@demo-borough.example.org'`);
    await eventually(async () => ((await read(manager)) === 403 ? true : null), 'the new role to apply');
    await sql(`UPDATE users SET disabled_at = now() WHERE email = 'social.worker@demo-borough.example.org'`);
    await eventually(async () => ((await read(worker)) === 401 ? true : null), 'the disabled user to be refused');
  } finally {
    await sql(`UPDATE users SET role = 'team_manager' WHERE email = 'team.manager@demo-borough.example.org'`);
    await sql(`UPDATE users SET disabled_at = NULL WHERE email = 'social.worker@demo-borough.example.org'`);
  }
});

it('forgets everything when its listening connection drops, so a revocation it could not hear still counts', async () => {
  const token = await cachedToken('social_worker');
  await app.db.asOwner('ALTER TABLE api_tokens DISABLE TRIGGER api_tokens_notify_revocation');
  try {
    await sql(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'missing-children-token-cache' AND datname = current_database()`,
    );
    await eventually(() => (app.services.tokens.cache.listening ? null : true), 'the cache to notice it is deaf');
    await revokeInSql(token);
    expect(await read(token)).toBe(401);
  } finally {
    await app.db.asOwner('ALTER TABLE api_tokens ENABLE TRIGGER api_tokens_notify_revocation');
  }
  await eventually(() => (app.services.tokens.cache.listening ? true : null), 'the listener to reconnect');
  expect(await read(await cachedToken('social_worker'))).toBe(200);
});

it('remembers a token for seconds at most, even if a revocation notice were missed', async () => {
  const token = await cachedToken('social_worker');
  await app.db.asOwner('ALTER TABLE api_tokens DISABLE TRIGGER api_tokens_notify_revocation');
  try {
    await revokeInSql(token);
    app.clock.advance(11_000);
    expect(await read(token)).toBe(401);
  } finally {
    await app.db.asOwner('ALTER TABLE api_tokens ENABLE TRIGGER api_tokens_notify_revocation');
  }
});
