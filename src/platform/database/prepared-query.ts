// The statements a sweep runs for every batch, run as named prepared statements on the caller's
// connection: PostgreSQL parses each once per connection and, after a few runs, keeps one plan.
// Planning them afresh cost the database more than running some of them: each batch's ids come as
// one array, and the planner weighed every id of it against the column's statistics every time.
import { createHash } from 'node:crypto';

import { connectionOf, Tx } from './transaction';

const names = new Map<string, string>();

/** The rows of `text` run with `params` in the caller's transaction, as a statement prepared once per connection. */
export async function preparedQuery<T>(tx: Tx, text: string, params: unknown[]): Promise<T[]> {
  let name = names.get(text);
  if (!name) names.set(text, (name = `p_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`));
  const client = await connectionOf(tx);
  return (await client.query({ name, text, values: params })).rows as T[];
}
