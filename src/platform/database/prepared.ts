// Statements the service runs on every request or report (a bearer token's lookup, an audited read, the
// statements of a missing report and the dispatcher's) run as prepared statements: named, so PostgreSQL
// parses each once per connection, and plans it once where a generic plan serves (after five runs).
// Planning was half of PostgreSQL's work on an API read (docs/decisions/prepared-statements.md).
// Only for statements naming their columns: a prepared `SELECT *` whose table gains a column (a
// migration while this instance runs) fails until reconnected.
import { DatabaseError, type Pool, type PoolClient } from 'pg';
import { DataSource, EntityManager, QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';

import type { Tx } from './transaction';

/** More distinct texts than the service has such statements: a text built per call runs unnamed past this. */
const MOST_NAMES = 200;
const names = new Map<string, string>();

function nameOf(text: string): string | undefined {
  if (!names.has(text) && names.size < MOST_NAMES) names.set(text, `prepared_${names.size + 1}`);
  return names.get(text);
}

/** Where a statement runs: a node-postgres pool, or a connection of one. */
type Runner = Pick<Pool | PoolClient, 'query'>;

/** The transaction's own connection, or the pool (TypeORM's node-postgres pool) for work outside one. */
async function runnerOf(on: DataSource | Tx | Pool): Promise<Runner> {
  if (on instanceof DataSource) return (on.driver as unknown as { master: Pool }).master;
  if (!(on instanceof EntityManager)) return on;
  const runner = on.queryRunner;
  if (!runner) return runnerOf(on.connection);
  // As tx.query would: a statement of a transaction that has ended must not run on its own, committed at once.
  if (runner.isReleased) throw new QueryRunnerAlreadyReleasedError();
  return (await runner.connect()) as PoolClient;
}

/**
 * The rows of this statement, prepared once per connection: in the caller's transaction when given one, else on the
 * pool. PostgreSQL's refusal is TypeORM's QueryFailedError, as from `tx.query`; a connection's failure is as it came.
 */
export async function queryPrepared<T>(on: DataSource | Tx | Pool, text: string, values: unknown[] = []): Promise<T[]> {
  const runner = await runnerOf(on);
  try {
    return (await runner.query({ name: nameOf(text), text, values })).rows as T[];
  } catch (err) {
    throw err instanceof DatabaseError ? new QueryFailedError(text, values, err) : err;
  }
}

/**
 * For the rest of the caller's transaction, PostgreSQL plans each prepared statement once per connection. By default
 * it plans each of a statement's first five runs on a connection for its values before settling on one plan, so a
 * burst of texts that meets young connections (after a restart, or the pool's connections above its warm ten) plans
 * every statement of every report (alert p99 827-940 ms that way, 702-812 ms this way, alternating). Only for
 * transactions of statements we wrote and whose one plan serves every value (a text's: each settles on it anyway);
 * never for the service's connections as a whole, where a page's search needs a plan for its values
 * (docs/decisions/prepared-statements.md). LOCAL: it ends with the transaction, before the connection is reused.
 */
export async function planEachStatementOnce(tx: Tx): Promise<void> {
  await tx.query('SET LOCAL plan_cache_mode = force_generic_plan');
}
