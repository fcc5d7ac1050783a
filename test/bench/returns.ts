// Benchmark (prints figures; not a test): on the generated national dataset, the SSDA903 export for
// one authority (goal under 5 s) and the figures for one authority and year (goal under 1 s), with
// the query plans and the database size. Run: npm run bench:returns -- --scale 0.1
import { performance } from 'node:perf_hooks';

import type { DataSource } from 'typeorm';

import { loadConfig } from '../../src/config';
import { figureQueries } from '../../src/figures/figures.repository';
import type { RequestContext } from '../../src/platform/auth/actor';
import { createLogger } from '../../src/platform/logger';
import { returnEpisodesSql } from '../../src/returns/ssda903-missing.repository';
import { createServices } from '../../src/services';
import { ManualClock } from '../support/clock';
import { openBenchDatabase, scaleArgument } from './bench-database';
import { generateDataset } from './generate-dataset';

const out = (line: string) => process.stdout.write(`${line}\n`);
const YEAR = 2025;
const RUNS = 3;

async function timed<T>(label: string, goalMs: number, work: () => Promise<T>): Promise<T> {
  let result!: T;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    result = await work();
    times.push(performance.now() - t);
  }
  out(
    `${label}: ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')} (first run cold; goal under ${goalMs} ms) ${Math.max(...times) < goalMs ? 'MET' : 'MISSED'}`,
  );
  return result;
}

async function explain(db: Pick<DataSource, 'query'>, label: string, sql: string, params: unknown[]): Promise<void> {
  const plan: { 'QUERY PLAN': string }[] = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  out(`\nEXPLAIN ANALYZE, ${label}:`);
  for (const line of plan) out(`  ${line['QUERY PLAN']}`);
}

async function main(): Promise<void> {
  const scale = scaleArgument(process.argv);
  const logger = createLogger('warn');
  const bench = await openBenchDatabase(logger);
  const { db } = bench;
  try {
    out(`returns and figures benchmark at scale ${scale}, in ${bench.where}`);
    const t = performance.now();
    const size = await generateDataset(db, scale, out);
    out(`generated ${JSON.stringify(size)} in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    const [{ size: dbSize, bytes }] = await db.query(
      'SELECT pg_size_pretty(pg_database_size(current_database())) AS size, pg_database_size(current_database()) AS bytes',
    );
    out(`database size: ${dbSize} (${bytes} bytes)`);

    const [authority] = await db.query(`SELECT id, code FROM local_authorities WHERE code = 'GEN001'`);
    const [user] = await db.query(
      `INSERT INTO users (authority_id, email, name, role, password_hash) VALUES ($1, 'bench@example.org', 'Bench Manager', 'team_manager', 'not-a-hash') RETURNING id`,
      [authority.id],
    );
    const ctx: RequestContext = {
      actor: { userId: user.id, authorityId: authority.id, role: 'team_manager', name: 'Bench Manager' },
      ip: null,
    };
    const [counts] = await db.query(
      `SELECT (SELECT count(*) FROM children WHERE authority_id = $1)::int AS children,
      (SELECT count(*) FROM missing_episodes WHERE authority_id = $1)::int AS episodes,
      (SELECT count(*) FROM notifications WHERE authority_id = $1)::int AS notifications`,
      [authority.id],
    );
    out(
      `authority ${authority.code}: ${counts.children} children, ${counts.episodes} episodes, ${counts.notifications} notifications\n`,
    );

    const services = createServices({
      db,
      clock: new ManualClock('2026-11-23T12:00:00Z'),
      config: loadConfig({ NODE_ENV: 'test' }),
      logger,
    });
    const ret = await timed(`SSDA903 export ${YEAR}-${YEAR + 1 - 2000}, one authority`, 5000, () =>
      services.ssda903Missing.export(ctx, { year: YEAR, draft: false }),
    );
    out(`  ${ret.rows.length} rows, ${ret.problems.length} problems, ${ret.csv.length} bytes of CSV`);
    const figures = await timed(`figures ${YEAR}-04-01..${YEAR + 1}-03-31, one authority`, 1000, () =>
      services.figures.figures(ctx, { from: `${YEAR}-04-01`, to: `${YEAR + 1}-03-31` }),
    );
    out(`  ${JSON.stringify(figures)}`);

    await explain(db, 'the SSDA903 export query', returnEpisodesSql, [
      authority.id,
      `${YEAR}-04-01`,
      `${YEAR + 1}-03-31`,
      'Europe/London',
    ]);
    const params = [
      authority.id,
      `${YEAR}-04-01`,
      `${YEAR + 1}-03-31`,
      'Europe/London',
      new Date(`${YEAR + 1}-04-01T00:00:00+01:00`),
    ];
    await explain(db, 'figures: episodes', figureQueries.episodes, params.slice(0, 4));
    await explain(db, 'figures: still missing and never found', figureQueries.stillMissing, params);
    await explain(db, 'figures: alerts', figureQueries.alerts, params.slice(0, 4));
    // The same query without migration 600's index, dropped in a transaction that is rolled back.
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query('DROP INDEX notifications_authority_created');
      await explain(
        runner,
        'figures: alerts WITHOUT notifications_authority_created',
        figureQueries.alerts,
        params.slice(0, 4),
      );
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  } finally {
    await bench.close();
  }
}

main().catch((err) => {
  process.stderr.write(`benchmark failed: ${err.stack ?? err}\n`);
  process.exit(1);
});
