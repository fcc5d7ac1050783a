// Statements the service runs on every request (a bearer token's lookup, an audited read) run as
// prepared statements: named, so PostgreSQL parses and plans each once per connection instead of every
// time. On an API read that was half of PostgreSQL's work (docs/decisions/prepared-statements.md).
// They run on a pool, outside any transaction. Only for statements naming their columns: a prepared
// `SELECT *` whose table gains a column (a migration while this instance runs) fails until reconnected.
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/** More distinct texts than the service has such statements: a text built per call runs unnamed past this. */
const MOST_NAMES = 200;
const names = new Map<string, string>();

function nameOf(text: string): string | undefined {
  if (!names.has(text) && names.size < MOST_NAMES) names.set(text, `prepared_${names.size + 1}`);
  return names.get(text);
}

/** The rows of this statement, prepared once per connection of the service's pool (TypeORM's node-postgres pool). */
export async function queryPrepared<T>(db: DataSource, text: string, values: unknown[] = []): Promise<T[]> {
  const pool = (db.driver as unknown as { master: Pool }).master;
  return (await pool.query({ name: nameOf(text), text, values })).rows as T[];
}
