// Plain SQL with entity-shaped results, for hot paths where building a TypeORM query costs more
// than the statement itself (and for prepared statements, which TypeORM cannot make): an INSERT ...
// RETURNING * whose row comes back as the entity, with an optional ON CONFLICT clause TypeORM's
// builder cannot target, and rows read with an entity's columns named. Each value goes through
// TypeORM's own hydration, so a row comes out exactly as TypeORM's find would give it ('date' as text).
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

import type { Tx } from './transaction';

/** "alias.column, ..." for every column of the entity: a row any entityFromRow reads, named (fit to prepare). */
export function entityColumns(db: DataSource, target: EntityTarget<ObjectLiteral>, alias: string): string {
  return db
    .getMetadata(target)
    .columns.map((c) => `${alias}.${c.databaseName}`)
    .join(', ');
}

/** The entity for a row read with its columns (entityColumns, or SELECT * / RETURNING * from its table). */
export function entityFromRow<T extends ObjectLiteral>(
  db: DataSource,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
): T {
  const metadata = db.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns)
    (entity as Record<string, unknown>)[column.propertyName] = db.driver.prepareHydratedValue(
      row[column.databaseName],
      column,
    );
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
