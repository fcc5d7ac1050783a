// The one TypeORM DataSource. Schema changes only through migrations: synchronize stays off.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from '../../../migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export function createDataSource(url: string, poolSize = 20): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: poolSize, application_name: 'missing-children' },
  });
}
