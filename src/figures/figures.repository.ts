// The management figures as aggregate SQL: Postgres counts and measures, nothing is loaded row by
// row into the service. Every query takes the same parameters:
// $1 authority, $2 first day, $3 last day (London dates), $4 time zone, $5 the as-at instant.
import type { Tx } from '../platform/database/transaction';

/** Episodes that began in the period. */
const periodEpisodes = `
  WITH bounds AS (SELECT ($2::date::timestamp AT TIME ZONE $4) AS t0, (($3::date + 1)::timestamp AT TIME ZONE $4) AS t1)
  SELECT e.*, coalesce(e.returned_at, e.closed_at) AS ended_at FROM missing_episodes e, bounds
  WHERE e.authority_id = $1 AND e.discovered_at >= bounds.t0 AND e.discovered_at < bounds.t1`;

const hours = (a: string, b: string) => `extract(epoch FROM (${a} - ${b})) / 3600`;

export const figureQueries = {
  episodes: `WITH ep AS (${periodEpisodes})
    SELECT count(*)::int AS episodes, count(DISTINCT child_id)::int AS children,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours('ended_at', 'discovered_at')}) AS median_hours,
      max(${hours('ended_at', 'discovered_at')}) AS longest_hours,
      count(ended_at)::int AS ended,
      count(reported_to_police_at)::int AS reported_to_police,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours('reported_to_police_at', 'discovered_at')} * 60) AS median_police_minutes,
      max(${hours('reported_to_police_at', 'discovered_at')} * 60) AS longest_police_minutes,
      count(returned_at)::int AS returned,
      count(*) FILTER (WHERE return_interview_offered_at <= returned_at + interval '72 hours')::int AS offered_72h,
      count(*) FILTER (WHERE return_interview_held_at <= returned_at + interval '72 hours')::int AS held_72h
    FROM ep`,

  /** Children by how many episodes they had in the period. */
  perChild: `WITH ep AS (${periodEpisodes}), per AS (SELECT child_id, count(*) AS n FROM ep GROUP BY child_id)
    SELECT count(*) FILTER (WHERE n = 1)::int AS one, count(*) FILTER (WHERE n = 2)::int AS two,
      count(*) FILTER (WHERE n BETWEEN 3 AND 5)::int AS three_to_five, count(*) FILTER (WHERE n > 5)::int AS six_or_more,
      coalesce(max(n), 0)::int AS most FROM per`,

  /** Repeat missers as the escalation ladder counts them: 3 or more episodes within 30 days. */
  repeat: `WITH ep AS (${periodEpisodes}), runs AS (
      SELECT child_id, count(*) OVER (PARTITION BY child_id ORDER BY discovered_at RANGE BETWEEN interval '30 days' PRECEDING AND CURRENT ROW) AS n FROM ep)
    SELECT count(DISTINCT child_id)::int AS repeat_missers FROM runs WHERE n >= 3`,

  byMonth: `WITH ep AS (${periodEpisodes})
    SELECT to_char(date_trunc('month', discovered_at AT TIME ZONE $4), 'YYYY-MM') AS month, count(*)::int AS episodes
    FROM ep GROUP BY 1 ORDER BY 1`,

  /** Still missing at the as-at instant; never found: missing > 28 days then, or closed without a return. */
  stillMissing: `WITH ep AS (${periodEpisodes}),
    open_then AS (SELECT child_id, discovered_at FROM missing_episodes
      WHERE authority_id = $1 AND discovered_at <= $5 AND (coalesce(returned_at, closed_at) IS NULL OR coalesce(returned_at, closed_at) > $5))
    SELECT (SELECT count(DISTINCT child_id) FROM open_then)::int AS still_missing,
      (SELECT count(DISTINCT child_id) FROM (
        SELECT child_id FROM open_then WHERE discovered_at < $5::timestamptz - interval '28 days'
        UNION SELECT child_id FROM ep WHERE closed_at IS NOT NULL AND returned_at IS NULL) nf)::int AS never_found`,

  /** Alerts about episodes sent in the period (by when they were written to the outbox). */
  alerts: `WITH bounds AS (SELECT ($2::date::timestamp AT TIME ZONE $4) AS t0, (($3::date + 1)::timestamp AT TIME ZONE $4) AS t1)
    SELECT count(*)::int AS total,
      count(*) FILTER (WHERE delivered_at IS NOT NULL OR status IN ('delivered', 'acknowledged'))::int AS delivered,
      count(*) FILTER (WHERE needs_ack)::int AS needing_ack,
      count(*) FILTER (WHERE acknowledged_at IS NOT NULL)::int AS acknowledged,
      count(*) FILTER (WHERE status IN ('failed', 'undelivered'))::int AS failed
    FROM notifications n, bounds
    WHERE n.authority_id = $1 AND n.created_at >= bounds.t0 AND n.created_at < bounds.t1 AND n.episode_id IS NOT NULL`,
};

export type FigureQuery = keyof typeof figureQueries;
export type Row = Record<string, number | string | null>;

/** Runs every query against one snapshot; `now` becomes the as-at instant: the period's end, or now if sooner. */
export async function runFigureQueries(
  tx: Tx,
  authorityId: string,
  from: string,
  to: string,
  timeZone: string,
  now: Date,
) {
  const [{ at }] = await tx.query('SELECT least((($1::date + 1)::timestamp AT TIME ZONE $2), $3::timestamptz) AS at', [
    to,
    timeZone,
    now,
  ]);
  const params = [authorityId, from, to, timeZone, at];
  const results = {} as Record<FigureQuery, Row[]>;
  for (const [name, sql] of Object.entries(figureQueries)) {
    // Postgres refuses surplus parameters, and not every query needs the as-at instant.
    const used = Math.max(...[...sql.matchAll(/\$(\d)/g)].map((m) => Number(m[1])));
    results[name as FigureQuery] = await tx.query(sql, params.slice(0, used));
  }
  return { asAt: at as Date, results };
}
