// Plain SQL with entity-shaped results, for hot paths where building a TypeORM query costs more
// than the statement itself: an INSERT ... RETURNING * whose row comes back as the entity, with an
// optional ON CONFLICT clause TypeORM's builder cannot target. Only for entities whose columns pg
// returns in their entity form (uuid, text, numbers, booleans, timestamptz, jsonb, arrays; no 'date').
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

import type { Tx } from './transaction';

/** The entity for a row read with SELECT * / RETURNING * from its table. */
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

/**
 * Inserts one row (every column of the entity given in values; ids default in the database) and
 * returns it as the entity, or null when `onConflict` (e.g. "(authority_id, reference) DO NOTHING") skipped it.
 */
export async function insertEntity<T extends ObjectLiteral>(
  tx: Tx,
  target: EntityTarget<T>,
  values: Partial<T>,
  onConflict?: string,
): Promise<T | null> {
  const metadata = tx.connection.getMetadata(target);
  const columns = metadata.columns.filter(
    (c) => !c.isVirtualProperty && (values as Record<string, unknown>)[c.propertyName] !== undefined,
  );
  const params = columns.map((c) => {
    const value = (values as Record<string, unknown>)[c.propertyName];
    return (c.type === 'jsonb' || c.type === 'json') && value !== null ? JSON.stringify(value) : value;
  });
  const rows: Record<string, unknown>[] = await tx.query(
    `INSERT INTO ${metadata.tableName} (${columns.map((c) => c.databaseName).join(', ')})
    VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})${onConflict ? ` ON CONFLICT ${onConflict}` : ''} RETURNING *`,
    params,
  );
  return rows.length ? entityFromRow(tx.connection, target, rows[0]) : null;
}
