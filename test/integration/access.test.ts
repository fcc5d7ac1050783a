// Walks the whole route table: every role against every route's action (403 exactly when the
// permission table says no), every route that takes an id refuses another authority's record
// with 404, and every route on a child or an episode is tried as role x tie x authority (tied,
// untied, and the host authority of an out-of-area placement), refused exactly where
// permissions.ts says so. A new route is covered the moment it is added.
import { randomUUID } from 'node:crypto';

import type { RequestRoute } from '@hapi/hapi';

import { CARER_ONE_CHILD } from '../../seeds/demo-data';
import {
  Action,
  allows,
  allowsAcross,
  can,
  escalatedOnly,
  type Tie,
  tiesNeeded,
} from '../../src/platform/auth/permissions';
import { type Role, roles } from '../../src/platform/auth/roles';
import { bearer, buildTestApp, TestApp } from '../support/app';
import { addContacts, childPlaced, reportMissing } from '../support/escalation-fixtures';
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

describe('role x tie to the child x authority, on every route of a child or an episode', () => {
  type Target = { child: string; episode: string; visible: string[] };
  let tied: Target;
  let untied: Target;
  let hosted: Target;
  const q = (sql: string, params: unknown[] = []) => app.db.dataSource.query(sql, params);
  async function target(carer: string | undefined, hostIn?: string): Promise<Target> {
    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 20, carer });
    if (hostIn)
      await q(`UPDATE placements SET host_authority_id = $2, police_force_code = 'essex' WHERE id = $1`, [
        child.placementId,
        hostIn,
      ]);
    // A missing profile and a plan, so that reading them answers 404 only when access is refused.
    const token = await app.tokenFor('social_worker');
    for (const [method, path] of [
      ['PUT', '/api/v1/children/{id}/missing-profile'],
      ['POST', '/api/v1/children/{id}/plans'],
    ] as const) {
      const res = await app.server.inject({
        method,
        url: fill(path, child.id),
        payload: examplePayloads[`${method} ${path}`],
        headers: bearer(token),
      });
      expect([path, res.statusCode]).toEqual([path, expect.any(Number)]);
      expect([path, res.statusCode < 300]).toEqual([path, true]);
    }
    const episode = await reportMissing(app, child.id);
    const [{ visible_to_roles: visible }] = await q('SELECT visible_to_roles FROM missing_episodes WHERE id = $1', [
      episode.id,
    ]);
    return { child: child.id, episode: episode.id, visible };
  }

  beforeAll(async () => {
    await addContacts(app);
    const [other] = await q(`SELECT id FROM local_authorities WHERE code = 'OTHER'`);
    tied = await target(CARER_ONE_CHILD);
    untied = await target('+447700900677');
    hosted = await target(undefined, other.id);
    const [guardianUser] = await q(`SELECT id FROM users WHERE email = 'guardian@demo-borough.example.org'`);
    await q('UPDATE guardians SET user_id = $1 WHERE child_id = $2', [guardianUser.id, tied.child]);
  });

  /** The ties the fixtures give each role: the tied child's carer and guardian; police were sent report_police. */
  function tiesOf(role: Role, t: Target, action: Action): Set<Tie> {
    const ties = new Set<Tie>();
    if (t === tied && role === 'carer') ties.add('carer');
    if (t === tied && role === 'guardian') ties.add('guardian');
    if (t === tied && role === 'social_worker') ties.add('allocated_worker');
    const alerted = action === 'episodes.acknowledge' ? role === 'police' : t.visible.includes(role);
    if (alerted) ties.add('alerted');
    return ties;
  }
  /** An episode is found only by a role that reads it (escalated to their agency; the guardian tie). */
  function seesEpisode(role: Role, t: Target): boolean {
    if (escalatedOnly.includes(role) && !t.visible.includes(role)) return false;
    return !tiesNeeded(role, 'episodes.read').length || allows(role, 'episodes.read', tiesOf(role, t, 'episodes.read'));
  }
  const expectedOwn = (role: Role, action: Action, t: Target, onEpisode: boolean) =>
    can(role, action) && (!onEpisode || seesEpisode(role, t)) && allows(role, action, tiesOf(role, t, action));

  // Routes that end the child's care or the episode go last, so the ties the others rely on hold while they run.
  const lastly = (r: RequestRoute) => (/\/(care\/end|close)$/.test(r.path) ? 1 : 0);

  it('refuses (403 or 404, nothing else) exactly where the tie table says no, and lets the tied through', async () => {
    const onChildOrEpisode = guarded
      .filter((r) => /^\/api\/v1\/(children|episodes)\/\{id\}/.test(r.path))
      .sort((a, b) => lastly(a) - lastly(b));
    expect(onChildOrEpisode.length).toBeGreaterThan(10);
    const seen: string[] = [];
    for (const route of onChildOrEpisode) {
      const action = route.settings.app!.action as Action;
      const onEpisode = route.path.startsWith('/api/v1/episodes/');
      const payload = ['GET', 'DELETE'].includes(route.method.toUpperCase()) ? undefined : examplePayloads[key(route)];
      const cases: [string, Target, 'DEMO' | 'OTHER', (role: Role) => boolean][] = [
        ['untied', untied, 'DEMO', (role) => expectedOwn(role, action, untied, onEpisode)],
        ['tied', tied, 'DEMO', (role) => expectedOwn(role, action, tied, onEpisode)],
        ['host', hosted, 'OTHER', (role) => can(role, action) && allowsAcross(role, action, new Set(['host']))],
      ];
      for (const [tie, t, authority, expected] of cases) {
        // Refusals first: they change nothing, so the same fixtures serve every role.
        const order = [...roles].sort((a, b) => Number(expected(a)) - Number(expected(b)));
        for (const role of order) {
          const res = await app.server.inject({
            method: route.method,
            url: fill(route.path, onEpisode ? t.episode : t.child),
            payload,
            headers: bearer(await app.tokenFor(role, authority)),
          });
          const refused = [403, 404].includes(res.statusCode);
          const label = `${key(route)} as ${role} (${tie}, ${authority})`;
          expect([label, refused]).toEqual([label, !expected(role)]);
          expect([label, res.statusCode < 500]).toEqual([label, true]);
          if (!refused) seen.push(`${tie} ${role}`);
        }
      }
    }
    // The walk reached the tied cases it exists for.
    expect(seen).toEqual(expect.arrayContaining(['tied carer', 'tied guardian', 'host social_worker', 'tied police']));
    expect(seen).not.toContain('untied carer');
    // About 1,500 requests: a busy shared machine needs more than the default 30 s.
  }, 180_000);
});
