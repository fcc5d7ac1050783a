// The one TypeORM DataSource. Schema changes only through migrations: synchronize stays off.
import 'reflect-metadata';

import type { Pool } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';

import { migrations } from '../../../migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

const WARM_CONNECTIONS = 10;

/**
 * Opens the connections the pool keeps (the TCP connect, authentication and new server process each costs), before the
 * first request needs them.
 */
export async function openWarmConnections(dataSource: DataSource): Promise<void> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const clients = await Promise.all(Array.from({ length: pool.options.min ?? 0 }, () => pool.connect()));
  await Promise.all(clients.map((c) => c.query('SELECT 1')));
  clients.forEach((c) => c.release());
}

/** The entity classes a DataSource maps; the domain folders gather theirs in src/entities.ts. */
export type EntityList = NonNullable<DataSourceOptions['entities']>;

/** A DataSource on `url`; one that only migrates needs no entities (pass []). */
export function createDataSource(url: string, entities: EntityList, poolSize = 20): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    namingStrategy: new SnakeNamingStrategy(),
    // Up to WARM_CONNECTIONS idle connections stay open, so a report after a quiet night does not wait for new ones.
    extra: { max: poolSize, min: Math.min(poolSize, WARM_CONNECTIONS), application_name: 'missing-children' },
  });
}
