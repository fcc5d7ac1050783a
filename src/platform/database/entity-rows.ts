// Plain SQL with entity-shaped rows, for the hot paths (a carer's report writes five of them) where
// building a TypeORM query costs more than the statement itself: an INSERT of one entity's row, as a
// prepared statement (one text per set of columns given, so PostgreSQL parses it once per connection),
// optionally returning the row as the entity, with an ON CONFLICT clause TypeORM's builder cannot
// target. Only for entities whose columns pg returns in their entity form (uuid, text, numbers,
// booleans, timestamptz, jsonb, arrays; no 'date').
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

import { queryPrepared } from './prepared';
import type { Tx } from './transaction';

/** The entity for a row read with its columns by their database names. */
export function entityFromRow<T extends ObjectLiteral>(
  db: DataSource,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
): T {
  const metadata = db.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns)
    (entity as Record<string, unknown>)[column.propertyName] = row[column.databaseName];
  return entity;
}

/** The INSERT of the columns given in values (ids and defaults left to the database), and its parameters. */
function insertOf<T extends ObjectLiteral>(db: DataSource, target: EntityTarget<T>, values: Partial<T>) {
  const metadata = db.getMetadata(target);
  const given = (c: { propertyName: string }) => (values as Record<string, unknown>)[c.propertyName];
  const columns = metadata.columns.filter((c) => !c.isVirtualProperty && given(c) !== undefined);
  return {
    metadata,
    text: `INSERT INTO ${metadata.tableName} (${columns.map((c) => c.databaseName).join(', ')})
    VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    params: columns.map((c) =>
      (c.type === 'jsonb' || c.type === 'json') && given(c) !== null ? JSON.stringify(given(c)) : given(c),
    ),
  };
}

/** Inserts one row in the caller's transaction (every column of the entity given in values). */
export async function insertRow<T extends ObjectLiteral>(tx: Tx, target: EntityTarget<T>, values: Partial<T>) {
  const { text, params } = insertOf(tx.connection, target, values);
  await queryPrepared(tx, text, params);
}

/**
 * Inserts one row and returns it as the entity, or null when `onConflict` (e.g. "(authority_id, reference) DO
 * NOTHING") skipped it. The columns are returned by name, not `*`: a prepared statement's result must keep its shape
 * when a migration adds a column while the service runs.
 */
export async function insertEntity<T extends ObjectLiteral>(
  tx: Tx,
  target: EntityTarget<T>,
  values: Partial<T>,
  onConflict?: string,
): Promise<T | null> {
  const { metadata, text, params } = insertOf(tx.connection, target, values);
  const returning = metadata.columns.filter((c) => !c.isVirtualProperty).map((c) => c.databaseName);
  const rows = await queryPrepared<Record<string, unknown>>(
    tx,
    `${text}${onConflict ? ` ON CONFLICT ${onConflict}` : ''} RETURNING ${returning.join(', ')}`,
    params,
  );
  return rows.length ? entityFromRow(tx.connection, target, rows[0]) : null;
}
