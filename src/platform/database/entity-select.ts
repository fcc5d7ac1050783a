// A hand-written SELECT that yields rows shaped like an entity, without TypeORM's hydration: the
// column list comes from the entity's own metadata, so it cannot drift from the entity.
import type { Pool } from 'pg';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/** `alias.column AS "property"` for every column; dates stay 'YYYY-MM-DD' text, as TypeORM gives them. */
export function entityColumns(db: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  return db
    .getMetadata(entity)
    .columns.map((c) => `${alias}.${c.databaseName}${c.type === 'date' ? '::text' : ''} AS "${c.propertyName}"`)
    .join(', ');
}

/** The driver's pool, for the few hot reads that run one prepared statement outside TypeORM. */
export function poolOf(db: DataSource): Pool {
  return (db.driver as unknown as { master: Pool }).master;
}
