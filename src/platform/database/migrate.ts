// Brings the schema up to date. As the owner role (MIGRATION_DATABASE_URL, or the embedded superuser)
// it then grants the service's role what it needs; with only DATABASE_URL it migrates as that role,
// as small installations always have, and the role check decides whether that may run.
import type { DataSource } from 'typeorm';

import type { Logger } from '../logger';
import { createDataSource } from './data-source';
import { grantServiceRole } from './service-role';

// Instances starting together migrate and grant one at a time (concurrent GRANTs fail on the catalog row).
const MIGRATION_LOCK = `hashtext('missing-children:migrate')`;

/** Migrates as the owner at `ownerUrl` and grants `serviceRole` its privileges; the owner's pool is closed after. */
export async function migrateAsOwner(ownerUrl: string, serviceRole: string, logger: Logger): Promise<void> {
  const owner = createDataSource(ownerUrl, [], 2);
  await owner.initialize();
  const lock = owner.createQueryRunner();
  try {
    await lock.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    await runMigrations(owner, logger);
    const [{ role }] = (await owner.query('SELECT current_user AS role')) as { role: string }[];
    if (role === serviceRole) {
      logger.warn({ role }, 'MIGRATION_DATABASE_URL and DATABASE_URL name the same role; no privileges were granted');
      return;
    }
    await owner.transaction((tx) => grantServiceRole(tx, serviceRole));
    logger.info({ serviceRole }, 'service role granted its privileges');
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`).catch(() => undefined);
    await lock.release();
    await owner.destroy();
  }
}

/** Runs pending migrations on `dataSource`, explaining a refusal that means the role is not the owner. */
export async function runMigrations(dataSource: DataSource, logger: Logger): Promise<void> {
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    if (ran.length) logger.info({ migrations: ran.map((m) => m.name) }, 'migrations applied');
  } catch (err) {
    if ((err as { code?: string }).code !== '42501') throw err; // insufficient_privilege
    throw new Error(
      `A migration was refused (${(err as Error).message}): the role in DATABASE_URL is not the schema's owner. ` +
        'Set MIGRATION_DATABASE_URL to the owner role (see docs/database-roles.md).',
      { cause: err },
    );
  }
}
