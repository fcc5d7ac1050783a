// The benchmark's dataset generator at a small scale: it makes the counts it promises, every row
// satisfies the schema's constraints, and what it makes is a valid SSDA903 return.
import type { RequestContext } from '../../src/platform/auth/actor';
import { datasetSize, generateDataset } from '../bench/generate-dataset';
import { buildTestApp, TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const count = async (sql: string) => (await app.db.dataSource.query(sql))[0].n as number;

it('generates the promised counts at scale 0.01, within every constraint, and a return that passes the DfE rules', async () => {
  const size = await generateDataset(app.db.dataSource, 0.01);
  expect(size).toEqual({ authorities: 150, children: 1000, episodes: 10_000, notifications: 100_000 });
  expect(datasetSize(1)).toEqual({
    authorities: 150,
    children: 100_000,
    episodes: 1_000_000,
    notifications: 10_000_000,
  });

  const generated = `SELECT id FROM local_authorities WHERE code LIKE 'GEN%'`;
  expect(await count(`SELECT count(*)::int AS n FROM local_authorities WHERE code LIKE 'GEN%'`)).toBe(150);
  expect(await count(`SELECT count(*)::int AS n FROM children WHERE authority_id IN (${generated})`)).toBe(1000);
  expect(await count(`SELECT count(*)::int AS n FROM missing_episodes WHERE authority_id IN (${generated})`)).toBe(
    10_000,
  );
  expect(await count(`SELECT count(*)::int AS n FROM notifications WHERE authority_id IN (${generated})`)).toBe(
    100_000,
  );

  // Every constraint was enforced as the rows went in; none is left unvalidated, and a child's
  // episodes and alerts all belong to the child's own authority.
  expect(
    await count(`SELECT count(*)::int AS n FROM pg_constraint c JOIN pg_namespace s ON s.oid = c.connamespace
    WHERE s.nspname = 'public' AND NOT c.convalidated`),
  ).toBe(0);
  expect(
    await count(
      `SELECT count(*)::int AS n FROM missing_episodes e JOIN children c ON c.id = e.child_id WHERE c.authority_id <> e.authority_id`,
    ),
  ).toBe(0);
  expect(
    await count(
      `SELECT count(*)::int AS n FROM notifications n JOIN missing_episodes e ON e.id = n.episode_id WHERE e.authority_id <> n.authority_id`,
    ),
  ).toBe(0);
  expect(
    await count(
      `SELECT count(*)::int AS n FROM missing_episodes WHERE closed_at IS NULL AND authority_id IN (${generated})`,
    ),
  ).toBe(150);

  const [authority] = await app.db.dataSource.query(`SELECT id FROM local_authorities WHERE code = 'GEN001'`);
  const ctx: RequestContext = {
    actor: { userId: authority.id, authorityId: authority.id, role: 'team_manager', name: 'Generated' },
    ip: null,
  };
  const result = await app.services.ssda903Missing.export(ctx, { year: 2025, draft: false });
  expect(result.problems).toEqual([]);
  expect(result.rows.length).toBeGreaterThan(0);
  const figures = await app.services.figures.figures(ctx, { from: '2025-04-01', to: '2026-03-31' });
  expect(figures.children.repeatMissers).toBeGreaterThan(0);
  expect(figures.alerts.failed).toBeGreaterThan(0);
  await expect(generateDataset(app.db.dataSource, 0.01)).rejects.toThrow('already holds a generated dataset');
}, 180_000);
