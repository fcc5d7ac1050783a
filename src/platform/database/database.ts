// Opens the database the service uses: the server in DATABASE_URL, or a real embedded PostgreSQL
// under .data/ when none is given. Migrations run (as the owner) before anything else touches it,
// and the service's own connection is then checked for privilege it must not have.
import path from 'node:path';

import type { DataSource } from 'typeorm';

import type { Config } from '../../config';
import type { Logger } from '../logger';
import type { Shutdown } from '../shutdown';
import { createDataSource, type EntityList, openWarmConnections } from './data-source';
import { EmbeddedPostgres } from './embedded-postgres';
import { embeddedServiceUrl } from './embedded-service-role';
import { migrateAsOwner, runMigrations } from './migrate';
import { chooseDataDir } from './postgres-host';
import { checkServiceRole } from './role-check';

export interface Database {
  dataSource: DataSource;
  embedded?: EmbeddedPostgres;
}

interface Urls {
  service: string;
  owner?: string;
}

/** Opens, migrates and checks the database; registers with `shutdown` how to close each part it started. */
export async function openDatabase(
  config: Config,
  logger: Logger,
  projectRoot: string,
  shutdown: Shutdown,
  entities: EntityList,
): Promise<Database> {
  let urls: Urls = { service: config.databaseUrl ?? '', owner: config.migrationDatabaseUrl };
  let embedded: EmbeddedPostgres | undefined;
  if (!config.databaseUrl) {
    const preferred = config.embeddedDataDir ?? path.join(projectRoot, '.data', 'pg');
    const dataDir = chooseDataDir(preferred);
    if (dataDir !== preferred)
      logger.warn(
        { dataDir },
        'the postgres user cannot reach .data/ here; keeping the embedded cluster under the temporary directory',
      );
    const started = new EmbeddedPostgres({ dataDir, port: config.embeddedPort, database: 'missing_children', logger });
    embedded = started;
    await shutdown.add('embedded PostgreSQL', () => started.stop());
    const superuser = await started.start();
    urls = { service: await embeddedServiceUrl(started), owner: superuser };
  }
  const dataSource = createDataSource(urls.service, entities);
  await shutdown.add('database pool', () => (dataSource.isInitialized ? dataSource.destroy() : undefined));
  await dataSource.initialize();
  if (urls.owner) await migrateAsOwner(urls.owner, await currentRole(dataSource), logger);
  else await runMigrations(dataSource, logger);
  await refuseOverPrivilegedRole(dataSource, config, logger);
  await openWarmConnections(dataSource);
  return { dataSource, embedded };
}

async function currentRole(dataSource: DataSource): Promise<string> {
  const [{ role }] = (await dataSource.query('SELECT current_user AS role')) as { role: string }[];
  return role;
}

// Production refuses a role that could rewrite the audit trail; elsewhere a warning is enough, so a
// developer pointing DATABASE_URL at their own superuser can still work.
async function refuseOverPrivilegedRole(dataSource: DataSource, config: Config, logger: Logger): Promise<void> {
  const { role, problems } = await checkServiceRole(dataSource);
  if (problems.length === 0) return;
  const advice =
    'Connect as a least-privilege role and give the owner role in MIGRATION_DATABASE_URL (see docs/database-roles.md).';
  if (config.env === 'production') {
    throw new Error(
      `The database role "${role}" in DATABASE_URL has more privilege than the service may have:\n` +
        `${problems.map((p) => `  - ${p}`).join('\n')}\n${advice}`,
    );
  }
  logger.warn(
    { role, problems },
    `the service's database role has more privilege than it needs; production would refuse to start. ${advice}`,
  );
}
