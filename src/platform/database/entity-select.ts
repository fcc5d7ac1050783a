// A hand-written SELECT that yields rows shaped like an entity, without TypeORM's hydration: the
// column list comes from the entity's own metadata, so it cannot drift from the entity.
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/** `alias.column AS "property"` for every column; dates stay 'YYYY-MM-DD' text, as TypeORM gives them. */
export function entityColumns(db: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  return db
    .getMetadata(entity)
    .columns.map((c) => `${alias}.${c.databaseName}${c.type === 'date' ? '::text' : ''} AS "${c.propertyName}"`)
    .join(', ');
}
