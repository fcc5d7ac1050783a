// Two service instances (two connection pools on one database) sweeping and running the same
// due episodes at the same moment: every (episode, step, repeat) runs once, and so every alert
// is written once.
import type { DataSource } from 'typeorm';

import { entities } from '../../src/entities';
import { createDataSource } from '../../src/platform/database/data-source';
import { createServices, Services } from '../../src/services';
import { buildTestApp, TestApp } from '../support/app';
import { addContacts, childPlaced, reportMissing } from '../support/escalation-fixtures';
import { testLogger } from '../support/quiet-logger';

let app: TestApp;
let second: DataSource;
let other: Services;
const episodes: string[] = [];

beforeAll(async () => {
  app = await buildTestApp();
  await addContacts(app);
  second = createDataSource(app.db.url, entities, 10);
  await second.initialize();
  other = createServices({ db: second, clock: app.clock, config: app.config, logger: testLogger() });
  for (let i = 0; i < 12; i++)
    episodes.push((await reportMissing(app, (await childPlaced(app, { trafficking: 'suspected', daysAgo: 3 })).id)).id);
});
afterAll(async () => {
  await second.destroy();
  await app.close();
});

const count = async (sql: string, params: unknown[] = []) => Number((await app.db.dataSource.query(sql, params))[0].n);

it('two instances sweeping together send each step once', async () => {
  app.clock.advanceHours(24);
  const [a, b] = await Promise.all([
    app.services.escalation.sweep({ concurrency: 3 }),
    other.escalation.sweep({ concurrency: 3 }),
  ]);
  expect(a.fired + b.fired).toBeGreaterThan(0);
  // plus_24h goes to the head of service by SMS and email: two rows per episode, never four.
  expect(await count(`SELECT count(*) AS n FROM notifications WHERE step_key = 'plus_24h#0'`)).toBe(
    2 * episodes.length,
  );
  expect(await count(`SELECT count(*) AS n FROM notifications WHERE step_key = 'same_day#0'`)).toBe(episodes.length);
  expect(
    await count(`SELECT count(*) AS n FROM escalation_runs WHERE outcome = 'fired' AND step_key = 'plus_24h'`),
  ).toBe(episodes.length);
  expect(await count(`SELECT count(*) AS n FROM escalation_schedule WHERE next_at <= $1`, [app.clock.now()])).toBe(0);
});

it('two runners racing on one episode without the sweep lock still run each step once', async () => {
  app.clock.advanceHours(24);
  const id = episodes[0];
  await Promise.all([
    app.db.dataSource.transaction((tx) => app.services.escalation.runner.process(tx, id)),
    second.transaction((tx) => other.escalation.runner.process(tx, id)),
  ]);
  expect(
    await count(`SELECT count(*) AS n FROM notifications WHERE episode_id = $1 AND step_key = 'plus_48h#0'`, [id]),
  ).toBe(3);
  expect(
    await count(
      `SELECT count(*) AS n FROM escalation_runs WHERE episode_id = $1 AND outcome = 'fired' AND step_key = 'plus_48h'`,
      [id],
    ),
  ).toBe(1);
});

it('two instances sweeping in small batches (locked with SKIP LOCKED) still send each step once', async () => {
  app.clock.advanceHours(24);
  const [a, b] = await Promise.all([
    app.services.escalation.sweep({ concurrency: 2, perTransaction: 3 }),
    other.escalation.sweep({ concurrency: 2, perTransaction: 2 }),
  ]);
  expect(a.processed + b.processed).toBe(episodes.length);
  // plus_72h goes to the director and the team manager (SMS and email each where they have both): once per episode.
  const perEpisode = await app.db.dataSource.query(
    `SELECT episode_id, count(*)::int AS n FROM notifications WHERE step_key = 'plus_72h#0' GROUP BY episode_id`,
  );
  expect(perEpisode).toHaveLength(episodes.length);
  expect(new Set(perEpisode.map((r: { n: number }) => r.n)).size).toBe(1);
  expect(
    await count(`SELECT count(*) AS n FROM escalation_runs WHERE outcome = 'fired' AND step_key = 'plus_72h'`),
  ).toBe(episodes.length);
  expect(await count(`SELECT count(*) AS n FROM escalation_runs WHERE step_key = 'plus_72h'`)).toBe(episodes.length);
});

it('two instances sweeping 60 episodes due at once (batches of over 100 messages) still send each step once', async () => {
  const fresh: string[] = [];
  for (let i = 0; i < 60; i++)
    fresh.push((await reportMissing(app, (await childPlaced(app, { trafficking: 'suspected', daysAgo: 3 })).id)).id);
  app.clock.advanceHours(24);
  const [a, b] = await Promise.all([
    app.services.escalation.sweep({ concurrency: 2 }),
    other.escalation.sweep({ concurrency: 2 }),
  ]);
  expect(a.notifications + b.notifications).toBeGreaterThanOrEqual(2 * 60);
  const sent = await app.db.dataSource.query(
    `SELECT count(*)::int AS n, count(DISTINCT episode_id)::int AS episodes
    FROM notifications WHERE episode_id = ANY($1) AND step_key = 'plus_24h#0'`,
    [fresh],
  );
  expect(sent).toEqual([{ n: 2 * fresh.length, episodes: fresh.length }]);
  expect(
    await count(`SELECT count(*) AS n FROM escalation_runs WHERE episode_id = ANY($1) AND step_key = 'plus_24h'`, [
      fresh,
    ]),
  ).toBe(fresh.length);
  expect(await count(`SELECT count(*) AS n FROM escalation_schedule WHERE next_at <= $1`, [app.clock.now()])).toBe(0);
});
