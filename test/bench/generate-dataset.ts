// Generates a national-scale dataset for benchmarks, set-based (generate_series) so Postgres does
// the work: at scale 1, 150 authorities, 100,000 children, 1,000,000 episodes and 10,000,000
// notifications. Every row goes through the real schema's constraints (foreign keys, no-overlap,
// one open episode per child). Run: tsx test/bench/generate-dataset.ts --scale 0.01
// (into DATABASE_URL, else a throwaway embedded PostgreSQL under the temp dir).
import { performance } from 'node:perf_hooks';

import type { DataSource } from 'typeorm';

export const AUTHORITIES = 150;
export const EPISODES_PER_CHILD = 10;
export const NOTIFICATIONS_PER_EPISODE = 10;

export interface DatasetSize {
  authorities: number;
  children: number;
  episodes: number;
  notifications: number;
}

export function datasetSize(scale: number): DatasetSize {
  const children = Math.max(1, Math.round(100_000 * scale));
  const episodes = children * EPISODES_PER_CHILD;
  return { authorities: AUTHORITIES, children, episodes, notifications: episodes * NOTIFICATIONS_PER_EPISODE };
}

const authoritiesSql = `INSERT INTO local_authorities (code, name)
  SELECT 'GEN' || lpad(i::text, 3, '0'), 'Generated authority ' || i FROM generate_series(1, $1) AS i`;

// Child n belongs to authority n mod 150 and is that authority's child number n / 150, which decides
// what kind of history it gets (so every authority has some of each). 1 in 10 left care in October 2026.
const childrenSql = `INSERT INTO children (authority_id, reference, local_id, first_names, last_name, date_of_birth, sex,
    trafficking_status, care_started_at, care_ended_at, created_at, updated_at)
  SELECT a.ids[(i % a.n) + 1], 'G' || i, 'GEN' || i, 'Generated', 'Child', date '2007-01-01' + (i % 2000), (i % 2) + 1,
    (ARRAY['suspected', 'confirmed', 'not_trafficked', 'unknown'])[(i % 4) + 1],
    timestamptz '2023-06-01 09:00+00' + (i % 365) * interval '1 day',
    CASE WHEN (i / $2) % 10 = 0 THEN timestamptz '2026-10-01 12:00+00' END,
    timestamptz '2023-06-01 09:00+00', timestamptz '2023-06-01 09:00+00'
  FROM (SELECT array_agg(id ORDER BY code) AS ids, count(*)::int AS n FROM local_authorities WHERE code LIKE 'GEN%') a,
    generate_series(1, $1) AS i`;

// Ten episodes per child, 90 days apart (12 days for 1 child in 10, a repeat misser, in 2025-26),
// lasting 1-168 hours; the last is still open for 1 child in 20 and closed without a return for another 1 in 20.
const episodesSql = (
  newId: string,
) => `INSERT INTO missing_episodes (id, authority_id, child_id, reference, kind, state, discovered_at, reported_at,
    reported_via, reported_by_name, reported_to_police_at, police_reference, risk_grade, high_risk_from_start, trafficking_status,
    repeat_count, returned_at, return_interview_offered_at, return_interview_held_at, closed_at, close_reason, policy_snapshot,
    created_at, updated_at)
  SELECT ${newId}, c.authority_id, c.id, 'E-' || c.reference || '-' || k, CASE WHEN (c.n + k) % 4 = 0 THEN 'A' ELSE 'M' END,
    CASE WHEN t.closed IS NULL THEN 'reported' ELSE 'closed' END, d.at, d.at + interval '5 minutes', 'sms', 'Generated carer',
    d.at + ((c.n + k) % 120) * interval '1 minute', 'CAD-' || c.n || '-' || k,
    (ARRAY['very_low', 'low', 'medium', 'high'])[((c.n + k) % 4) + 1], true, c.trafficking_status, k + 1,
    t.returned, t.returned + ((c.n * (k + 1)) % 96) * interval '1 hour',
    CASE WHEN (c.n + k) % 3 <> 0 THEN t.returned + ((c.n * (k + 1)) % 96 + 12) * interval '1 hour' END,
    t.closed, CASE WHEN t.closed IS NOT NULL THEN 'Generated' END, '{}'::jsonb, d.at, coalesce(t.closed, d.at)
  FROM (SELECT id, authority_id, reference, trafficking_status, care_started_at, substr(local_id, 4)::int AS n
        FROM children WHERE authority_id = ANY($1::uuid[]) AND local_id LIKE 'GEN%') c0
  CROSS JOIN LATERAL (SELECT c0.*, c0.n / ${AUTHORITIES} AS m) c
  CROSS JOIN generate_series(0, ${EPISODES_PER_CHILD - 1}) AS k
  CROSS JOIN LATERAL (SELECT c.care_started_at + k * CASE WHEN c.m % 10 = 3 THEN interval '12 days' ELSE interval '90 days' END
      + CASE WHEN c.m % 10 = 3 THEN interval '700 days' ELSE interval '30 days' END + ((c.n * 7 + k * 13) % 72) * interval '1 hour' AS at) d
  CROSS JOIN LATERAL (SELECT ((c.n * 31 + k * 17) % 168 + 1) * interval '1 hour' AS lasted) l
  CROSS JOIN LATERAL (SELECT
      CASE WHEN k = ${EPISODES_PER_CHILD - 1} AND c.m % 20 IN (1, 2) THEN NULL ELSE d.at + l.lasted END AS returned,
      CASE WHEN k = ${EPISODES_PER_CHILD - 1} AND c.m % 20 = 1 THEN NULL
           WHEN k = ${EPISODES_PER_CHILD - 1} AND c.m % 20 = 2 THEN d.at + interval '40 days'
           ELSE d.at + l.lasted + interval '3 days' END AS closed) t`;

// Ten alerts per episode, minutes apart: 2% failed, 2% undelivered, most of those needing an ACK acknowledged.
const notificationsSql = (
  newId: string,
) => `INSERT INTO notifications (id, authority_id, episode_id, step_key, channel, recipient_type, recipient_name,
    address, template, body_text, needs_ack, acknowledged_at, status, attempts, next_attempt_at, created_at, updated_at, sent_at, delivered_at)
  SELECT ${newId}, e.authority_id, e.id, 'step' || s, CASE WHEN s % 2 = 1 THEN 'sms' ELSE 'email' END, 'contact', 'Generated contact',
    CASE WHEN s % 2 = 1 THEN '+447700900' || lpad(s::text, 3, '0') ELSE 'contact' || s || '@example.org' END,
    'missing-alert', 'Generated alert', s <= 2, CASE WHEN st.status = 'acknowledged' THEN w.at + interval '10 minutes' END,
    st.status, 1, w.at, w.at, w.at, w.at, CASE WHEN st.status IN ('delivered', 'acknowledged') THEN w.at + interval '5 seconds' END
  FROM missing_episodes e
  CROSS JOIN generate_series(1, ${NOTIFICATIONS_PER_EPISODE}) AS s
  CROSS JOIN LATERAL (SELECT e.discovered_at + s * interval '7 minutes' AS at, abs(hashtext(e.reference || s)) % 100 AS r) w
  CROSS JOIN LATERAL (SELECT CASE WHEN w.r < 2 THEN 'failed' WHEN w.r < 4 THEN 'undelivered'
      WHEN s <= 2 AND w.r < 80 THEN 'acknowledged' ELSE 'delivered' END AS status) st
  WHERE e.authority_id = ANY($1::uuid[])`;

export type Log = (line: string) => void;

/** Fills an empty, migrated database; refuses if generated data is already there. */
export async function generateDataset(db: DataSource, scale: number, log: Log = () => undefined): Promise<DatasetSize> {
  const size = datasetSize(scale);
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM local_authorities WHERE code LIKE 'GEN%'`);
  if (n > 0) throw new Error('This database already holds a generated dataset: use an empty one.');
  const started = performance.now();
  const step = async (what: string, sql: string, params: unknown[]) => {
    const t = performance.now();
    await db.query(sql, params);
    log(
      `  ${what} in ${((performance.now() - t) / 1000).toFixed(1)} s (${((performance.now() - started) / 1000).toFixed(0)} s so far)`,
    );
  };
  await step(`${size.authorities} authorities`, authoritiesSql, [size.authorities]);
  await step(`${size.children} children`, childrenSql, [size.children, AUTHORITIES]);
  const ids: string[] = (await db.query(`SELECT id FROM local_authorities WHERE code LIKE 'GEN%' ORDER BY code`)).map(
    (r: { id: string }) => r.id,
  );
  // Time-ordered ids (PostgreSQL 18) append to the primary-key index instead of writing all over it.
  const [{ v7 }] = await db.query(`SELECT to_regproc('uuidv7') IS NOT NULL AS v7`);
  const newId = v7 ? 'uuidv7()' : 'gen_random_uuid()';
  const batches = Array.from({ length: Math.ceil(ids.length / 15) }, (_, i) => ids.slice(i * 15, i * 15 + 15));
  for (const [i, batch] of batches.entries())
    await step(`episodes, batch ${i + 1}/${batches.length}`, episodesSql(newId), [batch]);
  for (const [i, batch] of batches.entries())
    await step(`notifications, batch ${i + 1}/${batches.length}`, notificationsSql(newId), [batch]);
  await step('ANALYZE', 'ANALYZE', []);
  return size;
}

async function main(): Promise<void> {
  const { openBenchDatabase, scaleArgument } = await import('./bench-database');
  const { createLogger } = await import('../../src/platform/logger');
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const scale = scaleArgument(process.argv);
  const bench = await openBenchDatabase(createLogger('warn'));
  try {
    out(`generating scale ${scale} into ${bench.where}`);
    const size = await generateDataset(bench.db, scale, out);
    const [{ bytes }] = await bench.db.query('SELECT pg_size_pretty(pg_database_size(current_database())) AS bytes');
    out(`generated ${JSON.stringify(size)}; database size ${bytes}`);
  } finally {
    await bench.close();
  }
}

if (require.main === module)
  main().catch((err) => {
    process.stderr.write(`generation failed: ${err.stack ?? err}\n`);
    process.exit(1);
  });
