// Benchmark (prints figures; not a test): one escalation sweep over 100,000 open episodes of which
// 1,000 are due, then 10,000 open with the same 1,000 due, then 100,000 open with 100 due, to show
// the sweep's cost follows the due episodes, not all of them. Each figure is the median of
// SWEEP_SAMPLES (7) sweeps of the same due episodes, after SWEEP_SETTLING (2) sweeps that are
// printed but not counted, in a process warmed up by SWEEP_WARM_UPS (12) sweeps of a small table. Uses DATABASE_URL, or
// a throwaway embedded PostgreSQL.
import { performance } from 'node:perf_hooks';

import type { DataSource } from 'typeorm';

import { runSeeds } from '../../seeds';
import { loadConfig } from '../../src/config';
import { defaultPolicy } from '../../src/escalation/default-policy';
import { createLogger } from '../../src/platform/logger';
import { createServices } from '../../src/services';
import { ManualClock } from '../support/clock';
import { openBenchDatabase } from './bench-database';
import { startCpuMeter } from './cpu-meter';
import { machineSpeedMs } from './machine-speed';
import { withServiceFlags } from './service-flags';
import { startWalMeter } from './wal-meter';

const logger = createLogger('error');
const out = (line: string) => process.stdout.write(`${line}\n`);

/**
 * `total` open episodes for as many new children; `due` of them have the +24h step due now, the rest nothing until
 * tomorrow.
 */
async function load(db: DataSource, total: number, due: number, now: Date): Promise<void> {
  await db.query(
    'TRUNCATE escalation_schedule, escalation_runs, episode_events, episode_risk_grades, notification_events, notifications, missing_episodes CASCADE',
  );
  await db.query(`DELETE FROM children WHERE local_id LIKE 'BENCH%'`);
  const [{ id: authority }] = await db.query(`SELECT id FROM local_authorities WHERE code = 'DEMO'`);
  await db.query(
    `INSERT INTO children (authority_id, reference, local_id, first_names, last_name, date_of_birth, sex, trafficking_status,
      care_started_at, created_at, updated_at)
    SELECT $1, 'B' || i, 'BENCH' || i, 'Bench', 'Child', '2010-01-01', 1, 'suspected', $2, $2, $2 FROM generate_series(1, $3) AS i`,
    [authority, now, total],
  );
  // As a report does: each episode names the authority's policy version in force.
  await db.query(
    `INSERT INTO escalation_policies (authority_id, version, settings, steps, created_at) VALUES ($1, 1, $2, $3, $4)
    ON CONFLICT (authority_id, version) DO NOTHING`,
    [authority, JSON.stringify(defaultPolicy.settings), JSON.stringify(defaultPolicy.steps), now],
  );
  const [policy] = await db.query(
    'SELECT id FROM escalation_policies WHERE authority_id = $1 ORDER BY version DESC LIMIT 1',
    [authority],
  );
  await db.query(
    `INSERT INTO missing_episodes (authority_id, child_id, reference, kind, state, discovered_at, reported_at, reported_via,
      reported_by_name, high_risk_from_start, trafficking_status, repeat_count, policy_id, created_at, updated_at)
    SELECT $1, c.id, 'E-' || c.local_id, 'M', 'reported', d.at, d.at, 'web', 'Bench', true, 'suspected', 1, $4, d.at, d.at
    FROM (SELECT id, local_id, row_number() OVER (ORDER BY local_id) AS n FROM children WHERE local_id LIKE 'BENCH%') c
    CROSS JOIN LATERAL (SELECT CASE WHEN c.n <= $3 THEN $2::timestamptz - interval '24 hours' ELSE $2::timestamptz - interval '1 hour' END AS at) d`,
    [authority, now, due, policy.id],
  );
  // The due ones were discovered 24 hours ago and are due now; the others look again tomorrow.
  await db.query(
    `INSERT INTO escalation_schedule (episode_id, next_at)
    SELECT id, CASE WHEN discovered_at <= $1::timestamptz - interval '24 hours' THEN $1::timestamptz ELSE $1::timestamptz + interval '1 day' END
    FROM missing_episodes`,
    [now],
  );
  // Everything before +24h already ran (the missing persons unit's alert too), so each due episode has exactly the
  // 24-hour step to send.
  await db.query(
    `INSERT INTO escalation_runs (episode_id, step_key, repeat, outcome, reason, ran_at)
    SELECT e.id, s.key, s.repeat, s.outcome, 'bench', $1 FROM missing_episodes e
    CROSS JOIN (VALUES ('report_police', 3, 'fired'), ('report_police_next', 0, 'fired'), ('report_team', 0, 'fired'),
      ('carer_confirmation', 0, 'fired'), ('same_day', 0, 'fired'), ('operational_group', 0, 'fired'), ('repeat_missing', 0, 'skipped'))
      AS s(key, repeat, outcome)
    JOIN escalation_schedule sch ON sch.episode_id = e.id WHERE sch.next_at <= $1`,
    [now],
  );
  // A service's tables are in a steady state, not freshly bulk-loaded: without this the sweep would
  // pay for the load (setting hint bits on first read, autovacuum, the checkpoint after it).
  await db.query('VACUUM ANALYZE');
  await db.query('CHECKPOINT');
}

/**
 * A service sweeps every minute and runs the same code for every report, so its code is compiled
 * long before any sweep we would time. A fresh process is not: measured, its CPU per sweep fell
 * from 220-280 ms to 95-110 over the first ten sweeps. These sweeps (of 1,000 due among 2,000,
 * rewound between) bring it there first; their times are printed, not counted.
 */
async function warmUp(db: DataSource, clock: ManualClock, sweeps: number): Promise<void> {
  const now = clock.now();
  await load(db, 2_000, 1_000, now);
  const services = createServices({ db, clock, config: loadConfig({ NODE_ENV: 'test' }), logger });
  const times: number[] = [];
  for (let i = 0; i < sweeps; i += 1) {
    if (i > 0) await rewind(db, now);
    times.push((await services.escalation.sweep(sweepOptions())).ms);
  }
  out(`warm-up: ${sweeps} sweeps of 1000 due among 2000 open (not counted): ${times.join(', ')} ms`);
}

async function measure(
  db: DataSource,
  clock: ManualClock,
  total: number,
  due: number,
): Promise<{ ms: number; walKb: number }> {
  const now = clock.now();
  await load(db, total, due, now);
  const services = createServices({ db, clock, config: loadConfig({ NODE_ENV: 'test' }), logger });
  const started = performance.now();
  const [{ n }] = await db.query('SELECT count(*)::int AS n FROM escalation_schedule WHERE next_at <= $1', [now]);
  const selectMs = performance.now() - started;
  const plan: { 'QUERY PLAN': string }[] = await db.query(
    `EXPLAIN SELECT episode_id FROM escalation_schedule WHERE next_at <= $1
    ORDER BY next_at LIMIT 1000`,
    [now],
  );
  out(
    `${String(total).padStart(7)} open, plan of the sweep's query: ${plan.map((p) => p['QUERY PLAN'].trim()).join(' / ')}`,
  );
  // A running service has swept these tables every minute with its code long compiled. Straight
  // after a load the first sweeps are not like that: V8 recompiles the functions the load's own
  // queries made polymorphic, and PostgreSQL's caches hold the load, not the sweep's pages. Those
  // sweeps are run and printed but not counted (SWEEP_SETTLING, 2 by default).
  for (let i = 0; i < SETTLING; i += 1) {
    if (i > 0) await rewind(db, now);
    const { result, used, wrote } = await meteredSweep(db, services);
    out(
      `${String(total).padStart(7)} open, settling sweep ${i + 1} after the load (not counted): ${result.processed} episodes in ${result.ms} ms; ` +
        `CPU: service ${used.nodeMs} ms, PostgreSQL ${used.postgresMs ?? '?'} ms; WAL ${wrote} kB`,
    );
  }
  // One sweep's time moves by a third from run to run on a shared 2-core machine, so the figure is
  // the median of several sweeps of the same due episodes, each rewound and the tables settled between.
  const samples: number[] = [];
  const walKb: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    if (i > 0 || SETTLING > 0) await rewind(db, now);
    const { result, used, wrote } = await meteredSweep(db, services);
    samples.push(result.ms);
    walKb.push(wrote);
    out(
      `${String(total).padStart(7)} open, ${n} due found by the index in ${selectMs.toFixed(1)} ms; sweep ${i + 1}: ${result.processed} episodes, ` +
        `${result.fired} steps, ${result.notifications} notifications in ${result.ms} ms (${(result.ms / Math.max(result.processed, 1)).toFixed(2)} ms per episode); ` +
        `CPU: service ${used.nodeMs} ms, PostgreSQL ${used.postgresMs ?? '?'} ms; WAL ${wrote} kB`,
    );
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const median = medianOf(samples);
  out(
    `${String(total).padStart(7)} open, ${due} due: median ${median} ms of ${SAMPLES} sweeps (fastest ${sorted[0]}, slowest ${sorted[sorted.length - 1]}); ` +
      `machine speed now ${machineSpeedMs()} ms (see machine-speed.ts)`,
  );
  const again = await services.escalation.sweep();
  out(`${String(total).padStart(7)} open, nothing due: sweep in ${again.ms} ms`);
  return { ms: median, walKb: medianOf(walKb) };
}

/** One sweep with the CPU it used (service and PostgreSQL) and the WAL it wrote, in kB. */
async function meteredSweep(db: DataSource, services: ReturnType<typeof createServices>) {
  const wal = await startWalMeter(db);
  const cpu = await startCpuMeter(db);
  const result = await services.escalation.sweep(sweepOptions());
  const used = cpu();
  return { result, used, wrote: await wal() };
}

const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const SAMPLES = Number(process.env.SWEEP_SAMPLES ?? 7);
const SETTLING = Number(process.env.SWEEP_SETTLING ?? 2);
/** The job's defaults unless SWEEP_CONCURRENCY or SWEEP_PER_TRANSACTION say otherwise, to compare settings. */
const sweepOptions = () => ({
  concurrency: Number(process.env.SWEEP_CONCURRENCY ?? 2),
  perTransaction: Number(process.env.SWEEP_PER_TRANSACTION ?? 250),
});

/** Undoes a sweep of the due episodes: their +24h runs and messages go, and they are due again. */
async function rewind(db: DataSource, now: Date): Promise<void> {
  await db.query(
    `WITH undone AS (DELETE FROM escalation_runs WHERE step_key = 'plus_24h' RETURNING episode_id)
    UPDATE escalation_schedule SET next_at = $1 WHERE episode_id IN (SELECT episode_id FROM undone)`,
    [now],
  );
  await db.query('DELETE FROM notifications');
  await db.query('VACUUM ANALYZE notifications, escalation_runs, escalation_schedule, missing_episodes');
  await db.query('CHECKPOINT');
}

/** Each case's median sweep in ms; walKb: the median WAL one sweep of 1,000 due among 100,000 wrote, in kB. */
export interface SweepFigures {
  due1000Of100k: number;
  due1000Of10k: number;
  due100Of100k: number;
  walKb: number;
}

/** Runs the three cases and returns each sweep's milliseconds. */
export async function sweepBench(): Promise<SweepFigures> {
  const bench = await openBenchDatabase(logger, { poolSize: 10, bulkLoad: false });
  const { db } = bench;
  try {
    const clock = new ManualClock('2026-11-23T02:00:00Z');
    await runSeeds(db, createServices({ db, clock, config: loadConfig({ NODE_ENV: 'test' }), logger }), {
      demo: true,
      logger,
      clock,
    });
    const [{ id: authority }] = await db.query(`SELECT id FROM local_authorities WHERE code = 'DEMO'`);
    await db.query(
      `INSERT INTO contacts (authority_id, name, organisation, role, mobile, email, created_at, updated_at)
      SELECT $1, 'Head of service', 'Bench', 'head_of_service', '+447700900204', 'hos@example.org', now(), now()
      WHERE NOT EXISTS (SELECT 1 FROM contacts WHERE authority_id = $1 AND role = 'head_of_service')`,
      [authority],
    );
    out(
      `escalation sweep benchmark: each due episode sends the +24h step (SMS + email to the head of service); goal under 200 ms; node ${process.execArgv.join(' ') || 'without flags'}`,
    );
    await warmUp(db, clock, Number(process.env.SWEEP_WARM_UPS ?? 12));
    // QUICK=1 runs only the smallest case, for profiling.
    const none = { ms: NaN, walKb: NaN };
    const large = process.env.QUICK ? none : await measure(db, clock, 100_000, 1_000);
    const due1000Of10k = (await measure(db, clock, 10_000, 1_000)).ms;
    const due100Of100k = (process.env.QUICK ? none : await measure(db, clock, 100_000, 100)).ms;
    return { due1000Of100k: large.ms, due1000Of10k, due100Of100k, walKb: large.walKb };
  } finally {
    await bench.close();
  }
}

if (require.main === module && withServiceFlags(__filename)) {
  sweepBench().catch((err) => {
    process.stderr.write(`benchmark failed: ${err.stack ?? err}\n`);
    process.exit(1);
  });
}
