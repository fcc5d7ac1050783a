// Opens the database the service uses: the server in DATABASE_URL, or a real embedded PostgreSQL
// under .data/ when none is given. Migrations run before anything else touches it.
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { Config } from '../../config';
import type { Logger } from '../logger';
import { createDataSource, openWarmConnections } from './data-source';
import { chooseDataDir, EmbeddedPostgres } from './embedded-postgres';

export interface Database {
  dataSource: DataSource;
  embedded?: EmbeddedPostgres;
  close(): Promise<void>;
}

export async function openDatabase(config: Config, logger: Logger, projectRoot: string): Promise<Database> {
  let url = config.databaseUrl;
  let embedded: EmbeddedPostgres | undefined;
  if (!url) {
    const preferred = config.embeddedDataDir ?? path.join(projectRoot, '.data', 'pg');
    const dataDir = chooseDataDir(preferred);
    if (dataDir !== preferred) logger.warn({ dataDir }, 'the postgres user cannot reach .data/ here; keeping the embedded cluster under the temporary directory');
    embedded = new EmbeddedPostgres({ dataDir, port: config.embeddedPort, database: 'missing_children', logger });
    url = await embedded.start();
  }
  const dataSource = createDataSource(url);
  try {
    await dataSource.initialize();
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    if (ran.length) logger.info({ migrations: ran.map((m) => m.name) }, 'migrations applied');
    await openWarmConnections(dataSource);
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  return {
    dataSource,
    embedded,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
