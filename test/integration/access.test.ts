// Walks the whole route table: every role against every route's action (403 exactly when the
// permission table says no), and every route that takes an id refuses another authority's record
// with 404. A new route is covered the moment it is added.
import { randomUUID } from 'node:crypto';

import type { RequestRoute } from '@hapi/hapi';

import { Action, can } from '../../src/platform/auth/permissions';
import { roles } from '../../src/platform/auth/roles';
import { bearer, buildTestApp, TestApp } from '../support/app';
import { examplePayloads, idTables } from '../support/route-examples';

let app: TestApp;
let guarded: RequestRoute[];
beforeAll(async () => {
  app = await buildTestApp();
  guarded = app.server.table().filter((r) => (r.settings.auth as unknown) !== false && r.path.startsWith('/api/'));
});
afterAll(async () => {
  await app.close();
});

const key = (r: RequestRoute) => `${r.method.toUpperCase()} ${r.path}`;
const isSignOut = (r: RequestRoute) => r.path === '/api/v1/auth/tokens/current';
const fill = (path: string, value: string) => path.replace(/\{[^}]+\}/g, value);

it('every guarded route names an action', () => {
  expect(guarded.length).toBeGreaterThan(5);
  for (const r of guarded) expect([key(r), r.settings.app?.action]).toEqual([key(r), expect.any(String)]);
});

it.each(roles)('role %s gets 403 exactly where the permission table says no', async (role) => {
  for (const route of guarded) {
    const action = route.settings.app!.action as Action;
    const token = isSignOut(route) ? await app.signIn(role) : await app.tokenFor(role);
    const res = await app.server.inject({
      method: route.method,
      url: fill(route.path, randomUUID()),
      headers: bearer(token),
    });
    const allowed = can(role, action);
    expect([key(route), res.statusCode === 403]).toEqual([key(route), !allowed]);
    expect([key(route), res.statusCode]).not.toEqual([key(route), 401]);
    expect(res.statusCode).toBeLessThan(500);
  }
});

it("every route with an id answers 404 for another authority's record", async () => {
  const withId = guarded.filter((r) => /\{[^}]+\}/.test(r.path));
  expect(withId.length).toBeGreaterThan(0);
  for (const route of withId) {
    const segment = /\/([^/{}]+)\/\{[^}]+\}/.exec(route.path)![1];
    const table = idTables[segment];
    expect([key(route), table]).toEqual([key(route), expect.any(String)]);
    const [{ id }] = await app.db.dataSource.query(
      `SELECT t.id FROM ${table} t JOIN local_authorities a ON a.id = t.authority_id WHERE a.code = 'DEMO' LIMIT 1`,
    );
    const role = roles.find((r) => can(r, route.settings.app!.action as Action) && r !== 'police' && r !== 'ceop')!;
    const payload = ['GET', 'DELETE'].includes(route.method.toUpperCase()) ? undefined : examplePayloads[key(route)];
    if (!['get', 'delete'].includes(route.method))
      expect([key(route), payload]).toEqual([key(route), expect.any(Object)]);
    const res = await app.server.inject({
      method: route.method,
      url: fill(route.path, id),
      payload,
      headers: bearer(await app.tokenFor(role, 'OTHER')),
    });
    expect([key(route), res.statusCode]).toEqual([key(route), 404]);
  }
});

it('the same requests succeed for the owning authority (so the 404s above mean tenancy, not bad examples)', async () => {
  const withId = guarded.filter((r) => /\{[^}]+\}/.test(r.path) && r.method === 'get');
  for (const route of withId) {
    const segment = /\/([^/{}]+)\/\{[^}]+\}/.exec(route.path)![1];
    const [{ id }] = await app.db.dataSource.query(
      `SELECT t.id FROM ${idTables[segment]} t JOIN local_authorities a ON a.id = t.authority_id WHERE a.code = 'DEMO' LIMIT 1`,
    );
    const role = roles.find((r) => can(r, route.settings.app!.action as Action) && r !== 'police' && r !== 'ceop')!;
    const res = await app.server.inject({
      method: 'GET',
      url: fill(route.path, id),
      headers: bearer(await app.tokenFor(role, 'DEMO')),
    });
    expect([key(route), res.statusCode]).toEqual([key(route), 200]);
  }
});
